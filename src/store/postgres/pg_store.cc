#include "store/postgres/pg_store.h"

#include <libpq-fe.h>

#include <functional>
#include <mutex>
#include <pqxx/pqxx>

#include "store/internal/firm_io.h"
#include "store/internal/migration.h"
#include "store/postgres/pg_io.h"

namespace guild::store::internal {

namespace {

// pg_advisory_xact_lock key held while migrating ("guild" in ASCII).
constexpr int64_t kMigrationLockKey = 0x6775696c64;

// Runs `body`, turning libpqxx exceptions into a Status.
Status Guard(std::string_view what, const std::function<Status()>& body) {
  const std::string context(what);
  try {
    return body();
  } catch (const pqxx::foreign_key_violation& e) {
    return FailedPrecondition(context + ": a reference does not resolve: " + e.what());
  } catch (const pqxx::integrity_constraint_violation& e) {
    return InvalidArgument(context + ": " + e.what());
  } catch (const pqxx::broken_connection& e) {
    return Unavailable(context + ": PostgreSQL connection lost: " + e.what());
  } catch (const std::exception& e) {
    return Internal(context + ": " + e.what());
  }
}

template <typename T>
Result<T> GuardResult(std::string_view what, const std::function<T()>& body) {
  std::optional<T> value;
  Status status = Guard(what, [&] {
    value = body();
    return OkStatus();
  });
  if (!status.ok()) return status;
  return std::move(*value);
}

class PgStore final : public Store {
 public:
  explicit PgStore(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {}

  std::string BackendName() const override { return "postgresql"; }

  Result<int> SchemaVersion() override {
    std::lock_guard lock(mu_);
    return GuardResult<int>("reading the schema version", [&] {
      pqxx::nontransaction txn(*conn_);
      return txn.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
    });
  }

  Status Upsert(const FirmData& batch) override {
    std::lock_guard lock(mu_);
    return Guard("upsert", [&] {
      pqxx::work txn(*conn_);
      PgWriteTarget target(txn);
      RETURN_IF_ERROR(WriteBatch(batch, Dedupe::kAllKinds, target));
      txn.commit();
      return OkStatus();
    });
  }

  Status Delete(EntityKind kind, std::span<const std::string> ids) override {
    std::lock_guard lock(mu_);
    const TableSpec& table = TableOf(kind);
    Status status = Guard("delete", [&] {
      pqxx::work txn(*conn_);
      RETURN_IF_ERROR(DeleteRows(txn, table, ids));
      txn.commit();
      return OkStatus();
    });
    if (status.code() == StatusCode::kFailedPrecondition) {
      return FailedPrecondition("cannot delete from " + std::string(table.name) +
                                ": another entity still refers to it (" + status.message() + ")");
    }
    return status;
  }

  Result<FirmData> Load(const LoadOptions& options) override {
    std::lock_guard lock(mu_);
    FirmData data;
    RETURN_IF_ERROR(Guard("load", [&] {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(*conn_);
      PgReadSource source(txn);
      RETURN_IF_ERROR(ReadKinds(options, source, data));
      txn.commit();
      return OkStatus();
    }));
    return data;
  }

  Result<int64_t> Count(EntityKind kind) override {
    std::lock_guard lock(mu_);
    return GuardResult<int64_t>("count", [&] {
      pqxx::nontransaction txn(*conn_);
      return txn.exec1("SELECT count(*) FROM " + std::string(TableOf(kind).name))[0].as<int64_t>();
    });
  }

  Status Clear() override {
    std::lock_guard lock(mu_);
    return Guard("clear", [&] {
      std::string tables;
      for (const TableSpec* table : TablesChildrenFirst()) {
        tables += (tables.empty() ? "" : ", ") + std::string(table->name);
      }
      pqxx::work txn(*conn_);
      txn.exec0("TRUNCATE " + tables);
      txn.commit();
      return OkStatus();
    });
  }

 private:
  static Status DeleteRows(pqxx::work& txn, const TableSpec& table,
                           std::span<const std::string> ids) {
    std::string sql = "DELETE FROM " + std::string(table.name) + " WHERE ";
    for (size_t i = 0; i < table.key_size; ++i) {
      sql +=
          (i == 0 ? "" : " AND ") + std::string(table.columns[i]) + " = $" + std::to_string(i + 1);
    }
    for (const std::string& id : ids) {
      ASSIGN_OR_RETURN(std::vector<std::string> key, SplitKey(table, id));
      switch (key.size()) {
        case 1: txn.exec_params0(sql, key[0]); break;
        case 2: txn.exec_params0(sql, key[0], key[1]); break;
        default: txn.exec_params0(sql, key[0], key[1], key[2]); break;
      }
    }
    return OkStatus();
  }

  std::mutex mu_;
  std::unique_ptr<pqxx::connection> conn_;  // guarded by mu_
};

Status ApplyMigrations(pqxx::work& txn, bool create_if_missing) {
  const bool has_schema =
      !txn.exec1("SELECT to_regclass('schema_migrations') IS NULL")[0].as<bool>();
  if (!has_schema && !create_if_missing) {
    return NotFound("the PostgreSQL database holds no Guild schema (table schema_migrations)");
  }
  txn.exec0(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT "
      "NULL, applied_at timestamptz NOT NULL DEFAULT now())");
  const int current =
      txn.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
  const std::span<const Migration> migrations = PostgresMigrations();
  const int latest = migrations.back().version;
  if (current > latest) {
    return FailedPrecondition("database schema version " + std::to_string(current) +
                              " is newer than this build of Guild supports (" +
                              std::to_string(latest) + "); upgrade Guild");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    txn.exec0(std::string(migration.sql));
    txn.exec_params0("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                     migration.version, std::string(migration.name));
  }
  return OkStatus();
}

Status Migrate(pqxx::connection& conn, bool create_if_missing) {
  return Guard("migrating the schema", [&] {
    pqxx::work txn(conn);
    txn.exec1("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
    RETURN_IF_ERROR(ApplyMigrations(txn, create_if_missing));
    txn.commit();
    return OkStatus();
  });
}

Status CheckUrl(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options != nullptr) {
    PQconninfoFree(options);
    return OkStatus();
  }
  std::string message = error != nullptr ? error : "unparsable";
  PQfreemem(error);
  return InvalidArgument("store url: malformed PostgreSQL URL: " + message);
}

Result<std::unique_ptr<pqxx::connection>> Connect(const std::string& url) {
  try {
    auto conn = std::make_unique<pqxx::connection>(url);
    pqxx::nontransaction setup(*conn);
    setup.exec0("SET datestyle = 'ISO, YMD'; SET client_encoding = 'UTF8'");
    return conn;
  } catch (const pqxx::broken_connection& e) {
    const std::string message = e.what();
    if (message.find("does not exist") != std::string::npos) {
      return NotFound("PostgreSQL database: " + message);
    }
    return Unavailable("cannot reach PostgreSQL: " + message);
  } catch (const std::exception& e) {
    return Internal(std::string("connecting to PostgreSQL: ") + e.what());
  }
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options) {
  RETURN_IF_ERROR(CheckUrl(options.url));
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> conn, Connect(options.url));
  RETURN_IF_ERROR(Migrate(*conn, options.create_if_missing));
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(conn)));
}

}  // namespace guild::store::internal
