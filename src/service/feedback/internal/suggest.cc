#include "service/feedback/internal/suggest.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace guild::feedback::internal {

namespace {

// Hours per (person, engagement, day) logged within the window.
using DayHours = std::map<std::tuple<std::string, std::string, int32_t>, double>;

bool InWindow(Date date, const SuggestQuery& q) {
  return date.days >= q.event_date.days - q.window_days &&
         date.days <= q.event_date.days + q.window_days;
}

// The engagement of each opening, by opening id.
std::unordered_map<std::string_view, std::string_view> OpeningEngagements(const FirmData& data) {
  std::unordered_map<std::string_view, std::string_view> out;
  for (const Opening& o : data.openings) out.emplace(o.id, o.engagement_id);
  return out;
}

// (person, engagement) pairs that worked in the window: assignments covering
// the event's date and time entries within the window.
struct Work {
  std::map<std::string, std::unordered_set<std::string>> engagements_of;  // person -> engagements
  DayHours hours;
};

Work WorkInWindow(const FirmData& data, const SuggestQuery& q) {
  Work work;
  const auto engagement_of = OpeningEngagements(data);
  for (const Assignment& a : data.assignments) {
    if (a.start > q.event_date || a.end < q.event_date) continue;
    auto it = engagement_of.find(a.opening_id);
    if (it == engagement_of.end()) continue;
    work.engagements_of[a.person_id].insert(std::string(it->second));
  }
  for (const TimeEntry& t : data.time_entries) {
    if (t.engagement_id.empty() || !InWindow(t.date, q)) continue;
    work.engagements_of[t.person_id].insert(t.engagement_id);
    work.hours[{t.person_id, t.engagement_id, t.date.days}] += t.hours;
  }
  return work;
}

bool HasLeft(const Person& p, Date today) { return p.end_date && *p.end_date < today; }

}  // namespace

std::vector<Suggestion> SuggestReviewers(const FirmData& data, const SuggestQuery& q) {
  const Work work = WorkInWindow(data, q);
  std::unordered_set<std::string> engagements;
  if (!q.engagement_id.empty()) {
    engagements.insert(q.engagement_id);
  } else if (auto it = work.engagements_of.find(q.requester_id); it != work.engagements_of.end()) {
    engagements = it->second;
  }
  // The requester's hours per (engagement, day), then each person's overlap.
  std::map<std::pair<std::string, int32_t>, double> mine;
  for (const auto& [key, hours] : work.hours) {
    const auto& [person, engagement, day] = key;
    if (person == q.requester_id && engagements.contains(engagement)) {
      mine[{engagement, day}] += hours;
    }
  }
  std::unordered_map<std::string, double> shared;
  for (const auto& [key, hours] : work.hours) {
    const auto& [person, engagement, day] = key;
    auto it = mine.find({engagement, day});
    if (it != mine.end()) shared[person] += std::min(hours, it->second);
  }
  std::vector<Suggestion> out;
  for (uint32_t i = 0; i < data.people.size(); ++i) {
    const Person& p = data.people[i];
    if (p.id == q.requester_id || HasLeft(p, q.today)) continue;
    auto it = work.engagements_of.find(p.id);
    if (it == work.engagements_of.end()) continue;
    const bool on_one = std::any_of(it->second.begin(), it->second.end(),
                                    [&](const std::string& e) { return engagements.contains(e); });
    if (!on_one) continue;
    auto hours = shared.find(p.id);
    out.push_back({i, hours == shared.end() ? 0.0 : hours->second});
  }
  std::sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
    const Person& pa = data.people[a.person];
    const Person& pb = data.people[b.person];
    return std::tie(b.shared_hours, pa.name, pa.id) < std::tie(a.shared_hours, pb.name, pb.id);
  });
  return out;
}

}  // namespace guild::feedback::internal
