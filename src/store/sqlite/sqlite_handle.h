// Thin RAII wrappers over the sqlite3 C API: a connection that owns a cache
// of prepared statements, and a statement. Not thread-safe: SqliteStore
// serialises access.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace guild::store::internal {

//! Turns a SQLite result code into a Status: foreign key failures become
//! kFailedPrecondition, other constraint failures kInvalidArgument, busy and
//! locked kUnavailable, the rest kInternal. `context` says what was done.
Status SqliteStatus(int rc, sqlite3* db, std::string_view context);

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based. Text is not copied: it must outlive the Step().
  void BindText(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  }
  void BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void BindReal(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  void BindNull(int index) { sqlite3_bind_null(stmt_, index); }

  //! SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  //! Steps to completion, then resets. Fails with the mapped error.
  Status Run(std::string_view context);
  //! Makes the statement ready to run again (bindings are kept).
  void Reset() { sqlite3_reset(stmt_); }

  sqlite3_stmt* raw() { return stmt_; }
  sqlite3* db() { return db_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  //! Opens `path` with sqlite3_open_v2 flags.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, int flags);
  ~SqliteDb() {
    statements_.clear();
    sqlite3_close_v2(db_);
  }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  //! Runs one or more statements without results.
  Status Exec(std::string_view sql);
  //! The cached prepared statement for `sql` (prepared on first use), reset
  //! and with cleared bindings. Owned by this SqliteDb.
  Result<SqliteStatement*> Prepare(const std::string& sql);
  //! Runs a query that yields one integer (NULL reads as 0).
  Result<int64_t> QueryInt(const std::string& sql);

  sqlite3* raw() { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace guild::store::internal
