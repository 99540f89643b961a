// A versioned schema change. Each backend keeps an ordered list; version N
// is the N-th entry and is applied at most once per database, in the same
// transaction as its record in `schema_migrations`.
#pragma once

#include <span>
#include <string_view>

namespace guild::store::internal {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  //!< one or more statements
  //! For a migration that takes over tables an older build created outside
  //! the numbered scheme: when `legacy_table` exists, `legacy_sql` runs
  //! instead of `sql` and must leave the same schema behind. Empty otherwise.
  std::string_view legacy_table = {};
  std::string_view legacy_sql = {};
};

//! The SQLite migrations, in order (versions 1, 2, ...).
std::span<const Migration> SqliteMigrations();
//! The PostgreSQL migrations, in order; same versions and meaning.
std::span<const Migration> PostgresMigrations();

}  // namespace guild::store::internal
