// Collecting an import's problems, and where each row came from.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/import.h"

namespace guild::io::internal {

//! Where a row was read: its line, and for JSON its element index.
struct Location {
  int64_t line = 0;
  int64_t element = -1;
};

using ProgressFn = std::function<void(ImportStage, int64_t, int64_t)>;

//! Collects errors and warnings for one file; keeps at most `max_kept` of each.
class ProblemSink {
 public:
  ProblemSink(std::string_view file, size_t max_kept) : file_(file), max_kept_(max_kept) {}

  void Error(Location where, std::string_view field, std::string_view value,
             std::string_view expected, int64_t column = 0);
  void Warning(Location where, std::string_view field, std::string_view value,
               std::string_view expected);
  [[nodiscard]] bool HasErrors() const { return errors_total_ > 0; }
  //! Moves the problems, sorted by line, into `report`.
  void MoveInto(ImportReport& report);

 private:
  ImportProblem Make(Location where, std::string_view field, std::string_view value,
                     std::string_view expected, int64_t column) const;

  std::string file_;
  size_t max_kept_;
  int64_t errors_total_ = 0;
  std::vector<ImportProblem> errors_;
  std::vector<ImportProblem> warnings_;
};

}  // namespace guild::io::internal
