// Step 4: openings on live engagements, assignments filling part of them,
// and time entries for the last weeks.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr double kOpeningGradeWeights[kGradeCount] = {0, 0.1, 0.2, 0.3, 0.4};
constexpr double kHoursChoices[] = {8, 16, 24, 32, 40};
constexpr double kHoursWeights[] = {0.15, 0.25, 0.2, 0.15, 0.25};
constexpr double kHeadcountWeights[] = {0.8, 0.15, 0.05};
constexpr double kFillConfirmed = 0.7;
constexpr double kFillTentative = 0.35;
constexpr double kConfirmShare = 0.75;
constexpr int kCandidateTries = 8;
constexpr double kEscoRequirementShare = 0.3;
// Most openings are written with someone of the practice and grade in mind:
// their requirements are skills that person holds, at their level or one
// below. The rest draw on the practice's skill profile and may need skills
// nobody at the firm holds yet (what the market report calls hiring needs).
constexpr double kAnchoredShare = 0.8;

bool Live(const Engagement& e, Date today) {
  return (e.status == EngagementStatus::kConfirmed || e.status == EngagementStatus::kTentative) &&
         e.end >= today;
}

// Requirements from the skills of one person of the practice and grade;
// false when the pool is empty or the person holds fewer than two skills.
bool AddAnchoredRequirements(Context& c, int practice, int grade, int want, Opening& o) {
  const auto& pool = c.Pool(practice, grade);
  if (pool.empty()) return false;
  const uint32_t anchor = pool[c.rng.Below(pool.size())];
  const uint32_t from = c.skills_from[anchor], to = c.skills_from[anchor + 1];
  if (to - from < 2) return false;
  std::vector<uint32_t> held(to - from);
  for (uint32_t k = 0; k < held.size(); ++k) held[k] = from + k;
  for (int k = 0; k < want && !held.empty(); ++k) {
    const size_t at = c.rng.Below(held.size());
    const PersonSkill& ps = c.out.person_skills[held[at]];
    held[at] = held.back();
    held.pop_back();
    o.required.push_back({ps.skill_id, std::max(kMinLevel, ps.level - c.rng.Range(0, 1))});
  }
  return true;
}

void AddRequirements(Context& c, int practice, int grade, Opening& o) {
  const auto& ps = c.practice_skills[practice];
  int want = c.rng.Range(2, 4);
  if (c.rng.Chance(kAnchoredShare) && AddAnchoredRequirements(c, practice, grade, want, o)) return;
  for (int tries = 0; static_cast<int>(o.required.size()) < want && tries < 4 * want; ++tries) {
    bool esco = !ps.esco.empty() && c.rng.Chance(kEscoRequirementShare);
    const auto& pool = esco ? ps.esco : ps.onet;
    const auto& pick = pool[c.rng.Weighted(esco ? ps.esco_weights : ps.onet_weights)];
    if (std::any_of(o.required.begin(), o.required.end(),
                    [&](const auto& r) { return r.skill_id == *pick.id; })) {
      continue;
    }
    o.required.push_back(
        {*pick.id, std::clamp(pick.level + Grades()[grade].level_offset, kMinLevel, kMaxLevel)});
  }
}

// Fills some of the opening's seats with people of its practice and grade who
// still have billable room; records each person's first confirmed engagement.
void FillSeats(Context& c, const Opening& o, size_t engagement, int grade, bool confirmed) {
  const int practice = c.engagement_practice[engagement];
  int seats = 0;
  for (int s = 0; s < o.headcount; ++s) {
    seats += c.rng.Chance(confirmed ? kFillConfirmed : kFillTentative);
  }
  std::vector<uint32_t> taken;
  auto& pool = c.Pool(practice, grade);
  for (int s = 0; s < seats && !pool.empty(); ++s) {
    for (int t = 0; t < kCandidateTries; ++t) {
      uint32_t i = pool[c.rng.Below(pool.size())];
      if (c.billable_room[i] < o.hours_per_week ||
          std::find(taken.begin(), taken.end(), i) != taken.end()) {
        continue;
      }
      taken.push_back(i);
      c.billable_room[i] -= static_cast<float>(o.hours_per_week);
      Assignment a;
      a.id = o.id + "-a" + std::to_string(taken.size());
      a.person_id = c.out.people[i].id;
      a.opening_id = o.id;
      a.hours_per_week = o.hours_per_week;
      a.start = o.start;
      a.end = o.end;
      a.status = confirmed && c.rng.Chance(kConfirmShare) ? AssignmentStatus::kConfirmed
                                                          : AssignmentStatus::kTentative;
      if (c.primary_engagement[i] < 0 && a.status == AssignmentStatus::kConfirmed) {
        c.primary_engagement[i] = static_cast<int32_t>(engagement);
      }
      c.out.assignments.push_back(std::move(a));
      break;
    }
  }
}

}  // namespace

void GenerateOpeningsAndAssignments(Context& c) {
  const Date today = c.options.today;
  c.skills_from.assign(c.out.people.size() + 1, 0);
  {
    std::unordered_map<std::string_view, uint32_t> index;
    for (uint32_t i = 0; i < c.out.people.size(); ++i) index.emplace(c.out.people[i].id, i);
    // Person skills come person by person, in people order.
    for (uint32_t k = 0; k < c.out.person_skills.size(); ++k) {
      c.skills_from[index.at(c.out.person_skills[k].person_id) + 1] = k + 1;
    }
    for (size_t i = 1; i < c.skills_from.size(); ++i) {
      c.skills_from[i] = std::max(c.skills_from[i], c.skills_from[i - 1]);
    }
  }
  for (size_t ei = 0; ei < c.out.engagements.size(); ++ei) {
    const Engagement& e = c.out.engagements[ei];
    if (!Live(e, today)) continue;
    int practice = c.engagement_practice[ei];
    const auto& spec = Practices()[practice];
    int count = c.rng.Range(1, 3);
    for (int k = 0; k < count; ++k) {
      int grade = static_cast<int>(c.rng.Weighted(kOpeningGradeWeights));
      Opening o;
      o.id = e.id + "-o" + std::to_string(k + 1);
      o.engagement_id = e.id;
      o.title = std::string(Grades()[grade].titles[static_cast<int>(spec.family)]) + ", " +
                std::string(spec.name);
      AddRequirements(c, practice, grade, o);
      o.hours_per_week = kHoursChoices[c.rng.Weighted(kHoursWeights)];
      o.start = std::min(std::max(e.start, AddDays(today, c.rng.Range(0, 14))), e.end);
      o.end = e.end;
      o.headcount = 1 + static_cast<int>(c.rng.Weighted(kHeadcountWeights));
      FillSeats(c, o, ei, grade, e.status == EngagementStatus::kConfirmed);
      c.out.openings.push_back(std::move(o));
    }
  }
}

}  // namespace guild::demo::internal
