// Turns a solved Problem into a StaffingPlan (assignments, explanations,
// unfilled seats, issues).
#pragma once

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

//! Fills plan.assignments, unfilled, and the key-client and lead issues.
void ExtractPlan(const Problem& problem, const State& state, StaffingPlan& plan);
//! Adds explanations (fit, stretch, loads, runner-ups) to plan.assignments,
//! which must be in ExtractPlan's order.
void Explain(const Problem& problem, const State& state, StaffingPlan& plan);
//! "OPENING#n".
std::string SeatId(const Problem& problem, uint32_t seat);
//! Why `seat` is empty in `state`: the group's reason when it has no
//! candidate, else each candidate under the rule that keeps them off it
//! ("distinct: Ana Ruiz (p1) already holds another seat of this opening ...").
std::string UnfilledReason(const Problem& problem, const State& state, uint32_t seat);

}  // namespace guild::staffing::internal
