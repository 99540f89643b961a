// CheckinsService: member-led check-ins (docs/CHECKINS.md) for the API and
// the CLI — a member's check-ins with their teams (draft, submit, prefill
// from the last cycle, blockers carried over, the one routed question), a
// leader's view of a team's cycle, the overdue list across the teams one
// leads, nudges, answers to routed questions and per-team trends.
//
// State: none of its own. Teams, people and time entries come from the
// firm snapshot (SnapshotHolder); check-ins, blockers, questions and inbox
// items are store-only kinds read with Store::Select by their indexes.
// "Today" comes from the injected Clock.
//
// Access: decided through the Authorizer — CanReadCheckin (the author and
// the team's leaders; a draft to its author only), CanReadCheckinQuestion
// (asker, addressee, the team's leaders), CanReadTeamCheckins (the team's
// leaders: the team view, nudges, trends), CanReadCheckinStatuses (the
// overdue list of named teams: also firm leaders and administrators, who
// see statuses, never contents), CanSetCheckinCadence (the team's leaders
// and administrators set its cadence). No role overrides these. Export is the
// operator's bulk export (`guild checkins export`, administrators as
// CanImport, like `guild export`); the API never serves it.
//
// Writes: validated first (domain validate.h and the rules below), then one
// FirmChange with its audit entry through the FirmWriter: the check-in, the
// blockers it raises or resolves, its question and the inbox item for the
// addressee commit together, or nothing does.
//
// Errors: kInvalidArgument naming the field ("client_change: expected ...")
// and writing nothing; kNotFound for an unknown team, check-in or question
// and for one the viewer may not see (never told apart); kPermissionDenied
// for a question the viewer may read but not answer; kFailedPrecondition
// for a question already answered; kUnavailable before the snapshot loads.
//
// Thread safety: all methods may be called from several threads at once;
// writes by one author (of one team's nudges, of one question's answer) run
// one at a time, others at once.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/checkins/checkin_rules.h"
#include "service/checkins/reporting_tree.h"
#include "service/snapshot/per_snapshot.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"

namespace guild {

struct CheckinsOptions {
  int max_trend_cycles = 52;  //!< most cycles one trends call covers
  int max_questions = 200;    //!< most questions one list returns, newest first
};

//! A member's check-in with one team in one cycle, as its author sees it.
struct MyTeamCheckin {
  uint32_t team = 0;  //!< position in the snapshot's teams
  checkins::Cycle cycle;
  checkins::MemberStatus status = checkins::MemberStatus::kDue;
  checkins::Exclusion exclusion = checkins::Exclusion::kNone;
  std::optional<Checkin> current;             //!< this cycle's draft or submitted check-in
  std::optional<Checkin> prefill;             //!< the latest earlier check-in (its fields)
  std::vector<CheckinBlocker> open_blockers;  //!< unresolved, oldest first
  std::optional<CheckinQuestion> question;    //!< asked in this cycle's check-in
};

//! GET /checkins/me: the viewer's teams that run check-ins, and the
//! unanswered questions routed to them.
struct MyCheckins {
  std::shared_ptr<const FirmSnapshot> snapshot;
  std::vector<MyTeamCheckin> teams;
  std::vector<CheckinQuestion> questions_to_me;  //!< unanswered, newest first
};

//! A check-in to save: its fields; unset keeps the saved value.
struct CheckinDraft {
  std::optional<std::string> person_id;  //!< when set, must be the actor's person
  std::optional<Date> cycle;             //!< any day of the cycle; unset: today's
  std::optional<std::string> client_change;
  std::optional<std::string> note;
  std::vector<std::string> blockers;          //!< new blockers to raise (texts)
  std::vector<std::string> resolve_blockers;  //!< ids of the author's open blockers
  std::optional<std::string> question_addressee_id;
  std::optional<std::string> question_text;
  bool submit = false;
};

//! One check-in with what it raised and asked.
struct CheckinDetail {
  std::shared_ptr<const FirmSnapshot> snapshot;
  Checkin checkin;
  std::vector<CheckinBlocker> blockers;    //!< raised by it
  std::vector<CheckinQuestion> questions;  //!< asked in it and readable by the viewer
};

//! One member in a leader's view of a cycle.
struct MemberCheckin {
  uint32_t person = 0;  //!< position in the snapshot's people
  checkins::MemberStatus status = checkins::MemberStatus::kDue;
  checkins::Exclusion exclusion = checkins::Exclusion::kNone;
  std::optional<Checkin> checkin;  //!< submitted only: a draft stays its author's
};

//! A lingering blocker in the leader's view.
struct LingeringBlocker {
  CheckinBlocker blocker;
  int cycles_open = 0;
};

//! GET /teams/{team}/checkins: a team's cycle as its leader sees it.
struct TeamCheckins {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t team = 0;
  checkins::Cycle cycle;
  std::vector<MemberCheckin> members;                //!< in the team's member order
  std::vector<CheckinQuestion> open_questions;       //!< unanswered, addressed to the viewer
  std::vector<LingeringBlocker> lingering_blockers;  //!< open > kLingeringBlockerCycles
};

//! GET /checkins/overdue: every team the viewer leads with check-ins.
struct OverdueList {
  std::shared_ptr<const FirmSnapshot> snapshot;
  struct Team {
    uint32_t team = 0;
    checkins::Cycle cycle;
    //! Members who have not submitted and are not excluded (due, draft, overdue).
    std::vector<MemberCheckin> members;
  };
  std::vector<Team> teams;  //!< in team order
};

//! GET /checkins/overdue?scope=reports: the people of one person's
//! reporting line (Person::manager_id, transitively; the person excluded)
//! who have not checked in (due, draft, overdue), grouped by the check-in
//! team they are a member of. Statuses only: no check-in's content.
struct ReportsOverdue {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t person = 0;          //!< whose reporting line
  uint32_t reporting_line = 0;  //!< people in it
  //! One page (OverduePage) of the teams with at least one such member
  //! (only those members), in team order.
  std::vector<OverdueList::Team> teams;
  int teams_total = 0;  //!< teams with such members, over all pages
  int due = 0;          //!< over all teams
  int draft = 0;        //!< over all teams
  int overdue = 0;      //!< over all teams
  //! Pass as OverduePage::cursor for the next page; empty on the last page.
  std::string next_cursor;
};

//! Which teams of the reporting-line view to return.
struct OverduePage {
  int limit = std::numeric_limits<int>::max();  //!< at most this many teams (>= 1)
  //! ReportsOverdue::next_cursor of the previous page (the id of its last
  //! team); empty for the first page.
  std::string cursor;
};

struct TeamTrends {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t team = 0;
  std::vector<checkins::CycleTrend> cycles;  //!< oldest first, the current one last
};

enum class QuestionSide { kToMe, kFromMe };

//! `guild checkins export`: check-ins with their blockers and questions.
struct CheckinExport {
  std::vector<Checkin> checkins;  //!< by team, then cycle, then person
  std::vector<CheckinBlocker> blockers;
  std::vector<CheckinQuestion> questions;
};

class CheckinsService {
 public:
  //! Every reference must outlive the service.
  CheckinsService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock,
                  CheckinsOptions options = {});

  // ---- Reads ----
  [[nodiscard]] Result<MyCheckins> GetMine(const Principal& viewer);
  [[nodiscard]] Result<CheckinDetail> GetCheckin(const Principal& viewer, std::string_view id);
  //! How many times the per-snapshot indexes were built (tests).
  [[nodiscard]] int64_t IndexBuildsForTesting() const { return indexes_.builds(); }

  //! `day`: any day of the cycle (unset: today).
  [[nodiscard]] Result<TeamCheckins> GetTeam(const Principal& viewer, std::string_view team_id,
                                             std::optional<Date> day);
  //! The teams the viewer leads, each with its members not yet checked in
  //! for the cycle holding `day` (unset: today).
  [[nodiscard]] Result<OverdueList> GetOverdue(const Principal& viewer, std::optional<Date> day);
  //! The teams' members (`team_ids`, each CanReadCheckinStatuses, else
  //! kNotFound; empty: every team the viewer leads).
  [[nodiscard]] Result<OverdueList> GetOverdueOf(const Principal& viewer,
                                                 const std::vector<std::string>& team_ids,
                                                 std::optional<Date> day);
  //! Who of `person_id`'s reporting line (empty: the viewer's) has not
  //! checked in for the cycle holding `day` (unset: today) of each check-in
  //! team they are a member of. CanReadReportsCheckinStatuses, else
  //! kNotFound; kInvalidArgument naming "person" when `person_id` is empty
  //! and the viewer is linked to no person. The reporting tree and the time
  //! off are indexed once per snapshot (kept while people, teams and time
  //! entries are unchanged); the check-ins are read with one Select per
  //! cycle start by (cycle_start, team_id) ranges.
  //! The counts cover the whole line; `teams` holds the page's teams
  //! (kInvalidArgument naming "limit" below 1, or "cursor" when it names
  //! no team).
  [[nodiscard]] Result<ReportsOverdue> GetOverdueOfReports(const Principal& viewer,
                                                           std::string_view person_id,
                                                           std::optional<Date> day,
                                                           const OverduePage& page = {});
  [[nodiscard]] Result<std::vector<CheckinQuestion>> GetQuestions(const Principal& viewer,
                                                                  QuestionSide side);
  //! The last `cycles` cycles (1..options.max_trend_cycles) ending with today's.
  [[nodiscard]] Result<TeamTrends> GetTrends(const Principal& viewer, std::string_view team_id,
                                             int cycles);
  //! Every check-in of `team_id` (empty: all teams) with cycle_start >=
  //! `since`; the operator only (CanImport; kPermissionDenied otherwise). Drafts
  //! are left out: they are their authors' only.
  [[nodiscard]] Result<CheckinExport> Export(const Principal& viewer, std::string_view team_id,
                                             Date since);

  // ---- Writes ----
  //! Saves the actor's check-in with `team_id` (see CheckinDraft; rules in
  //! docs/CHECKINS.md). Returns the saved check-in.
  [[nodiscard]] Result<Checkin> Save(const Principal& actor, std::string_view team_id,
                                     const CheckinDraft& draft);
  //! One nudge (InboxItem kNudge) per member who needs one in today's cycle
  //! and has none for it yet; returns how many were written.
  [[nodiscard]] Result<int> Nudge(const Principal& actor, std::string_view team_id);
  //! Sets how often `team_id` runs check-ins: `days` 1..kMaxCheckinCadenceDays
  //! (7 weekly, 14 fortnightly), 0 for none. CanSetCheckinCadence (the team's
  //! leaders and administrators); a team the actor may not read is kNotFound,
  //! one they may read but not set kPermissionDenied; a `days` out of range
  //! kInvalidArgument naming "days". Writes the team and an audit entry
  //! ("team.checkin_cadence") through the FirmWriter, nothing when `days` is
  //! already the cadence. Returns the cadence now in force. `if_match`: the
  //! team versions (TeamVersion) the writer read, any of which must still
  //! be the team's (else kFailedPrecondition at the If-Match header, nothing
  //! written); empty: no precondition. Runs under the team's
  //! FirmWriter::RecordLock, as every team write does.
  [[nodiscard]] Result<int> SetCadence(const Principal& actor, std::string_view team_id, int days,
                                       std::span<const std::string> if_match = {});
  //! The addressee answers; writes the answer and an inbox item for the asker.
  [[nodiscard]] Result<CheckinQuestion> Answer(const Principal& actor, std::string_view question_id,
                                               std::string_view answer);

  //! The id of the nudge of `person_id` on `team_id` for the cycle starting
  //! `cycle_start`: one per member and cycle.
  static std::string NudgeId(std::string_view team_id, Date cycle_start,
                             std::string_view person_id);

 private:
  Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  //! The team, kNotFound when absent or the viewer may not read it.
  Result<uint32_t> ReadableTeam(const Authorizer& authorizer, const Principal& viewer,
                                std::string_view team_id) const;
  //! ReadableTeam, and kNotFound unless the viewer may read its check-ins.
  Result<uint32_t> LedTeam(const Authorizer& authorizer, const Principal& viewer,
                           std::string_view team_id) const;
  Result<MyTeamCheckin> MineOn(const FirmSnapshot& s, uint32_t person, uint32_t team, Date today,
                               const checkins::TimeOff& off);
  Status Commit(const Principal& actor, FirmChange change, std::string_view action,
                std::string_view entity, std::string_view entity_id);

  Store& store_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const CheckinsOptions options_;
  //! What the check-in reads derive from the snapshot's people, teams and
  //! time entries: built once, and kept while those kinds keep their
  //! storage (a check-in, a nudge or any other write leaves them; a write to
  //! people, teams or time entries builds them again).
  struct Indexes {
    checkins::ReportingTree tree;  //!< people's reporting lines
    checkins::TimeOff time_off;    //!< everyone's time off, by person position
    //! Per team position: its rank among the teams that run check-ins in id
    //! order (bytewise, as both stores order text), or kNoRank.
    std::vector<uint32_t> team_rank;
    //! Per team position that runs check-ins: its members but its leader, by
    //! person position, in the team's member order (empty for the others).
    std::vector<std::vector<uint32_t>> members;
    //! True when `person` checks in with `team` (a member, not its leader,
    //! of a team that runs check-ins).
    [[nodiscard]] bool ChecksIn(uint32_t team, uint32_t person) const;
  };
  static constexpr uint32_t kNoRank = std::numeric_limits<uint32_t>::max();
  static Result<std::shared_ptr<const Indexes>> BuildIndexes(const FirmSnapshot& snapshot);
  PerSnapshot<Indexes> indexes_;
  //! The members' statuses in `cycle` (submitted check-ins kept), reading
  //! the team's check-ins of the cycle; members (by position) and time off
  //! from `indexes`.
  Result<std::vector<MemberCheckin>> MemberStatuses(const FirmSnapshot& s, const Indexes& indexes,
                                                    uint32_t team, const checkins::Cycle& cycle,
                                                    Date today);
  //! The members' statuses in `cycle` from its check-ins `saved` (of this
  //! team and cycle; submitted check-ins kept).
  std::vector<MemberCheckin> StatusesFrom(const FirmSnapshot& s, const Indexes& indexes,
                                          uint32_t team, const checkins::Cycle& cycle, Date today,
                                          std::span<const Checkin> saved) const;
  //! The teams' members who need a nudge in the cycle holding `at` of each
  //! team, read with one Select per cycle start (and range of teams), for
  //! the overdue views. `teams` run check-ins.
  Result<std::vector<OverdueList::Team>> OverdueOfTeams(const FirmSnapshot& s,
                                                        const Indexes& indexes,
                                                        std::vector<uint32_t> teams, Date at,
                                                        Date today);
  //! Writes read, check, then commit; two writes on the same key (a Save's
  //! author, a Nudge's team, an Answer's question) run one at a time, writes
  //! on different keys (which touch different rows) at once, so that their
  //! commits share the FirmWriter's group commit.
  std::mutex& WriteLock(std::string_view key);
  static constexpr size_t kWriteStripes = 64;
  std::array<std::mutex, kWriteStripes> write_mu_;
};

}  // namespace guild
