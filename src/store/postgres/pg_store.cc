#include "store/postgres/pg_store.h"

#include <mutex>
#include <pqxx/pqxx>

#include "store/internal/firm_io.h"
#include "store/postgres/pg_accounts.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_io.h"

namespace guild::store::internal {

namespace {

// Changes of at most this many entities are written row by row; larger ones
// are COPYed through staging tables.
constexpr size_t kRowWriteLimit = 64;

constexpr const char* kHeadSql = "SELECT coalesce(max(seq), 0) FROM guild_changes";

// One connection and the mutex that serialises its use.
struct Connection {
  std::mutex mu;
  std::unique_ptr<pqxx::connection> conn;  // guarded by mu
};

Status Claim(pqxx::transaction_base& txn, const CommitRequest& request) {
  ASSIGN_OR_RETURN(bool claimed, PgClaimStaffingPlan(txn, request.claim_staffing_plan));
  if (claimed) return OkStatus();
  return FailedPrecondition("plan " + request.claim_staffing_plan + " was already accepted");
}

// Writes one request in its own subtransaction (a savepoint). The self
// references, deferred to the commit by the schema, are checked at its end.
Status WriteOne(pqxx::work& txn, const CommitRequest& request, size_t index) {
  if (request.change == nullptr) return InvalidArgument("commit: no change");
  const FirmChange& change = *request.change;
  return PgGuard("commit", [&] {
    pqxx::subtransaction sub(txn, "guild_change");
    Status status = [&]() -> Status {
      sub.exec0("SET CONSTRAINTS ALL DEFERRED");
      const PgWriteMode mode =
          change.size() <= kRowWriteLimit ? PgWriteMode::kRows : PgWriteMode::kCopy;
      PgWriteTarget target(sub, mode, "_" + std::to_string(index));
      RETURN_IF_ERROR(WriteChange(change, Dedupe::kAllKinds, target));
      sub.exec0("SET CONSTRAINTS ALL IMMEDIATE");
      if (!request.claim_staffing_plan.empty()) RETURN_IF_ERROR(Claim(sub, request));
      if (request.audit != nullptr) PgAppendAudit(sub, *request.audit);
      PgQueueOutbox(sub, request.outbox);
      return OkStatus();
    }();
    if (status.ok()) {
      sub.commit();
    } else {
      sub.abort();
    }
    return status;
  });
}

// Appends the feed rows of the committed changes. Taken just before the
// rows are written and held to the commit, the feed lock makes seq order
// commit order: a reader that sees seq N has seen every seq below it.
Status AppendFeed(pqxx::work& txn, std::span<const FeedRecord* const> records,
                  std::vector<int64_t>& seqs) {
  txn.exec1(AdvisoryXactLockSql(PgLock::kChangeFeed));
  int64_t head = txn.exec1(kHeadSql)[0].as<int64_t>();
  for (const FeedRecord* record : records) {
    txn.exec_params0("INSERT INTO guild_changes (seq, reload, body) VALUES ($1, $2, $3)", ++head,
                     record->reload, record->body);
    seqs.push_back(head);
  }
  txn.exec_params0("DELETE FROM guild_changes WHERE seq <= $1", head - kFeedEntriesKept);
  return OkStatus();
}

Result<FeedPage> ReadFeedIn(pqxx::transaction_base& txn, int64_t after, int max_entries) {
  FeedPage page;
  const int64_t oldest =
      txn.exec1("SELECT coalesce(min(seq), 0) FROM guild_changes")[0].as<int64_t>();
  if (oldest > after + 1) {
    page.too_far_behind = true;
    return page;
  }
  for (const pqxx::row& row :
       txn.exec_params("SELECT seq, reload, body FROM guild_changes WHERE seq > $1 ORDER BY seq "
                       "LIMIT $2",
                       after, std::max(1, max_entries))) {
    ASSIGN_OR_RETURN(FeedEntry entry, EntryOf(row[0].as<int64_t>(), row[1].as<bool>(),
                                              std::string_view(row[2].c_str(), row[2].size())));
    page.entries.push_back(std::move(entry));
  }
  return page;
}

class PgStore final : public Store {
 public:
  PgStore(std::unique_ptr<pqxx::connection> writer, std::unique_ptr<pqxx::connection> reader) {
    writer_.conn = std::move(writer);
    reader_.conn = std::move(reader);
  }

  std::string BackendName() const override { return "postgresql"; }

  Result<int> SchemaVersion() override {
    std::lock_guard lock(reader_.mu);
    return PgGuardResult<int>("reading the schema version", [&] {
      pqxx::nontransaction txn(*reader_.conn);
      return txn.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
    });
  }

  std::vector<Result<int64_t>> CommitBatch(std::span<const CommitRequest> requests) override {
    std::vector<Result<int64_t>> results(requests.size(), Result<int64_t>(Internal("not run")));
    std::lock_guard lock(writer_.mu);
    std::vector<FeedRecord> records(requests.size());
    const Status status = PgGuard("commit", [&] {
      pqxx::work txn(*writer_.conn);
      std::vector<size_t> committed;
      std::vector<const FeedRecord*> to_record;
      for (size_t i = 0; i < requests.size(); ++i) {
        Status one = WriteOne(txn, requests[i], i);
        if (!one.ok()) {
          results[i] = one;
          continue;
        }
        records[i] = RecordOf(*requests[i].change);
        committed.push_back(i);
        to_record.push_back(&records[i]);
      }
      std::vector<int64_t> seqs;
      RETURN_IF_ERROR(AppendFeed(txn, to_record, seqs));
      txn.commit();
      for (size_t k = 0; k < committed.size(); ++k) results[committed[k]] = seqs[k];
      return OkStatus();
    });
    if (!status.ok()) {
      for (Result<int64_t>& result : results) result = status;
    }
    return results;
  }

  Result<LoadedFirm> LoadAt(const LoadOptions& options) override {
    std::lock_guard lock(reader_.mu);
    LoadedFirm loaded;
    RETURN_IF_ERROR(PgGuard("load", [&] {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(*reader_.conn);
      loaded.seq = txn.exec1(kHeadSql)[0].as<int64_t>();
      PgReadSource source(txn);
      RETURN_IF_ERROR(ReadKinds(options, source, loaded.data));
      txn.commit();
      return OkStatus();
    }));
    return loaded;
  }

  Result<int64_t> FeedHead() override {
    std::lock_guard lock(reader_.mu);
    return PgGuardResult<int64_t>("reading the change feed", [&] {
      pqxx::nontransaction txn(*reader_.conn);
      return txn.exec1(kHeadSql)[0].as<int64_t>();
    });
  }

  Result<FeedPage> ReadFeed(int64_t after, int max_entries) override {
    std::lock_guard lock(reader_.mu);
    FeedPage page;
    RETURN_IF_ERROR(PgGuard("reading the change feed", [&] {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(*reader_.conn);
      ASSIGN_OR_RETURN(page, ReadFeedIn(txn, after, max_entries));
      txn.commit();
      return OkStatus();
    }));
    return page;
  }

  Result<SelectPage> Select(const SelectQuery& query) override {
    std::lock_guard lock(reader_.mu);
    std::optional<SelectPage> page;
    RETURN_IF_ERROR(PgGuard("select", [&] {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(*reader_.conn);
      PgReadSource source(txn);
      ASSIGN_OR_RETURN(page, SelectRows(query, Dialect::kPostgres, source));
      txn.commit();
      return OkStatus();
    }));
    return std::move(*page);
  }

  Result<std::vector<CheckinStatusRow>> CycleCheckinStatuses(
      Date cycle_start, std::string_view first_team_id, std::string_view last_team_id) override {
    std::lock_guard lock(reader_.mu);
    std::vector<CheckinStatusRow> rows;
    RETURN_IF_ERROR(PgGuard("select check-in statuses", [&] {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(*reader_.conn);
      PgReadSource source(txn);
      ASSIGN_OR_RETURN(rows, SelectCycleCheckinStatuses(cycle_start, first_team_id, last_team_id,
                                                        Dialect::kPostgres, source));
      txn.commit();
      return OkStatus();
    }));
    return rows;
  }

  Result<int64_t> Count(EntityKind kind) override {
    std::lock_guard lock(reader_.mu);
    return PgGuardResult<int64_t>("count", [&] {
      pqxx::nontransaction txn(*reader_.conn);
      return txn.exec1("SELECT count(*) FROM " + std::string(TableOf(kind).name))[0].as<int64_t>();
    });
  }

  Status Clear() override {
    std::lock_guard lock(writer_.mu);
    return PgGuard("clear", [&] {
      std::string tables;
      for (const TableSpec* table : TablesChildrenFirst()) {
        tables += (tables.empty() ? "" : ", ") + std::string(table->name);
      }
      pqxx::work txn(*writer_.conn);
      txn.exec0("TRUNCATE " + tables);
      const FeedRecord reload{true, ""};
      const FeedRecord* records[] = {&reload};
      std::vector<int64_t> seqs;
      RETURN_IF_ERROR(AppendFeed(txn, records, seqs));
      txn.commit();
      return OkStatus();
    });
  }

 private:
  Connection writer_;
  Connection reader_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> writer, ConnectPostgres(options));
  // Reads (loads, the feed, selects) on their own connection, beside commits.
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> reader, ConnectPostgres(options));
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(writer), std::move(reader)));
}

}  // namespace guild::store::internal
