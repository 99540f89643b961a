// Find people by skill.
//
// Matching rule (the taxonomy): a need on skill S at level L is met by the
// person's effective level on S, or — by default — on any skill narrower
// than S (below it in the tree, transitively), when that level is >= L. The
// narrower skill is a specialisation, so holding it at L shows S at L. A
// need on a narrow skill is NOT met by a broader one unless `expansion` is
// kBothWays. Among the skills that could meet a need, the one with the
// highest level is reported (ties: S itself, then the lowest SkillRef).
// Names resolve through ids, names and synonyms, case-insensitively.
//
// Ranking: more needs met first; then a larger level surplus (sum over met
// needs of level - min_level); then more free hours in the window (when one
// is given); then person id ascending. With kAllOf every hit meets every need.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

enum class MatchMode { kAllOf, kAnyOf };
enum class TaxonomyExpansion {
  kNarrowerMeetsBroader,  //!< default: S or anything below S meets a need on S
  kExactSkillOnly,        //!< only S itself
  kBothWays,              //!< also skills above S (broader) meet a need on S
};
enum class WantsToGrowFilter {
  kAny,       //!< no filter
  kRequired,  //!< the person wants to grow a skill that could meet one of the needs
};

//! A skill (id, name or synonym) at a minimum level.
struct SkillNeed {
  std::string skill;
  int min_level = kMinLevel;
};

//! Reads a need written "SKILL[:LEVEL]", the one form the API (`need=`) and
//! the CLI (`--skill`) take: the level is the text after the last ':' when
//! that text is all digits, and must be 1 to 5; otherwise the whole text is
//! the skill (an id, name or synonym, which may itself hold a ':', as ids do).
//! A bad need is InvalidField(`field`, ...); the caller's edge says where
//! `field` was (a query parameter, a flag).
[[nodiscard]] Result<SkillNeed> ParseSkillNeed(std::string_view text,
                                               std::string_view field = "need");

//! Keeps people with at least `min_free_hours` free in [from, to].
struct AvailabilityWindow {
  Date from;
  Date to;
  double min_free_hours = 0;
};

struct SkillQuery {
  std::vector<SkillNeed> needs;  //!< at least one
  MatchMode mode = MatchMode::kAllOf;
  TaxonomyExpansion expansion = TaxonomyExpansion::kNarrowerMeetsBroader;
  std::string practice;  //!< exact value, case-insensitive; empty = any
  std::string office;    //!< likewise
  std::string grade;     //!< likewise
  WantsToGrowFilter wants_to_grow = WantsToGrowFilter::kAny;
  std::optional<AvailabilityWindow> availability;
  int limit = 20;  //!< most hits returned; 0 = all
};

enum class MatchVia { kExact, kNarrower, kBroader };

//! How one need was (or was not) met.
struct NeedMatch {
  SkillRef need = kNone;  //!< the resolved skill of the need
  int min_level = kMinLevel;
  bool met = false;
  SkillRef matched = kNone;  //!< the skill that met it (best held, even when not met)
  int level = 0;             //!< the person's effective level on `matched`; 0 when none
  RatingSource source = RatingSource::kSelf;
  MatchVia via = MatchVia::kExact;
};

struct SearchHit {
  PersonRef person = kNone;
  int needs_met = 0;
  int surplus = 0;                 //!< sum of level - min_level over met needs
  double free_hours = 0;           //!< in the window; 0 without one
  bool wants_to_grow = false;      //!< wants to grow a skill that could meet a need
  std::vector<NeedMatch> matches;  //!< one per need, in query order
};

struct SearchResponse {
  std::vector<SearchHit> hits;  //!< ranked, at most `limit`
  int64_t total = 0;            //!< hits before the limit
};

//! Runs `query`. Errors: kInvalidArgument for no needs, a level outside
//! 1..5, a window with to < from, or a negative limit; kNotFound for an
//! unknown skill, practice, office or grade, with "did you mean: ..."
//! suggestions in the message (see SuggestSkills for them as values).
Result<SearchResponse> FindPeople(const SkillIndex& index, const SkillQuery& query);

//! One line per need, e.g. "Python >= 3: Python at 4 (assessed)" or
//! "Tax >= 2: via narrower VAT at 3 (self)", then "free 32h in window".
std::vector<std::string> ExplainHit(const SkillIndex& index, const SearchHit& hit,
                                    bool with_window);

}  // namespace guild::skills
