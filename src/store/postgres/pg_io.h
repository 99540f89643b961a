// PostgreSQL implementations of the WriteTarget and ReadSource seams, inside
// a transaction the caller owns. Writes stream rows with COPY into a
// temporary staging table, then merge them with one INSERT ... SELECT ...
// ON CONFLICT DO UPDATE per table. Reads page through a server-side cursor.
// libpqxx exceptions pass through; the store's edge turns them into Status.
#pragma once

#include <pqxx/pqxx>

#include "store/internal/firm_io.h"

namespace guild::store::internal {

//! How rows reach their tables: COPY through staging tables (bulk), or one
//! parameterised INSERT per row (a few rows: no temporary tables).
enum class PgWriteMode { kCopy, kRows };

class PgWriteTarget final : public WriteTarget {
 public:
  //! `stage_suffix` makes this target's staging table names unique within
  //! the transaction (several changes of one group commit).
  PgWriteTarget(pqxx::transaction_base& txn, PgWriteMode mode, std::string stage_suffix = "")
      : txn_(txn), mode_(mode), suffix_(std::move(stage_suffix)) {}
  Status UpsertRows(const TableSpec& table, const RowProducer& produce) override;
  Status ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                         std::span<const std::string_view> parent_ids,
                         const RowProducer& produce) override;
  Status DeleteRows(const TableSpec& table, std::span<const std::vector<std::string>> keys,
                    std::span<const std::string> ids) override;

 private:
  // Creates the staging table of `table` and COPYs the produced rows in.
  Status Stage(const TableSpec& table, const RowProducer& produce);
  // Runs `sql` (placeholders $1..$n) once per produced row.
  Status InsertEach(const std::string& sql, const RowProducer& produce);
  std::string StageName(const TableSpec& table) const;

  pqxx::transaction_base& txn_;
  PgWriteMode mode_;
  std::string suffix_;
};

class PgReadSource final : public ReadSource {
 public:
  explicit PgReadSource(pqxx::transaction_base& txn) : txn_(txn) {}
  Status SelectAll(const TableSpec& table, const RowConsumer& consume) override;
  Status Query(const std::string& sql, std::span<const ColumnValue> params,
               const RowConsumer& consume) override;

 private:
  pqxx::transaction_base& txn_;
};

}  // namespace guild::store::internal
