#include "engine/network/edge_list.h"

#include <gtest/gtest.h>

namespace guild::network {
namespace {

struct Bad {
  std::string name;
  std::string text;
  int64_t line;
  std::string field;
  std::string expected_part;
};

TEST(EdgeListTest, ReadsTheExportLayout) {
  std::vector<InputProblem> problems;
  auto list = ParseEdgeList(
      "source\ttarget\tweight\tdate\tkind\r\n"
      "a\tb\t1.5\t2025-01-02\tmeeting\n"
      "\n"
      "b\ta\t2\t2025-01-03\tmeeting\n"
      "a\tc\t0.25\t\t\n",
      "e.tsv", {}, problems);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_TRUE(list->has_date);
  EXPECT_TRUE(list->has_kind);
  ASSERT_EQ(list->rows.size(), 3u);
  EXPECT_EQ(list->rows[0].source, "a");
  EXPECT_DOUBLE_EQ(list->rows[0].weight, 1.5);
  EXPECT_EQ(FormatDate(*list->rows[0].date), "2025-01-02");
  EXPECT_EQ(list->rows[0].kind, "meeting");
  EXPECT_EQ(list->rows[1].line, 4);
  EXPECT_FALSE(list->rows[2].date);
}

TEST(EdgeListTest, ReadsTheTeamFormationLayout) {
  std::vector<InputProblem> problems;
  EdgeListOptions options;
  options.weights = WeightRange::kSimilarity;
  auto list = ParseEdgeList("u\tv\tjaccard\n0\t1\t1.0\n1\t2\t0.333\n", "d.tsv", options, problems);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->rows.size(), 2u);
  EXPECT_FALSE(list->has_date);
}

TEST(EdgeListTest, RejectsBadRowsNamingLineAndColumn) {
  const std::string h = "source\ttarget\tweight\n";
  std::vector<Bad> cases = {
      {"empty file", "", 1, "header", "header line"},
      {"wrong header", "from\tto\tweight\n", 1, "header", "'source'"},
      {"unknown extra column", "source\ttarget\tweight\tcolour\n", 1, "header", "'date'"},
      {"missing column", h + "a\tb\n", 2, "weight", "3 tab-separated fields"},
      {"extra field", h + "a\tb\t1\t2\n", 2, "", "3 tab-separated fields"},
      {"negative weight", h + "a\tb\t-1\n", 2, "weight", "a number > 0"},
      {"zero weight", h + "a\tb\t0\n", 2, "weight", "a number > 0"},
      {"non-numeric weight", h + "a\tb\tstrong\n", 2, "weight", "a number > 0"},
      {"not finite", h + "a\tb\tinf\n", 2, "weight", "a number > 0"},
      {"trailing junk", h + "a\tb\t1x\n", 2, "weight", "a number > 0"},
      {"self-loop", h + "a\ta\t1\n", 2, "target", "no self-loops"},
      {"empty source", h + "\tb\t1\n", 2, "source", "a node id"},
      {"duplicate", h + "a\tb\t1\nc\td\t1\nb\ta\t2\n", 4, "target", "same pair as line 2"},
      {"bad date", "source\ttarget\tweight\tdate\na\tb\t1\t2025-02-30\n", 2, "date", "YYYY-MM-DD"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<InputProblem> problems;
    auto list = ParseEdgeList(c.text, "in.tsv", {}, problems);
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.status().code(), StatusCode::kInvalidArgument);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].file, "in.tsv");
    EXPECT_EQ(problems[0].line, c.line);
    EXPECT_EQ(problems[0].field, c.field);
    EXPECT_NE(problems[0].expected.find(c.expected_part), std::string::npos)
        << problems[0].expected;
    EXPECT_NE(list.status().message().find("in.tsv:" + std::to_string(c.line)), std::string::npos)
        << list.status().message();
  }
}

TEST(EdgeListTest, SimilaritiesAboveOneAndUnknownNodesAreRefused) {
  std::unordered_set<std::string> known{"a", "b"};
  EdgeListOptions options;
  options.weights = WeightRange::kSimilarity;
  options.known_nodes = &known;
  std::vector<InputProblem> problems;
  auto list =
      ParseEdgeList("u\tv\tjaccard\na\tb\t1.5\na\tghost\t0.5\n", "x.tsv", options, problems);
  ASSERT_FALSE(list.ok());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "jaccard");
  EXPECT_EQ(problems[0].value, "1.5");
  EXPECT_EQ(problems[1].line, 3);
  EXPECT_EQ(problems[1].field, "v");
  EXPECT_EQ(problems[1].value, "ghost");
}

TEST(EdgeListTest, SameRowsOnDifferentDatesAreSeparateInteractions) {
  std::vector<InputProblem> problems;
  auto list =
      ParseEdgeList("source\ttarget\tweight\tdate\na\tb\t1\t2025-01-01\na\tb\t1\t2025-01-02\n",
                    "x.tsv", {}, problems);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->rows.size(), 2u);
}

TEST(EdgeListTest, ProblemsAreCappedButCounted) {
  std::string text = "source\ttarget\tweight\n";
  for (int i = 0; i < 30; ++i) text += "a\tb" + std::to_string(i) + "\t-1\n";
  std::vector<InputProblem> problems;
  EdgeListOptions options;
  options.max_problems = 5;
  auto list = ParseEdgeList(text, "x.tsv", options, problems);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(problems.size(), 5u);
}

TEST(EdgeListTest, ReadsExperts) {
  std::vector<InputProblem> problems;
  auto experts = ParseExperts("node\tauthor_id\tname\tskills\n0\tA1\tAda\t3,5,3\n1\tA2\t\t\n",
                              "x.experts.tsv", problems);
  ASSERT_TRUE(experts.ok()) << experts.status().message();
  ASSERT_EQ(experts->size(), 2u);
  EXPECT_EQ((*experts)[0].skills, (std::vector<std::string>{"3", "5"}));
  EXPECT_TRUE((*experts)[1].skills.empty());
}

TEST(EdgeListTest, RejectsBadExperts) {
  std::vector<InputProblem> problems;
  auto experts =
      ParseExperts("node\tauthor_id\tname\tskills\n0\tA1\tAda\t3,,5\n0\tA2\tBo\t\n1\tx\n",
                   "x.experts.tsv", problems);
  ASSERT_FALSE(experts.ok());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "skills");
  EXPECT_EQ(problems[1].line, 3);
  EXPECT_EQ(problems[1].field, "node");
  EXPECT_EQ(problems[2].line, 4);
  problems.clear();
  EXPECT_FALSE(ParseExperts("id\tskills\n", "y.tsv", problems).ok());
  EXPECT_EQ(problems[0].field, "header");
}

}  // namespace
}  // namespace guild::network
