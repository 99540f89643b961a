#include "engine/network/metrics.h"

#include <gtest/gtest.h>

#include "engine/network/testing/reference.h"

namespace guild::network {
namespace {

using testing::MakeGraph;

constexpr double kTolerance = 1e-12;

// A triangle 0-1-2 with a tail 2-3: figures worked by hand.
TEST(MetricsTest, TriangleWithTailByHand) {
  Graph g = MakeGraph(4, {{0, 1}, {1, 2}, {0, 2}, {2, 3}});
  MetricsOptions options;
  options.communities = CommunityMethod::kNone;
  auto m = ComputeMetrics(g, options);
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->density, 4.0 / 6.0);
  // c = 1, 1, 1/3, 0.
  EXPECT_DOUBLE_EQ(m->clustering[2], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(m->avg_clustering, (1 + 1 + 1.0 / 3.0) / 4);
  // 3 x 1 triangle / (1 + 1 + 3 + 0) connected triples.
  EXPECT_DOUBLE_EQ(m->transitivity, 3.0 / 5.0);
  // Degrees 2, 2, 3, 1: (1 + 1 + 0 + 2) / (3 x 2).
  EXPECT_DOUBLE_EQ(m->degree_centralization, 4.0 / 6.0);
  // Node 2 is on the paths 0-3 and 1-3: 2 pairs x 2 / (3 x 2).
  EXPECT_DOUBLE_EQ(m->betweenness[2], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m->betweenness[0], 0);
  ASSERT_EQ(m->components.size(), 1u);
}

TEST(MetricsTest, StarIsFullyCentralised) {
  Graph g = MakeGraph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  EXPECT_DOUBLE_EQ(DegreeCentralization(g), 1.0);
  MetricsOptions options;
  auto b = Betweenness(g, options);
  EXPECT_DOUBLE_EQ(b[0], 1.0);
  EXPECT_DOUBLE_EQ(b[1], 0.0);
  EXPECT_DOUBLE_EQ(Transitivity(g), 0.0);
}

TEST(MetricsTest, EmptyAndTinyGraphs) {
  Graph empty = MakeGraph(0, {});
  auto m = ComputeMetrics(empty, {});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->density, 0);
  EXPECT_EQ(m->avg_clustering, 0);
  EXPECT_EQ(m->modularity, 0);
  Graph pair = MakeGraph(2, {{0, 1}});
  m = ComputeMetrics(pair, {});
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->density, 1.0);
  EXPECT_EQ(m->degree_centralization, 0);
  EXPECT_EQ(m->betweenness, (std::vector<double>{0, 0}));
  Graph isolates = MakeGraph(3, {});
  m = ComputeMetrics(isolates, {});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->components.size(), 3u);
  EXPECT_EQ(m->modularity, 0);
}

// Random graphs of 3 to 9 nodes against the brute-force references.
TEST(MetricsTest, AgreesWithBruteForceOnRandomGraphs) {
  std::mt19937_64 rng(2024);
  for (int round = 0; round < 60; ++round) {
    const uint32_t n = 3 + round % 7;
    const double p = 0.2 + 0.1 * (round % 6);
    Graph g = testing::RandomGraph(n, p, rng);
    SCOPED_TRACE("round " + std::to_string(round) + " n=" + std::to_string(n));
    for (Weighting w : {Weighting::kUnweighted, Weighting::kWeighted}) {
      auto local = LocalClustering(g, w);
      auto brute = testing::BruteClustering(g, w);
      for (NodeId v = 0; v < n; ++v) EXPECT_NEAR(local[v], brute[v], kTolerance);
    }
    EXPECT_NEAR(Transitivity(g), testing::BruteTransitivity(g), kTolerance);

    MetricsOptions options;
    auto b = Betweenness(g, options);
    auto brute_b = testing::BruteBetweenness(g, {});
    for (NodeId v = 0; v < n; ++v) EXPECT_NEAR(b[v], brute_b[v], kTolerance);

    options.weighting = Weighting::kWeighted;
    options.lengths.model = LengthModel::kOneMinusSimilarity;
    std::vector<Length> lengths = ArcLengths(g, options.lengths);
    for (Length& l : lengths) l = std::max<Length>(l, 1);
    auto bw = Betweenness(g, options);
    auto brute_bw = testing::BruteBetweenness(g, lengths);
    for (NodeId v = 0; v < n; ++v) EXPECT_NEAR(bw[v], brute_bw[v], kTolerance);

    for (Weighting w : {Weighting::kUnweighted, Weighting::kWeighted}) {
      MetricsOptions c;
      c.weighting = w;
      auto communities = DetectCommunities(g, c);
      ASSERT_TRUE(communities.ok());
      EXPECT_NEAR(Modularity(g, *communities, w), testing::BruteModularity(g, *communities, w),
                  kTolerance);
    }
  }
}

TEST(MetricsTest, ComponentsPartitionTheNodesLargestFirst) {
  Graph g = MakeGraph(7, {{5, 6}, {0, 1}, {1, 2}, {3, 4}});
  NodeSets c = ConnectedComponents(g);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (std::vector<NodeId>{0, 1, 2}));
  EXPECT_EQ(c[1], (std::vector<NodeId>{3, 4}));
  EXPECT_EQ(c[2], (std::vector<NodeId>{5, 6}));
}

// Two 5-cliques joined by one edge: both methods find the cliques, and the
// modularity is the hand-computed one.
TEST(MetricsTest, CommunitiesFindTwoCliques) {
  std::vector<std::pair<NodeId, NodeId>> edges;
  for (NodeId base : {0u, 5u}) {
    for (NodeId a = 0; a < 5; ++a) {
      for (NodeId b = a + 1; b < 5; ++b) edges.emplace_back(base + a, base + b);
    }
  }
  edges.emplace_back(4, 5);
  Graph g = MakeGraph(10, edges);
  for (CommunityMethod method : {CommunityMethod::kLouvain, CommunityMethod::kLeiden}) {
    MetricsOptions options;
    options.communities = method;
    auto m = ComputeMetrics(g, options);
    ASSERT_TRUE(m.ok()) << m.status().message();
    ASSERT_EQ(m->communities.size(), 2u);
    EXPECT_EQ(m->communities[0], (std::vector<NodeId>{0, 1, 2, 3, 4}));
    // m = 21; each clique: 10 inside, degree sum 21.
    EXPECT_NEAR(m->modularity, 2 * (10.0 / 21 - 0.25), kTolerance);
  }
}

TEST(MetricsTest, SamplingEveryNodeAndThreadsChangeNothing) {
  std::mt19937_64 rng(5);
  Graph g = testing::RandomGraph(60, 0.08, rng);
  MetricsOptions exact;
  auto b = Betweenness(g, exact);
  MetricsOptions sampled = exact;
  sampled.betweenness_samples = 60;
  sampled.threads = 2;
  uint32_t used = 0;
  auto s = Betweenness(g, sampled, &used);
  EXPECT_EQ(used, 60u);
  for (NodeId v = 0; v < g.node_count(); ++v) EXPECT_NEAR(b[v], s[v], kTolerance);
  sampled.betweenness_samples = 20;
  s = Betweenness(g, sampled, &used);
  EXPECT_EQ(used, 20u);
}

TEST(MetricsTest, CommunitiesAreReproducibleFromTheSeed) {
  std::mt19937_64 rng(11);
  Graph g = testing::RandomGraph(80, 0.06, rng);
  MetricsOptions options;
  options.seed = 3;
  auto a = DetectCommunities(g, options);
  auto b = DetectCommunities(g, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

}  // namespace
}  // namespace guild::network
