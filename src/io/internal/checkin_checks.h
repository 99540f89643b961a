// The rule of check-ins that involves other rows: one check-in per person,
// team and cycle (the store's unique index on (person_id, team_id,
// cycle_start)), checked for a file's rows among themselves and against the
// stored check-ins, so that a clash is reported at its line instead of
// failing the write.
#pragma once

#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "io/internal/problems.h"
#include "store/store.h"

namespace guild::io::internal {

//! Reports a row whose (person_id, team_id, cycle_start) an earlier row of the
//! file, or a stored check-in with another id that the file does not
//! replace, already has. One indexed Store::Select per distinct triple;
//! errors are the store's.
[[nodiscard]] Status CheckCheckinCycles(Store& store, const std::vector<Checkin>& items,
                                        const std::vector<Location>& where, ProblemSink& sink);

}  // namespace guild::io::internal
