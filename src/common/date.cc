#include "common/date.h"

#include <chrono>
#include <cstdio>

namespace guild {

namespace {
constexpr int kIsoDateLength = 10;
constexpr int kIsoTimestampLength = 20;  // YYYY-MM-DDTHH:MM:SSZ
constexpr int64_t kSecondsPerDay = 86400;
constexpr int kSecondsPerMinute = 60;
constexpr int kMinutesPerHour = 60;
constexpr int kHoursPerDay = 24;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto ys = text.substr(0, 4);
  auto ms = text.substr(5, 2);
  auto ds = text.substr(8, 2);
  if (!AllDigits(ys) || !AllDigits(ms) || !AllDigits(ds)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{ToInt(ys)},
                                  std::chrono::month{static_cast<unsigned>(ToInt(ms))},
                                  std::chrono::day{static_cast<unsigned>(ToInt(ds))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::string FormatDate(Date date) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatTimestamp(int64_t seconds) {
  int64_t days =
      seconds >= 0 ? seconds / kSecondsPerDay : (seconds - kSecondsPerDay + 1) / kSecondsPerDay;
  int64_t rest = seconds - days * kSecondsPerDay;
  char time[16];
  std::snprintf(time, sizeof(time), "T%02d:%02d:%02dZ",
                static_cast<int>(rest / (kSecondsPerMinute * kMinutesPerHour)),
                static_cast<int>(rest / kSecondsPerMinute % kMinutesPerHour),
                static_cast<int>(rest % kSecondsPerMinute));
  return FormatDate(Date{static_cast<int32_t>(days)}) + time;
}

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  if (text.size() != kIsoTimestampLength || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  auto date = ParseDate(text.substr(0, kIsoDateLength));
  auto hh = text.substr(11, 2);
  auto mm = text.substr(14, 2);
  auto ss = text.substr(17, 2);
  if (!date || !AllDigits(hh) || !AllDigits(mm) || !AllDigits(ss)) return std::nullopt;
  const int hours = ToInt(hh);
  const int minutes = ToInt(mm);
  const int secs = ToInt(ss);
  if (hours >= kHoursPerDay || minutes >= kMinutesPerHour || secs >= kSecondsPerMinute) {
    return std::nullopt;
  }
  return int64_t{date->days} * kSecondsPerDay +
         (int64_t{hours} * kMinutesPerHour + minutes) * kSecondsPerMinute + secs;
}

int Weekday(Date date) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  constexpr int kEpochWeekday = 3;
  int w = (date.days + kEpochWeekday) % 7;
  return w < 0 ? w + 7 : w;
}

Date WeekStart(Date date) { return Date{date.days - Weekday(date)}; }

int64_t SystemClock::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace guild
