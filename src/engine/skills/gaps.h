// Gap analysis: a person against a target role, a team against an
// engagement's needs, and the three remedies for a gap (redeploy, develop,
// hire).
//
// A role skill or need on skill S at level L is met the same way as in
// search.h: by the person's effective level on S or, by default, on a skill
// narrower than S. The "have" level of a gap is the best such level (0 when
// the person holds none of them).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "engine/skills/search.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

struct GapOptions {
  TaxonomyExpansion expansion = TaxonomyExpansion::kNarrowerMeetsBroader;
  //! Role skills rated below this importance (1..5) are left out.
  double min_importance = 0;
};

enum class GapKind {
  kMissing,     //!< the person holds no skill that could meet it
  kBelowLevel,  //!< held, but below the required level
  kMet,         //!< held at or above the required level
};

struct SkillGap {
  std::string skill_id;    //!< the role's skill id
  SkillRef skill = kNone;  //!< kNone when the firm does not know the skill
  int required = kMinLevel;
  int have = 0;              //!< best level held (0 = none)
  SkillRef held_as = kNone;  //!< the skill that gave `have` (S or a narrower one)
  double importance = 0;
  bool essential = true;
  GapKind kind = GapKind::kMissing;
};

struct RoleGapReport {
  //! Gaps (kMissing, kBelowLevel) ordered by importance descending, then
  //! required - have descending, then skill id.
  std::vector<SkillGap> gaps;
  //! Skills already met, in the same order.
  std::vector<SkillGap> met;
};

//! Compares `person_id` with `role`. Errors: kNotFound for an unknown person.
Result<RoleGapReport> PersonRoleGaps(const SkillIndex& index, std::string_view person_id,
                                     const Role& role, const GapOptions& options);

enum class Coverage {
  kLacking,       //!< nobody in the team meets the need
  kSinglePerson,  //!< exactly one person does: a key-person risk
  kCovered,       //!< two or more do
};

struct NeedCoverage {
  std::string skill_id;
  SkillRef skill = kNone;
  int min_level = kMinLevel;
  std::vector<PersonRef> holders;  //!< team members who meet it, ascending
  Coverage coverage = Coverage::kLacking;
};

//! For each need, who in the team meets it. Ordered: kLacking, then
//! kSinglePerson, then kCovered; within each, by skill id. Errors: kNotFound
//! for an unknown team member.
Result<std::vector<NeedCoverage>> TeamCoverage(const SkillIndex& index,
                                               std::span<const std::string> team_person_ids,
                                               std::span<const SkillRequirement> needs,
                                               const GapOptions& options);

//! The skills an engagement's openings require: each skill once, at the
//! highest level any opening asks, ordered by skill id. Empty when the
//! engagement has no openings.
std::vector<SkillRequirement> EngagementNeeds(const FirmData& firm, std::string_view engagement_id);

struct RemedyOptions {
  //! When set, redeploy candidates need min_free_hours free in the window.
  std::optional<AvailabilityWindow> window;
  int limit = 5;                     //!< candidates per remedy
  std::vector<std::string> exclude;  //!< person ids to leave out (e.g. the team)
  //! Develop candidates hold the skill this many levels below the need at
  //! most (1 = stretch: one level above what they can do today).
  int stretch_levels = 1;
};

struct RemedyCandidate {
  PersonRef person = kNone;
  int level = 0;
  double free_hours = 0;  //!< in the window; 0 without one
};

struct Remedies {
  SkillRef skill = kNone;
  int level = kMinLevel;
  //! Hold it at the level: ranked by free hours, then level, then person.
  std::vector<RemedyCandidate> redeploy;
  //! Want to grow it and sit 1..stretch_levels below: ranked by level
  //! descending, then free hours, then person.
  std::vector<RemedyCandidate> develop;
  bool hire = false;  //!< true when nobody can be redeployed or developed
};

//! The three remedies for a gap on `skill` at `level` (1..5).
Remedies RemediesFor(const SkillIndex& index, SkillRef skill, int level,
                     const RemedyOptions& options);

}  // namespace guild::skills
