// Lower-bound steps: the LP relaxation (CLP) and Lagrangian subgradient.
#include <algorithm>
#include <cmath>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <string>
#include <vector>

#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

constexpr int kSubgradientRounds = 300;
constexpr int kPolishRounds = 30;
constexpr int kStallRounds = 20;
constexpr double kInitialStep = 2.0;
constexpr double kMinStep = 1e-4;
constexpr double kTargetMargin = 0.02;
//! Share of the time limit the LP may use; without it the subgradient step
//! computes the multipliers.
constexpr double kLpTimeShare = 0.3;

ClpSimplex BuildLp(const Problem& p) {
  const int64_t nnz = p.Candidates();
  std::vector<CoinBigIndex> starts(nnz + 1);
  std::vector<int> rows(2 * nnz);
  std::vector<double> values(2 * nnz);
  std::vector<int> lengths(nnz, 2);
  for (int64_t k = 0; k < nnz; ++k) {
    starts[k] = static_cast<CoinBigIndex>(2 * k);
    rows[2 * k] = p.job_of[k];
    values[2 * k] = 1.0;
    rows[2 * k + 1] = p.jobs + p.agent[k];
    values[2 * k + 1] = static_cast<double>(p.weight[k]);
  }
  starts[nnz] = static_cast<CoinBigIndex>(2 * nnz);
  const int row_count = p.jobs + p.agents;
  CoinPackedMatrix matrix(true, row_count, static_cast<int>(nnz),
                          static_cast<CoinBigIndex>(2 * nnz), values.data(), rows.data(),
                          starts.data(), lengths.data());
  std::vector<double> col_lower(nnz, 0.0), col_upper(nnz, 1.0), objective(nnz);
  for (int64_t k = 0; k < nnz; ++k) objective[k] = static_cast<double>(p.cost[k]);
  std::vector<double> row_lower(row_count, 1.0), row_upper(row_count, 1.0);
  for (int i = 0; i < p.agents; ++i) {
    row_lower[p.jobs + i] = -COIN_DBL_MAX;
    row_upper[p.jobs + i] = static_cast<double>(p.capacity[i]);
  }
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(matrix, col_lower.data(), col_upper.data(), objective.data(), row_lower.data(),
                    row_upper.data());
  return model;
}

std::vector<int64_t> LoadsOf(const Problem& p, const std::vector<int>& candidate) {
  std::vector<int64_t> load(p.agents, 0);
  for (int k : candidate) load[p.agent[k]] += p.weight[k];
  return load;
}

}  // namespace

std::string LpBoundStep(Context& ctx) {
  const Problem& p = ctx.problem;
  if (p.Candidates() > ctx.options.lp_max_candidates) {
    return ctx.Skip(std::to_string(p.Candidates()) + " candidates above lp_max_candidates");
  }
  try {
    ClpSimplex model = BuildLp(p);
    // CLP's own limit is CPU time, which lags wall time on a loaded machine,
    // so set both; the LP may use only a share of the whole time limit.
    const double budget = std::max(
        0.0, std::min(ctx.deadline.Remaining(), kLpTimeShare * ctx.options.time_limit_seconds));
    model.setMaximumSeconds(budget);
    model.setMaximumWallSeconds(budget);
    model.dual();
    if (model.isProvenPrimalInfeasible()) {
      ctx.proven_infeasible = true;
      ctx.report->proved_infeasible = true;
      ctx.reason =
          "LP relaxation is infeasible: the jobs cannot fit the agents' capacities "
          "even fractionally, so no assignment exists";
      return "LP infeasible";
    }
    if (!model.isProvenOptimal()) {
      return "LP not solved (status " + std::to_string(model.status()) + ")";
    }
    const double* duals = model.dualRowSolution();
    std::vector<double> u(p.agents);
    for (int i = 0; i < p.agents; ++i) u[i] = std::max(0.0, -duals[p.jobs + i]);
    const double* x = model.primalColumnSolution();
    ctx.lp_values.assign(x, x + p.Candidates());
    ctx.OfferMultipliers(u);
    return "LP value " + std::to_string(model.objectiveValue());
  } catch (const CoinError& e) {
    return "LP failed: " + e.message();
  }
}

std::string LagrangianStep(Context& ctx) {
  const Problem& p = ctx.problem;
  std::vector<double> u =
      ctx.multipliers.empty() ? std::vector<double>(p.agents, 0.0) : ctx.multipliers;
  const int rounds = ctx.lp_values.empty() ? kSubgradientRounds : kPolishRounds;
  double step = kInitialStep;
  double best_value = -1e300;
  int stall = 0;
  std::vector<int> argmin;
  for (int round = 0; round < rounds && !ctx.deadline.Expired() && step > kMinStep; ++round) {
    double value = LagrangianValue(p, u, &argmin);
    if (value > best_value + 1e-9) {
      best_value = value;
      ctx.OfferMultipliers(u);
      stall = 0;
    } else if (++stall >= kStallRounds) {
      step /= 2;
      stall = 0;
    }
    std::vector<int64_t> load = LoadsOf(p, argmin);
    double norm = 0;
    std::vector<double> g(p.agents);
    for (int i = 0; i < p.agents; ++i) {
      g[i] = static_cast<double>(load[i] - p.capacity[i]);
      if (u[i] <= 0 && g[i] < 0) g[i] = 0;
      norm += g[i] * g[i];
    }
    if (norm == 0) {
      ctx.OfferSolution(argmin);  // Relaxed optimum is feasible.
      break;
    }
    double target = ctx.HasBest() ? static_cast<double>(ctx.best_cost)
                                  : value + std::max(1.0, kTargetMargin * std::fabs(value));
    double t = step * std::max(target - value, 1e-6) / norm;
    for (int i = 0; i < p.agents; ++i) u[i] = std::max(0.0, u[i] + t * g[i]);
  }
  return "L(u) = " + std::to_string(ctx.lagrangian_value);
}

}  // namespace guild::gap::internal
