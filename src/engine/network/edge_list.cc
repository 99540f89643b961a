#include "engine/network/edge_list.h"

#include <charconv>
#include <cmath>
#include <unordered_map>

namespace guild::network {

namespace {

constexpr size_t kMaxValueBytes = 80;
constexpr size_t kProblemsInMessage = 10;

std::string Shorten(std::string_view value) {
  if (value.size() <= kMaxValueBytes) return std::string(value);
  size_t cut = kMaxValueBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

std::vector<std::string_view> SplitOn(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  while (true) {
    size_t at = line.find(separator, begin);
    if (at == std::string_view::npos) {
      out.push_back(line.substr(begin));
      return out;
    }
    out.push_back(line.substr(begin, at - begin));
    begin = at + 1;
  }
}

// Walks the lines of a text: LF endings, a trailing CR dropped.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  //! The next line, or false at the end.
  bool Next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  [[nodiscard]] int64_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int64_t number_ = 0;
};

// Problems of one file, capped.
class Problems {
 public:
  Problems(std::string_view file, size_t max_kept, std::vector<InputProblem>& out)
      : file_(file), max_kept_(max_kept), out_(out) {}
  void Add(int64_t line, std::string_view field, std::string_view value,
           std::string_view expected) {
    ++total_;
    if (out_.size() < max_kept_) {
      out_.push_back({file_, line, std::string(field), Shorten(value), std::string(expected)});
    }
  }
  [[nodiscard]] bool any() const { return total_ > 0; }

 private:
  std::string file_;
  size_t max_kept_;
  std::vector<InputProblem>& out_;
  int64_t total_ = 0;
};

// The edge list's columns: the three required ones (by position) and the
// optional ones (by name).
struct EdgeColumns {
  std::vector<std::string> names;
  int date = -1;
  int kind = -1;
};

constexpr std::string_view kRequired[3][2] = {
    {"source", "u"}, {"target", "v"}, {"weight", "jaccard"}};

bool ReadEdgeHeader(std::string_view line, Problems& problems, EdgeColumns& columns) {
  auto fields = SplitOn(line, '\t');
  bool ok = true;
  for (size_t i = 0; i < 3; ++i) {
    std::string_view got = i < fields.size() ? fields[i] : std::string_view();
    if (got != kRequired[i][0] && got != kRequired[i][1]) {
      problems.Add(1, "header", got,
                   "column " + std::to_string(i + 1) + " named '" + std::string(kRequired[i][0]) +
                       "' (header 'source<TAB>target<TAB>weight' with optional 'date' and "
                       "'kind' columns after them)");
      ok = false;
    }
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    columns.names.emplace_back(fields[i]);
    if (i < 3) continue;
    int* slot = fields[i] == "date" ? &columns.date : fields[i] == "kind" ? &columns.kind : nullptr;
    if (slot == nullptr || *slot >= 0) {
      problems.Add(1, "header", fields[i],
                   "only the optional columns 'date' and 'kind', once each");
      ok = false;
      continue;
    }
    *slot = static_cast<int>(i);
  }
  return ok;
}

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

struct RowReader {
  const EdgeListOptions& options;
  const EdgeColumns& columns;
  Problems& problems;
  std::unordered_map<std::string, int64_t> seen;  // pair, date, kind -> line

  void CheckNode(int64_t line, const std::string& column, std::string_view id) {
    if (id.empty()) {
      problems.Add(line, column, id, "a node id");
    } else if (options.known_nodes && !options.known_nodes->contains(std::string(id))) {
      problems.Add(line, column, id, "a known id (this one is not in the node list)");
    }
  }

  std::optional<double> Weight(int64_t line, std::string_view text) {
    const bool similarity = options.weights == WeightRange::kSimilarity;
    std::optional<double> w = ParseNumber(text);
    if (!w || *w <= 0 || (similarity && *w > 1)) {
      problems.Add(line, columns.names[2], text,
                   similarity ? "a similarity: a number > 0 and <= 1" : "a number > 0");
      return std::nullopt;
    }
    return w;
  }

  std::optional<EdgeRow> Read(int64_t line, std::string_view text) {
    auto fields = SplitOn(text, '\t');
    if (fields.size() != columns.names.size()) {
      const std::string& missing =
          fields.size() < columns.names.size() ? columns.names[fields.size()] : "";
      problems.Add(line, missing, "",
                   std::to_string(columns.names.size()) + " tab-separated fields, got " +
                       std::to_string(fields.size()));
      return std::nullopt;
    }
    EdgeRow row{std::string(fields[0]), std::string(fields[1]), 0, std::nullopt, "", line};
    CheckNode(line, columns.names[0], row.source);
    CheckNode(line, columns.names[1], row.target);
    if (!row.source.empty() && row.source == row.target) {
      problems.Add(line, columns.names[1], row.target,
                   "a node other than the source (no self-loops)");
    }
    std::optional<double> weight = Weight(line, fields[2]);
    if (columns.date >= 0 && !fields[columns.date].empty()) {
      row.date = ParseDate(fields[columns.date]);
      if (!row.date) problems.Add(line, "date", fields[columns.date], "a date YYYY-MM-DD or empty");
    }
    if (columns.kind >= 0) row.kind = std::string(fields[columns.kind]);
    if (!weight) return std::nullopt;
    row.weight = *weight;
    CheckDuplicate(row);
    return row;
  }

  void CheckDuplicate(const EdgeRow& row) {
    const bool ordered = row.source < row.target;
    std::string key = (ordered ? row.source : row.target) + '\t' +
                      (ordered ? row.target : row.source) + '\t' +
                      (row.date ? FormatDate(*row.date) : "") + '\t' + row.kind;
    auto [it, added] = seen.try_emplace(std::move(key), row.line);
    if (!added) {
      problems.Add(row.line, columns.names[1], row.target,
                   "each pair once per date and kind (same pair as line " +
                       std::to_string(it->second) + ")");
    }
  }
};

}  // namespace

std::string InputProblem::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!field.empty()) out += "column '" + field + "': ";
  if (!value.empty()) {
    out += "got '" + value + "', ";
  } else if (!field.empty()) {
    out += "got an empty value, ";
  }
  return out + "expected " + expected;
}

Status ProblemsStatus(const std::vector<InputProblem>& problems) {
  std::string message;
  for (size_t i = 0; i < problems.size() && i < kProblemsInMessage; ++i) {
    if (i > 0) message += "\n";
    message += problems[i].ToString();
  }
  if (problems.size() > kProblemsInMessage) {
    message += "\n(" + std::to_string(problems.size() - kProblemsInMessage) + " more)";
  }
  return InvalidArgument(message);
}

Result<EdgeList> ParseEdgeList(std::string_view text, std::string_view file,
                               const EdgeListOptions& options,
                               std::vector<InputProblem>& problems) {
  problems.clear();
  Problems sink(file, options.max_problems, problems);
  LineReader lines(text);
  std::string_view line;
  EdgeColumns columns;
  if (!lines.Next(line)) {
    sink.Add(1, "header", "", "a header line 'source<TAB>target<TAB>weight'");
    return ProblemsStatus(problems);
  }
  if (!ReadEdgeHeader(line, sink, columns)) return ProblemsStatus(problems);
  EdgeList out;
  out.file = std::string(file);
  out.has_date = columns.date >= 0;
  out.has_kind = columns.kind >= 0;
  RowReader reader{options, columns, sink, {}};
  while (lines.Next(line)) {
    if (line.empty()) continue;
    std::optional<EdgeRow> row = reader.Read(lines.number(), line);
    if (row) out.rows.push_back(std::move(*row));
  }
  if (sink.any()) return ProblemsStatus(problems);
  return out;
}

Result<std::vector<ExpertRow>> ParseExperts(std::string_view text, std::string_view file,
                                            std::vector<InputProblem>& problems,
                                            size_t max_problems) {
  problems.clear();
  Problems sink(file, max_problems, problems);
  static constexpr std::string_view kHeader = "node\tauthor_id\tname\tskills";
  LineReader lines(text);
  std::string_view line;
  if (!lines.Next(line) || line != kHeader) {
    sink.Add(1, "header", line, "the header 'node<TAB>author_id<TAB>name<TAB>skills'");
    return ProblemsStatus(problems);
  }
  std::vector<ExpertRow> out;
  std::unordered_map<std::string, int64_t> seen;
  while (lines.Next(line)) {
    if (line.empty()) continue;
    const int64_t at = lines.number();
    auto fields = SplitOn(line, '\t');
    if (fields.size() != 4) {
      sink.Add(at, fields.size() < 4 ? "skills" : "", "",
               "4 tab-separated fields, got " + std::to_string(fields.size()));
      continue;
    }
    if (fields[0].empty()) sink.Add(at, "node", "", "a node id");
    auto [it, added] = seen.try_emplace(std::string(fields[0]), at);
    if (!added && !fields[0].empty()) {
      sink.Add(at, "node", fields[0],
               "each node once (also on line " + std::to_string(it->second) + ")");
    }
    ExpertRow row{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), {}, at};
    std::unordered_set<std::string_view> skills;
    if (!fields[3].empty()) {
      for (std::string_view skill : SplitOn(fields[3], ',')) {
        if (skill.empty()) {
          sink.Add(at, "skills", fields[3], "comma-separated skill ids without empty items");
          break;
        }
        if (skills.insert(skill).second) row.skills.emplace_back(skill);
      }
    }
    out.push_back(std::move(row));
  }
  if (sink.any()) return ProblemsStatus(problems);
  return out;
}

}  // namespace guild::network
