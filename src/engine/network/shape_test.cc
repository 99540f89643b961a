#include "engine/network/shape.h"

#include <gtest/gtest.h>

#include "engine/network/testing/reference.h"

namespace guild::network {
namespace {

using testing::MakeGraph;

ShapeReport Classify(const Graph& g, std::optional<NodeId> leader) {
  auto m = ComputeMetrics(g, {});
  EXPECT_TRUE(m.ok());
  return ClassifyShape(g, *m, leader);
}

TEST(ShapeTest, EveryLineThroughTheLeaderIsAWagonWheel) {
  // Leader 0 with five spokes, one cross-link 1-2.
  Graph g = MakeGraph(6, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 2}});
  ShapeReport r = Classify(g, 0);
  EXPECT_EQ(r.shape, Shape::kWagonWheel);
  EXPECT_EQ(*r.hub, 0u);
  EXPECT_DOUBLE_EQ(r.hub_share, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.leader_share, 5.0 / 6.0);
  // Degrees 5,2,2,1,1,1: (3+3+4+4+4) / (5 x 4) = 0.9.
  EXPECT_DOUBLE_EQ(r.centralization, 0.9);
  EXPECT_EQ(r.hubs, (std::vector<NodeId>{0}));
  EXPECT_EQ(r.brokers.front(), 0u);
  EXPECT_NE(r.reason.find("83%"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("0.90"), std::string::npos) << r.reason;
}

TEST(ShapeTest, AHierarchyIsAnOrgChart) {
  // Partner 0 -> managers 1, 2 -> associates 3, 4 and 5, 6.
  Graph g = MakeGraph(7, {{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}});
  ShapeReport r = Classify(g, 0);
  EXPECT_EQ(r.shape, Shape::kOrgChart) << r.reason;
  EXPECT_DOUBLE_EQ(r.transitivity, 0);
  EXPECT_DOUBLE_EQ(r.leader_share, 2.0 / 6.0);
  EXPECT_NE(r.reason.find("transitivity is 0.00"), std::string::npos) << r.reason;
}

TEST(ShapeTest, ClustersThatWorkTogetherAreANetwork) {
  // Two triangles joined through the leader, plus a cross-link.
  Graph g = MakeGraph(7, {{1, 2}, {2, 3}, {1, 3}, {4, 5}, {5, 6}, {4, 6}, {0, 1}, {0, 4}, {3, 6}});
  ShapeReport r = Classify(g, 0);
  EXPECT_EQ(r.shape, Shape::kNetwork) << r.reason;
  EXPECT_GE(r.transitivity, 0.1);
  EXPECT_LT(r.hub_share, 0.5);
}

TEST(ShapeTest, TooFewTiesHaveNoShape) {
  Graph g = MakeGraph(5, {{0, 1}});
  ShapeReport r = Classify(g, std::nullopt);
  EXPECT_EQ(r.shape, Shape::kNone);
  EXPECT_EQ(r.connected, 2u);
  EXPECT_EQ(r.isolates, (std::vector<NodeId>{2, 3, 4}));
  EXPECT_NE(r.reason.find("only 2 of 5"), std::string::npos) << r.reason;
}

TEST(ShapeTest, IsolatesDoNotMakeAWheel) {
  // A triangle plus three isolates: centralization is taken over the
  // connected members only, so this stays a network.
  Graph g = MakeGraph(6, {{0, 1}, {1, 2}, {0, 2}});
  ShapeReport r = Classify(g, 0);
  EXPECT_EQ(r.shape, Shape::kNetwork) << r.reason;
  EXPECT_DOUBLE_EQ(r.centralization, 0);
  EXPECT_EQ(r.isolates.size(), 3u);
}

TEST(ShapeTest, NamesAreStable) {
  EXPECT_EQ(ToString(Shape::kWagonWheel), "wagon_wheel");
  EXPECT_EQ(ToString(Shape::kOrgChart), "org_chart");
  EXPECT_EQ(ToString(Shape::kNetwork), "network");
  EXPECT_EQ(ToString(Shape::kNone), "none");
}

}  // namespace
}  // namespace guild::network
