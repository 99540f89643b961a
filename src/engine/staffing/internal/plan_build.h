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

}  // namespace guild::staffing::internal
