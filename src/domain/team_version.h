// The version of a team record, for optimistic concurrency on team writes.
#pragma once

#include <string>

#include "domain/model.h"

namespace guild {

//! The team's version: 16 lower-case hex digits of a 64-bit hash (FNV-1a)
//! over every field of `team`, so it changes whenever the team does (and
//! comes back if a change is undone). The API's ETag of a team and the
//! If-Match of the team writes (purpose, check-in cadence) compare it.
std::string TeamVersion(const Team& team);

}  // namespace guild
