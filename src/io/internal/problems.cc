#include "io/internal/problems.h"

#include <algorithm>

namespace guild::io::internal {

namespace {

constexpr size_t kMaxValueBytes = 80;
constexpr std::string_view kEllipsis = "...";

// Cuts long values at a UTF-8 character boundary.
std::string Shorten(std::string_view value) {
  if (value.size() <= kMaxValueBytes) return std::string(value);
  size_t cut = kMaxValueBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + std::string(kEllipsis);
}

bool ByPosition(const ImportProblem& a, const ImportProblem& b) {
  if (a.line != b.line) return a.line < b.line;
  return a.element < b.element;
}

}  // namespace

ImportProblem ProblemSink::Make(Location where, std::string_view field, std::string_view value,
                                std::string_view expected, int64_t column) const {
  return ImportProblem{
      file_,          where.line,           column, where.element, std::string(field),
      Shorten(value), std::string(expected)};
}

void ProblemSink::Error(Location where, std::string_view field, std::string_view value,
                        std::string_view expected, int64_t column) {
  ++errors_total_;
  if (errors_.size() < max_kept_) errors_.push_back(Make(where, field, value, expected, column));
}

void ProblemSink::Warning(Location where, std::string_view field, std::string_view value,
                          std::string_view expected) {
  if (warnings_.size() < max_kept_) warnings_.push_back(Make(where, field, value, expected, 0));
}

void ProblemSink::MoveInto(ImportReport& report) {
  std::stable_sort(errors_.begin(), errors_.end(), ByPosition);
  std::stable_sort(warnings_.begin(), warnings_.end(), ByPosition);
  report.errors = std::move(errors_);
  report.warnings = std::move(warnings_);
  report.errors_total = errors_total_;
}

}  // namespace guild::io::internal
