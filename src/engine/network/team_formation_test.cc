#include "engine/network/team_formation.h"

#include <gtest/gtest.h>

#include "engine/network/testing/reference.h"

namespace guild::network {
namespace {

using testing::MakeGraph;

ExpertNetwork Network(Graph g, std::vector<std::vector<std::string>> skills,
                      LengthModel model = LengthModel::kOneMinusSimilarity) {
  std::vector<Length> lengths = ArcLengths(g, {.model = model});
  auto net = ExpertNetwork::Build(std::move(g), std::move(lengths), skills);
  EXPECT_TRUE(net.ok()) << net.status().message();
  return std::move(net).value();
}

// A path a - b - c - d with skills x (a, d), y (b), z (c, d); similarity
// weights 0.5, 1.0 (length 0) and 0.25.
ExpertNetwork Path() {
  Graph g = MakeGraph(4, {{0, 1}, {1, 2}, {2, 3}}, {0.5, 1.0, 0.25});
  return Network(std::move(g), {{"x"}, {"y"}, {"z"}, {"x", "z"}});
}

TEST(TeamFormationTest, ZeroLengthEdgesJoinPeopleAtDistanceZero) {
  ExpertNetwork net = Path();
  std::vector<std::string> skills{"y", "z"};
  auto team = FormTeam(net, skills, {.objective = Objective::kDiameter});
  ASSERT_TRUE(team.ok()) << team.status().message();
  EXPECT_EQ(team->cover, (std::vector<NodeId>{1, 2}));
  EXPECT_EQ(team->cost, 0);
  EXPECT_EQ(team->costs.sum, 0);
}

TEST(TeamFormationTest, ObjectivesByHand) {
  ExpertNetwork net = Path();
  std::vector<std::string> skills{"x", "y", "z"};
  // b and c are at 0; a is 0.5 from b; d is 0.75 from c and holds x and z.
  auto diameter = FormTeam(net, skills, {.objective = Objective::kDiameter});
  ASSERT_TRUE(diameter.ok());
  EXPECT_EQ(diameter->cover, (std::vector<NodeId>{0, 1, 2}));
  EXPECT_EQ(diameter->cost, kLengthUnit / 2);
  EXPECT_EQ(diameter->costs.sum, kLengthUnit);  // 0.5 + 0.5 + 0
  auto sum = FormTeam(net, skills, {.objective = Objective::kSumOfDistances});
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->cost, kLengthUnit);
  auto leader = FormTeam(net, skills, {.objective = Objective::kLeaderDistance});
  ASSERT_TRUE(leader.ok());
  // Leader b or c: 0.5 to a + 0 + 0.
  EXPECT_EQ(leader->cost, kLengthUnit / 2);
  EXPECT_EQ(leader->costs.leader_node, 1u);
  EXPECT_EQ(leader->members, (std::vector<NodeId>{0, 1, 2}));
}

TEST(TeamFormationTest, OneMemberMayCoverSeveralSkills) {
  ExpertNetwork net = Path();
  std::vector<std::string> skills{"x", "z"};
  auto team = FormTeam(net, skills, {.objective = Objective::kSumOfDistances});
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->cover, (std::vector<NodeId>{3, 3}));
  EXPECT_EQ(team->members, (std::vector<NodeId>{3}));
  EXPECT_EQ(team->cost, 0);
}

TEST(TeamFormationTest, EligibilityLimitsWhoCovers) {
  ExpertNetwork net = Path();
  std::vector<std::string> skills{"x", "z"};
  std::vector<uint8_t> eligible{1, 1, 1, 0};  // d has no capacity
  auto team =
      FormTeam(net, skills, {.objective = Objective::kSumOfDistances, .eligible = eligible});
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->cover, (std::vector<NodeId>{0, 2}));
  EXPECT_EQ(team->cost, kLengthUnit / 2);
}

TEST(TeamFormationTest, BadTasksSayWhichSkills) {
  ExpertNetwork net = Path();
  std::vector<std::string> unknown{"x", "nope", "never"};
  auto team = FormTeam(net, unknown, {});
  ASSERT_FALSE(team.ok());
  EXPECT_EQ(team.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(team.status().message().find("no one holds 'nope', 'never'"), std::string::npos)
      << team.status().message();

  std::vector<std::string> y{"y"};
  std::vector<uint8_t> nobody{0, 0, 0, 0};
  team = FormTeam(net, y, {.eligible = nobody});
  ASSERT_FALSE(team.ok());
  EXPECT_NE(team.status().message().find("no one with capacity holds 'y'"), std::string::npos);

  std::vector<std::string> twice{"x", "x"};
  EXPECT_EQ(FormTeam(net, twice, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FormTeam(net, {}, {}).status().code(), StatusCode::kInvalidArgument);
}

TEST(TeamFormationTest, DisconnectedHoldersAreAFailedPrecondition) {
  Graph g = MakeGraph(4, {{0, 1}, {2, 3}}, {0.5, 0.5});
  ExpertNetwork net = Network(std::move(g), {{"x"}, {}, {"y"}, {}});
  std::vector<std::string> skills{"x", "y"};
  for (Objective o :
       {Objective::kDiameter, Objective::kSumOfDistances, Objective::kLeaderDistance}) {
    auto team = FormTeam(net, skills, {.objective = o});
    ASSERT_FALSE(team.ok());
    EXPECT_EQ(team.status().code(), StatusCode::kFailedPrecondition);
  }
}

// Random small networks: the leader objective is exact; diameter and sum are
// never worse than RarestFirst's team (a reference written from the paper)
// and never below the brute-force optimum.
TEST(TeamFormationTest, AgainstBruteForceAndRarestFirst) {
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<int> skill_of(0, 5);
  int optimal[3] = {0, 0, 0};
  int tasks = 0;
  for (int round = 0; round < 150; ++round) {
    const uint32_t n = 6 + round % 8;
    Graph g = testing::RandomGraph(n, 0.35, rng);
    std::vector<std::vector<std::string>> skills(n);
    for (NodeId v = 0; v < n; ++v) {
      for (int s = 0; s < 2; ++s) skills[v].push_back("s" + std::to_string(skill_of(rng)));
    }
    ExpertNetwork net = Network(std::move(g), skills);
    std::vector<std::string> task;
    for (int s = 0; s < 6 && task.size() < static_cast<size_t>(2 + round % 3); ++s) {
      if (net.FindSkill("s" + std::to_string(s))) task.push_back("s" + std::to_string(s));
    }
    auto d = testing::AllPairs(net.graph(), {net.lengths().begin(), net.lengths().end()});
    std::vector<NodeId> rf = testing::RarestFirstCover(net, task);
    if (rf.empty() || testing::CoverDiameter(d, rf) == kUnreachable) continue;
    ++tasks;
    SCOPED_TRACE("round " + std::to_string(round));
    const Objective objectives[] = {Objective::kDiameter, Objective::kSumOfDistances,
                                    Objective::kLeaderDistance};
    for (int o = 0; o < 3; ++o) {
      auto team = FormTeam(net, task, {.objective = objectives[o]});
      ASSERT_TRUE(team.ok()) << team.status().message();
      const Length brute = testing::BruteTeamCost(net, task, objectives[o]);
      EXPECT_GE(team->cost, brute);
      optimal[o] += team->cost == brute ? 1 : 0;
      // The reported costs are the cover's.
      EXPECT_EQ(team->costs.diameter, testing::CoverDiameter(d, team->cover));
      EXPECT_EQ(team->costs.sum, testing::CoverSum(d, team->cover));
      for (size_t i = 0; i < task.size(); ++i) {
        EXPECT_TRUE(net.Holds(team->cover[i], *net.FindSkill(task[i])));
      }
      if (objectives[o] == Objective::kDiameter) {
        EXPECT_LE(team->cost, testing::CoverDiameter(d, rf));
      }
      if (objectives[o] == Objective::kSumOfDistances) {
        EXPECT_LE(team->cost, testing::CoverSum(d, rf));
      }
      if (objectives[o] == Objective::kLeaderDistance) {
        EXPECT_EQ(team->cost, brute);
      }
    }
  }
  EXPECT_GT(tasks, 100);
  // Small instances are easy: the heuristics find nearly every optimum.
  EXPECT_GE(optimal[0], tasks * 9 / 10);
  EXPECT_GE(optimal[1], tasks * 9 / 10);
  EXPECT_EQ(optimal[2], tasks);
}

TEST(TeamFormationTest, ExplanationsListCoversAndTies) {
  ExpertNetwork net = Path();
  std::vector<std::string> skills{"x", "y", "z"};
  auto team = FormTeam(net, skills, {.objective = Objective::kDiameter});
  ASSERT_TRUE(team.ok());
  auto reasons = ExplainTeam(net, *team);
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0].member, 0u);
  EXPECT_EQ(reasons[0].covers, (std::vector<uint32_t>{0}));
  ASSERT_EQ(reasons[0].ties.size(), 2u);
  EXPECT_EQ(reasons[0].ties[0].other, 1u);
  EXPECT_DOUBLE_EQ(reasons[0].ties[0].weight, 0.5);
  EXPECT_EQ(reasons[0].ties[0].distance, kLengthUnit / 2);
  EXPECT_EQ(reasons[0].ties[1].weight, 0);  // a and c are not adjacent
  EXPECT_EQ(reasons[1].leader, true);
}

TEST(TeamFormationTest, SharedGraphWithHoldersGiven) {
  Graph g = MakeGraph(4, {{0, 1}, {1, 2}, {2, 3}}, {0.5, 1.0, 0.25});
  auto lengths = std::make_shared<const std::vector<Length>>(
      ArcLengths(g, {.model = LengthModel::kOneMinusSimilarity}));
  auto graph = std::make_shared<const Graph>(std::move(g));
  auto net =
      ExpertNetwork::FromHolders(graph, lengths, {{"x", {3, 0, 3}}, {"y", {1}}, {"z", {2, 3}}});
  ASSERT_TRUE(net.ok()) << net.status().message();
  EXPECT_EQ(net->holders(*net->FindSkill("x")).size(), 2u);  // repeats ignored, sorted
  EXPECT_EQ(net->holders(*net->FindSkill("x"))[0], 0u);
  std::vector<std::string> skills{"x", "y", "z"};
  auto team = FormTeam(*net, skills, {.objective = Objective::kDiameter});
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->cost, kLengthUnit / 2);  // as with Path()
  EXPECT_FALSE(ExpertNetwork::FromHolders(graph, lengths, {{"x", {9}}}).ok());
  EXPECT_FALSE(ExpertNetwork::FromHolders(graph, lengths, {{"x", {0}}, {"x", {1}}}).ok());
}

TEST(TeamFormationTest, LengthModels) {
  EXPECT_EQ(EdgeLength(1.0, {.model = LengthModel::kOneMinusSimilarity}), 0);
  EXPECT_EQ(EdgeLength(0.333, {.model = LengthModel::kOneMinusSimilarity}), 667000);
  EXPECT_EQ(EdgeLength(40, {.model = LengthModel::kSaturating, .saturation = 40}), kLengthUnit / 2);
  EXPECT_EQ(EdgeLength(160, {.model = LengthModel::kSaturating, .saturation = 40}),
            kLengthUnit / 5);
  EXPECT_EQ(EdgeLength(7, {.model = LengthModel::kUnit}), kLengthUnit);
  EXPECT_EQ(ParseObjective("sum"), Objective::kSumOfDistances);
  EXPECT_FALSE(ParseObjective("cheapest"));
}

}  // namespace
}  // namespace guild::network
