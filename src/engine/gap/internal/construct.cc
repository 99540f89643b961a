// Construction steps: Lagrangian regret greedy, repair, feasible descent.
#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "engine/gap/internal/local_search.h"
#include "engine/gap/internal/placement.h"
#include "engine/gap/internal/state.h"
#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

//! LP values above this count as "the LP gives the job to this agent".
constexpr double kIntegralLp = 1 - 1e-6;

double GuidedCost(const Context& ctx, int k) {
  const Problem& p = ctx.problem;
  return static_cast<double>(p.cost[k]) +
         ctx.multipliers[p.agent[k]] * static_cast<double>(p.weight[k]);
}

}  // namespace

std::string ConstructStep(Context& ctx) {
  const Problem& p = ctx.problem;
  std::vector<int> choice(p.jobs, -1);
  std::vector<int64_t> residual = p.capacity;
  std::vector<int> order;
  for (int j = 0; j < p.jobs; ++j) {
    for (int k = p.start[j]; k < p.start[j + 1] && !ctx.lp_values.empty(); ++k) {
      if (ctx.lp_values[k] > kIntegralLp && p.weight[k] <= residual[p.agent[k]]) {
        choice[j] = k;
        residual[p.agent[k]] -= p.weight[k];
      }
    }
    if (choice[j] < 0) order.push_back(j);
  }
  auto guided = [&](int k) { return GuidedCost(ctx, k); };
  std::vector<double> regret(p.jobs);
  for (int j : order) regret[j] = CostRegret(p, j, guided);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return regret[a] > regret[b]; });
  for (int j : order) {
    choice[j] = CheapestPlace(p, j, residual, guided);
    residual[p.agent[choice[j]]] -= p.weight[choice[j]];
  }
  ctx.working = choice;
  State state(p, choice);
  ctx.OfferSolution(choice);
  return std::to_string(p.jobs - static_cast<int>(order.size())) +
         " jobs fixed from LP, overload " + std::to_string(state.TotalOverload());
}

std::string RepairStep(Context& ctx) {
  const Problem& p = ctx.problem;
  State state(p, ctx.working);
  int64_t before = state.TotalOverload();
  if (before == 0) return "nothing to repair";
  Penalty hard{std::vector<double>(p.agents, kHardPenalty)};
  int64_t moves = DescendAll(p, state, hard, DescentLists(ctx), ctx.deadline);
  ctx.working = state.choice();
  ctx.OfferSolution(state.choice());
  return "overload " + std::to_string(before) + " -> " + std::to_string(state.TotalOverload()) +
         " in " + std::to_string(moves) + " moves";
}

std::string LocalSearchStep(Context& ctx) {
  if (!ctx.HasBest()) return ctx.Skip("no feasible solution");
  const Problem& p = ctx.problem;
  State state(p, ctx.best);
  Penalty hard{std::vector<double>(p.agents, kHardPenalty)};
  int64_t moves = DescendAll(p, state, hard, DescentLists(ctx), ctx.deadline);
  ctx.OfferSolution(state.choice());
  return std::to_string(moves) + " improving moves";
}

}  // namespace guild::gap::internal
