// The team search behind FormTeam (team_formation.h states the steps).
#pragma once

#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/network/team_formation.h"

namespace guild::network::internal {

//! Exact distances between pairs of people, computed on demand by Dijkstra
//! searches that stop at the farthest wanted target (or at a bound), and
//! remembered. In a small-world network the people of a good team are near
//! each other, so each search settles a small ball, not the whole graph.
class PairDistances {
 public:
  explicit PairDistances(const ExpertNetwork& network)
      : paths_(network.graph(), network.lengths()) {}

  //! d(source, t) for each t in `targets`, into `out` (parallel): exact when
  //! at most `bound`, else kUnreachable ("more than bound").
  void From(NodeId source, std::span<const NodeId> targets, Length bound, std::vector<Length>& out);
  //! d(a, b), exact (kUnreachable when not connected).
  Length Between(NodeId a, NodeId b);
  //! Nodes settled by the searches so far.
  [[nodiscard]] uint64_t work() const { return paths_.settled_total(); }

 private:
  static uint64_t Key(NodeId a, NodeId b) {
    return a < b ? (static_cast<uint64_t>(a) << 32) | b : (static_cast<uint64_t>(b) << 32) | a;
  }
  ShortestPaths paths_;
  std::unordered_map<uint64_t, Length> exact_;  // pair -> distance
  std::unordered_map<uint64_t, Length> above_;  // pair -> a bound it is known to exceed
  std::vector<NodeId> missing_;
  std::vector<Length> found_;
};

//! Nearest eligible holder of one task skill, for every node.
struct NearestHolders {
  std::vector<Length> distance;  //!< D_i(v)
  std::vector<NodeId> holder;    //!< the lowest of the nearest holders
};

//! The three costs of a cover (team_formation.h's EvaluateTeam).
TeamCosts EvaluateCover(PairDistances& pairs, std::span<const NodeId> cover,
                        std::optional<NodeId> leader, std::optional<Length> leader_cost);

//! A task resolved against the network: skill ids and eligible holders.
struct ResolvedTask {
  std::vector<uint32_t> skills;              //!< network skill ids, task order
  std::vector<std::vector<NodeId>> holders;  //!< eligible holders, ascending
};

//! Resolves skill ids; errors as FormTeam's.
Result<ResolvedTask> ResolveTask(const ExpertNetwork& network, std::span<const std::string> skills,
                                 std::span<const uint8_t> eligible);

//! Runs the search for a resolved task.
Result<TeamProposal> SearchTeam(const ExpertNetwork& network, const ResolvedTask& task,
                                const FormOptions& options);

}  // namespace guild::network::internal
