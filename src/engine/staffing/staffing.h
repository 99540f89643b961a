// Staffing engine: proposes who works on which open opening, and says why.
//
// Model (docs/STAFFING.md has the full reading):
//  - A SEAT is one unfilled place of an Opening: headcount minus the
//    assignments already on it, on openings whose engagement is live
//    (tentative or confirmed) and that end on or after `today`.
//  - A seat runs from max(opening.start, engagement.start, today) to
//    min(opening.end, engagement.end) and needs opening.hours_per_week in
//    every ISO week it touches. Capacity holds in every one of those weeks,
//    however far past the horizon (horizon_weeks from the week holding
//    `today`: the weeks whose loads are indexed densely).
//  - Free hours of a person-week = ceiling * weekly_capacity_hours - hours of
//    existing assignments touching that week - time-off hours (TimeEntry of
//    category kTimeOff dated in that week, on or after today).
//
// Hard constraints (CheckStaffingPlan verifies every one of them):
//  H1 capacity: no person-week above the ceiling after the plan, in any
//     week a seat touches;
//  H2 dates: the person is employed (start_date/end_date) for the whole seat;
//  H3 skills: every required skill at min_level, except one STRETCH skill:
//     level min_level-1, the person wants to grow it, the opening has at
//     least `stretch_min_group` seats (headcount), at most one stretch person
//     among the opening's people, and a coach on the same engagement (leader,
//     existing assignment or planned seat) holding the skill at min_level+1
//     or more;
//  H4 preferences: excluded people are never seated on that opening; every
//     pinned person is seated on it, or the plan lists the pin as an issue
//     with the reason;
//  H5 one person at most once per opening;
//  H6 lead: a lead opening is filled only by a person of a lead grade, and
//     never on an engagement that already has a leader; at most one
//     accountable lead per engagement (none only when the plan lists the
//     engagement as an issue);
//  H7 key clients: each key client keeps >= 2 partners who served it before
//     the plan (led one of its engagements or held an assignment on it) on
//     its current work; a partner the plan seats counts only when they served
//     it before. When it cannot, the plan lists the client as an issue.
//
// Objective: minimise sum of seat costs (ObjectiveWeights), an unfilled seat
// costing `weights.unfilled`. Seat costs are separable (they depend on the
// data before the plan, not on other seats of the plan), so the Lagrangian
// bound is a valid lower bound on the optimum over the generated candidates.
//
// Thread safety: a built StaffingEngine is immutable; its const methods may
// run concurrently. The FirmData it was built from must outlive it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"

namespace guild::staffing {

//! Weights of the objective. A seat's cost is
//!   base - skill_fit*fit - growth*[stretch wanted] - volunteer*[volunteered]
//!   - continuity*[served the client] - worked_together*share
//!   - idle*(1 - utilisation before) + load*overload + cost*rate/reference
//!   - key_client_partner*[partner who served a key client short of partners]
//! clamped at >= 0, where fit in [-0.5, 1] is the mean over required skills of
//! min(level - min_level, 2) / 2, share in [0, 1] is the fraction of the
//! engagement's current people the person shared an earlier engagement with,
//! and overload in [0, 1] is how far the peak utilisation after the seat goes
//! past `load_threshold` towards the ceiling.
struct ObjectiveWeights {
  double unfilled = 1000;          //!< cost of leaving a seat empty
  double base = 100;               //!< constant part of a filled seat's cost
  double skill_fit = 20;           //!< levels above the minimum
  double growth = 15;              //!< stretch seat for someone who wants to grow
  double volunteer = 20;           //!< the person volunteered for the opening
  double continuity = 10;          //!< the person served the client before
  double worked_together = 5;      //!< share of the current team worked with before
  double idle = 15;                //!< reward for giving idle people work
  double load = 25;                //!< penalty for utilisation near the ceiling
  double load_threshold = 0.8;     //!< utilisation from which `load` applies
  double cost = 10;                //!< cost_rate relative to `reference_rate` (capped at 2)
  double reference_rate = 200;     //!< cost_rate counted as 1
  double key_client_partner = 30;  //!< partner keeping a key client at >= 2 partners
};

struct StaffingOptions {
  //! Weeks from the week holding today whose loads are indexed densely,
  //! 1..104 (capacity holds in later weeks too, read from each person's
  //! bookings there); also the market report's longest window.
  int horizon_weeks = 12;
  double capacity_ceiling = 1.0;  //!< share of weekly capacity never exceeded, (0, 2]
  ObjectiveWeights weights;
  int candidates_per_seat = 8;     //!< K best candidates kept per seat
  int max_scan = 2000;             //!< skill-index entries scanned per opening
  double time_limit_seconds = 20;  //!< wall time of the steps after candidate generation
  std::vector<std::string> lead_grades = {"partner", "director"};
  std::vector<std::string> partner_grades = {"partner"};
  int stretch_min_group = 3;    //!< openings with fewer seats offer no stretch
  int max_tentative_moves = 3;  //!< incremental: tentative assignments it may move
  int runner_ups = 3;           //!< per assignment in the explanation
  bool explain = true;          //!< build explanations (costs time at scale)
  int bound_iterations = 200;   //!< subgradient iterations (at most 30% of the time)
  //! Called with the step name and the done fraction; may be empty.
  std::function<void(std::string_view step, double fraction)> progress;
};

struct SkillFit {
  std::string skill_id;
  int required = 0;  //!< min_level
  int level = 0;     //!< the person's effective level, 0 = not held
};

struct RunnerUp {
  std::string person_id;
  double cost = 0;
  std::string why_lost;  //!< e.g. "higher cost: did not volunteer" (no figures)
};

struct Explanation {
  std::vector<SkillFit> fit;
  std::string stretch_skill_id;  //!< empty when not a stretch seat
  std::string coach_id;          //!< who coaches the stretch skill
  double load_before = 0;        //!< peak utilisation of the seat's weeks before the plan
  double load_after = 0;         //!< ... after the whole plan
  bool continuity = false;       //!< served the client before
  bool volunteer = false;
  bool pinned = false;
  bool key_client_partner = false;
  int worked_with = 0;  //!< current team members worked with before
  std::vector<RunnerUp> runner_ups;
};

struct ProposedAssignment {
  std::string seat_id;    //!< "OPENING_ID#n", n = 1.. among the open seats
  Assignment assignment;  //!< status kTentative; a new id, or the moved one's
  //! Incremental only: this is an existing tentative assignment moved from
  //! this person to assignment.person_id; empty for new assignments.
  std::string moved_from_person_id;
  bool stretch = false;
  double cost = 0;
  Explanation explanation;
};

struct UnfilledSeat {
  std::string seat_id;
  std::string opening_id;
  std::string reason;
};

//! A constraint the plan could not meet, or (from the checker) broke.
struct ConstraintIssue {
  std::string constraint;  //!< "capacity", "dates", "hours", "skills", "pinned", "excluded",
                           //!< "distinct", "lead", "key_client", "seats", "id", "confirmed"
  std::string subject_id;  //!< the opening, engagement, client or person
  std::string message;     //!< says what and where, never private figures
  //! The figures behind the message (hours booked, the ceiling): private to
  //! who may read the person's loads. Empty when there are none.
  std::string detail;
  //! Checker: the plan's entries (assignment ids) that break the rule.
  std::vector<std::string> entry_ids;
};

struct StepReport {
  std::string name;
  double seconds = 0;
  std::string effect;
};

struct StaffingPlan {
  Date today;
  std::vector<ProposedAssignment> assignments;
  std::vector<UnfilledSeat> unfilled;
  std::vector<ConstraintIssue> issues;  //!< pins not met, leads missing, key clients short
  std::vector<StepReport> steps;
  double objective = 0;  //!< sum of seat costs, unfilled seats included
  double bound = 0;      //!< lower bound over the generated candidates
  double gap = 0;        //!< (objective - bound) / objective
  //! (objective - bound) / (objective - unfilled * seats without any
  //! candidate): the gap on the part of the cost the solver can change.
  double gap_assignable = 0;
  int64_t seats = 0;
  int64_t candidates = 0;
};

struct SkillBalance {
  std::string skill_id;
  double demand_hours = 0;  //!< open seats needing the skill, over the window
  double supply_hours = 0;  //!< free hours of holders (level >= 1), over the window
};
struct IdlePerson {
  std::string person_id;
  double utilisation = 0;           //!< assigned hours / capacity over the window
  std::vector<std::string> skills;  //!< top skills, highest level first
};
struct OverloadedPerson {
  std::string person_id;
  //! Time entries of every category but time off, per week of load_weeks.
  double logged_hours_per_week = 0;
  double capacity_hours = 0;
  double leadership_hours_per_week = 0;  //!< kLeadership, per week of load_weeks
  double delegable_hours_per_week = 0;   //!< min(leadership, excess over capacity)
};
struct MarketReport {
  Date from;                         //!< Monday of the week holding today: the window's first day
  int weeks = 0;                     //!< the window: weeks from `from` (demand, supply, idle)
  std::vector<SkillBalance> skills;  //!< largest shortfall first
  std::vector<UnfilledSeat> unfilled;
  std::vector<IdlePerson> idle;  //!< least used first
  std::vector<OverloadedPerson> overloaded;
  //! Mondays of the weeks the overload figures average over, oldest first:
  //! the most recent whole weeks before `from` that hold time entries.
  //! Empty (and no one overloaded) when none do.
  std::vector<Date> load_weeks;
  double delegable_leadership_hours_per_week = 0;
};

struct MarketOptions {
  int weeks = 8;                 //!< window from the week holding today
  double idle_threshold = 0.25;  //!< utilisation under which a person is idle
  //! Weeks of logged time averaged for overload: the most recent whole
  //! weeks before today's that hold time entries (logs often stop early).
  int recent_weeks = 4;
  int lookback_weeks = 13;  //!< how far back those weeks are looked for
  int limit = 50;           //!< rows per list
};

//! The candidate model PlanAll solves (without the coach and lead rules,
//! and with capacity in the horizon's weeks only; the stretch rule as "at
//! most one stretch person per opening"; the pins PlanAll seats marked), for
//! peers such as a MIP solver in the benchmark.
struct CandidateModel {
  struct Candidate {
    int32_t person = 0;  //!< index into person_ids
    double cost = 0;
    bool stretch = false;  //!< one level short of one required skill (H3)
    //! False for a stretch candidate no plan can seat: no coach on the
    //! engagement and no candidate on any of its openings who could coach.
    bool seatable = true;
    //! A pinned person whom PlanAll seats first (H4) and never moves.
    bool pinned = false;
  };
  struct Group {
    std::string opening_id;
    int seats = 0;
    double hours = 0;  //!< per week, in each week of [w0, w1)
    int w0 = 0, w1 = 0;
    std::vector<Candidate> candidates;  //!< distinct people
  };
  int weeks = 0;
  double unfilled = 0;  //!< cost of an empty seat
  std::vector<std::string> person_ids;
  std::vector<float> free;  //!< [person * weeks + w] free hours
  std::vector<Group> groups;
};

//! A person's standing on one required skill of an opening.
struct RequirementLevel {
  int min_level = 1;           //!< SkillRequirement::min_level
  int level = 0;               //!< the person's effective level, 0 = not held
  bool wants_to_grow = false;  //!< the person wants to grow the skill
};

//! How a person's skills meet an opening's requirements: rule H3 and the fit
//! term of the seat cost (ObjectiveWeights), as the engine applies them.
struct SkillMatch {
  bool eligible = false;  //!< every requirement met, or all but one stretched
  int stretch = -1;       //!< index of the stretched requirement, or -1
  int short_of = -1;      //!< when !eligible: the first requirement that rules it out
  //! Mean over requirements of min(level - min_level, 2) / 2, a stretched one
  //! counting -0.5; in [-0.5, 1]; 0 without requirements.
  double fit = 0;
};

//! Matches `count` requirements, `at(i)` giving the i-th as a
//! RequirementLevel. `stretch_allowed`: the opening offers a stretch seat
//! (headcount >= stretch_min_group and no one on it below a minimum yet).
//! A requirement is stretched when the person holds it exactly one level
//! below, wants to grow it, stretch is allowed and no other requirement is
//! stretched.
template <typename At>
SkillMatch MatchSkills(size_t count, bool stretch_allowed, At&& at) {
  SkillMatch m;
  for (size_t i = 0; i < count; ++i) {
    const RequirementLevel r = at(i);
    if (r.level >= r.min_level) {
      m.fit += std::min(r.level - r.min_level, 2) / 2.0;
      continue;
    }
    if (r.level != r.min_level - 1 || !r.wants_to_grow || !stretch_allowed || m.stretch >= 0) {
      m.short_of = static_cast<int>(i);
      return m;
    }
    m.stretch = static_cast<int>(i);
    m.fit -= 0.5;
  }
  if (count > 0) m.fit /= static_cast<double>(count);
  m.eligible = true;
  return m;
}

namespace internal {
struct Context;
}

//! The engine, built once from a firm and reused (incremental answers reuse
//! the indexes and loads).
class StaffingEngine {
 public:
  //! Indexes `firm` for staffing at `today`. InvalidArgument for options out
  //! of range. `firm` must outlive the engine.
  static Result<std::unique_ptr<StaffingEngine>> Build(const FirmData& firm, Date today,
                                                       const StaffingOptions& options);
  ~StaffingEngine();
  StaffingEngine(const StaffingEngine&) = delete;
  StaffingEngine& operator=(const StaffingEngine&) = delete;

  //! Full plan for every open seat. Never fails on an infeasible instance:
  //! unfilled seats and issues say which constraint and which opening.
  [[nodiscard]] Result<StaffingPlan> PlanAll() const;
  //! The candidate model of PlanAll (same candidates, same costs).
  [[nodiscard]] CandidateModel Candidates() const;
  //! Incremental: seats only `opening` (new, or a changed version of an
  //! existing one; its engagement must exist). Existing assignments stay;
  //! at most options.max_tentative_moves TENTATIVE ones that have not started
  //! (never confirmed ones) may move, whole, to another person to make room. NotFound for an
  //! unknown engagement, InvalidArgument for an opening that fails domain validation.
  [[nodiscard]] Result<StaffingPlan> PlanOpening(const Opening& opening) const;
  //! Market report over options.weeks; `plan` (may be null) gives the
  //! unfilled seats and why.
  [[nodiscard]] MarketReport Market(const MarketOptions& options, const StaffingPlan* plan) const;

  [[nodiscard]] const StaffingOptions& options() const;
  [[nodiscard]] Date today() const;

 private:
  explicit StaffingEngine(std::unique_ptr<internal::Context> context);
  std::unique_ptr<internal::Context> ctx_;
};

//! What CheckStaffingPlan reads `plan` as.
enum class CheckScope {
  //! A whole plan: every hard rule, and every pin, lead opening and key
  //! client it leaves short is listed in plan.issues.
  kPlan,
  //! Entries about to be written, possibly a selection of a plan: only what
  //! writing them breaks. A pinned person left out breaks H4 only when the
  //! entries fill the opening's last seat; a key client H7 only when the
  //! entries (moves) take it below two partners; an unfilled lead opening
  //! breaks nothing.
  kEntries,
};

//! Verifies every hard constraint H1..H7 of `plan` against `firm` (read from
//! scratch, independently of the solver) at plan.today. Each new entry must
//! be its seat exactly: the opening's hours per week, from max(opening
//! start, engagement start, plan.today) to min(opening end, engagement end);
//! a moved entry (moved_from_person_id) an existing tentative assignment with
//! only its person changed. Capacity holds in every week an entry touches.
//! Returns the violations, each naming the entries that break it; empty
//! means the plan may be accepted.
std::vector<ConstraintIssue> CheckStaffingPlan(const FirmData& firm, const StaffingPlan& plan,
                                               const StaffingOptions& options,
                                               CheckScope scope = CheckScope::kPlan);

//! The objective of `plan` recomputed from `firm` with the seat cost
//! function: sum of assignment costs + weights.unfilled per open seat left
//! empty. Used by tests (brute force) and to re-verify a plan.
double EvaluateStaffingPlan(const FirmData& firm, const StaffingPlan& plan,
                            const StaffingOptions& options);

//! Finds the assignment with this seat id, assignment id, or (when unique)
//! person id; nullptr when none.
const ProposedAssignment* FindInPlan(const StaffingPlan& plan, std::string_view key);

}  // namespace guild::staffing
