// The team search's last step: a depth-first branch and bound for a cover
// cheaper than the best found, within a budget. When it finishes within the
// budget, the best cover is optimal.
//
// Candidates for skill j are the holders h that the nearest-holder distances
// D_i(h) cannot rule out: for the diameter, max_i D_i(h) below the best
// diameter; for the sum, sum_i D_i(h) plus the least distances between the
// other skills' holder sets below the best sum. Skills are taken fewest
// candidates first; each candidate's distances to the members chosen so far
// come from bounded searches (PairDistances), cheap lower bounds first.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/network/internal/team_search.h"

namespace guild::network::internal {

struct ExactSearch {
  const ResolvedTask& task;
  std::span<const NearestHolders> near;
  PairDistances& pairs;
  Objective objective;  //!< kDiameter or kSumOfDistances
  uint64_t budget;      //!< nodes the distance searches may settle before giving up
};

struct ExactOutcome {
  bool complete = false;       //!< the search finished: the result is optimal
  std::vector<NodeId> cover;   //!< a cheaper cover, or empty when none was found
  Length cost = kUnreachable;  //!< its objective
  uint64_t checks = 0;         //!< candidates whose distances were searched
};

//! Looks for covers whose objective is below `best`.
ExactOutcome SearchBelow(const ExactSearch& search, Length best);

}  // namespace guild::network::internal
