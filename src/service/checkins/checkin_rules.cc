#include "service/checkins/checkin_rules.h"

#include <algorithm>
#include <tuple>

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

TimeOff::TimeOff(std::span<const TimeEntry> entries, size_t people,
                 const std::function<std::optional<uint32_t>(std::string_view)>& position_of) {
  std::vector<std::pair<uint32_t, std::pair<Date, double>>> found;
  for (const TimeEntry& e : entries) {
    if (e.category != TimeCategory::kTimeOff) continue;
    if (auto p = position_of(e.person_id); p && *p < people)
      found.push_back({*p, {e.date, e.hours}});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.first) < std::tie(b.first, b.second.first);
  });
  offsets_.assign(people + 1, 0);
  for (const auto& [p, day] : found) ++offsets_[p + 1];
  for (size_t p = 0; p < people; ++p) offsets_[p + 1] += offsets_[p];
  days_.reserve(found.size());
  for (const auto& [p, day] : found) days_.push_back(day);
}

double TimeOff::HoursIn(uint32_t person, const Cycle& cycle) const {
  if (static_cast<size_t>(person) + 1 >= offsets_.size()) return 0;
  const auto first = days_.begin() + offsets_[person];
  const auto last = days_.begin() + offsets_[person + 1];
  const auto by_date = [](const std::pair<Date, double>& day, Date d) { return day.first < d; };
  double hours = 0;
  for (auto it = std::lower_bound(first, last, cycle.start, by_date);
       it != last && it->first <= cycle.due; ++it) {
    hours += it->second;
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
