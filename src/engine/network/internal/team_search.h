// The team search behind FormTeam (team_formation.h states the steps).
#pragma once

#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/network/team_formation.h"

namespace guild::network::internal {

//! Exact distances between pairs of people, from Dijkstra balls that are
//! searched once per person and remembered. A person's ball holds everyone
//! within its radius; a question it cannot answer (a target outside it, a
//! bound beyond its radius) searches a new ball around the person, at least a
//! quarter wider, that reaches every target asked (or the bound). Distances
//! are symmetric, so either person's ball may answer. In a small-world network
//! the people of a good team are near each other, so balls stay small, and
//! the many questions of the descent and of the branch and bound about the
//! same candidates are answered without searching again.
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
  struct Ball {
    Length radius = -1;
    std::vector<NodeId> nodes;  // ascending
    std::vector<Length> distances;
  };
  //! Balls kept at once, in nodes; past it the cache starts again (memory
  //! stays bounded on a firm-sized network).
  static constexpr size_t kMaxCachedNodes = size_t{1} << 22;

  //! d(a, b) when a ball answers it: the distance, or kUnreachable when more
  //! than bound; nullopt when no ball knows.
  [[nodiscard]] std::optional<Length> Known(NodeId a, NodeId b, Length bound) const;

  ShortestPaths paths_;
  std::unordered_map<NodeId, Ball> balls_;
  size_t cached_nodes_ = 0;
  std::vector<size_t> missing_;
  std::vector<NodeId> targets_;
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
