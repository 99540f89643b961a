// State shared by the demo's purpose, goals and roles step (goals.cc) and
// its history part (goal_history.cc).
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/internal/context.h"

namespace guild::demo::internal {

//! Most people an account leadership team may have before the RACI check
//! warns (the firm setting's default, goals::RaciOptions).
inline constexpr int kDemoLeadershipBound = 7;

//! Deliberately broken teams of each kind (two accountable people on a
//! deliverable, a deliverable nobody is accountable for, a leadership team
//! above its bound): 1 + teams / kTeamsPerBrokenTeam.
inline constexpr size_t kTeamsPerBrokenTeam = 2000;

struct GoalsContext {
  Context& c;
  Random rng;
  std::unordered_map<std::string_view, uint32_t> person;  //!< id -> out.people index
  //! Per goal (out.goals index): how fast it moves, as a multiple of the
  //! linear expectation (1 = exactly on it).
  std::vector<double> pace;
  //! Per team (out.teams index): weeks between progress updates.
  std::vector<int> cadence_weeks;
};

//! A year (or the goal's life so far) of progress updates for every goal,
//! each goal's current value and measured_on set to its latest update.
void AddProgressUpdates(GoalsContext& g);
//! Earlier purposes of about a third of the teams.
void AddPurposeHistory(GoalsContext& g);
//! Progress notes on every engagement that has a team, about every three weeks.
void AddClientLog(GoalsContext& g);

}  // namespace guild::demo::internal
