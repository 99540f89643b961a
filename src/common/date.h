// Calendar dates as days since 1970-01-01 (proleptic Gregorian), and an
// injectable clock.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guild {

//! A calendar day. Value type; ordering is chronological.
struct Date {
  int32_t days = 0;                               //!< days since 1970-01-01
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr): false positive
};

//! Parses "YYYY-MM-DD"; nullopt when the text is not a real calendar date.
std::optional<Date> ParseDate(std::string_view text);
//! Formats as "YYYY-MM-DD".
std::string FormatDate(Date date);
//! Monday of the ISO week holding `date`.
Date WeekStart(Date date);
//! 0 = Monday ... 6 = Sunday.
int Weekday(Date date);
inline Date AddDays(Date date, int32_t days) { return Date{date.days + days}; }

//! Seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
std::string FormatTimestamp(int64_t seconds);
//! Parses "YYYY-MM-DDTHH:MM:SSZ" (FormatTimestamp's form); nullopt otherwise.
std::optional<int64_t> ParseTimestamp(std::string_view text);

//! Source of "today"; injected so that tests never read the wall clock.
class Clock {
 public:
  virtual ~Clock() = default;
  //! Seconds since the Unix epoch.
  virtual int64_t NowSeconds() const = 0;
  Date Today() const { return Date{static_cast<int32_t>(NowSeconds() / 86400)}; }
};

//! The real wall clock. Only programs' main() should construct one.
class SystemClock final : public Clock {
 public:
  int64_t NowSeconds() const override;
};

//! A clock that stays where tests put it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now_seconds) : now_(now_seconds) {}
  int64_t NowSeconds() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace guild
