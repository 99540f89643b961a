// StaffingBoardService::Capacity: hours per person per week for the
// capacity heatmap (staffing_board_service.h).
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "service/staffing/staffing_board_service.h"

namespace guild {
namespace {

constexpr int kMaxCapacityWeeks = 26;
constexpr int kDaysPerWeek = 7;

bool SameText(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Week index of `date` from `from` (a Monday), or -1 outside [0, weeks).
int WeekOf(Date from, int weeks, Date date) {
  if (date < from) return -1;
  const int w = (date.days - from.days) / kDaysPerWeek;
  return w < weeks ? w : -1;
}

void AddHours(const FirmData& data, Date from, int weeks,
              const std::unordered_map<std::string_view, size_t>& row_of,
              std::vector<CapacityRow>& rows) {
  for (const Assignment& a : data.assignments) {
    auto it = row_of.find(a.person_id);
    if (it == row_of.end()) continue;
    for (int w = 0; w < weeks; ++w) {
      const Date start = AddDays(from, w * kDaysPerWeek);
      const Date end = AddDays(start, kDaysPerWeek - 1);
      if (a.end < start || a.start > end) continue;
      CapacityWeek& week = rows[it->second].weeks[w];
      (a.status == AssignmentStatus::kConfirmed ? week.confirmed : week.tentative) +=
          a.hours_per_week;
    }
  }
  for (const TimeEntry& t : data.time_entries) {
    if (t.category != TimeCategory::kTimeOff) continue;
    auto it = row_of.find(t.person_id);
    const int w = WeekOf(from, weeks, t.date);
    if (it != row_of.end() && w >= 0) rows[it->second].weeks[w].time_off += t.hours;
  }
}

}  // namespace

Result<CapacityPage> StaffingBoardService::Capacity(const Principal& viewer,
                                                    const CapacityQuery& query) {
  RETURN_IF_ERROR(CheckPageLimit(query.page.limit));
  if (query.weeks < 1 || query.weeks > kMaxCapacityWeeks) {
    return InvalidField("weeks", "an integer from 1 to 26");
  }
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmData& data = snapshot->data();
  const StaffingAccess access = Authorizer(*snapshot).Staffing(viewer);
  if (!access.MayUseBoard()) {
    return PermissionDenied("capacity is for administrators, firm leaders and engagement leaders");
  }
  ASSIGN_OR_RETURN(size_t offset, DecodeOffsetCursor(query.page.cursor));
  CapacityPage page;
  page.snapshot = snapshot;
  page.from = WeekStart(query.from.value_or(clock_.Today()));
  page.weeks = query.weeks;
  const std::set<std::string_view> only(query.people.begin(), query.people.end());
  size_t seen = 0;
  const auto order = snapshot->PeopleByName();
  for (size_t k = 0; k < order.size(); ++k) {
    const Person& p = data.people[order[k]];
    if (!query.practice.empty() && !SameText(p.practice, query.practice)) continue;
    if (!query.office.empty() && !SameText(p.office, query.office)) continue;
    if (!only.empty() && !only.count(p.id)) continue;
    if (!access.MayReadLoads(p.id)) continue;
    if (seen++ < offset) continue;
    if (page.rows.size() == static_cast<size_t>(query.page.limit)) {
      page.next_cursor = EncodeCursor(std::to_string(seen - 1));
      break;
    }
    page.rows.push_back({order[k], std::vector<CapacityWeek>(query.weeks)});
  }
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t i = 0; i < page.rows.size(); ++i) {
    const Person& p = data.people[page.rows[i].person];
    row_of[p.id] = i;
    for (int w = 0; w < query.weeks; ++w) {
      const Date start = AddDays(page.from, w * kDaysPerWeek);
      const Date end = AddDays(start, kDaysPerWeek - 1);
      const bool employed =
          (!p.start_date || *p.start_date <= end) && (!p.end_date || *p.end_date >= start);
      page.rows[i].weeks[w].capacity = employed ? p.weekly_capacity_hours : 0;
    }
  }
  AddHours(data, page.from, query.weeks, row_of, page.rows);
  return page;
}

}  // namespace guild
