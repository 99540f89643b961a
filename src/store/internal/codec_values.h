// Reading typed values from a RowSource for the entity codecs (codec.cc,
// codec_checkins.cc): a value the column cannot hold is kInternal naming the
// table, row and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "store/internal/row.h"
#include "store/internal/schema.h"

namespace guild::store::internal {

inline Status BadValue(const TableSpec& table, const RowSource& row, int column,
                       std::string_view expected) {
  return Internal("table " + std::string(table.name) + ", row '" + std::string(row.Text(0)) +
                  "', column " + std::string(table.columns[column]) + ": expected " +
                  std::string(expected) + ", found '" + std::string(row.Text(column)) + "'");
}

inline Status ReadDate(const TableSpec& table, const RowSource& row, int column, Date& out) {
  std::optional<Date> date = ParseDate(row.Text(column));
  if (!date) return BadValue(table, row, column, "a date YYYY-MM-DD");
  out = *date;
  return OkStatus();
}

inline Status ReadOptionalDate(const TableSpec& table, const RowSource& row, int column,
                               std::optional<Date>& out) {
  if (row.IsNull(column)) {
    out.reset();
    return OkStatus();
  }
  Date date;
  RETURN_IF_ERROR(ReadDate(table, row, column, date));
  out = date;
  return OkStatus();
}

template <typename E>
Status ReadEnum(const TableSpec& table, const RowSource& row, int column,
                std::optional<E> (*parse)(std::string_view), E& out) {
  std::optional<E> value = parse(row.Text(column));
  if (!value) return BadValue(table, row, column, "a known name");
  out = *value;
  return OkStatus();
}

inline std::string Str(const RowSource& row, int column) { return std::string(row.Text(column)); }

inline std::optional<int64_t> OptionalInt(const RowSource& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

}  // namespace guild::store::internal
