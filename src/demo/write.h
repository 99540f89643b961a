// Writing a generated demo firm as changes, in dependency order and in
// chunks, reporting progress. Separate from demo.h so that the generator
// itself does not depend on the store.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild {

//! Called after each batch: the kind being written ("taxonomy", "people",
//! ...), entities written so far and the total.
using DemoWriteProgress = std::function<void(std::string_view step, int64_t done, int64_t total)>;

//! Commits one change (`guild demo` passes its FirmWriter's Commit).
using DemoCommit = std::function<Status(FirmChange&& change)>;

//! Commits `taxonomy` and then `firm` as upserts: taxonomy, people (one
//! change: managers may refer to anyone), then roles, clients, engagements,
//! openings, assignments, teams, person skills, skill history, time
//! entries, opening preferences, goals, goal updates, deliverables, client
//! relationships, purpose changes, the client log, check-ins, their blockers
//! and questions, feedback requests, feedback answers and inbox items (each
//! after everything it refers to) in changes of at most
//! `chunk` entities (goals are generated parents first: a goal's parent_id is
//! checked at each commit). Moves the entities out of `firm` and frees each
//! vector once written, to keep memory low; `taxonomy` is left intact.
//! Errors: the first failing commit's status; changes before it stay written.
Status WriteDemoFirm(const DemoCommit& commit, const FirmData& taxonomy, FirmData& firm,
                     size_t chunk, const DemoWriteProgress& progress);

}  // namespace guild
