// Skills insights: /skills/suggest, /skills/search, /skills/market,
// /skills/{id}/remedies, /people/{id}/growth, /people/{id}/gaps, /roles,
// /teams/{id}/coverage, /mentoring-round. Parse the query, call the
// SkillsService (which decides access), shape JSON.
#include <charconv>
#include <cmath>

#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

using skills::kNone;
using skills::PersonRef;
using skills::SkillIndex;
using skills::SkillRef;

constexpr int kDefaultSuggest = 10;
constexpr int kDefaultSearch = 20;
constexpr int kDefaultGrowth = 10;
constexpr int kDefaultGapActions = 3;  // mentors and openings per gap
constexpr int kMaxGapActions = 10;
constexpr int kDefaultRound = 200;
constexpr int kMaxLimit = 500;

// ---- Query parameters: every failure is a 400 naming the parameter.

http::Problem ParamProblem(std::string_view name, std::string_view expected,
                           std::string_view value) {
  return FieldProblem(name, "query", expected, value);
}

// ---- JSON views.

void SkillRefJson(http::JsonWriter& w, const SkillIndex& index, SkillRef s) {
  if (s == kNone) {
    w.Null();
    return;
  }
  w.BeginObject().Member("id", index.skill_id(s)).Member("name", index.skill_name(s)).EndObject();
}

// A person of the skill index as a PersonRef.
void PersonBrief(http::JsonWriter& w, const SkillsState& state, PersonRef p) {
  WritePersonRef(w, *state.snapshot, state.index.person_id(p));
}

std::string_view ViaName(skills::MatchVia via) {
  switch (via) {
    case skills::MatchVia::kExact: return "exact";
    case skills::MatchVia::kNarrower: return "narrower";
    case skills::MatchVia::kBroader: return "broader";
  }
  return "exact";
}

std::string_view GapKindName(skills::GapKind kind) {
  switch (kind) {
    case skills::GapKind::kMissing: return "missing";
    case skills::GapKind::kBelowLevel: return "below";
    case skills::GapKind::kMet: return "met";
  }
  return "missing";
}

std::string_view CoverageName(skills::Coverage coverage) {
  switch (coverage) {
    case skills::Coverage::kLacking: return "lacking";
    case skills::Coverage::kSinglePerson: return "single";
    case skills::Coverage::kCovered: return "covered";
  }
  return "lacking";
}

// A mentoring pair; "person" is `other` (the mentor or the mentee).
void PairJson(http::JsonWriter& w, const SkillsState& state, const skills::MentorPair& p,
              PersonRef other, std::string_view why) {
  w.BeginObject().Key("person");
  PersonBrief(w, state, other);
  w.Key("mentee");
  PersonBrief(w, state, p.mentee);
  w.Key("mentor");
  PersonBrief(w, state, p.mentor);
  w.Key("skill");
  SkillRefJson(w, state.index, p.skill);
  w.Member("mentee_level", p.mentee_level).Member("mentor_level", p.mentor_level);
  w.Member("benefit", p.benefit).Member("why", why).EndObject();
}

http::Response UnknownSkillResponse(const UnknownSkill& unknown) {
  std::string detail = unknown.parameter + ": no skill named '" + unknown.text + "'";
  if (!unknown.suggestions.empty()) {
    detail += "; did you mean: ";
    for (size_t i = 0; i < unknown.suggestions.size(); ++i) {
      detail += (i ? ", " : "") + unknown.suggestions[i];
    }
    detail += "?";
  }
  http::Problem problem = http::MakeProblem(404, "not_found", detail);
  problem.errors.push_back({unknown.parameter, unknown.parameter == "id" ? "path" : "query",
                            "a known skill id, name or synonym", unknown.text, 0});
  http::Response response = http::ProblemResponse(problem);
  std::string extra;
  http::JsonWriter w(extra);
  w.BeginArray();
  for (const std::string& s : unknown.suggestions) w.String(s);
  w.EndArray();
  response.body.pop_back();  // the closing '}'
  response.body += ",\"suggestions\":" + extra + "}";
  return response;
}

// ---- Handlers.

http::Response Suggest(ApiServices& services, const http::Request& r, const Authenticated& who) {
  auto limit = ReadInt(r, "limit", kDefaultSuggest, 1, kMaxLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto result = services.skills().Suggest(who.principal, r.query("q").value_or(""), limit.value());
  if (!result.ok()) return Fail(result.status(), "query");
  const SkillIndex& index = result->state->index;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("skills").BeginArray();
  for (const skills::Completion& c : result->skills) {
    w.BeginObject().Member("id", index.skill_id(c.ref)).Member("name", c.label);
    w.Member("match", c.matched).EndObject();
  }
  w.EndArray().Key("people").BeginArray();
  for (const skills::Completion& c : result->people) PersonBrief(w, *result->state, c.ref);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::ProblemOr<SearchRequest> ReadSearch(const http::Request& r) {
  SearchRequest request;
  skills::SkillQuery& q = request.query;
  for (const auto& [name, value] : r.query_params) {
    if (name != "need") continue;
    auto need = ParseNeed(value);
    if (!need.ok()) return need.problem();
    q.needs.push_back(std::move(need).value());
  }
  if (q.needs.empty()) return ParamProblem("need", "at least one SKILL[:LEVEL]", "");
  std::string_view mode = r.query("mode").value_or("all");
  if (mode != "all" && mode != "any") return ParamProblem("mode", "all or any", mode);
  q.mode = mode == "all" ? skills::MatchMode::kAllOf : skills::MatchMode::kAnyOf;
  q.practice = r.query("practice").value_or("");
  q.office = r.query("office").value_or("");
  q.grade = r.query("grade").value_or("");
  auto wants = ReadBool(r, "wants_to_grow");
  if (!wants.ok()) return wants.problem();
  q.wants_to_grow =
      wants.value() ? skills::WantsToGrowFilter::kRequired : skills::WantsToGrowFilter::kAny;
  auto from = ReadDate(r, "from");
  if (!from.ok()) return from.problem();
  auto to = ReadDate(r, "to");
  if (!to.ok()) return to.problem();
  auto hours = ReadHours(r, "min_free_hours");
  if (!hours.ok()) return hours.problem();
  auto limit = ReadInt(r, "limit", kDefaultSearch, 1, kMaxLimit);
  if (!limit.ok()) return limit.problem();
  request.from = from.value();
  request.to = to.value();
  request.min_free_hours = hours.value();
  q.limit = limit.value();
  return request;
}

void HitJson(http::JsonWriter& w, const SkillSearch& search, size_t i) {
  const SkillsState& state = *search.state;
  const skills::SearchHit& hit = search.response.hits[i];
  w.BeginObject().Key("person");
  PersonBrief(w, state, hit.person);
  w.Member("needs_met", hit.needs_met).Member("surplus", hit.surplus).Key("free_hours");
  if (search.free_hours[i]) {
    w.Double(*search.free_hours[i]);
  } else {
    w.Null();
  }
  w.Member("wants_to_grow", hit.wants_to_grow).Key("matches").BeginArray();
  for (const skills::NeedMatch& m : hit.matches) {
    w.BeginObject().Key("need");
    SkillRefJson(w, state.index, m.need);
    w.Member("min_level", m.min_level).Member("met", m.met).Key("matched");
    SkillRefJson(w, state.index, m.matched);
    w.Member("level", m.level).Member("source", ToString(m.source));
    w.Member("via", ViaName(m.via)).EndObject();
  }
  w.EndArray().Key("why").BeginArray();
  for (const std::string& line : search.why[i]) w.String(line);
  w.EndArray().EndObject();
}

http::Response Search(ApiServices& services, const http::Request& r, const Authenticated& who) {
  auto request = ReadSearch(r);
  if (!request.ok()) return http::ProblemResponse(request.problem());
  auto result = services.skills().Search(who.principal, std::move(request).value());
  if (!result.ok()) return Fail(result.status(), "query");
  if (auto* unknown = std::get_if<UnknownSkill>(&*result)) return UnknownSkillResponse(*unknown);
  const SkillSearch& search = std::get<SkillSearch>(*result);
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("total", search.response.total).Key("hits").BeginArray();
  for (size_t i = 0; i < search.response.hits.size(); ++i) HitJson(w, search, i);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

void GrowthSkillsJson(http::JsonWriter& w, const Growth& g) {
  const SkillsState& state = *g.state;
  const SkillIndex& index = state.index;
  w.Key("skills").BeginArray();
  for (const skills::HeldSkill& h : index.skills_of(g.person)) {
    w.BeginObject().Member("id", index.skill_id(h.skill)).Member("name", index.skill_name(h.skill));
    w.Member("level", static_cast<int>(h.level)).Member("level_name", LevelName(h.level));
    w.Member("source", ToString(h.source)).Member("wants_to_grow", h.wants_to_grow).EndObject();
  }
  w.EndArray().Key("history").BeginArray();
  const auto& rows = state.snapshot->data().skill_history;
  for (uint32_t i : state.HistoryOf(index.person_id(g.person))) {
    const SkillHistoryEntry& e = rows[i];
    auto skill = index.FindSkill(e.skill_id);
    w.BeginObject().Key("skill").BeginObject().Member("id", e.skill_id);
    w.Member("name", skill ? index.skill_name(*skill) : e.skill_id).EndObject();
    w.Member("date", FormatDate(e.date)).Member("level", e.level).EndObject();
  }
  w.EndArray();
}

void CircleJson(http::JsonWriter& w, const Growth& g) {
  w.Key("circle");
  if (!g.circle) {
    w.Null();
    return;
  }
  w.BeginObject();
  const std::pair<const char*, const std::optional<skills::CircleMember>*> members[] = {
      {"senior", &g.circle->senior}, {"peer", &g.circle->peer}, {"junior", &g.circle->junior}};
  for (const auto& [name, member] : members) {
    w.Key(name);
    if (!*member) {
      w.Null();
      continue;
    }
    w.BeginObject().Key("person");
    PersonBrief(w, *g.state, (*member)->person);
    w.Member("why", (*member)->reason).EndObject();
  }
  w.Member("next_review", FormatDate(g.circle->next_review)).EndObject();
}

http::Response GrowthHandler(ApiServices& services, const http::Request& r,
                             const Authenticated& who) {
  auto limit = ReadInt(r, "limit", kDefaultGrowth, 1, kMaxLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto g = services.skills().GrowthOf(who.principal, r.param("id").value_or(""), limit.value());
  if (!g.ok()) return Fail(g.status(), "query");
  const SkillsState& state = *g->state;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("person");
  PersonBrief(w, state, g->person);
  GrowthSkillsJson(w, *g);
  w.Key("mentors").BeginArray();
  for (const PairView& p : g->mentors) PairJson(w, state, p.pair, p.pair.mentor, p.why);
  w.EndArray().Key("mentees").BeginArray();
  for (const PairView& p : g->mentees) PairJson(w, state, p.pair, p.pair.mentee, p.why);
  w.EndArray().Key("peers").BeginArray();
  for (const PeerView& p : g->peers) {
    w.BeginObject().Key("person");
    PersonBrief(w, state, p.peer.person);
    w.Key("skills").BeginArray();
    for (SkillRef s : p.peer.shared) SkillRefJson(w, state.index, s);
    w.EndArray().Member("level_distance", p.peer.level_distance).Member("why", p.why).EndObject();
  }
  w.EndArray().Key("role_models").BeginArray();
  for (const RoleModelView& m : g->role_models) {
    w.BeginObject().Key("person");
    PersonBrief(w, state, m.model.person);
    w.Key("skill");
    SkillRefJson(w, state.index, m.model.skill);
    w.Member("from_level", m.model.from_level).Member("from_date", FormatDate(m.model.from_date));
    w.Member("to_level", m.model.to_level).Member("to_date", FormatDate(m.model.to_date));
    w.Member("why", m.why).EndObject();
  }
  w.EndArray();
  CircleJson(w, *g);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

void GapJson(http::JsonWriter& w, const SkillIndex& index, const skills::SkillGap& g) {
  w.BeginObject().Key("skill").BeginObject().Member("id", g.skill_id);
  w.Member("name", g.skill == kNone ? g.skill_id : index.skill_name(g.skill)).EndObject();
  w.Member("required", g.required).Member("have", g.have).Key("held_as");
  SkillRefJson(w, index, g.held_as);
  w.Member("importance", g.importance).Member("essential", g.essential);
  w.Member("kind", GapKindName(g.kind)).EndObject();
}

http::Response GapsHandler(ApiServices& services, const http::Request& r,
                           const Authenticated& who) {
  auto gaps = services.skills().Gaps(who.principal, r.param("id").value_or(""),
                                     r.query("role").value_or(""));
  if (!gaps.ok()) return Fail(gaps.status(), "query");
  const SkillIndex& index = gaps->state->index;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("role").BeginObject().Member("id", gaps->role->id);
  w.Member("name", gaps->role->name).Member("source", ToString(gaps->role->source)).EndObject();
  w.Key("gaps").BeginArray();
  for (const skills::SkillGap& g : gaps->report.gaps) GapJson(w, index, g);
  w.EndArray().Key("met").BeginArray();
  for (const skills::SkillGap& g : gaps->report.met) GapJson(w, index, g);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

// GapActionsOf with, per gap, the openings that would grow it (the
// person's own: empty for other viewers, "openings_visible" false).
http::Response GapActionsHandler(ApiServices& services, const http::Request& r,
                                 const Authenticated& who) {
  auto limit = ReadInt(r, "limit", kDefaultGapActions, 1, kMaxGapActions);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  const std::string person_id(r.param("id").value_or(""));
  auto actions = services.skills().GapActionsOf(who.principal, person_id,
                                                r.query("role").value_or(""), limit.value());
  if (!actions.ok()) return Fail(actions.status(), "query");
  const RoleGaps& gaps = actions->gaps;
  std::vector<std::string> skill_ids;
  for (const skills::SkillGap& g : gaps.report.gaps) skill_ids.push_back(g.skill_id);
  auto openings =
      services.volunteers().OpeningsGrowing(who.principal, person_id, skill_ids, limit.value());
  if (!openings.ok()) return Fail(openings.status(), "query");
  const SkillsState& state = *gaps.state;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("role").BeginObject().Member("id", gaps.role->id);
  w.Member("name", gaps.role->name).Member("source", ToString(gaps.role->source)).EndObject();
  w.Key("next_role");
  if (actions->next_role) {
    w.BeginObject().Member("id", actions->next_role->id).Member("name", actions->next_role->name);
    w.Member("source", ToString(actions->next_role->source)).EndObject();
  } else {
    w.Null();
  }
  w.Member("next_role_why", actions->next_role_why);
  w.Member("openings_visible", openings->visible).Key("gaps").BeginArray();
  for (size_t i = 0; i < gaps.report.gaps.size(); ++i) {
    const skills::SkillGap& g = gaps.report.gaps[i];
    w.BeginObject().Key("skill").BeginObject().Member("id", g.skill_id);
    w.Member("name", g.skill == kNone ? g.skill_id : state.index.skill_name(g.skill)).EndObject();
    w.Member("required", g.required).Member("have", g.have).Key("mentors").BeginArray();
    for (const PairView& p : actions->mentors[i]) {
      PairJson(w, state, p.pair, p.pair.mentor, p.why);
    }
    w.EndArray().Key("openings").BeginArray();
    for (const OpeningForPerson& o : openings->openings[i]) {
      WriteOpeningForPerson(w, *openings->snapshot, o);
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response RolesHandler(ApiServices& services, const http::Request& r,
                            const Authenticated& who) {
  auto limit = ReadInt(r, "limit", kDefaultSuggest, 1, kMaxLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto roles = services.skills().Roles(who.principal, r.query("q").value_or(""), limit.value());
  if (!roles.ok()) return Fail(roles.status(), "query");
  const auto& all = roles->state->snapshot->data().roles;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("roles").BeginArray();
  for (uint32_t i : roles->roles) {
    w.BeginObject().Member("id", all[i].id).Member("name", all[i].name);
    w.Member("source", ToString(all[i].source)).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

void MarketSkillsJson(http::JsonWriter& w, const Market& m) {
  const SkillIndex& index = m.state->index;
  w.Key("skills").BeginArray();
  for (const skills::SkillBalance& b : m.report.balances) {
    w.BeginObject().Key("skill");
    SkillRefJson(w, index, b.skill);
    w.Member("holders", b.holders).Member("supply_hours", b.supply_hours);
    w.Member("demand_hours", b.demand_hours).Key("periods").BeginArray();
    for (const skills::PeriodBalance& p : b.periods) {
      w.BeginObject().Member("start", FormatDate(p.start));
      w.Member("supply_hours", p.supply_hours).Member("demand_hours", p.demand_hours).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

http::Response MarketHandler(ApiServices& services, const http::Request& r,
                             const Authenticated& who) {
  MarketRequest request;
  auto from = ReadDate(r, "from");
  if (!from.ok()) return http::ProblemResponse(from.problem());
  auto periods = ReadInt(r, "periods", request.periods, 1, 52);
  if (!periods.ok()) return http::ProblemResponse(periods.problem());
  auto weeks = ReadInt(r, "period_weeks", request.period_weeks, 1, 52);
  if (!weeks.ok()) return http::ProblemResponse(weeks.problem());
  auto limit = ReadInt(r, "limit", request.limit, 1, kMaxLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  request = {from.value(), periods.value(), weeks.value(), limit.value()};
  auto market = services.skills().SkillsMarket(who.principal, request);
  if (!market.ok()) return Fail(market.status(), "query");
  const SkillIndex& index = market->state->index;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("periods").BeginArray();
  const Date first = WeekStart(market->options.from);
  for (int i = 0; i < market->options.periods; ++i) {
    w.String(FormatDate(AddDays(first, i * market->options.period_weeks * 7)));
  }
  w.EndArray();
  MarketSkillsJson(w, *market);
  w.Member("redacted", market->redacted);
  w.Member("hidden_skills", market->hidden_skills);
  w.Member("hidden_demand_hours", market->hidden_demand_hours);
  w.Member("min_holders", kMinMarketHolders);
  w.Key("key_person_risks").BeginArray();
  for (size_t i = 0; i < market->report.key_person.size(); ++i) {
    const skills::KeyPersonRisk& k = market->report.key_person[i];
    w.BeginObject().Key("skill");
    SkillRefJson(w, index, k.skill);
    w.Member("holder_count", market->key_person_holder_counts[i]);
    w.Key("holders").BeginArray();
    for (PersonRef p : k.holders) PersonBrief(w, *market->state, p);
    w.EndArray().Member("demand_hours", k.demand_hours).EndObject();
  }
  w.EndArray().Key("teaching_gaps").BeginArray();
  for (const skills::TeachingGap& t : market->report.teaching) {
    w.BeginObject().Key("skill");
    SkillRefJson(w, index, t.skill);
    w.Member("growers", t.growers).Member("teachers", t.teachers).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

void CandidatesJson(http::JsonWriter& w, const SkillsState& state,
                    const std::vector<skills::RemedyCandidate>& list) {
  w.BeginArray();
  for (const skills::RemedyCandidate& c : list) {
    w.BeginObject().Key("person");
    PersonBrief(w, state, c.person);
    w.Member("level", c.level).Member("free_hours", c.free_hours).EndObject();
  }
  w.EndArray();
}

http::Response RemediesHandler(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  RemediesRequest request;
  request.skill = r.param("id").value_or("");
  auto level = ReadInt(r, "level", request.level, kMinLevel, kMaxLevel);
  if (!level.ok()) return http::ProblemResponse(level.problem());
  auto hours = ReadHours(r, "min_free_hours");
  if (!hours.ok()) return http::ProblemResponse(hours.problem());
  auto limit = ReadInt(r, "limit", request.limit, 1, kMaxLimit);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  request.level = level.value();
  request.min_free_hours = hours.value().value_or(0);
  request.limit = limit.value();
  auto result = services.skills().Remedies(who.principal, request);
  if (!result.ok()) return Fail(result.status(), "query");
  if (auto* unknown = std::get_if<UnknownSkill>(&*result)) return UnknownSkillResponse(*unknown);
  const RemediesView& view = std::get<RemediesView>(*result);
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("skill");
  SkillRefJson(w, view.state->index, view.remedies.skill);
  w.Member("level", view.remedies.level).Member("from", FormatDate(view.from));
  w.Member("to", FormatDate(view.to)).Key("redeploy");
  CandidatesJson(w, *view.state, view.remedies.redeploy);
  w.Key("develop");
  CandidatesJson(w, *view.state, view.remedies.develop);
  w.Member("hire", view.remedies.hire).EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response CoverageHandler(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  auto coverage = services.skills().TeamCoverage(who.principal, r.param("id").value_or(""),
                                                 r.query("engagement").value_or(""));
  if (!coverage.ok()) return Fail(coverage.status(), "query");
  const FirmData& data = coverage->state->snapshot->data();
  const SkillIndex& index = coverage->state->index;
  std::string body;
  http::JsonWriter w(body);
  const Team& team = data.teams[coverage->team];
  w.BeginObject().Key("team").BeginObject().Member("id", team.id).Member("name", team.name);
  w.EndObject().Key("engagements").BeginArray();
  for (uint32_t e : coverage->engagements) {
    w.BeginObject().Member("id", data.engagements[e].id);
    w.Member("name", data.engagements[e].name).EndObject();
  }
  w.EndArray().Key("needs").BeginArray();
  for (const skills::NeedCoverage& n : coverage->needs) {
    w.BeginObject().Key("skill").BeginObject().Member("id", n.skill_id);
    w.Member("name", n.skill == kNone ? n.skill_id : index.skill_name(n.skill)).EndObject();
    w.Member("min_level", n.min_level).Member("coverage", CoverageName(n.coverage));
    w.Key("holders").BeginArray();
    for (PersonRef p : n.holders) PersonBrief(w, *coverage->state, p);
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response RoundHandler(ApiServices& services, const http::Request& r,
                            const Authenticated& who) {
  auto k = ReadInt(r, "k", 3, 1, 20);
  if (!k.ok()) return http::ProblemResponse(k.problem());
  auto limit = ReadInt(r, "limit", kDefaultRound, 1, 100000);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto round = services.skills().MentoringRound(who.principal, k.value());
  if (!round.ok()) return Fail(round.status(), "query");
  const SkillsState& state = *round->state;
  const auto& pairs = round->result.pairs;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("pairs").BeginArray();
  for (size_t i = 0; i < pairs.size() && i < static_cast<size_t>(limit.value()); ++i) {
    PairJson(w, state, pairs[i], pairs[i].mentor, skills::ExplainPair(state.index, pairs[i]));
  }
  w.EndArray().Member("total_pairs", static_cast<int64_t>(pairs.size()));
  w.Member("benefit", round->result.total_benefit);
  w.Member("mentees", static_cast<int64_t>(round->result.mentees));
  w.Member("mentors", static_cast<int64_t>(round->result.mentors));
  w.Member("seconds", round->seconds).EndObject();
  return http::JsonResponse(std::move(body));
}

}  // namespace

Status AddSkillsRoutes(http::Router& router, ApiServices& s) {
  using namespace std::placeholders;
  const std::pair<const char*,
                  http::Response (*)(ApiServices&, const http::Request&, const Authenticated&)>
      routes[] = {{"/api/v1/skills/suggest", Suggest},
                  {"/api/v1/skills/search", Search},
                  {"/api/v1/skills/market", MarketHandler},
                  {"/api/v1/skills/{id}/remedies", RemediesHandler},
                  {"/api/v1/people/{id}/growth", GrowthHandler},
                  {"/api/v1/people/{id}/gaps", GapsHandler},
                  {"/api/v1/people/{id}/gap-actions", GapActionsHandler},
                  {"/api/v1/roles", RolesHandler},
                  {"/api/v1/teams/{id}/coverage", CoverageHandler},
                  {"/api/v1/mentoring-round", RoundHandler}};
  for (const auto& [pattern, handler] : routes) {
    RETURN_IF_ERROR(router.Get(pattern, Authed(s, std::bind(handler, std::ref(s), _1, _2))));
  }
  return OkStatus();
}

}  // namespace guild::api::internal
