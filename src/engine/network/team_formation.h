// Team formation: people who together cover every skill a task needs, chosen
// for the lowest communication cost on the collaboration graph.
//
// Distances are shortest paths over arc lengths (distance.h); zero lengths
// are allowed. A team covers each task skill by one member (cover[i] covers
// task.skills[i]; one member may cover several). Costs, the literature's:
//  - diameter (Lappas, Liu and Terzi, KDD 2009): the largest distance between
//    two members, i.e. max over skill pairs of d(cover[i], cover[j]);
//  - sum of distances (Kargar and An, CIKM 2011): over every pair of task
//    skills i < j, d(cover[i], cover[j]);
//  - leader distance (Kargar and An 2011): for a leader L (any person; on the
//    team), the sum over task skills of d(L, cover[i]).
// Every team reports all three; for the diameter and sum objectives its
// leader is the member with the least leader distance.
//
// The search (internal/team_search.cc), for a task of k skills:
//  1. one multi-source Dijkstra per skill from its eligible holders gives, for
//     every person v, the distance D_i(v) to the nearest holder of skill i and
//     which holder that is (the lowest NodeId among equally near ones);
//  2. leader objective: the leader minimising sum_i D_i(v) over every person
//     v, with each skill covered by its holder nearest to that leader. This is
//     exact: for a fixed leader the nearest holders are optimal.
//  3. diameter and sum: candidate teams from centres, each skill covered by
//     its holder nearest the centre: RarestFirst's centres (every holder h of
//     the skill with fewest holders, radius max_i D_i(h)), all of them for
//     the diameter (in order of radius, stopping once the radius reaches the
//     best diameter found, a lower bound for the rest), RarestFirst's own
//     choice for the sum; and the options.centres best centres anywhere by
//     sum_i D_i(v) (sum) or max_i D_i(v) (diameter);
//  4. a descent on the best candidates: re-cover one skill at a time by the
//     holder that most lowers (objective, then the other of diameter and
//     sum), until no skill can be re-covered for less;
//  5. a depth-first branch and bound (internal/exact_search.h) for a cover
//     cheaper than the best, over the holders that the bounds D_i cannot rule
//     out, within options.exact_work times the network's node count settled
//     by its distance searches (about that many full Dijkstra searches). When
//     it finishes, the team is optimal (TeamProposal::optimal).
// Distances between people come from Dijkstra searches that stop at the
// farthest person wanted or at the cost still allowed, so steps 3-5 explore
// small neighbourhoods of a small-world network, not the whole of it; each
// person's search is kept for the task (internal/team_search.h,
// PairDistances), so the many questions about the same candidates in steps
// 4 and 5 are answered without searching again.
// Because RarestFirst's team (Lappas et al.'s algorithm with the same
// nearest-holder rule) is among the candidates and the descent never raises
// the cost, the result never costs more than RarestFirst's team on the
// objective asked.
//
// Thread safety: FormTeam reads the network only; calls may run concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "engine/network/distance.h"
#include "engine/network/edge_list.h"
#include "engine/network/graph.h"

namespace guild::network {

enum class Objective { kDiameter, kSumOfDistances, kLeaderDistance };
//! "diameter", "sum", "leader".
std::string_view ToString(Objective objective);
std::optional<Objective> ParseObjective(std::string_view text);

//! One skill and the people who hold it.
struct SkillHolders {
  std::string skill;
  std::vector<NodeId> holders;  //!< any order; repeats are ignored
};

//! People, their skills, and the lengths of their ties. The graph and the
//! lengths may be shared between networks (one collaboration graph, a small
//! network of holders per task).
class ExpertNetwork {
 public:
  //! `lengths` are parallel to the graph's arcs (ArcLengths), each >= 0;
  //! `skills[v]` are the skill ids node v holds. Errors: kInvalidArgument when
  //! the sizes disagree or a length is negative.
  static Result<ExpertNetwork> Build(Graph graph, std::vector<Length> lengths,
                                     const std::vector<std::vector<std::string>>& skills);
  //! The same over a shared graph and lengths, with the holders of each
  //! skill given directly. Errors as Build, and for a holder not in the graph.
  static Result<ExpertNetwork> FromHolders(std::shared_ptr<const Graph> graph,
                                           std::shared_ptr<const std::vector<Length>> lengths,
                                           std::vector<SkillHolders> skills);

  [[nodiscard]] const Graph& graph() const { return *graph_; }
  [[nodiscard]] std::span<const Length> lengths() const { return *lengths_; }
  [[nodiscard]] uint32_t skill_count() const { return static_cast<uint32_t>(skill_names_.size()); }
  [[nodiscard]] std::optional<uint32_t> FindSkill(std::string_view id) const;
  [[nodiscard]] const std::string& skill_name(uint32_t skill) const { return skill_names_[skill]; }
  //! Holders of a skill, ascending.
  [[nodiscard]] std::span<const NodeId> holders(uint32_t skill) const {
    return {holders_.data() + holder_begin_[skill],
            holder_begin_[skill + 1] - holder_begin_[skill]};
  }
  [[nodiscard]] bool Holds(NodeId v, uint32_t skill) const;

 private:
  static Status CheckLengths(const Graph& graph, const std::vector<Length>& lengths);
  void AddSkills(std::vector<SkillHolders> skills);

  std::shared_ptr<const Graph> graph_;
  std::shared_ptr<const std::vector<Length>> lengths_;
  std::vector<std::string> skill_names_;
  std::unordered_map<std::string, uint32_t> skill_index_;
  std::vector<uint64_t> holder_begin_;
  std::vector<NodeId> holders_;
};

//! A network in the team-formation data set's layout (edge_list.h): an
//! expert list and an edge list of similarities (u, v, jaccard) between its
//! nodes; lengths are 1 - similarity. `names`, when given, receives each
//! node's display name. Errors: kInvalidArgument with `problems` as
//! ParseEdgeList's (an edge naming a node not in the expert list included).
Result<ExpertNetwork> ParseExpertNetwork(std::string_view experts_text,
                                         std::string_view experts_file, std::string_view edges_text,
                                         std::string_view edges_file,
                                         std::vector<InputProblem>& problems,
                                         std::vector<std::string>* names = nullptr);

struct FormOptions {
  Objective objective = Objective::kSumOfDistances;
  //! Per node, nonzero when the person may cover a skill (has capacity);
  //! empty: everyone may. Anyone may still be on a path between members.
  std::span<const uint8_t> eligible;
  //! Centres tried besides RarestFirst's (step 3).
  int centres = 8;
  //! Candidates improved by the descent (step 4).
  int descents = 4;
  //! Work of the branch and bound (step 5), in full-search equivalents (its
  //! searches may settle exact_work x node_count nodes); 0 skips it. 8 is
  //! enough for the diameter on the DBLP benchmark (it proves the optimum
  //! there with a few thousand nodes settled); for the sum, the descent's team
  //! is within 1 % of the optimum before this step (bench/results/
  //! teamformation.md), and more work buys proofs more than better teams.
  uint64_t exact_work = 8;
};

struct TeamCosts {
  Length diameter = 0;
  Length sum = 0;
  Length leader = 0;  //!< from `leader`
  NodeId leader_node = 0;
};

struct TeamProposal {
  Objective objective = Objective::kSumOfDistances;
  std::vector<NodeId> cover;    //!< per task skill, in task order
  std::vector<NodeId> members;  //!< distinct, ascending; the leader included
  Length cost = 0;              //!< of the objective
  TeamCosts costs;
  //! The cost is proven least (always for the leader objective).
  bool optimal = false;
};

//! Forms a team for `skills` (distinct skill ids). Errors: kInvalidArgument
//! when the list is empty or repeats a skill, or naming every skill nobody
//! (eligible) holds; kFailedPrecondition when no connected group of people
//! covers every skill.
Result<TeamProposal> FormTeam(const ExpertNetwork& network, std::span<const std::string> skills,
                              const FormOptions& options);

//! The three costs of a cover, computed exactly (one Dijkstra per distinct
//! member); the leader is `leader` or, when nullopt, the best member.
TeamCosts EvaluateTeam(const ExpertNetwork& network, std::span<const NodeId> cover,
                       std::optional<NodeId> leader = std::nullopt);

//! Why a member is on the team.
struct MemberReason {
  NodeId member = 0;
  std::vector<uint32_t> covers;  //!< task skill positions this member covers
  bool leader = false;
  struct Tie {
    NodeId other = 0;
    double weight = 0;    //!< of the direct edge; 0 when not adjacent
    Length distance = 0;  //!< shortest path length
  };
  std::vector<Tie> ties;  //!< to every other member, nearest first
};

//! The reason for each member, in `team.members` order.
std::vector<MemberReason> ExplainTeam(const ExpertNetwork& network, const TeamProposal& team);

}  // namespace guild::network
