#include "store/postgres/pg_io.h"

#include <charconv>
#include <optional>
#include <pqxx/tablewriter>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace guild::store::internal {

namespace {

constexpr int kFetchRows = 20'000;
constexpr size_t kNumberTextSize = 32;

// Builds one line of COPY text format per row and hands it to the stream.
class PgCopySink final : public RowSink {
 public:
  explicit PgCopySink(pqxx::tablewriter& stream) : stream_(stream) {}

  void Null() override { Separator().append("\\N"); }
  void Text(std::string_view value) override {
    std::string& line = Separator();
    for (char c : value) {
      switch (c) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c;
      }
    }
  }
  void Int(int64_t value) override { Number(value); }
  void Real(double value) override { Number(value); }
  void Bool(bool value) override { Separator().append(value ? "t" : "f"); }
  void DateValue(Date value) override { Separator().append(FormatDate(value)); }
  Status EndRow() override {
    stream_.write_raw_line(line_);
    line_.clear();
    first_ = true;
    return OkStatus();
  }

 private:
  std::string& Separator() {
    if (!first_) line_ += '\t';
    first_ = false;
    return line_;
  }
  template <typename N>
  void Number(N value) {
    char buffer[kNumberTextSize];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    Separator().append(buffer, result.ptr);
  }

  pqxx::tablewriter& stream_;
  std::string line_;
  bool first_ = true;
};

class PgRowSource final : public RowSource {
 public:
  void Reset(const pqxx::row& row) { row_ = &row; }
  bool IsNull(int column) const override { return (*row_)[column].is_null(); }
  std::string_view Text(int column) const override {
    const pqxx::field field = (*row_)[column];
    if (field.is_null()) return {};
    return {field.c_str(), field.size()};
  }
  int64_t Int(int column) const override { return Parse<int64_t>(column); }
  double Real(int column) const override { return Parse<double>(column); }
  bool Bool(int column) const override { return Text(column) == "t"; }

 private:
  template <typename N>
  N Parse(int column) const {
    const std::string_view text = Text(column);
    N value{};
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }

  const pqxx::row* row_ = nullptr;
};

std::vector<std::string> Columns(const TableSpec& table) {
  return {table.columns.begin(), table.columns.end()};
}

// Collects one row's values as text parameters (nullptr for NULL) and runs
// the statement at EndRow.
class PgParamSink final : public RowSink {
 public:
  PgParamSink(pqxx::transaction_base& txn, const std::string& sql) : txn_(txn), sql_(sql) {}

  void Null() override { values_.emplace_back(); }
  void Text(std::string_view value) override { values_.emplace_back(std::string(value)); }
  void Int(int64_t value) override { values_.emplace_back(std::to_string(value)); }
  void Real(double value) override {
    char buffer[kNumberTextSize];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    values_.emplace_back(std::string(buffer, result.ptr));
  }
  void Bool(bool value) override { values_.emplace_back(value ? "t" : "f"); }
  void DateValue(Date value) override { values_.emplace_back(FormatDate(value)); }
  Status EndRow() override {
    std::vector<const char*> params;
    params.reserve(values_.size());
    for (const auto& value : values_) params.push_back(value ? value->c_str() : nullptr);
    txn_.exec_params0(sql_, pqxx::prepare::make_dynamic_params(params));
    values_.clear();
    return OkStatus();
  }

 private:
  pqxx::transaction_base& txn_;
  const std::string& sql_;
  std::vector<std::optional<std::string>> values_;
};

std::string Placeholders(size_t count) {
  std::string out;
  for (size_t i = 1; i <= count; ++i) out += (i == 1 ? "$" : ", $") + std::to_string(i);
  return out;
}

std::string UpsertSql(const TableSpec& table, const std::string& source) {
  const std::string update = UpdateFromExcluded(table);
  return "INSERT INTO " + std::string(table.name) + " (" + ColumnList(table) + ") " + source +
         " ON CONFLICT (" + KeyList(table) + ") DO " +
         (update.empty() ? "NOTHING" : "UPDATE SET " + update);
}

std::string ParamText(const ColumnValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<V, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<V, Date>) {
          return FormatDate(v);
        } else {
          char buffer[kNumberTextSize];
          const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
          return std::string(buffer, result.ptr);
        }
      },
      value);
}

}  // namespace

std::string PgWriteTarget::StageName(const TableSpec& table) const {
  return "guild_stage_" + std::string(table.name) + suffix_;
}

Status PgWriteTarget::InsertEach(const std::string& sql, const RowProducer& produce) {
  PgParamSink sink(txn_, sql);
  return produce(sink);
}

Status PgWriteTarget::Stage(const TableSpec& table, const RowProducer& produce) {
  const std::string stage = StageName(table);
  txn_.exec0("CREATE TEMP TABLE " + stage + " (LIKE " + std::string(table.name) +
             " INCLUDING DEFAULTS) ON COMMIT DROP");
  const std::vector<std::string> columns = Columns(table);
  // libpqxx 6.4 exposes raw COPY lines only through tablewriter (deprecated
  // there in favour of stream_to, whose raw-line writer is private).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  pqxx::tablewriter stream(txn_, stage, columns.begin(), columns.end());
#pragma GCC diagnostic pop
  PgCopySink sink(stream);
  RETURN_IF_ERROR(produce(sink));
  stream.complete();
  return OkStatus();
}

Status PgWriteTarget::UpsertRows(const TableSpec& table, const RowProducer& produce) {
  if (mode_ == PgWriteMode::kRows) {
    return InsertEach(UpsertSql(table, "VALUES (" + Placeholders(table.columns.size()) + ")"),
                      produce);
  }
  RETURN_IF_ERROR(Stage(table, produce));
  txn_.exec0(UpsertSql(table, "SELECT " + ColumnList(table) + " FROM " + StageName(table)));
  return OkStatus();
}

Status PgWriteTarget::ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                                      std::span<const std::string_view> parent_ids,
                                      const RowProducer& produce) {
  if (mode_ == PgWriteMode::kRows) {
    const std::string remove = "DELETE FROM " + std::string(child.name) + " WHERE " +
                               std::string(child.columns[0]) + " = $1";
    for (std::string_view id : parent_ids) txn_.exec_params0(remove, std::string(id));
    return InsertEach("INSERT INTO " + std::string(child.name) + " (" + ColumnList(child) +
                          ") VALUES (" + Placeholders(child.columns.size()) + ")",
                      produce);
  }
  // The parents' staging table holds exactly the ids just upserted.
  txn_.exec0("DELETE FROM " + std::string(child.name) + " c USING " + StageName(parent) +
             " s WHERE c." + std::string(child.columns[0]) + " = s." +
             std::string(parent.columns[0]));
  RETURN_IF_ERROR(Stage(child, produce));
  const std::string columns = ColumnList(child);
  txn_.exec0("INSERT INTO " + std::string(child.name) + " (" + columns + ") SELECT " + columns +
             " FROM " + StageName(child));
  return OkStatus();
}

Status PgWriteTarget::DeleteRows(const TableSpec& table,
                                 std::span<const std::vector<std::string>> keys,
                                 std::span<const std::string> ids) {
  std::string sql = "DELETE FROM " + std::string(table.name) + " WHERE ";
  for (size_t i = 0; i < table.key_size; ++i) {
    sql += (i == 0 ? "" : " AND ") + std::string(table.columns[i]) + " = $" + std::to_string(i + 1);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    try {
      txn_.exec_params0(sql, pqxx::prepare::make_dynamic_params(keys[k]));
    } catch (const pqxx::foreign_key_violation&) {
      return FailedPrecondition("cannot delete " + std::string(table.name) + " '" + ids[k] +
                                "': another entity still refers to it");
    }
  }
  return OkStatus();
}

Status PgReadSource::Query(const std::string& sql, std::span<const ColumnValue> params,
                           const RowConsumer& consume) {
  std::vector<std::string> texts;
  texts.reserve(params.size());
  for (const ColumnValue& value : params) texts.push_back(ParamText(value));
  const pqxx::result rows = txn_.exec_params(sql, pqxx::prepare::make_dynamic_params(texts));
  PgRowSource source;
  for (const pqxx::row& row : rows) {
    source.Reset(row);
    RETURN_IF_ERROR(consume(source));
  }
  return OkStatus();
}

Status PgReadSource::SelectAll(const TableSpec& table, const RowConsumer& consume) {
  const std::string cursor = "guild_read_" + std::string(table.name);
  txn_.exec0("DECLARE " + cursor + " NO SCROLL CURSOR FOR SELECT " + ColumnList(table) + " FROM " +
             std::string(table.name) + " ORDER BY " + KeyList(table));
  const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM " + cursor;
  PgRowSource source;
  for (;;) {
    const pqxx::result rows = txn_.exec(fetch);
    if (rows.empty()) break;
    for (const pqxx::row& row : rows) {
      source.Reset(row);
      RETURN_IF_ERROR(consume(source));
    }
  }
  txn_.exec0("CLOSE " + cursor);
  return OkStatus();
}

}  // namespace guild::store::internal
