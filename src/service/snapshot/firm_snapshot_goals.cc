// The snapshot's indexes of purpose, goals and roles.
#include <algorithm>

#include "service/snapshot/firm_snapshot.h"

namespace guild {

namespace {

using Pairs = std::vector<std::pair<uint32_t, uint32_t>>;

template <typename T>
std::unordered_map<std::string_view, uint32_t> ById(const std::vector<T>& items) {
  std::unordered_map<std::string_view, uint32_t> index;
  index.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

std::optional<uint32_t> Find(const std::unordered_map<std::string_view, uint32_t>& index,
                             std::string_view id) {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

// Rows of `items` grouped by their team's position.
template <typename T>
Adjacency ByTeam(const std::vector<T>& items, const FirmSnapshot& s, size_t teams) {
  Pairs pairs;
  pairs.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    if (auto team = s.TeamIndex(items[i].team_id)) pairs.emplace_back(*team, i);
  }
  return BuildAdjacency(std::move(pairs), teams);
}

}  // namespace

std::shared_ptr<const FirmSnapshot::GoalIndexes> FirmSnapshot::IndexGoals() const {
  const size_t teams = data_.teams.size();
  const std::vector<Goal>& goals = data_.goals;
  const std::vector<Engagement>& engagements = data_.engagements;
  auto index = std::make_shared<GoalIndexes>();
  index->goal_by_id = ById(goals);
  index->deliverable_by_id = ById(data_.deliverables.get());
  index->relationship_by_id = ById(data_.client_relationships.get());
  index->engagement_by_id = ById(engagements);
  index->client_by_id = ById(data_.clients.get());
  index->goals_of_team = ByTeam(goals, *this, teams);
  index->team_of_goal.assign(goals.size(), kNoTeam);
  for (uint32_t team = 0; team < teams; ++team) {
    for (uint32_t g : index->goals_of_team.Row(team)) index->team_of_goal[g] = team;
  }
  index->deliverables_of_team = ByTeam(data_.deliverables.get(), *this, teams);
  index->relationships_of_team = ByTeam(data_.client_relationships.get(), *this, teams);
  Pairs of_person;
  Pairs children;
  for (uint32_t g = 0; g < goals.size(); ++g) {
    const Goal& goal = goals[g];
    if (auto owner = PersonIndex(goal.owner_id)) of_person.emplace_back(*owner, g);
    for (const RaciEntry& e : goal.raci) {
      if (auto p = PersonIndex(e.person_id)) of_person.emplace_back(*p, g);
    }
    if (auto parent = Find(index->goal_by_id, goal.parent_id)) children.emplace_back(*parent, g);
  }
  index->goals_of_person = BuildAdjacency(std::move(of_person), data_.people.size());
  index->child_goals = BuildAdjacency(std::move(children), goals.size());
  // Engagements <-> the teams whose client log they feed.
  std::unordered_map<std::string_view, std::vector<uint32_t>> engagements_of_client;
  for (uint32_t e = 0; e < engagements.size(); ++e) {
    engagements_of_client[engagements[e].client_id].push_back(e);
  }
  Pairs team_engagement;  // (team, engagement)
  for (uint32_t t = 0; t < teams; ++t) {
    const Team& team = data_.teams[t];
    if (auto e = Find(index->engagement_by_id, team.engagement_id)) {
      team_engagement.emplace_back(t, *e);
    }
    auto client = engagements_of_client.find(team.client_id);
    if (team.client_id.empty() || client == engagements_of_client.end()) continue;
    for (uint32_t e : client->second) team_engagement.emplace_back(t, e);
  }
  Pairs engagement_team;
  engagement_team.reserve(team_engagement.size());
  for (const auto& [t, e] : team_engagement) engagement_team.emplace_back(e, t);
  index->engagements_of_team = BuildAdjacency(std::move(team_engagement), teams);
  index->teams_of_engagement = BuildAdjacency(std::move(engagement_team), engagements.size());
  // Purpose changes by team, oldest first: sort positions by time.
  const std::vector<PurposeChange>& purpose_changes = data_.purpose_changes;
  std::vector<uint32_t> by_time(purpose_changes.size());
  for (uint32_t i = 0; i < by_time.size(); ++i) by_time[i] = i;
  std::sort(by_time.begin(), by_time.end(),
            [&](uint32_t a, uint32_t b) { return purpose_changes[a].at < purpose_changes[b].at; });
  std::vector<uint32_t> rank(by_time.size());
  for (uint32_t r = 0; r < by_time.size(); ++r) rank[by_time[r]] = r;
  Pairs changes;
  for (uint32_t i = 0; i < purpose_changes.size(); ++i) {
    if (auto team = TeamIndex(purpose_changes[i].team_id)) changes.emplace_back(*team, rank[i]);
  }
  index->purpose_changes_of_team = BuildAdjacency(std::move(changes), teams);
  for (uint32_t& value : index->purpose_changes_of_team.values) value = by_time[value];
  return index;
}

std::optional<uint32_t> FirmSnapshot::GoalIndex(std::string_view id) const {
  return Find(goals_->goal_by_id, id);
}
std::optional<uint32_t> FirmSnapshot::DeliverableIndex(std::string_view id) const {
  return Find(goals_->deliverable_by_id, id);
}
std::optional<uint32_t> FirmSnapshot::RelationshipIndex(std::string_view id) const {
  return Find(goals_->relationship_by_id, id);
}
std::optional<uint32_t> FirmSnapshot::EngagementIndex(std::string_view id) const {
  return Find(goals_->engagement_by_id, id);
}
std::optional<uint32_t> FirmSnapshot::ClientIndex(std::string_view id) const {
  return Find(goals_->client_by_id, id);
}
const Goal* FirmSnapshot::FindGoal(std::string_view id) const {
  auto index = GoalIndex(id);
  return index ? &data_.goals[*index] : nullptr;
}

}  // namespace guild
