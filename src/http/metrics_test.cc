#include "http/metrics.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace guild::http {
namespace {

// Every line is a comment or `name{labels} value` per the text format.
void ExpectParses(const std::string& text) {
  static const std::regex kSample(
      R"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")"
      R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")*\})? (-?[0-9.eE+-]+|\+Inf|NaN)$)");
  static const std::regex kComment(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$)");
  std::istringstream lines(text);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    if (line.rfind('#', 0) == 0) {
      EXPECT_TRUE(std::regex_match(line, kComment)) << line;
    } else {
      EXPECT_TRUE(std::regex_match(line, kSample)) << line;
      ++samples;
    }
  }
  EXPECT_GT(samples, 0);
}

TEST(MetricsTest, SameKeyGivesSameSeries) {
  MetricsRegistry registry;
  Counter& a = registry.GetCounter("store_reads_total", "Reads.", {{"table", "people"}});
  Counter& b = registry.GetCounter("store_reads_total", "Reads.", {{"table", "people"}});
  Counter& c = registry.GetCounter("store_reads_total", "Reads.", {{"table", "skills"}});
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &c);
  a.Increment(2);
  b.Increment();
  EXPECT_EQ(a.value(), 3u);
  const std::string text = registry.Render();
  EXPECT_NE(text.find("store_reads_total{table=\"people\"} 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE store_reads_total counter"), std::string::npos);
  ExpectParses(text);
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  MetricsRegistry registry;
  Histogram& h = registry.GetHistogram("store_seconds", "Store time.", {}, {0.1, 1});
  for (double v : {0.05, 0.1, 0.5, 3.0}) h.Observe(v);
  const std::string text = registry.Render();
  EXPECT_NE(text.find("store_seconds_bucket{le=\"0.1\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("store_seconds_bucket{le=\"1\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("store_seconds_bucket{le=\"+Inf\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("store_seconds_count 4\n"), std::string::npos);
  EXPECT_NEAR(h.sum(), 3.65, 1e-6);
  ExpectParses(text);
}

TEST(MetricsTest, NamesAndLabelValuesAreSanitized) {
  MetricsRegistry registry;
  registry.GetGauge("9bad name", "Odd.", {{"route", "/a/\"{id}\"\\\n"}}).Set(-4);
  const std::string text = registry.Render();
  EXPECT_NE(text.find("_bad_name{route=\"/a/\\\"{id}\\\"\\\\\\n\"} -4"), std::string::npos) << text;
  ExpectParses(text);
}

}  // namespace
}  // namespace guild::http
