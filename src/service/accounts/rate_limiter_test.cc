#include "service/accounts/rate_limiter.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>

namespace guild {
namespace {

TEST(RateLimiterTest, AllowsUpToTheLimitInsideTheWindow) {
  FakeClock clock(1000);
  SlidingWindowLimiter limiter({3, 60, 100}, clock);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.Allows("a"));
    limiter.Record("a");
    clock.Advance(10);
  }
  EXPECT_FALSE(limiter.Allows("a"));
  EXPECT_TRUE(limiter.Allows("b"));  // keys are independent
  // First event at 1000 leaves the window at 1060; now is 1030.
  EXPECT_EQ(limiter.RetryAfterSeconds("a"), 30);
  clock.Advance(30);
  EXPECT_TRUE(limiter.Allows("a"));
}

TEST(RateLimiterTest, ClearForgetsAKey) {
  FakeClock clock(0);
  SlidingWindowLimiter limiter({1, 60, 100}, clock);
  limiter.Record("a");
  EXPECT_FALSE(limiter.Allows("a"));
  limiter.Clear("a");
  EXPECT_TRUE(limiter.Allows("a"));
}

// Against a brute-force reference: count events in (now - window, now].
TEST(RateLimiterTest, MatchesBruteForceOnARandomSchedule) {
  FakeClock clock(0);
  const int kMax = 4;
  const int64_t kWindow = 20;
  SlidingWindowLimiter limiter({kMax, kWindow, 3}, clock);
  std::map<std::string, std::deque<int64_t>> reference;
  uint32_t state = 12345;
  for (int step = 0; step < 2000; ++step) {
    state = state * 1103515245u + 12345u;
    std::string key(1, static_cast<char>('a' + (state >> 16) % 5));
    clock.Advance((state >> 8) % 4);
    int count = 0;
    for (int64_t t : reference[key]) count += t > clock.NowSeconds() - kWindow;
    ASSERT_EQ(limiter.Allows(key), count < kMax) << "step " << step;
    if ((state >> 4) % 3 != 0) {
      limiter.Record(key);
      reference[key].push_back(clock.NowSeconds());
    }
  }
}

}  // namespace
}  // namespace guild
