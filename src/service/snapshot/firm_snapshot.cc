#include "service/snapshot/firm_snapshot.h"

#include <algorithm>
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

namespace {

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

std::shared_ptr<const FirmSnapshot> FirmSnapshot::Build(FirmData data, int64_t version) {
  return std::shared_ptr<const FirmSnapshot>(new FirmSnapshot(std::move(data), version));
}

FirmSnapshot::FirmSnapshot(FirmData data, int64_t version)
    : data_(std::move(data)), version_(version) {
  IndexIds();
  IndexPeople();
  IndexTeams();
  IndexSkills();
  IndexGoals();
}

void FirmSnapshot::IndexIds() {
  person_by_id_ = IdIndex(data_.people);
  team_by_id_ = IdIndex(data_.teams);
  skill_by_id_ = IdIndex(data_.skills);
  people_by_name_ = ByName(data_.people);
  skills_by_name_ = ByName(data_.skills);
  teams_by_name_ = ByName(data_.teams);
}

void FirmSnapshot::IndexPeople() {
  std::vector<uint32_t> rank(data_.people.size());
  for (uint32_t r = 0; r < people_by_name_.size(); ++r) rank[people_by_name_[r]] = r;
  Pairs reports;
  for (uint32_t i = 0; i < data_.people.size(); ++i) {
    auto manager = PersonIndex(data_.people[i].manager_id);
    if (manager) reports.emplace_back(*manager, rank[i]);
  }
  reports_of_ = BuildAdjacency(std::move(reports), data_.people.size());
  // Rows hold ranks so that they sort in directory order; map back to positions.
  for (uint32_t& value : reports_of_.values) value = people_by_name_[value];
}

void FirmSnapshot::IndexTeams() {
  const size_t people = data_.people.size();
  std::unordered_map<std::string_view, std::vector<uint32_t>> client_leaders;
  for (const Engagement& engagement : data_.engagements) {
    auto leader = PersonIndex(engagement.leader_id);
    if (leader) client_leaders[engagement.client_id].push_back(*leader);
  }
  Pairs member_of;
  Pairs led_by;
  member_count_.assign(data_.teams.size(), 0);
  for (uint32_t t = 0; t < data_.teams.size(); ++t) {
    const Team& team = data_.teams[t];
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
    member_count_[t] = static_cast<uint32_t>(on_team.size());
    member_of.insert(member_of.end(), on_team.begin(), on_team.end());
  }
  teams_of_ = BuildAdjacency(std::move(member_of), people);
  teams_led_by_ = BuildAdjacency(std::move(led_by), people);
}

void FirmSnapshot::IndexSkills() {
  // For each (person, skill), keep the rating of highest precedence.
  std::unordered_map<uint64_t, uint32_t> best;
  const auto& ratings = data_.person_skills;
  for (uint32_t i = 0; i < ratings.size(); ++i) {
    auto person = PersonIndex(ratings[i].person_id);
    auto skill = SkillIndex(ratings[i].skill_id);
    if (!person || !skill) continue;
    uint64_t key = (uint64_t{*person} << 32) | *skill;
    auto [it, inserted] = best.emplace(key, i);
    if (!inserted && Precedence(ratings[i].source) > Precedence(ratings[it->second].source)) {
      it->second = i;
    }
  }
  Pairs pairs;
  pairs.reserve(best.size());
  for (const auto& [key, rating] : best) {
    pairs.emplace_back(static_cast<uint32_t>(key >> 32), rating);
  }
  skills_of_ = BuildAdjacency(std::move(pairs), data_.people.size());
}

std::optional<uint32_t> FirmSnapshot::PersonIndex(std::string_view id) const {
  return Lookup(person_by_id_, id);
}
std::optional<uint32_t> FirmSnapshot::TeamIndex(std::string_view id) const {
  return Lookup(team_by_id_, id);
}
std::optional<uint32_t> FirmSnapshot::SkillIndex(std::string_view id) const {
  return Lookup(skill_by_id_, id);
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
  auto row = teams_of_.Row(person);
  return std::binary_search(row.begin(), row.end(), team);
}

bool FirmSnapshot::Leads(uint32_t person, uint32_t team) const {
  auto row = teams_led_by_.Row(person);
  return std::binary_search(row.begin(), row.end(), team);
}

}  // namespace guild
