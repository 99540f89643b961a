#include "engine/skills/internal/assignment.h"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>
#include <vector>

namespace guild::skills::internal {
namespace {

struct Arc {
  int32_t left, right, benefit;
};

// Arcs grouped by left node (CSR), with random benefits drawn from a narrow
// range so that many optima tie, as in the mentoring round.
AssignmentProblem RandomProblem(std::mt19937& rng, int32_t left, int32_t right, int32_t capacity,
                                int max_degree, int low, int high) {
  AssignmentProblem p{left, right, capacity, {0}, {}, {}};
  for (int32_t l = 0; l < left; ++l) {
    const int degree = static_cast<int>(rng() % (max_degree + 1));
    std::vector<bool> used(right, false);
    for (int i = 0; i < degree; ++i) {
      const auto r = static_cast<int32_t>(rng() % right);
      if (used[r]) continue;  // one arc per pair, as the round's Dedupe keeps
      used[r] = true;
      p.to.push_back(r);
      p.benefit.push_back(low + static_cast<int32_t>(rng() % (high - low + 1)));
    }
    p.offsets.push_back(static_cast<int64_t>(p.to.size()));
  }
  return p;
}

// Checks the limits and returns the total benefit of `chosen`.
int64_t CheckedTotal(const AssignmentProblem& p, const std::vector<int32_t>& chosen) {
  EXPECT_EQ(chosen.size(), static_cast<size_t>(p.left));
  std::vector<int> load(p.right, 0);
  int64_t total = 0;
  for (int32_t l = 0; l < p.left; ++l) {
    if (chosen[l] < 0) continue;
    EXPECT_GE(chosen[l], p.offsets[l]) << "left " << l << " took another node's arc";
    EXPECT_LT(chosen[l], p.offsets[l + 1]) << "left " << l << " took another node's arc";
    EXPECT_LE(++load[p.to[chosen[l]]], p.capacity) << "right " << p.to[chosen[l]] << " over";
    total += p.benefit[chosen[l]];
  }
  return total;
}

int64_t BruteForce(const AssignmentProblem& p) {
  std::vector<int> load(p.right, 0);
  int64_t best = 0;
  std::function<void(int32_t, int64_t)> go = [&](int32_t l, int64_t total) {
    if (l == p.left) {
      best = std::max(best, total);
      return;
    }
    go(l + 1, total);
    for (int64_t a = p.offsets[l]; a < p.offsets[l + 1]; ++a) {
      if (load[p.to[a]] >= p.capacity) continue;
      ++load[p.to[a]];
      go(l + 1, total + p.benefit[a]);
      --load[p.to[a]];
    }
  };
  go(0, 0);
  return best;
}

// The optimum by LEMON's NetworkSimplex on the textbook network.
int64_t ByNetworkSimplex(const AssignmentProblem& p) {
  std::optional<int64_t> total = AssignmentOptimumByFlow(p, FlowAlgorithm::kNetworkSimplex);
  EXPECT_TRUE(total.has_value());
  return total.value_or(-1);
}

TEST(SolveAssignment, MatchesBruteForceOnSmallProblems) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const auto p =
        RandomProblem(rng, 1 + static_cast<int32_t>(rng() % 6), 1 + static_cast<int32_t>(rng() % 4),
                      1 + static_cast<int32_t>(rng() % 2), 3, 1, 6);
    EXPECT_EQ(CheckedTotal(p, SolveAssignment(p)), BruteForce(p)) << "round " << round;
  }
}

TEST(SolveAssignment, MatchesNetworkSimplexOnLargerProblems) {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    // Scarce mentors (heavy rerouting) and plentiful ones; narrow and wide
    // benefit ranges; some non-positive benefits that are never worth taking.
    const int32_t left = 200 + static_cast<int32_t>(rng() % 400);
    const int32_t right = 10 + static_cast<int32_t>(rng() % 200);
    const int32_t capacity = 1 + static_cast<int32_t>(rng() % 4);
    const int low = round % 4 == 0 ? -20 : 100;
    const int high = round % 2 == 0 ? 195 : 1000;
    const auto p = RandomProblem(rng, left, right, capacity, 8, low, high);
    EXPECT_EQ(CheckedTotal(p, SolveAssignment(p)), ByNetworkSimplex(p)) << "round " << round;
  }
}

TEST(SolveAssignment, EmptyAndArclessProblems) {
  EXPECT_TRUE(SolveAssignment(AssignmentProblem{0, 0, 1, {0}, {}, {}}).empty());
  EXPECT_EQ(SolveAssignment(AssignmentProblem{2, 1, 1, {0, 0, 0}, {}, {}}),
            (std::vector<int32_t>{-1, -1}));
  // One mentor slot, two mentees: the better arc wins even when it comes second.
  EXPECT_EQ(SolveAssignment(AssignmentProblem{2, 1, 1, {0, 1, 2}, {0, 0}, {5, 9}}),
            (std::vector<int32_t>{-1, 1}));
}

}  // namespace
}  // namespace guild::skills::internal
