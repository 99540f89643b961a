#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <span>

#include "store/internal/migration.h"

namespace guild::store::internal {

namespace {

Status Apply(pqxx::work& txn, const Migration& migration) {
  const bool legacy =
      !migration.legacy_table.empty() &&
      txn.exec_params1("SELECT to_regclass($1) IS NOT NULL", std::string(migration.legacy_table))[0]
          .as<bool>();
  txn.exec0(std::string(legacy ? migration.legacy_sql : migration.sql));
  txn.exec_params0("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                   migration.version, std::string(migration.name));
  return OkStatus();
}

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
    if (migration.version > current) RETURN_IF_ERROR(Apply(txn, migration));
  }
  return OkStatus();
}

Status Migrate(pqxx::connection& conn, bool create_if_missing) {
  return PgGuard("migrating the schema", [&] {
    pqxx::work txn(conn);
    txn.exec1(AdvisoryXactLockSql(PgLock::kMigrations));
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

std::string AdvisoryXactLockSql(PgLock lock) {
  return "SELECT pg_advisory_xact_lock(" + std::to_string(static_cast<int64_t>(lock)) + ")";
}

Status PgGuard(std::string_view what, const std::function<Status()>& body) {
  const std::string context(what);
  try {
    return body();
  } catch (const pqxx::unique_violation& e) {
    return AlreadyExists(context + ": already exists: " + e.what());
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

Result<std::unique_ptr<pqxx::connection>> ConnectPostgres(const StoreOptions& options) {
  RETURN_IF_ERROR(CheckUrl(options.url));
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> conn, Connect(options.url));
  RETURN_IF_ERROR(Migrate(*conn, options.create_if_missing));
  return conn;
}

}  // namespace guild::store::internal
