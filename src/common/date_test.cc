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

TEST(DateTest, FakeClockIsInjectable) {
  FakeClock clock(86400 * 3 + 5);
  EXPECT_EQ(clock.Today().days, 3);
  clock.Advance(86400);
  EXPECT_EQ(clock.Today().days, 4);
}

}  // namespace
}  // namespace guild
