// Internal: the pipeline steps. Each reads and improves the shared Context
// and returns a one-line note on its effect.
#pragma once

#include <string>

#include "engine/gap/internal/problem.h"

namespace guild::gap::internal {

//! LP relaxation with CLP: sets lp_values, multipliers from capacity duals,
//! or proven_infeasible when the LP is infeasible.
std::string LpBoundStep(Context& context);
//! Subgradient optimisation of the capacity-relaxed Lagrangian.
std::string LagrangianStep(Context& context);
//! Regret greedy on Lagrangian costs; sets `working` (may overload).
std::string ConstructStep(Context& context);
//! Removes overload from `working` by penalised descent.
std::string RepairStep(Context& context);
//! Feasible shift/swap/ejection-chain descent from the best solution.
std::string LocalSearchStep(Context& context);
//! Subgradient on the knapsack Lagrangian (assignment constraints relaxed):
//! a bound at least the LP's, and a repaired primal solution each round.
std::string KnapsackStep(Context& context);
//! Node-limited depth-first branch and bound with the Lagrangian bound.
std::string BranchAndBoundStep(Context& context);
//! Depth-first branch and bound with the knapsack Lagrangian bound at every
//! node, for a plan cheaper than the best known; proves optimality when it
//! finishes within its time share.
std::string KnapsackSearchStep(Context& context);
//! Iterated ejection-chain search with adaptive penalties; stops early by
//! SubsetSearchShare of the time limit.
std::string MetaheuristicStep(Context& context);
//! Share of the time limit the subset search gets at the end (0 when off).
double SubsetSearchShare(const Context& context);
//! Large-neighbourhood search: re-solves the jobs of a few related agents
//! exactly (the knapsack-bound tree search on that subset) until the time
//! limit.
std::string SubsetSearchStep(Context& context);

}  // namespace guild::gap::internal
