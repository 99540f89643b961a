// Step 5: time entries for the last complete weeks, aggregated per person,
// day and category.
#include <algorithm>
#include <cmath>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr int kWorkdays = 5;
constexpr int kDaysPerWeek = 7;
constexpr double kMaxChunkHours = 10;
constexpr double kMinEntryHours = 0.5;
constexpr double kMaxDayHours = 24;
constexpr double kWeekNoiseMin = 0.85;
constexpr double kWeekNoiseMax = 1.1;
constexpr double kDayNoiseMin = 0.8;
constexpr double kDayNoiseMax = 1.2;
constexpr uint64_t kTimeOffSalt = 0x71e0'0ff5'eed0'0001ULL;
constexpr double kTimeOffShare = 0.05;
constexpr int kTimeOffWeeksAhead = 12;
constexpr double kTimeOffDayHours = 8;

double Half(double hours) { return std::round(hours * 2) / 2; }

int ChunksAtMost(double weekly_hours);

struct Emitter {
  Context& c;
  const Person& person;
  int width;

  void Add(Date date, double hours, TimeCategory category, const std::string* engagement) {
    hours = std::min(Half(hours), kMaxDayHours);
    if (hours < kMinEntryHours) return;
    if (person.start_date && date < *person.start_date) return;
    TimeEntry t;
    t.id = NumberedId("t", c.out.time_entries.size() + 1, width);
    t.person_id = person.id;
    t.date = date;
    t.hours = hours;
    t.category = category;
    if (engagement) t.engagement_id = *engagement;
    c.out.time_entries.push_back(std::move(t));
  }

  // Spreads `hours` over consecutive workdays in chunks of at most a day's share.
  void Spread(Date monday, double hours, TimeCategory category) {
    int days = ChunksAtMost(hours);
    if (days == 0) return;
    int first = c.rng.Range(0, kWorkdays - days);
    for (int d = 0; d < days; ++d) Add(AddDays(monday, first + d), hours / days, category, nullptr);
  }
};

const std::string* BillableEngagement(Context& c, size_t i) {
  if (c.primary_engagement[i] >= 0) return &c.out.engagements[c.primary_engagement[i]].id;
  const auto& live = c.live_engagements[c.practice[i]];
  if (live.empty()) return nullptr;
  return &c.out.engagements[live[c.rng.Below(live.size())]].id;
}

void PersonWeek(Context& c, Emitter& emit, size_t i, Date monday, const std::string* engagement) {
  const auto& mix = Grades()[c.grade[i]].mix;
  const double capacity = emit.person.weekly_capacity_hours;
  double billable = capacity * c.billable_share[i] * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax);
  for (int d = 0; d < kWorkdays && engagement; ++d) {
    emit.Add(AddDays(monday, d), billable / kWorkdays * c.rng.Real(kDayNoiseMin, kDayNoiseMax),
             TimeCategory::kBillable, engagement);
  }
  // An overloaded partner leads the engagement their seat is on: billable
  // and leadership time together fill the seat's hours.
  const double seat = c.seat_hours[i] / capacity;
  double leadership =
      c.profile[i] == Profile::kOverloadedPartner
          ? std::max(seat - c.billable_share[i], 0.0) * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax)
          : mix.leadership * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax);
  emit.Spread(monday, capacity * leadership, TimeCategory::kLeadership);
  emit.Spread(monday, capacity * mix.client_development * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax),
              TimeCategory::kClientDevelopment);
  emit.Spread(monday, capacity * mix.admin * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax),
              TimeCategory::kAdmin);
  emit.Spread(monday, capacity * mix.training * c.rng.Real(kWeekNoiseMin, kWeekNoiseMax),
              TimeCategory::kTraining);
}

int ChunksAtMost(double weekly_hours) {
  if (weekly_hours <= 0) return 0;
  return std::clamp(static_cast<int>(std::ceil(weekly_hours / kMaxChunkHours)), 1, kWorkdays);
}

// At most how many entries PersonWeek can emit for each person, so that the
// vector is sized once (a doubling at 500,000 people would cost gigabytes).
uint64_t UpperBound(const Context& c) {
  uint64_t total = 0;
  for (size_t i = 0; i < c.out.people.size(); ++i) {
    const auto& mix = Grades()[c.grade[i]].mix;
    const double cap = c.out.people[i].weekly_capacity_hours * kWeekNoiseMax;
    double leadership = c.profile[i] == Profile::kOverloadedPartner
                            ? c.seat_hours[i] / c.out.people[i].weekly_capacity_hours
                            : mix.leadership;
    int per_week = kWorkdays + ChunksAtMost(cap * leadership) +
                   ChunksAtMost(cap * mix.client_development) + ChunksAtMost(cap * mix.admin) +
                   ChunksAtMost(cap * mix.training);
    total += static_cast<uint64_t>(per_week) * c.options.time_entry_weeks;
  }
  return total;
}

}  // namespace

void GenerateTimeEntries(Context& c) {
  const int weeks = c.options.time_entry_weeks;
  const size_t n = c.out.people.size();
  const Date this_monday = WeekStart(c.options.today);
  // Planned time off (future-dated, category time-off): drawn first from its
  // own generator, so the worked hours stay as they were, and sized into the
  // one reservation.
  Random off_rng(c.options.seed ^ kTimeOffSalt);
  std::vector<std::pair<uint32_t, Date>> time_off;  // person, Monday of the week off
  for (size_t i = 0; i < n; ++i) {
    if (!off_rng.Chance(kTimeOffShare)) continue;
    time_off.emplace_back(
        static_cast<uint32_t>(i),
        AddDays(this_monday, kDaysPerWeek * off_rng.Range(1, kTimeOffWeeksAhead)));
  }
  const uint64_t bound = UpperBound(c) + time_off.size() * kWorkdays;
  c.out.time_entries.reserve(bound);
  for (size_t i = 0; i < n; ++i) {
    Emitter emit{c, c.out.people[i], DigitsFor(bound)};
    const std::string* engagement = BillableEngagement(c, i);
    for (int w = weeks; w >= 1; --w) {
      PersonWeek(c, emit, i, AddDays(this_monday, -kDaysPerWeek * w), engagement);
    }
  }
  for (const auto& [i, monday] : time_off) {
    const Person& person = c.out.people[i];
    Emitter emit{c, person, DigitsFor(bound)};
    for (int d = 0; d < kWorkdays; ++d) {
      const Date day = AddDays(monday, d);
      if (person.end_date && day > *person.end_date) break;
      emit.Add(day, kTimeOffDayHours, TimeCategory::kTimeOff, nullptr);
    }
  }
}

}  // namespace guild::demo::internal
