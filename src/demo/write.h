// Writing a generated demo firm as changes, in dependency order and in
// chunks, reporting progress. Separate from demo.h so that the generator
// itself does not depend on the store.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string_view>

#include "common/status.h"
#include "demo/demo.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild {

//! Called after each batch: the kind being written ("taxonomy", "people",
//! ..., "history" for the check-in and feedback history), entities written
//! so far and the total. The history's size is known only once it is
//! generated: until then the total counts its check-ins at their most
//! (DemoFirm::max_checkins_per_person) and the rest as written so far; the
//! last call has the exact total.
using DemoWriteProgress = std::function<void(std::string_view step, int64_t done, int64_t total)>;

//! Commits one change (`guild demo` passes its FirmWriter's Commit).
using DemoCommit = std::function<Status(FirmChange&& change)>;

struct DemoWriteOptions {
  //! Most entities of one kind in one change (people are always one change:
  //! managers may refer to anyone).
  size_t chunk = 100000;
  //! People whose history (check-ins, blockers, questions, feedback
  //! requests and answers, their inbox items) is generated and committed as
  //! one change; 0 for as many as hold about `chunk` check-ins at most.
  uint32_t history_people = 0;
};

//! Commits `taxonomy` and then `demo`'s firm as upserts: taxonomy, people
//! (one change), then roles, clients, engagements, openings, assignments,
//! teams, person skills, skill history, time entries, opening preferences,
//! goals, goal updates, deliverables, client relationships, purpose
//! changes and the client log (each after everything it refers to) in
//! changes of at most options.chunk entities (goals are generated parents
//! first: a goal's parent_id is checked at each commit); then the history,
//! options.history_people people at a time, each chunk generated (on a
//! second thread, while the chunk before it is committed) before its one
//! change and freed after it, so memory holds two chunks of history at
//! most. Moves the entities out of demo.firm() (people, teams,
//! clients and engagements are copied until the history is written) and
//! frees each vector once written; `taxonomy` is left intact. `counts`,
//! when given, receives the entities written per kind (taxonomy
//! included). Errors: the first failing commit's status; changes before it
//! stay written.
Status WriteDemoFirm(const DemoCommit& commit, const FirmData& taxonomy, DemoFirm& demo,
                     const DemoWriteOptions& options, const DemoWriteProgress& progress,
                     std::map<EntityKind, int64_t>* counts = nullptr);

}  // namespace guild
