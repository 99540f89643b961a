// FirmSnapshot: an immutable, id-indexed, in-memory view of the whole firm,
// from which the server answers every read.
//
// Built once from a FirmData (Build); never changed afterwards, so any number
// of threads may read one snapshot at once. A newer snapshot replaces it
// wholesale (SnapshotHolder in snapshot_holder.h). Indexes are dense: entities
// are addressed by their position (uint32_t) in the FirmData vectors, and
// per-person relations are stored as compact adjacency arrays.
//
// Leadership is derived from data: a person leads a team when they are its
// leader_id, or when they lead (Engagement::leader_id) an engagement for the
// team's client (an account team).
#pragma once

#include <cstdint>
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
  //! Indexes `data`. `version` is the store's data version it was read at.
  static std::shared_ptr<const FirmSnapshot> Build(FirmData data, int64_t version);

  [[nodiscard]] int64_t version() const { return version_; }
  [[nodiscard]] const FirmData& data() const { return data_; }

  //! Position of the entity with this id; nullopt when absent.
  [[nodiscard]] std::optional<uint32_t> PersonIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> TeamIndex(std::string_view id) const;
  [[nodiscard]] std::optional<uint32_t> SkillIndex(std::string_view id) const;
  //! nullptr when absent.
  [[nodiscard]] const Person* FindPerson(std::string_view id) const;
  [[nodiscard]] const Team* FindTeam(std::string_view id) const;
  [[nodiscard]] const Skill* FindSkill(std::string_view id) const;

  //! Person positions ordered by (name, id): the directory's order.
  [[nodiscard]] std::span<const uint32_t> PeopleByName() const { return people_by_name_; }
  //! Skill positions ordered by (name, id).
  [[nodiscard]] std::span<const uint32_t> SkillsByName() const { return skills_by_name_; }
  //! Team positions ordered by (name, id).
  [[nodiscard]] std::span<const uint32_t> TeamsByName() const { return teams_by_name_; }
  //! Teams the person belongs to or leads, by team position, ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsOf(uint32_t person) const {
    return teams_of_.Row(person);
  }
  //! Teams the person leads (see the header comment), ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsLedBy(uint32_t person) const {
    return teams_led_by_.Row(person);
  }
  //! Person skill positions of the person's effective ratings: for each skill,
  //! the rating of highest precedence (assessed > manager > peer > self).
  [[nodiscard]] std::span<const uint32_t> SkillsOf(uint32_t person) const {
    return skills_of_.Row(person);
  }
  //! People whose manager_id is this person, in directory order.
  [[nodiscard]] std::span<const uint32_t> ReportsOf(uint32_t person) const {
    return reports_of_.Row(person);
  }
  //! Number of distinct people on the team (members and leader).
  [[nodiscard]] uint32_t MemberCount(uint32_t team) const { return member_count_[team]; }

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
    return goals_of_team_.Row(team);
  }
  [[nodiscard]] std::span<const uint32_t> DeliverablesOfTeam(uint32_t team) const {
    return deliverables_of_team_.Row(team);
  }
  [[nodiscard]] std::span<const uint32_t> RelationshipsOfTeam(uint32_t team) const {
    return relationships_of_team_.Row(team);
  }
  //! Goals the person owns or holds a RACI part in (team and personal), ascending.
  [[nodiscard]] std::span<const uint32_t> GoalsOfPerson(uint32_t person) const {
    return goals_of_person_.Row(person);
  }
  //! Goals that align to the goal, ascending.
  [[nodiscard]] std::span<const uint32_t> ChildGoals(uint32_t goal) const {
    return child_goals_.Row(goal);
  }
  //! The engagement's own teams (engagement_id) and its client's account
  //! teams (client_id), ascending.
  [[nodiscard]] std::span<const uint32_t> TeamsOfEngagement(uint32_t engagement) const {
    return teams_of_engagement_.Row(engagement);
  }
  //! Engagements a team's client log covers: its engagement, or every
  //! engagement of its client; ascending.
  [[nodiscard]] std::span<const uint32_t> EngagementsOfTeam(uint32_t team) const {
    return engagements_of_team_.Row(team);
  }
  //! The team's purpose changes, oldest first.
  [[nodiscard]] std::span<const uint32_t> PurposeChangesOfTeam(uint32_t team) const {
    return purpose_changes_of_team_.Row(team);
  }

 private:
  FirmSnapshot(FirmData data, int64_t version);
  void IndexIds();
  void IndexPeople();
  void IndexTeams();
  void IndexSkills();
  void IndexGoals();

  FirmData data_;
  int64_t version_;
  std::unordered_map<std::string_view, uint32_t> person_by_id_;
  std::unordered_map<std::string_view, uint32_t> team_by_id_;
  std::unordered_map<std::string_view, uint32_t> skill_by_id_;
  std::vector<uint32_t> people_by_name_;
  std::vector<uint32_t> skills_by_name_;
  std::vector<uint32_t> teams_by_name_;
  Adjacency teams_of_;
  Adjacency teams_led_by_;
  Adjacency skills_of_;
  Adjacency reports_of_;
  std::vector<uint32_t> member_count_;
  std::unordered_map<std::string_view, uint32_t> goal_by_id_;
  std::unordered_map<std::string_view, uint32_t> deliverable_by_id_;
  std::unordered_map<std::string_view, uint32_t> relationship_by_id_;
  std::unordered_map<std::string_view, uint32_t> engagement_by_id_;
  std::unordered_map<std::string_view, uint32_t> client_by_id_;
  Adjacency goals_of_team_;
  Adjacency deliverables_of_team_;
  Adjacency relationships_of_team_;
  Adjacency goals_of_person_;
  Adjacency child_goals_;
  Adjacency teams_of_engagement_;
  Adjacency engagements_of_team_;
  Adjacency purpose_changes_of_team_;
};

//! Groups (key, value) pairs into an Adjacency of `key_count` rows, each
//! row's values sorted and unique.
Adjacency BuildAdjacency(std::vector<std::pair<uint32_t, uint32_t>> pairs, size_t key_count);

}  // namespace guild
