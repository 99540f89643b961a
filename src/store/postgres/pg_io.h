// PostgreSQL implementations of the WriteTarget and ReadSource seams, inside
// a transaction the caller owns. Writes stream rows with COPY into a
// temporary staging table, then merge them with one INSERT ... SELECT ...
// ON CONFLICT DO UPDATE per table. Reads page through a server-side cursor.
// libpqxx exceptions pass through; the store's edge turns them into Status.
#pragma once

#include <pqxx/pqxx>

#include "store/internal/firm_io.h"

namespace guild::store::internal {

class PgWriteTarget final : public WriteTarget {
 public:
  explicit PgWriteTarget(pqxx::transaction_base& txn) : txn_(txn) {}
  Status UpsertRows(const TableSpec& table, const RowProducer& produce) override;
  Status ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                         std::span<const std::string_view> parent_ids,
                         const RowProducer& produce) override;

 private:
  // Creates the staging table of `table` and COPYs the produced rows in.
  Status Stage(const TableSpec& table, const RowProducer& produce);

  pqxx::transaction_base& txn_;
};

class PgReadSource final : public ReadSource {
 public:
  explicit PgReadSource(pqxx::transaction_base& txn) : txn_(txn) {}
  Status SelectAll(const TableSpec& table, const RowConsumer& consume) override;

 private:
  pqxx::transaction_base& txn_;
};

}  // namespace guild::store::internal
