#include "taxonomy/internal/tsv.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <string>

namespace guild::taxonomy::internal {
namespace {

std::string WriteTemp(const std::string& content) {
  char dir[] = "/tmp/guild_tsv_XXXXXX";
  EXPECT_NE(mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/t.tsv";
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(SplitLabels, SplitsOnBarAndDropsEmptyParts) {
  EXPECT_EQ(SplitLabels("a | b c | d"), (std::vector<std::string>{"a", "b c", "d"}));
  EXPECT_EQ(SplitLabels(""), std::vector<std::string>{});
  EXPECT_EQ(SplitLabels("only"), std::vector<std::string>{"only"});
}

TEST(ReadTsv, ReadsRowsAndToleratesCrlf) {
  std::string path = WriteTemp("a\tb\r\n1\tx\r\n2\t\n");
  std::vector<std::string> seen;
  Status s = ReadTsv(path, "t.tsv", {"a", "b"}, [&](const TsvRow& row) {
    seen.push_back(std::string(row.Field(0)) + "=" + std::string(row.Field(1)));
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"1=x", "2="}));
}

TEST(ReadTsv, RejectsWrongHeader) {
  Status s =
      ReadTsv(WriteTemp("a\tc\n"), "t.tsv", {"a", "b"}, [](const TsvRow&) { return OkStatus(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("t.tsv:1"), std::string::npos) << s.message();
}

TEST(ReadTsv, NamesLineOfWrongFieldCount) {
  Status s = ReadTsv(WriteTemp("a\tb\n1\t2\n3\n"), "t.tsv", {"a", "b"},
                     [](const TsvRow&) { return OkStatus(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("t.tsv:3: expected 2 tab-separated fields, got 1"), std::string::npos)
      << s.message();
}

TEST(ReadTsv, NumberErrorNamesLineColumnAndForm) {
  Status s = ReadTsv(WriteTemp("a\tb\n1\t2\n3\tfour\n"), "t.tsv", {"a", "b"},
                     [](const TsvRow& row) -> Status { return row.Number(1, 0, 5).status(); });
  EXPECT_EQ(s.message(), "t.tsv:3: column 2 (b): expected a number from 0 to 5, got 'four'");
}

TEST(ReadTsv, NumberOutOfRangeIsAnError) {
  Status s = ReadTsv(WriteTemp("a\n9\n"), "t.tsv", {"a"},
                     [](const TsvRow& row) -> Status { return row.Number(0, 0, 7).status(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(ReadTsv, MissingFileIsNotFound) {
  Status s =
      ReadTsv("/nonexistent/guild/x.tsv", "x.tsv", {"a"}, [](const TsvRow&) { return OkStatus(); });
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace guild::taxonomy::internal
