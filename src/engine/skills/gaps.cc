#include "engine/skills/gaps.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/skills/internal/expansion.h"

namespace guild::skills {

namespace {

bool GapBefore(const SkillGap& a, const SkillGap& b) {
  return std::make_tuple(-a.importance, -(a.required - a.have), a.skill_id) <
         std::make_tuple(-b.importance, -(b.required - b.have), b.skill_id);
}

SkillGap Compare(const SkillIndex& index, PersonRef p, const RoleSkill& rs,
                 TaxonomyExpansion expansion) {
  SkillGap gap{rs.skill_id, kNone,         rs.level,     0,
               kNone,       rs.importance, rs.essential, GapKind::kMissing};
  auto skill = index.FindSkill(rs.skill_id);
  if (!skill) return gap;
  gap.skill = *skill;
  const internal::ExpandedNeed need{*skill, rs.level, internal::Expand(index, *skill, expansion)};
  const NeedMatch m = internal::Match(index, p, need);
  gap.have = m.level;
  gap.held_as = m.matched;
  if (m.met) {
    gap.kind = GapKind::kMet;
  } else if (m.matched != kNone) {
    gap.kind = GapKind::kBelowLevel;
  }
  return gap;
}

bool RemedyBefore(const RemedyCandidate& a, const RemedyCandidate& b) {
  return std::make_tuple(-a.free_hours, -a.level, a.person) <
         std::make_tuple(-b.free_hours, -b.level, b.person);
}

bool DevelopBefore(const RemedyCandidate& a, const RemedyCandidate& b) {
  return std::make_tuple(-a.level, -a.free_hours, a.person) <
         std::make_tuple(-b.level, -b.free_hours, b.person);
}

void Truncate(std::vector<RemedyCandidate>& v, int limit) {
  if (v.size() > static_cast<size_t>(std::max(limit, 0))) v.resize(std::max(limit, 0));
}

}  // namespace

Result<RoleGapReport> PersonRoleGaps(const SkillIndex& index, std::string_view person_id,
                                     const Role& role, const GapOptions& options) {
  auto person = index.FindPerson(person_id);
  if (!person) return NotFound("unknown person '" + std::string(person_id) + "'");
  RoleGapReport report;
  for (const RoleSkill& rs : role.skills) {
    if (rs.importance < options.min_importance) continue;
    SkillGap gap = Compare(index, *person, rs, options.expansion);
    (gap.kind == GapKind::kMet ? report.met : report.gaps).push_back(std::move(gap));
  }
  std::sort(report.gaps.begin(), report.gaps.end(), GapBefore);
  std::sort(report.met.begin(), report.met.end(), GapBefore);
  return report;
}

Result<std::vector<NeedCoverage>> TeamCoverage(const SkillIndex& index,
                                               std::span<const std::string> team_person_ids,
                                               std::span<const SkillRequirement> needs,
                                               const GapOptions& options) {
  std::vector<PersonRef> team;
  for (const std::string& id : team_person_ids) {
    auto p = index.FindPerson(id);
    if (!p) return NotFound("team member: unknown person '" + id + "'");
    team.push_back(*p);
  }
  std::sort(team.begin(), team.end());
  team.erase(std::unique(team.begin(), team.end()), team.end());
  std::vector<NeedCoverage> out;
  for (const SkillRequirement& need : needs) {
    NeedCoverage c{need.skill_id, kNone, need.min_level, {}, Coverage::kLacking};
    if (auto skill = index.FindSkill(need.skill_id)) {
      c.skill = *skill;
      const internal::ExpandedNeed expanded{*skill, need.min_level,
                                            internal::Expand(index, *skill, options.expansion)};
      for (PersonRef p : team) {
        if (internal::Match(index, p, expanded).met) c.holders.push_back(p);
      }
    }
    c.coverage = c.holders.empty()       ? Coverage::kLacking
                 : c.holders.size() == 1 ? Coverage::kSinglePerson
                                         : Coverage::kCovered;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const NeedCoverage& a, const NeedCoverage& b) {
    return std::tie(a.coverage, a.skill_id) < std::tie(b.coverage, b.skill_id);
  });
  return out;
}

std::vector<SkillRequirement> EngagementNeeds(const FirmData& firm,
                                              std::string_view engagement_id) {
  std::map<std::string, int> levels;
  for (const Opening& o : firm.openings) {
    if (o.engagement_id != engagement_id) continue;
    for (const SkillRequirement& r : o.required) {
      int& level = levels[r.skill_id];
      level = std::max(level, r.min_level);
    }
  }
  std::vector<SkillRequirement> out;
  out.reserve(levels.size());
  for (const auto& [skill, level] : levels) out.push_back({skill, level});
  return out;
}

Remedies RemediesFor(const SkillIndex& index, SkillRef skill, int level,
                     const RemedyOptions& options) {
  Remedies r{skill, level, {}, {}, false};
  std::vector<PersonRef> excluded;
  for (const std::string& id : options.exclude) {
    if (auto p = index.FindPerson(id)) excluded.push_back(*p);
  }
  std::sort(excluded.begin(), excluded.end());
  const internal::ExpandedNeed need{
      skill, kMinLevel, internal::Expand(index, skill, TaxonomyExpansion::kNarrowerMeetsBroader)};
  for (PersonRef p : internal::Candidates(index, {need}, MatchMode::kAnyOf, {})) {
    if (std::binary_search(excluded.begin(), excluded.end(), p)) continue;
    const NeedMatch m = internal::Match(index, p, need);
    const double free =
        options.window ? index.FreeHours(p, options.window->from, options.window->to) : 0;
    if (m.level >= level) {
      if (!options.window || free >= options.window->min_free_hours) {
        r.redeploy.push_back({p, m.level, free});
      }
      continue;
    }
    const auto wants = index.Held(p, m.matched);
    if (wants && wants->wants_to_grow && level - m.level <= options.stretch_levels) {
      r.develop.push_back({p, m.level, free});
    }
  }
  std::sort(r.redeploy.begin(), r.redeploy.end(), RemedyBefore);
  std::sort(r.develop.begin(), r.develop.end(), DevelopBefore);
  Truncate(r.redeploy, options.limit);
  Truncate(r.develop, options.limit);
  r.hire = r.redeploy.empty() && r.develop.empty();
  return r;
}

}  // namespace guild::skills
