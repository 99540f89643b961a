#include "http/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/problem.h"

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

// Issue 27 item 8(c): while PostgreSQL was down, a signed-out sign-in got a
// 503 whose text named the database's address and port. The client now gets
// a generic text; the operator gets the detail in the error log.
TEST(ErrorLogTest, UnavailableAndInternalProblemsHideTheDetailAndLogIt) {
  std::vector<std::string> logged;
  SetErrorLogSink([&logged](std::string_view line) { logged.emplace_back(line); });
  const std::string secret =
      "cannot reach PostgreSQL: connection to server at \"db.internal\" "
      "(10.0.0.7), port 5432 failed";
  Problem unavailable = ProblemFromStatus(Status(StatusCode::kUnavailable, secret));
  Problem internal = ProblemFromStatus(Status(StatusCode::kInternal, secret));
  SetErrorLogSink(StderrLogSink());
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_EQ(internal.status, 500);
  for (const Problem& problem : {unavailable, internal}) {
    const std::string json = ProblemJson(problem);
    EXPECT_EQ(json.find("5432"), std::string::npos) << json;
    EXPECT_EQ(json.find("db.internal"), std::string::npos) << json;
  }
  ASSERT_EQ(logged.size(), 2u);
  for (const std::string& line : logged) {
    const auto json = nlohmann::json::parse(line);
    EXPECT_EQ(json["level"], "error");
    EXPECT_NE(json["message"].get<std::string>().find("port 5432"), std::string::npos);
  }
}

}  // namespace
}  // namespace guild::http
