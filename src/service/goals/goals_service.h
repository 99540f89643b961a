// GoalsService: purpose, goals and roles for the API, the CLI and check-ins
// (docs/GOALS.md) — a team's purpose and its history, its goal tree with
// computed status and roll-up, its responsibility (RACI) matrix and the
// warnings about it, the onboarding brief, the account leadership page,
// personal goals, progress updates and the client log.
//
// State: goal status and the roll-up of the whole firm's goal tree are
// computed from the firm snapshot at "today" (the injected Clock) once per
// snapshot version and day, and kept; at most one computation runs at a
// time, and while a newer one runs other requests keep the previous state
// (as SkillsService does with its index). Progress updates and the client
// log are not in the snapshot (docs/GOALS.md "What lives in memory"): they
// are read from the store by goal or engagement when asked for.
//
// Access: decided through the Authorizer (CanReadTeam, CanChangeTeam,
// CanReadGoal, CanChangeGoal, CanUpdateGoalProgress, CanCreatePersonalGoal,
// CanReadClientLog, CanWriteClientLog), never by the callers. Goals the
// viewer may not read are left out of every answer; a roll-up still counts
// the team goals below it that the viewer may not read (a mean progress,
// never a goal's fields), but never a personal goal.
//
// Writes: each is validated (domain validate.h: ValidateGoal and the goal
// rules — the owner on the team, a team goal as parent, no alignment cycle,
// at most one accountable person on a row and on the team), then committed
// as one FirmChange with its audit entry through the FirmWriter (one store
// transaction with the change-feed record; this server's snapshot has it
// when the call returns). Nothing is written when any rule breaks.
//
// Errors: kInvalidArgument naming the field ("owner_id: expected ..."),
// kNotFound for an unknown team, goal, deliverable, relationship, client,
// engagement or person and for one the viewer may not see (never told apart,
// so ids cannot be probed), kPermissionDenied for a change the viewer may
// see but not make, kFailedPrecondition when
// the store refuses (e.g. deleting a goal others align to), kUnavailable
// before the snapshot is loaded.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/date.h"
#include "engine/goals/goals.h"
#include "service/access/authorizer.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"

namespace guild {

struct GoalsOptions {
  goals::StatusOptions status;  //!< thresholds of the status rule (firm settings)
  goals::RaciOptions raci;      //!< the leadership team bound (firm setting)
  int brief_log_entries = 5;    //!< client log entries on the onboarding brief
  int max_history = 520;        //!< progress updates returned with one goal, newest first
  int max_log_entries = 200;    //!< client log entries returned at once
  //! Goals of other teams listed under each of a team's goals on its page;
  //! the rest are counted (GoalView::more_children). The firm's goals have
  //! thousands aligned at firm scale: a page lists a readable sample.
  int max_aligned_listed = 50;
};

//! Status and roll-up of every goal of one snapshot on one day. Immutable.
struct GoalsState {
  std::shared_ptr<const FirmSnapshot> snapshot;
  Date as_of;
  std::vector<goals::Measure> measure;  //!< per goal in snapshot->data().goals
  goals::GoalTree tree;                 //!< over snapshot->data().goals
};
using GoalsStateRef = std::shared_ptr<const GoalsState>;

//! A goal as one viewer sees it.
struct GoalView {
  uint32_t goal = 0;  //!< position in data().goals
  //! Aligned goals the viewer may read; on a team page only those on it.
  std::vector<uint32_t> children;
  uint32_t hidden_children = 0;  //!< aligned goals the viewer may not read
  uint32_t more_children = 0;    //!< on a team page: aligned goals readable but not on it
  bool can_change = false;       //!< fields, RACI, delete
  bool can_update = false;       //!< progress updates
};

//! An engagement whose client log a team page shows.
struct LogEngagement {
  uint32_t engagement = 0;  //!< position in data().engagements
  bool can_write = false;   //!< Authorizer::CanWriteClientLog
};

//! A team's purpose and goal tree.
struct TeamGoals {
  GoalsStateRef state;
  uint32_t team = 0;
  bool can_change = false;
  //! The engagements the team's client log covers (FirmSnapshot::
  //! EngagementsOfTeam) whose log the viewer may read, ascending.
  std::vector<LogEngagement> log_engagements;
  //! The goals the team's goals align to (the context above, its top
  //! first), the team's goals, then goals of other teams that align to them
  //! (at most GoalsOptions::max_aligned_listed under each), each once and
  //! only when the viewer may read it; parents before children.
  std::vector<GoalView> goals;
  std::vector<uint32_t> purpose_history;  //!< positions in data().purpose_changes, oldest first
};

//! One row of a responsibility matrix.
struct RaciRow {
  goals::RaciRowKind kind = goals::RaciRowKind::kGoal;
  uint32_t item = 0;  //!< position in data().goals, .deliverables or .client_relationships
  std::vector<RaciEntry> cells;  //!< a goal's owner first, as accountable
};

//! A team's matrix: its people (columns), rows and the warnings.
struct TeamRoles {
  GoalsStateRef state;
  uint32_t team = 0;
  bool can_change = false;
  std::vector<uint32_t> people;  //!< leader first, then members in member order (positions)
  std::vector<RaciRow> rows;     //!< goals, deliverables, client relationships
  std::vector<goals::RaciWarning> warnings;
};

//! The one-page onboarding brief.
struct TeamBrief {
  TeamGoals goals;
  TeamRoles roles;
  std::vector<ClientLogEntry> log;  //!< the last entries, newest first
};

//! The account leadership page of a key client.
struct AccountLeadership {
  GoalsStateRef state;
  uint32_t client = 0;
  std::optional<TeamRoles> roles;  //!< of the client's leadership team; absent when it has none
  std::optional<TeamGoals> goals;
  std::optional<uint32_t>
      accountable;  //!< the leadership team's leader: one person for the account
};

//! A person's goals as the viewer may see them: personal goals, then team
//! goals the person owns or has a part in.
struct PersonGoals {
  GoalsStateRef state;
  uint32_t person = 0;
  std::vector<GoalView> personal;
  std::vector<GoalView> team;
};

//! One goal with its progress history from the store.
struct GoalDetail {
  GoalsStateRef state;
  GoalView view;
  std::vector<GoalUpdate> updates;  //!< newest first, at most options.max_history
  std::optional<uint32_t> parent;   //!< when the viewer may read it
};

//! The fields of a goal to create, or to change (unset: keep).
struct GoalDraft {
  std::optional<std::string> id;  //!< create only; generated when unset
  std::optional<std::string>
      team_id;  //!< create only; empty or unset: a personal goal of the viewer
  std::optional<std::string> title;
  std::optional<std::string> metric;
  std::optional<std::string> unit;
  std::optional<double> start_value;
  std::optional<double> target_value;
  std::optional<GoalDirection> direction;  //!< unset on create: from start and target
  std::optional<Date> start_date;          //!< unset on create: today
  std::optional<Date> due_date;
  std::optional<std::string> owner_id;  //!< unset on create: the viewer's person
  std::optional<std::vector<RaciEntry>> raci;
  std::optional<std::string> parent_id;  //!< "" clears it
  std::optional<bool> shared;
};

struct ProgressDraft {
  double value = 0;
  std::optional<Date> date;  //!< today when unset
  std::string comment;
};

//! One cell of a matrix to set; role unset removes the person from the row.
struct RaciCellChange {
  goals::RaciRowKind row_kind = goals::RaciRowKind::kGoal;
  std::string row_id;
  std::string person_id;
  std::optional<RaciRole> role;
};

struct DeliverableDraft {
  std::optional<std::string> id;  //!< create only
  std::optional<std::string> name;
  std::optional<Date> due_date;
  std::optional<DeliverableStatus> status;
};

struct RelationshipDraft {
  std::optional<std::string> id;         //!< create only
  std::optional<std::string> client_id;  //!< create only; default the team's client
  std::optional<std::string> contact;
};

struct LogDraft {
  std::optional<Date> date;  //!< today when unset
  std::string changed;
  std::string issues;
  std::string resolution;
};

//! One page of an engagement's client log.
struct LogPage {
  std::vector<ClientLogEntry> entries;  //!< newest first (date, then id, descending)
  std::string next_cursor;              //!< empty on the last page
};

//! The RACI check of every team (for `guild team roles --check` and the
//! scale benchmark): teams with at least one warning, in team order.
struct FirmRolesCheck {
  std::shared_ptr<const FirmSnapshot> snapshot;
  std::vector<std::pair<uint32_t, std::vector<goals::RaciWarning>>> teams;
  size_t warnings = 0;
};

class GoalsService {
 public:
  //! Every reference must outlive the service. CHECK of options: see Validate.
  GoalsService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock,
               GoalsOptions options);

  //! kInvalidArgument naming the option when the thresholds are out of range.
  [[nodiscard]] static Status Validate(const GoalsOptions& options);
  [[nodiscard]] const GoalsOptions& options() const { return options_; }

  // ---- Reads ----
  [[nodiscard]] Result<TeamGoals> GetTeamGoals(const Principal& viewer, std::string_view team_id);
  [[nodiscard]] Result<TeamRoles> GetTeamRoles(const Principal& viewer, std::string_view team_id);
  [[nodiscard]] Result<TeamBrief> GetBrief(const Principal& viewer, std::string_view team_id);
  [[nodiscard]] Result<AccountLeadership> GetAccountLeadership(const Principal& viewer,
                                                               std::string_view client_id);
  [[nodiscard]] Result<GoalDetail> GetGoal(const Principal& viewer, std::string_view goal_id);
  //! The goals of `person_id` the viewer may read (the check-ins' call: a
  //! member's goals beside their check-in).
  [[nodiscard]] Result<PersonGoals> GoalsOf(const Principal& viewer, std::string_view person_id);
  //! The client log of an engagement, newest first, `limit` entries a page
  //! from `cursor` (a LogPage::next_cursor of the same engagement; empty:
  //! the newest); kInvalidArgument naming "limit" or "cursor".
  [[nodiscard]] Result<LogPage> GetLog(const Principal& viewer, std::string_view engagement_id,
                                       int limit, std::string_view cursor = {});
  //! Every team's warnings; firm-wide viewers only.
  [[nodiscard]] Result<FirmRolesCheck> CheckAllTeams(const Principal& viewer);

  // ---- Writes ----
  [[nodiscard]] Result<Goal> CreateGoal(const Principal& actor, const GoalDraft& draft);
  [[nodiscard]] Result<Goal> UpdateGoal(const Principal& actor, std::string_view goal_id,
                                        const GoalDraft& change);
  [[nodiscard]] Status DeleteGoal(const Principal& actor, std::string_view goal_id);
  //! Writes one progress update (replacing one of the same day) and moves
  //! the goal's current value when it is the latest. The check-ins' call.
  [[nodiscard]] Result<GoalUpdate> AddProgress(const Principal& actor, std::string_view goal_id,
                                               const ProgressDraft& draft);
  //! Sets the team's purpose and records the change (who, when, before, after).
  //! `if_match`: the team versions (TeamVersion) the writer read, any of
  //! which must still be the team's (else kFailedPrecondition at the
  //! If-Match header, nothing written); empty: no precondition. Runs under
  //! the team's FirmWriter::RecordLock, as every team write does.
  [[nodiscard]] Result<PurposeChange> SetPurpose(const Principal& actor, std::string_view team_id,
                                                 std::string_view purpose,
                                                 std::span<const std::string> if_match = {});
  //! Applies the cells together, all or nothing. On a goal row, accountable
  //! makes the person the owner (the previous owner stays responsible); the
  //! owner cannot be made anything else or removed (make another person
  //! accountable instead).
  [[nodiscard]] Status SetRaci(const Principal& actor, std::string_view team_id,
                               const std::vector<RaciCellChange>& changes);
  [[nodiscard]] Result<Deliverable> CreateDeliverable(const Principal& actor,
                                                      std::string_view team_id,
                                                      const DeliverableDraft& draft);
  [[nodiscard]] Result<Deliverable> UpdateDeliverable(const Principal& actor,
                                                      std::string_view deliverable_id,
                                                      const DeliverableDraft& change);
  [[nodiscard]] Status DeleteDeliverable(const Principal& actor, std::string_view deliverable_id);
  [[nodiscard]] Result<ClientRelationship> CreateRelationship(const Principal& actor,
                                                              std::string_view team_id,
                                                              const RelationshipDraft& draft);
  [[nodiscard]] Status DeleteRelationship(const Principal& actor, std::string_view relationship_id);
  [[nodiscard]] Result<ClientLogEntry> AddLogEntry(const Principal& actor,
                                                   std::string_view engagement_id,
                                                   const LogDraft& draft);

 private:
  Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  //! The state of the current snapshot and today (see the header comment).
  Result<GoalsStateRef> State();
  Result<uint32_t> ReadableTeam(const Authorizer& authorizer, const Principal& viewer,
                                std::string_view team_id) const;
  TeamGoals BuildTeamGoals(const GoalsStateRef& state, const Principal& viewer,
                           uint32_t team) const;
  TeamRoles BuildTeamRoles(const GoalsStateRef& state, const Principal& viewer,
                           uint32_t team) const;
  //! ReadableTeam, and kPermissionDenied(`refusal`) when the viewer may not
  //! change it.
  Result<uint32_t> ChangeableTeam(const Authorizer& authorizer, const Principal& viewer,
                                  std::string_view team_id, std::string_view refusal) const;
  //! `on_page`: the goals of the page the view is on (children are limited
  //! to them, the other readable ones counted in more_children); null: all.
  GoalView ViewOf(const Authorizer& authorizer, const Principal& viewer, uint32_t goal,
                  const std::unordered_set<uint32_t>* on_page = nullptr) const;
  //! Commits `change` with its audit entry through the FirmWriter (one
  //! transaction; the snapshot has it when this returns).
  Status Commit(const Principal& actor, FirmChange change, std::string_view action,
                std::string_view entity, std::string_view entity_id, std::string_view detail);
  Status Commit(const Principal& actor, FirmData upserts, std::string_view action,
                std::string_view entity, std::string_view entity_id, std::string_view detail);
  Status CommitDelete(const Principal& actor, EntityKind kind, const std::string& id,
                      std::string_view action);
  //! Deletes deliverable or client relationship `id` (`kind` says which) for
  //! a leader of its team or an administrator; kNotFound when the actor may
  //! not read its team, as when there is no such item.
  Status DeleteTeamItem(const Principal& actor, EntityKind kind, std::string_view id);
  //! Domain validation of one goal against its team and ancestors.
  Status CheckGoal(const FirmSnapshot& snapshot, const Goal& goal) const;

  Store& store_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const GoalsOptions options_;
  // The state is keyed by snapshot version AND day (statuses move with the
  // date while the data stays), which PerSnapshot (keyed by version only)
  // does not offer; same locking otherwise.
  std::mutex build_mu_;  // one state computation at a time
  mutable std::mutex state_mu_;
  GoalsStateRef current_;  // GUARDED_BY(state_mu_)
  std::mutex write_mu_;    // writes read-modify-write the snapshot: one at a time
};

}  // namespace guild
