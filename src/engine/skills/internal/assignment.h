// An exact solver for the mentoring round's transportation problem.
// Internal to guild_skills.
//
// Problem: `left` nodes (mentees) each take at most one arc; `right` nodes
// (mentors) take at most `capacity` arcs each; every arc has an integer
// benefit. Find a set of arcs meeting both limits with the largest total
// benefit (a left node may stay unmatched, worth 0). This is min-cost flow on
// source -> mentee -> mentor -> sink with a zero-cost "unmatched" arc from
// each mentee to the sink.
//
// Method: successive shortest paths with node potentials (Edmonds-Karp /
// Tomizawa). Mentees are added one at a time; each addition augments along a
// shortest path (Dijkstra over reduced costs, a bucket queue because reduced
// costs are small integers) from the new mentee to the sink in the residual
// graph. After each step the flow is of minimum cost for the mentees added so
// far, so after the last one it is optimal. Dijkstra stops as soon as the sink
// is settled and only the nodes it settled change potential, so a step costs
// O(nodes and arcs it settled), not O(graph). Two exact shortcuts: a new
// mentee with a zero-reduced-cost arc to a mentor with a free slot takes it
// without a search (a path of reduced length 0 is shortest), and a mentor
// with a free slot offers the sink its distance as soon as it is reached, so
// the search bound tightens at once and such mentors are never settled.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/skills/internal/min_cost_flow.h"

namespace guild::skills::internal {

struct AssignmentProblem {
  int32_t left = 0;              //!< mentees, 0..left-1
  int32_t right = 0;             //!< mentors, 0..right-1
  int32_t capacity = 1;          //!< arcs per right node, >= 1
  std::vector<int64_t> offsets;  //!< CSR by left node: arcs of l are [offsets[l], offsets[l+1])
  std::vector<int32_t> to;       //!< right node of each arc
  //! Benefit of each arc, at most 2^20 (the search keeps one bucket per
  //! possible distance, up to the largest benefit); may be <= 0 (never taken).
  std::vector<int32_t> benefit;
};

//! Per left node, the index of its chosen arc or -1 when unmatched, for an
//! assignment of maximum total benefit. Requires a well-formed problem
//! (offsets of size left + 1, nondecreasing, ending at to.size(); every `to`
//! in 0..right-1; fewer than 2^31 arcs).
std::vector<int32_t> SolveAssignment(const AssignmentProblem& problem);

//! The largest total benefit again, by a general min-cost flow (LEMON) on the
//! textbook network: a cross-check of SolveAssignment for tests and
//! benchmarks. nullopt when the flow solver reports failure.
std::optional<int64_t> AssignmentOptimumByFlow(const AssignmentProblem& problem,
                                               FlowAlgorithm algorithm);

}  // namespace guild::skills::internal
