// The internal market report: skill demand vs supply, unfilled seats, idle
// and overloaded people, and delegable leadership hours.
#include <algorithm>
#include <unordered_map>

#include "engine/staffing/internal/context.h"
#include "engine/staffing/staffing.h"

namespace guild::staffing {

namespace {

constexpr int kSkillsPerIdlePerson = 3;

void Balances(const internal::Context& c, int weeks, MarketReport& r) {
  std::vector<double> demand(c.skill_ids.size(), 0), supply(c.skill_ids.size(), 0);
  for (size_t i = 0; i < c.firm->openings.size(); ++i) {
    const internal::OpeningFacts f = c.Facts(c.firm->openings[i], c.assigned_count[i]);
    // A skill nobody holds blocks the seat but its other skills are still in demand.
    if ((!f.blocked.empty() && f.blocked.rfind("skills:", 0) != 0) || f.open_seats == 0) continue;
    const int span = std::max(0, std::min(f.w1, weeks) - f.w0);
    const double hours = f.opening->hours_per_week * f.open_seats * span;
    for (const SkillRequirement& r : f.opening->required) {
      auto it = c.skill_index.find(r.skill_id);
      if (it != c.skill_index.end()) demand[it->second] += hours;
    }
  }
  for (uint32_t p = 0; p < c.firm->people.size(); ++p) {
    double free = 0;
    for (int w = 0; w < weeks; ++w) free += std::max(0.f, c.Free(p, w));
    if (free <= 0) continue;
    for (const internal::HeldSkill& h : c.skills.Row(p)) supply[h.skill] += free;
  }
  for (size_t s = 0; s < c.skill_ids.size(); ++s) {
    if (demand[s] > 0) r.skills.push_back({std::string(c.skill_ids[s]), demand[s], supply[s]});
  }
  std::sort(r.skills.begin(), r.skills.end(), [](const SkillBalance& a, const SkillBalance& b) {
    return a.demand_hours - a.supply_hours > b.demand_hours - b.supply_hours;
  });
}

void Idle(const internal::Context& c, const MarketOptions& mo, int weeks, MarketReport& r) {
  for (uint32_t p = 0; p < c.firm->people.size(); ++p) {
    const Person& person = c.firm->people[p];
    if (person.end_date && *person.end_date < c.today) continue;
    double booked = 0;
    for (int w = 0; w < weeks; ++w) booked += c.load[static_cast<size_t>(p) * c.weeks + w];
    const double util = booked / (c.capacity[p] * weeks);
    if (util >= mo.idle_threshold) continue;
    IdlePerson idle{person.id, util, {}};
    auto held = c.skills.Row(p);
    std::vector<internal::HeldSkill> top(held.begin(), held.end());
    std::sort(top.begin(), top.end(),
              [](const auto& a, const auto& b) { return a.level > b.level; });
    for (size_t k = 0; k < top.size() && k < kSkillsPerIdlePerson; ++k) {
      idle.skills.push_back(std::string(c.skill_ids[top[k].skill]));
    }
    r.idle.push_back(std::move(idle));
  }
  std::stable_sort(r.idle.begin(), r.idle.end(), [](const IdlePerson& a, const IdlePerson& b) {
    return a.utilisation < b.utilisation;
  });
}

// The `recent_weeks` most recent whole weeks before the week holding today
// in which anyone logged time (at most `lookback_weeks` back), as their
// Mondays, oldest first: logs that stop before today (an import, a demo)
// still give whole weeks of data.
std::vector<Date> WeeksWithData(const internal::Context& c, const MarketOptions& mo) {
  const Date earliest = AddDays(c.week0, -7 * mo.lookback_weeks);
  std::vector<uint8_t> has(static_cast<size_t>(mo.lookback_weeks), 0);
  for (const TimeEntry& t : c.firm->time_entries) {
    if (t.date < earliest || t.date >= c.week0 || t.category == TimeCategory::kTimeOff) continue;
    has[static_cast<size_t>((WeekStart(t.date).days - earliest.days) / 7)] = 1;
  }
  std::vector<Date> weeks;
  for (int k = mo.lookback_weeks - 1; k >= 0 && static_cast<int>(weeks.size()) < mo.recent_weeks;
       --k) {
    if (has[static_cast<size_t>(k)]) weeks.push_back(AddDays(earliest, 7 * k));
  }
  std::reverse(weeks.begin(), weeks.end());
  return weeks;
}

void Overloaded(const internal::Context& c, const MarketOptions& mo, MarketReport& r) {
  r.load_weeks = WeeksWithData(c, mo);
  if (r.load_weeks.empty()) return;
  const double n = static_cast<double>(r.load_weeks.size());
  std::unordered_map<uint32_t, std::pair<double, double>> logged;  // total, leadership
  for (const TimeEntry& t : c.firm->time_entries) {
    if (t.category == TimeCategory::kTimeOff ||
        !std::binary_search(r.load_weeks.begin(), r.load_weeks.end(), WeekStart(t.date))) {
      continue;
    }
    auto p = c.person_index.find(t.person_id);
    if (p == c.person_index.end()) continue;
    auto& [total, leadership] = logged[p->second];
    total += t.hours;
    if (t.category == TimeCategory::kLeadership) leadership += t.hours;
  }
  for (const auto& [p, hours] : logged) {
    const double per_week = hours.first / n;
    if (per_week <= c.capacity[p]) continue;
    const double leadership = hours.second / n;
    const double delegable = std::min(leadership, per_week - c.capacity[p]);
    r.overloaded.push_back({c.firm->people[p].id, per_week, c.capacity[p], leadership, delegable});
    r.delegable_leadership_hours_per_week += delegable;
  }
  std::sort(r.overloaded.begin(), r.overloaded.end(),
            [](const OverloadedPerson& a, const OverloadedPerson& b) {
              const double ea = a.logged_hours_per_week - a.capacity_hours;
              const double eb = b.logged_hours_per_week - b.capacity_hours;
              return ea > eb || (ea == eb && a.person_id < b.person_id);
            });
}

template <typename T>
void Limit(std::vector<T>& v, int limit) {
  if (limit >= 0 && v.size() > static_cast<size_t>(limit)) v.resize(static_cast<size_t>(limit));
}

}  // namespace

MarketReport StaffingEngine::Market(const MarketOptions& options, const StaffingPlan* plan) const {
  const internal::Context& c = *ctx_;
  MarketReport r;
  r.from = c.week0;
  r.weeks = std::clamp(options.weeks, 1, c.weeks);
  Balances(c, r.weeks, r);
  Idle(c, options, r.weeks, r);
  const bool usable = options.recent_weeks > 0 && options.lookback_weeks >= options.recent_weeks;
  Overloaded(c, usable ? options : MarketOptions{}, r);
  if (plan) r.unfilled = plan->unfilled;
  Limit(r.skills, options.limit);
  Limit(r.idle, options.limit);
  Limit(r.overloaded, options.limit);
  Limit(r.unfilled, options.limit);
  return r;
}

}  // namespace guild::staffing
