// Goal status, the goal alignment tree's roll-up and the responsibility
// (RACI) check: pure functions over domain values (docs/GOALS.md).
//
// Status. A goal's progress is the share of the way from its start value to
// its target that its latest measurement covers (0 before any measurement;
// below 0 when it moved the wrong way, above 1 past the target). Its
// expectation is the share of the time from start_date to due_date that has
// passed on `as_of` (0 before the start, 1 from the due date on). Then, in
// order:
//   done       progress >= 1 (the target is reached), whenever that is;
//   missed     as_of is after due_date and the target is not reached;
//   off track  expectation - progress (progress clamped to 0..1) exceeds
//              StatusOptions::off_track_shortfall;
//   at risk    it exceeds StatusOptions::at_risk_shortfall;
//   on track   otherwise.
//
// Roll-up. A team goal's rolled-up progress is the mean of the clamped
// progress (0..1) of every team goal in its subtree of the alignment tree,
// itself included, each goal counting once; its rolled-up status applies the
// rule above to that mean and the goal's own expectation. Personal goals are
// private (docs/GOALS.md) and never count in a team goal's roll-up.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"

namespace guild::goals {

enum class GoalStatus { kOnTrack, kAtRisk, kOffTrack, kDone, kMissed };

//! "on-track", "at-risk", "off-track", "done", "missed".
std::string_view ToString(GoalStatus status);

//! Thresholds of the status rule, as shares of the whole way (0..1).
struct StatusOptions {
  //! At risk when progress trails the expectation by more than this.
  double at_risk_shortfall = 0.10;
  //! Off track when it trails by more than this (>= at_risk_shortfall).
  double off_track_shortfall = 0.25;
};

//! kInvalidArgument naming the option unless 0 <= at_risk <= off_track <= 1.
[[nodiscard]] Status CheckStatusOptions(const StatusOptions& options);

struct Measure {
  double progress = 0;  //!< share of the way covered; unclamped
  double expected = 0;  //!< share of the time passed, 0..1
  GoalStatus status = GoalStatus::kOnTrack;
};

//! The rule on raw numbers: `progress` (unclamped), `expected` (0..1) and
//! whether as_of is past the due date.
GoalStatus StatusOf(double progress, double expected, bool past_due, const StatusOptions& options);

//! Share of the time from start to due that has passed on `as_of`, 0..1.
double ExpectedShare(Date start, Date due, Date as_of);

//! REQUIRES: `goal` passes ValidateGoal (target differs from start).
Measure MeasureGoal(const Goal& goal, Date as_of, const StatusOptions& options);

//! A goal's place in the alignment tree and its roll-up.
struct RollUp {
  double progress = 0;  //!< mean clamped progress over the subtree
  uint32_t goals = 1;   //!< team goals counted (the subtree's size)
  GoalStatus status = GoalStatus::kOnTrack;
};

//! The alignment forest over `goals` (positions into the span).
struct GoalTree {
  std::vector<std::optional<uint32_t>> parent;  //!< per goal; nullopt for a root
  std::vector<uint32_t> child_offsets;          //!< children of g: child_values[off[g]..off[g+1])
  std::vector<uint32_t> child_values;           //!< in goal order
  std::vector<RollUp> rollup;                   //!< per goal
  [[nodiscard]] std::span<const uint32_t> Children(uint32_t goal) const {
    return {child_values.data() + child_offsets[goal],
            child_values.data() + child_offsets[goal + 1]};
  }
};

//! Builds the tree and every goal's roll-up in time linear in the number of
//! goals. A parent_id naming no goal in `goals` makes a root. Goals on an
//! alignment cycle (which validation refuses) get the roll-up of what
//! reaches them, and the walk still ends.
GoalTree BuildGoalTree(std::span<const Goal> goals, Date as_of, const StatusOptions& options);

// ---- Responsibility (RACI) check ----------------------------------------------

enum class RaciWarningKind {
  kNoAccountable,           //!< a row with nobody accountable
  kSeveralAccountable,      //!< a row with two or more accountable people
  kMemberWithoutRole,       //!< a team member in no row at all
  kAccountableLeftTeam,     //!< an accountable person who is not on the team
  kLeadershipTeamTooLarge,  //!< a leadership team above RaciOptions::max_leadership_team
};

//! "no-accountable", "several-accountable", "member-without-role",
//! "accountable-left-team", "leadership-team-too-large".
std::string_view ToString(RaciWarningKind kind);

//! What a matrix row is about.
enum class RaciRowKind { kGoal, kDeliverable, kClientRelationship };
//! "goal", "deliverable", "client-relationship".
std::string_view ToString(RaciRowKind kind);
std::optional<RaciRowKind> ParseRaciRowKind(std::string_view text);

struct RaciOptions {
  //! Most people (members and leader) an account leadership team may have;
  //! a firm setting, 7 unless the firm sets another.
  int max_leadership_team = 7;
};

struct RaciWarning {
  RaciWarningKind kind;
  RaciRowKind row_kind = RaciRowKind::kGoal;  //!< for row warnings
  std::string row_id;                         //!< empty for team-wide warnings
  std::string person_id;                      //!< who, when one person is meant
  std::string message;  //!< one sentence, e.g. "Deliverable 'Pack' has no accountable person."
};

//! One team and the rows of its matrix.
struct TeamRows {
  const Team* team = nullptr;
  std::vector<const Goal*> goals;
  std::vector<const Deliverable*> deliverables;  //!< cancelled ones are not checked
  std::vector<const ClientRelationship*> relationships;
};

//! Turns a person id into the name messages show (may return the id).
using NameOf = std::function<std::string(std::string_view person_id)>;

//! Every warning of one team's matrix: rows in the order given (goals,
//! deliverables, relationships), then members in member order, then the
//! team-wide one. A goal's accountable person is its owner.
std::vector<RaciWarning> CheckTeamRoles(const TeamRows& rows, const RaciOptions& options,
                                        const NameOf& name_of);

//! The rows of every team of `data`, in team order (grouped in linear time).
std::vector<TeamRows> GroupRowsByTeam(const FirmData& data);

}  // namespace guild::goals
