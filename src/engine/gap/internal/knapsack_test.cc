// The knapsack Lagrangian against brute force on tiny random problems: its
// value, the knapsacks it picks, and the exact rise of each forced candidate;
// and the pipeline's bound with the step against the bound without it.
#include "engine/gap/internal/knapsack.h"

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "engine/gap/gap.h"

namespace guild::gap::internal {
namespace {

constexpr int kSeeds = 300;
constexpr double kTolerance = 1e-7;

// m <= 3 agents, n <= 7 jobs, each agent a candidate with prob. 3/4;
// weights 0..9 (0 included), costs of either sign.
GapInstance RandomTiny(std::mt19937_64& rng) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  GapInstance inst;
  int m = uniform(1, 3), n = uniform(1, 7);
  inst.jobs.resize(n);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < m; ++i) {
      if (uniform(0, 3) == 0 && !(i == m - 1 && inst.jobs[j].empty())) continue;
      inst.jobs[j].push_back({i, uniform(-5, 20), uniform(0, 9)});
    }
  }
  for (int i = 0; i < m; ++i) inst.capacities.push_back(uniform(0, 20));
  return inst;
}

std::vector<double> RandomLambda(const Problem& p, std::mt19937_64& rng) {
  std::vector<double> lambda(p.jobs);
  for (double& l : lambda) l = std::uniform_real_distribution<double>(-5, 25)(rng);
  return lambda;
}

// Best knapsack of agent i by enumeration: subsets of its candidates, at
// most one per job; `must` (a candidate) must be in it, jobs in `banned`
// (one flag per job) must not.
double BestKnapsack(const Problem& p, const std::vector<double>& lambda, int i, int must,
                    const std::vector<char>& banned) {
  std::vector<int> own;
  for (int k = 0; k < p.Candidates(); ++k) {
    if (p.agent[k] == i) own.push_back(k);
  }
  double best = -std::numeric_limits<double>::infinity();
  for (uint32_t mask = 0; mask < (1u << own.size()); ++mask) {
    int64_t load = 0;
    double profit = 0;
    bool ok = true, has_must = must < 0;
    for (size_t t = 0; t < own.size(); ++t) {
      if (((mask >> t) & 1) == 0) continue;
      int k = own[t];
      if (banned[p.job_of[k]] != 0) ok = false;
      has_must = has_must || k == must;
      load += p.weight[k];
      profit += lambda[p.job_of[k]] - static_cast<double>(p.cost[k]);
    }
    if (ok && has_must && load <= p.capacity[i]) best = std::max(best, profit);
  }
  return best;
}

// A tiny problem and random multipliers for it.
std::pair<Problem, std::vector<double>> RandomDraw(std::mt19937_64& rng) {
  Problem p = Compile(RandomTiny(rng));
  std::vector<double> lambda = RandomLambda(p, rng);
  return {std::move(p), std::move(lambda)};
}

double SumOf(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

TEST(Knapsacks, ValueAndChoicesMatchBruteForce) {
  std::mt19937_64 rng(11);
  for (int seed = 0; seed < kSeeds; ++seed) {
    const auto [p, lambda] = RandomDraw(rng);
    Knapsacks knapsacks(p);
    std::vector<int> taken;
    double value = knapsacks.Solve(lambda, &taken);
    double expected = SumOf(lambda);
    std::vector<char> none(p.jobs, 0);
    for (int i = 0; i < p.agents; ++i) expected -= BestKnapsack(p, lambda, i, -1, none);
    EXPECT_NEAR(value, expected, kTolerance) << "seed " << seed;
    // The choices are knapsacks of exactly that value.
    std::vector<int64_t> load(p.agents, 0);
    double chosen = SumOf(lambda);
    for (int k : taken) {
      load[p.agent[k]] += p.weight[k];
      chosen -= lambda[p.job_of[k]] - static_cast<double>(p.cost[k]);
    }
    for (int i = 0; i < p.agents; ++i) EXPECT_LE(load[i], p.capacity[i]) << "seed " << seed;
    EXPECT_NEAR(chosen, value, kTolerance) << "seed " << seed;
  }
}

TEST(Knapsacks, ReducedCostIsTheExactRiseWhenACandidateIsForced) {
  std::mt19937_64 rng(12);
  int positive = 0;
  for (int seed = 0; seed < kSeeds; ++seed) {
    const auto [p, lambda] = RandomDraw(rng);
    Knapsacks knapsacks(p);
    std::vector<int> taken;
    double value = knapsacks.Solve(lambda, &taken);
    std::vector<double> reduced = knapsacks.ReducedCosts(lambda);
    for (int k = 0; k < p.Candidates(); ++k) {
      int j = p.job_of[k];
      if (p.weight[k] > p.capacity[p.agent[k]]) {
        EXPECT_TRUE(std::isinf(reduced[k])) << "seed " << seed << " candidate " << k;
        continue;
      }
      // Forced: job j at agent(k) and in no other knapsack.
      std::vector<char> banned(p.jobs, 0), none(p.jobs, 0);
      banned[j] = 1;
      double forced = SumOf(lambda) - BestKnapsack(p, lambda, p.agent[k], k, none);
      for (int i = 0; i < p.agents; ++i) {
        if (i != p.agent[k]) forced -= BestKnapsack(p, lambda, i, -1, banned);
      }
      EXPECT_NEAR(value + reduced[k], forced, kTolerance) << "seed " << seed << " candidate " << k;
      positive += reduced[k] > kTolerance ? 1 : 0;
    }
  }
  EXPECT_GT(positive, 0);
}

TEST(KnapsackStep, BoundIsValidAndAtLeastTheCapacityBound) {
  std::mt19937_64 rng(13);
  int stronger = 0;
  for (int seed = 0; seed < kSeeds; ++seed) {
    GapInstance inst = RandomTiny(rng);
    GapOptions options;
    options.time_limit_seconds = 5;
    options.branch_and_bound = false;
    options.metaheuristic = false;
    options.knapsack_bound = false;
    Result<GapSolution> without = SolveGap(inst, options);
    options.knapsack_bound = true;
    Result<GapSolution> with = SolveGap(inst, options);
    ASSERT_TRUE(without.ok() && with.ok());
    if (with->proven_infeasible || without->proven_infeasible) continue;
    EXPECT_GE(with->lower_bound, without->lower_bound) << "seed " << seed;
    // Valid: never above the optimum, proven by the branch and bound with
    // the capacity bound alone.
    GapOptions exact;
    exact.time_limit_seconds = 5;
    exact.knapsack_bound = false;
    Result<GapSolution> best = SolveGap(inst, exact);
    ASSERT_TRUE(best.ok());
    if (best->optimal) {
      EXPECT_LE(with->lower_bound, best->objective) << "seed " << seed;
    }
    stronger += with->lower_bound > without->lower_bound ? 1 : 0;
  }
  EXPECT_GT(stronger, 0) << "the knapsack bound never beat the capacity bound";
}

}  // namespace
}  // namespace guild::gap::internal
