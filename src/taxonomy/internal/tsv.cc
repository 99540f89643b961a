#include "taxonomy/internal/tsv.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace guild::taxonomy::internal {

namespace {

constexpr std::string_view kLabelSeparator = " | ";

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  while (true) {
    size_t tab = line.find('\t', begin);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(begin));
      return out;
    }
    out.push_back(line.substr(begin, tab - begin));
    begin = tab + 1;
  }
}

std::string_view StripCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "\\t") + p;
  return out;
}

Status CheckHeader(std::string_view line, const std::string& name,
                   const std::vector<std::string>& columns) {
  auto fields = SplitTabs(StripCr(line));
  bool same = fields.size() == columns.size();
  for (size_t i = 0; same && i < columns.size(); ++i) same = fields[i] == columns[i];
  if (same) return OkStatus();
  return InvalidArgument(name + ":1: expected the header line '" + Join(columns) + "'");
}

}  // namespace

Result<double> TsvRow::Number(size_t index, double min, double max) const {
  std::string_view text = fields_[index];
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    std::ostringstream expected;
    expected << "a number from " << min << " to " << max;
    return Error(index, expected.str());
  }
  return value;
}

Result<std::string_view> TsvRow::NonEmpty(size_t index) const {
  if (fields_[index].empty()) return Error(index, "a non-empty value");
  return fields_[index];
}

Result<std::string_view> TsvRow::OneOf(size_t index,
                                       const std::vector<std::string_view>& allowed) const {
  for (auto a : allowed) {
    if (fields_[index] == a) return fields_[index];
  }
  std::string expected = "one of";
  for (auto a : allowed) expected += " '" + std::string(a) + "'";
  return Error(index, expected);
}

Status TsvRow::Error(size_t index, std::string_view expected) const {
  std::ostringstream m;
  m << file_ << ":" << line_ << ": column " << index + 1 << " (" << columns_[index]
    << "): expected " << expected << ", got '" << fields_[index] << "'";
  return InvalidArgument(m.str());
}

Status ReadTsv(const std::string& path, const std::string& display_name,
               const std::vector<std::string>& columns, const TsvRowFn& on_row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(display_name + ": cannot open " + path);
  std::string line;
  if (!std::getline(in, line)) return InvalidArgument(display_name + ":1: expected a header line");
  RETURN_IF_ERROR(CheckHeader(line, display_name, columns));
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    auto fields = SplitTabs(StripCr(line));
    if (fields.size() != columns.size()) {
      std::ostringstream m;
      m << display_name << ":" << number << ": expected " << columns.size()
        << " tab-separated fields, got " << fields.size();
      return InvalidArgument(m.str());
    }
    RETURN_IF_ERROR(on_row(TsvRow(display_name, number, columns, fields)));
  }
  if (in.bad()) return Internal(display_name + ": read error");
  return OkStatus();
}

std::vector<std::string> SplitLabels(std::string_view text) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t sep = text.find(kLabelSeparator, begin);
    size_t end = sep == std::string_view::npos ? text.size() : sep;
    if (end > begin) out.emplace_back(text.substr(begin, end - begin));
    if (sep == std::string_view::npos) break;
    begin = sep + kLabelSeparator.size();
  }
  return out;
}

}  // namespace guild::taxonomy::internal
