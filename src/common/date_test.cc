#include "common/date.h"

#include <gtest/gtest.h>

namespace guild {
namespace {

TEST(DateTest, ParsesAndFormatsRoundTrip) {
  auto d = ParseDate("2026-11-22");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDate(*d), "2026-11-22");
  EXPECT_EQ(ParseDate("1970-01-01")->days, 0);
  EXPECT_EQ(ParseDate("1970-01-02")->days, 1);
  EXPECT_EQ(ParseDate("1969-12-31")->days, -1);
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("2026-02-29").has_value());
  EXPECT_TRUE(ParseDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseDate("2026-13-01").has_value());
  EXPECT_FALSE(ParseDate("26-11-22").has_value());
  EXPECT_FALSE(ParseDate("2026/11/22").has_value());
  EXPECT_FALSE(ParseDate("").has_value());
}

TEST(DateTest, WeekStartIsMonday) {
  // 2026-11-22 is a Sunday; its ISO week starts Monday 2026-11-16.
  auto d = *ParseDate("2026-11-22");
  EXPECT_EQ(Weekday(d), 6);
  EXPECT_EQ(FormatDate(WeekStart(d)), "2026-11-16");
  EXPECT_EQ(FormatDate(WeekStart(*ParseDate("2026-11-16"))), "2026-11-16");
  EXPECT_EQ(Weekday(*ParseDate("1969-12-29")), 0);
}

TEST(DateTest, TimestampsRoundTrip) {
  for (int64_t seconds : {int64_t{0}, int64_t{1'700'000'000}, int64_t{-1}, int64_t{86399},
                          int64_t{951'868'799}}) {
    auto parsed = ParseTimestamp(FormatTimestamp(seconds));
    ASSERT_TRUE(parsed.has_value()) << FormatTimestamp(seconds);
    EXPECT_EQ(*parsed, seconds);
  }
  EXPECT_EQ(FormatTimestamp(1'700'000'000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31T23:59:59Z");
  for (const char* bad : {"2023-11-14 22:13:20Z", "2023-11-14T24:00:00Z", "2023-11-14T22:60:00Z",
                          "2023-02-30T00:00:00Z", "2023-11-14T22:13:20", "2023-11-14"}) {
    EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
  }
}

TEST(DateTest, FakeClockIsInjectable) {
  FakeClock clock(86400 * 3 + 5);
  EXPECT_EQ(clock.Today().days, 3);
  clock.Advance(86400);
  EXPECT_EQ(clock.Today().days, 4);
}

}  // namespace
}  // namespace guild
