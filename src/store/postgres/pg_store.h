// The PostgreSQL backend of the Store (see store/store.h for the contract).
#pragma once

#include <memory>

#include "common/status.h"
#include "store/store.h"

namespace guild::store::internal {

//! Connects to the "postgresql://" URL in options.url and applies pending
//! migrations under an advisory lock (so servers starting together migrate
//! once). The database itself must exist; !create_if_missing also requires
//! the Guild schema to exist already (else kNotFound).
Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options);

}  // namespace guild::store::internal
