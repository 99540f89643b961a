// Staffing: /staffing/openings, /staffing/plans (propose, read, explain an
// entry, accept), /staffing/market and /staffing/capacity. Parse the request,
// call the StaffingBoardService (which decides access), shape JSON.
#include "api/internal/common.h"
#include "api/internal/refs.h"
#include "api/staffing_plan_json.h"

namespace guild::api::internal {
namespace {

using staffing::ProposedAssignment;
using staffing::StaffingPlan;

constexpr int kDefaultMarketWeeks = 8;
constexpr int kDefaultCapacityWeeks = 8;
constexpr int kMaxCapacityWeeks = 26;
constexpr int kMaxMarketWeeks = 52;

// ---- Parsing: every failure is a 400 naming the field.

// {"horizon_weeks", "capacity_ceiling", "time_limit_seconds"}; errors are
// named "options.<field>".
std::optional<http::Problem> ReadOptions(const nlohmann::json& json, PlanRequest& request) {
  if (!json.is_object()) {
    return FieldProblem("options", "body", "an object of plan options", json.dump());
  }
  http::ObjectReader reader(json);
  reader.Optional("horizon_weeks", request.horizon_weeks);
  reader.Optional("capacity_ceiling", request.capacity_ceiling);
  reader.Optional("time_limit_seconds", request.time_limit_seconds);
  auto problem = reader.Finish();
  if (!problem) return std::nullopt;
  for (http::FieldError& e : problem->errors) e.field = "options." + e.field;
  return problem;
}

http::ProblemOr<PlanRequest> ReadPlanRequest(const nlohmann::json& json) {
  PlanRequest request;
  nlohmann::json options;
  if (json.is_object() && json.contains("options")) {
    options = json.at("options");
  }
  nlohmann::json rest = json;
  if (rest.is_object()) rest.erase("options");
  std::string mode;
  std::optional<std::string> opening_id;
  http::ObjectReader reader(rest);
  reader.Required("mode", mode);
  reader.Optional("opening_id", opening_id);
  if (auto problem = reader.Finish()) return *problem;
  if (mode != "full" && mode != "incremental") {
    return FieldProblem("mode", "body", "\"full\" or \"incremental\"", mode);
  }
  request.mode = mode == "full" ? PlanMode::kFull : PlanMode::kIncremental;
  request.opening_id = opening_id.value_or("");
  if (request.mode == PlanMode::kIncremental && request.opening_id.empty()) {
    return FieldProblem("opening_id", "body", "an opening id for mode \"incremental\"", "");
  }
  if (!options.is_null()) {
    if (auto problem = ReadOptions(options, request)) return *problem;
  }
  return request;
}

// ---- JSON views.

// What the viewer may see of a plan (the service decided: PlanFigures),
// with the firm's names.
PlanJsonView ViewOf(const PlanView& view) {
  PlanJsonView v;
  v.firm = &view.snapshot->data();
  v.totals = view.figures.totals;
  v.costs = view.figures.costs;
  v.loads = view.figures.loads;
  return v;
}

std::string PlanJson(const PlanView& view) {
  PlanJsonView v = ViewOf(view);
  v.id = view.plan->id;
  v.created = Timestamp(view.plan->created_seconds);
  v.accepted = view.accepted;
  return StaffingPlanJson(view.plan->document, v);
}

// ---- Handlers.

http::Response OpeningsHandler(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  auto page = ReadPage(r);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  OpeningsQuery query{std::string(r.query("engagement").value_or("")),
                      std::string(r.query("practice").value_or("")), page.value()};
  auto result = services.staffing().Openings(who.principal, query);
  if (!result.ok()) return Fail(result.status(), "query");
  const FirmData& data = result->snapshot->data();
  const RefWriter refs(&data);
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("total", result->total).Key("items").BeginArray();
  for (const BoardOpening& b : result->items) {
    const Opening& o = data.openings[b.opening];
    const Engagement& e = data.engagements[b.engagement];
    w.BeginObject().Member("id", o.id).Member("title", o.title);
    w.Key("engagement").BeginObject().Member("id", e.id).Member("name", e.name);
    w.Key("leader");
    WritePersonRef(w, *result->snapshot, e.leader_id);
    w.EndObject().Key("client");
    if (b.client) {
      const Client& c = data.clients[*b.client];
      w.BeginObject().Member("id", c.id).Member("name", c.name);
      w.Member("key_client", c.key_client).EndObject();
    } else {
      w.Null();
    }
    w.Member("practice", b.practice).Key("required").BeginArray();
    for (const SkillRequirement& req : o.required) {
      w.BeginObject().Key("skill");
      refs.Skill(w, req.skill_id);
      w.Member("min_level", req.min_level).EndObject();
    }
    w.EndArray().Member("hours_per_week", o.hours_per_week);
    w.Member("start", FormatDate(o.start)).Member("end", FormatDate(o.end));
    w.Member("headcount", o.headcount).Member("seats_left", b.seats_left);
    w.Member("lead", o.lead).Key("volunteers").BeginArray();
    for (uint32_t p : b.volunteers) WritePersonRef(w, data.people[p].id, &data.people[p]);
    w.EndArray().EndObject();
  }
  w.EndArray();
  WriteNextCursor(w, result->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ProposeHandler(ApiServices& services, const http::Request& r,
                              const Authenticated& who) {
  auto json = JsonBody(r, services.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  auto request = ReadPlanRequest(json.value());
  if (!request.ok()) return http::ProblemResponse(request.problem());
  auto plan = services.staffing().Propose(who.principal, request.value());
  if (!plan.ok()) return Fail(plan.status(), "body");
  http::Response response = http::JsonResponse(PlanJson(*plan), 201);
  response.headers.emplace_back("Location", "/api/v1/staffing/plans/" + plan->plan->id);
  return response;
}

http::Response PlanHandler(ApiServices& services, const http::Request& r,
                           const Authenticated& who) {
  auto plan = services.staffing().Get(who.principal, r.param("id").value_or(""));
  if (!plan.ok()) return Fail(plan.status(), "path");
  return http::JsonResponse(PlanJson(*plan));
}

http::Response ExplainHandler(ApiServices& services, const http::Request& r,
                              const Authenticated& who) {
  auto found = services.staffing().Explain(who.principal, r.param("id").value_or(""),
                                           r.param("key").value_or(""));
  if (!found.ok()) return Fail(found.status(), "path");
  const auto& [view, entry] = *found;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("plan_id", view.plan->id).Key("assignment");
  WriteStaffingEntryJson(w, entry, ViewOf(view));
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response AcceptHandler(ApiServices& services, const http::Request& r,
                             const Authenticated& who) {
  std::optional<std::vector<std::string>> selected;
  std::optional<std::map<std::string, std::string>> changes;
  if (!r.body.empty()) {
    auto json = JsonBody(r, services.options().max_json_bytes);
    if (!json.ok()) return http::ProblemResponse(json.problem());
    http::ObjectReader reader(json.value());
    reader.Optional("assignment_ids", selected);
    reader.Optional("changes", changes);
    if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
    if (selected && selected->empty()) {
      return http::ProblemResponse(FieldProblem(
          "assignment_ids", "body", "at least one assignment or seat id (omit it for all)", "[]"));
    }
  }
  auto outcome = services.staffing().Accept(who.principal, r.param("id").value_or(""),
                                            selected.value_or(std::vector<std::string>{}),
                                            changes.value_or(std::map<std::string, std::string>{}));
  if (!outcome.ok()) return Fail(outcome.status(), "body");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("plan_id", std::string(r.param("id").value_or("")));
  w.Member("created", outcome->created)
      .Member("moved", outcome->moved)
      .Member("changed", outcome->changed);
  w.Key("assignment_ids").BeginArray();
  for (const std::string& id : outcome->assignment_ids) w.String(id);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response MarketHandler(ApiServices& services, const http::Request& r,
                             const Authenticated& who) {
  auto weeks = ReadInt(r, "weeks", kDefaultMarketWeeks, 1, kMaxMarketWeeks);
  if (!weeks.ok()) return http::ProblemResponse(weeks.problem());
  auto market =
      services.staffing().Market(who.principal, weeks.value(), r.query("plan").value_or(""));
  if (!market.ok()) return Fail(market.status(), "query");
  const FirmSnapshot& snapshot = *market->snapshot;
  const staffing::MarketReport& m = market->report;
  const RefWriter refs(&snapshot.data());
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("weeks", m.weeks).Key("skills").BeginArray();
  for (const staffing::SkillBalance& b : m.skills) {
    w.BeginObject().Key("skill");
    refs.Skill(w, b.skill_id);
    w.Member("demand_hours", b.demand_hours).Member("supply_hours", b.supply_hours).EndObject();
  }
  w.EndArray().Key("unfilled").BeginArray();
  for (const staffing::UnfilledSeat& u : m.unfilled) {
    w.BeginObject().Member("seat_id", u.seat_id).Key("opening");
    refs.Opening(w, u.opening_id);
    w.Member("reason", u.reason).EndObject();
  }
  w.EndArray().Key("idle").BeginArray();
  for (const staffing::IdlePerson& p : m.idle) {
    w.BeginObject().Key("person");
    WritePersonRef(w, snapshot, p.person_id);
    w.Member("utilisation", p.utilisation).Key("skills").BeginArray();
    for (const std::string& s : p.skills) refs.Skill(w, s);
    w.EndArray().EndObject();
  }
  w.EndArray().Key("overloaded").BeginArray();
  for (const staffing::OverloadedPerson& p : m.overloaded) {
    w.BeginObject().Key("person");
    WritePersonRef(w, snapshot, p.person_id);
    w.Member("logged_hours_per_week", p.logged_hours_per_week);
    w.Member("capacity_hours", p.capacity_hours);
    w.Member("leadership_hours_per_week", p.leadership_hours_per_week);
    w.Member("delegable_hours_per_week", p.delegable_hours_per_week).EndObject();
  }
  w.EndArray().Member("delegable_leadership_hours_per_week", m.delegable_leadership_hours_per_week);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response CapacityHandler(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  auto page = ReadPage(r);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto from = ReadDate(r, "from");
  if (!from.ok()) return http::ProblemResponse(from.problem());
  auto weeks = ReadInt(r, "weeks", kDefaultCapacityWeeks, 1, kMaxCapacityWeeks);
  if (!weeks.ok()) return http::ProblemResponse(weeks.problem());
  CapacityQuery query{from.value(),
                      weeks.value(),
                      std::string(r.query("practice").value_or("")),
                      std::string(r.query("office").value_or("")),
                      {},
                      page.value()};
  for (const auto& [name, value] : r.query_params) {
    if (name == "person") query.people.push_back(value);
  }
  auto result = services.staffing().Capacity(who.principal, query);
  if (!result.ok()) return Fail(result.status(), "query");
  const FirmData& data = result->snapshot->data();
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("weeks").BeginArray();
  for (int i = 0; i < result->weeks; ++i) w.String(FormatDate(AddDays(result->from, 7 * i)));
  w.EndArray().Key("items").BeginArray();
  for (const CapacityRow& row : result->rows) {
    w.BeginObject().Key("person");
    WritePersonRef(w, *result->snapshot, data.people[row.person].id);
    w.Key("weeks").BeginArray();
    for (const CapacityWeek& week : row.weeks) {
      w.BeginObject().Member("capacity", week.capacity).Member("confirmed", week.confirmed);
      w.Member("tentative", week.tentative).Member("time_off", week.time_off).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  WriteNextCursor(w, result->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

}  // namespace

Status AddStaffingRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kGet, "/api/v1/staffing/openings", OpeningsHandler},
      {http::Method::kGet, "/api/v1/staffing/plans/{id}", PlanHandler},
      {http::Method::kGet, "/api/v1/staffing/plans/{id}/assignments/{key}", ExplainHandler},
      {http::Method::kGet, "/api/v1/staffing/market", MarketHandler},
      {http::Method::kGet, "/api/v1/staffing/capacity", CapacityHandler},
      {http::Method::kPost, "/api/v1/staffing/plans", ProposeHandler},
      {http::Method::kPost, "/api/v1/staffing/plans/{id}/accept", AcceptHandler},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
