// The one way Guild connects to PostgreSQL, for every table of the database
// (the firm's and the accounts'): URL check, connection set-up, migrations
// under an advisory lock, and the mapping of libpqxx exceptions to Status.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace guild::store::internal {

//! Every pg_advisory_xact_lock key Guild takes, in one place.
enum class PgLock : int64_t {
  kMigrations = 0x6775696c64,  //!< "guild": held while migrating the schema
  //! Held from writing a change's feed row to its commit, so that feed
  //! sequence order is commit order.
  kChangeFeed = 0x6775696c65,
};

//! "SELECT pg_advisory_xact_lock(<key>)".
std::string AdvisoryXactLockSql(PgLock lock);

//! Runs `body`, turning libpqxx exceptions into a Status, the one mapping for
//! every table: a unique violation is kAlreadyExists, a foreign key
//! violation kFailedPrecondition, another integrity violation (CHECK, NOT
//! NULL) kInvalidArgument, a lost connection kUnavailable, the rest
//! kInternal. `what` names the operation in the message.
Status PgGuard(std::string_view what, const std::function<Status()>& body);

template <typename T>
Result<T> PgGuardResult(std::string_view what, const std::function<T()>& body) {
  std::optional<T> value;
  Status status = PgGuard(what, [&] {
    value = body();
    return OkStatus();
  });
  if (!status.ok()) return status;
  return std::move(*value);
}

//! Connects to the "postgresql://" URL in options.url (ISO dates, UTF-8) and
//! applies the pending migrations (migration.h) in one transaction under
//! PgLock::kMigrations, so servers starting together migrate once. The
//! database itself must exist; !options.create_if_missing also requires the
//! Guild schema to exist already.
//! Errors: kInvalidArgument for a malformed URL, kNotFound for a missing
//! database (or schema, see above), kUnavailable when the server cannot be
//! reached, kFailedPrecondition when the schema is newer than this build.
Result<std::unique_ptr<pqxx::connection>> ConnectPostgres(const StoreOptions& options);

}  // namespace guild::store::internal
