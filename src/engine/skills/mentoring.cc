// Follow (role models, mentors), lead (mentees), walk with (peers).
#include "engine/skills/mentoring.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/skills/internal/mentor_common.h"

namespace guild::skills {

namespace {

Result<PersonRef> Person(const SkillIndex& index, std::string_view id) {
  auto p = index.FindPerson(id);
  if (!p) return NotFound("unknown person '" + std::string(id) + "'");
  return *p;
}

template <typename T>
void Limit(std::vector<T>& v, int limit) {
  if (limit > 0 && v.size() > static_cast<size_t>(limit)) v.resize(limit);
}

// The journey of one person on one skill, or nullopt when they never went
// from <= from_level to >= to_level. `entries` are sorted by date.
std::optional<RoleModel> Journey(const std::vector<const SkillHistoryEntry*>& entries,
                                 int from_level, int to_level) {
  std::optional<RoleModel> best;
  const SkillHistoryEntry* start = nullptr;
  for (const SkillHistoryEntry* e : entries) {
    if (e->level <= from_level) start = e;
    if (e->level < to_level || start == nullptr || !(start->date < e->date)) continue;
    RoleModel m{kNone, kNone, start->level, start->date, e->level, e->date};
    if (!best || m.to_date.days - m.from_date.days < best->to_date.days - best->from_date.days) {
      best = m;
    }
    start = nullptr;
  }
  return best;
}

}  // namespace

Result<std::vector<RoleModel>> FindRoleModels(const SkillIndex& index,
                                              std::span<const SkillHistoryEntry> history,
                                              std::string_view person_id,
                                              const MentoringOptions& options) {
  ASSIGN_OR_RETURN(PersonRef me, Person(index, person_id));
  std::map<SkillRef, int> growth;  // skill -> my level
  for (const HeldSkill& h : index.skills_of(me)) {
    if (h.wants_to_grow) growth[h.skill] = h.level;  // NOLINT(bugprone-signed-char-misuse): 0..5
  }
  std::map<std::pair<PersonRef, SkillRef>, std::vector<const SkillHistoryEntry*>> journeys;
  for (const SkillHistoryEntry& e : history) {
    auto skill = index.FindSkill(e.skill_id);
    auto person = index.FindPerson(e.person_id);
    if (!skill || !person || *person == me || !growth.contains(*skill)) continue;
    journeys[{*person, *skill}].push_back(&e);
  }
  std::vector<RoleModel> out;
  for (auto& [key, entries] : journeys) {
    std::sort(entries.begin(), entries.end(),
              [](const auto* a, const auto* b) { return a->date < b->date; });
    const int mine = growth[key.second];
    const int target = options.target_level > 0 ? options.target_level
                                                : std::max(mine + 1, options.mentor_min_level);
    if (auto m = Journey(entries, std::max(mine, kMinLevel), target)) {
      m->person = key.first;
      m->skill = key.second;
      out.push_back(*m);
    }
  }
  std::sort(out.begin(), out.end(), [](const RoleModel& a, const RoleModel& b) {
    return std::make_tuple(a.to_date.days - a.from_date.days, -a.to_date.days, a.person, a.skill) <
           std::make_tuple(b.to_date.days - b.from_date.days, -b.to_date.days, b.person, b.skill);
  });
  Limit(out, options.limit);
  return out;
}

namespace {

// Eligible mentors of `me` (at `my_level`) on `skill`, appended to `out`.
void MentorsOn(const SkillIndex& index, PersonRef me, SkillRef skill, int my_level,
               const MentoringOptions& options, std::vector<MentorPair>& out) {
  const int min_level = std::max(options.mentor_min_level, my_level + 1);
  for (const Posting& p : index.holders(skill, min_level)) {
    if (p.person == me) continue;
    const auto availability = internal::Availability(index, p.person, options);
    if (!availability.eligible) continue;
    out.push_back(internal::MakePair(index, me, my_level, p.person, p.level, skill,
                                     availability.free_per_week));
  }
}

}  // namespace

Result<std::vector<MentorPair>> FindMentors(const SkillIndex& index, std::string_view person_id,
                                            const MentoringOptions& options) {
  ASSIGN_OR_RETURN(PersonRef me, Person(index, person_id));
  std::vector<MentorPair> out;
  for (const HeldSkill& h : index.skills_of(me)) {
    if (h.wants_to_grow) MentorsOn(index, me, h.skill, h.level, options, out);
  }
  std::sort(out.begin(), out.end(), internal::BetterPair);
  Limit(out, options.limit);
  return out;
}

Result<std::vector<MentorPair>> FindMentorsFor(const SkillIndex& index, std::string_view person_id,
                                               SkillRef skill, const MentoringOptions& options) {
  ASSIGN_OR_RETURN(PersonRef me, Person(index, person_id));
  const auto held = index.Held(me, skill);
  std::vector<MentorPair> out;
  MentorsOn(index, me, skill, held ? held->level : 0, options, out);
  std::sort(out.begin(), out.end(), internal::BetterPair);
  Limit(out, options.limit);
  return out;
}

Result<std::vector<MentorPair>> FindMentees(const SkillIndex& index, std::string_view person_id,
                                            const MentoringOptions& options) {
  ASSIGN_OR_RETURN(PersonRef me, Person(index, person_id));
  const auto availability = internal::Availability(index, me, options);
  std::vector<MentorPair> out;
  for (const HeldSkill& h : index.skills_of(me)) {
    if (h.level < options.mentor_min_level) continue;
    for (const Posting& p : index.holders(h.skill)) {
      if (p.person == me || !p.wants_to_grow || p.level >= h.level) continue;
      out.push_back(internal::MakePair(index, p.person, p.level, me, h.level, h.skill,
                                       availability.free_per_week));
    }
  }
  std::sort(out.begin(), out.end(), internal::BetterPair);
  // One entry per mentee: their best pair (a list of people to lead, not of skills).
  std::set<PersonRef> listed;
  std::erase_if(out, [&](const MentorPair& pair) { return !listed.insert(pair.mentee).second; });
  Limit(out, options.limit);
  return out;
}

Result<std::vector<Peer>> FindPeers(const SkillIndex& index, std::string_view person_id,
                                    const MentoringOptions& options) {
  ASSIGN_OR_RETURN(PersonRef me, Person(index, person_id));
  std::map<PersonRef, Peer> peers;
  for (const HeldSkill& h : index.skills_of(me)) {
    if (!h.wants_to_grow) continue;
    for (const Posting& p : index.holders(h.skill)) {
      const int distance = std::abs(p.level - h.level);
      if (p.person == me || !p.wants_to_grow || distance > options.peer_level_distance) continue;
      Peer& peer = peers[p.person];
      peer.person = p.person;
      peer.shared.push_back(h.skill);
      peer.level_distance += distance;
    }
  }
  std::vector<Peer> out;
  out.reserve(peers.size());
  for (auto& [ref, peer] : peers) out.push_back(std::move(peer));
  std::sort(out.begin(), out.end(), [](const Peer& a, const Peer& b) {
    return std::make_tuple(-static_cast<int>(a.shared.size()), a.level_distance, a.person) <
           std::make_tuple(-static_cast<int>(b.shared.size()), b.level_distance, b.person);
  });
  Limit(out, options.limit);
  return out;
}

std::string ExplainPair(const SkillIndex& index, const MentorPair& pair) {
  const std::string& skill = index.skill_name(pair.skill);
  std::string text = index.person_name(pair.mentee) + " (" + skill + " " +
                     std::to_string(pair.mentee_level) + ") with " +
                     index.person_name(pair.mentor) + " (" + skill + " " +
                     std::to_string(pair.mentor_level) + "): +" +
                     std::to_string(pair.mentor_level - pair.mentee_level) + " levels to learn";
  if (pair.same_office) text += ", same office";
  if (pair.same_practice) text += ", same practice";
  text += ", " + std::to_string(static_cast<int>(pair.mentor_free_hours_per_week)) +
          "h/week free; benefit " + std::to_string(pair.benefit);
  return text;
}

}  // namespace guild::skills
