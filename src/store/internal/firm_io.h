// Backend-independent writing and reading of a FirmData through the codecs.
// A backend supplies a WriteTarget / ReadSource for one open transaction.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "store/internal/codec.h"
#include "store/internal/row.h"
#include "store/internal/schema.h"
#include "store/store.h"

namespace guild::store::internal {

//! Writes every row of a table through the sink (calling EndRow per row).
using RowProducer = std::function<Status(RowSink& sink)>;
//! Receives one read row.
using RowConsumer = std::function<Status(const RowSource& row)>;

class WriteTarget {
 public:
  virtual ~WriteTarget() = default;
  //! Inserts the produced rows of `table`, replacing rows with the same key.
  //! The produced rows have distinct keys.
  [[nodiscard]] virtual Status UpsertRows(const TableSpec& table, const RowProducer& produce) = 0;
  //! Deletes the `child` rows of the parents in `parent_ids` (the rows just
  //! upserted into `parent`), then inserts the produced child rows.
  [[nodiscard]] virtual Status ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                                               std::span<const std::string_view> parent_ids,
                                               const RowProducer& produce) = 0;
  //! Deletes the rows of `table` whose key columns hold `keys` (one value per
  //! key column each). Unknown keys are ignored. kFailedPrecondition naming
  //! `ids[i]` when another row still refers to one.
  [[nodiscard]] virtual Status DeleteRows(const TableSpec& table,
                                          std::span<const std::vector<std::string>> keys,
                                          std::span<const std::string> ids) = 0;
};

class ReadSource {
 public:
  virtual ~ReadSource() = default;
  //! Calls `consume` on every row of `table`, in key order.
  [[nodiscard]] virtual Status SelectAll(const TableSpec& table, const RowConsumer& consume) = 0;
  //! Runs `sql` (a SELECT of `table`'s columns, in the backend's dialect,
  //! with placeholders 1..n for `params`) and calls `consume` on every row.
  [[nodiscard]] virtual Status Query(const std::string& sql, std::span<const ColumnValue> params,
                                     const RowConsumer& consume) = 0;
};

//! The SQL dialect of a backend: placeholders "?N" (SQLite) or "$N" with a
//! cast to the value's type (PostgreSQL).
enum class Dialect { kSqlite, kPostgres };

//! Which kinds are reduced to the last occurrence of each key before writing.
//! Kinds with list fields always are (their child rows must come from one
//! occurrence); a backend whose bulk upsert rejects duplicate keys in one
//! statement asks for all.
enum class Dedupe { kKindsWithChildren, kAllKinds };

//! The items of `items` the store writes: the last occurrence of each key,
//! in the order of those last occurrences.
template <typename T>
std::vector<const T*> LastOfEachKey(const EntityCodec<T>& codec, const std::vector<T>& items) {
  std::vector<std::string> keys(items.size());
  std::unordered_map<std::string_view, size_t> last;
  last.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    codec.key(items[i], keys[i]);
    last[keys[i]] = i;
  }
  std::vector<const T*> out;
  out.reserve(last.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (last[keys[i]] == i) out.push_back(&items[i]);
  }
  return out;
}

//! Writes every entity of `batch`, parents first. Later duplicates win.
[[nodiscard]] Status WriteBatch(const FirmData& batch, Dedupe dedupe, WriteTarget& target);

//! Writes `change` as the Store contract says: the upserts (WriteBatch), then
//! the deletes, children's kinds first. kInvalidArgument when a key is both
//! upserted and deleted or a composite id is malformed.
[[nodiscard]] Status WriteChange(const FirmChange& change, Dedupe dedupe, WriteTarget& target);

//! A self reference (TableSpec::self_reference) a change touches: an
//! upserted row's reference, which must exist after the change, or a deleted
//! key, which no row may still refer to.
struct SelfReference {
  const TableSpec* table;
  std::string row_id;  //!< the upserted row, or the deleted key
  std::string target;  //!< the upserted row's reference; empty for a deleted key
};
//! The self references of `change`, for backends that check them per change.
std::vector<SelfReference> SelfReferencesOf(const FirmChange& change);

//! What the feed records of a committed change: reload (no body) when the
//! change has more than kMaxFeedEntities entities, else EncodeChange's text.
struct FeedRecord {
  bool reload = false;
  std::string body;
};
FeedRecord RecordOf(const FirmChange& change);
//! The entry of a recorded change. kInternal when the body does not decode.
Result<FeedEntry> EntryOf(int64_t seq, bool reload, std::string_view body);

//! Reads the kinds named by `options` (the in-memory kinds when empty) into
//! `out`.
[[nodiscard]] Status ReadKinds(const LoadOptions& options, ReadSource& source, FirmData& out);

//! One page of Store::Select, for both backends: the SQL comes from the
//! kind's TableSpec (the one place it is built), in `dialect`.
[[nodiscard]] Result<SelectPage> SelectRows(const SelectQuery& query, Dialect dialect,
                                            ReadSource& source);

//! Store::CycleCheckinStatuses for both backends, in `dialect`.
[[nodiscard]] Result<std::vector<CheckinStatusRow>> SelectCycleCheckinStatuses(
    Date cycle_start, std::string_view first_team_id, std::string_view last_team_id,
    Dialect dialect, ReadSource& source);

}  // namespace guild::store::internal
