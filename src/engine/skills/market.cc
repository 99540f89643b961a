#include "engine/skills/market.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

namespace guild::skills {

namespace {

constexpr int kDaysPerWeek = 7;

Status CheckOptions(const MarketOptions& o) {
  if (o.periods < 1) return InvalidField("market.periods", ">= 1");
  if (o.period_weeks < 1) return InvalidField("market.period_weeks", ">= 1");
  for (int level : {o.supply_min_level, o.key_person_level, o.teacher_level}) {
    if (level < kMinLevel || level > kMaxLevel) {
      return InvalidField("market.levels", "levels 1..5", std::to_string(level));
    }
  }
  return OkStatus();
}

// Demand per (skill, period) from the live openings.
std::vector<std::vector<double>> Demand(const SkillIndex& index, const FirmData& firm, Date first,
                                        const MarketOptions& o) {
  std::unordered_map<std::string, EngagementStatus> status;
  for (const Engagement& e : firm.engagements) status[e.id] = e.status;
  std::vector<std::vector<double>> demand(index.skill_count());
  const int weeks = o.periods * o.period_weeks;
  for (const Opening& opening : firm.openings) {
    auto it = status.find(opening.engagement_id);
    if (it != status.end() &&
        (it->second == EngagementStatus::kComplete || it->second == EngagementStatus::kCancelled)) {
      continue;
    }
    std::vector<SkillRef> skills;
    for (const SkillRequirement& r : opening.required) {
      if (auto skill = index.FindSkill(r.skill_id)) skills.push_back(*skill);
    }
    for (int w = 0; w < weeks; ++w) {
      const Date week = AddDays(first, w * kDaysPerWeek);
      if (week < WeekStart(opening.start) || week > opening.end) continue;
      for (SkillRef s : skills) {
        demand[s].resize(o.periods, 0);
        demand[s][w / o.period_weeks] += opening.hours_per_week * opening.headcount;
      }
    }
  }
  return demand;
}

// Supply per (skill, period): holders' free hours.
std::vector<std::vector<double>> Supply(const SkillIndex& index, Date first,
                                        const MarketOptions& o) {
  std::vector<std::vector<double>> supply(index.skill_count());
  std::vector<double> free(o.periods);
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    auto held = index.skills_of(p);
    if (held.empty()) continue;
    for (int k = 0; k < o.periods; ++k) {
      const Date start = AddDays(first, k * o.period_weeks * kDaysPerWeek);
      free[k] = index.FreeHours(p, start, AddDays(start, o.period_weeks * kDaysPerWeek - 1));
    }
    for (const HeldSkill& h : held) {
      if (h.level < o.supply_min_level) continue;
      auto& row = supply[h.skill];
      row.resize(o.periods, 0);
      for (int k = 0; k < o.periods; ++k) row[k] += free[k];
    }
  }
  return supply;
}

std::vector<SkillBalance> Balances(const SkillIndex& index, Date first, const MarketOptions& o,
                                   const std::vector<std::vector<double>>& demand,
                                   const std::vector<std::vector<double>>& supply) {
  std::vector<SkillBalance> out;
  for (SkillRef s = 0; s < index.skill_count(); ++s) {
    if (demand[s].empty()) continue;
    SkillBalance b{s, {}, 0, 0, static_cast<int>(index.holders(s, o.supply_min_level).size())};
    for (int k = 0; k < o.periods; ++k) {
      const double sup = supply[s].empty() ? 0 : supply[s][k];
      b.periods.push_back({AddDays(first, k * o.period_weeks * kDaysPerWeek), sup, demand[s][k]});
      b.supply_hours += sup;
      b.demand_hours += demand[s][k];
    }
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [&](const SkillBalance& a, const SkillBalance& b) {
    return std::make_tuple(a.supply_hours - a.demand_hours, index.skill_id(a.skill)) <
           std::make_tuple(b.supply_hours - b.demand_hours, index.skill_id(b.skill));
  });
  return out;
}

std::vector<KeyPersonRisk> KeyPeople(const SkillIndex& index, const MarketOptions& o,
                                     const std::vector<SkillBalance>& balances) {
  std::vector<KeyPersonRisk> out;
  for (const SkillBalance& b : balances) {
    auto holders = index.holders(b.skill, o.key_person_level);
    if (holders.empty() || holders.size() > static_cast<size_t>(o.key_person_max_holders)) continue;
    KeyPersonRisk risk{b.skill, {}, b.demand_hours};
    for (const Posting& p : holders) risk.holders.push_back(p.person);
    std::sort(risk.holders.begin(), risk.holders.end());
    out.push_back(std::move(risk));
  }
  std::sort(out.begin(), out.end(), [&](const KeyPersonRisk& a, const KeyPersonRisk& b) {
    return std::make_tuple(-a.demand_hours, a.holders.size(), index.skill_id(a.skill)) <
           std::make_tuple(-b.demand_hours, b.holders.size(), index.skill_id(b.skill));
  });
  return out;
}

std::vector<TeachingGap> Teaching(const SkillIndex& index, const MarketOptions& o) {
  std::vector<TeachingGap> out;
  for (SkillRef s = 0; s < index.skill_count(); ++s) {
    int growers = 0;
    for (const Posting& p : index.holders(s)) growers += p.wants_to_grow ? 1 : 0;
    const int teachers = static_cast<int>(index.holders(s, o.teacher_level).size());
    if (growers >= o.min_growers && growers > teachers * o.mentees_per_teacher) {
      out.push_back({s, growers, teachers});
    }
  }
  auto ratio = [](const TeachingGap& g) {
    return static_cast<double>(g.growers) / std::max(g.teachers, 1);
  };
  std::sort(out.begin(), out.end(), [&](const TeachingGap& a, const TeachingGap& b) {
    return std::make_tuple(-ratio(a), index.skill_id(a.skill)) <
           std::make_tuple(-ratio(b), index.skill_id(b.skill));
  });
  return out;
}

template <typename T>
void Limit(std::vector<T>& v, int limit) {
  if (limit > 0 && v.size() > static_cast<size_t>(limit)) v.resize(limit);
}

}  // namespace

Result<MarketReport> BuildMarket(const SkillIndex& index, const FirmData& firm,
                                 const MarketOptions& options) {
  RETURN_IF_ERROR(CheckOptions(options));
  const Date first = WeekStart(options.from);
  MarketReport report;
  report.balances = Balances(index, first, options, Demand(index, firm, first, options),
                             Supply(index, first, options));
  report.key_person = KeyPeople(index, options, report.balances);
  report.teaching = Teaching(index, options);
  Limit(report.balances, options.limit);
  Limit(report.key_person, options.limit);
  Limit(report.teaching, options.limit);
  return report;
}

}  // namespace guild::skills
