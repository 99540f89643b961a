// SkillIndex: a compact, read-only view of a firm's people and skills, built
// once from a FirmData snapshot and queried many times (search, gaps, market,
// mentoring).
//
// What it holds:
//  - People and skills interned to dense ints (PersonRef, SkillRef). People
//    are ordered by id, so PersonRef order is id order; skills likewise.
//  - The effective rating of each (person, skill): the rating of highest
//    precedence (assessed > manager > peer > self); among ratings of equal
//    precedence, the most recently rated wins, then the higher level.
//    `wants_to_grow` is true when ANY rating of that person and skill says so
//    (it is the person's wish, whoever rated the level).
//  - Per skill, the holders sorted by effective level descending, then
//    practice, then PersonRef, with O(1) access to the holders at or above a
//    level and O(log n) access to those of one level and practice.
//  - The taxonomy tree (Skill::broader_id) as parent and child links.
//  - Per person, the weekly load: the sum of hours_per_week of every
//    assignment (tentative and confirmed) over each ISO week it touches. A week
//    the assignment only partly covers counts in full.
//
// Free hours in a window [from, to] (inclusive) are the sum, over each ISO
// week touching the window, of max(0, weekly_capacity_hours - load). Partial
// weeks count in full. Cost: O(log n + weeks) per person.
//
// Thread safety: after Build, every const method may be called from several
// threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"

namespace guild::skills {

using PersonRef = int32_t;  //!< dense index of a person, 0..person_count()-1
using SkillRef = int32_t;   //!< dense index of a skill, 0..skill_count()-1
inline constexpr int32_t kNone = -1;

//! One effective rating, as seen from the person.
struct HeldSkill {
  SkillRef skill = kNone;
  int8_t level = 0;
  RatingSource source = RatingSource::kSelf;
  bool wants_to_grow = false;
};

//! One effective rating, as seen from the skill.
struct Posting {
  PersonRef person = kNone;
  int32_t practice = 0;  //!< the person's practice code (Attribute::kPractice)
  int8_t level = 0;
  bool wants_to_grow = false;
};

//! The free-text person attributes that queries filter on.
enum class Attribute { kPractice = 0, kOffice = 1, kGrade = 2 };
inline constexpr int kAttributeCount = 3;

//! A "did you mean" candidate for an unknown name.
struct Suggestion {
  SkillRef skill = kNone;  //!< for skill suggestions; kNone for attribute values
  std::string text;        //!< the name or synonym that is close
  int distance = 0;        //!< edit distance (0 when `text` contains the input)
};

enum class CompletionKind { kSkill, kPerson };

//! One type-ahead result.
struct Completion {
  CompletionKind kind = CompletionKind::kSkill;
  int32_t ref = kNone;       //!< SkillRef or PersonRef
  std::string label;         //!< the skill's or person's display name
  std::string matched;       //!< the name or synonym whose start or word matched
  bool word_prefix = false;  //!< matched at a later word, not at the start
};

struct CompleteOptions {
  int limit = 10;      //!< at most this many results
  bool skills = true;  //!< include skill names and synonyms
  bool people = true;  //!< include people's names
};

class SkillIndex {
 public:
  //! Builds the index. Fails with kInvalidArgument, naming the entity list,
  //! position and field, when: a person or skill id is duplicated; a person
  //! skill or assignment names an unknown person or skill; a level is outside
  //! kMinLevel..kMaxLevel; a broader_id is unknown or the tree has a cycle.
  //! Assignments whose opening is unknown are still counted as load.
  static Result<SkillIndex> Build(const FirmData& firm);

  // People.
  [[nodiscard]] int32_t person_count() const { return static_cast<int32_t>(people_.size()); }
  [[nodiscard]] std::optional<PersonRef> FindPerson(std::string_view id) const;
  [[nodiscard]] const std::string& person_id(PersonRef p) const { return people_[p].id; }
  [[nodiscard]] const std::string& person_name(PersonRef p) const { return people_[p].name; }
  [[nodiscard]] double capacity(PersonRef p) const { return people_[p].capacity; }
  //! The person's effective ratings, sorted by skill.
  [[nodiscard]] std::span<const HeldSkill> skills_of(PersonRef p) const;
  //! The effective rating of `skill`, or nullopt when the person has none.
  [[nodiscard]] std::optional<HeldSkill> Held(PersonRef p, SkillRef skill) const;

  // Person attributes (practice, office, grade), interned case-insensitively.
  [[nodiscard]] int32_t attribute(Attribute a, PersonRef p) const;
  [[nodiscard]] const std::string& attribute_name(Attribute a, int32_t code) const;
  [[nodiscard]] std::optional<int32_t> FindAttribute(Attribute a, std::string_view value) const;
  //! People with attribute value `code`, ascending.
  [[nodiscard]] std::span<const PersonRef> people_with(Attribute a, int32_t code) const;
  //! Values close to `value` (edit distance), best first.
  [[nodiscard]] std::vector<Suggestion> SuggestAttribute(Attribute a, std::string_view value,
                                                         int limit) const;

  // Skills.
  [[nodiscard]] int32_t skill_count() const { return static_cast<int32_t>(skills_.size()); }
  //! Resolves an id, a name or a synonym (case-insensitive); nullopt when none.
  [[nodiscard]] std::optional<SkillRef> FindSkill(std::string_view id_name_or_synonym) const;
  [[nodiscard]] const std::string& skill_id(SkillRef s) const { return skills_[s].id; }
  [[nodiscard]] const std::string& skill_name(SkillRef s) const { return skills_[s].name; }
  //! The parent skill in the taxonomy tree, or kNone for a root.
  [[nodiscard]] SkillRef broader(SkillRef s) const { return skills_[s].broader; }
  //! `s` and every skill below it in the tree (narrower, transitively).
  [[nodiscard]] std::vector<SkillRef> SelfAndNarrower(SkillRef s) const;
  //! `s` and every skill above it in the tree, nearest first.
  [[nodiscard]] std::vector<SkillRef> SelfAndBroader(SkillRef s) const;
  //! Holders of `s` at `min_level` or above: level descending, then practice
  //! code, then PersonRef.
  [[nodiscard]] std::span<const Posting> holders(SkillRef s, int min_level = kMinLevel) const;
  //! Holders of `s` at exactly `level` in practice `practice`, by PersonRef.
  [[nodiscard]] std::span<const Posting> holders_in_practice(SkillRef s, int level,
                                                             int32_t practice) const;
  //! Skills whose name or a synonym is close to `text`, best first. Never
  //! empty for a non-empty index and non-empty text unless nothing is within
  //! an edit distance of max(2, length/3).
  [[nodiscard]] std::vector<Suggestion> SuggestSkills(std::string_view text, int limit) const;

  // Load and availability.
  //! Assigned hours in the ISO week starting `week_start` (a Monday).
  [[nodiscard]] double WeekLoad(PersonRef p, Date week_start) const;
  //! Free hours in [from, to] as defined above; 0 when to < from.
  [[nodiscard]] double FreeHours(PersonRef p, Date from, Date to) const;

  //! Type-ahead: skills (names, synonyms) and people (names) whose text, or a
  //! word in it, starts with `prefix` (case-insensitive). Ranked: whole-text
  //! prefix before word prefix, then shorter text, then (skills) more holders,
  //! then label. Considers at most the first 4096 matches in text order.
  [[nodiscard]] std::vector<Completion> Complete(std::string_view prefix,
                                                 const CompleteOptions& options) const;

 private:
  struct PersonRow {
    std::string id;
    std::string name;
    double capacity = 0;
    std::array<int32_t, kAttributeCount> attributes{};
  };
  struct SkillRow {
    std::string id;
    std::string name;
    SkillRef broader = kNone;
  };
  struct WeekLoadEntry {
    int32_t week = 0;  // Date::days of the Monday
    float hours = 0;
  };
  struct NameKey {
    int32_t text_id = 0;  // index into name_texts_ / name_lower_
    int32_t ref = kNone;  // SkillRef or PersonRef
    uint16_t start = 0;   // offset of the word the key starts at
    CompletionKind kind = CompletionKind::kSkill;
  };
  struct LookupKey {
    std::string key;   // lower-case id, name or synonym
    int32_t priority;  // 0 id, 1 name, 2 synonym
    SkillRef skill;
    auto operator<=>(const LookupKey&) const = default;  // NOLINT(modernize-use-nullptr)
  };
  struct AttributeTable {
    std::vector<std::string> names;               // display form, first seen
    std::vector<std::string> lower;               // lower-case, for lookups
    std::vector<std::vector<PersonRef>> members;  // people per value
  };
  struct Builder;
  friend struct Builder;
  void BuildNames(const FirmData& firm);
  [[nodiscard]] std::string_view KeyText(const NameKey& key) const;

  std::vector<PersonRow> people_;
  std::vector<SkillRow> skills_;
  std::vector<std::vector<SkillRef>> children_;
  std::vector<int64_t> held_offsets_;  // CSR into held_
  std::vector<HeldSkill> held_;
  std::vector<int64_t> posting_offsets_;  // CSR into postings_
  std::vector<Posting> postings_;
  std::vector<std::array<int32_t, kMaxLevel + 2>> level_starts_;  // per skill
  std::vector<int64_t> load_offsets_;                             // CSR into loads_
  std::vector<WeekLoadEntry> loads_;
  std::array<AttributeTable, kAttributeCount> attributes_;
  std::vector<LookupKey> skill_lookup_;  // sorted
  std::vector<std::string> name_texts_;  // skill names, synonyms, people names as written
  std::vector<std::string> name_lower_;  // the same, lower-case
  std::vector<NameKey> name_keys_;       // sorted by the lower-case text from `start`
};

}  // namespace guild::skills
