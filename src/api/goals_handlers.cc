// Purpose, goals and roles: /teams/{id}/goals|roles|brief|purpose|
// deliverables|relationships, /goals, /goals/{id}[/updates], /me/goals,
// /people/{id}/goals, /deliverables/{id}, /relationships/{id},
// /engagements/{id}/log and /clients/{id}/leadership. Parse the request,
// call the GoalsService (which decides access), shape JSON.
#include "api/internal/goals_views.h"

namespace guild::api::internal {
namespace {

constexpr int kDefaultLogLimit = 20;
constexpr int kMaxLogLimit = 200;

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

// Reads a JSON body with `read`; a problem response when it fails.
template <typename Read>
auto Body(ApiServices& s, const http::Request& r, Read read)
    -> decltype(read(std::declval<const nlohmann::json&>())) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return json.problem();
  return read(json.value());
}

// ---- Reads ----

http::Response TeamGoalsHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.goals().GetTeamGoals(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const TeamGoals& page) { WriteTeamGoals(w, page); });
}

http::Response TeamRolesHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.goals().GetTeamRoles(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const TeamRoles& roles) { WriteTeamRoles(w, roles); });
}

http::Response BriefHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.goals().GetBrief(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const TeamBrief& brief) {
                const FirmSnapshot& snapshot = *brief.goals.state->snapshot;
                w.BeginObject().Key("goals");
                WriteTeamGoals(w, brief.goals);
                w.Key("roles");
                WriteTeamRoles(w, brief.roles);
                w.Key("log").BeginArray();
                for (const ClientLogEntry& e : brief.log) WriteLogEntry(w, snapshot, e);
                w.EndArray().EndObject();
              });
}

void WritePersonGoals(http::JsonWriter& w, const PersonGoals& goals) {
  const FirmSnapshot& s = *goals.state->snapshot;
  w.BeginObject().Key("person");
  WritePersonRef(w, s, s.data().people[goals.person].id);
  w.Member("as_of", FormatDate(goals.state->as_of)).Key("personal").BeginArray();
  for (const GoalView& v : goals.personal) WriteGoal(w, *goals.state, v);
  w.EndArray().Key("team").BeginArray();
  for (const GoalView& v : goals.team) WriteGoal(w, *goals.state, v);
  w.EndArray().EndObject();
}

http::Response MyGoalsHandler(ApiServices& s, const http::Request&, const Authenticated& who) {
  if (who.principal.person_id.empty()) {
    return Fail(NotFound("your account is linked to no person, so it has no goals"));
  }
  return Json(s.goals().GoalsOf(who.principal, who.principal.person_id), &WritePersonGoals);
}

http::Response PersonGoalsHandler(ApiServices& s, const http::Request& r,
                                  const Authenticated& who) {
  return Json(s.goals().GoalsOf(who.principal, Param(r, "id")), &WritePersonGoals);
}

http::Response GoalHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.goals().GetGoal(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const GoalDetail& d) {
                const FirmSnapshot& snapshot = *d.state->snapshot;
                w.BeginObject().Key("goal");
                WriteGoal(w, *d.state, d.view);
                w.Key("parent");
                if (d.parent) {
                  WriteGoal(w, *d.state, GoalView{*d.parent, {}, 0, false, false});
                } else {
                  w.Null();
                }
                w.Key("updates").BeginArray();
                for (const GoalUpdate& u : d.updates) {
                  w.BeginObject().Member("date", FormatDate(u.date)).Member("value", u.value);
                  w.Member("comment", u.comment).Key("author");
                  WritePersonRef(w, snapshot, u.author_id);
                  w.EndObject();
                }
                w.EndArray().EndObject();
              });
}

http::Response LogHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto limit = ReadInt(r, "limit", kDefaultLogLimit, 1, kMaxLogLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto snapshot = s.snapshots().Current();
  const std::string cursor(r.query("cursor").value_or(""));
  return Json(s.goals().GetLog(who.principal, Param(r, "id"), limit.value(), cursor),
              [&](http::JsonWriter& w, const LogPage& page) {
                w.BeginObject().Key("items").BeginArray();
                for (const ClientLogEntry& e : page.entries) WriteLogEntry(w, *snapshot, e);
                w.EndArray();
                WriteNextCursor(w, page.next_cursor);
                w.EndObject();
              });
}

http::Response LeadershipHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return Json(s.goals().GetAccountLeadership(who.principal, Param(r, "id")),
              [](http::JsonWriter& w, const AccountLeadership& page) {
                const FirmSnapshot& snapshot = *page.state->snapshot;
                const Client& client = snapshot.data().clients[page.client];
                w.BeginObject().Key("client").BeginObject().Member("id", client.id);
                w.Member("name", client.name).Member("key_client", client.key_client);
                w.EndObject().Key("accountable");
                if (page.accountable) {
                  WritePersonRef(w, snapshot, snapshot.data().people[*page.accountable].id);
                } else {
                  w.Null();
                }
                w.Key("goals");
                if (page.goals) {
                  WriteTeamGoals(w, *page.goals);
                } else {
                  w.Null();
                }
                w.Key("roles");
                if (page.roles) {
                  WriteTeamRoles(w, *page.roles);
                } else {
                  w.Null();
                }
                w.EndObject();
              });
}

// ---- Writes ----

http::Response CreateGoalHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadGoalDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto goal = s.goals().CreateGoal(who.principal, draft.value());
  if (!goal.ok()) return Fail(goal.status());
  auto created = s.goals().GetGoal(who.principal, goal->id);
  http::Response response = Json(
      created, [](http::JsonWriter& w, const GoalDetail& d) { WriteGoal(w, *d.state, d.view); },
      201);
  response.headers.emplace_back("Location", "/api/v1/goals/" + goal->id);
  return response;
}

http::Response UpdateGoalHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadGoalDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto goal = s.goals().UpdateGoal(who.principal, Param(r, "id"), draft.value());
  if (!goal.ok()) return Fail(goal.status());
  return Json(s.goals().GetGoal(who.principal, goal->id),
              [](http::JsonWriter& w, const GoalDetail& d) { WriteGoal(w, *d.state, d.view); });
}

http::Response NoContentOr(const Status& status) {
  if (!status.ok()) return Fail(status, "path");
  http::Response response;
  response.status = 204;
  return response;
}

http::Response DeleteGoalHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return NoContentOr(s.goals().DeleteGoal(who.principal, Param(r, "id")));
}

http::Response ProgressHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadProgressDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto update = s.goals().AddProgress(who.principal, Param(r, "id"), draft.value());
  if (!update.ok()) return Fail(update.status());
  return Json(
      s.goals().GetGoal(who.principal, update->goal_id),
      [](http::JsonWriter& w, const GoalDetail& d) { WriteGoal(w, *d.state, d.view); }, 201);
}

http::Response PurposeHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  std::string purpose;
  http::ObjectReader reader(json.value());
  reader.Required("purpose", purpose);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  auto if_match = ReadIfMatch(r);
  if (!if_match.ok()) return http::ProblemResponse(if_match.problem());
  auto change = s.goals().SetPurpose(who.principal, Param(r, "id"), purpose, if_match.value());
  if (!change.ok()) return Fail(change.status());
  return TeamGoalsHandler(s, r, who);
}

http::Response RaciHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto changes = Body(s, r, ReadRaciChanges);
  if (!changes.ok()) return http::ProblemResponse(changes.problem());
  Status status = s.goals().SetRaci(who.principal, Param(r, "id"), changes.value());
  if (!status.ok()) return Fail(status);
  return TeamRolesHandler(s, r, who);
}

http::Response CreateDeliverableHandler(ApiServices& s, const http::Request& r,
                                        const Authenticated& who) {
  auto draft = Body(s, r, ReadDeliverableDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto d = s.goals().CreateDeliverable(who.principal, Param(r, "id"), draft.value());
  if (!d.ok()) return Fail(d.status());
  auto snapshot = s.snapshots().Current();
  return Json(
      d, [&](http::JsonWriter& w, const Deliverable& x) { WriteDeliverable(w, *snapshot, x); },
      201);
}

http::Response UpdateDeliverableHandler(ApiServices& s, const http::Request& r,
                                        const Authenticated& who) {
  auto draft = Body(s, r, ReadDeliverableDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto d = s.goals().UpdateDeliverable(who.principal, Param(r, "id"), draft.value());
  if (!d.ok()) return Fail(d.status());
  auto snapshot = s.snapshots().Current();
  return Json(
      d, [&](http::JsonWriter& w, const Deliverable& x) { WriteDeliverable(w, *snapshot, x); });
}

http::Response DeleteDeliverableHandler(ApiServices& s, const http::Request& r,
                                        const Authenticated& who) {
  return NoContentOr(s.goals().DeleteDeliverable(who.principal, Param(r, "id")));
}

http::Response CreateRelationshipHandler(ApiServices& s, const http::Request& r,
                                         const Authenticated& who) {
  auto draft = Body(s, r, ReadRelationshipDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto rel = s.goals().CreateRelationship(who.principal, Param(r, "id"), draft.value());
  if (!rel.ok()) return Fail(rel.status());
  auto snapshot = s.snapshots().Current();
  return Json(
      rel,
      [&](http::JsonWriter& w, const ClientRelationship& x) { WriteRelationship(w, *snapshot, x); },
      201);
}

http::Response DeleteRelationshipHandler(ApiServices& s, const http::Request& r,
                                         const Authenticated& who) {
  return NoContentOr(s.goals().DeleteRelationship(who.principal, Param(r, "id")));
}

http::Response AddLogHandler(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto draft = Body(s, r, ReadLogDraft);
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  auto entry = s.goals().AddLogEntry(who.principal, Param(r, "id"), draft.value());
  if (!entry.ok()) return Fail(entry.status());
  auto snapshot = s.snapshots().Current();
  return Json(
      entry, [&](http::JsonWriter& w, const ClientLogEntry& e) { WriteLogEntry(w, *snapshot, e); },
      201);
}

}  // namespace

Status AddGoalsRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kGet, "/api/v1/teams/{id}/goals", TeamGoalsHandler},
      {http::Method::kGet, "/api/v1/teams/{id}/roles", TeamRolesHandler},
      {http::Method::kPatch, "/api/v1/teams/{id}/roles", RaciHandler},
      {http::Method::kGet, "/api/v1/teams/{id}/brief", BriefHandler},
      {http::Method::kPut, "/api/v1/teams/{id}/purpose", PurposeHandler},
      {http::Method::kPost, "/api/v1/teams/{id}/deliverables", CreateDeliverableHandler},
      {http::Method::kPost, "/api/v1/teams/{id}/relationships", CreateRelationshipHandler},
      {http::Method::kPost, "/api/v1/goals", CreateGoalHandler},
      {http::Method::kGet, "/api/v1/goals/{id}", GoalHandler},
      {http::Method::kPatch, "/api/v1/goals/{id}", UpdateGoalHandler},
      {http::Method::kDelete, "/api/v1/goals/{id}", DeleteGoalHandler},
      {http::Method::kPost, "/api/v1/goals/{id}/updates", ProgressHandler},
      {http::Method::kGet, "/api/v1/me/goals", MyGoalsHandler},
      {http::Method::kGet, "/api/v1/people/{id}/goals", PersonGoalsHandler},
      {http::Method::kPatch, "/api/v1/deliverables/{id}", UpdateDeliverableHandler},
      {http::Method::kDelete, "/api/v1/deliverables/{id}", DeleteDeliverableHandler},
      {http::Method::kDelete, "/api/v1/relationships/{id}", DeleteRelationshipHandler},
      {http::Method::kGet, "/api/v1/engagements/{id}/log", LogHandler},
      {http::Method::kPost, "/api/v1/engagements/{id}/log", AddLogHandler},
      {http::Method::kGet, "/api/v1/clients/{id}/leadership", LeadershipHandler},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
