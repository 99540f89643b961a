#include "engine/network/graph.h"

#include <gtest/gtest.h>

#include "engine/network/testing/reference.h"

namespace guild::network {
namespace {

TEST(GraphTest, BuilderSumsRepeatedPairsAndSortsNeighbours) {
  GraphBuilder b;
  NodeId c = b.AddNode("c");
  NodeId a = b.AddNode("a");
  NodeId d = b.AddNode("d");
  EXPECT_EQ(b.AddNode("a"), a);
  b.AddEdge(c, d, 2.0, 1);
  b.AddEdge(a, c, 1.0, 1);
  b.AddEdge(d, c, 0.5, 2);
  Graph g = b.Build();
  ASSERT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_EQ(g.name(c), "c");
  EXPECT_EQ(*g.Find("d"), d);
  EXPECT_FALSE(g.Find("zz"));
  ASSERT_EQ(g.degree(c), 2u);
  EXPECT_EQ(g.neighbors(c)[0], a);  // a = 1 < d = 2
  EXPECT_EQ(g.neighbors(c)[1], d);
  EXPECT_DOUBLE_EQ(g.weights(c)[1], 2.5);
  EXPECT_EQ(g.kinds(c)[1], 3u);
  EXPECT_DOUBLE_EQ(g.weights(d)[0], 2.5);  // both arcs carry the sum
  EXPECT_TRUE(g.FindArc(a, c));
  EXPECT_FALSE(g.FindArc(a, d));
  EXPECT_DOUBLE_EQ(g.max_weight(), 2.5);
}

TEST(GraphTest, EveryRowIsSortedAndSymmetric) {
  std::mt19937_64 rng(7);
  Graph g = testing::RandomGraph(40, 0.2, rng);
  for (NodeId v = 0; v < g.node_count(); ++v) {
    auto row = g.neighbors(v);
    EXPECT_TRUE(std::is_sorted(row.begin(), row.end()));
    for (size_t i = 0; i < row.size(); ++i) {
      EXPECT_NE(row[i], v);
      auto back = g.FindArc(row[i], v);
      ASSERT_TRUE(back);
      EXPECT_EQ(g.arc_weight(*back), g.weights(v)[i]);
    }
  }
}

TEST(GraphTest, InducedSubgraphKeepsOrderAndInnerEdges) {
  Graph g = testing::MakeGraph(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}}, {1, 2, 3, 4, 5});
  std::vector<NodeId> nodes{4, 0, 3};
  Graph sub = InducedSubgraph(g, nodes);
  ASSERT_EQ(sub.node_count(), 3u);
  EXPECT_EQ(sub.name(0), "4");
  EXPECT_EQ(sub.name(1), "0");
  EXPECT_EQ(sub.name(2), "3");
  EXPECT_EQ(sub.edge_count(), 2u);  // 0-4 and 3-4
  EXPECT_DOUBLE_EQ(sub.arc_weight(*sub.FindArc(0, 1)), 5);
  EXPECT_DOUBLE_EQ(sub.arc_weight(*sub.FindArc(0, 2)), 4);
  EXPECT_FALSE(sub.FindArc(1, 2));
}

}  // namespace
}  // namespace guild::network
