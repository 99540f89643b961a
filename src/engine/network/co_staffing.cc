#include "engine/network/co_staffing.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

namespace guild::network {

namespace {

constexpr double kDaysPerWeek = 7;

struct Worked {
  uint32_t engagement;
  int32_t day;
  NodeId person;
  double hours;
};

struct Overlap {
  double hours = 0;
  int32_t first = INT32_MAX;
  int32_t last = INT32_MIN;
};

using EngagementIndex = std::unordered_map<std::string_view, uint32_t>;

EngagementIndex IndexEngagements(const FirmData& firm) {
  EngagementIndex out;
  out.reserve(firm.engagements.size());
  for (uint32_t i = 0; i < firm.engagements.size(); ++i) out.emplace(firm.engagements[i].id, i);
  return out;
}

Date LastEntryDay(const FirmData& firm) {
  Date last{INT32_MIN};
  for (const TimeEntry& t : firm.time_entries) {
    if (!t.engagement_id.empty()) last = std::max(last, t.date);
  }
  return last;
}

// Time entries on an engagement up to `through`, one per person and day.
std::vector<Worked> CollectWorked(const FirmData& firm, const EngagementIndex& engagements,
                                  const TieSink& sink, Date through) {
  std::vector<Worked> out;
  for (const TimeEntry& t : firm.time_entries) {
    if (t.engagement_id.empty() || t.date > through || t.hours <= 0) continue;
    auto e = engagements.find(t.engagement_id);
    std::optional<NodeId> person = sink.Find(t.person_id);
    if (e == engagements.end() || !person) continue;
    out.push_back({e->second, t.date.days, *person, t.hours});
  }
  std::sort(out.begin(), out.end(), [](const Worked& x, const Worked& y) {
    if (x.engagement != y.engagement) return x.engagement < y.engagement;
    if (x.day != y.day) return x.day < y.day;
    return x.person < y.person;
  });
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && out[kept - 1].engagement == out[i].engagement &&
        out[kept - 1].day == out[i].day && out[kept - 1].person == out[i].person) {
      out[kept - 1].hours += out[i].hours;
    } else {
      out[kept++] = out[i];
    }
  }
  out.resize(kept);
  return out;
}

// Adds the overlaps of one engagement-day's people to `week`.
void AddDay(std::span<const Worked> day, std::unordered_map<uint64_t, Overlap>& week) {
  for (size_t i = 0; i < day.size(); ++i) {
    for (size_t j = i + 1; j < day.size(); ++j) {
      const uint64_t key = (static_cast<uint64_t>(day[i].person) << 32) | day[j].person;
      Overlap& o = week[key];
      o.hours += std::min(day[i].hours, day[j].hours);
      o.first = std::min(o.first, day[i].day);
      o.last = std::max(o.last, day[i].day);
    }
  }
}

void EmitWeek(std::unordered_map<uint64_t, Overlap>& week, uint8_t kind, TieSink& sink) {
  for (const auto& [key, o] : week) {
    sink.Add(static_cast<NodeId>(key >> 32), static_cast<NodeId>(key & 0xffffffffu), kind,
             Period{Date{o.first}, Date{o.last}}, o.hours);
  }
  week.clear();
}

void AddTimeEntryTies(std::span<const Worked> worked, uint8_t kind, TieSink& sink) {
  std::unordered_map<uint64_t, Overlap> week;
  size_t i = 0;
  while (i < worked.size()) {
    const uint32_t engagement = worked[i].engagement;
    const int32_t monday = WeekStart(Date{worked[i].day}).days;
    // One ISO week of one engagement, day by day.
    while (i < worked.size() && worked[i].engagement == engagement &&
           WeekStart(Date{worked[i].day}).days == monday) {
      size_t end = i;
      while (end < worked.size() && worked[end].engagement == engagement &&
             worked[end].day == worked[i].day) {
        ++end;
      }
      AddDay(worked.subspan(i, end - i), week);
      i = end;
    }
    EmitWeek(week, kind, sink);
  }
}

struct Planned {
  uint32_t engagement;
  NodeId person;
  int32_t from;
  int32_t to;
  double hours_per_week;
};

void AddAssignmentTies(const FirmData& firm, const EngagementIndex& engagements, Date after,
                       uint8_t kind, TieSink& sink) {
  std::unordered_map<std::string_view, uint32_t> engagement_of_opening;
  for (const Opening& o : firm.openings) {
    auto e = engagements.find(o.engagement_id);
    if (e != engagements.end()) engagement_of_opening.emplace(o.id, e->second);
  }
  std::vector<Planned> planned;
  for (const Assignment& a : firm.assignments) {
    auto e = engagement_of_opening.find(a.opening_id);
    std::optional<NodeId> person = sink.Find(a.person_id);
    const int32_t from = std::max(a.start.days, after.days + 1);
    if (e == engagement_of_opening.end() || !person || from > a.end.days) continue;
    planned.push_back({e->second, *person, from, a.end.days, a.hours_per_week});
  }
  std::sort(planned.begin(), planned.end(), [](const Planned& x, const Planned& y) {
    return x.engagement != y.engagement ? x.engagement < y.engagement : x.person < y.person;
  });
  for (size_t i = 0; i < planned.size();) {
    size_t end = i;
    while (end < planned.size() && planned[end].engagement == planned[i].engagement) ++end;
    for (size_t x = i; x < end; ++x) {
      for (size_t y = x + 1; y < end; ++y) {
        const Planned& p = planned[x];
        const Planned& q = planned[y];
        const int32_t from = std::max(p.from, q.from), to = std::min(p.to, q.to);
        if (p.person == q.person || from > to) continue;
        const double hours =
            std::min(p.hours_per_week, q.hours_per_week) / kDaysPerWeek * (to - from + 1);
        sink.Add(p.person, q.person, kind, Period{Date{from}, Date{to}}, hours);
      }
    }
    i = end;
  }
}

}  // namespace

Status CoStaffingTies::AddTies(TieSink& sink) const {
  ASSIGN_OR_RETURN(uint8_t kind, sink.Kind(kCoStaffingKind));
  const EngagementIndex engagements = IndexEngagements(firm_);
  const Date through = options_.actuals_through.value_or(LastEntryDay(firm_));
  {
    std::vector<Worked> worked = CollectWorked(firm_, engagements, sink, through);
    AddTimeEntryTies(worked, kind, sink);
  }
  AddAssignmentTies(firm_, engagements, through, kind, sink);
  return OkStatus();
}

}  // namespace guild::network
