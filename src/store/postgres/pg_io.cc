#include "store/postgres/pg_io.h"

#include <charconv>
#include <pqxx/tablewriter>
#include <string>
#include <vector>

namespace guild::store::internal {

namespace {

constexpr int kFetchRows = 20'000;
constexpr size_t kNumberTextSize = 32;

std::string StageName(const TableSpec& table) { return "guild_stage_" + std::string(table.name); }

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

}  // namespace

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
  RETURN_IF_ERROR(Stage(table, produce));
  const std::string columns = ColumnList(table);
  const std::string update = UpdateFromExcluded(table);
  txn_.exec0("INSERT INTO " + std::string(table.name) + " (" + columns + ") SELECT " + columns +
             " FROM " + StageName(table) + " ON CONFLICT (" + KeyList(table) + ") DO " +
             (update.empty() ? "NOTHING" : "UPDATE SET " + update));
  return OkStatus();
}

Status PgWriteTarget::ReplaceChildren(const TableSpec& parent, const TableSpec& child,
                                      std::span<const std::string_view> /*parent_ids*/,
                                      const RowProducer& produce) {
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
