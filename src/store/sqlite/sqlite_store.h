// The SQLite backend of the Store (see store/store.h for the contract).
#pragma once

#include <memory>

#include "common/status.h"
#include "store/store.h"

namespace guild::store::internal {

//! Opens (creating when allowed) the SQLite database at options.url, sets
//! WAL mode, foreign keys, the busy timeout and options.durability, and
//! applies pending migrations in one transaction.
Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options);

}  // namespace guild::store::internal
