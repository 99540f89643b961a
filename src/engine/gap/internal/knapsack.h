// Internal: the knapsack Lagrangian of the GAP. Relaxing the assignment
// constraints (each job to exactly one agent) with multipliers lambda_j
// leaves one 0-1 knapsack per agent, solved exactly by dynamic programming
// over its capacity:
//   L(lambda) = sum_j lambda_j - sum_i K_i(lambda),
//   K_i(lambda) = max { sum_j (lambda_j - c_ij) x_ij : sum_j w_ij x_ij <= b_i }.
// L(lambda) <= optimum for any lambda, and its maximum is at least the LP bound.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/gap/internal/problem.h"

namespace guild::gap::internal {

class Knapsacks {
 public:
  explicit Knapsacks(const Problem& problem);

  //! Dynamic-programming cells a round needs at most (every candidate an item).
  [[nodiscard]] int64_t MaxCells() const;

  //! Solves every agent's knapsack at `lambda`; `taken` receives the chosen
  //! candidates (a job may be taken by several agents or none). Returns
  //! L(lambda).
  double Solve(const std::vector<double>& lambda, std::vector<int>* taken);

  //! Per candidate, how much L(lambda) rises at least when the candidate is
  //! forced (its job to its agent, and to no other): a valid fixing test is
  //! L(lambda) + reduced > the best known cost. Agents whose tables would be
  //! too large get 0 (no information).
  std::vector<double> ReducedCosts(const std::vector<double>& lambda);

 private:
  struct Item {
    int job;
    int candidate;
    int64_t weight;
    double profit;
  };
  //! Fills items_ with agent i's candidates of positive profit that fit.
  void CollectItems(int i, const std::vector<double>& lambda);
  double SolveOne(int i, const std::vector<double>& lambda, std::vector<int>* taken);
  //! Reduced's forward and backward dynamic-programming tables.
  struct Tables {
    std::vector<double> forward, backward;
  };
  void Reduced(int i, const std::vector<double>& lambda, Tables* tables,
               std::vector<double>* reduced, std::vector<double>* removal);

  const Problem& p_;
  std::vector<std::vector<int>> by_agent_;
  std::vector<Item> items_;
  std::vector<double> best_;
  std::vector<uint8_t> keep_;  //!< Per item and capacity: taken.
};

//! Multipliers to start from, given capacity multipliers `u` (one per agent;
//! empty = all 0): lambda_j = min_i (c_ij + u_i w_ij), so that L(lambda) >=
//! the capacity-relaxed bound at u.
std::vector<double> LambdaFromCapacityMultipliers(const Problem& problem,
                                                  const std::vector<double>& u);

//! The subgradient of L at the knapsacks' choice `taken`: g_j = 1 - (times
//! job j was taken). Returns |g|^2; 0 means every job was taken exactly once
//! (a feasible assignment of cost L).
double Subgradient(const Problem& problem, const std::vector<int>& taken, std::vector<double>* g);

//! A complete assignment (it may overload agents) from the knapsacks'
//! choices: each job keeps its cheapest copy; jobs no knapsack took go,
//! largest cost regret first, to their cheapest agent with room, else to the
//! one they overload least.
std::vector<int> AssembleFromKnapsacks(const Problem& problem, const std::vector<int>& taken);

}  // namespace guild::gap::internal
