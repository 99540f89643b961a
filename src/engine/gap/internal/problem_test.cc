// ActiveCandidates' core problem against a direct reading of its contract:
// per job, the first candidate (least reduced cost) plus those whose reduced
// cost is at most the (core * jobs)-th least of the instance; no cut on too
// few agents; and the fixing-only lists unchanged by core = 0.
#include "engine/gap/internal/problem.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/gap/gap.h"

namespace guild::gap::internal {
namespace {

GapInstance RandomInstance(int agents, int jobs, std::mt19937_64& rng) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  GapInstance inst;
  inst.jobs.resize(jobs);
  for (int j = 0; j < jobs; ++j) {
    for (int i = 0; i < agents; ++i) inst.jobs[j].push_back({i, uniform(0, 20), uniform(1, 9)});
  }
  inst.capacities.assign(agents, int64_t{4} * jobs);
  return inst;
}

// Reduced costs with many ties, as on the type D instances.
std::vector<double> RandomReducedCosts(const Problem& p, std::mt19937_64& rng) {
  std::vector<double> rc(p.Candidates());
  for (double& r : rc) r = std::uniform_int_distribution<int>(0, 6)(rng) * 0.5;
  return rc;
}

TEST(GapCore, KeepsEachJobsFirstCandidateAndThoseUnderTheThreshold) {
  std::mt19937_64 rng(7);
  int cut_somewhere = 0;
  for (int trial = 0; trial < 50; ++trial) {
    GapInstance inst = RandomInstance(8, 30, rng);
    Problem p = Compile(inst);
    GapOptions options;
    Context ctx(p, options);
    ctx.reduced_cost = RandomReducedCosts(p, rng);
    const double core = 2.0;
    std::vector<double> sorted = ctx.reduced_cost;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = sorted[static_cast<size_t>(core * p.jobs)];

    std::vector<std::vector<int>> full = ActiveCandidates(ctx, 0);
    std::vector<std::vector<int>> cut = ActiveCandidates(ctx, 100, core);
    ASSERT_EQ(cut.size(), full.size());
    for (int j = 0; j < p.jobs; ++j) {
      std::vector<int> expected{full[j].front()};
      for (size_t t = 1; t < full[j].size(); ++t) {
        if (ctx.reduced_cost[full[j][t]] <= threshold) expected.push_back(full[j][t]);
      }
      EXPECT_EQ(cut[j], expected) << "trial " << trial << " job " << j;
      cut_somewhere += cut[j].size() < full[j].size() ? 1 : 0;
    }
    EXPECT_EQ(ActiveCandidates(ctx, 100, 0), full);
  }
  EXPECT_GT(cut_somewhere, 0);
}

TEST(GapCore, NoCutOnFewAgents) {
  std::mt19937_64 rng(11);
  GapInstance inst = RandomInstance(5, 20, rng);
  Problem p = Compile(inst);
  GapOptions options;
  Context ctx(p, options);
  ctx.reduced_cost = RandomReducedCosts(p, rng);
  // 2 * 3 > 5 agents: the core would keep more than half of every list.
  EXPECT_EQ(ActiveCandidates(ctx, 100, 3.0), ActiveCandidates(ctx, 0));
  EXPECT_NE(ActiveCandidates(ctx, 100, 1.0), ActiveCandidates(ctx, 0));
}

}  // namespace
}  // namespace guild::gap::internal
