// Internal: descent on the penalised objective with shift, swap and
// ejection-chain (job j1 -> agent of j2, j2 -> a third agent) moves.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/gap/internal/problem.h"
#include "engine/gap/internal/state.h"

namespace guild::gap::internal {

//! Per job, the candidates moves may use (the job's current one need not be
//! listed).
using ActiveLists = std::vector<std::vector<int>>;

//! Penalty weight that makes any overload worse than any cost change.
inline constexpr double kHardPenalty = 1e12;

//! Applies improving moves of f = cost + penalty until none is found among
//! jobs touching a "dirty" agent (`dirty` has one flag per agent; moves add
//! the agents they touch) or the deadline passes. Returns the moves made.
int64_t Descend(const Problem& problem, State& state, const Penalty& penalty,
                const ActiveLists& active, std::vector<char> dirty, const Deadline& deadline);

//! Descent from every agent dirty.
int64_t DescendAll(const Problem& problem, State& state, const Penalty& penalty,
                   const ActiveLists& active, const Deadline& deadline);

//! The lists the construction, repair and knapsack steps descend with:
//! ActiveCandidates with a wide cap, cut to the core of kDescentCore
//! candidates per job (see local_search.cc for the measurements).
ActiveLists DescentLists(const Context& context);

}  // namespace guild::gap::internal
