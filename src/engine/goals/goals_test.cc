#include "engine/goals/goals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace guild::goals {
namespace {

Date D(const char* text) { return *ParseDate(text); }

Goal MakeGoal(std::string id, double start, double target, std::optional<double> current) {
  Goal g;
  g.id = std::move(id);
  g.team_id = "t1";
  g.title = g.id;
  g.metric = "m";
  g.start_value = start;
  g.target_value = target;
  g.direction = target > start ? GoalDirection::kUp : GoalDirection::kDown;
  g.start_date = D("2025-01-01");
  g.due_date = D("2025-12-27");  // 360 days
  g.owner_id = "p1";
  g.current_value = current;
  if (current) g.measured_on = D("2025-06-01");
  return g;
}

TEST(GoalStatusTest, RuleTable) {
  const StatusOptions o;  // 0.10 and 0.25
  struct Case {
    double progress, expected;
    bool past_due;
    GoalStatus status;
  };
  const Case cases[] = {
      {0.50, 0.50, false, GoalStatus::kOnTrack},  {0.41, 0.50, false, GoalStatus::kOnTrack},
      {0.40, 0.50, false, GoalStatus::kOnTrack},  // exactly 0.10 behind: not more than
      {0.39, 0.50, false, GoalStatus::kAtRisk},   {0.25, 0.50, false, GoalStatus::kAtRisk},
      {0.24, 0.50, false, GoalStatus::kOffTrack}, {-0.3, 0.20, false, GoalStatus::kAtRisk},
      {1.00, 0.10, false, GoalStatus::kDone},     {1.20, 1.00, true, GoalStatus::kDone},
      {0.99, 1.00, true, GoalStatus::kMissed},    {0.00, 0.00, false, GoalStatus::kOnTrack},
      {0.95, 1.00, false, GoalStatus::kOnTrack},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StatusOf(c.progress, c.expected, c.past_due, o), c.status)
        << c.progress << " vs " << c.expected;
  }
  StatusOptions strict{.at_risk_shortfall = 0, .off_track_shortfall = 0.05};
  EXPECT_EQ(StatusOf(0.49, 0.50, false, strict), GoalStatus::kAtRisk);
  EXPECT_EQ(StatusOf(0.44, 0.50, false, strict), GoalStatus::kOffTrack);
}

TEST(GoalStatusTest, OptionsAreChecked) {
  EXPECT_TRUE(CheckStatusOptions({}).ok());
  EXPECT_FALSE(CheckStatusOptions({.at_risk_shortfall = -0.1}).ok());
  EXPECT_FALSE(CheckStatusOptions({.at_risk_shortfall = 0.3, .off_track_shortfall = 0.2}).ok());
  EXPECT_FALSE(CheckStatusOptions({.at_risk_shortfall = 0.1, .off_track_shortfall = 1.5}).ok());
}

TEST(GoalStatusTest, MeasuresUpAndDownGoalsAgainstTime) {
  const StatusOptions o;
  Goal up = MakeGoal("up", 10, 20, 15);             // half way
  Measure m = MeasureGoal(up, D("2025-07-01"), o);  // 181 of 360 days
  EXPECT_DOUBLE_EQ(m.progress, 0.5);
  EXPECT_NEAR(m.expected, 181.0 / 360.0, 1e-12);
  EXPECT_EQ(m.status, GoalStatus::kOnTrack);
  Goal down = MakeGoal("down", 12, 0, 9);  // a quarter of the way down
  m = MeasureGoal(down, D("2025-07-01"), o);
  EXPECT_DOUBLE_EQ(m.progress, 0.25);
  EXPECT_EQ(m.status, GoalStatus::kOffTrack);
  Goal unmeasured = MakeGoal("new", 0, 5, std::nullopt);
  EXPECT_EQ(MeasureGoal(unmeasured, D("2024-12-01"), o).expected, 0.0);  // before the start
  EXPECT_EQ(MeasureGoal(unmeasured, D("2024-12-01"), o).status, GoalStatus::kOnTrack);
  EXPECT_EQ(MeasureGoal(unmeasured, D("2026-01-01"), o).status, GoalStatus::kMissed);
  Goal beyond = MakeGoal("beyond", 0, 5, 7);
  EXPECT_EQ(MeasureGoal(beyond, D("2026-01-01"), o).status, GoalStatus::kDone);
}

// A brute force: the subtree of g is every team goal from which following
// parents reaches g; its roll-up is their mean clamped progress.
TEST(GoalTreeTest, RollUpMatchesBruteForceOnRandomForests) {
  uint64_t state = 11;
  auto next = [&](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  const Date as_of = D("2025-08-15");
  const StatusOptions o;
  for (int round = 0; round < 200; ++round) {
    const size_t n = 1 + next(40);
    std::vector<Goal> goals;
    for (size_t i = 0; i < n; ++i) {
      std::optional<double> current;
      if (next(4) != 0) current = static_cast<double>(next(300)) / 10.0 - 5;
      Goal g = MakeGoal("g" + std::to_string(i), 0, 20, current);
      if (i > 0 && next(5) != 0) g.parent_id = "g" + std::to_string(next(i));  // a forest
      if (next(8) == 0) g.team_id.clear();                                     // a personal goal
      goals.push_back(g);
    }
    const GoalTree tree = BuildGoalTree(goals, as_of, o);
    for (size_t g = 0; g < n; ++g) {
      double sum = 0;
      int count = 0;
      for (size_t d = 0; d < n; ++d) {
        if (goals[d].team_id.empty() && d != g) continue;
        bool under = false;
        for (std::string at = goals[d].id;;) {
          if (at == goals[g].id) {
            under = true;
            break;
          }
          auto it =
              std::find_if(goals.begin(), goals.end(), [&](const Goal& x) { return x.id == at; });
          if (it->parent_id.empty()) break;
          at = it->parent_id;
        }
        if (!under) continue;
        sum += std::clamp(MeasureGoal(goals[d], as_of, o).progress, 0.0, 1.0);
        ++count;
      }
      if (goals[g].team_id.empty()) {  // personal: only itself
        EXPECT_NEAR(tree.rollup[g].progress,
                    std::clamp(MeasureGoal(goals[g], as_of, o).progress, 0.0, 1.0), 1e-12);
        continue;
      }
      ASSERT_EQ(tree.rollup[g].goals, static_cast<uint32_t>(count)) << "round " << round;
      EXPECT_NEAR(tree.rollup[g].progress, sum / count, 1e-12) << "round " << round;
    }
  }
}

TEST(GoalTreeTest, ChildrenAndRollUpStatus) {
  std::vector<Goal> goals = {MakeGoal("firm", 0, 10, 2), MakeGoal("a", 0, 10, 10),
                             MakeGoal("b", 0, 10, 10)};
  goals[1].parent_id = "firm";
  goals[2].parent_id = "firm";
  const GoalTree tree = BuildGoalTree(goals, D("2025-03-01"), {});
  EXPECT_EQ(std::vector<uint32_t>(tree.Children(0).begin(), tree.Children(0).end()),
            (std::vector<uint32_t>{1, 2}));
  EXPECT_TRUE(tree.Children(1).empty());
  EXPECT_NEAR(tree.rollup[0].progress, (0.2 + 1 + 1) / 3, 1e-12);
  EXPECT_EQ(tree.rollup[0].goals, 3u);
  EXPECT_EQ(tree.rollup[1].status, GoalStatus::kDone);
  EXPECT_EQ(tree.rollup[0].status, GoalStatus::kOnTrack);
}

TEST(GoalTreeTest, CyclesAndDanglingParentsEndTheWalk) {
  std::vector<Goal> goals = {MakeGoal("a", 0, 10, 5), MakeGoal("b", 0, 10, 5),
                             MakeGoal("c", 0, 10, 5)};
  goals[0].parent_id = "b";
  goals[1].parent_id = "a";
  goals[2].parent_id = "nowhere";
  const GoalTree tree = BuildGoalTree(goals, D("2025-03-01"), {});
  EXPECT_FALSE(tree.parent[2].has_value());
  for (const RollUp& r : tree.rollup) EXPECT_TRUE(std::isfinite(r.progress));
}

}  // namespace
}  // namespace guild::goals
