#include "store/sqlite/sqlite_handle.h"

namespace guild::store::internal {

Status SqliteStatus(int rc, sqlite3* db, std::string_view context) {
  std::string message =
      std::string(context) + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {  // primary result code
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW: return OkStatus();
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return FailedPrecondition(std::move(message));
      return InvalidArgument(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Unavailable(std::move(message));
    case SQLITE_CANTOPEN: return NotFound(std::move(message));
    default: return Internal(std::move(message));
  }
}

Status SqliteStatement::Run(std::string_view context) {
  int rc;
  do {
    rc = sqlite3_step(stmt_);
  } while (rc == SQLITE_ROW);
  sqlite3_reset(stmt_);
  return SqliteStatus(rc, db_, context);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw));  // owns raw even on failure
  if (rc != SQLITE_OK) return SqliteStatus(rc, raw, "opening SQLite database '" + path + "'");
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Status SqliteDb::Exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  return SqliteStatus(rc, db_, "executing '" + text.substr(0, text.find('\n')) + "'");
}

Result<SqliteStatement*> SqliteDb::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    it->second->Reset();
    sqlite3_clear_bindings(it->second->raw());
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db_, "preparing '" + sql + "'");
  auto owned = std::make_unique<SqliteStatement>(db_, stmt);
  SqliteStatement* result = owned.get();
  statements_.emplace(sql, std::move(owned));
  return result;
}

Result<int64_t> SqliteDb::QueryInt(const std::string& sql) {
  ASSIGN_OR_RETURN(SqliteStatement * stmt, Prepare(sql));
  const int rc = stmt->Step();
  if (rc != SQLITE_ROW) {
    Status status = SqliteStatus(rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, db_, sql);
    stmt->Reset();
    return status;
  }
  const int64_t value = sqlite3_column_int64(stmt->raw(), 0);
  stmt->Reset();
  return value;
}

}  // namespace guild::store::internal
