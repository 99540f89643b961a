#include "service/network/network_service.h"

#include <algorithm>
#include <climits>
#include <map>
#include <unordered_map>

#include "engine/network/co_staffing.h"
#include "engine/network/conversation_ties.h"

namespace guild {

namespace {

using network::Graph;
using network::NodeId;

// Open ends of a period.
constexpr Date kBeginningOfTime{INT32_MIN / 2};
constexpr Date kEndOfTime{INT32_MAX / 2};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The team's people (leader and members), as tie-set nodes, leader first.
std::vector<NodeId> TeamNodes(const network::TieSet& ties, const Team& team) {
  std::vector<NodeId> out;
  auto add = [&](const std::string& id) {
    std::optional<NodeId> v = ties.Find(id);
    if (v && std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  };
  if (!team.leader_id.empty()) add(team.leader_id);
  for (const TeamMember& m : team.members) add(m.person_id);
  return out;
}

// What a view for `viewer` (a person id, or empty) reads in `period`.
network::ReadOptions ViewOf(const NetworkState& state, std::string_view viewer,
                            std::optional<network::Period> period) {
  network::ReadOptions out{.period = period, .private_kinds = state.private_kinds};
  if (!viewer.empty()) out.viewer = state.ties.Find(viewer);
  return out;
}

std::optional<NodeId> LeaderIn(const Graph& graph, const Team& team) {
  if (team.leader_id.empty()) return std::nullopt;
  return graph.Find(team.leader_id);
}

// The kinds a network state is derived from or answers with: the people,
// co-staffing (engagements, openings, assignments, time entries), coverage
// (clients, engagements, people), the teams and skills the answers read
// from its snapshot; with a store, the conversation kinds ReadConversations
// reads. The state is kept while these keep their storage generation.
std::vector<EntityKind> NetworkInputs(bool conversations) {
  std::vector<EntityKind> out = {EntityKind::kPeople,      EntityKind::kTeams,
                                 EntityKind::kSkills,      EntityKind::kClients,
                                 EntityKind::kEngagements, EntityKind::kOpenings,
                                 EntityKind::kAssignments, EntityKind::kTimeEntries};
  if (conversations) {
    out.insert(out.end(), {EntityKind::kCheckinQuestions, EntityKind::kFeedbackRequests,
                           EntityKind::kFeedbackAnswers});
  }
  return out;
}

}  // namespace

Result<std::optional<network::Period>> ResolvePeriod(const PeriodRequest& period) {
  if (!period.from && !period.to) return std::optional<network::Period>();
  network::Period p{period.from.value_or(kBeginningOfTime), period.to.value_or(kEndOfTime)};
  if (p.to < p.from) {
    return InvalidArgument("to: expected a day on or after from (" + FormatDate(p.from) +
                           "), got " + FormatDate(p.to));
  }
  return std::optional<network::Period>(p);
}

Result<NetworkFigures> AnalyzeNetwork(Graph graph, std::optional<NodeId> leader,
                                      uint32_t exact_limit, uint32_t samples) {
  network::MetricsOptions options;
  if (graph.node_count() > exact_limit) options.betweenness_samples = samples;
  NetworkFigures out;
  ASSIGN_OR_RETURN(out.metrics, network::ComputeMetrics(graph, options));
  out.shape = network::ClassifyShape(graph, out.metrics, leader);
  out.graph = std::move(graph);
  return out;
}

NetworkService::NetworkService(SnapshotHolder& snapshots, SkillsService& skills, const Clock& clock,
                               NetworkOptions options, Store* conversations)
    : skills_(skills),
      clock_(clock),
      options_(std::move(options)),
      conversations_(conversations),
      state_(
          snapshots, NetworkInputs(conversations != nullptr),
          [this] { return static_cast<int64_t>(clock_.Today().days); },
          [this](std::shared_ptr<const FirmSnapshot> s) { return Build(std::move(s)); }) {}

Result<NetworkStateRef> NetworkService::State() { return state_.Get(); }

Result<ConversationRecords> ReadConversations(Store& store) {
  ConversationRecords out;
  for (EntityKind kind : {EntityKind::kCheckinQuestions, EntityKind::kFeedbackRequests,
                          EntityKind::kFeedbackAnswers}) {
    SelectQuery q{.kind = kind, .limit = kMaxSelectRows};
    do {
      ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
      for (auto& r : page.rows.checkin_questions.take()) out.questions.push_back(std::move(r));
      for (auto& r : page.rows.feedback_requests.take()) {
        out.feedback_requests.push_back(std::move(r));
      }
      for (auto& r : page.rows.feedback_answers.take()) {
        out.feedback_answers.push_back(std::move(r));
      }
      q.after = std::move(page.next_cursor);
    } while (!q.after.empty());
  }
  return out;
}

Result<NetworkStateRef> BuildNetworkState(std::shared_ptr<const FirmSnapshot> snapshot, Date today,
                                          const NetworkOptions& options,
                                          const ConversationRecords* conversations) {
  const FirmData& firm = snapshot->data();
  auto state = std::make_shared<NetworkState>();
  state->snapshot = snapshot;
  state->today = today;
  std::vector<std::string> people;
  people.reserve(firm.people.size());
  for (const Person& p : firm.people) people.push_back(p.id);
  static const ConversationRecords kNone;
  const ConversationRecords& talk = conversations != nullptr ? *conversations : kNone;
  network::CoStaffingTies co_staffing(firm, {});
  network::CheckinQuestionTies questions(talk.questions);
  network::FeedbackTies feedback(talk.feedback_requests, talk.feedback_answers);
  const network::TieSource* sources[] = {&co_staffing, &questions, &feedback};
  ASSIGN_OR_RETURN(state->ties, network::BuildTieSet(std::move(people), sources));
  const std::string private_kinds[] = {std::string(network::kQuestionKind),
                                       std::string(network::kFeedbackKind)};
  state->private_kinds = state->ties.KindsNamed(private_kinds);
  auto graph =
      std::make_shared<const Graph>(state->ties.Read({.private_kinds = state->private_kinds}));
  state->lengths = std::make_shared<const std::vector<network::Length>>(network::ArcLengths(
      *graph,
      {.model = network::LengthModel::kSaturating, .saturation = options.saturation_hours}));
  state->graph = std::move(graph);
  network::CoverageOptions coverage = options.coverage;
  coverage.today = today;
  state->coverage = network::ComputeCoverage(firm, coverage);
  return NetworkStateRef(std::move(state));
}

Result<NetworkStateRef> NetworkService::Build(std::shared_ptr<const FirmSnapshot> snapshot) {
  if (conversations_ == nullptr)
    return BuildNetworkState(std::move(snapshot), clock_.Today(), options_);
  ASSIGN_OR_RETURN(ConversationRecords records, ReadConversations(*conversations_));
  return BuildNetworkState(std::move(snapshot), clock_.Today(), options_, &records);
}

Result<TeamNetwork> TeamNetworkIn(NetworkStateRef state, const Team& team,
                                  const PeriodRequest& period, const NetworkOptions& options,
                                  std::string_view viewer) {
  TeamNetwork out;
  out.team = &team;
  ASSIGN_OR_RETURN(out.period, ResolvePeriod(period));
  const std::vector<NodeId> nodes = TeamNodes(state->ties, team);
  Graph graph = state->ties.ReadAmong(nodes, ViewOf(*state, viewer, out.period));
  const std::optional<NodeId> leader = LeaderIn(graph, team);
  ASSIGN_OR_RETURN(out.figures,
                   AnalyzeNetwork(std::move(graph), leader, options.exact_betweenness_limit,
                                  options.betweenness_samples));
  const int days = std::max(1, options.timeline_days);
  for (int p = options.timeline_periods; p >= 1; --p) {
    const network::Period window{AddDays(state->today, -days * p + 1),
                                 AddDays(state->today, -days * (p - 1))};
    Graph g = state->ties.ReadAmong(nodes, ViewOf(*state, viewer, window));
    network::MetricsOptions metrics;
    metrics.communities = network::CommunityMethod::kNone;
    ASSIGN_OR_RETURN(network::NetworkMetrics m, network::ComputeMetrics(g, metrics));
    network::ShapeReport s = network::ClassifyShape(g, m, LeaderIn(g, team));
    out.timeline.push_back({window, s.shape, g.edge_count(), m.density, m.transitivity,
                            s.centralization, s.hub_share, s.leader_share});
  }
  out.state = std::move(state);
  return out;
}

Result<TeamNetwork> NetworkService::TeamNetworkOf(const Principal& viewer, std::string_view team_id,
                                                  const PeriodRequest& period) {
  ASSIGN_OR_RETURN(NetworkStateRef state, State());
  const Team* team = state->snapshot->FindTeam(team_id);
  // A team the viewer may not read answers as a missing one (never 403), so
  // that team ids cannot be probed.
  if (team == nullptr || !Authorizer(*state->snapshot).CanReadTeamNetwork(viewer, team_id)) {
    return NotFound("team: no team '" + std::string(team_id) + "'");
  }
  const std::string viewer_ties(Authorizer(*state->snapshot).PrivateTiesOf(viewer));
  return TeamNetworkIn(std::move(state), *team, period, options_, viewer_ties);
}

namespace {

// The people of a practice (case-insensitive), or everyone.
Result<std::vector<NodeId>> PracticeNodes(const NetworkState& state, const std::string& practice) {
  const FirmData& firm = state.snapshot->data();
  std::vector<NodeId> out;
  const std::string wanted = Lower(practice);
  for (const Person& p : firm.people) {
    if (!practice.empty() && Lower(p.practice) != wanted) continue;
    if (auto v = state.ties.Find(p.id)) out.push_back(*v);
  }
  if (out.empty() && !practice.empty()) {
    return NotFound("practice: no one works in practice '" + practice + "'");
  }
  return out;
}

// Teams led from the practice (the leader's practice, else the first
// member's), each with its shape in the period.
Result<std::vector<TeamShapeRow>> TeamShapes(const NetworkState& state, const std::string& practice,
                                             const std::optional<network::Period>& period,
                                             std::string_view viewer) {
  const FirmSnapshot& snapshot = *state.snapshot;
  const std::string wanted = Lower(practice);
  std::vector<TeamShapeRow> out;
  for (uint32_t t : snapshot.TeamsByName()) {
    const Team& team = snapshot.data().teams[t];
    const std::string& anchor = !team.leader_id.empty() ? team.leader_id
                                : team.members.empty()  ? team.leader_id
                                                        : team.members.front().person_id;
    const Person* person = snapshot.FindPerson(anchor);
    if (!practice.empty() && (person == nullptr || Lower(person->practice) != wanted)) continue;
    const std::vector<NodeId> nodes = TeamNodes(state.ties, team);
    Graph g = state.ties.ReadAmong(nodes, ViewOf(state, viewer, period));
    network::MetricsOptions options;
    options.communities = network::CommunityMethod::kNone;
    ASSIGN_OR_RETURN(network::NetworkMetrics m, network::ComputeMetrics(g, options));
    network::ShapeReport s = network::ClassifyShape(g, m, LeaderIn(g, team));
    out.push_back({t, g.node_count(), s.shape, s.hub_share, s.leader_share, m.transitivity});
  }
  return out;
}

void SummariseCommunities(const NetworkState& state, const Graph& graph, int shown,
                          FirmNetwork& out) {
  const NodeId kNone = network::ShortestPaths::kNoNode;
  const size_t count = std::min<size_t>(out.metrics.communities.size(), std::max(0, shown));
  std::vector<NodeId> community(graph.node_count(), kNone);
  for (size_t c = 0; c < count; ++c) {
    const auto& members = out.metrics.communities[c];
    NodeId centre = members.front();
    std::unordered_map<std::string, uint32_t> practices;
    for (NodeId v : members) {
      community[v] = static_cast<NodeId>(c);
      if (graph.degree(v) > graph.degree(centre)) centre = v;
      if (const Person* p = state.snapshot->FindPerson(graph.name(v))) ++practices[p->practice];
    }
    CommunityNode node{static_cast<uint32_t>(members.size()), graph.name(centre), ""};
    if (const Person* p = state.snapshot->FindPerson(graph.name(centre))) node.label = p->name;
    uint32_t best = 0;
    for (const auto& [name, n] : practices) {
      if (n > best || (n == best && name < node.practice)) {
        best = n;
        node.practice = name;
      }
    }
    out.communities.push_back(std::move(node));
  }
  std::map<std::pair<uint32_t, uint32_t>, double> ties;
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    auto row = graph.neighbors(v);
    auto w = graph.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      const NodeId a = community[v], b = community[row[i]];
      if (row[i] < v || a == kNone || b == kNone || a == b) continue;
      ties[{std::min(a, b), std::max(a, b)}] += w[i];
    }
  }
  for (const auto& [pair, weight] : ties) {
    out.community_ties.push_back({pair.first, pair.second, weight});
  }
}

}  // namespace

Result<FirmNetwork> FirmNetworkIn(NetworkStateRef state, const FirmNetworkRequest& request,
                                  const NetworkOptions& options, std::string_view viewer) {
  FirmNetwork out;
  out.practice = request.practice;
  ASSIGN_OR_RETURN(out.period, ResolvePeriod(request.period));
  ASSIGN_OR_RETURN(std::vector<NodeId> nodes, PracticeNodes(*state, request.practice));
  Graph graph = state->ties.ReadAmong(nodes, ViewOf(*state, viewer, out.period));
  out.people = graph.node_count();
  network::MetricsOptions metrics;
  if (graph.node_count() > options.exact_betweenness_limit) {
    metrics.betweenness_samples = options.betweenness_samples;
  }
  ASSIGN_OR_RETURN(out.metrics, network::ComputeMetrics(graph, metrics));
  out.node_ids = graph.names();
  ASSIGN_OR_RETURN(out.teams, TeamShapes(*state, request.practice, out.period, viewer));
  SummariseCommunities(*state, graph, options.firm_communities, out);
  std::vector<NodeId> order(graph.node_count());
  for (NodeId v = 0; v < order.size(); ++v) order[v] = v;
  constexpr size_t kBrokers = 10;
  const size_t keep = std::min(kBrokers, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(keep), order.end(),
                    [&](NodeId a, NodeId b) {
                      return out.metrics.betweenness[a] != out.metrics.betweenness[b]
                                 ? out.metrics.betweenness[a] > out.metrics.betweenness[b]
                                 : a < b;
                    });
  for (size_t i = 0; i < keep; ++i) {
    if (out.metrics.betweenness[order[i]] <= 0) break;
    out.brokers.push_back(*state->snapshot->PersonIndex(graph.name(order[i])));
  }
  out.state = std::move(state);
  return out;
}

Result<FirmNetwork> NetworkService::Firm(const Principal& viewer,
                                         const FirmNetworkRequest& request) {
  ASSIGN_OR_RETURN(NetworkStateRef state, State());
  Authorizer authorizer(*state->snapshot);
  if (!authorizer.CanReadFirmWide(viewer)) {
    return PermissionDenied("network: the firm's network is for firm leaders and administrators");
  }
  const std::string viewer_ties(authorizer.PrivateTiesOf(viewer));
  return FirmNetworkIn(std::move(state), request, options_, viewer_ties);
}

}  // namespace guild
