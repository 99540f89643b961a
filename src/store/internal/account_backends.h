// Backend constructors behind OpenAccountStore (account_store.h).
#pragma once

#include <memory>

#include "store/account_store.h"

namespace guild::store::internal {

//! options.url is a SQLite file path (":memory:" gives a private database).
Result<std::unique_ptr<AccountStore>> OpenSqliteAccountStore(const StoreOptions& options);
//! options.url is a "postgresql://" URL.
Result<std::unique_ptr<AccountStore>> OpenPostgresAccountStore(const StoreOptions& options);

}  // namespace guild::store::internal
