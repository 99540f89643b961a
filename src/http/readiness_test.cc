#include "http/readiness.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/access_log.h"

namespace guild::http {
namespace {

// Issue 27 item 8(d): for about 2 s after PostgreSQL came back, /readyz said
// 200 (it asked one connection) while writes on the other still failed.
// Readiness now asks every connection writes use, and the log says when the
// server stopped and started being ready.
TEST(ReadinessProbeTest, ReadyOnlyWhenEveryConnectionWorksAndTheChangesAreLogged) {
  std::vector<std::string> logged;
  SetErrorLogSink([&logged](std::string_view line) { logged.emplace_back(line); });
  Status firm_store;
  Status account_store;
  int account_checks = 0;
  ReadinessProbe probe({{"firm store", [&] { return firm_store; }}, {"account store", [&] {
                                                                       ++account_checks;
                                                                       return account_store;
                                                                     }}});
  EXPECT_TRUE(probe());
  EXPECT_TRUE(logged.empty());

  // The account connection recovered, the firm one has not: not ready.
  firm_store = Status(StatusCode::kUnavailable, "upsert: PostgreSQL connection lost");
  EXPECT_FALSE(probe());
  EXPECT_FALSE(probe());
  ASSERT_EQ(logged.size(), 1u);  // the outage, once
  EXPECT_NE(logged[0].find("not ready: firm store"), std::string::npos) << logged[0];
  EXPECT_NE(logged[0].find("connection lost"), std::string::npos) << logged[0];

  firm_store = OkStatus();
  account_store = Status(StatusCode::kUnavailable, "account store down");
  EXPECT_FALSE(probe());
  EXPECT_EQ(logged.size(), 1u);  // still the same outage

  account_store = OkStatus();
  const int before = account_checks;
  EXPECT_TRUE(probe());
  EXPECT_EQ(account_checks, before + 1);  // asked every time, never cached
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_NE(logged[1].find("ready again after"), std::string::npos) << logged[1];
  SetErrorLogSink(StderrLogSink());
}

}  // namespace
}  // namespace guild::http
