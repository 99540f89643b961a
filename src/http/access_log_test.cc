#include "http/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace guild::http {
namespace {

TEST(AccessLogTest, FormatsUtcTimes) {
  using std::chrono::milliseconds;
  EXPECT_EQ(FormatUtcTime(std::chrono::system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatUtcTime(std::chrono::system_clock::time_point{milliseconds(1700000000123)}),
            "2023-11-14T22:13:20.123Z");
}

TEST(AccessLogTest, LineIsOneJsonObject) {
  AccessLogEntry entry;
  entry.request_id = "abc";
  entry.method = "GET";
  entry.route = "/api/v1/people/{id}";
  entry.status = 200;
  entry.duration_ms = 1.23456;
  entry.bytes = 2048;
  entry.client = "127.0.0.1:5000";
  const std::string line = FormatAccessLog(entry);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["request_id"], "abc");
  EXPECT_EQ(json["path"], "/api/v1/people/{id}");
  EXPECT_EQ(json["status"], 200);
  EXPECT_DOUBLE_EQ(json["duration_ms"].get<double>(), 1.234);
  EXPECT_EQ(json["bytes"], 2048);
  EXPECT_EQ(json["time"], "1970-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace guild::http
