// The rules of goals, deliverables and client relationships that involve
// other entities (domain ValidateGoalRules), checked for the rows of a file
// against the stored teams and goals; and the goals a file of progress
// updates moves forward.
#pragma once

#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "io/internal/problems.h"
#include "store/store.h"

namespace guild::io::internal {

//! Owners on their teams, parents that are team goals, no alignment cycle
//! among the stored goals the file does not replace and the file's goals.
//! Reports each broken rule at its row; errors are the store's.
[[nodiscard]] Status CheckGoalRules(Store& store, const std::vector<Goal>& items,
                                    const std::vector<Location>& where, ProblemSink& sink);
//! The accountable person of each row is on the row's team.
[[nodiscard]] Status CheckGoalRules(Store& store, const std::vector<Deliverable>& items,
                                    const std::vector<Location>& where, ProblemSink& sink);
[[nodiscard]] Status CheckGoalRules(Store& store, const std::vector<ClientRelationship>& items,
                                    const std::vector<Location>& where, ProblemSink& sink);

//! The stored goals whose latest progress update is one of `updates` (on or
//! after the goal's measured_on), with current_value and measured_on set to
//! it: written in the same transaction as the updates.
[[nodiscard]] Result<std::vector<Goal>> GoalsMovedBy(Store& store,
                                                     const std::vector<GoalUpdate>& updates);

}  // namespace guild::io::internal
