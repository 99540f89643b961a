#include "service/accounts/rate_limiter.h"

namespace guild {

SlidingWindowLimiter::SlidingWindowLimiter(RateLimitOptions options, const Clock& clock)
    : options_(options), clock_(clock) {}

void SlidingWindowLimiter::DropExpired(std::deque<int64_t>& events, int64_t now) const {
  while (!events.empty() && events.front() <= now - options_.window_seconds) events.pop_front();
}

bool SlidingWindowLimiter::Allows(std::string_view key) { return RetryAfterSeconds(key) == 0; }

int64_t SlidingWindowLimiter::RetryAfterSeconds(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = events_.find(std::string(key));
  if (it == events_.end()) return 0;
  int64_t now = clock_.NowSeconds();
  DropExpired(it->second, now);
  if (static_cast<int>(it->second.size()) < options_.max_events) return 0;
  // The oldest event inside the window leaves it at front + window.
  size_t excess = it->second.size() - static_cast<size_t>(options_.max_events);
  return it->second[excess] + options_.window_seconds - now;
}

void SlidingWindowLimiter::Record(std::string_view key) {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowSeconds();
  SweepIfLarge(now);
  auto& events = events_[std::string(key)];
  DropExpired(events, now);
  events.push_back(now);
}

void SlidingWindowLimiter::Clear(std::string_view key) {
  std::lock_guard lock(mu_);
  events_.erase(std::string(key));
}

void SlidingWindowLimiter::SweepIfLarge(int64_t now) {
  if (events_.size() < options_.max_keys) return;
  for (auto it = events_.begin(); it != events_.end();) {
    DropExpired(it->second, now);
    it = it->second.empty() ? events_.erase(it) : std::next(it);
  }
}

}  // namespace guild
