#include "service/snapshot/firm_snapshot.h"

#include <algorithm>
#include <atomic>
#include <tuple>
#include <utility>

namespace guild {
namespace {

using Pairs = std::vector<std::pair<uint32_t, uint32_t>>;

}  // namespace

Adjacency BuildAdjacency(Pairs pairs, size_t key_count) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Adjacency adjacency;
  adjacency.offsets.assign(key_count + 1, 0);
  adjacency.values.reserve(pairs.size());
  for (const auto& [key, value] : pairs) {
    ++adjacency.offsets[key + 1];
    adjacency.values.push_back(value);
  }
  for (size_t k = 0; k < key_count; ++k) adjacency.offsets[k + 1] += adjacency.offsets[k];
  return adjacency;
}

Adjacency GroupPositions(const std::vector<uint32_t>& keys, size_t key_count) {
  Adjacency adjacency;
  adjacency.offsets.assign(key_count + 1, 0);
  for (uint32_t key : keys) {
    if (key < key_count) ++adjacency.offsets[key + 1];
  }
  for (size_t k = 0; k < key_count; ++k) adjacency.offsets[k + 1] += adjacency.offsets[k];
  adjacency.values.resize(adjacency.offsets[key_count]);
  std::vector<uint32_t> next(adjacency.offsets.begin(), adjacency.offsets.end() - 1);
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] < key_count) adjacency.values[next[keys[i]]++] = i;
  }
  return adjacency;
}

namespace {

constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

// Appends to `out` the effective ratings among `row` (one person's rating
// positions): per skill, the one of highest precedence, the first position
// of equal ones; ascending. `skill_of(position)` is the rating's skill.
template <typename SkillOf>
void AppendEffective(const std::vector<PersonSkill>& ratings, std::vector<uint32_t>& row,
                     const SkillOf& skill_of, std::vector<uint32_t>& out) {
  std::sort(row.begin(), row.end(), [&](uint32_t a, uint32_t b) {
    const uint32_t sa = skill_of(a);
    const uint32_t sb = skill_of(b);
    const int pa = Precedence(ratings[a].source);
    const int pb = Precedence(ratings[b].source);
    return std::tie(sa, pb, a) < std::tie(sb, pa, b);
  });
  const size_t first = out.size();
  for (size_t j = 0; j < row.size(); ++j) {
    if (j == 0 || skill_of(row[j]) != skill_of(row[j - 1])) out.push_back(row[j]);
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

// The index's own fields of a rating: its person, skill and source.
bool SameKey(const PersonSkill& a, const PersonSkill& b) {
  return a.source == b.source && a.person_id == b.person_id && a.skill_id == b.skill_id;
}

// A ratings change larger than this many rows rebuilds the group whole.
constexpr size_t kMaxPatchedRows = 4096;

template <typename T>
std::unordered_map<std::string_view, uint32_t> IdIndex(const std::vector<T>& items) {
  std::unordered_map<std::string_view, uint32_t> index;
  index.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

template <typename T>
std::vector<uint32_t> ByName(const std::vector<T>& items) {
  std::vector<uint32_t> order(items.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(items[a].name, items[a].id) < std::tie(items[b].name, items[b].id);
  });
  return order;
}

std::optional<uint32_t> Lookup(const std::unordered_map<std::string_view, uint32_t>& index,
                               std::string_view id) {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::shared_ptr<const FirmSnapshot> FirmSnapshot::Build(FirmData data, int64_t version,
                                                        const FirmSnapshot* previous,
                                                        const KindSet& changed) {
  return std::shared_ptr<const FirmSnapshot>(
      new FirmSnapshot(std::move(data), version, previous, changed));
}

FirmSnapshot::FirmSnapshot(FirmData data, int64_t version, const FirmSnapshot* previous,
                           const KindSet& changed)
    : data_(std::move(data)), version_(version) {
  // An index group is shared when every kind it is built from still shares
  // its storage with the previous snapshot's (FirmData's copy on write).
  const auto unchanged = [&](auto kind) {
    return previous != nullptr && (data_.*kind).SharesWith(previous->data_.*kind);
  };
  static std::atomic<uint64_t> next_generation{1};
  for (EntityKind kind : kAllEntityKinds) {
    const auto k = static_cast<size_t>(kind);
    // A store-only kind's storage (empty) is always shared: only `changed`
    // tells that its rows moved.
    generations_[k] =
        previous != nullptr && !changed[k] && data_.SharesStorage(previous->data_, kind)
            ? previous->generations_[k]
            : next_generation.fetch_add(1);
  }
  const bool people = unchanged(&FirmData::people);
  const bool teams = unchanged(&FirmData::teams);
  const bool skills = unchanged(&FirmData::skills);
  people_ = people ? previous->people_ : IndexPeople();
  teams_ = teams ? previous->teams_ : IndexNamed(data_.teams.get());
  skills_ = skills ? previous->skills_ : IndexNamed(data_.skills.get());
  membership_ =
      people && teams && unchanged(&FirmData::engagements) ? previous->membership_ : IndexTeams();
  // The ratings group from `previous`'s when people and skills are unchanged:
  // the person skills differ in one window of positions (the rows before and
  // after it have the same keys in the same places); rows after it move by the
  // window's change in size, and only the people with a row in the window are
  // indexed again. Falls back to IndexSkills for a large window.
  const auto update_ratings = [&](const FirmSnapshot& prior) -> std::shared_ptr<const Ratings> {
    const std::vector<PersonSkill>& old_rows = prior.data_.person_skills;
    const std::vector<PersonSkill>& new_rows = data_.person_skills;
    const size_t common = std::min(old_rows.size(), new_rows.size());
    size_t lo = 0;
    while (lo < common && SameKey(old_rows[lo], new_rows[lo])) ++lo;
    size_t suffix = 0;
    while (suffix < common - lo && SameKey(old_rows[old_rows.size() - 1 - suffix],
                                           new_rows[new_rows.size() - 1 - suffix])) {
      ++suffix;
    }
    const size_t old_end = old_rows.size() - suffix;
    const size_t new_end = new_rows.size() - suffix;
    if (lo == old_end && lo == new_end) return prior.ratings_;  // same keys everywhere
    if ((old_end - lo) + (new_end - lo) > kMaxPatchedRows) return IndexSkills();
    // People with a row in the window, before or after the change.
    std::vector<uint32_t> touched;
    for (size_t i = lo; i < old_end; ++i) {
      if (auto p = PersonIndex(old_rows[i].person_id)) touched.push_back(*p);
    }
    for (size_t i = lo; i < new_end; ++i) {
      if (auto p = PersonIndex(new_rows[i].person_id)) touched.push_back(*p);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    const auto moved = [&](uint32_t r) {  // an old position outside the window
      return r < lo ? r : static_cast<uint32_t>(r - old_end + new_end);
    };
    const auto skill_at = [&](uint32_t r) {
      auto skill = SkillIndex(new_rows[r].skill_id);
      return skill ? *skill : kAbsent;
    };
    const Ratings& before = *prior.ratings_;
    auto index = std::make_shared<Ratings>();
    const size_t count = data_.people.size();
    index->ratings_of.offsets.assign(count + 1, 0);
    index->skills_of.offsets.assign(count + 1, 0);
    index->ratings_of.values.reserve(before.ratings_of.values.size() + (new_end - lo));
    index->skills_of.values.reserve(before.skills_of.values.size() + (new_end - lo));
    std::vector<uint32_t> row;
    for (uint32_t p = 0; p < count; ++p) {
      if (!std::binary_search(touched.begin(), touched.end(), p)) {
        for (uint32_t r : before.ratings_of.Row(p)) index->ratings_of.values.push_back(moved(r));
        for (uint32_t r : before.skills_of.Row(p)) index->skills_of.values.push_back(moved(r));
      } else {
        row.clear();
        for (uint32_t r : before.ratings_of.Row(p)) {
          if (r < lo || r >= old_end) row.push_back(moved(r));
        }
        for (size_t i = lo; i < new_end; ++i) {
          if (PersonIndex(new_rows[i].person_id) == p &&
              skill_at(static_cast<uint32_t>(i)) != kAbsent) {
            row.push_back(static_cast<uint32_t>(i));
          }
        }
        std::sort(row.begin(), row.end());
        index->ratings_of.values.insert(index->ratings_of.values.end(), row.begin(), row.end());
        AppendEffective(new_rows, row, skill_at, index->skills_of.values);
      }
      index->ratings_of.offsets[p + 1] = static_cast<uint32_t>(index->ratings_of.values.size());
      index->skills_of.offsets[p + 1] = static_cast<uint32_t>(index->skills_of.values.size());
    }
    return index;
  };
  if (people && skills && unchanged(&FirmData::person_skills)) {
    ratings_ = previous->ratings_;
  } else if (people && skills && previous != nullptr) {
    ratings_ = update_ratings(*previous);
  } else {
    ratings_ = IndexSkills();
  }
  history_ = people && unchanged(&FirmData::skill_history) ? previous->history_ : IndexHistory();
  engagements_ = people && unchanged(&FirmData::engagements) && unchanged(&FirmData::openings) &&
                         unchanged(&FirmData::assignments)
                     ? previous->engagements_
                     : IndexEngagements();
  goals_ = people && teams && unchanged(&FirmData::clients) && unchanged(&FirmData::engagements) &&
                   unchanged(&FirmData::goals) && unchanged(&FirmData::deliverables) &&
                   unchanged(&FirmData::client_relationships) &&
                   unchanged(&FirmData::purpose_changes)
               ? previous->goals_
               : IndexGoals();
}

template <typename T>
std::shared_ptr<const FirmSnapshot::NamedIndexes> FirmSnapshot::IndexNamed(
    const std::vector<T>& items) {
  auto named = std::make_shared<NamedIndexes>();
  named->by_id = IdIndex(items);
  named->by_name = ByName(items);
  return named;
}

std::shared_ptr<const FirmSnapshot::PeopleIndexes> FirmSnapshot::IndexPeople() const {
  const std::vector<Person>& people = data_.people;
  auto index = std::make_shared<PeopleIndexes>();
  index->by_id = IdIndex(people);
  index->by_name = ByName(people);
  std::vector<uint32_t> rank(people.size());
  for (uint32_t r = 0; r < index->by_name.size(); ++r) rank[index->by_name[r]] = r;
  Pairs reports;
  for (uint32_t i = 0; i < people.size(); ++i) {
    auto manager = Lookup(index->by_id, people[i].manager_id);
    if (manager) reports.emplace_back(*manager, rank[i]);
  }
  index->reports_of = BuildAdjacency(std::move(reports), people.size());
  // Rows hold ranks so that they sort in directory order; map back to positions.
  for (uint32_t& value : index->reports_of.values) value = index->by_name[value];
  return index;
}

std::shared_ptr<const FirmSnapshot::Membership> FirmSnapshot::IndexTeams() const {
  const size_t people = data_.people.size();
  const std::vector<Team>& teams = data_.teams;
  std::unordered_map<std::string_view, std::vector<uint32_t>> client_leaders;
  for (const Engagement& engagement : data_.engagements) {
    auto leader = PersonIndex(engagement.leader_id);
    if (leader) client_leaders[engagement.client_id].push_back(*leader);
  }
  auto membership = std::make_shared<Membership>();
  Pairs member_of;
  Pairs led_by;
  membership->member_count.assign(teams.size(), 0);
  for (uint32_t t = 0; t < teams.size(); ++t) {
    const Team& team = teams[t];
    Pairs on_team;
    for (const TeamMember& member : team.members) {
      if (auto p = PersonIndex(member.person_id)) on_team.emplace_back(*p, t);
    }
    if (auto leader = PersonIndex(team.leader_id)) {
      on_team.emplace_back(*leader, t);
      led_by.emplace_back(*leader, t);
    }
    auto account = client_leaders.find(team.client_id);
    if (!team.client_id.empty() && account != client_leaders.end()) {
      for (uint32_t leader : account->second) led_by.emplace_back(leader, t);
    }
    std::sort(on_team.begin(), on_team.end());
    on_team.erase(std::unique(on_team.begin(), on_team.end()), on_team.end());
    membership->member_count[t] = static_cast<uint32_t>(on_team.size());
    member_of.insert(member_of.end(), on_team.begin(), on_team.end());
  }
  membership->teams_of = BuildAdjacency(std::move(member_of), people);
  membership->teams_led_by = BuildAdjacency(std::move(led_by), people);
  return membership;
}

// Each item's person position (kAbsent when its person_id is unknown). Rows
// of one person are consecutive in the store's key order, so a run of them
// costs one lookup.
template <typename T>
std::vector<uint32_t> FirmSnapshot::PersonPositions(const std::vector<T>& items) const {
  std::vector<uint32_t> out(items.size(), kAbsent);
  const std::string* last = nullptr;
  std::optional<uint32_t> person;
  for (uint32_t i = 0; i < items.size(); ++i) {
    if (last == nullptr || items[i].person_id != *last) {
      last = &items[i].person_id;
      person = PersonIndex(*last);
    }
    if (person) out[i] = *person;
  }
  return out;
}

std::shared_ptr<const FirmSnapshot::Ratings> FirmSnapshot::IndexSkills() const {
  const std::vector<PersonSkill>& ratings = data_.person_skills;
  const size_t people = data_.people.size();
  // Every rating of a known person and a known skill, by person.
  std::vector<uint32_t> person_of = PersonPositions(ratings);
  std::vector<uint32_t> skill_of(ratings.size(), kAbsent);
  for (uint32_t i = 0; i < ratings.size(); ++i) {
    if (person_of[i] == kAbsent) continue;
    if (auto skill = SkillIndex(ratings[i].skill_id)) {
      skill_of[i] = *skill;
    } else {
      person_of[i] = kAbsent;
    }
  }
  auto index = std::make_shared<Ratings>();
  index->ratings_of = GroupPositions(person_of, people);
  // For each (person, skill), the rating of highest precedence (the first
  // position of equal ones); each person's row ascending.
  Adjacency& effective = index->skills_of;
  effective.offsets.assign(people + 1, 0);
  std::vector<uint32_t> row;
  const auto skill_at = [&](uint32_t r) { return skill_of[r]; };
  for (uint32_t p = 0; p < people; ++p) {
    const auto all = index->ratings_of.Row(p);
    row.assign(all.begin(), all.end());
    AppendEffective(ratings, row, skill_at, effective.values);
    effective.offsets[p + 1] = static_cast<uint32_t>(effective.values.size());
  }
  return index;
}

std::shared_ptr<const FirmSnapshot::History> FirmSnapshot::IndexHistory() const {
  auto index = std::make_shared<History>();
  index->history_of =
      GroupPositions(PersonPositions(data_.skill_history.get()), data_.people.size());
  return index;
}

std::shared_ptr<const FirmSnapshot::PersonEngagements> FirmSnapshot::IndexEngagements() const {
  const std::vector<Engagement>& engagements = data_.engagements;
  const auto by_id = IdIndex(engagements);
  Pairs pairs;
  for (uint32_t e = 0; e < engagements.size(); ++e) {
    if (auto leader = PersonIndex(engagements[e].leader_id)) pairs.emplace_back(*leader, e);
  }
  std::unordered_map<std::string_view, uint32_t> engagement_of_opening;
  for (const Opening& opening : data_.openings) {
    if (auto e = Lookup(by_id, opening.engagement_id)) {
      engagement_of_opening.emplace(opening.id, *e);
    }
  }
  for (const Assignment& assignment : data_.assignments) {
    auto person = PersonIndex(assignment.person_id);
    auto e = Lookup(engagement_of_opening, assignment.opening_id);
    if (person && e) pairs.emplace_back(*person, *e);
  }
  auto index = std::make_shared<PersonEngagements>();
  index->engagements_of = BuildAdjacency(std::move(pairs), data_.people.size());
  return index;
}

std::optional<uint32_t> FirmSnapshot::PersonIndex(std::string_view id) const {
  return Lookup(people_->by_id, id);
}
std::optional<uint32_t> FirmSnapshot::TeamIndex(std::string_view id) const {
  return Lookup(teams_->by_id, id);
}
std::optional<uint32_t> FirmSnapshot::SkillIndex(std::string_view id) const {
  return Lookup(skills_->by_id, id);
}

const Person* FirmSnapshot::FindPerson(std::string_view id) const {
  auto index = PersonIndex(id);
  return index ? &data_.people[*index] : nullptr;
}
const Team* FirmSnapshot::FindTeam(std::string_view id) const {
  auto index = TeamIndex(id);
  return index ? &data_.teams[*index] : nullptr;
}
const Skill* FirmSnapshot::FindSkill(std::string_view id) const {
  auto index = SkillIndex(id);
  return index ? &data_.skills[*index] : nullptr;
}

bool FirmSnapshot::OnTeam(uint32_t person, uint32_t team) const {
  auto row = membership_->teams_of.Row(person);
  return std::binary_search(row.begin(), row.end(), team);
}

bool FirmSnapshot::Leads(uint32_t person, uint32_t team) const {
  auto row = membership_->teams_led_by.Row(person);
  return std::binary_search(row.begin(), row.end(), team);
}

}  // namespace guild
