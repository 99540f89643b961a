// Mentorships: POST /mentorships, GET /me/mentorships, POST
// /mentorships/{id}/accept|decline|end and PUT /mentorships/{id}/review-date.
// Parse the request, call the MentorshipService (which decides access
// through the Authorizer), shape JSON.
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

std::string Param(const http::Request& r, std::string_view name) {
  return std::string(r.param(name).value_or(""));
}

void WriteOptionalDate(http::JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
  w.Key(key);
  if (d) {
    w.String(FormatDate(*d));
  } else {
    w.Null();
  }
}

void WriteMentorship(http::JsonWriter& w, const FirmSnapshot& s, const Mentorship& m) {
  w.BeginObject().Member("id", m.id).Key("mentee");
  WritePersonRef(w, s, m.mentee_id);
  w.Key("mentor");
  WritePersonRef(w, s, m.mentor_id);
  w.Key("skills").BeginArray();
  for (const std::string& id : m.skill_ids) {
    const Skill* skill = s.FindSkill(id);
    w.BeginObject().Member("id", id).Member("name", skill ? skill->name : id).EndObject();
  }
  w.EndArray().Member("status", ToString(m.status)).Member("asked_at", Timestamp(m.asked_at));
  WriteOptionalDate(w, "started_on", m.started_on);
  WriteOptionalDate(w, "review_on", m.review_on);
  w.Member("message", m.message);
  WriteOptionalDate(w, "ended_on", m.ended_on);
  w.EndObject();
}

http::Response One(const Result<Mentorship>& m, ApiServices& s, int status = 200) {
  if (!m.ok()) return Fail(m.status(), "body");
  auto snapshot = s.snapshots().Current();
  std::string body;
  http::JsonWriter w(body);
  WriteMentorship(w, *snapshot, *m);
  return http::JsonResponse(std::move(body), status);
}

http::ProblemOr<MentorshipDraft> ReadDraft(const nlohmann::json& body) {
  MentorshipDraft d;
  std::optional<std::string> message;
  http::ObjectReader reader(body);
  reader.Required("mentor_id", d.mentor_id);
  reader.Required("skill_ids", d.skill_ids);
  reader.Optional("message", message);
  if (auto problem = reader.Finish()) return *problem;
  d.message = message.value_or("");
  return d;
}

// {"review_on": "YYYY-MM-DD"}; `required` false also takes an empty body.
http::ProblemOr<std::optional<Date>> ReadReviewOn(const http::Request& r, size_t max_bytes,
                                                  bool required) {
  if (!required && r.body.empty()) return std::optional<Date>();
  auto json = JsonBody(r, max_bytes);
  if (!json.ok()) return json.problem();
  std::optional<std::string> text;
  http::ObjectReader reader(json.value());
  reader.Optional("review_on", text);
  if (auto problem = reader.Finish()) return *problem;
  if (!text) {
    if (!required) return std::optional<Date>();
    return FieldProblem("review_on", "body", "a date YYYY-MM-DD", "missing");
  }
  auto date = ParseDate(*text);
  if (!date) return FieldProblem("review_on", "body", "a date YYYY-MM-DD", *text);
  return std::optional<Date>(*date);
}

http::Response AskHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  auto draft = ReadDraft(json.value());
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto m = s.mentorships().Ask(who.principal, draft.value());
  http::Response response = One(m, s, 201);
  if (m.ok()) response.headers.emplace_back("Location", "/api/v1/mentorships/" + m->id);
  return response;
}

http::Response MineHandler(ApiServices& s, const http::Request&, const Authenticated& who) {
  auto mine = s.mentorships().Mine(who.principal);
  if (!mine.ok()) return Fail(mine.status(), "");
  auto snapshot = s.snapshots().Current();
  std::string body;
  http::JsonWriter w(body);
  auto list = [&](std::string_view key, const std::vector<Mentorship>& items) {
    w.Key(key).BeginArray();
    for (const Mentorship& m : items) WriteMentorship(w, *snapshot, m);
    w.EndArray();
  };
  w.BeginObject();
  list("asked_of_me", mine->asked_of_me);
  list("as_mentee", mine->as_mentee);
  list("as_mentor", mine->as_mentor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response AcceptHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto review = ReadReviewOn(r, s.options().max_json_bytes, false);
  if (!review.ok()) return http::ProblemResponse(review.problem());
  return One(s.mentorships().Accept(who.principal, Param(r, "id"), review.value()), s);
}

http::Response DeclineHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return One(s.mentorships().Decline(who.principal, Param(r, "id")), s);
}

http::Response EndHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return One(s.mentorships().End(who.principal, Param(r, "id")), s);
}

http::Response ReviewHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto review = ReadReviewOn(r, s.options().max_json_bytes, true);
  if (!review.ok()) return http::ProblemResponse(review.problem());
  return One(s.mentorships().SetReviewDate(who.principal, Param(r, "id"), *review.value()), s);
}

}  // namespace

Status AddMentoringRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kPost, "/api/v1/mentorships", AskHandler},
      {http::Method::kGet, "/api/v1/me/mentorships", MineHandler},
      {http::Method::kPost, "/api/v1/mentorships/{id}/accept", AcceptHandler},
      {http::Method::kPost, "/api/v1/mentorships/{id}/decline", DeclineHandler},
      {http::Method::kPost, "/api/v1/mentorships/{id}/end", EndHandler},
      {http::Method::kPut, "/api/v1/mentorships/{id}/review-date", ReviewHandler},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
