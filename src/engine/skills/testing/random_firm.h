// Random small firms for the skills engine's tests (test-only).
#pragma once

#include <cstdint>
#include <random>

#include "domain/model.h"

namespace guild::skills::testing {

struct RandomFirmOptions {
  int people = 40;
  int skills = 12;
  int ratings_per_person = 4;
  int assignments = 30;
};

//! A firm with a random taxonomy tree (each skill's broader skill, when set,
//! has a smaller id), synonyms, several ratings per person and skill from
//! different sources, practices, offices, grades and assignments around
//! 2025-01-06. Deterministic in `seed`.
FirmData RandomFirm(uint32_t seed, const RandomFirmOptions& options);

//! The Monday the random assignments cluster around.
Date RandomFirmEpoch();

}  // namespace guild::skills::testing
