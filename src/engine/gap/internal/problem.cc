#include "engine/gap/internal/problem.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace guild::gap::internal {

namespace {
//! Relative tolerance for floating-point rounding in bound computations.
constexpr double kBoundTolerance = 1e-9;
constexpr double kAbsoluteTolerance = 1e-6;
}  // namespace

Problem Compile(const GapInstance& instance) {
  Problem p;
  p.agents = static_cast<int>(instance.capacities.size());
  p.jobs = static_cast<int>(instance.jobs.size());
  p.capacity = instance.capacities;
  p.start.reserve(p.jobs + 1);
  p.start.push_back(0);
  for (int j = 0; j < p.jobs; ++j) {
    for (const GapCandidate& c : instance.jobs[j]) {
      p.agent.push_back(c.agent);
      p.cost.push_back(c.cost);
      p.weight.push_back(c.weight);
      p.job_of.push_back(j);
    }
    p.start.push_back(static_cast<int>(p.agent.size()));
  }
  return p;
}

double LagrangianValue(const Problem& p, const std::vector<double>& u,
                       std::vector<int>* best_candidate) {
  double value = 0;
  if (best_candidate != nullptr) best_candidate->assign(p.jobs, -1);
  for (int j = 0; j < p.jobs; ++j) {
    double best = std::numeric_limits<double>::infinity();
    for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
      double g = static_cast<double>(p.cost[k]) + u[p.agent[k]] * static_cast<double>(p.weight[k]);
      if (g < best) {
        best = g;
        if (best_candidate != nullptr) (*best_candidate)[j] = k;
      }
    }
    value += best;
  }
  for (int i = 0; i < p.agents; ++i) value -= u[i] * static_cast<double>(p.capacity[i]);
  return value;
}

int64_t IntegerBound(double value) {
  double slack = kAbsoluteTolerance + kBoundTolerance * std::fabs(value);
  return static_cast<int64_t>(std::ceil(value - slack));
}

void Context::OfferMultipliers(const std::vector<double>& u) {
  double value = LagrangianValue(problem, u, nullptr);
  if (!multipliers.empty() && value <= lagrangian_value) return;
  multipliers = u;
  lagrangian_value = value;
  lower_bound = std::max(lower_bound, IntegerBound(value));
  reduced_cost.assign(problem.Candidates(), 0);
  for (int j = 0; j < problem.jobs; ++j) {
    double best = std::numeric_limits<double>::infinity();
    for (int k = problem.start[j]; k < problem.start[j + 1]; ++k) {
      reduced_cost[k] = static_cast<double>(problem.cost[k]) +
                        u[problem.agent[k]] * static_cast<double>(problem.weight[k]);
      best = std::min(best, reduced_cost[k]);
    }
    for (int k = problem.start[j]; k < problem.start[j + 1]; ++k) reduced_cost[k] -= best;
  }
  if (HasBest() && best_cost <= lower_bound) optimal = true;
}

bool Context::OfferSolution(const std::vector<int>& choice) {
  std::vector<int64_t> load(problem.agents, 0);
  int64_t total = 0;
  for (int k : choice) {
    if (k < 0) return false;
    load[problem.agent[k]] += problem.weight[k];
    total += problem.cost[k];
  }
  for (int i = 0; i < problem.agents; ++i) {
    if (load[i] > problem.capacity[i]) return false;
  }
  if (HasBest() && total >= best_cost) return false;
  best = choice;
  best_cost = total;
  if (best_cost <= lower_bound) optimal = true;
  return true;
}

namespace {

//! The core's reduced-cost threshold (see ActiveCandidates), or infinity.
double CoreThreshold(const Context& context, double core) {
  const std::vector<double>& rc = context.reduced_cost;
  // On few agents a core is no smaller problem, only a poorer one.
  if (core <= 0 || rc.empty() || 2 * core > context.problem.agents) {
    return std::numeric_limits<double>::infinity();
  }
  std::vector<double> values(rc);
  size_t q = std::min(values.size() - 1, static_cast<size_t>(core * context.problem.jobs));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(q), values.end());
  return values[q];
}

}  // namespace

std::vector<std::vector<int>> ActiveCandidates(const Context& context, int cap, double core) {
  const Problem& p = context.problem;
  std::vector<std::vector<int>> active(p.jobs);
  bool have_costs = !context.reduced_cost.empty();
  bool have_knapsack = !context.knapsack_reduced.empty();
  auto limit_of = [&](double value) {
    if (!context.HasBest()) return std::numeric_limits<double>::infinity();
    return static_cast<double>(context.best_cost) - value + kAbsoluteTolerance +
           kBoundTolerance * std::fabs(value);
  };
  const double limit = limit_of(context.lagrangian_value);
  const double knapsack_limit = limit_of(context.knapsack_value);
  const double core_limit = CoreThreshold(context, core);
  for (int j = 0; j < p.jobs; ++j) {
    std::vector<int>& list = active[j];
    for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
      if (have_costs && context.reduced_cost[k] > limit) continue;
      if (have_knapsack && context.knapsack_reduced[k] > knapsack_limit) continue;
      list.push_back(k);
    }
    if (have_costs) {
      const std::vector<double>& rc = context.reduced_cost;
      std::sort(list.begin(), list.end(),
                [&](int a, int b) { return rc[a] < rc[b] || (rc[a] == rc[b] && a < b); });
    }
    if (core_limit < std::numeric_limits<double>::infinity()) {
      size_t kept = 1;
      while (kept < list.size() && context.reduced_cost[list[kept]] <= core_limit) ++kept;
      list.resize(std::min(kept, list.size()));
    }
    if (cap > 0 && static_cast<int>(list.size()) > cap) list.resize(cap);
  }
  return active;
}

void KeepInPool(SolutionPool& pool, int size, int64_t cost, std::vector<int> choice) {
  for (const auto& entry : pool) {
    if (entry.first == cost) return;
  }
  if (static_cast<int>(pool.size()) < size) {
    pool.emplace_back(cost, std::move(choice));
    return;
  }
  auto worst = std::max_element(pool.begin(), pool.end(),
                                [](const auto& a, const auto& b) { return a.first < b.first; });
  if (worst->first > cost) *worst = {cost, std::move(choice)};
}

int64_t CandidatesLeft(const Context& context) {
  int64_t left = 0;
  for (const std::vector<int>& list : ActiveCandidates(context, 0)) {
    left += static_cast<int64_t>(list.size());
  }
  return left;
}

std::string Context::Skip(const std::string& why) {
  if (report != nullptr) report->skipped = true;
  return "skipped: " + why;
}

}  // namespace guild::gap::internal
