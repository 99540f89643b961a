#include "store/postgres/pg_store.h"

#include <mutex>
#include <pqxx/pqxx>

#include "store/internal/firm_io.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_io.h"

namespace guild::store::internal {

namespace {

class PgStore final : public Store {
 public:
  explicit PgStore(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {}

  std::string BackendName() const override { return "postgresql"; }

  Result<int> SchemaVersion() override {
    std::lock_guard lock(mu_);
    return PgGuardResult<int>("reading the schema version", [&] {
      pqxx::nontransaction txn(*conn_);
      return txn.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
    });
  }

  Status Upsert(const FirmData& batch) override {
    std::lock_guard lock(mu_);
    return PgGuard("upsert", [&] {
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
    Status status = PgGuard("delete", [&] {
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
    RETURN_IF_ERROR(PgGuard("load", [&] {
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
    return PgGuardResult<int64_t>("count", [&] {
      pqxx::nontransaction txn(*conn_);
      return txn.exec1("SELECT count(*) FROM " + std::string(TableOf(kind).name))[0].as<int64_t>();
    });
  }

  Status Clear() override {
    std::lock_guard lock(mu_);
    return PgGuard("clear", [&] {
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

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> conn, ConnectPostgres(options));
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(conn)));
}

}  // namespace guild::store::internal
