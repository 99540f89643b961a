// FirmSnapshot: an immutable, id-indexed, in-memory view of the whole firm,
// from which the server answers every read.
//
// Built once from a FirmData (Build); never changed afterwards, so any number
// of threads may read one snapshot at once. A newer snapshot replaces it
// (SnapshotHolder in snapshot_holder.h) and shares with it everything a write
// did not change: each kind's entities (FirmData's SharedVector storage) and
// each group of indexes whose input kinds are unchanged (see Build). Indexes
// are dense: entities are addressed by their position (uint32_t) in the
// FirmData vectors, and per-person relations are stored as compact adjacency
// arrays.
//
// Leadership is derived from data: a person leads a team when they are its
// leader_id, or when they lead (Engagement::leader_id) an engagement for the
// team's client (an account team).
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/model.h"

namespace guild {

//! Rows of `values` grouped by a dense key: row k is values[offsets[k]..offsets[k+1]).
struct Adjacency {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> values;
  [[nodiscard]] std::span<const uint32_t> Row(uint32_t key) const {
    return {values.data() + offsets[key], values.data() + offsets[key + 1]};
  }
};

class FirmSnapshot {
 public:
  //! Indexes `data`. `version` is the store's change-feed position it
  //! reflects. With `previous` (a snapshot `data` was copied from and then
  //! changed), the index groups whose input kinds still share their storage
  //! with `previous`'s are shared instead of rebuilt: people (ids, name
  //! order, reports) from people; teams' and skills' ids and name orders
  //! from teams and skills; team membership and leadership from people,
  //! teams and engagements; ratings (effective and all) from people, skills
  //! and person skills; skill history by person from people and skill
  //! history; engagements by person from people, engagements, openings and
  //! assignments. A write to any other kind rebuilds nothing.
  //!
  //! `changed`: the kinds the changes since `previous` touched (the
  //! SnapshotHolder reads them off the change feed). Each gets a new storage
  //! generation even when its storage is still shared, which is how a change
  //! of a store-only kind (Residence::kStoreOnly: never held in `data`, so
  //! its storage never changes) is seen by what derives from it (PerSnapshot).
  using KindSet = std::bitset<std::size(kAllEntityKinds)>;
  static std::shared_ptr<const FirmSnapshot> Build(FirmData data, int64_t version,
                                                   const FirmSnapshot* previous = nullptr,
                                                   const KindSet& changed = {});

  [[nodiscard]] int64_t version() const { return version_; }
  [[nodiscard]] const FirmData& data() const { return data_; }
  //! Names the storage of `kind`'s entities: a snapshot built with
  //! `previous` keeps previous's generation for each kind whose storage it
  //! shares and that is not in Build's `changed`, and gets a new one (unique
  //! in the process) for each other. Equal generations of two snapshots: the
  //! same entities at the same positions (for a store-only kind: the same
  //! rows in the store), so what was derived from one kind holds for the
  //! other (PerSnapshot).
  [[nodiscard]] uint64_t StorageGeneration(EntityKind kind) const {
    return generations_[static_cast<size_t>(kind)];
  }

  //! Position of the entity with this id; nullopt when absent.
  [[nodiscard]] std::optional<uint32_t> PersonIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> TeamIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> SkillIndex(std::string_view id) const;
  //! nullptr when absent.
  [[nodiscard]] const Person* FindPerson(std::string_view id) const;
  [[nodiscard]] const Team* FindTeam(std::string_view id) const;
  [[nodiscard]] const Skill* FindSkill(std::string_view id) const;

  //! Person positions ordered by (name, id): the directory's order.
  [[nodiscard]] std::span<const uint32_t> PeopleByName() const { return people_->by_name; }
  //! Skill positions ordered by (name, id).
  [[nodiscard]] std::span<const uint32_t> SkillsByName() const { return skills_->by_name; }
  //! Team positions ordered by (name, id).
  [[nodiscard]] std::span<const uint32_t> TeamsByName() const { return teams_->by_name; }
  //! Teams the person belongs to or leads, by team position, ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsOf(uint32_t person) const {
    return membership_->teams_of.Row(person);
  }
  //! Teams the person leads (see the header comment), ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsLedBy(uint32_t person) const {
    return membership_->teams_led_by.Row(person);
  }
  //! Person skill positions of the person's effective ratings: for each skill,
  //! the rating of highest precedence (assessed > manager > peer > self).
  [[nodiscard]] std::span<const uint32_t> SkillsOf(uint32_t person) const {
    return ratings_->skills_of.Row(person);
  }
  //! Person skill positions of all the person's ratings (every source) of
  //! skills in the taxonomy, ascending.
  [[nodiscard]] std::span<const uint32_t> RatingsOf(uint32_t person) const {
    return ratings_->ratings_of.Row(person);
  }
  //! Skill history positions of the person's rows, ascending.
  [[nodiscard]] std::span<const uint32_t> SkillHistoryOf(uint32_t person) const {
    return history_->history_of.Row(person);
  }
  //! Engagement positions the person works on (assigned to one of its
  //! openings, any assignment status) or leads (Engagement::leader_id),
  //! ascending.
  [[nodiscard]] std::span<const uint32_t> EngagementsOf(uint32_t person) const {
    return engagements_->engagements_of.Row(person);
  }
  //! People whose manager_id is this person, in directory order.
  [[nodiscard]] std::span<const uint32_t> ReportsOf(uint32_t person) const {
    return people_->reports_of.Row(person);
  }
  //! Number of distinct people on the team (members and leader).
  [[nodiscard]] uint32_t MemberCount(uint32_t team) const {
    return membership_->member_count[team];
  }

  //! true when the person is on the team's member list or is its leader_id.
  [[nodiscard]] bool OnTeam(uint32_t person, uint32_t team) const;
  //! true when the person leads the team.
  [[nodiscard]] bool Leads(uint32_t person, uint32_t team) const;

  // ---- Purpose, goals and roles (firm_snapshot_goals.cc) ----
  [[nodiscard]] std::optional<uint32_t> GoalIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> DeliverableIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> RelationshipIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> EngagementIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> ClientIndex(std::string_view id) const;
  [[nodiscard]] const Goal* FindGoal(std::string_view id) const;
  //! Goal positions of the team, ascending.
  [[nodiscard]] std::span<const uint32_t> GoalsOfTeam(uint32_t team) const {
    return goals_->goals_of_team.Row(team);
  }
  [[nodiscard]] std::span<const uint32_t> DeliverablesOfTeam(uint32_t team) const {
    return goals_->deliverables_of_team.Row(team);
  }
  [[nodiscard]] std::span<const uint32_t> RelationshipsOfTeam(uint32_t team) const {
    return goals_->relationships_of_team.Row(team);
  }
  //! Goals the person owns or holds a RACI part in (team and personal), ascending.
  [[nodiscard]] std::span<const uint32_t> GoalsOfPerson(uint32_t person) const {
    return goals_->goals_of_person.Row(person);
  }
  //! Position of the goal's team; nullopt for a personal goal (or a team
  //! that is not in the snapshot).
  [[nodiscard]] std::optional<uint32_t> TeamOfGoal(uint32_t goal) const {
    const uint32_t team = goals_->team_of_goal[goal];
    return team == kNoTeam ? std::nullopt : std::optional<uint32_t>(team);
  }
  //! Goals that align to the goal, ascending.
  [[nodiscard]] std::span<const uint32_t> ChildGoals(uint32_t goal) const {
    return goals_->child_goals.Row(goal);
  }
  //! The engagement's own teams (engagement_id) and its client's account
  //! teams (client_id), ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsOfEngagement(uint32_t engagement) const {
    return goals_->teams_of_engagement.Row(engagement);
  }
  //! Engagements a team's client log covers: its engagement, or every
  //! engagement of its client; ascending.
  [[nodiscard]] std::span<const uint32_t> EngagementsOfTeam(uint32_t team) const {
    return goals_->engagements_of_team.Row(team);
  }
  //! The team's purpose changes, oldest first.
  [[nodiscard]] std::span<const uint32_t> PurposeChangesOfTeam(uint32_t team) const {
    return goals_->purpose_changes_of_team.Row(team);
  }

 private:
  using IdMap = std::unordered_map<std::string_view, uint32_t>;
  // Index groups, each built from the kinds named and shared between
  // snapshots while those kinds are unchanged.
  struct PeopleIndexes {  // people
    IdMap by_id;
    std::vector<uint32_t> by_name;
    Adjacency reports_of;
  };
  struct NamedIndexes {  // teams, or skills
    IdMap by_id;
    std::vector<uint32_t> by_name;
  };
  struct Membership {  // people, teams, engagements
    Adjacency teams_of;
    Adjacency teams_led_by;
    std::vector<uint32_t> member_count;
  };
  struct Ratings {  // people, skills, person skills
    Adjacency skills_of;
    Adjacency ratings_of;
  };
  struct History {  // people, skill history
    Adjacency history_of;
  };
  struct PersonEngagements {  // people, engagements, openings, assignments
    Adjacency engagements_of;
  };
  // people, teams, clients, engagements, goals, deliverables, client
  // relationships, purpose changes
  struct GoalIndexes {
    IdMap goal_by_id;
    IdMap deliverable_by_id;
    IdMap relationship_by_id;
    IdMap engagement_by_id;
    IdMap client_by_id;
    Adjacency goals_of_team;
    std::vector<uint32_t> team_of_goal;  // per goal: its team's position, or kNoTeam
    Adjacency deliverables_of_team;
    Adjacency relationships_of_team;
    Adjacency goals_of_person;
    Adjacency child_goals;
    Adjacency teams_of_engagement;
    Adjacency engagements_of_team;
    Adjacency purpose_changes_of_team;
  };

  static constexpr uint32_t kNoTeam = std::numeric_limits<uint32_t>::max();

  FirmSnapshot(FirmData data, int64_t version, const FirmSnapshot* previous,
               const KindSet& changed);
  template <typename T>
  static std::shared_ptr<const NamedIndexes> IndexNamed(const std::vector<T>& items);
  [[nodiscard]] std::shared_ptr<const PeopleIndexes> IndexPeople() const;
  [[nodiscard]] std::shared_ptr<const Membership> IndexTeams() const;
  [[nodiscard]] std::shared_ptr<const Ratings> IndexSkills() const;
  template <typename T>
  [[nodiscard]] std::vector<uint32_t> PersonPositions(const std::vector<T>& items) const;
  [[nodiscard]] std::shared_ptr<const History> IndexHistory() const;
  [[nodiscard]] std::shared_ptr<const PersonEngagements> IndexEngagements() const;
  [[nodiscard]] std::shared_ptr<const GoalIndexes> IndexGoals() const;

  const FirmData data_;  // const: reading a SharedVector never copies it
  int64_t version_;
  std::array<uint64_t, std::size(kAllEntityKinds)> generations_{};  // by EntityKind
  std::shared_ptr<const PeopleIndexes> people_;
  std::shared_ptr<const NamedIndexes> teams_;
  std::shared_ptr<const NamedIndexes> skills_;
  std::shared_ptr<const Membership> membership_;
  std::shared_ptr<const Ratings> ratings_;
  std::shared_ptr<const History> history_;
  std::shared_ptr<const PersonEngagements> engagements_;
  std::shared_ptr<const GoalIndexes> goals_;
};

//! Groups (key, value) pairs into an Adjacency of `key_count` rows, each
//! row's values sorted and unique.
Adjacency BuildAdjacency(std::vector<std::pair<uint32_t, uint32_t>> pairs, size_t key_count);
//! Groups positions 0..keys.size()-1 by their key (keys[i] >= key_count:
//! left out) into an Adjacency of `key_count` rows, each row ascending;
//! linear, without sorting.
Adjacency GroupPositions(const std::vector<uint32_t>& keys, size_t key_count);

}  // namespace guild
