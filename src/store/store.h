// The Store: durable home of the firm's data.
//
// One interface, two backends: SQLite (embedded default, a file path) and
// PostgreSQL (a "postgresql://" URL, for several Guild servers on one
// database). Both pass the same conformance suite (store/store_conformance_test.cc).
//
// Contract:
//  - Every write is a change (FirmChange: upserts and deletes of any kinds),
//    committed in one transaction together with its record in the change
//    feed: all of it or, on any error, none of it. The store numbers every
//    committed change (its feed sequence number, seq), so a commit and its
//    announcement to other servers are one step; the feed orders changes as
//    they committed.
//  - Upserts replace the whole entity with the same key (id; for person
//    skills the key is person_id + skill_id + source; a team's members and a
//    role's or opening's skills are replaced with it).
//  - References must resolve inside the store after the change (foreign keys:
//    a person skill's person and skill, an engagement's client, ...); a
//    dangling reference fails the change with kFailedPrecondition.
//  - When one change holds the same key twice, the later entity wins.
//  - Reads return entities ordered by key, compared bytewise (a person
//    skill's source by its name: "assessed" < "manager" < "peer" < "self").
//
// Thread safety: a Store may be used from several threads at once; the
// backend serialises what it must.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"

namespace guild {

//! How hard a SQLite commit works to survive power loss.
enum class Durability {
  kFull,    //!< synchronous=FULL: a committed write survives power loss
  kNormal,  //!< synchronous=NORMAL in WAL: survives a crash of Guild, may lose the
            //!< last commits on power loss
  kOff,     //!< synchronous=OFF: for bulk loads and tests only
};

struct StoreOptions {
  //! A SQLite file path ("guild.db", ":memory:") or a "postgresql://" URL.
  std::string url = "guild.db";
  //! Create the database (and apply migrations) when it does not exist yet.
  //! PostgreSQL: the database itself must exist; this creates the schema.
  bool create_if_missing = true;
  //! SQLite only; PostgreSQL always commits durably.
  Durability durability = Durability::kNormal;
  //! SQLite only (PostgreSQL ignores it): open the file to be refilled from
  //! empty by this process alone, with Store::BeginBulkLoad (`guild demo`).
  //! Reads share the writer's connection, and a file left incomplete by an
  //! interrupted bulk load, which every other open refuses, is removed and
  //! created again.
  bool bulk_load = false;
};

//! Which kinds Load reads; empty means every kind that lives in memory
//! (ResidenceOf(kind) == Residence::kMemory). A store-only kind is read only
//! when named here, or by Select.
struct LoadOptions {
  std::vector<EntityKind> kinds;
};

//! Keys of one kind to delete, in the Store::Delete id form.
struct KindKeys {
  EntityKind kind = EntityKind::kPeople;
  std::vector<std::string> ids;
};

//! One change to the firm's data, committed all-or-nothing: first the
//! upserts (parents before children), then the deletes (children before
//! parents). Deleting an unknown key does nothing; a key both upserted and
//! deleted in one change is kInvalidArgument.
struct FirmChange {
  FirmData upserts;
  std::vector<KindKeys> deletes;

  //! Entities upserted plus keys deleted.
  [[nodiscard]] size_t size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
};

//! One line of the audit log: who changed what and when.
struct AuditEntry {
  int64_t seq = 0;  //!< assigned when appended, increasing
  int64_t at = 0;   //!< seconds since the epoch
  std::string user_id;
  std::string action;  //!< e.g. "user.create", "import", "session.create"
  std::string entity;  //!< e.g. "user", "people"
  std::string entity_id;
  std::string detail;  //!< free text, no secrets
};

//! Where a queued email is (docs/NOTIFICATIONS.md).
enum class OutboxState {
  kPending,  //!< waiting for next_attempt_at
  kSending,  //!< claimed by a server until next_attempt_at (its lease)
  kSent,     //!< the SMTP server accepted it
  kFailed,   //!< given up after the last attempt; last_error says why
};
std::string_view ToString(OutboxState state);  //!< "pending", "sending", "sent", "failed"

//! One email to a person, queued in the transaction of the change that
//! created the inbox item it announces (CommitRequest::outbox) and sent later
//! by a server's OutboxSender through the AccountStore's claim.
struct OutboxMail {
  int64_t id = 0;             //!< assigned when queued; ignored when queueing
  std::string inbox_item_id;  //!< unique: a second mail for one item is not queued
  std::string person_id;
  std::string to_address;  //!< "local@domain"
  std::string subject;     //!< one line
  std::string body;        //!< plain text
  int64_t created_at = 0;  //!< seconds since the epoch
  OutboxState state = OutboxState::kPending;
  int attempts = 0;             //!< claims so far
  int64_t next_attempt_at = 0;  //!< pending: due time; sending: end of the lease
  std::optional<int64_t> sent_at;
  //! Stable for the row's life, the same on every attempt: the local part of
  //! the Message-ID header ("<message_id@domain of the sender>").
  std::string message_id;
  std::string last_error;  //!< of the last failed attempt, empty when none
};

//! A change to commit and what goes with it in its transaction.
struct CommitRequest {
  const FirmChange* change = nullptr;  //!< required
  //! Appended to the audit log in the same transaction when set.
  const AuditEntry* audit = nullptr;
  //! When non-empty: this staffing plan (AccountStore) is marked accepted in
  //! the same transaction; the change fails with kFailedPrecondition when
  //! the plan is already accepted and kNotFound when there is no such plan.
  std::string claim_staffing_plan;
  //! Emails queued in the same transaction (state pending, due at
  //! next_attempt_at); a mail whose inbox_item_id was queued before is
  //! skipped, so committing an inbox item again never mails twice.
  std::span<const OutboxMail> outbox;
};

//! Changes of more entities than this are recorded in the feed as "reload":
//! other servers read the whole firm again instead of applying them.
inline constexpr size_t kMaxFeedEntities = 10'000;
//! The feed keeps the newest entries; a server further behind than this
//! (or one that starts) reads the whole firm.
inline constexpr int64_t kFeedEntriesKept = 100'000;

//! A committed change, as the change feed recorded it.
struct FeedEntry {
  int64_t seq = 0;
  //! The change was too large to record (kMaxFeedEntities) or was a Clear:
  //! `change` is empty and readers must read the whole firm again.
  bool reload = false;
  FirmChange change;
};

struct FeedPage {
  std::vector<FeedEntry> entries;  //!< seq > after, in order
  //! Entries after `after` were already pruned (kFeedEntriesKept): the
  //! reader must read the whole firm again. `entries` is then empty.
  bool too_far_behind = false;
};

//! The firm as of one point of the change feed.
struct LoadedFirm {
  FirmData data;
  int64_t seq = 0;  //!< the last change the data includes (0: none yet)
};

//! A value a column is compared with. Dates compare as dates.
using ColumnValue = std::variant<std::string, int64_t, double, bool, Date>;

enum class Compare { kEq, kLt, kLe, kGt, kGe };

struct ColumnCondition {
  std::string column;  //!< a column of the kind's table
  Compare op = Compare::kEq;
  ColumnValue value;
};

enum class SortOrder { kAscending, kDescending };

//! Rows of one kind chosen by indexed columns (Store::Select).
struct SelectQuery {
  EntityKind kind = EntityKind::kPeople;
  //! Every condition must hold. The equality conditions must name a prefix of
  //! the columns of the table's key or of one of its indexes, and a range
  //! condition (at most one column) the column after it.
  std::vector<ColumnCondition> where;
  //! Columns to order by, the next columns of that same key or index; empty
  //! orders by the key. The key's columns are appended, so the order is total.
  std::vector<std::string> order_by;
  SortOrder order = SortOrder::kAscending;
  //! 1 to kMaxSelectRows rows.
  int limit = 100;
  //! SelectPage::next_cursor of the previous page of the same query; empty
  //! for the first page.
  std::string after;
};

inline constexpr int kMaxSelectRows = 10'000;

//! A saved check-in without its texts (Store::CycleCheckinStatuses): who
//! saved one for a team's cycle and whether it was submitted.
struct CheckinStatusRow {
  std::string team_id;
  std::string person_id;
  bool submitted = false;  //!< submitted_at is set (a draft otherwise)
};

struct SelectPage {
  FirmData rows;  //!< in the query's order, in the kind's vector
  //! Pass as SelectQuery::after for the next page; empty after the last.
  std::string next_cursor;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  //! "sqlite" or "postgresql".
  [[nodiscard]] virtual std::string BackendName() const = 0;
  //! Schema version after migrations.
  [[nodiscard]] virtual Result<int> SchemaVersion() = 0;

  //! Commits the requests in ONE transaction (one durable commit: group
  //! commit), each in its own savepoint: each change is all-or-nothing and a
  //! failing one fails alone (its error in its slot, the others committed).
  //! Returns, per request, the feed seq the store gave its change; the seqs
  //! of one call increase in request order. When the commit itself fails,
  //! every slot holds that error and nothing was written.
  [[nodiscard]] virtual std::vector<Result<int64_t>> CommitBatch(
      std::span<const CommitRequest> requests) = 0;
  //! One request: CommitBatch of one.
  [[nodiscard]] Result<int64_t> Commit(const CommitRequest& request);
  //! Commits `change` with no audit entry. Returns its seq.
  [[nodiscard]] Result<int64_t> Commit(const FirmChange& change);

  //! Inserts or replaces every entity in `batch`: Commit of the upserts.
  [[nodiscard]] Status Upsert(const FirmData& batch);
  //! Deletes the entities of `kind` with these ids (for person skills, the id
  //! is "person_id/skill_id/source"; for skill history,
  //! "person_id/skill_id/YYYY-MM-DD"; for opening preferences,
  //! "opening_id/person_id", split at the last '/'). Unknown ids are ignored.
  //! An entity's lists (tags, synonyms, role skills, requirements, members)
  //! go with it. Fails with kFailedPrecondition when another entity still
  //! refers to one of them, and with kInvalidArgument for a malformed
  //! composite id. Commit of the deletes.
  [[nodiscard]] Status Delete(EntityKind kind, std::span<const std::string> ids);

  //! Reads the entities of the requested kinds and the feed position they
  //! reflect, in one read transaction.
  [[nodiscard]] virtual Result<LoadedFirm> LoadAt(const LoadOptions& options) = 0;
  //! LoadAt without the position.
  [[nodiscard]] Result<FirmData> Load(const LoadOptions& options);

  //! The seq of the newest committed change (0 on a new database).
  [[nodiscard]] virtual Result<int64_t> FeedHead() = 0;
  //! The committed changes with seq > after, oldest first, at most
  //! `max_entries` (1 or more).
  [[nodiscard]] virtual Result<FeedPage> ReadFeed(int64_t after, int max_entries) = 0;

  //! One page of rows of a kind by indexed columns (see SelectQuery), with
  //! their lists. kInvalidArgument (naming the column or the cursor) for an
  //! unknown column, a value of the wrong type, conditions or an order no key
  //! or index serves, a limit out of range or a cursor of another query.
  [[nodiscard]] virtual Result<SelectPage> Select(const SelectQuery& query) = 0;

  //! The check-ins of cycle `cycle_start` of the teams whose id is in
  //! [first_team_id, last_team_id], without their texts, ordered by team id
  //! then person id: read from the index checkins_cycle_team alone (it
  //! covers these columns), not from the table's rows. For the overdue views.
  [[nodiscard]] virtual Result<std::vector<CheckinStatusRow>> CycleCheckinStatuses(
      Date cycle_start, std::string_view first_team_id, std::string_view last_team_id) = 0;

  //! Number of stored entities of `kind`.
  [[nodiscard]] virtual Result<int64_t> Count(EntityKind kind) = 0;

  //! Removes every entity (keeps the schema and the account tables) and
  //! records a "reload" change in the feed. For `guild demo` and tests.
  [[nodiscard]] virtual Status Clear() = 0;

  //! Bulk load of an empty store (SQLite; PostgreSQL: both do nothing and
  //! return OK). BeginBulkLoad needs a store opened with
  //! StoreOptions::bulk_load and empty entity tables (kFailedPrecondition
  //! otherwise; kUnavailable, nothing changed, when another connection has
  //! the file open). It marks the file incomplete (every open but a bulk
  //! one refuses it until EndBulkLoad), then until EndBulkLoad: no
  //! foreign-key checks, synchronous=OFF, the rollback journal in memory
  //! instead of WAL, a larger page cache, and the entity tables' non-unique
  //! indexes dropped. Commits work as usual meanwhile (self references are
  //! still checked per change). A crash before EndBulkLoad returns leaves
  //! the file marked: it is refused, never half-loaded.
  [[nodiscard]] virtual Status BeginBulkLoad() { return OkStatus(); }
  //! Creates the dropped indexes again from their definitions, runs the
  //! foreign-key check of every table (kFailedPrecondition naming the first
  //! dangling reference when it finds any; the file stays marked), returns
  //! to WAL, foreign keys on and the store's durability, removes the mark
  //! last and checkpoints: the file then has the schema and rows a normal
  //! write of the same changes gives.
  [[nodiscard]] virtual Status EndBulkLoad() { return OkStatus(); }
};

//! Opens the store named by options.url, applying migrations.
//! Errors: kInvalidArgument for a malformed URL, kNotFound when the database
//! does not exist and !create_if_missing, kUnavailable when a server cannot
//! be reached, kFailedPrecondition when the schema is newer than this build.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

}  // namespace guild
