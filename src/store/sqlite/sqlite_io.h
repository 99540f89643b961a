// SQLite implementations of the WriteTarget and ReadSource seams. Both work
// inside a transaction the caller opened and reuse cached statements.
#pragma once

#include "store/internal/firm_io.h"
#include "store/sqlite/sqlite_handle.h"

namespace guild::store::internal {

class SqliteWriteTarget final : public WriteTarget {
 public:
  explicit SqliteWriteTarget(SqliteDb& db) : db_(db) {}
  Status UpsertRows(const TableSpec& table, const RowProducer& produce) override;
  Status ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                         std::span<const std::string_view> parent_ids,
                         const RowProducer& produce) override;
  Status DeleteRows(const TableSpec& table, std::span<const std::vector<std::string>> keys,
                    std::span<const std::string> ids) override;

 private:
  SqliteDb& db_;
};

class SqliteReadSource final : public ReadSource {
 public:
  explicit SqliteReadSource(SqliteDb& db) : db_(db) {}
  Status SelectAll(const TableSpec& table, const RowConsumer& consume) override;
  Status Query(const std::string& sql, std::span<const ColumnValue> params,
               const RowConsumer& consume) override;

 private:
  SqliteDb& db_;
};

//! "INSERT INTO t (a, b) VALUES (?, ?)", plus an upsert clause on the key
//! when `upsert`.
enum class OnConflict { kFail, kUpdate };
std::string SqliteInsertSql(const TableSpec& table, OnConflict on_conflict);

}  // namespace guild::store::internal
