// The team-formation benchmark's own references, independent of the engine:
// a textbook Dijkstra, Lappas et al.'s RarestFirst as the paper states it,
// exact searches for the optimum, and plain enumeration to check them.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/network/team_formation.h"

namespace guild::bench {

using network::ExpertNetwork;
using network::Length;
using network::NodeId;

//! Shortest-path rows from single nodes, cached, and nearest-holder
//! distances; a plain binary-heap Dijkstra over the network's lengths.
class Distances {
 public:
  explicit Distances(const ExpertNetwork& net) : net_(net) {}
  const std::vector<Length>& Row(NodeId source);
  //! Distance from every node to the nearest of `sources`.
  std::vector<Length> ToNearest(const std::vector<NodeId>& sources) const;
  [[nodiscard]] size_t rows() const { return rows_.size(); }

 private:
  std::vector<Length> Run(const std::vector<NodeId>& sources) const;
  const ExpertNetwork& net_;
  std::unordered_map<NodeId, std::unique_ptr<std::vector<Length>>> rows_;
};

//! A task: per skill, its holders (ascending).
struct Task {
  std::vector<std::vector<NodeId>> holders;
};

//! RarestFirst (Lappas, Liu and Terzi, KDD 2009, Algorithm 1): a_rare is the
//! skill with fewest holders (the first such in task order); for every
//! holder i of a_rare, R_i = max over skills a of d(i, S(a)); i* = argmin R_i
//! (lowest node on ties); the team is i* and, for each other skill, its
//! holder nearest i* (lowest node on ties). Returns the cover per skill.
std::vector<NodeId> RarestFirst(const Task& task, Distances& d);

Length Diameter(const std::vector<NodeId>& cover, Distances& d);
Length SumOfDistances(const std::vector<NodeId>& cover, Distances& d);

struct Exact {
  bool proven = false;  //!< false when the deadline came first
  Length cost = network::kUnreachable;
  std::vector<NodeId> cover;  //!< a cover of that cost, when the search found one
  uint64_t nodes = 0;         //!< search nodes visited
};

using Deadline = std::chrono::steady_clock::time_point;

//! The least diameter, by a depth-first search for covers of diameter below
//! `upper` (the cost of a known cover), pruned by nearest-holder distances.
Exact ExactDiameter(const Task& task, Length upper, Distances& d, Deadline deadline);
//! The least sum of distances, by branch and bound from `upper`.
Exact ExactSum(const Task& task, Length upper, Distances& d, Deadline deadline);
//! The least leader distance: min over nodes v of sum over skills of the
//! distance from v to the skill's nearest holder.
Length ExactLeader(const Task& task, const Distances& d, uint32_t nodes);
//! Every cover tried (product of holder counts), for checking the searches
//! on small tasks; objective 0 = diameter, 1 = sum.
Length Enumerate(const Task& task, int objective, Distances& d);

}  // namespace guild::bench
