#include "engine/network/export.h"

#include <gtest/gtest.h>

#include "engine/network/edge_list.h"
#include "engine/network/testing/reference.h"

namespace guild::network {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Graph Small() {
  GraphBuilder b;
  NodeId a = b.AddNode("a<&>");
  NodeId c = b.AddNode("c\"q\"");
  NodeId d = b.AddNode("d");
  b.AddEdge(a, c, 0.1);
  b.AddEdge(c, d, 2);
  return b.Build();
}

TEST(ExportTest, GraphmlHasEveryNodeAndEdgeOnceEscaped) {
  Graph g = Small();
  auto m = ComputeMetrics(g, {});
  ASSERT_TRUE(m.ok());
  std::string xml = WriteGraphml(g, {.metrics = &*m});
  EXPECT_EQ(Count(xml, "<node "), 3u);
  EXPECT_EQ(Count(xml, "<edge "), 2u);
  EXPECT_NE(xml.find("id=\"a&lt;&amp;&gt;\""), std::string::npos);
  EXPECT_NE(xml.find("id=\"c&quot;q&quot;\""), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"weight\">0.10000000000000001</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"betweenness\">1</data>"), std::string::npos);  // c
  EXPECT_EQ(xml.find("a<&>"), std::string::npos);
}

TEST(ExportTest, GexfHasAttributesWhenMetricsAreGiven) {
  Graph g = Small();
  std::vector<std::string> labels{"Ada", "Cy", "Di"};
  std::string bare = WriteGexf(g, {.labels = labels});
  EXPECT_EQ(Count(bare, "<node "), 3u);
  EXPECT_EQ(bare.find("<attributes"), std::string::npos);
  EXPECT_NE(bare.find("label=\"Ada\""), std::string::npos);
  auto m = ComputeMetrics(g, {});
  ASSERT_TRUE(m.ok());
  std::string full = WriteGexf(g, {.metrics = &*m});
  EXPECT_EQ(Count(full, "<attvalue for=\"community\""), 3u);
  EXPECT_EQ(Count(full, "<edge "), 2u);
  EXPECT_NE(full.find("weight=\"2\""), std::string::npos);
}

TEST(ExportTest, EdgeListReadsBackAsTheSameGraph) {
  Graph g = testing::MakeGraph(4, {{0, 1}, {1, 2}, {0, 3}}, {0.1, 2, 7.25});
  std::vector<InputProblem> problems;
  auto list = ParseEdgeList(WriteEdgeList(g), "out.tsv", {}, problems);
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->rows.size(), 3u);
  GraphBuilder b;
  for (const EdgeRow& r : list->rows) b.AddEdge(b.AddNode(r.source), b.AddNode(r.target), r.weight);
  Graph back = b.Build();
  EXPECT_EQ(back.edge_count(), 3u);
  EXPECT_EQ(back.arc_weight(*back.FindArc(*back.Find("0"), *back.Find("1"))), 0.1);
  EXPECT_EQ(back.arc_weight(*back.FindArc(*back.Find("0"), *back.Find("3"))), 7.25);
}

}  // namespace
}  // namespace guild::network
