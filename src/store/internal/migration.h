// A versioned schema change. Each backend keeps an ordered list; version N
// is the N-th entry and is applied at most once per database.
#pragma once

#include <span>
#include <string_view>

namespace guild::store::internal {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  //!< one or more statements
};

//! The SQLite migrations, in order (versions 1, 2, ...).
std::span<const Migration> SqliteMigrations();
//! The PostgreSQL migrations, in order; same versions and meaning.
std::span<const Migration> PostgresMigrations();

}  // namespace guild::store::internal
