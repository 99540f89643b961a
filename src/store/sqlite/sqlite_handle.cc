#include "store/sqlite/sqlite_handle.h"

#include <filesystem>

#include "store/internal/migration.h"

namespace guild::store::internal {

namespace {

constexpr int kBusyTimeoutMs = 10'000;
// Negative: KiB. A large page cache keeps bulk index inserts in memory.
constexpr int kCacheSizeKib = -262'144;
constexpr std::string_view kMemoryPath = ":memory:";

const char* SynchronousMode(Durability durability) {
  switch (durability) {
    case Durability::kFull: return "FULL";
    case Durability::kNormal: return "NORMAL";
    case Durability::kOff: return "OFF";
  }
  return "FULL";
}

Status RemoveDatabaseFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code error;
    std::filesystem::remove(path + suffix, error);
    if (error) return Internal("removing '" + path + suffix + "': " + error.message());
  }
  return OkStatus();
}

Status Apply(SqliteDb& db, const Migration& migration) {
  bool legacy = false;
  if (!migration.legacy_table.empty()) {
    ASSIGN_OR_RETURN(legacy, db.HasTable(migration.legacy_table));
  }
  RETURN_IF_ERROR(db.Exec(legacy ? migration.legacy_sql : migration.sql));
  ASSIGN_OR_RETURN(SqliteStatement * record,
                   db.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"));
  record->BindAll(migration.version, migration.name);
  return record->Run("recording migration " + std::to_string(migration.version));
}

Status ApplyMigrations(SqliteDb& db) {
  const std::span<const Migration> migrations = SqliteMigrations();
  const int latest = migrations.back().version;
  ASSIGN_OR_RETURN(int64_t current,
                   db.QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  if (current > latest) {
    return FailedPrecondition("database schema version " + std::to_string(current) +
                              " is newer than this build of Guild supports (" +
                              std::to_string(latest) + "); upgrade Guild");
  }
  for (const Migration& migration : migrations) {
    if (migration.version > current) RETURN_IF_ERROR(Apply(db, migration));
  }
  return OkStatus();
}

Status Migrate(SqliteDb& db) {
  return db.InTransaction([&] {
    RETURN_IF_ERROR(
        db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name "
                "TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"));
    return ApplyMigrations(db);
  });
}

}  // namespace

Status ApplyPragmas(SqliteDb& db, Durability durability) {
  sqlite3_busy_timeout(db.raw(), kBusyTimeoutMs);
  RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  RETURN_IF_ERROR(db.Exec(std::string("PRAGMA synchronous = ") + SynchronousMode(durability)));
  RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = " + std::to_string(kCacheSizeKib)));
  return db.Exec("PRAGMA temp_store = MEMORY");
}

Status SqliteStatus(int rc, sqlite3* db, std::string_view context) {
  std::string message =
      std::string(context) + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {  // primary result code
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW: return OkStatus();
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return AlreadyExists(std::move(message));
      }
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

Status SqliteStatement::ForEachRow(std::string_view context,
                                   const std::function<Status()>& on_row) {
  int rc;
  while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
    Status status = on_row();
    if (!status.ok()) {
      sqlite3_reset(stmt_);
      return status;
    }
  }
  sqlite3_reset(stmt_);
  return SqliteStatus(rc, db_, context);
}

std::string_view SqliteStatement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
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
  return SqliteStatus(rc, db_, "executing '" + text.substr(0, text.find('\n', 1)) + "'");
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
  const int64_t value = stmt->ColumnInt(0);
  stmt->Reset();
  return value;
}

Result<bool> SqliteDb::HasTable(std::string_view name) {
  ASSIGN_OR_RETURN(SqliteStatement * stmt,
                   Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
  stmt->BindText(1, name);
  bool found = false;
  RETURN_IF_ERROR(stmt->ForEachRow("looking for table " + std::string(name), [&] {
    found = stmt->ColumnInt(0) > 0;
    return OkStatus();
  }));
  return found;
}

Status SqliteDb::InTransaction(const std::function<Status()>& body,
                               const std::function<Status(Status)>& explain_commit_error) {
  RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status status = body();
  if (status.ok()) {
    status = Exec("COMMIT");
    if (!status.ok() && explain_commit_error) status = explain_commit_error(std::move(status));
  }
  if (!status.ok() && !sqlite3_get_autocommit(db_)) Exec("ROLLBACK").IgnoreError();
  return status;
}

Result<std::unique_ptr<SqliteDb>> OpenSqliteDatabase(const StoreOptions& options) {
  const std::string& path = options.url;
  if (path.empty()) return InvalidArgument("store url: expected a SQLite file path, got ''");
  const bool in_memory = path == kMemoryPath;
  if (!in_memory && !options.create_if_missing && !std::filesystem::exists(path)) {
    return NotFound("SQLite database '" + path + "' does not exist");
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(path, flags));
  sqlite3_busy_timeout(db->raw(), kBusyTimeoutMs);
  ASSIGN_OR_RETURN(int64_t version, db->QueryInt("PRAGMA user_version"));
  if (version == kBulkLoadMark) {
    if (!options.bulk_load) {
      return FailedPrecondition("SQLite database '" + path +
                                "' was left incomplete by an interrupted bulk load (guild demo): "
                                "run guild demo again to replace it, or restore a backup");
    }
    db.reset();
    RETURN_IF_ERROR(RemoveDatabaseFiles(path));
    ASSIGN_OR_RETURN(db, SqliteDb::Open(path, flags));
  }
  RETURN_IF_ERROR(ApplyPragmas(*db, options.durability));
  RETURN_IF_ERROR(Migrate(*db));
  return db;
}

}  // namespace guild::store::internal
