// The pure rules of check-ins (docs/CHECKINS.md): a team's cycle, who is
// excluded from it, each member's status, and the per-cycle trend figures.
// No store, no clock: the CheckinsService feeds them what it read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/date.h"
#include "domain/model.h"

namespace guild::checkins {

//! One cycle of a team's cadence: its first day and its due day (its last).
struct Cycle {
  Date start;
  Date due;
  bool operator==(const Cycle&) const = default;
};

//! The cycle of a team with `cadence_days` (> 0) that holds `day`.
Cycle CycleOf(Date day, int cadence_days);

enum class Exclusion {
  kNone,
  kTimeOff,  //!< time off in the cycle reaches half the person's capacity for it
  kJoined,   //!< start_date within the cycle or after it (first full cycle free)
  kLeft,     //!< end_date before the cycle's due day
};
std::string_view ToString(Exclusion e);

//! Why `person` is excluded from `cycle` (kNone when expected to check in).
//! `time_off_hours`: the person's kTimeOff hours dated within the cycle.
//! Rules in order: joined, left, time off >= weekly_capacity_hours *
//! cadence_days / 7 / 2.
Exclusion ExclusionOf(const Person& person, double time_off_hours, const Cycle& cycle,
                      int cadence_days);

//! Time off (TimeCategory::kTimeOff hours) by person and day: every
//! kTimeOff entry, grouped by the person's position, in one pass over the
//! time entries (built once per snapshot by the CheckinsService); then
//! summed per cycle by a binary search over the person's entries.
class TimeOff {
 public:
  TimeOff() = default;
  //! The kTimeOff entries of `entries`, each under `position_of(person_id)`
  //! (< people; nullopt: a person not indexed, the entry is left out).
  TimeOff(std::span<const TimeEntry> entries, size_t people,
          const std::function<std::optional<uint32_t>(std::string_view)>& position_of);
  //! The time-off hours of the person at `person` dated within the cycle
  //! (0 for a position not indexed).
  [[nodiscard]] double HoursIn(uint32_t person, const Cycle& cycle) const;

 private:
  std::vector<uint32_t> offsets_;              // person p: days_[offsets_[p]..offsets_[p + 1])
  std::vector<std::pair<Date, double>> days_;  // by person, then date
};

//! What the member's check-in of a cycle is, as read from the store.
enum class Progress { kNone, kDraft, kSubmitted };

enum class MemberStatus {
  kSubmitted,
  kExcluded,
  kOverdue,  //!< the due day has passed with nothing submitted
  kDraft,    //!< current (or future) cycle, a draft saved
  kDue,      //!< current (or future) cycle, nothing saved
};
std::string_view ToString(MemberStatus s);

//! A member's status: submitted wins over excluded (someone on leave may
//! still check in), excluded over the rest; then overdue once `today` is
//! after the due day; else draft or due.
MemberStatus StatusOf(Progress progress, Exclusion exclusion, const Cycle& cycle, Date today);

//! true for the statuses a nudge goes to (due, draft, overdue).
bool NeedsNudge(MemberStatus s);

//! How many whole cycles a blocker opened on `opened_on` has been open at
//! the cycle starting `current` (0 when opened in it).
int CyclesOpen(Date opened_on, Date current, int cadence_days);

//! A blocker is listed to the leader when open more than this many cycles.
inline constexpr int kLingeringBlockerCycles = 2;

//! The trend figures of one cycle of a team.
struct CycleTrend {
  Date cycle_start;
  int expected = 0;   //!< members not excluded, plus excluded ones who submitted
  int submitted = 0;  //!< members who submitted
  //! submitted / expected; nullopt when nobody was expected.
  std::optional<double> completion;
  //! Median hours from asked to answered of the questions asked in the
  //! cycle and answered; nullopt when none was answered.
  std::optional<double> median_hours_to_answer;
  int blockers_opened = 0;    //!< opened_on within the cycle
  int blockers_resolved = 0;  //!< resolved_on within the cycle
};

//! One member's facts in one cycle, for CycleTrends.
struct MemberCycle {
  Date cycle_start;
  MemberStatus status = MemberStatus::kDue;
};

//! The trends of the cycles starting at `cycle_starts` (ascending), from
//! members' statuses in them, the team's questions and blockers.
std::vector<CycleTrend> CycleTrends(const std::vector<Date>& cycle_starts, int cadence_days,
                                    const std::vector<MemberCycle>& members,
                                    const std::vector<CheckinQuestion>& questions,
                                    const std::vector<CheckinBlocker>& blockers);

//! The median of `values` (sorted in place); nullopt when empty.
std::optional<double> Median(std::vector<double>& values);

}  // namespace guild::checkins
