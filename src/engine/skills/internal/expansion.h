// Taxonomy expansion of a need and candidate generation for search.
// Internal to guild_skills.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "engine/skills/search.h"
#include "engine/skills/skill_index.h"

namespace guild::skills::internal {

//! A need resolved to a skill, with the skills that can meet it.
struct ExpandedNeed {
  SkillRef skill = kNone;
  int min_level = kMinLevel;
  std::vector<SkillRef> expanded;  //!< sorted, unique; includes `skill`
};

//! The skills that can meet a need on `skill` under `expansion`, sorted.
std::vector<SkillRef> Expand(const SkillIndex& index, SkillRef skill, TaxonomyExpansion expansion);

//! How `matched` relates to `need` (same, below it, or above it).
MatchVia Via(const SkillIndex& index, SkillRef need, SkillRef matched);

//! The best skill person `p` holds that could meet `need` (highest level;
//! ties: the need's own skill, then the lowest SkillRef), and whether it does.
NeedMatch Match(const SkillIndex& index, PersonRef p, const ExpandedNeed& need);

using AttributeFilter = std::array<std::optional<int32_t>, kAttributeCount>;

//! A superset of the people who can pass the query, without duplicates:
//! with `all_of`, the holders of the cheapest need (or the members of the
//! smallest filtered attribute value) who also meet every other need
//! (intersected before scoring); otherwise the union of every need's holders
//! (or that attribute list when smaller).
std::vector<PersonRef> Candidates(const SkillIndex& index, const std::vector<ExpandedNeed>& needs,
                                  MatchMode mode, const AttributeFilter& attributes);

}  // namespace guild::skills::internal
