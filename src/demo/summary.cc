#include <algorithm>
#include <map>
#include <unordered_map>

#include "demo/demo.h"

namespace guild {

namespace {

constexpr double kUnderusedShare = 0.5;

std::vector<std::pair<std::string, int>> ByCountDescending(const std::map<std::string, int>& m) {
  std::vector<std::pair<std::string, int>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::vector<PersonLoad> Loads(const FirmData& firm, int weeks) {
  std::unordered_map<std::string_view, size_t> index;
  std::vector<PersonLoad> loads(firm.people.size());
  for (size_t i = 0; i < firm.people.size(); ++i) {
    const Person& p = firm.people[i];
    index[p.id] = i;
    loads[i] = {p.id, p.name, p.practice, p.weekly_capacity_hours, 0, 0};
  }
  const double per_week = 1.0 / std::max(weeks, 1);
  for (const auto& t : firm.time_entries) {
    auto it = index.find(t.person_id);
    if (it == index.end() || t.category == TimeCategory::kTimeOff) continue;  // not work
    loads[it->second].total_hours += t.hours * per_week;
    if (t.category == TimeCategory::kBillable) {
      loads[it->second].billable_hours += t.hours * per_week;
    }
  }
  return loads;
}

}  // namespace

DemoSummary SummarizeDemoFirm(const FirmData& firm, int weeks, int top) {
  DemoSummary s;
  for (EntityKind k : kAllEntityKinds) {
    s.counts.push_back({std::string(ToString(k)), static_cast<int64_t>(firm.Count(k))});
  }
  std::map<std::string, int> grades, practices, offices;
  for (const auto& p : firm.people) {
    ++grades[p.grade];
    ++practices[p.practice];
    ++offices[p.office];
  }
  for (auto g : kDefaultGrades) s.grades.push_back({std::string(g), grades[std::string(g)]});
  s.practices = ByCountDescending(practices);
  s.offices = ByCountDescending(offices);
  auto loads = Loads(firm, weeks);
  for (size_t i = 0; i < firm.people.size(); ++i) {
    const auto& l = loads[i];
    if (firm.people[i].grade == "partner" && l.total_hours > l.capacity_hours) {
      s.overloaded_partners.push_back(l);
    }
    if (firm.people[i].grade == "associate" &&
        l.billable_hours < kUnderusedShare * l.capacity_hours) {
      s.underused_associates.push_back(l);
    }
  }
  s.overloaded_partner_count = static_cast<int>(s.overloaded_partners.size());
  s.underused_associate_count = static_cast<int>(s.underused_associates.size());
  auto overload = [](const PersonLoad& l) { return l.total_hours - l.capacity_hours; };
  std::stable_sort(s.overloaded_partners.begin(), s.overloaded_partners.end(),
                   [&](const auto& a, const auto& b) { return overload(a) > overload(b); });
  std::stable_sort(s.underused_associates.begin(), s.underused_associates.end(),
                   [](const auto& a, const auto& b) {
                     return a.billable_hours / a.capacity_hours <
                            b.billable_hours / b.capacity_hours;
                   });
  if (static_cast<int>(s.overloaded_partners.size()) > top) s.overloaded_partners.resize(top);
  if (static_cast<int>(s.underused_associates.size()) > top) s.underused_associates.resize(top);
  for (const auto& c : firm.clients) {
    if (!c.key_client) continue;
    ++s.key_client_count;
    if (static_cast<int>(s.key_clients.size()) < top) s.key_clients.push_back(c.name);
  }
  return s;
}

}  // namespace guild
