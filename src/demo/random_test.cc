#include "demo/internal/random.h"

#include <gtest/gtest.h>

#include <vector>

namespace guild::demo::internal {
namespace {

TEST(SplitMix64, MatchesPublishedReferenceOutput) {
  // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
  uint64_t state = 0;
  EXPECT_EQ(SplitMix64(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(SplitMix64(state), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(SplitMix64(state), 0x06c45d188009454fULL);
}

TEST(Random, SameSeedSameSequenceDifferentSeedDifferent) {
  Random a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
}

TEST(Random, BelowIsRoughlyUniform) {
  Random r(1);
  constexpr int kBuckets = 10;
  constexpr int kDraws = 100000;
  std::vector<int> counts(kBuckets);
  for (int i = 0; i < kDraws; ++i) ++counts[r.Below(kBuckets)];
  double chi2 = 0;
  const double expected = static_cast<double>(kDraws) / kBuckets;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 27.9);  // 99.9th percentile of chi-square with 9 degrees of freedom
}

TEST(Random, RangeIsInclusiveAndUnitInHalfOpenInterval) {
  Random r(3);
  bool lo = false, hi = false;
  for (int i = 0; i < 1000; ++i) {
    int x = r.Range(-2, 2);
    ASSERT_GE(x, -2);
    ASSERT_LE(x, 2);
    lo |= x == -2;
    hi |= x == 2;
    double u = r.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  EXPECT_TRUE(lo && hi);
}

TEST(Random, WeightedFollowsWeights) {
  Random r(5);
  const double weights[] = {1, 0, 3};
  int counts[3] = {};
  constexpr int kDraws = 40000;
  for (int i = 0; i < kDraws; ++i) ++counts[r.Weighted(weights)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / static_cast<double>(kDraws), 0.25, 0.01);
  EXPECT_NEAR(counts[2] / static_cast<double>(kDraws), 0.75, 0.01);
}

}  // namespace
}  // namespace guild::demo::internal
