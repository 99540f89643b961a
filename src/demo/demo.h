// `guild demo`: a realistic professional-services firm generated from a seed.
//
// GenerateDemoFirm is a pure function: the same options and taxonomy give the
// same firm, byte for byte, on every platform (own PRNG, no clock, no libm).
// SummarizeDemoFirm computes what the CLI prints about it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"

namespace guild {

struct DemoOptions {
  //! Headcount, kMinDemoPeople..kMaxDemoPeople.
  int people = 2000;
  //! Everything random derives from this seed.
  uint64_t seed = 1;
  //! The firm's "today": engagements, openings and time entries are placed
  //! around it. Passed in; the library never reads the clock.
  Date today;
  //! Complete weeks of time entries before the week holding `today` (1..12),
  //! or 0 for DefaultTimeEntryWeeks(people). Entries are aggregated per
  //! person, day and category (about 8 per person and week).
  int time_entry_weeks = 0;
  //! Weeks of check-in history up to and including the week holding `today`
  //! (1..104), or 0 for DefaultCheckinWeeks(people). Feedback requests
  //! cover the same span.
  int checkin_weeks = 0;
  //! The firm's "now" as seconds after midnight UTC of `today`
  //! (0..86399): no check-in, answer, feedback or inbox item is stamped
  //! after it. `guild demo` passes the clock's time of day (DemoTimeOfDay).
  int time_of_day = 17 * 3600;
};

//! Seconds after midnight UTC of `clock`'s present (0..86399).
int DemoTimeOfDay(const Clock& clock);

//! 4 weeks of time entries up to 100,000 people, 1 week above (keeps a
//! 500,000-person firm's time entries near 4 million rows, so that `guild
//! demo` writes it in about a minute).
int DefaultTimeEntryWeeks(int people);

//! A year (52 weeks) of check-ins at every size (about 26 million
//! check-ins at 500,000 people: GenerateDemoFirmInParts makes them while
//! they are written).
int DefaultCheckinWeeks(int people);

inline constexpr int kMinDemoPeople = 50;
inline constexpr int kMaxDemoPeople = 500000;

//! Generates the demo firm's people, person skills, skill history, firm roles,
//! clients, account teams, engagements, openings, assignments, opening
//! preferences and time entries. The taxonomy's skills and roles are referenced, not copied: the
//! result is meant to be written after `taxonomy`.
//!
//! Also staffing data: about 5% of future engagements have no leader_id and
//! one lead opening instead; open openings have volunteers (about 1 in 3,
//! people holding or wanting to grow a required skill), a pinned person who
//! meets every requirement (about 1 in 20) or an excluded person (about 1 in
//! 30); key clients' completed engagements have a partner seated; about 5% of
//! people have a week of planned time off (category time-off) in the next 12
//! weeks.
//!
//! After success: every entity passes domain validation and the firm passes
//! ValidateFirmRules, every reference resolves inside result ∪ taxonomy, each
//! engagement has exactly one leader (leader_id or one lead opening), the
//! manager relation is a forest, some partners log more hours than their
//! capacity (leadership work) and some associates bill under half of theirs.
//! The staffing board's capacity agrees: each such partner holds a
//! confirmed seat of 110-130% of their capacity on a confirmed engagement
//! running in the week holding `today` (one they lead when they lead any),
//! where their billable and leadership time is logged; an under-used
//! associate's assignments book at most their billable share (< 45%).
//! Check-ins and feedback (issue 25): every earlier team runs no check-ins
//! (cadence 0); "people teams" (kOther) of at most 10 staff of one practice
//! and office, weekly or (about 1 in 6) fortnightly, hold everyone but the
//! partners exactly once, each led by a manager, director or partner of the
//! practice who leads at most two and takes at most 20 check-ins a week.
//! Their members check in over checkin_weeks: about 1 cycle in 12 skipped,
//! about 3% of people chronically overdue, nobody before their start date or
//! in a cycle holding a time-off entry (the demo's own time off is all
//! planned, after today), the current cycle partly submitted and partly
//! drafts; about 1 check-in in 6 raises a blocker (some open for more than
//! two cycles) and 1 in 5 routes a question (mostly answered). About one
//! feedback request per person and quarter asks 1..5 colleagues from the
//! same engagement (assignments, billed time) or people team; inbox items
//! cover the last 28 days.
//!
//! Errors: kInvalidArgument when options are out of range or the taxonomy has
//! no rated O*NET roles to draw skills from.
Result<FirmData> GenerateDemoFirm(const DemoOptions& options, const FirmData& taxonomy);

namespace demo::internal {
struct DemoParts;
}

//! A demo firm whose check-in and feedback history (check-ins, their
//! blockers and questions, feedback requests and answers, and the inbox
//! items they leave) is generated on demand, people by people, so that a
//! large firm's year of history is never held in memory at once.
//! Move-only; owns its rows.
class DemoFirm {
 public:
  explicit DemoFirm(std::unique_ptr<demo::internal::DemoParts> parts);
  ~DemoFirm();
  DemoFirm(DemoFirm&&) noexcept;
  DemoFirm& operator=(DemoFirm&&) noexcept;

  //! Everything but the history. The history reads people, teams, clients
  //! and engagements from here: REQUIRES that they stay unchanged (and are
  //! not moved out) until the last GenerateHistory call; every other kind
  //! may be moved out at any time.
  FirmData& firm();
  //! The people whose history GenerateHistory makes: [0, people()).
  uint32_t people() const;
  //! Check-ins one person has at most (their cycles in the history window).
  int max_checkins_per_person() const;
  //! Appends the history of people [begin, end) (indices into firm().people
  //! as generated) to `out`. Each person's rows come from generators of
  //! their own: any split of [0, people()) into ranges, in any order, gives
  //! the same rows as GenerateDemoFirm. REQUIRES: begin <= end <= people().
  void GenerateHistory(uint32_t begin, uint32_t end, FirmData& out) const;

 private:
  std::unique_ptr<demo::internal::DemoParts> parts_;
};

//! GenerateDemoFirm's firm with the history left to be generated on demand
//! (DemoFirm::GenerateHistory). `taxonomy` must outlive the result. Errors:
//! as GenerateDemoFirm's.
Result<DemoFirm> GenerateDemoFirmInParts(const DemoOptions& options, const FirmData& taxonomy);

struct PersonLoad {
  std::string person_id;
  std::string name;
  std::string practice;
  double capacity_hours = 0;  //!< per week
  double billable_hours = 0;  //!< per week, averaged over the time-entry window
  double total_hours = 0;     //!< per week, every category
};

struct DemoSummary {
  std::vector<std::pair<std::string, int64_t>> counts;  //!< entity kind name -> count
  std::vector<std::pair<std::string, int>> grades;      //!< in ladder order
  std::vector<std::pair<std::string, int>> practices;   //!< by headcount, descending
  std::vector<std::pair<std::string, int>> offices;     //!< by headcount, descending
  std::vector<PersonLoad> overloaded_partners;          //!< total > capacity, most overloaded first
  std::vector<PersonLoad> underused_associates;         //!< billable < 50% of capacity, least first
  int overloaded_partner_count = 0;
  int underused_associate_count = 0;
  std::vector<std::string> key_clients;  //!< names, as generated
  int key_client_count = 0;
};

//! Summarises `firm` (a GenerateDemoFirm result), listing at most `top` names
//! in each list. Loads average the time entries over `weeks` weeks (pass the
//! weeks actually generated).
DemoSummary SummarizeDemoFirm(const FirmData& firm, int weeks, int top);

}  // namespace guild
