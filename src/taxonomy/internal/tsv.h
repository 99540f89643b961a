// A strict reader for the tab-separated files in data/taxonomy.
//
// Every file has one header line naming its columns, then one record per
// line, fields split on '\t', no quoting, UTF-8, LF line endings (a trailing
// CR is tolerated). Errors name the file, the line, the column and the
// expected form.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace guild::taxonomy::internal {

//! One data line of a TSV file, valid only during the row callback.
class TsvRow {
 public:
  TsvRow(const std::string& file, int line, const std::vector<std::string>& columns,
         const std::vector<std::string_view>& fields)
      : file_(file), line_(line), columns_(columns), fields_(fields) {}

  //! The field in column `index` (0-based). REQUIRES: index < column count.
  [[nodiscard]] std::string_view Field(size_t index) const { return fields_[index]; }
  //! Parses column `index` as a number within [min, max].
  [[nodiscard]] Result<double> Number(size_t index, double min, double max) const;
  //! Requires column `index` to be non-empty.
  [[nodiscard]] Result<std::string_view> NonEmpty(size_t index) const;
  //! Requires column `index` to be one of `allowed`.
  [[nodiscard]] Result<std::string_view> OneOf(size_t index,
                                               const std::vector<std::string_view>& allowed) const;
  //! An error "FILE:LINE: column N (NAME): expected EXPECTED, got 'TEXT'".
  [[nodiscard]] Status Error(size_t index, std::string_view expected) const;
  [[nodiscard]] int line() const { return line_; }

 private:
  const std::string& file_;
  int line_;
  const std::vector<std::string>& columns_;
  const std::vector<std::string_view>& fields_;
};

using TsvRowFn = std::function<Status(const TsvRow&)>;

//! Reads `path`, checks that its header is exactly `columns`, and calls
//! `on_row` for every data line in order. Stops at the first error (a missing
//! file is kNotFound; a bad header, a wrong field count or an error returned by
//! `on_row` is kInvalidArgument). `display_name` is used in messages.
Status ReadTsv(const std::string& path, const std::string& display_name,
               const std::vector<std::string>& columns, const TsvRowFn& on_row);

//! Splits "a | b | c" into {"a", "b", "c"}, dropping empty parts.
std::vector<std::string> SplitLabels(std::string_view text);

}  // namespace guild::taxonomy::internal
