// A sliding-window rate limiter: at most `max_events` events per key in any
// `window_seconds`. Used to slow down password guessing at sign-in (per email
// and per client address).
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/date.h"

namespace guild {

struct RateLimitOptions {
  int max_events = 10;           //!< events allowed per key inside one window
  int64_t window_seconds = 300;  //!< the window's length
  size_t max_keys = 100000;      //!< keys kept before expired ones are swept
};

class SlidingWindowLimiter {
 public:
  //! `clock` must outlive the limiter.
  SlidingWindowLimiter(RateLimitOptions options, const Clock& clock);

  //! true when one more event for `key` stays inside the limit. Records nothing.
  [[nodiscard]] bool Allows(std::string_view key);
  //! Records one event for `key` now.
  void Record(std::string_view key);
  //! Forgets every event of `key` (e.g. after a successful sign-in).
  void Clear(std::string_view key);
  //! Seconds until `key` may act again; 0 when it may now.
  [[nodiscard]] int64_t RetryAfterSeconds(std::string_view key);

 private:
  void DropExpired(std::deque<int64_t>& events, int64_t now) const;
  void SweepIfLarge(int64_t now);

  const RateLimitOptions options_;
  const Clock& clock_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> events_;  // GUARDED_BY(mu_)
};

}  // namespace guild
