// Succession: who should be introduced to a client so that its relationship
// does not rest on one person.
//
// The skills a client buys are the required skills of the openings on its
// (not cancelled) engagements, each weighted by how many openings need it.
// Candidates are people of options.grades (partner, director by default),
// still at the firm on `today`, who do not already hold a strong
// relationship with the client (coverage.h): people who have already worked
// for it, the collaboration-graph neighbours of its current holders, and the
// holders of the skills it buys.
// Each is scored, in [0, 1]:
//   skill_weight (0.5)    x the share of the client's skill demand they meet
//                           (effective level >= the required level)
// + capacity_weight (0.2) x min(1, free hours a week / enough_free_hours (10))
//                           over the next four weeks (SkillIndex::FreeHours)
// + tie_weight (0.3)      x w / (w + tie_saturation (40)), w the strongest tie
//                           (hours, ties.h) to a current holder (the strong
//                           ones, or all holders when none is strong).
// The best options.limit are returned, best first, each with a reason naming
// the skills, the free hours and the tie. With capacity_weight 0 free hours
// are neither computed nor mentioned (for viewers who may not see them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "engine/network/coverage.h"
#include "engine/network/graph.h"
#include "engine/skills/skill_index.h"

namespace guild::network {

struct SuccessionOptions {
  Date today;  //!< injected
  std::vector<std::string> grades{"partner", "director"};
  double skill_weight = 0.5;
  double capacity_weight = 0.2;
  double tie_weight = 0.3;
  double enough_free_hours = 10;
  double tie_saturation = 40;
  int limit = 5;
};

struct SuccessorSuggestion {
  uint32_t person = 0;  //!< position in FirmData::people
  double score = 0;
  double skill_share = 0;           //!< of the client's skill demand
  std::vector<std::string> skills;  //!< skill ids they meet, most demanded first
  double free_hours_per_week = 0;
  double tie_hours = 0;                 //!< to `tied_holder`
  std::optional<uint32_t> tied_holder;  //!< position in FirmData::people
  std::string reason;
};

//! Suggestions for the client of `coverage`. `index` is a SkillIndex of the
//! same firm; `collaboration` a graph read from its TieSet (node names are
//! person ids). Errors: kInvalidArgument when `coverage` names no client of
//! the firm.
Result<std::vector<SuccessorSuggestion>> SuggestSuccessors(const FirmData& firm,
                                                           const skills::SkillIndex& index,
                                                           const Graph& collaboration,
                                                           const ClientCoverage& coverage,
                                                           const SuccessionOptions& options);

}  // namespace guild::network
