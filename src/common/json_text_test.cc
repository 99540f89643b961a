#include "common/json_text.h"

#include <gtest/gtest.h>

namespace guild {
namespace {

TEST(JsonTextTest, FindsTheFirstBracketBeyondTheDepth) {
  EXPECT_FALSE(ScanJsonText("[[[]]]", 3).too_deep_at.has_value());
  EXPECT_EQ(ScanJsonText("[[[[]]]]", 3).too_deep_at, 3u);
  EXPECT_EQ(ScanJsonText(R"({"a":{"b":[1]}})", 2).too_deep_at, 10u);
  // Brackets inside strings, escaped quotes included, do not count.
  EXPECT_FALSE(ScanJsonText(R"(["[[[[", "\"[[[["])", 1).too_deep_at.has_value());
  const std::string deep(100000, '[');
  EXPECT_EQ(ScanJsonText(deep, 32).too_deep_at, 32u);
}

TEST(JsonTextTest, FindsNumbersBeyondADoubleWithTheirKeys) {
  const std::string text =
      R"([{"id":"p1","weekly_capacity_hours":1e400},)"
      "\n"
      R"({"id":"p2","skills":[{"level":-2E+309,"x":1e-400}],"ok":1.5e308}])";
  JsonTextScan scan = ScanJsonText(text, 32);
  ASSERT_EQ(scan.out_of_range.size(), 2u);
  EXPECT_EQ(text.substr(scan.out_of_range[0].offset, scan.out_of_range[0].length), "1e400");
  EXPECT_EQ(scan.out_of_range[0].keys, (std::vector<std::string>{"weekly_capacity_hours"}));
  EXPECT_EQ(scan.out_of_range[1].keys, (std::vector<std::string>{"skills", "level"}));
  EXPECT_EQ(LineOfOffset(text, scan.out_of_range[1].offset), 2);
}

TEST(JsonTextTest, HostileTextEndsTheScanWithoutHarm) {
  for (const std::string text : {"\"", "\"\\", "{\"", "{\"a", "]]]]}}", "-", "1e", "{,,,:1e999"}) {
    JsonTextScan scan = ScanJsonText(text, 4);
    EXPECT_FALSE(scan.too_deep_at.has_value()) << text;
  }
  EXPECT_EQ(ScanJsonText("{,,,:1e999", 4).out_of_range.size(), 1u);
  EXPECT_EQ(ScanJsonText(std::string(1000, '9') + "e1", 4).out_of_range.size(), 1u);
}

}  // namespace
}  // namespace guild
