#include "store/sqlite/sqlite_store.h"

#include <functional>
#include <mutex>

#include "store/internal/firm_io.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_io.h"

namespace guild::store::internal {

namespace {

// Names the first row whose deferred (self) reference dangles.
Status DiagnoseDeferredReferences(SqliteDb& db, Status commit_error) {
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
      std::string message =
          std::string(check.what) + std::string((*stmt)->ColumnText(0)) + "', which does not exist";
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
    return db_->InTransaction(body, [&](Status commit_error) {
      if (commit_error.code() != StatusCode::kFailedPrecondition) return commit_error;
      return DiagnoseDeferredReferences(*db_, std::move(commit_error));
    });
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

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, OpenSqliteDatabase(options));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

}  // namespace guild::store::internal
