#include "store/sqlite/accounts_sqlite_db.h"

#include <string>

namespace guild::internal {

Status SqliteError(sqlite3* db, int code, std::string_view what) {
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db);
  int primary = code & 0xff;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return AlreadyExists(message);
  }
  if (primary == SQLITE_CONSTRAINT) return FailedPrecondition(message);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Unavailable(message);
  return Internal(message);
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) status_ = SqliteError(db, rc, "prepare");
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, std::string_view text) {
  if (stmt_ == nullptr) return;
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::Bind(int index, int64_t value) {
  if (stmt_ == nullptr) return;
  sqlite3_bind_int64(stmt_, index, value);
}

void SqliteStatement::BindOptional(int index, const std::optional<int64_t>& value) {
  if (stmt_ == nullptr) return;
  if (value) {
    sqlite3_bind_int64(stmt_, index, *value);
  } else {
    sqlite3_bind_null(stmt_, index);
  }
}

bool SqliteStatement::Step() {
  if (!status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteError(db_, sqlite3_extended_errcode(db_), "step");
  return false;
}

Status SqliteStatement::Run() {
  while (Step()) {
  }
  return status_;
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int64_t> SqliteStatement::OptionalInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Int(column);
}

}  // namespace guild::internal
