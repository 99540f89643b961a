// Collaboration networks: /teams/{id}/network, /network, /clients,
// /clients/{id}/coverage, /team-formation. Parse the query, call the
// NetworkService (which decides access), shape JSON (docs/API.md, "Networks").
#include <algorithm>
#include <map>

#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

using network::Graph;
using network::NodeId;

constexpr int kDefaultClients = 200;
constexpr int kMaxClients = 1000;
constexpr size_t kHoldersInList = 3;

http::ProblemOr<PeriodRequest> ReadPeriod(const http::Request& r) {
  auto from = ReadDate(r, "from");
  if (!from.ok()) return from.problem();
  auto to = ReadDate(r, "to");
  if (!to.ok()) return to.problem();
  if (from.value() && to.value() && *to.value() < *from.value()) {
    return FieldProblem("to", "query", "a day on or after from", FormatDate(*to.value()));
  }
  return PeriodRequest{from.value(), to.value()};
}

void PeriodJson(http::JsonWriter& w, const std::optional<network::Period>& period) {
  if (!period) {
    w.Null();
    return;
  }
  w.BeginObject().Member("from", FormatDate(period->from)).Member("to", FormatDate(period->to));
  w.EndObject();
}

void MetricsJson(http::JsonWriter& w, const network::NetworkMetrics& m) {
  w.BeginObject();
  w.Member("nodes", static_cast<int64_t>(m.nodes)).Member("edges", static_cast<int64_t>(m.edges));
  w.Member("density", m.density).Member("avg_clustering", m.avg_clustering);
  w.Member("transitivity", m.transitivity);
  w.Member("degree_centralization", m.degree_centralization);
  w.Member("components", static_cast<int64_t>(m.components.size()));
  w.Member("largest_component",
           static_cast<int64_t>(m.components.empty() ? 0 : m.components[0].size()));
  w.Member("communities", static_cast<int64_t>(m.communities.size()));
  w.Member("modularity", m.modularity);
  w.Member("betweenness_sources", static_cast<int64_t>(m.betweenness_sources));
  w.EndObject();
}

void ShapeJson(http::JsonWriter& w, const Graph& g, const network::ShapeReport& s) {
  w.BeginObject().Member("name", network::ToString(s.shape)).Member("reason", s.reason);
  w.Key("hub");
  if (s.hub) {
    w.String(g.name(*s.hub));
  } else {
    w.Null();
  }
  w.Member("hub_share", s.hub_share).Member("leader_share", s.leader_share);
  w.Member("centralization", s.centralization).Member("transitivity", s.transitivity);
  w.Member("connected", static_cast<int64_t>(s.connected)).EndObject();
}

std::vector<std::string> KindNames(const network::TieSet& ties, network::KindSet kinds) {
  std::vector<std::string> out;
  for (size_t k = 0; k < ties.kind_names().size(); ++k) {
    if (kinds & (network::KindSet{1} << k)) out.push_back(ties.kind_names()[k]);
  }
  return out;
}

void NodesAndEdges(http::JsonWriter& w, const NetworkState& state, const NetworkFigures& f) {
  const Graph& g = f.graph;
  std::vector<int> community(g.node_count(), -1);
  for (size_t c = 0; c < f.metrics.communities.size(); ++c) {
    for (NodeId v : f.metrics.communities[c]) community[v] = static_cast<int>(c);
  }
  auto in = [](const std::vector<NodeId>& list, NodeId v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  w.Key("nodes").BeginArray();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const Person* p = state.snapshot->FindPerson(g.name(v));
    w.BeginObject().Member("id", g.name(v)).Member("name", p ? p->name : g.name(v));
    w.Member("grade", p ? p->grade : "").Member("practice", p ? p->practice : "");
    w.Member("degree", static_cast<int64_t>(g.degree(v)));
    w.Member("betweenness", f.metrics.betweenness[v]);
    w.Member("clustering", f.metrics.clustering[v]).Member("community", community[v]);
    w.Member("leader", f.shape.leader == v).Member("hub", in(f.shape.hubs, v));
    w.Member("broker", in(f.shape.brokers, v)).Member("isolate", g.degree(v) == 0).EndObject();
  }
  w.EndArray().Key("edges").BeginArray();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    auto row = g.neighbors(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] < v) continue;
      w.BeginObject().Member("source", g.name(v)).Member("target", g.name(row[i]));
      w.Member("weight", g.weights(v)[i]).Key("kinds").BeginArray();
      for (const std::string& k : KindNames(state.ties, g.kinds(v)[i])) w.String(k);
      w.EndArray().EndObject();
    }
  }
  w.EndArray();
}

http::Response TeamNetworkHandler(ApiServices& services, const http::Request& r,
                                  const Authenticated& who) {
  auto period = ReadPeriod(r);
  if (!period.ok()) return http::ProblemResponse(period.problem());
  auto team =
      services.network().TeamNetworkOf(who.principal, r.param("id").value_or(""), period.value());
  if (!team.ok()) return Fail(team.status(), "query");
  const FirmSnapshot& snapshot = *team->state->snapshot;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("team").BeginObject().Member("id", team->team->id);
  w.Member("name", team->team->name).Key("leader");
  WritePersonRef(w, snapshot, team->team->leader_id);
  w.EndObject().Key("period");
  PeriodJson(w, team->period);
  NodesAndEdges(w, *team->state, team->figures);
  w.Key("metrics");
  MetricsJson(w, team->figures.metrics);
  w.Key("shape");
  ShapeJson(w, team->figures.graph, team->figures.shape);
  w.Key("timeline").BeginArray();
  for (const TimelinePoint& p : team->timeline) {
    w.BeginObject().Member("from", FormatDate(p.period.from)).Member("to", FormatDate(p.period.to));
    w.Member("shape", network::ToString(p.shape)).Member("ties", static_cast<int64_t>(p.ties));
    w.Member("density", p.density).Member("transitivity", p.transitivity);
    w.Member("centralization", p.centralization).Member("hub_share", p.hub_share);
    w.Member("leader_share", p.leader_share).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response FirmNetworkHandler(ApiServices& services, const http::Request& r,
                                  const Authenticated& who) {
  auto period = ReadPeriod(r);
  if (!period.ok()) return http::ProblemResponse(period.problem());
  FirmNetworkRequest request{std::string(r.query("practice").value_or("")), period.value()};
  auto firm = services.network().Firm(who.principal, request);
  if (!firm.ok()) return Fail(firm.status(), "query");
  const FirmSnapshot& snapshot = *firm->state->snapshot;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("practice", firm->practice).Key("period");
  PeriodJson(w, firm->period);
  w.Member("people", static_cast<int64_t>(firm->people)).Key("practices").BeginArray();
  std::vector<std::string_view> practices;
  for (const Person& p : snapshot.data().people) {
    if (!p.practice.empty()) practices.push_back(p.practice);
  }
  std::sort(practices.begin(), practices.end());
  practices.erase(std::unique(practices.begin(), practices.end()), practices.end());
  for (std::string_view p : practices) w.String(p);
  w.EndArray().Key("metrics");
  MetricsJson(w, firm->metrics);
  std::map<std::string_view, int64_t> shapes;
  for (network::Shape s : {network::Shape::kWagonWheel, network::Shape::kOrgChart,
                           network::Shape::kNetwork, network::Shape::kNone}) {
    shapes[network::ToString(s)] = 0;
  }
  for (const TeamShapeRow& t : firm->teams) ++shapes[network::ToString(t.shape)];
  w.Key("shapes").BeginObject();
  for (const auto& [name, count] : shapes) w.Member(name, count);
  w.EndObject().Key("teams").BeginArray();
  for (const TeamShapeRow& t : firm->teams) {
    const Team& team = snapshot.data().teams[t.team];
    w.BeginObject().Member("id", team.id).Member("name", team.name);
    w.Member("members", static_cast<int64_t>(t.members))
        .Member("shape", network::ToString(t.shape));
    w.Member("hub_share", t.hub_share).Member("leader_share", t.leader_share);
    w.Member("transitivity", t.transitivity).EndObject();
  }
  w.EndArray().Key("communities").BeginArray();
  for (size_t c = 0; c < firm->communities.size(); ++c) {
    const CommunityNode& n = firm->communities[c];
    w.BeginObject()
        .Member("id", static_cast<int64_t>(c))
        .Member("size", static_cast<int64_t>(n.size));
    w.Member("label", n.label).Member("practice", n.practice).EndObject();
  }
  w.EndArray().Key("community_ties").BeginArray();
  for (const auto& t : firm->community_ties) {
    w.BeginObject().Member("source", static_cast<int64_t>(t.a));
    w.Member("target", static_cast<int64_t>(t.b)).Member("weight", t.weight).EndObject();
  }
  w.EndArray().Key("brokers").BeginArray();
  for (uint32_t p : firm->brokers) {
    const Person& person = snapshot.data().people[p];
    w.BeginObject().Member("id", person.id).Member("name", person.name);
    w.Member("practice", person.practice).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

void HolderJson(http::JsonWriter& w, const FirmData& firm, const network::RelationshipHolder& h,
                bool detail) {
  const Person& p = firm.people[h.person];
  w.BeginObject().Member("id", p.id).Member("name", p.name).Member("grade", p.grade);
  w.Member("partner", h.partner).Member("strength", network::ToString(h.strength));
  w.Member("score", h.score);
  if (detail) {
    w.Member("engagements", static_cast<int64_t>(h.engagements));
    w.Member("led", static_cast<int64_t>(h.led)).Member("hours", h.hours);
    w.Member("last_worked", FormatDate(h.last_worked));
  }
  w.EndObject();
}

void CoverageJson(http::JsonWriter& w, const FirmData& firm, const network::ClientCoverage& c,
                  size_t holders, bool detail) {
  const Client& client = firm.clients[c.client];
  w.Key("client").BeginObject().Member("id", client.id).Member("name", client.name);
  w.Member("industry", client.industry).Member("key_client", client.key_client).EndObject();
  w.Member("risk", network::ToString(c.risk)).Member("flagged", c.flagged);
  w.Member("strong_partners", static_cast<int64_t>(c.strong_partners));
  w.Member("strong_holders", static_cast<int64_t>(c.strong_holders));
  w.Member("reason", c.reason).Key("holders").BeginArray();
  for (size_t i = 0; i < c.holders.size() && i < holders; ++i) {
    HolderJson(w, firm, c.holders[i], detail);
  }
  w.EndArray();
}

http::Response ClientsHandler(ApiServices& services, const http::Request& r,
                              const Authenticated& who) {
  auto flagged = ReadBool(r, "flagged");
  if (!flagged.ok()) return http::ProblemResponse(flagged.problem());
  auto key = ReadBool(r, "key");
  if (!key.ok()) return http::ProblemResponse(key.problem());
  auto limit = ReadInt(r, "limit", kDefaultClients, 1, kMaxClients);
  if (!limit.ok()) return http::ProblemResponse(limit.problem());
  auto list = services.network().Clients(who.principal, {flagged.value(), key.value()});
  if (!list.ok()) return Fail(list.status(), "query");
  const FirmData& firm = list->state->snapshot->data();
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("total", static_cast<int64_t>(list->clients.size()));
  w.Key("clients").BeginArray();
  for (size_t i = 0; i < list->clients.size() && i < static_cast<size_t>(limit.value()); ++i) {
    w.BeginObject();
    CoverageJson(w, firm, list->state->coverage[list->clients[i]], kHoldersInList, false);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ClientHandler(ApiServices& services, const http::Request& r,
                             const Authenticated& who) {
  auto detail = services.network().Client(who.principal, r.param("id").value_or(""));
  if (!detail.ok()) return Fail(detail.status(), "query");
  const FirmData& firm = detail->state->snapshot->data();
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject();
  CoverageJson(w, firm, *detail->coverage, detail->coverage->holders.size(), true);
  w.Member("capacity_visible", detail->capacity_visible).Key("successors").BeginArray();
  for (const network::SuccessorSuggestion& s : detail->successors) {
    const Person& p = firm.people[s.person];
    w.BeginObject().Member("id", p.id).Member("name", p.name).Member("grade", p.grade);
    w.Member("practice", p.practice).Member("score", s.score).Member("skill_share", s.skill_share);
    w.Key("skills").BeginArray();
    for (const std::string& id : s.skills) {
      const Skill* skill = detail->state->snapshot->FindSkill(id);
      w.BeginObject().Member("id", id).Member("name", skill ? skill->name : id).EndObject();
    }
    w.EndArray();
    if (detail->capacity_visible) w.Member("free_hours_per_week", s.free_hours_per_week);
    w.Member("tie_hours", s.tie_hours).Key("tied_to");
    if (s.tied_holder) {
      WritePersonRef(w, *detail->state->snapshot, firm.people[*s.tied_holder].id);
    } else {
      w.Null();
    }
    w.Member("reason", s.reason).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::ProblemOr<FormTeamRequest> ReadFormTeam(const http::Request& r) {
  FormTeamRequest request;
  for (const auto& [name, value] : r.query_params) {
    if (name != "need") continue;
    auto need = ParseNeed(value);
    if (!need.ok()) return need.problem();
    request.needs.push_back({need.value().skill, need.value().min_level});
  }
  if (request.needs.empty()) {
    return FieldProblem("need", "query", "at least one SKILL[:LEVEL]", "");
  }
  const std::string objective(r.query("objective").value_or("sum"));
  auto parsed = network::ParseObjective(objective);
  if (!parsed) return FieldProblem("objective", "query", "diameter, sum or leader", objective);
  request.objective = *parsed;
  auto hours = ReadHours(r, "hours");
  if (!hours.ok()) return hours.problem();
  request.hours = hours.value().value_or(0);
  request.practice = std::string(r.query("practice").value_or(""));
  return request;
}

http::Response FormTeamHandler(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  auto request = ReadFormTeam(r);
  if (!request.ok()) return http::ProblemResponse(request.problem());
  auto outcome = services.network().FormTeam(who.principal, request.value());
  if (!outcome.ok()) return Fail(outcome.status(), "query");
  if (auto* unmet = std::get_if<std::vector<UnmetNeed>>(&*outcome)) {
    http::Problem problem =
        http::MakeProblem(400, "invalid_argument", "no team can cover these needs: each is named");
    for (const UnmetNeed& u : *unmet)
      problem.errors.push_back({"need", "query", u.expected, u.need});
    return http::ProblemResponse(problem);
  }
  const FormedTeam* team = &std::get<FormedTeam>(*outcome);
  const FirmSnapshot& snapshot = *team->state->snapshot;
  const skills::SkillIndex& index = team->skills->index;
  const Graph& g = *team->state->graph;
  const network::TeamProposal& p = team->proposal;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("objective", network::ToString(p.objective));
  w.Member("cost", network::ToUnits(p.cost)).Key("costs").BeginObject();
  w.Member("diameter", network::ToUnits(p.costs.diameter));
  w.Member("sum", network::ToUnits(p.costs.sum));
  w.Member("leader", network::ToUnits(p.costs.leader)).EndObject();
  w.Member("leader", g.name(p.costs.leader_node)).Member("optimal", p.optimal);
  w.Member("seconds", team->seconds).Key("cover").BeginArray();
  for (size_t i = 0; i < p.cover.size(); ++i) {
    w.BeginObject().Key("skill").BeginObject().Member("id", index.skill_id(team->needs[i]));
    w.Member("name", index.skill_name(team->needs[i])).EndObject();
    w.Member("member", g.name(p.cover[i])).EndObject();
  }
  w.EndArray().Key("members").BeginArray();
  for (const network::MemberReason& m : team->reasons) {
    const Person* person = snapshot.FindPerson(g.name(m.member));
    w.BeginObject().Member("id", g.name(m.member));
    w.Member("name", person ? person->name : g.name(m.member));
    w.Member("grade", person ? person->grade : "")
        .Member("practice", person ? person->practice : "");
    w.Member("leader", m.leader).Key("covers").BeginArray();
    for (uint32_t i : m.covers) w.String(index.skill_name(team->needs[i]));
    w.EndArray().Key("ties").BeginArray();
    for (const auto& t : m.ties) {
      w.BeginObject().Member("id", g.name(t.other)).Member("hours", t.weight);
      w.Member("distance", network::ToUnits(t.distance)).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

}  // namespace

Status AddNetworkRoutes(http::Router& router, ApiServices& s) {
  using namespace std::placeholders;
  const std::pair<const char*,
                  http::Response (*)(ApiServices&, const http::Request&, const Authenticated&)>
      routes[] = {{"/api/v1/teams/{id}/network", TeamNetworkHandler},
                  {"/api/v1/network", FirmNetworkHandler},
                  {"/api/v1/clients", ClientsHandler},
                  {"/api/v1/clients/{id}/coverage", ClientHandler},
                  {"/api/v1/team-formation", FormTeamHandler}};
  for (const auto& [pattern, handler] : routes) {
    RETURN_IF_ERROR(router.Get(pattern, Authed(s, std::bind(handler, std::ref(s), _1, _2))));
  }
  return OkStatus();
}

}  // namespace guild::api::internal
