// Check-ins (docs/CHECKINS.md): /checkins/me, /teams/{id}/checkins/me,
// /checkins/{id}, /teams/{id}/checkins[?cycle=], /checkins/overdue,
// /teams/{id}/checkins/nudge, /teams/{id}/checkins/trends,
// /checkin-questions[?to=me|from=me], /checkin-questions/{id}/answer and
// PUT /teams/{id}/checkin-cadence.
// Parse the request, call the CheckinsService (which decides access),
// shape JSON.
#include "api/internal/checkins_views.h"

namespace guild::api::internal {
namespace {

constexpr int kDefaultTrendCycles = 8;
// Teams per page of the reporting-line overdue view (a practice has
// thousands; the counts always cover them all).
constexpr int kDefaultOverdueTeams = 100;
constexpr int kMaxOverdueTeams = 1000;

std::string Param(const http::Request& r, std::string_view name) {
  return std::string(r.param(name).value_or(""));
}

template <typename T, typename Write>
http::Response Json(const Result<T>& result, Write write, int status = 200) {
  if (!result.ok()) return Fail(result.status(), "path");
  std::string body;
  http::JsonWriter w(body);
  write(w, *result);
  return http::JsonResponse(std::move(body), status);
}

void WriteOptionalCheckin(http::JsonWriter& w, const FirmSnapshot& s,
                          const std::optional<Checkin>& c) {
  if (c) {
    WriteCheckin(w, s, *c);
  } else {
    w.Null();
  }
}

void WriteMine(http::JsonWriter& w, const MyCheckins& mine) {
  const FirmSnapshot& s = *mine.snapshot;
  w.BeginObject().Key("teams").BeginArray();
  for (const MyTeamCheckin& t : mine.teams) {
    w.BeginObject().Key("team");
    WriteTeamSummary(w, s, t.team);
    w.Key("cycle");
    WriteCycle(w, t.cycle);
    w.Member("status", checkins::ToString(t.status)).Key("excluded_because");
    if (t.status == checkins::MemberStatus::kExcluded) {
      w.String(checkins::ToString(t.exclusion));
    } else {
      w.Null();
    }
    w.Key("checkin");
    WriteOptionalCheckin(w, s, t.current);
    w.Key("prefill");
    WriteOptionalCheckin(w, s, t.prefill);
    w.Key("open_blockers").BeginArray();
    for (const CheckinBlocker& b : t.open_blockers) WriteBlocker(w, s, b);
    w.EndArray().Key("question");
    if (t.question) {
      WriteQuestion(w, s, *t.question);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray().Key("questions_to_me").BeginArray();
  for (const CheckinQuestion& q : mine.questions_to_me) WriteQuestion(w, s, q);
  w.EndArray().EndObject();
}

http::Response MineHandler(ApiServices& s, const http::Request&, const Authenticated& who) {
  return Json(s.checkins().GetMine(who.principal), &WriteMine);
}

http::Response SaveHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  auto draft = ReadCheckinDraft(json.value());
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto saved = s.checkins().Save(who.principal, Param(r, "id"), draft.value());
  if (!saved.ok()) return Fail(saved.status());
  auto snapshot = s.snapshots().Current();
  return Json(saved, [&](http::JsonWriter& w, const Checkin& c) { WriteCheckin(w, *snapshot, c); });
}

http::Response CheckinHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.checkins().GetCheckin(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const CheckinDetail& d) {
                const FirmSnapshot& snapshot = *d.snapshot;
                w.BeginObject().Key("checkin");
                WriteCheckin(w, snapshot, d.checkin);
                w.Key("blockers").BeginArray();
                for (const CheckinBlocker& b : d.blockers) WriteBlocker(w, snapshot, b);
                w.EndArray().Key("questions").BeginArray();
                for (const CheckinQuestion& q : d.questions) WriteQuestion(w, snapshot, q);
                w.EndArray().EndObject();
              });
}

http::Response TeamHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto cycle = ReadDate(r, "cycle");
  if (!cycle.ok()) return http::ProblemResponse(cycle.problem());
  return Json(s.checkins().GetTeam(who.principal, Param(r, "id"), cycle.value()),
              [](http::JsonWriter& w, const TeamCheckins& page) {
                const FirmSnapshot& snapshot = *page.snapshot;
                w.BeginObject().Key("team");
                WriteTeamSummary(w, snapshot, page.team);
                w.Member("cadence_days", snapshot.data().teams[page.team].checkin_cadence_days);
                w.Key("cycle");
                WriteCycle(w, page.cycle);
                w.Key("members").BeginArray();
                for (const MemberCheckin& m : page.members) WriteMemberCheckin(w, snapshot, m);
                w.EndArray().Key("open_questions").BeginArray();
                for (const CheckinQuestion& q : page.open_questions) {
                  WriteQuestion(w, snapshot, q);
                }
                w.EndArray().Key("lingering_blockers").BeginArray();
                for (const LingeringBlocker& b : page.lingering_blockers) {
                  w.BeginObject().Key("blocker");
                  WriteBlocker(w, snapshot, b.blocker);
                  w.Member("cycles_open", b.cycles_open).EndObject();
                }
                w.EndArray().EndObject();
              });
}

void WriteOverdueTeam(http::JsonWriter& w, const FirmSnapshot& snapshot,
                      const OverdueList::Team& t) {
  w.BeginObject().Key("team");
  WriteTeamSummary(w, snapshot, t.team);
  w.Key("cycle");
  WriteCycle(w, t.cycle);
  w.Member("not_checked_in", static_cast<int64_t>(t.members.size()));
  w.Key("members").BeginArray();
  for (const MemberCheckin& m : t.members) WriteMemberCheckin(w, snapshot, m);
  w.EndArray().EndObject();
}

// ?scope=reports[&person=]: the practice leader's view over a reporting line.
http::Response OverdueOfReports(ApiServices& s, const http::Request& r, const Authenticated& who,
                                std::optional<Date> day) {
  const std::string person(r.query("person").value_or(""));
  auto limit = ReadInt(r, "limit", kDefaultOverdueTeams, 1, kMaxOverdueTeams);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  const OverduePage page{limit.value(), std::string(r.query("cursor").value_or(""))};
  return Json(s.checkins().GetOverdueOfReports(who.principal, person, day, page),
              [](http::JsonWriter& w, const ReportsOverdue& view) {
                const FirmSnapshot& snapshot = *view.snapshot;
                w.BeginObject().Key("person");
                WritePersonRef(w, snapshot, snapshot.data().people[view.person].id);
                w.Member("reporting_line", static_cast<int64_t>(view.reporting_line));
                w.Key("counts").BeginObject().Member("due", view.due);
                w.Member("draft", view.draft).Member("overdue", view.overdue);
                w.Member("total", view.due + view.draft + view.overdue);
                w.Member("teams", view.teams_total).EndObject();
                w.Key("teams").BeginArray();
                for (const OverdueList::Team& t : view.teams) WriteOverdueTeam(w, snapshot, t);
                w.EndArray();
                WriteNextCursor(w, view.next_cursor);
                w.EndObject();
              });
}

http::Response OverdueHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto day = ReadDate(r, "date");
  if (!day.ok()) return http::ProblemResponse(day.problem());
  const auto scope = r.query("scope");
  if (scope && *scope == "reports") return OverdueOfReports(s, r, who, day.value());
  if (scope && *scope != "teams") {
    return BadParameter("scope", "query", "teams (the teams I lead) or reports (my reporting line)",
                        std::string(*scope));
  }
  for (const char* name : {"person", "limit", "cursor"}) {
    if (r.query(name)) {
      return BadParameter(name, "query", std::string("no ") + name + " without scope=reports", "");
    }
  }
  return Json(s.checkins().GetOverdue(who.principal, day.value()),
              [](http::JsonWriter& w, const OverdueList& list) {
                const FirmSnapshot& snapshot = *list.snapshot;
                w.BeginObject().Key("teams").BeginArray();
                for (const OverdueList::Team& t : list.teams) WriteOverdueTeam(w, snapshot, t);
                w.EndArray().EndObject();
              });
}

http::Response NudgeHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(
      s.checkins().Nudge(who.principal, Param(r, "id")),
      [](http::JsonWriter& w, int count) { w.BeginObject().Member("nudged", count).EndObject(); });
}

http::Response TrendsHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto cycles = ReadInt(r, "cycles", kDefaultTrendCycles, 1, s.options().checkins.max_trend_cycles);
  if (!cycles.ok()) return http::ProblemResponse(cycles.problem());
  return Json(s.checkins().GetTrends(who.principal, Param(r, "id"), cycles.value()),
              [](http::JsonWriter& w, const TeamTrends& trends) {
                w.BeginObject().Key("team");
                WriteTeamSummary(w, *trends.snapshot, trends.team);
                w.Key("cycles").BeginArray();
                for (const checkins::CycleTrend& c : trends.cycles) {
                  w.BeginObject().Member("cycle_start", FormatDate(c.cycle_start));
                  w.Member("expected", c.expected).Member("submitted", c.submitted);
                  w.Key("completion");
                  c.completion ? w.Double(*c.completion) : w.Null();
                  w.Key("median_hours_to_answer");
                  c.median_hours_to_answer ? w.Double(*c.median_hours_to_answer) : w.Null();
                  w.Member("blockers_opened", c.blockers_opened);
                  w.Member("blockers_resolved", c.blockers_resolved).EndObject();
                }
                w.EndArray().EndObject();
              });
}

http::Response QuestionsHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  const auto to = r.query("to");
  const auto from = r.query("from");
  QuestionSide side = QuestionSide::kToMe;
  if (from && !to && *from == "me") {
    side = QuestionSide::kFromMe;
  } else if (from || (to && *to != "me")) {
    return BadParameter(from ? "from" : "to", "query", "to=me or from=me (one of them)",
                        std::string(from ? *from : *to));
  }
  auto snapshot = s.snapshots().Current();
  return Json(s.checkins().GetQuestions(who.principal, side),
              [&](http::JsonWriter& w, const std::vector<CheckinQuestion>& questions) {
                w.BeginObject().Key("items").BeginArray();
                for (const CheckinQuestion& q : questions) WriteQuestion(w, *snapshot, q);
                w.EndArray().EndObject();
              });
}

http::Response AnswerHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  std::string answer;
  http::ObjectReader reader(json.value());
  reader.Required("answer", answer);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  auto q = s.checkins().Answer(who.principal, Param(r, "id"), answer);
  if (!q.ok()) return Fail(q.status());
  auto snapshot = s.snapshots().Current();
  return Json(
      q, [&](http::JsonWriter& w, const CheckinQuestion& x) { WriteQuestion(w, *snapshot, x); });
}

// PUT /teams/{id}/checkin-cadence {"days": 0..91}: how often the team checks in.
http::Response CadenceHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  int days = 0;
  http::ObjectReader reader(json.value());
  reader.Required("days", days);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  auto if_match = ReadIfMatch(r);
  if (!if_match.ok()) return http::ProblemResponse(if_match.problem());
  const std::string team = Param(r, "id");
  auto set = s.checkins().SetCadence(who.principal, team, days, if_match.value());
  if (!set.ok()) return Fail(set.status());
  return Json(set, [&](http::JsonWriter& w, int cadence) {
    w.BeginObject().Member("team_id", team).Member("days", cadence).EndObject();
  });
}

}  // namespace

Status AddCheckinsRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kGet, "/api/v1/checkins/me", MineHandler},
      {http::Method::kGet, "/api/v1/checkins/overdue", OverdueHandler},
      {http::Method::kGet, "/api/v1/checkins/{id}", CheckinHandler},
      {http::Method::kPut, "/api/v1/teams/{id}/checkins/me", SaveHandler},
      {http::Method::kGet, "/api/v1/teams/{id}/checkins", TeamHandler},
      {http::Method::kPost, "/api/v1/teams/{id}/checkins/nudge", NudgeHandler},
      {http::Method::kGet, "/api/v1/teams/{id}/checkins/trends", TrendsHandler},
      {http::Method::kPut, "/api/v1/teams/{id}/checkin-cadence", CadenceHandler},
      {http::Method::kGet, "/api/v1/checkin-questions", QuestionsHandler},
      {http::Method::kPost, "/api/v1/checkin-questions/{id}/answer", AnswerHandler},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
