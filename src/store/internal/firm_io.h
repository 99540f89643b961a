// Backend-independent writing and reading of a FirmData through the codecs.
// A backend supplies a WriteTarget / ReadSource for one open transaction.
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "common/status.h"
#include "domain/model.h"
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
};

class ReadSource {
 public:
  virtual ~ReadSource() = default;
  //! Calls `consume` on every row of `table`, in key order.
  [[nodiscard]] virtual Status SelectAll(const TableSpec& table, const RowConsumer& consume) = 0;
};

//! Which kinds are reduced to the last occurrence of each key before writing.
//! Kinds with list fields always are (their child rows must come from one
//! occurrence); a backend whose bulk upsert rejects duplicate keys in one
//! statement asks for all.
enum class Dedupe { kKindsWithChildren, kAllKinds };

//! Writes every entity of `batch`, parents first. Later duplicates win.
[[nodiscard]] Status WriteBatch(const FirmData& batch, Dedupe dedupe, WriteTarget& target);

//! Reads the kinds named by `options` (all when empty) into `out`.
[[nodiscard]] Status ReadKinds(const LoadOptions& options, ReadSource& source, FirmData& out);

}  // namespace guild::store::internal
