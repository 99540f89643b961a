// The change feed's record of a change, and Select's cursors: rows of the
// tables as escaped text, written and read through the entity codecs
// (codec.h), so the feed holds exactly what the store wrote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/internal/row.h"
#include "store/internal/schema.h"
#include "store/store.h"

namespace guild::store::internal {

//! The change as text: one line per row ("+table", then the row's values;
//! an entity's list rows follow it) and per deleted key ("-kind", then the
//! key), fields separated by tabs, "\N" for NULL, backslash escapes for tab,
//! newline, carriage return and backslash. A key upserted twice is written
//! once (the later entity), as the store writes it.
std::string EncodeChange(const FirmChange& change);
//! The inverse of EncodeChange. kInternal naming the line for text it did
//! not write.
Result<FirmChange> DecodeChange(std::string_view text);

//! Fields of one line, escaped and joined by tabs; nullopt is NULL.
std::string EncodeFields(const std::vector<std::optional<std::string>>& fields);
//! The inverse of EncodeFields; nullopt when `line` is not such a line.
std::optional<std::vector<std::optional<std::string>>> DecodeFields(std::string_view line);

//! A row read from decoded fields (columns in the table's order).
class FieldsRowSource final : public RowSource {
 public:
  explicit FieldsRowSource(const std::vector<std::optional<std::string>>& fields, size_t first = 0)
      : fields_(fields), first_(first) {}
  bool IsNull(int column) const override;
  std::string_view Text(int column) const override;
  int64_t Int(int column) const override;
  double Real(int column) const override;
  bool Bool(int column) const override;

 private:
  const std::vector<std::optional<std::string>>& fields_;
  size_t first_;
};

//! Collects one row's values as text, in the form FieldsRowSource reads.
class FieldsRowSink final : public RowSink {
 public:
  void Null() override { fields_.emplace_back(); }
  void Text(std::string_view value) override { fields_.emplace_back(std::string(value)); }
  void Int(int64_t value) override;
  void Real(double value) override;
  void Bool(bool value) override { fields_.emplace_back(value ? "1" : "0"); }
  void DateValue(Date value) override { fields_.emplace_back(FormatDate(value)); }
  Status EndRow() override;

  //! The values of the row being written (before EndRow).
  [[nodiscard]] const std::vector<std::optional<std::string>>& fields() const { return fields_; }
  //! Rows ended so far, each prefixed by `prefix` (e.g. "+people").
  void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::vector<std::optional<std::string>> fields_;
  std::string prefix_;
  std::string text_;
};

}  // namespace guild::store::internal
