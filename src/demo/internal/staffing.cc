// Step 4b: staffing data around the openings: partners on key clients' past
// work, leaderless future engagements with a lead opening, and who
// volunteered for, is pinned to or is excluded from open openings.
//
// Draws from its own generator (derived from the seed), so the entities of
// the earlier steps stay exactly as they were before this step existed.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kStaffingSalt = 0x5ea7'5eed'0f57'aff1ULL;
constexpr double kLeaderlessShare = 0.05;  //!< of future engagements
constexpr double kLeadHours = 8;
constexpr double kPastPartnerHours = 8;
//! An overloaded partner's seat: this share of their weekly capacity.
constexpr double kOverbookedMin = 1.1;
constexpr double kOverbookedMax = 1.3;
constexpr double kVolunteerShare = 1.0 / 3;
constexpr int kMaxVolunteers = 3;
constexpr double kPinnedShare = 1.0 / 20;
constexpr double kExcludedShare = 1.0 / 30;
constexpr int kPickTries = 12;
constexpr size_t kQualifiedChecks = 400;

constexpr std::string_view kVolunteerNotes[] = {
    "Wants to grow this skill", "Has done similar work before", "Asked to work with this client",
    "", "Looking for a stretch assignment"};
constexpr std::string_view kPinnedNotes[] = {"Knows the client's team", "Led last year's work",
                                             "Client asked for them by name", ""};
constexpr std::string_view kExcludedNotes[] = {"Conflict of interest with the client",
                                               "Needs a break from this client", ""};

template <size_t N>
std::string Note(Random& rng, const std::string_view (&notes)[N]) {
  return std::string(notes[rng.Below(N)]);
}

bool Future(const Engagement& e, Date today) {
  return (e.status == EngagementStatus::kConfirmed || e.status == EngagementStatus::kTentative) &&
         e.start > today;
}

bool Live(const Engagement& e, Date today) {
  return (e.status == EngagementStatus::kConfirmed || e.status == EngagementStatus::kTentative) &&
         e.end >= today;
}

// A person holding (or wanting to grow) one skill that open openings require.
struct Holder {
  uint32_t person;
  int8_t level;
  bool wants_to_grow;
};

using PersonIndex = std::unordered_map<std::string_view, uint32_t>;  // id -> out.people index

PersonIndex IndexPeople(const Context& c) {
  PersonIndex index;
  index.reserve(c.out.people.size());
  for (size_t i = 0; i < c.out.people.size(); ++i) {
    index.emplace(c.out.people[i].id, static_cast<uint32_t>(i));
  }
  return index;
}

// Views into out.people and out.openings: build it after the last opening is added.
struct Index {
  const PersonIndex& person;
  std::unordered_map<std::string_view, uint32_t> skill;  // required skill id -> slot
  std::vector<std::vector<Holder>> holders;              // per slot, by person index

  // The holder of skill `slot` who is `person`, or nullptr.
  [[nodiscard]] const Holder* Find(uint32_t slot, uint32_t person_index) const {
    const auto& list = holders[slot];
    auto it = std::lower_bound(list.begin(), list.end(), person_index,
                               [](const Holder& h, uint32_t p) { return h.person < p; });
    return it != list.end() && it->person == person_index ? &*it : nullptr;
  }
};

// Partners on key clients' completed engagements: a past partner seat per
// engagement, filled by the leader when a partner, else by another partner.
void AddPastPartnerWork(Context& c, Random& rng, const PersonIndex& people) {
  const Date today = c.options.today;
  std::unordered_set<std::string_view> key_clients;
  for (const Client& client : c.out.clients) {
    if (client.key_client) key_clients.insert(client.id);
  }
  const size_t engagements = c.out.engagements.size();
  for (size_t ei = 0; ei < engagements; ++ei) {
    const Engagement& e = c.out.engagements[ei];
    if (e.status != EngagementStatus::kComplete || e.end >= today ||
        key_clients.count(e.client_id) == 0) {
      continue;
    }
    const int practice = c.engagement_practice[ei];
    int32_t partner = -1;
    auto leader = people.find(e.leader_id);
    if (leader != people.end() && c.grade[leader->second] == kPartner && rng.Chance(0.5)) {
      partner = static_cast<int32_t>(leader->second);
    } else {
      for (int q = 0; q < c.practice_count && partner < 0; ++q) {
        const auto& pool = c.Pool((practice + q) % c.practice_count, kPartner);
        if (!pool.empty()) partner = static_cast<int32_t>(pool[rng.Below(pool.size())]);
      }
    }
    if (partner < 0) continue;
    Opening o;
    o.id = e.id + "-partner";
    o.engagement_id = e.id;
    o.title = "Partner, " + std::string(Practices()[practice].name);
    o.hours_per_week = kPastPartnerHours;
    o.start = e.start;
    o.end = e.end;
    Assignment a;
    a.id = o.id + "-a1";
    a.person_id = c.out.people[partner].id;
    a.opening_id = o.id;
    a.hours_per_week = o.hours_per_week;
    a.start = o.start;
    a.end = o.end;
    a.status = AssignmentStatus::kConfirmed;
    c.out.openings.push_back(std::move(o));
    c.out.assignments.push_back(std::move(a));
  }
}

// About 5% of future engagements have no leader yet: their lead seat is an
// opening for the staffing engine to fill (requirements of its first opening).
void AddLeadOpenings(Context& c, Random& rng) {
  const Date today = c.options.today;
  std::unordered_map<std::string_view, size_t> first_opening;
  for (size_t i = 0; i < c.out.openings.size(); ++i) {
    first_opening.emplace(c.out.openings[i].engagement_id, i);
  }
  const size_t engagements = c.out.engagements.size();
  for (size_t ei = 0; ei < engagements; ++ei) {
    Engagement& e = c.out.engagements.mut()[ei];
    if (!Future(e, today) || !rng.Chance(kLeaderlessShare)) continue;
    auto first = first_opening.find(e.id);
    if (first == first_opening.end()) continue;
    Opening o;
    o.id = e.id + "-lead";
    o.engagement_id = e.id;
    o.title = "Engagement lead, " + std::string(Practices()[c.engagement_practice[ei]].name);
    o.required = c.out.openings[first->second].required;
    for (SkillRequirement& r : o.required) r.min_level = std::min(r.min_level + 1, kMaxLevel);
    o.hours_per_week = kLeadHours;
    o.start = e.start;
    o.end = e.end;
    o.headcount = 1;
    o.lead = true;
    e.leader_id.clear();
    c.out.openings.push_back(std::move(o));
  }
}

Index BuildIndex(const Context& c, const PersonIndex& people, const std::vector<size_t>& open) {
  Index index{people, {}, {}};
  for (size_t oi : open) {
    for (const SkillRequirement& r : c.out.openings[oi].required) {
      index.skill.emplace(r.skill_id, static_cast<uint32_t>(index.skill.size()));
    }
  }
  index.holders.resize(index.skill.size());
  // Person skills come grouped by person in people order: follow them with
  // a cursor, and fall back to the map for any out of order.
  const auto& persons = c.out.people;
  uint32_t cursor = 0;
  for (const PersonSkill& ps : c.out.person_skills) {
    auto slot = index.skill.find(ps.skill_id);
    if (slot == index.skill.end()) continue;
    while (cursor < persons.size() && persons[cursor].id != ps.person_id) ++cursor;
    uint32_t person = cursor;
    if (cursor == persons.size()) {
      cursor = 0;
      auto it = index.person.find(ps.person_id);
      if (it == index.person.end()) continue;
      person = it->second;
    }
    index.holders[slot->second].push_back(
        {person, static_cast<int8_t>(ps.level), ps.wants_to_grow});
  }
  for (auto& list : index.holders) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Holder& a, const Holder& b) { return a.person < b.person; });
  }
  return index;
}

bool MeetsAll(const Index& index, const Opening& o, uint32_t person) {
  for (const SkillRequirement& r : o.required) {
    const Holder* h = index.Find(index.skill.at(r.skill_id), person);
    if (h == nullptr || h->level < r.min_level) return false;
  }
  return true;
}

struct OpeningPicker {
  Context& c;
  Random& rng;
  const Index& index;
  const Opening& o;
  std::vector<uint32_t> used;  // assigned or already given a preference

  bool Free(uint32_t p) const { return std::find(used.begin(), used.end(), p) == used.end(); }

  // Someone holding a required skill (for the first tries one who wants to
  // grow it or meets its level); -1 when none is found.
  int64_t PickHolder() {
    if (o.required.empty()) return -1;
    for (int t = 0; t < kPickTries; ++t) {
      const SkillRequirement& r = o.required[rng.Below(o.required.size())];
      const auto& list = index.holders[index.skill.at(r.skill_id)];
      if (list.empty()) continue;
      const Holder& h = list[rng.Below(list.size())];
      if (!Free(h.person)) continue;
      if (!h.wants_to_grow && h.level < r.min_level && t < kPickTries / 2) continue;
      return h.person;
    }
    return -1;
  }

  // Someone meeting every requirement: a walk from a random point through
  // the holders of the rarest required skill; -1 when none is found.
  int64_t PickQualified() {
    if (o.required.empty()) return -1;
    const std::vector<Holder>* rarest = nullptr;
    for (const SkillRequirement& r : o.required) {
      const auto& list = index.holders[index.skill.at(r.skill_id)];
      if (rarest == nullptr || list.size() < rarest->size()) rarest = &list;
    }
    if (rarest->empty()) return -1;
    const size_t start = rng.Below(rarest->size());
    const size_t steps = std::min<size_t>(rarest->size(), kQualifiedChecks);
    for (size_t k = 0; k < steps; ++k) {
      const uint32_t p = (*rarest)[(start + k) % rarest->size()].person;
      if (Free(p) && MeetsAll(index, o, p)) return p;
    }
    return -1;
  }

  void Add(uint32_t person, PreferenceKind kind, std::string note) {
    used.push_back(person);
    c.out.opening_preferences.push_back({o.id, c.out.people[person].id, kind, std::move(note)});
  }
};

void AddPreferences(Context& c, Random& rng, const PersonIndex& people) {
  const Date today = c.options.today;
  std::unordered_map<std::string_view, const Engagement*> engagements;
  for (const Engagement& e : c.out.engagements) engagements.emplace(e.id, &e);
  std::unordered_map<std::string_view, std::vector<std::string_view>>
      assigned;  // opening -> people
  for (const Assignment& a : c.out.assignments) assigned[a.opening_id].push_back(a.person_id);
  std::vector<size_t> open;  // live openings with a free seat
  for (size_t i = 0; i < c.out.openings.size(); ++i) {
    const Opening& o = c.out.openings[i];
    auto e = engagements.find(o.engagement_id);
    auto seated = assigned.find(o.id);
    const size_t filled = seated == assigned.end() ? 0 : seated->second.size();
    if (e != engagements.end() && Live(*e->second, today) &&
        filled < static_cast<size_t>(o.headcount)) {
      open.push_back(i);
    }
  }
  const Index index = BuildIndex(c, people, open);
  for (size_t oi : open) {
    const Opening& o = c.out.openings[oi];
    OpeningPicker pick{c, rng, index, o, {}};
    auto seated = assigned.find(o.id);
    if (seated != assigned.end()) {
      for (std::string_view id : seated->second) pick.used.push_back(index.person.at(id));
    }
    if (rng.Chance(kPinnedShare)) {
      const int64_t p = pick.PickQualified();
      if (p >= 0) {
        pick.Add(static_cast<uint32_t>(p), PreferenceKind::kPinned, Note(rng, kPinnedNotes));
      }
    }
    if (rng.Chance(kExcludedShare)) {
      const int64_t p = pick.PickHolder();
      if (p >= 0) {
        pick.Add(static_cast<uint32_t>(p), PreferenceKind::kExcluded, Note(rng, kExcludedNotes));
      }
    }
    if (rng.Chance(kVolunteerShare)) {
      const int volunteers = rng.Range(1, kMaxVolunteers);
      for (int v = 0; v < volunteers; ++v) {
        const int64_t p = pick.PickHolder();
        if (p >= 0) {
          pick.Add(static_cast<uint32_t>(p), PreferenceKind::kVolunteer,
                   Note(rng, kVolunteerNotes));
        }
      }
    }
  }
}

}  // namespace

// Overloaded partners are booked beyond their week, so that the staffing
// board's capacity says what their time entries do: a confirmed seat of
// kOverbookedMin..kOverbookedMax of their capacity on a confirmed engagement
// of their practice running this week (one they lead when they lead any),
// from the start of the time-entry window, or the engagement's, to its end.
// Their billable and leadership time is logged there (time.cc). A partner
// for whom no such engagement exists is not overloaded after all.
void AddOverloadedPartnerSeats(Context& c, Random& rng, const PersonIndex& people) {
  const Date monday = WeekStart(c.options.today);
  const Date sunday = AddDays(monday, 6);
  const Date window = AddDays(monday, -7 * c.options.time_entry_weeks);
  std::vector<std::vector<uint32_t>> running(c.practice_count);  // by practice
  std::unordered_map<uint32_t, uint32_t> led;                    // person -> engagement
  for (int p = 0; p < c.practice_count; ++p) {
    for (uint32_t ei : c.live_engagements[p]) {
      const Engagement& e = c.out.engagements[ei];
      if (e.status != EngagementStatus::kConfirmed || e.start > monday || e.end < sunday) continue;
      running[p].push_back(ei);
      auto leader = people.find(e.leader_id);
      if (leader != people.end()) led.try_emplace(leader->second, ei);
    }
  }
  for (uint32_t i = 0; i < c.out.people.size(); ++i) {
    if (c.profile[i] != Profile::kOverloadedPartner) continue;
    const auto& options = running[c.practice[i]];
    auto own = led.find(i);
    if (own == led.end() && options.empty()) {
      c.profile[i] = Profile::kNormal;
      continue;
    }
    const uint32_t ei = own != led.end() ? own->second : options[rng.Below(options.size())];
    const Engagement& e = c.out.engagements[ei];
    const Person& person = c.out.people[i];
    Opening o;
    o.id = e.id + "-" + person.id + "-partner";
    o.engagement_id = e.id;
    o.title = "Engagement partner, " + std::string(Practices()[c.practice[i]].name);
    o.hours_per_week =
        std::round(person.weekly_capacity_hours * rng.Real(kOverbookedMin, kOverbookedMax));
    o.start = std::max(e.start, window);
    o.end = e.end;
    Assignment a;
    a.id = o.id + "-a1";
    a.person_id = person.id;
    a.opening_id = o.id;
    a.hours_per_week = o.hours_per_week;
    a.start = o.start;
    a.end = o.end;
    a.status = AssignmentStatus::kConfirmed;
    c.seat_hours[i] = static_cast<float>(o.hours_per_week);
    c.primary_engagement[i] = static_cast<int32_t>(ei);
    c.out.openings.push_back(std::move(o));
    c.out.assignments.push_back(std::move(a));
  }
}

void GenerateStaffing(Context& c) {
  Random rng(c.options.seed ^ kStaffingSalt);
  const PersonIndex people = IndexPeople(c);
  // Openings and assignments are only added before AddPreferences, which
  // keeps views into them.
  AddLeadOpenings(c, rng);
  AddPastPartnerWork(c, rng, people);
  AddOverloadedPartnerSeats(c, rng, people);
  AddPreferences(c, rng, people);
}

}  // namespace guild::demo::internal
