#include "store/sqlite/sqlite_store.h"

#include <filesystem>
#include <functional>
#include <mutex>

#include "store/internal/firm_io.h"
#include "store/internal/migration.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_io.h"

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

// Names the first row whose deferred (self) reference dangles.
Status DiagnoseDeferredReferences(SqliteDb& db, const Status& commit_error) {
  struct Check {
    const char* sql;
    const char* what;
  };
  static constexpr Check kChecks[] = {
      {"SELECT c.id || ''' has manager_id ''' || c.manager_id FROM people c WHERE c.manager_id "
       "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = c.manager_id) LIMIT 1",
       "person '"},
      {"SELECT c.id || ''' has broader_id ''' || c.broader_id FROM skills c WHERE c.broader_id "
       "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM skills p WHERE p.id = c.broader_id) LIMIT 1",
       "skill '"},
  };
  for (const Check& check : kChecks) {
    Result<SqliteStatement*> stmt = db.Prepare(check.sql);
    if (!stmt.ok()) break;
    if ((*stmt)->Step() == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text((*stmt)->raw(), 0));
      std::string message =
          std::string(check.what) + (text ? text : "") + "', which does not exist";
      (*stmt)->Reset();
      return FailedPrecondition(message);
    }
    (*stmt)->Reset();
  }
  return commit_error;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  std::string BackendName() const override { return "sqlite"; }

  Result<int> SchemaVersion() override {
    std::lock_guard lock(mu_);
    ASSIGN_OR_RETURN(int64_t version, db_->QueryInt("SELECT max(version) FROM schema_migrations"));
    return static_cast<int>(version);
  }

  Status Upsert(const FirmData& batch) override {
    std::lock_guard lock(mu_);
    return InTransaction([&] {
      SqliteWriteTarget target(*db_);
      return WriteBatch(batch, Dedupe::kKindsWithChildren, target);
    });
  }

  Status Delete(EntityKind kind, std::span<const std::string> ids) override {
    std::lock_guard lock(mu_);
    return InTransaction([&] { return DeleteRows(TableOf(kind), ids); });
  }

  Result<FirmData> Load(const LoadOptions& options) override {
    std::lock_guard lock(mu_);
    FirmData data;
    RETURN_IF_ERROR(db_->Exec("BEGIN"));  // one snapshot for every table
    SqliteReadSource source(*db_);
    Status status = ReadKinds(options, source, data);
    db_->Exec("COMMIT").IgnoreError();
    if (!status.ok()) return status;
    return data;
  }

  Result<int64_t> Count(EntityKind kind) override {
    std::lock_guard lock(mu_);
    return db_->QueryInt("SELECT count(*) FROM " + std::string(TableOf(kind).name));
  }

  Status Clear() override {
    std::lock_guard lock(mu_);
    // Emptying every table leaves no reference behind; without the checks
    // SQLite can drop each table's contents at once.
    RETURN_IF_ERROR(db_->Exec("PRAGMA foreign_keys = OFF"));
    Status status = InTransaction([&] {
      for (const TableSpec* table : TablesChildrenFirst()) {
        RETURN_IF_ERROR(db_->Exec("DELETE FROM " + std::string(table->name)));
      }
      return OkStatus();
    });
    Status restore = db_->Exec("PRAGMA foreign_keys = ON");
    return status.ok() ? restore : status;
  }

 private:
  // Runs `body` in a write transaction; commits when it succeeds, else rolls
  // back. A commit refused by a deferred reference check names the row.
  Status InTransaction(const std::function<Status()>& body) {
    RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
    Status status = body();
    if (status.ok()) {
      status = db_->Exec("COMMIT");
      if (status.code() == StatusCode::kFailedPrecondition) {
        status = DiagnoseDeferredReferences(*db_, status);
      }
    }
    if (!status.ok() && !sqlite3_get_autocommit(db_->raw())) {
      db_->Exec("ROLLBACK").IgnoreError();
    }
    return status;
  }

  Status DeleteRows(const TableSpec& table, std::span<const std::string> ids) {
    std::string sql = "DELETE FROM " + std::string(table.name) + " WHERE ";
    for (size_t i = 0; i < table.key_size; ++i) {
      sql += (i == 0 ? "" : " AND ") + std::string(table.columns[i]) + " = ?";
    }
    ASSIGN_OR_RETURN(SqliteStatement * stmt, db_->Prepare(sql));
    for (const std::string& id : ids) {
      ASSIGN_OR_RETURN(std::vector<std::string> key, SplitKey(table, id));
      for (size_t i = 0; i < key.size(); ++i) stmt->BindText(static_cast<int>(i) + 1, key[i]);
      Status status = stmt->Run("deleting " + std::string(table.name) + " '" + id + "'");
      if (status.code() == StatusCode::kFailedPrecondition) {
        return FailedPrecondition("cannot delete " + std::string(table.name) + " '" + id +
                                  "': another entity still refers to it");
      }
      RETURN_IF_ERROR(status);
    }
    return OkStatus();
  }

  std::mutex mu_;
  std::unique_ptr<SqliteDb> db_;  // guarded by mu_
};

Status ApplyPragmas(SqliteDb& db, Durability durability) {
  sqlite3_busy_timeout(db.raw(), kBusyTimeoutMs);
  RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  RETURN_IF_ERROR(db.Exec(std::string("PRAGMA synchronous = ") + SynchronousMode(durability)));
  RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = " + std::to_string(kCacheSizeKib)));
  return db.Exec("PRAGMA temp_store = MEMORY");
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
    if (migration.version <= current) continue;
    RETURN_IF_ERROR(db.Exec(migration.sql));
    ASSIGN_OR_RETURN(SqliteStatement * record,
                     db.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"));
    record->BindInt(1, migration.version);
    record->BindText(2, migration.name);
    RETURN_IF_ERROR(record->Run("recording migration " + std::to_string(migration.version)));
  }
  return OkStatus();
}

// Migrates under BEGIN IMMEDIATE, so two processes opening one file at once
// apply each migration once.
Status Migrate(SqliteDb& db) {
  RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status status = db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
  if (status.ok()) status = ApplyMigrations(db);
  if (status.ok()) return db.Exec("COMMIT");
  db.Exec("ROLLBACK").IgnoreError();
  return status;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  const std::string& path = options.url;
  if (path.empty()) return InvalidArgument("store url: expected a SQLite file path, got ''");
  const bool in_memory = path == kMemoryPath;
  if (!in_memory && !options.create_if_missing && !std::filesystem::exists(path)) {
    return NotFound("SQLite database '" + path + "' does not exist");
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(path, flags));
  RETURN_IF_ERROR(ApplyPragmas(*db, options.durability));
  RETURN_IF_ERROR(Migrate(*db));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

}  // namespace guild::store::internal
