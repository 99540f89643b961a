// Internal: regret and cheapest placement of one job under a cost function
// over its candidates, shared by the constructions (Lagrangian-cost regret
// greedy, and the knapsack step's assembly).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/gap/internal/problem.h"

namespace guild::gap::internal {

//! Second least minus least `cost(k)` over job j's candidates; 1e300 when
//! it has one candidate (placing it first is urgent).
template <typename Cost>
double CostRegret(const Problem& p, int j, Cost cost) {
  double first = std::numeric_limits<double>::infinity(), second = first;
  for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
    double g = cost(k);
    if (g < first) {
      second = first;
      first = g;
    } else if (g < second) {
      second = g;
    }
  }
  return second == std::numeric_limits<double>::infinity() ? 1e300 : second - first;
}

//! Job j's candidate of least `cost(k)` among those that fit `residual`,
//! else the one that overloads its agent least.
template <typename Cost>
int CheapestPlace(const Problem& p, int j, const std::vector<int64_t>& residual, Cost cost) {
  int fit = -1, over = -1;
  for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
    int64_t excess = p.weight[k] - residual[p.agent[k]];
    if (excess <= 0) {
      if (fit < 0 || cost(k) < cost(fit)) fit = k;
    } else if (over < 0 || excess < p.weight[over] - residual[p.agent[over]]) {
      over = k;
    }
  }
  return fit >= 0 ? fit : over;
}

}  // namespace guild::gap::internal
