// Feedback requests and the inbox: /feedback-requests[/{id}[/answer|
// /answers/{reviewer}/share]|/suggested-reviewers] and /inbox[/{id}/read|
// /read-all] (docs/FEEDBACK.md). Parse the request, call the FeedbackService
// or the InboxService (which decide access through the Authorizer), shape JSON.
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

constexpr const char* kEventKinds = "\"pitch\", \"deliverable\", \"meeting\" or \"other\"";

std::string Param(const http::Request& r, std::string_view name) {
  return std::string(r.param(name).value_or(""));
}

template <typename T, typename Write>
http::Response Json(const Result<T>& result, Write write, int status = 200) {
  if (!result.ok()) return Fail(result.status(), "body");
  std::string body;
  http::JsonWriter w(body);
  write(w, *result);
  return http::JsonResponse(std::move(body), status);
}

void WriteTime(http::JsonWriter& w, std::string_view key, const std::optional<int64_t>& at) {
  w.Key(key);
  if (at) {
    w.String(Timestamp(*at));
  } else {
    w.Null();
  }
}

void WriteAnswer(http::JsonWriter& w, const FirmSnapshot& s, const FeedbackAnswer& a) {
  w.BeginObject().Member("request_id", a.request_id).Key("reviewer");
  WritePersonRef(w, s, a.reviewer_id);
  w.Member("status", ToString(a.status));
  w.Member("most_effective", a.most_effective).Member("do_better", a.do_better);
  WriteTime(w, "responded_at", a.responded_at);
  w.Key("shared_with");
  WritePersonRef(w, s, a.shared_with_id);
  WriteTime(w, "shared_at", a.shared_at);
  w.EndObject();
}

void WriteRequest(http::JsonWriter& w, const FirmSnapshot& s, const FeedbackRequestView& v) {
  const FeedbackRequest& r = v.request;
  w.BeginObject().Member("id", r.id).Key("requester");
  WritePersonRef(w, s, r.requester_id);
  w.Member("event_kind", ToString(r.event_kind)).Member("event", r.event);
  w.Member("event_date", FormatDate(r.event_date)).Key("engagement_id");
  if (r.engagement_id.empty()) {
    w.Null();
  } else {
    w.String(r.engagement_id);
  }
  w.Member("asked_at", Timestamp(r.asked_at)).Member("expires_on", FormatDate(r.expires_on));
  w.Member("expired", v.expired).Key("counts").BeginObject();
  w.Member("pending", v.pending).Member("answered", v.answered).Member("declined", v.declined);
  w.EndObject().Key("answers").BeginArray();
  for (const FeedbackAnswer& a : v.answers) WriteAnswer(w, s, a);
  w.EndArray().EndObject();
}

void WriteInboxItem(http::JsonWriter& w, const FirmSnapshot& s, const InboxItem& i) {
  w.BeginObject().Member("id", i.id).Member("kind", ToString(i.kind));
  w.Member("ref_id", i.ref_id).Key("from");
  WritePersonRef(w, s, i.from_id);
  w.Member("text", i.text).Member("created_at", Timestamp(i.created_at));
  WriteTime(w, "read_at", i.read_at);
  w.EndObject();
}

// Reads a JSON body with `read`; a problem response when it fails.
template <typename Read>
auto Body(ApiServices& s, const http::Request& r, Read read)
    -> decltype(read(std::declval<const nlohmann::json&>())) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return json.problem();
  return read(json.value());
}

http::ProblemOr<FeedbackRequestDraft> ReadRequestDraft(const nlohmann::json& body) {
  FeedbackRequestDraft d;
  std::string kind, event_date;
  std::optional<std::string> engagement, expires;
  http::ObjectReader reader(body);
  reader.Required("event_kind", kind);
  reader.Required("event", d.event);
  reader.Required("event_date", event_date);
  reader.Optional("engagement_id", engagement);
  reader.Required("reviewer_ids", d.reviewer_ids);
  reader.Optional("expires_on", expires);
  if (auto problem = reader.Finish()) return *problem;
  auto parsed_kind = ParseFeedbackEventKind(kind);
  if (!parsed_kind) return FieldProblem("event_kind", "body", kEventKinds, kind);
  d.event_kind = *parsed_kind;
  d.event_date = ParseDate(event_date);
  if (!d.event_date) return FieldProblem("event_date", "body", "a date YYYY-MM-DD", event_date);
  d.engagement_id = engagement.value_or("");
  if (expires) {
    d.expires_on = ParseDate(*expires);
    if (!d.expires_on) return FieldProblem("expires_on", "body", "a date YYYY-MM-DD", *expires);
  }
  return d;
}

http::ProblemOr<FeedbackAnswerDraft> ReadAnswerDraft(const nlohmann::json& body) {
  FeedbackAnswerDraft d;
  std::optional<bool> decline;
  std::optional<std::string> most_effective, do_better;
  http::ObjectReader reader(body);
  reader.Optional("decline", decline);
  reader.Optional("most_effective", most_effective);
  reader.Optional("do_better", do_better);
  if (auto problem = reader.Finish()) return *problem;
  d.decline = decline.value_or(false);
  d.most_effective = most_effective.value_or("");
  d.do_better = do_better.value_or("");
  return d;
}

http::ProblemOr<std::string> ReadLeader(const nlohmann::json& body) {
  std::string leader;
  http::ObjectReader reader(body);
  reader.Required("leader_id", leader);
  if (auto problem = reader.Finish()) return *problem;
  return leader;
}

// ---- Feedback ----

http::Response AskHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadRequestDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto view = s.feedback().Ask(who.principal, draft.value());
  auto snapshot = s.snapshots().Current();
  http::Response response = Json(
      view,
      [&](http::JsonWriter& w, const FeedbackRequestView& v) { WriteRequest(w, *snapshot, v); },
      201);
  if (view.ok()) {
    response.headers.emplace_back("Location", "/api/v1/feedback-requests/" + view->request.id);
  }
  return response;
}

http::Response ListHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  const std::string role(r.query("role").value_or("mine"));
  if (role != "mine" && role != "asked") {
    return BadParameter("role", "query", "\"mine\" or \"asked\"", role);
  }
  auto views =
      s.feedback().List(who.principal, role == "mine" ? FeedbackRole::kMine : FeedbackRole::kAsked);
  auto snapshot = s.snapshots().Current();
  return Json(views, [&](http::JsonWriter& w, const std::vector<FeedbackRequestView>& list) {
    w.BeginObject().Key("items").BeginArray();
    for (const FeedbackRequestView& v : list) WriteRequest(w, *snapshot, v);
    w.EndArray().EndObject();
  });
}

http::Response GetHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto view = s.feedback().Get(who.principal, Param(r, "id"));
  auto snapshot = s.snapshots().Current();
  return Json(view, [&](http::JsonWriter& w, const FeedbackRequestView& v) {
    WriteRequest(w, *snapshot, v);
  });
}

http::Response AnswerHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadAnswerDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto answer = s.feedback().Answer(who.principal, Param(r, "id"), draft.value());
  auto snapshot = s.snapshots().Current();
  return Json(answer,
              [&](http::JsonWriter& w, const FeedbackAnswer& a) { WriteAnswer(w, *snapshot, a); });
}

http::Response ShareHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto leader = Body(s, r, ReadLeader);
  if (!leader.ok()) return http::ProblemResponse(leader.problem());
  auto answer =
      s.feedback().Share(who.principal, Param(r, "id"), Param(r, "reviewer"), leader.value());
  auto snapshot = s.snapshots().Current();
  return Json(answer,
              [&](http::JsonWriter& w, const FeedbackAnswer& a) { WriteAnswer(w, *snapshot, a); });
}

http::Response SuggestHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto date = ReadDate(r, "event_date");
  if (!date.ok()) return http::ProblemResponse(date.problem());
  if (!date.value()) return BadParameter("event_date", "query", "a date YYYY-MM-DD", "missing");
  const std::string engagement(r.query("engagement").value_or(""));
  auto rows = s.feedback().Suggest(who.principal, *date.value(), engagement);
  auto snapshot = s.snapshots().Current();
  if (!rows.ok()) return Fail(rows.status(), "query");
  return Json(rows, [&](http::JsonWriter& w, const std::vector<SuggestedReviewer>& list) {
    w.BeginObject().Key("items").BeginArray();
    for (const SuggestedReviewer& x : list) {
      w.BeginObject().Key("person");
      WritePersonRef(w, *snapshot, x.person_id);
      w.Member("shared_hours", x.shared_hours).EndObject();
    }
    w.EndArray().EndObject();
  });
}

// ---- Inbox ----

http::Response InboxHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  const std::string cursor(r.query("cursor").value_or(""));
  auto page = s.inbox().List(who.principal, cursor);
  auto snapshot = s.snapshots().Current();
  if (!page.ok()) return Fail(page.status(), "query");
  return Json(page, [&](http::JsonWriter& w, const InboxPage& p) {
    w.BeginObject().Member("unread", p.unread).Key("items").BeginArray();
    for (const InboxItem& i : p.items) WriteInboxItem(w, *snapshot, i);
    w.EndArray();
    WriteNextCursor(w, p.next_cursor);
    w.EndObject();
  });
}

http::Response ReadItemHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto item = s.inbox().MarkRead(who.principal, Param(r, "id"));
  auto snapshot = s.snapshots().Current();
  return Json(item,
              [&](http::JsonWriter& w, const InboxItem& i) { WriteInboxItem(w, *snapshot, i); });
}

http::Response ReadAllHandler(ApiServices& s, const http::Request&, const Authenticated& who) {
  return Json(s.inbox().MarkAllRead(who.principal), [](http::JsonWriter& w, int64_t marked) {
    w.BeginObject().Member("marked", marked).EndObject();
  });
}

}  // namespace

Status AddFeedbackRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kPost, "/api/v1/feedback-requests", AskHandler},
      {http::Method::kGet, "/api/v1/feedback-requests", ListHandler},
      {http::Method::kGet, "/api/v1/feedback-requests/suggested-reviewers", SuggestHandler},
      {http::Method::kGet, "/api/v1/feedback-requests/{id}", GetHandler},
      {http::Method::kPut, "/api/v1/feedback-requests/{id}/answer", AnswerHandler},
      {http::Method::kPost, "/api/v1/feedback-requests/{id}/answers/{reviewer}/share",
       ShareHandler},
      {http::Method::kGet, "/api/v1/inbox", InboxHandler},
      {http::Method::kPost, "/api/v1/inbox/read-all", ReadAllHandler},
      {http::Method::kPost, "/api/v1/inbox/{id}/read", ReadItemHandler},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
