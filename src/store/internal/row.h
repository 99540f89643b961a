// The two seams between entity codecs and a backend: a RowSink receives the
// values of rows being written, a RowSource hands out the columns of a row
// being read. Column order is the TableSpec's.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/date.h"
#include "common/status.h"

namespace guild::store::internal {

//! Receives one row's values in column order, then EndRow().
//! Text passed to Text() must stay alive until EndRow() returns.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void Null() = 0;
  virtual void Text(std::string_view value) = 0;
  virtual void Int(int64_t value) = 0;
  virtual void Real(double value) = 0;
  virtual void Bool(bool value) = 0;
  //! A calendar date, stored as "YYYY-MM-DD".
  virtual void DateValue(Date value) = 0;
  //! Writes the row. After an error the sink accepts no more rows.
  [[nodiscard]] virtual Status EndRow() = 0;

  //! Empty text (an unset reference) is stored as NULL.
  void OptionalText(std::string_view value) { value.empty() ? Null() : Text(value); }
  void OptionalDate(const std::optional<Date>& value) { value ? DateValue(*value) : Null(); }
  void OptionalReal(const std::optional<double>& value) { value ? Real(*value) : Null(); }
  void OptionalInt(const std::optional<int64_t>& value) { value ? Int(*value) : Null(); }
};

//! The columns of one row being read. Text views are valid until the next row.
class RowSource {
 public:
  virtual ~RowSource() = default;
  [[nodiscard]] virtual bool IsNull(int column) const = 0;
  //! NULL reads as "".
  [[nodiscard]] virtual std::string_view Text(int column) const = 0;
  [[nodiscard]] virtual int64_t Int(int column) const = 0;
  [[nodiscard]] virtual double Real(int column) const = 0;
  [[nodiscard]] virtual bool Bool(int column) const = 0;
};

}  // namespace guild::store::internal
