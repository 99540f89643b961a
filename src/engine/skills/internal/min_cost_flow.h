// Min-cost flow over plain vectors, solved with LEMON. Internal to
// guild_skills. This header and its .cc are C++17-clean: the .cc is compiled
// as C++17 because LEMON 1.3's CostScaling uses std::allocator members that
// C++20 removed.
#pragma once

#include <cstdint>
#include <vector>

namespace guild::skills::internal {

struct FlowArc {
  int32_t from = 0;
  int32_t to = 0;
  int32_t capacity = 0;
  int64_t cost = 0;
};

enum class FlowAlgorithm { kCostScaling, kNetworkSimplex };

//! Minimises the total cost of a flow meeting `supply` (per node; sums to 0)
//! within arc capacities. On success fills `flow` (one value per arc) and
//! returns true; returns false when no feasible optimum exists.
bool SolveMinCostFlow(int32_t nodes, const std::vector<FlowArc>& arcs,
                      const std::vector<int32_t>& supply, FlowAlgorithm algorithm,
                      std::vector<int32_t>& flow);

}  // namespace guild::skills::internal
