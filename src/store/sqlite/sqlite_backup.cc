// BackupDatabase and RestoreDatabase for SQLite: the online backup API.
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "store/internal/backup_backends.h"
#include "store/internal/migration.h"
#include "store/sqlite/sqlite_handle.h"

namespace guild::store::internal {

namespace {

// A copy that restarted this often (another connection wrote meanwhile) is
// finished in one step: one read transaction, which in WAL mode does not
// block writers.
constexpr int kRestartsBeforeOneStep = 3;
// How long a step waits, in total, for a lock another connection holds.
constexpr int kBusyWaitMs = 10;
constexpr int kMaxBusyWaits = 3000;  // 30 s

// Copies database `from` into `to` (both open), in steps of `pages` pages.
Status CopyPages(SqliteDb& from, SqliteDb& to, int pages, const BackupOptions* progress_of,
                 const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to.raw(), "main", from.raw(), "main");
  if (backup == nullptr) return SqliteStatus(sqlite3_errcode(to.raw()), to.raw(), what);
  int restarts = 0;
  int busy_waits = 0;
  int64_t last_remaining = -1;
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(backup, pages);
    const int64_t remaining = sqlite3_backup_remaining(backup);
    const int64_t total = sqlite3_backup_pagecount(backup);
    if (rc == SQLITE_DONE) {
      if (progress_of != nullptr && progress_of->progress) progress_of->progress(total, total);
      break;
    }
    if (rc == SQLITE_OK) {
      if (last_remaining >= 0 && remaining > last_remaining &&
          ++restarts >= kRestartsBeforeOneStep) {
        pages = -1;
      }
      last_remaining = remaining;
      if (progress_of != nullptr && progress_of->progress) {
        progress_of->progress(total - remaining, total);
      }
      continue;
    }
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy_waits < kMaxBusyWaits) {
      sqlite3_sleep(kBusyWaitMs);
      continue;
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return SqliteStatus(rc, from.raw(), what);
  return OkStatus();
}

// "ok", or what PRAGMA integrity_check and foreign_key_check found.
Result<std::string> CheckIntegrity(SqliteDb& db, const std::string& what) {
  std::string found;
  ASSIGN_OR_RETURN(SqliteStatement * check, db.Prepare("PRAGMA integrity_check"));
  RETURN_IF_ERROR(check->ForEachRow(what, [&] {
    if (check->ColumnText(0) != "ok") found += std::string(check->ColumnText(0)) + "; ";
    return OkStatus();
  }));
  ASSIGN_OR_RETURN(SqliteStatement * fks, db.Prepare("PRAGMA foreign_key_check"));
  RETURN_IF_ERROR(fks->ForEachRow(what, [&] {
    found += "a row of " + std::string(fks->ColumnText(0)) + " refers to a missing row of " +
             std::string(fks->ColumnText(2)) + "; ";
    return OkStatus();
  }));
  return found.empty() ? std::string("ok") : found;
}

// Opens an existing file (never creates one) with the busy timeout every
// Guild connection has.
Result<std::unique_ptr<SqliteDb>> OpenExisting(const std::string& path, int flags) {
  ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path, flags));
  sqlite3_busy_timeout(db->raw(), 10'000);
  return db;
}

// The schema version of a Guild database; kInvalidArgument naming `path`
// when the file is not one.
Result<int64_t> GuildSchemaVersion(SqliteDb& db, const std::string& path) {
  auto has = db.HasTable("schema_migrations");
  if (!has.ok()) {
    return InvalidArgument("'" + path + "' is not a SQLite database (" + has.status().message() +
                           ")");
  }
  if (!*has) {
    return InvalidArgument("'" + path + "' is not a Guild database (no schema_migrations table)");
  }
  return db.QueryInt("SELECT max(version) FROM schema_migrations");
}

// The first table other than schema_migrations that holds a row; "" if none.
Result<std::string> FirstTableWithRows(SqliteDb& db) {
  std::vector<std::string> tables;
  ASSIGN_OR_RETURN(SqliteStatement * list,
                   db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name"));
  RETURN_IF_ERROR(list->ForEachRow("listing tables", [&] {
    tables.emplace_back(list->ColumnText(0));
    return OkStatus();
  }));
  for (const std::string& table : tables) {
    ASSIGN_OR_RETURN(int64_t any, db.QueryInt("SELECT EXISTS (SELECT 1 FROM \"" + table + "\")"));
    if (any != 0) return table;
  }
  return std::string();
}

}  // namespace

Status SqliteBackup(const BackupOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.url, error)) {
    return NotFound("'" + options.url + "': no such SQLite database file");
  }
  ASSIGN_OR_RETURN(auto source, OpenExisting(options.url, SQLITE_OPEN_READWRITE));
  RETURN_IF_ERROR(GuildSchemaVersion(*source, options.url).status());

  PartialFile partial(options.out + ".partial");
  std::filesystem::remove(partial.path(), error);
  ASSIGN_OR_RETURN(auto copy,
                   SqliteDb::Open(partial.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  RETURN_IF_ERROR(CopyPages(*source, *copy, options.pages_per_step > 0 ? options.pages_per_step : 1,
                            &options, "copying '" + options.url + "' to '" + partial.path() + "'"));
  source.reset();
  // One self-contained file, whatever the source's journal mode.
  RETURN_IF_ERROR(copy->Exec("PRAGMA journal_mode = DELETE"));
  ASSIGN_OR_RETURN(std::string integrity,
                   CheckIntegrity(*copy, "checking the copy '" + partial.path() + "'"));
  if (integrity != "ok") {
    return Internal("the copy of '" + options.url + "' fails its integrity check: " + integrity);
  }
  copy.reset();
  return partial.RenameTo(options.out);
}

Status SqliteRestore(const RestoreOptions& options) {
  // The backup: a sound Guild database this build can migrate.
  ASSIGN_OR_RETURN(auto backup, OpenExisting(options.from, SQLITE_OPEN_READONLY));
  ASSIGN_OR_RETURN(int64_t version, GuildSchemaVersion(*backup, options.from));
  auto integrity = CheckIntegrity(*backup, "checking '" + options.from + "'");
  if (!integrity.ok()) {
    return InvalidArgument("'" + options.from + "' is not a SQLite database (" +
                           integrity.status().message() + ")");
  }
  if (*integrity != "ok") {
    return InvalidArgument("'" + options.from + "' fails its integrity check: " + *integrity);
  }
  const auto newest = static_cast<int64_t>(SqliteMigrations().size());
  if (version > newest) {
    return FailedPrecondition("'" + options.from + "' has schema version " +
                              std::to_string(version) + ", newer than this build's " +
                              std::to_string(newest) + "; restore it with a newer guild");
  }

  // The target: missing, empty, or replaced when forced.
  std::error_code error;
  if (std::filesystem::exists(options.url, error)) {
    ASSIGN_OR_RETURN(auto target, OpenExisting(options.url, SQLITE_OPEN_READWRITE));
    auto table = FirstTableWithRows(*target);
    if (!table.ok()) {
      return InvalidArgument("'" + options.url + "' is not a SQLite database (" +
                             table.status().message() + ")");
    }
    if (!table->empty() && !options.force) {
      return FailedPrecondition("'" + options.url + "' is not empty (table " + *table +
                                " has rows): restore only into an empty database, or pass "
                                "--force to replace it (stop the servers on it first)");
    }
    // Fold the target's WAL into it, so no stale WAL outlives the rename.
    RETURN_IF_ERROR(target->Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  }

  PartialFile partial(options.url + ".restoring");
  std::filesystem::remove(partial.path(), error);
  {
    ASSIGN_OR_RETURN(auto copy,
                     SqliteDb::Open(partial.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    RETURN_IF_ERROR(CopyPages(*backup, *copy, -1, nullptr,
                              "copying '" + options.from + "' to '" + partial.path() + "'"));
  }
  backup.reset();
  {
    // Migrates to this build's version; closing it folds its WAL back in.
    StoreOptions migrate{partial.path(), false, Durability::kFull};
    auto migrated = OpenSqliteDatabase(migrate);
    if (!migrated.ok()) {
      return Status(migrated.status().code(), "migrating the restored copy of '" + options.from +
                                                  "': " + migrated.status().message());
    }
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(options.url + suffix, error);
  return partial.RenameTo(options.url);
}

}  // namespace guild::store::internal
