#include "service/checkins/checkin_rules.h"

#include <algorithm>

namespace guild::checkins {

namespace {

constexpr double kDaysPerWeek = 7.0;
constexpr double kHalf = 0.5;
constexpr int64_t kSecondsPerDay = 86400;
constexpr double kSecondsPerHour = 3600.0;

// Position of the cycle holding `day` in `starts` (ascending), or nullopt.
std::optional<size_t> CycleIndex(const std::vector<Date>& starts, int cadence_days, Date day) {
  auto it = std::upper_bound(starts.begin(), starts.end(), day);
  if (it == starts.begin()) return std::nullopt;
  --it;
  if (day.days - it->days >= cadence_days) return std::nullopt;
  return static_cast<size_t>(it - starts.begin());
}

}  // namespace

Cycle CycleOf(Date day, int cadence_days) {
  const Date start = CheckinCycleStart(day, cadence_days);
  return {start, AddDays(start, cadence_days - 1)};
}

TimeOff::TimeOff(std::span<const TimeEntry> entries,
                 const std::unordered_set<std::string_view>& people, Date from, Date to) {
  for (const TimeEntry& e : entries) {
    if (e.category != TimeCategory::kTimeOff || e.date < from || e.date > to) continue;
    auto person = people.find(e.person_id);
    if (person != people.end()) by_person_[*person].emplace_back(e.date, e.hours);
  }
}

double TimeOff::HoursIn(std::string_view person, const Cycle& cycle) const {
  auto it = by_person_.find(person);
  if (it == by_person_.end()) return 0;
  double hours = 0;
  for (const auto& [date, h] : it->second) {
    if (date >= cycle.start && date <= cycle.due) hours += h;
  }
  return hours;
}

std::string_view ToString(Exclusion e) {
  switch (e) {
    case Exclusion::kNone: return "";
    case Exclusion::kTimeOff: return "time-off";
    case Exclusion::kJoined: return "joined";
    case Exclusion::kLeft: return "left";
  }
  return "";
}

Exclusion ExclusionOf(const Person& person, double time_off_hours, const Cycle& cycle,
                      int cadence_days) {
  if (person.start_date && *person.start_date >= cycle.start) return Exclusion::kJoined;
  if (person.end_date && *person.end_date < cycle.due) return Exclusion::kLeft;
  const double capacity = person.weekly_capacity_hours * cadence_days / kDaysPerWeek;
  if (time_off_hours > 0 && time_off_hours >= capacity * kHalf) return Exclusion::kTimeOff;
  return Exclusion::kNone;
}

std::string_view ToString(MemberStatus s) {
  switch (s) {
    case MemberStatus::kSubmitted: return "submitted";
    case MemberStatus::kExcluded: return "excluded";
    case MemberStatus::kOverdue: return "overdue";
    case MemberStatus::kDraft: return "draft";
    case MemberStatus::kDue: return "due";
  }
  return "";
}

MemberStatus StatusOf(Progress progress, Exclusion exclusion, const Cycle& cycle, Date today) {
  if (progress == Progress::kSubmitted) return MemberStatus::kSubmitted;
  if (exclusion != Exclusion::kNone) return MemberStatus::kExcluded;
  if (today > cycle.due) return MemberStatus::kOverdue;
  return progress == Progress::kDraft ? MemberStatus::kDraft : MemberStatus::kDue;
}

bool NeedsNudge(MemberStatus s) {
  return s == MemberStatus::kDue || s == MemberStatus::kDraft || s == MemberStatus::kOverdue;
}

int CyclesOpen(Date opened_on, Date current, int cadence_days) {
  const Date opened_cycle = CheckinCycleStart(opened_on, cadence_days);
  return std::max(0, (current.days - opened_cycle.days) / cadence_days);
}

std::optional<double> Median(std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::vector<CycleTrend> CycleTrends(const std::vector<Date>& cycle_starts, int cadence_days,
                                    const std::vector<MemberCycle>& members,
                                    const std::vector<CheckinQuestion>& questions,
                                    const std::vector<CheckinBlocker>& blockers) {
  std::vector<CycleTrend> out(cycle_starts.size());
  std::vector<std::vector<double>> hours(cycle_starts.size());
  for (size_t i = 0; i < out.size(); ++i) out[i].cycle_start = cycle_starts[i];
  for (const MemberCycle& m : members) {
    auto i = CycleIndex(cycle_starts, cadence_days, m.cycle_start);
    if (!i) continue;
    if (m.status == MemberStatus::kSubmitted) ++out[*i].submitted;
    if (m.status != MemberStatus::kExcluded) ++out[*i].expected;
  }
  for (const CheckinQuestion& q : questions) {
    auto i = CycleIndex(cycle_starts, cadence_days,
                        Date{static_cast<int32_t>(q.asked_at / kSecondsPerDay)});
    if (!i || !q.answered_at) continue;
    hours[*i].push_back(static_cast<double>(*q.answered_at - q.asked_at) / kSecondsPerHour);
  }
  for (const CheckinBlocker& b : blockers) {
    if (auto i = CycleIndex(cycle_starts, cadence_days, b.opened_on)) ++out[*i].blockers_opened;
    if (!b.resolved_on) continue;
    if (auto i = CycleIndex(cycle_starts, cadence_days, *b.resolved_on)) {
      ++out[*i].blockers_resolved;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].expected > 0) {
      out[i].completion = static_cast<double>(out[i].submitted) / out[i].expected;
    }
    out[i].median_hours_to_answer = Median(hours[i]);
  }
  return out;
}

}  // namespace guild::checkins
