// The advisory circle: someone senior, a peer, someone junior.
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "engine/skills/internal/text.h"
#include "engine/skills/mentoring.h"

namespace guild::skills {

namespace {

constexpr int kMonthsPerQuarter = 3;
constexpr int kMonthsPerYear = 12;
constexpr int kNotOnLadder = -1;

// Ladder position of each grade code, computed once per code.
class Ladder {
 public:
  Ladder(const SkillIndex& index, std::span<const std::string_view> ladder)
      : index_(index), ladder_(ladder) {}
  int Rung(PersonRef p) {
    const int32_t code = index_.attribute(Attribute::kGrade, p);
    auto [it, inserted] = cache_.try_emplace(code, kNotOnLadder);
    if (!inserted) return it->second;
    const std::string grade = internal::Lower(index_.attribute_name(Attribute::kGrade, code));
    for (size_t i = 0; i < ladder_.size(); ++i) {
      if (internal::Lower(ladder_[i]) == grade) it->second = static_cast<int>(i);
    }
    return it->second;
  }

 private:
  const SkillIndex& index_;
  std::span<const std::string_view> ladder_;
  std::unordered_map<int32_t, int> cache_;
};

// One candidate's standing for a circle seat; smaller ranks first.
struct Standing {
  int steps = 0;        // grades away in the wanted direction
  int skill_match = 0;  // 1 when a skill links us
  int same_practice = 0;
  PersonRef person = kNone;
  SkillRef skill = kNone;
  auto Rank() const { return std::make_tuple(steps, -skill_match, -same_practice, person); }
};

struct Seat {
  std::optional<Standing> best;
  void Offer(const Standing& s) {
    if (!best || s.Rank() < best->Rank()) best = s;
  }
};

// The skill that links `me` and `other` for a seat: for a senior, one of my
// growth skills they hold at the mentor level; for a junior, one of theirs I
// hold at it; for a peer, a growth skill we share.
SkillRef Link(const SkillIndex& index, PersonRef me, PersonRef other, int direction,
              int mentor_level) {
  PersonRef grower = direction >= 0 ? me : other;
  PersonRef teacher = direction >= 0 ? other : me;
  if (direction != 0) {
    for (const HeldSkill& g : index.skills_of(grower)) {
      if (!g.wants_to_grow) continue;
      auto t = index.Held(teacher, g.skill);
      if (t && t->level >= mentor_level) return g.skill;
    }
    return kNone;
  }
  for (const HeldSkill& g : index.skills_of(me)) {
    auto o = index.Held(other, g.skill);
    if (g.wants_to_grow && o && o->wants_to_grow) return g.skill;
  }
  return kNone;
}

std::string Reason(const SkillIndex& index, const Standing& s, std::string_view seat) {
  std::string reason =
      std::string(seat) + ", " +
      index.attribute_name(Attribute::kGrade, index.attribute(Attribute::kGrade, s.person));
  if (s.skill != kNone) reason += "; linked by " + index.skill_name(s.skill);
  if (s.same_practice) reason += "; same practice";
  return reason;
}

}  // namespace

Date NextQuarterStart(Date today) {
  const std::string text = FormatDate(today);  // YYYY-MM-DD
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int next = (month - 1) / kMonthsPerQuarter * kMonthsPerQuarter + kMonthsPerQuarter + 1;
  if (next > kMonthsPerYear) {
    next = 1;
    ++year;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-01", year, next);
  return *ParseDate(buffer);
}

Result<AdvisoryCircle> BuildAdvisoryCircle(const SkillIndex& index, std::string_view person_id,
                                           std::span<const std::string_view> ladder,
                                           const MentoringOptions& options) {
  auto found = index.FindPerson(person_id);
  if (!found) return NotFound("unknown person '" + std::string(person_id) + "'");
  const PersonRef me = *found;
  Ladder rungs(index, ladder);
  const int my_rung = rungs.Rung(me);
  if (my_rung == kNotOnLadder) {
    return FailedPrecondition(
        "person '" + std::string(person_id) + "': grade '" +
        index.attribute_name(Attribute::kGrade, index.attribute(Attribute::kGrade, me)) +
        "' is not on the grade ladder");
  }
  const int practice = index.attribute(Attribute::kPractice, me);
  Seat senior, peer, junior;
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    const int rung = rungs.Rung(p);
    if (p == me || rung == kNotOnLadder) continue;
    const int direction = my_rung - rung;  // > 0: p is more senior
    const SkillRef link = Link(index, me, p, direction, options.mentor_min_level);
    Standing s{std::abs(direction), link != kNone ? 1 : 0,
               index.attribute(Attribute::kPractice, p) == practice ? 1 : 0, p, link};
    (direction > 0 ? senior : direction < 0 ? junior : peer).Offer(s);
  }
  AdvisoryCircle circle;
  if (senior.best) {
    circle.senior = CircleMember{senior.best->person, Reason(index, *senior.best, "senior")};
  }
  if (peer.best) circle.peer = CircleMember{peer.best->person, Reason(index, *peer.best, "peer")};
  if (junior.best) {
    circle.junior = CircleMember{junior.best->person, Reason(index, *junior.best, "junior")};
  }
  circle.next_review = NextQuarterStart(options.today);
  return circle;
}

}  // namespace guild::skills
