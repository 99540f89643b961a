// The one thin RAII layer over the sqlite3 C API, for every table of the
// database (the firm's and the accounts'): a connection that owns a cache of
// prepared statements, and a statement. Not thread-safe: the stores serialise
// access to their connection.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"
#include "store/store.h"

namespace guild::store::internal {

//! Turns a SQLite result code into a Status, the one mapping for every table:
//! a unique or primary key violation is kAlreadyExists, a foreign key failure
//! kFailedPrecondition, another constraint failure (CHECK, NOT NULL)
//! kInvalidArgument, busy and locked kUnavailable, a file that cannot be
//! opened kNotFound, the rest kInternal. `context` says what was done.
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
  void BindOptionalInt(int index, const std::optional<int64_t>& value) {
    value ? BindInt(index, *value) : BindNull(index);
  }
  //! Binds `values` to parameters 1, 2, ...: text (std::string_view,
  //! std::string, const char*), integers, bool (0/1) and optional integers.
  template <typename... Values>
  void BindAll(const Values&... values) {
    int index = 0;
    (BindValue(++index, values), ...);
  }

  //! SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  //! Steps to completion, then resets. Fails with the mapped error.
  Status Run(std::string_view context);
  //! Calls `on_row` for every row (read the columns below), then resets.
  //! Stops at the first error, `on_row`'s or SQLite's.
  Status ForEachRow(std::string_view context, const std::function<Status()>& on_row);
  //! Makes the statement ready to run again (bindings are kept).
  void Reset() { sqlite3_reset(stmt_); }

  // Columns of the current row, 0-based. Text is valid until the next Step.
  [[nodiscard]] bool IsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  //! NULL reads as "".
  [[nodiscard]] std::string_view ColumnText(int column) const;
  [[nodiscard]] int64_t ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
  [[nodiscard]] double ColumnReal(int column) const { return sqlite3_column_double(stmt_, column); }
  [[nodiscard]] std::optional<int64_t> ColumnOptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return ColumnInt(column);
  }

  sqlite3_stmt* raw() { return stmt_; }
  sqlite3* db() { return db_; }

 private:
  void BindValue(int index, std::string_view value) { BindText(index, value); }
  void BindValue(int index, const std::string& value) { BindText(index, value); }
  void BindValue(int index, const char* value) { BindText(index, value); }
  void BindValue(int index, int64_t value) { BindInt(index, value); }
  void BindValue(int index, int value) { BindInt(index, value); }
  void BindValue(int index, bool value) { BindInt(index, value ? 1 : 0); }
  void BindValue(int index, const std::optional<int64_t>& value) { BindOptionalInt(index, value); }

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
  //! Rows changed by the last INSERT, UPDATE or DELETE.
  [[nodiscard]] int64_t Changes() const { return sqlite3_changes64(db_); }
  //! Whether the table exists.
  Result<bool> HasTable(std::string_view name);

  //! Runs `body` in a BEGIN IMMEDIATE transaction: commits when it returns
  //! OK, else rolls back and returns its error. A failing COMMIT (a deferred
  //! foreign key) is passed to `explain_commit_error`, when given, while the
  //! transaction is still open; what it returns is returned after the rollback.
  Status InTransaction(const std::function<Status()>& body,
                       const std::function<Status(Status)>& explain_commit_error = nullptr);

  sqlite3* raw() { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

//! The `PRAGMA user_version` of a file being bulk loaded (Store::BeginBulkLoad
//! sets it, EndBulkLoad sets 0 last): "GBLK". Guild uses user_version for
//! nothing else.
inline constexpr int64_t kBulkLoadMark = 0x47424C4B;

//! The connection set-up of every SQLite connection Guild makes: WAL, foreign
//! keys, a 10 s busy timeout, `synchronous` from `durability`, a 256 MiB page
//! cache, temporary tables in memory.
Status ApplyPragmas(SqliteDb& db, Durability durability);

//! Opens the SQLite database at options.url (":memory:" gives a private one),
//! creating it when allowed, with ApplyPragmas; then applies the pending
//! migrations (migration.h) in one BEGIN IMMEDIATE transaction, so two
//! processes opening one file at once migrate once. A file marked by an
//! interrupted bulk load (kBulkLoadMark) is refused, or, when
//! options.bulk_load, removed (with its -wal, -shm and -journal files) and
//! created again.
//! Errors: kInvalidArgument for an empty path, kNotFound when the file does not
//! exist and !options.create_if_missing, kFailedPrecondition when the schema is
//! newer than this build or the file is marked by an interrupted bulk load.
Result<std::unique_ptr<SqliteDb>> OpenSqliteDatabase(const StoreOptions& options);

}  // namespace guild::store::internal
