// Reading tab-separated edge lists and expert lists.
//
// Edge list (the layout collaboration-analytics exports use): UTF-8, one
// header line, then one edge per line, fields split on '\t', no quoting, LF
// line endings (a trailing CR is tolerated; blank lines are skipped).
//   source  target  weight  [date]  [kind]
// The first three columns are required and come first, in that order; the
// team-formation data sets name them `u  v  jaccard`, which is accepted too.
// `date` (YYYY-MM-DD) and `kind` (free text, e.g. "meeting", "email") are
// optional, in either order, after them. Rules, each reported with the file,
// line, column and the expected form:
//  - source and target are non-empty and differ (no self-loops);
//  - weight is a finite number > 0, and <= 1 when the options say the weights
//    are similarities (the length of an edge is then 1 - weight, see
//    distance.h);
//  - when `known_nodes` is given, source and target must be among them;
//  - duplicates: two rows for the same unordered pair with the same date and
//    kind are refused (naming the earlier line). Rows for the same pair that
//    differ in date or kind are separate interactions; graphs built from them
//    sum their weights.
// Nothing is returned when any row is bad: the result is the whole file or
// the list of problems (up to max_problems, in line order).
//
// Expert list (the team-formation data set's layout):
//   node  author_id  name  skills
// `node` is the id used in the edge list; `skills` is a comma-separated list
// of skill ids (may be empty). A node listed twice is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace guild::network {

//! One problem of an input file: where it is and what was expected.
struct InputProblem {
  std::string file;
  int64_t line = 0;      //!< 1-based; 0 when not tied to a line
  std::string field;     //!< the column name as in the header; may be empty
  std::string value;     //!< the offending text (shortened); may be empty
  std::string expected;  //!< the expected form, or what is wrong
  //! "FILE:LINE: column 'weight': got '-1', expected a number > 0"
  [[nodiscard]] std::string ToString() const;
};

//! An InvalidArgument status listing the problems, one per line (the first
//! ten), with the total count. REQUIRES: !problems.empty().
Status ProblemsStatus(const std::vector<InputProblem>& problems);

struct EdgeRow {
  std::string source;
  std::string target;
  double weight = 0;
  std::optional<Date> date;
  std::string kind;  //!< empty when the file has no kind column or the cell is empty
  int64_t line = 0;  //!< where it was read, 1-based
};

struct EdgeList {
  std::string file;
  std::vector<EdgeRow> rows;  //!< in file order
  bool has_date = false;
  bool has_kind = false;
};

enum class WeightRange {
  kPositive,    //!< any finite weight > 0 (tie strengths: hours, counts)
  kSimilarity,  //!< weights in (0, 1]; length = 1 - weight
};

struct EdgeListOptions {
  WeightRange weights = WeightRange::kPositive;
  //! When non-null, every source and target must be in this set.
  const std::unordered_set<std::string>* known_nodes = nullptr;
  //! Problems kept (the count of all problems is still reported).
  size_t max_problems = 20;
};

//! Parses an edge list. `file` names the input in messages. On failure the
//! status is kInvalidArgument and `problems` holds what was wrong.
Result<EdgeList> ParseEdgeList(std::string_view text, std::string_view file,
                               const EdgeListOptions& options, std::vector<InputProblem>& problems);

struct ExpertRow {
  std::string node;
  std::string author_id;
  std::string name;
  std::vector<std::string> skills;  //!< distinct, in file order
  int64_t line = 0;
};

//! Parses an expert list; failures as ParseEdgeList.
Result<std::vector<ExpertRow>> ParseExperts(std::string_view text, std::string_view file,
                                            std::vector<InputProblem>& problems,
                                            size_t max_problems = 20);

}  // namespace guild::network
