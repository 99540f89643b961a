#include "store/sqlite/sqlite_io.h"

#include <array>
#include <cstring>
#include <type_traits>
#include <variant>

namespace guild::store::internal {

namespace {

constexpr int kMaxColumns = 16;
constexpr size_t kDateTextSize = 16;

// Binds each value to the next parameter of an INSERT; EndRow runs it.
class SqliteRowSink final : public RowSink {
 public:
  SqliteRowSink(SqliteStatement& stmt, const TableSpec& table) : stmt_(stmt), table_(table) {}

  void Null() override { stmt_.BindNull(++index_); }
  void Text(std::string_view value) override {
    if (index_ == 0) first_text_ = value;
    stmt_.BindText(++index_, value);
  }
  void Int(int64_t value) override { stmt_.BindInt(++index_, value); }
  void Real(double value) override { stmt_.BindReal(++index_, value); }
  void Bool(bool value) override { stmt_.BindInt(++index_, value ? 1 : 0); }
  void DateValue(Date value) override {
    // The text must live until the step: keep it in a per-column buffer.
    std::array<char, kDateTextSize>& buffer = dates_[index_];
    const std::string text = FormatDate(value);
    const size_t size = std::min(text.size(), buffer.size());
    std::memcpy(buffer.data(), text.data(), size);
    stmt_.BindText(++index_, std::string_view(buffer.data(), size));
  }
  Status EndRow() override {
    index_ = 0;
    const int rc = stmt_.Step();
    stmt_.Reset();
    if (rc == SQLITE_DONE) return OkStatus();
    std::string context =
        "writing " + std::string(table_.name) + " '" + std::string(first_text_) + "'";
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) context += " (a referenced entity does not exist)";
    return SqliteStatus(rc, stmt_.db(), context);
  }

 private:
  SqliteStatement& stmt_;
  const TableSpec& table_;
  int index_ = 0;
  std::string_view first_text_;
  std::array<std::array<char, kDateTextSize>, kMaxColumns> dates_{};
};

class SqliteRowSource final : public RowSource {
 public:
  explicit SqliteRowSource(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::string_view Text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool Bool(int column) const override { return sqlite3_column_int(stmt_, column) != 0; }

 private:
  sqlite3_stmt* stmt_;
};

std::string Placeholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace

std::string SqliteInsertSql(const TableSpec& table, OnConflict on_conflict) {
  std::string sql = "INSERT INTO " + std::string(table.name) + " (" + ColumnList(table) +
                    ") VALUES (" + Placeholders(table.columns.size()) + ")";
  if (on_conflict == OnConflict::kFail) return sql;
  const std::string update = UpdateFromExcluded(table);
  sql += " ON CONFLICT (" + KeyList(table) + ") DO ";
  sql += update.empty() ? "NOTHING" : "UPDATE SET " + update;
  return sql;
}

Status SqliteWriteTarget::UpsertRows(const TableSpec& table, const RowProducer& produce) {
  ASSIGN_OR_RETURN(SqliteStatement * stmt,
                   db_.Prepare(SqliteInsertSql(table, OnConflict::kUpdate)));
  SqliteRowSink sink(*stmt, table);
  return produce(sink);
}

Status SqliteWriteTarget::ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                                          std::span<const std::string_view> parent_ids,
                                          const RowProducer& produce) {
  const std::string delete_sql =
      "DELETE FROM " + std::string(child.name) + " WHERE " + std::string(child.columns[0]) + " = ?";
  ASSIGN_OR_RETURN(SqliteStatement * remove, db_.Prepare(delete_sql));
  for (std::string_view id : parent_ids) {
    remove->BindText(1, id);
    RETURN_IF_ERROR(
        remove->Run("deleting " + std::string(child.name) + " of '" + std::string(id) + "'"));
  }
  ASSIGN_OR_RETURN(SqliteStatement * insert,
                   db_.Prepare(SqliteInsertSql(child, OnConflict::kFail)));
  SqliteRowSink sink(*insert, child);
  return produce(sink);
}

Status SqliteWriteTarget::DeleteRows(const TableSpec& table,
                                     std::span<const std::vector<std::string>> keys,
                                     std::span<const std::string> ids) {
  std::string sql = "DELETE FROM " + std::string(table.name) + " WHERE ";
  for (size_t i = 0; i < table.key_size; ++i) {
    sql += (i == 0 ? "" : " AND ") + std::string(table.columns[i]) + " = ?";
  }
  ASSIGN_OR_RETURN(SqliteStatement * stmt, db_.Prepare(sql));
  for (size_t k = 0; k < keys.size(); ++k) {
    for (size_t i = 0; i < keys[k].size(); ++i) stmt->BindText(static_cast<int>(i) + 1, keys[k][i]);
    Status status = stmt->Run("deleting " + std::string(table.name) + " '" + ids[k] + "'");
    if (status.code() == StatusCode::kFailedPrecondition) {
      return FailedPrecondition("cannot delete " + std::string(table.name) + " '" + ids[k] +
                                "': another entity still refers to it");
    }
    RETURN_IF_ERROR(status);
  }
  return OkStatus();
}

Status SqliteReadSource::SelectAll(const TableSpec& table, const RowConsumer& consume) {
  const std::string sql = "SELECT " + ColumnList(table) + " FROM " + std::string(table.name) +
                          " ORDER BY " + KeyList(table);
  ASSIGN_OR_RETURN(SqliteStatement * stmt, db_.Prepare(sql));
  SqliteRowSource row(stmt->raw());
  return stmt->ForEachRow("reading " + std::string(table.name), [&] { return consume(row); });
}

Status SqliteReadSource::Query(const std::string& sql, std::span<const ColumnValue> params,
                               const RowConsumer& consume) {
  ASSIGN_OR_RETURN(SqliteStatement * stmt, db_.Prepare(sql));
  std::vector<std::string> dates;  // bound text must outlive the steps
  dates.reserve(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    std::visit(
        [&](const auto& value) {
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, std::string>) {
            stmt->BindText(index, value);
          } else if constexpr (std::is_same_v<V, int64_t>) {
            stmt->BindInt(index, value);
          } else if constexpr (std::is_same_v<V, double>) {
            stmt->BindReal(index, value);
          } else if constexpr (std::is_same_v<V, bool>) {
            stmt->BindInt(index, value ? 1 : 0);
          } else {
            dates.push_back(FormatDate(value));
            stmt->BindText(index, dates.back());
          }
        },
        params[i]);
  }
  SqliteRowSource row(stmt->raw());
  return stmt->ForEachRow("selecting", [&] { return consume(row); });
}

}  // namespace guild::store::internal
