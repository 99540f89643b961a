#include "store/sqlite/sqlite_store.h"

#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/internal/firm_io.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_io.h"

namespace guild::store::internal {

namespace {

constexpr std::string_view kMemoryPath = ":memory:";

// One connection and the mutex that serialises its use.
struct Connection {
  std::mutex mu;
  std::unique_ptr<SqliteDb> db;  // guarded by mu
};

// The self references (a person's manager, a skill's broader skill) are
// checked by SQLite only at COMMIT, which would fail every change of a group
// commit for one bad one: each change checks its own before its savepoint
// is released.
Status CheckSelfReferences(SqliteDb& db, const FirmChange& change) {
  for (const SelfReference& ref : SelfReferencesOf(change)) {
    const TableSpec& table = *ref.table;
    const std::string name(table.name);
    const std::string key(table.columns[0]);
    const std::string column(table.self_reference);
    if (!ref.target.empty()) {
      ASSIGN_OR_RETURN(SqliteStatement * stmt,
                       db.Prepare("SELECT count(*) FROM " + name + " WHERE " + key + " = ?"));
      stmt->BindText(1, ref.target);
      bool exists = false;
      RETURN_IF_ERROR(stmt->ForEachRow("checking " + column, [&] {
        exists = stmt->ColumnInt(0) > 0;
        return OkStatus();
      }));
      if (!exists) {
        return FailedPrecondition(name + " '" + ref.row_id + "' has " + column + " '" + ref.target +
                                  "', which does not exist");
      }
      continue;
    }
    ASSIGN_OR_RETURN(SqliteStatement * stmt, db.Prepare("SELECT " + key + " FROM " + name +
                                                        " WHERE " + column + " = ? LIMIT 1"));
    stmt->BindText(1, ref.row_id);
    std::string referrer;
    RETURN_IF_ERROR(stmt->ForEachRow("checking " + column, [&] {
      referrer = std::string(stmt->ColumnText(0));
      return OkStatus();
    }));
    if (!referrer.empty()) {
      return FailedPrecondition("cannot delete " + name + " '" + ref.row_id + "': " + name + " '" +
                                referrer + "' still refers to it (" + column + ")");
    }
  }
  return OkStatus();
}

class SqliteStore final : public Store {
 public:
  // `reader` may be null: reads then share the writer's connection.
  SqliteStore(std::unique_ptr<SqliteDb> writer, std::unique_ptr<SqliteDb> reader,
              const StoreOptions& options)
      : durability_(options.durability),
        bulk_load_allowed_(options.bulk_load && options.url != kMemoryPath) {
    writer_.db = std::move(writer);
    reader_.db = std::move(reader);
  }

  std::string BackendName() const override { return "sqlite"; }

  Result<int> SchemaVersion() override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    ASSIGN_OR_RETURN(int64_t version, c.db->QueryInt("SELECT max(version) FROM schema_migrations"));
    return static_cast<int>(version);
  }

  std::vector<Result<int64_t>> CommitBatch(std::span<const CommitRequest> requests) override {
    std::vector<Result<int64_t>> results(requests.size(), Result<int64_t>(Internal("not run")));
    std::lock_guard lock(writer_.mu);
    SqliteDb& db = *writer_.db;
    const Status status = db.InTransaction([&]() -> Status {
      ASSIGN_OR_RETURN(int64_t head, db.QueryInt(kHeadSql));
      if (requests.size() == 1) {
        // The transaction is the change's all-or-nothing: no savepoint. Inside
        // one, SQLite's per-statement journal grows with the savepoint and a
        // change of millions of rows (guild demo, a large import) slows to a
        // crawl.
        results[0] = CommitOne(db, requests[0], head + 1);
        RETURN_IF_ERROR(results[0].status());
        return PruneFeed(db, *results[0]);
      }
      for (size_t i = 0; i < requests.size(); ++i) {
        RETURN_IF_ERROR(db.Exec("SAVEPOINT guild_change"));
        results[i] = CommitOne(db, requests[i], head + 1);
        if (results[i].ok()) {
          head = *results[i];
        } else {
          RETURN_IF_ERROR(db.Exec("ROLLBACK TO guild_change"));
        }
        RETURN_IF_ERROR(db.Exec("RELEASE guild_change"));
      }
      return PruneFeed(db, head);
    });
    if (!status.ok()) {
      for (Result<int64_t>& result : results) result = status;
    }
    return results;
  }

  Result<LoadedFirm> LoadAt(const LoadOptions& options) override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    LoadedFirm loaded;
    RETURN_IF_ERROR(c.db->Exec("BEGIN"));  // one snapshot for every table and the feed
    Status status = [&]() -> Status {
      ASSIGN_OR_RETURN(loaded.seq, c.db->QueryInt(kHeadSql));
      SqliteReadSource source(*c.db);
      return ReadKinds(options, source, loaded.data);
    }();
    c.db->Exec("COMMIT").IgnoreError();
    if (!status.ok()) return status;
    return loaded;
  }

  Result<int64_t> FeedHead() override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    return c.db->QueryInt(kHeadSql);
  }

  Result<FeedPage> ReadFeed(int64_t after, int max_entries) override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    RETURN_IF_ERROR(c.db->Exec("BEGIN"));
    Result<FeedPage> page = ReadFeedIn(*c.db, after, max_entries);
    c.db->Exec("COMMIT").IgnoreError();
    return page;
  }

  Result<SelectPage> Select(const SelectQuery& query) override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    SqliteReadSource source(*c.db);
    return SelectRows(query, Dialect::kSqlite, source);
  }

  Result<std::vector<CheckinStatusRow>> CycleCheckinStatuses(
      Date cycle_start, std::string_view first_team_id, std::string_view last_team_id) override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    SqliteReadSource source(*c.db);
    return SelectCycleCheckinStatuses(cycle_start, first_team_id, last_team_id, Dialect::kSqlite,
                                      source);
  }

  Result<int64_t> Count(EntityKind kind) override {
    Connection& c = Reader();
    std::lock_guard lock(c.mu);
    return c.db->QueryInt("SELECT count(*) FROM " + std::string(TableOf(kind).name));
  }

  Status Clear() override {
    std::lock_guard lock(writer_.mu);
    SqliteDb& db = *writer_.db;
    // Emptying every table leaves no reference behind; without the checks
    // SQLite can drop each table's contents at once.
    RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
    Status status = db.InTransaction([&]() -> Status {
      for (const TableSpec* table : TablesChildrenFirst()) {
        RETURN_IF_ERROR(db.Exec("DELETE FROM " + std::string(table->name)));
      }
      ASSIGN_OR_RETURN(int64_t head, db.QueryInt(kHeadSql));
      return AppendFeed(db, head + 1, FeedRecord{true, ""});
    });
    Status restore = db.Exec("PRAGMA foreign_keys = ON");
    return status.ok() ? restore : status;
  }

  Status BeginBulkLoad() override {
    std::lock_guard lock(writer_.mu);
    if (!bulk_load_allowed_) {
      return FailedPrecondition(
          "bulk load: the store must be a SQLite file opened with StoreOptions::bulk_load");
    }
    if (bulk_loading_) return FailedPrecondition("bulk load: already begun");
    SqliteDb& db = *writer_.db;
    for (const TableSpec* table : TablesChildrenFirst()) {
      ASSIGN_OR_RETURN(int64_t rows, db.QueryInt("SELECT count(*) FROM (SELECT 1 FROM " +
                                                 std::string(table->name) + " LIMIT 1)"));
      if (rows > 0) {
        return FailedPrecondition("bulk load: the store must be empty, but " +
                                  std::string(table->name) + " has rows");
      }
    }
    // Leaving WAL needs the only connection to the file: fails (nothing
    // changed) while another one has it open.
    ASSIGN_OR_RETURN(std::string mode, QueryText(db, "PRAGMA journal_mode = MEMORY"));
    if (mode != "memory") {
      return Unavailable("bulk load: another connection has the database open (journal mode " +
                         mode + ")");
    }
    // The mark first: from here until EndBulkLoad removes it, opening the
    // file is refused (OpenSqliteDatabase).
    RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(kBulkLoadMark)));
    RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
    RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = OFF"));
    RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = " + std::to_string(-kBulkLoadCacheKib)));
    // The non-unique indexes of the entity tables, as their migrations
    // created them (their text in sqlite_master), are created again by
    // EndBulkLoad. Unique ones stay: they enforce a rule per row.
    dropped_indexes_.clear();
    ASSIGN_OR_RETURN(SqliteStatement * indexes,
                     db.Prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                "tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE "
                                "'CREATE UNIQUE %' ORDER BY name"));
    std::vector<std::pair<std::string, std::string>> found;
    for (const TableSpec* table : TablesChildrenFirst()) {
      indexes->BindText(1, table->name);
      RETURN_IF_ERROR(
          indexes->ForEachRow("listing the indexes of " + std::string(table->name), [&] {
            found.emplace_back(indexes->ColumnText(0), indexes->ColumnText(1));
            return OkStatus();
          }));
    }
    RETURN_IF_ERROR(db.InTransaction([&]() -> Status {
      for (const auto& [name, sql] : found) RETURN_IF_ERROR(db.Exec("DROP INDEX " + name));
      return OkStatus();
    }));
    for (auto& [name, sql] : found) dropped_indexes_.push_back(std::move(sql));
    bulk_loading_ = true;
    return OkStatus();
  }

  Status EndBulkLoad() override {
    std::lock_guard lock(writer_.mu);
    if (!bulk_loading_) return FailedPrecondition("bulk load: not begun");
    SqliteDb& db = *writer_.db;
    RETURN_IF_ERROR(db.InTransaction([&]() -> Status {
      for (const std::string& sql : dropped_indexes_) RETURN_IF_ERROR(db.Exec(sql));
      return OkStatus();
    }));
    dropped_indexes_.clear();
    int64_t dangling = 0;
    std::string first;
    ASSIGN_OR_RETURN(SqliteStatement * fks, db.Prepare("PRAGMA foreign_key_check"));
    RETURN_IF_ERROR(fks->ForEachRow("checking foreign keys", [&] {
      if (++dangling == 1) {
        first = "row " + std::to_string(fks->ColumnInt(1)) + " of " +
                std::string(fks->ColumnText(0)) + " refers to a missing row of " +
                std::string(fks->ColumnText(2));
      }
      return OkStatus();
    }));
    if (dangling > 0) {
      return FailedPrecondition("bulk load: " + std::to_string(dangling) +
                                " rows refer to rows that do not exist (first: " + first +
                                "); the database stays marked incomplete");
    }
    // Everything written so far reaches the disk before the mark goes: a
    // commit with synchronous=FULL syncs the database file.
    RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = FULL"));
    RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
    RETURN_IF_ERROR(db.InTransaction([&] { return db.Exec("PRAGMA user_version = 0"); }));
    RETURN_IF_ERROR(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    RETURN_IF_ERROR(ApplyPragmas(db, durability_));
    bulk_loading_ = false;
    return OkStatus();
  }

 private:
  static constexpr const char* kHeadSql = "SELECT coalesce(max(seq), 0) FROM guild_changes";

  Connection& Reader() { return reader_.db ? reader_ : writer_; }

  static Result<std::string> QueryText(SqliteDb& db, const std::string& sql) {
    ASSIGN_OR_RETURN(SqliteStatement * stmt, db.Prepare(sql));
    std::string text;
    RETURN_IF_ERROR(stmt->ForEachRow(sql, [&] {
      text = std::string(stmt->ColumnText(0));
      return OkStatus();
    }));
    return text;
  }

  // Writes one request inside the caller's savepoint; returns its seq.
  static Result<int64_t> CommitOne(SqliteDb& db, const CommitRequest& request, int64_t seq) {
    if (request.change == nullptr) return InvalidArgument("commit: no change");
    const FirmChange& change = *request.change;
    SqliteWriteTarget target(db);
    RETURN_IF_ERROR(WriteChange(change, Dedupe::kKindsWithChildren, target));
    RETURN_IF_ERROR(CheckSelfReferences(db, change));
    if (!request.claim_staffing_plan.empty()) {
      ASSIGN_OR_RETURN(bool claimed, SqliteClaimStaffingPlan(db, request.claim_staffing_plan));
      if (!claimed) {
        return FailedPrecondition("plan " + request.claim_staffing_plan + " was already accepted");
      }
    }
    RETURN_IF_ERROR(AppendFeed(db, seq, RecordOf(change)));
    if (request.audit != nullptr) RETURN_IF_ERROR(SqliteAppendAudit(db, *request.audit).status());
    RETURN_IF_ERROR(SqliteQueueOutbox(db, request.outbox));
    return seq;
  }

  static Status AppendFeed(SqliteDb& db, int64_t seq, const FeedRecord& record) {
    ASSIGN_OR_RETURN(SqliteStatement * stmt,
                     db.Prepare("INSERT INTO guild_changes (seq, reload, body) VALUES (?, ?, ?)"));
    stmt->BindAll(seq, record.reload, record.body);
    return stmt->Run("recording change " + std::to_string(seq));
  }

  // Keeps the newest kFeedEntriesKept entries (and always the head).
  static Status PruneFeed(SqliteDb& db, int64_t head) {
    ASSIGN_OR_RETURN(SqliteStatement * stmt,
                     db.Prepare("DELETE FROM guild_changes WHERE seq <= ?"));
    stmt->BindInt(1, head - kFeedEntriesKept);
    return stmt->Run("pruning the change feed");
  }

  static Result<FeedPage> ReadFeedIn(SqliteDb& db, int64_t after, int max_entries) {
    FeedPage page;
    ASSIGN_OR_RETURN(int64_t oldest,
                     db.QueryInt("SELECT coalesce(min(seq), 0) FROM guild_changes"));
    if (oldest > after + 1) {
      page.too_far_behind = true;
      return page;
    }
    ASSIGN_OR_RETURN(
        SqliteStatement * stmt,
        db.Prepare(
            "SELECT seq, reload, body FROM guild_changes WHERE seq > ? ORDER BY seq LIMIT ?"));
    stmt->BindAll(after, std::max(1, max_entries));
    RETURN_IF_ERROR(stmt->ForEachRow("reading the change feed", [&]() -> Status {
      ASSIGN_OR_RETURN(FeedEntry entry,
                       EntryOf(stmt->ColumnInt(0), stmt->ColumnInt(1) != 0, stmt->ColumnText(2)));
      page.entries.push_back(std::move(entry));
      return OkStatus();
    }));
    return page;
  }

  // The SQLite page cache during a bulk load, in KiB.
  static constexpr int kBulkLoadCacheKib = 1024 * 1024;

  Connection writer_;
  Connection reader_;
  const Durability durability_;
  const bool bulk_load_allowed_;
  bool bulk_loading_ = false;                 // guarded by writer_.mu
  std::vector<std::string> dropped_indexes_;  // their CREATE INDEX text; guarded by writer_.mu
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> writer, OpenSqliteDatabase(options));
  std::unique_ptr<SqliteDb> reader;
  if (options.url != kMemoryPath && !options.bulk_load) {
    // Reads (loads, the feed, selects) on their own connection: WAL lets
    // them run beside a commit.
    ASSIGN_OR_RETURN(reader, OpenSqliteDatabase(options));
  }
  return std::unique_ptr<Store>(
      std::make_unique<SqliteStore>(std::move(writer), std::move(reader), options));
}

}  // namespace guild::store::internal
