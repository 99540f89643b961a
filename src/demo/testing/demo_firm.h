// Demo firms for the demo module's tests (test-only): the shipped taxonomy,
// loaded once, and a firm generated from it as of one fixed day.
#pragma once

#include <cstdint>

#include "domain/model.h"

namespace guild::demo::testing {

//! The day the tests generate firms for: 2025-04-22.
inline constexpr Date kDemoToday{20200};

//! The shipped taxonomy (data/taxonomy), read once; a read error fails the
//! test and gives an empty taxonomy.
const FirmData& ShippedTaxonomy();

//! The demo firm of `people` for `seed` as of kDemoToday; a generation error
//! fails the test and gives an empty firm.
FirmData GenerateDemo(int people, uint64_t seed);

}  // namespace guild::demo::testing
