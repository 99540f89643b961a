// ApplyChange: a committed change applied to an in-memory copy of the firm,
// with the same result as reading the firm again from the store.
//
// A server follows the change feed (Store::ReadFeed) with it instead of
// reloading: its data, sorted by key as Store::Load returns it, stays equal
// to a fresh Load after every committed change (store_change_test proves it
// on both backends after random sequences of writes, failed ones included).
#pragma once

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild {

//! Applies `change` (one the store committed) to `data` as the store did:
//! upserts replace the entity with the same key or insert it at its key's
//! place (the later of two with one key wins), then deletes remove keys
//! (unknown keys are ignored). Kinds that do not live in memory
//! (ResidenceOf(kind) == Residence::kStoreOnly) are left out, as Load leaves
//! them out. REQUIRES: every vector of `data` sorted by key (Load's order).
//! kInvalidArgument for a malformed composite id (the store refused such a
//! change, so a committed change never has one).
[[nodiscard]] Status ApplyChange(const FirmChange& change, FirmData& data);

}  // namespace guild
