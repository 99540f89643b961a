#include "engine/network/team_formation.h"

#include <algorithm>
#include <unordered_set>

#include "engine/network/internal/team_search.h"

namespace guild::network {

std::string_view ToString(Objective objective) {
  switch (objective) {
    case Objective::kDiameter: return "diameter";
    case Objective::kSumOfDistances: return "sum";
    case Objective::kLeaderDistance: return "leader";
  }
  return "sum";
}

std::optional<Objective> ParseObjective(std::string_view text) {
  for (Objective o :
       {Objective::kDiameter, Objective::kSumOfDistances, Objective::kLeaderDistance}) {
    if (text == ToString(o)) return o;
  }
  return std::nullopt;
}

Status ExpertNetwork::CheckLengths(const Graph& graph, const std::vector<Length>& lengths) {
  if (lengths.size() != 2 * graph.edge_count()) {
    return InvalidArgument("lengths: expected one per arc (" +
                           std::to_string(2 * graph.edge_count()) + "), got " +
                           std::to_string(lengths.size()));
  }
  if (std::any_of(lengths.begin(), lengths.end(), [](Length l) { return l < 0; })) {
    return InvalidArgument("lengths: expected lengths >= 0");
  }
  return OkStatus();
}

// REQUIRES: distinct skills.
void ExpertNetwork::AddSkills(std::vector<SkillHolders> skills) {
  holder_begin_.assign(1, 0);
  for (SkillHolders& s : skills) {
    skill_index_.emplace(s.skill, static_cast<uint32_t>(skill_names_.size()));
    skill_names_.push_back(std::move(s.skill));
    std::sort(s.holders.begin(), s.holders.end());
    s.holders.erase(std::unique(s.holders.begin(), s.holders.end()), s.holders.end());
    holders_.insert(holders_.end(), s.holders.begin(), s.holders.end());
    holder_begin_.push_back(holders_.size());
  }
}

Result<ExpertNetwork> ExpertNetwork::Build(Graph graph, std::vector<Length> lengths,
                                           const std::vector<std::vector<std::string>>& skills) {
  RETURN_IF_ERROR(CheckLengths(graph, lengths));
  if (skills.size() != graph.node_count()) {
    return InvalidArgument("skills: expected one list per node (" +
                           std::to_string(graph.node_count()) + "), got " +
                           std::to_string(skills.size()));
  }
  std::vector<SkillHolders> by_skill;
  std::unordered_map<std::string_view, size_t> position;
  for (NodeId v = 0; v < skills.size(); ++v) {
    for (const std::string& s : skills[v]) {
      auto [it, added] = position.try_emplace(s, by_skill.size());
      if (added) by_skill.push_back({s, {}});
      by_skill[it->second].holders.push_back(v);
    }
  }
  ExpertNetwork net;
  net.graph_ = std::make_shared<const Graph>(std::move(graph));
  net.lengths_ = std::make_shared<const std::vector<Length>>(std::move(lengths));
  net.AddSkills(std::move(by_skill));
  return net;
}

Result<ExpertNetwork> ExpertNetwork::FromHolders(std::shared_ptr<const Graph> graph,
                                                 std::shared_ptr<const std::vector<Length>> lengths,
                                                 std::vector<SkillHolders> skills) {
  RETURN_IF_ERROR(CheckLengths(*graph, *lengths));
  std::unordered_set<std::string_view> names;
  for (const SkillHolders& s : skills) {
    if (!names.insert(s.skill).second) {
      return InvalidArgument("skills: '" + s.skill + "' is listed twice");
    }
    for (NodeId v : s.holders) {
      if (v >= graph->node_count()) {
        return InvalidArgument("skills: a holder of '" + s.skill + "' is not in the graph");
      }
    }
  }
  ExpertNetwork net;
  net.graph_ = std::move(graph);
  net.lengths_ = std::move(lengths);
  net.AddSkills(std::move(skills));
  return net;
}

Result<ExpertNetwork> ParseExpertNetwork(std::string_view experts_text,
                                         std::string_view experts_file, std::string_view edges_text,
                                         std::string_view edges_file,
                                         std::vector<InputProblem>& problems,
                                         std::vector<std::string>* names) {
  ASSIGN_OR_RETURN(std::vector<ExpertRow> experts,
                   ParseExperts(experts_text, experts_file, problems));
  std::unordered_set<std::string> known;
  for (const ExpertRow& e : experts) known.insert(e.node);
  ASSIGN_OR_RETURN(
      EdgeList edges,
      ParseEdgeList(edges_text, edges_file,
                    {.weights = WeightRange::kSimilarity, .known_nodes = &known}, problems));
  GraphBuilder builder;
  std::vector<std::vector<std::string>> skills;
  skills.reserve(experts.size());
  if (names) names->clear();
  for (ExpertRow& e : experts) {
    builder.AddNode(e.node);
    skills.push_back(std::move(e.skills));
    if (names) names->push_back(std::move(e.name));
  }
  for (const EdgeRow& row : edges.rows) {
    builder.AddEdge(builder.AddNode(row.source), builder.AddNode(row.target), row.weight);
  }
  Graph graph = builder.Build();
  std::vector<Length> lengths = ArcLengths(graph, {.model = LengthModel::kOneMinusSimilarity});
  return ExpertNetwork::Build(std::move(graph), std::move(lengths), skills);
}

std::optional<uint32_t> ExpertNetwork::FindSkill(std::string_view id) const {
  auto it = skill_index_.find(std::string(id));
  if (it == skill_index_.end()) return std::nullopt;
  return it->second;
}

bool ExpertNetwork::Holds(NodeId v, uint32_t skill) const {
  std::span<const NodeId> list = holders(skill);
  return std::binary_search(list.begin(), list.end(), v);
}

Result<TeamProposal> FormTeam(const ExpertNetwork& network, std::span<const std::string> skills,
                              const FormOptions& options) {
  if (!options.eligible.empty() && options.eligible.size() != network.graph().node_count()) {
    return InvalidArgument("eligible: expected one flag per node");
  }
  ASSIGN_OR_RETURN(internal::ResolvedTask task,
                   internal::ResolveTask(network, skills, options.eligible));
  return internal::SearchTeam(network, task, options);
}

TeamCosts EvaluateTeam(const ExpertNetwork& network, std::span<const NodeId> cover,
                       std::optional<NodeId> leader) {
  internal::PairDistances pairs(network);
  return internal::EvaluateCover(pairs, cover, leader, std::nullopt);
}

std::vector<MemberReason> ExplainTeam(const ExpertNetwork& network, const TeamProposal& team) {
  internal::PairDistances pairs(network);
  const Graph& g = network.graph();
  std::vector<MemberReason> out;
  for (NodeId m : team.members) {
    MemberReason r;
    r.member = m;
    r.leader = m == team.costs.leader_node;
    for (uint32_t i = 0; i < team.cover.size(); ++i) {
      if (team.cover[i] == m) r.covers.push_back(i);
    }
    for (NodeId other : team.members) {
      if (other == m) continue;
      std::optional<uint64_t> arc = g.FindArc(m, other);
      r.ties.push_back({other, arc ? g.arc_weight(*arc) : 0.0, pairs.Between(m, other)});
    }
    std::stable_sort(r.ties.begin(), r.ties.end(),
                     [](const auto& a, const auto& b) { return a.distance < b.distance; });
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace guild::network
