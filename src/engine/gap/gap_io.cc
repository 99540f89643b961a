// Instance validation, assignment checking and the dense file format.
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "engine/gap/gap.h"

namespace guild::gap {

namespace {

std::string Range(size_t size) { return "[0, " + std::to_string(size) + ")"; }

Status ValidateJob(const GapInstance& instance, size_t j, std::vector<int>& seen) {
  const size_t m = instance.capacities.size();
  for (size_t c = 0; c < instance.jobs[j].size(); ++c) {
    const GapCandidate& cand = instance.jobs[j][c];
    std::string where = "job " + std::to_string(j) + " candidate " + std::to_string(c) + ": ";
    if (cand.agent < 0 || static_cast<size_t>(cand.agent) >= m) {
      return InvalidArgument(where + "agent " + std::to_string(cand.agent) + " out of range " +
                             Range(m));
    }
    if (cand.weight < 0) return InvalidArgument(where + "negative weight");
    if (seen[cand.agent] == static_cast<int>(j)) {
      return InvalidArgument(where + "agent " + std::to_string(cand.agent) + " listed twice");
    }
    seen[cand.agent] = static_cast<int>(j);
  }
  return OkStatus();
}

// Reads whitespace-separated integers, counting tokens for messages.
class TokenReader {
 public:
  TokenReader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Result<int64_t> Next(const std::string& expected) {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    ++index_;
    if (pos_ >= text_.size()) return Error("end of file", expected);
    size_t end = pos_;
    while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) ++end;
    std::string_view token = text_.substr(pos_, end - pos_);
    pos_ = end;
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size()) {
      return Error("'" + std::string(token.substr(0, 20)) + "'", expected);
    }
    return value;
  }

  Status ExpectEnd() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ >= text_.size()) return OkStatus();
    ++index_;
    return Error("extra data", "end of file");
  }

  //! An error at the last token read.
  Status Error(const std::string& found, const std::string& expected) const {
    return InvalidArgument(std::string(source_) + ": token " + std::to_string(index_) + ": found " +
                           found + ", expected " + expected);
  }

 private:
  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  int64_t index_ = 0;
};

//! Upper limit on m*n for dense files (keeps a bad header from allocating).
constexpr int64_t kMaxDenseCells = 200'000'000;
constexpr int64_t kMaxAgents = 1'000'000;

Result<std::vector<int64_t>> ReadMatrix(TokenReader& reader, int64_t m, int64_t n,
                                        const std::string& what, int64_t min_value) {
  std::vector<int64_t> cells(static_cast<size_t>(m * n));
  for (int64_t i = 0; i < m; ++i) {
    for (int64_t j = 0; j < n; ++j) {
      std::string expected = what + "[" + std::to_string(i) + "][" + std::to_string(j) +
                             "] (integer" + (min_value == 0 ? " >= 0)" : ")");
      ASSIGN_OR_RETURN(int64_t v, reader.Next(expected));
      if (v < min_value) return reader.Error(std::to_string(v), expected);
      cells[i * n + j] = v;
    }
  }
  return cells;
}

}  // namespace

Status ValidateGapInstance(const GapInstance& instance) {
  for (size_t i = 0; i < instance.capacities.size(); ++i) {
    if (instance.capacities[i] < 0) {
      return InvalidArgument("agent " + std::to_string(i) + ": negative capacity");
    }
  }
  std::vector<int> seen(instance.capacities.size(), -1);
  for (size_t j = 0; j < instance.jobs.size(); ++j) {
    RETURN_IF_ERROR(ValidateJob(instance, j, seen));
  }
  return OkStatus();
}

Result<int64_t> CheckGapAssignment(const GapInstance& instance,
                                   const std::vector<int>& assignment) {
  if (assignment.size() != instance.jobs.size()) {
    return InvalidArgument("assignment has " + std::to_string(assignment.size()) +
                           " entries, expected " + std::to_string(instance.jobs.size()));
  }
  std::vector<int64_t> load(instance.capacities.size(), 0);
  int64_t total = 0;
  for (size_t j = 0; j < assignment.size(); ++j) {
    const GapCandidate* found = nullptr;
    for (const GapCandidate& c : instance.jobs[j]) {
      if (c.agent == assignment[j]) found = &c;
    }
    if (found == nullptr) {
      return InvalidArgument("job " + std::to_string(j) + ": agent " +
                             std::to_string(assignment[j]) + " is not a candidate");
    }
    load[found->agent] += found->weight;
    total += found->cost;
  }
  for (size_t i = 0; i < load.size(); ++i) {
    if (load[i] > instance.capacities[i]) {
      return InvalidArgument("agent " + std::to_string(i) + ": load " + std::to_string(load[i]) +
                             " above capacity " + std::to_string(instance.capacities[i]));
    }
  }
  return total;
}

Result<GapInstance> ParseGapText(std::string_view text, std::string_view source) {
  TokenReader reader(text, source);
  ASSIGN_OR_RETURN(int64_t m, reader.Next("number of agents m (integer >= 1)"));
  // Bounded before anything loops over the agents (gap_io_fuzz: m =
  // 333333333355 with n = 0 ran for minutes over empty rows).
  if (m < 1 || m > kMaxAgents) {
    return InvalidArgument(std::string(source) + ": token 1: m must be in [1, " +
                           std::to_string(kMaxAgents) + "]");
  }
  ASSIGN_OR_RETURN(int64_t n, reader.Next("number of jobs n (integer >= 0)"));
  if (n < 0 || n > kMaxDenseCells / m) {
    return InvalidArgument(std::string(source) + ": token 2: n must be in [0, " +
                           std::to_string(kMaxDenseCells / m) + "]");
  }
  ASSIGN_OR_RETURN(std::vector<int64_t> cost, ReadMatrix(reader, m, n, "cost", INT64_MIN));
  ASSIGN_OR_RETURN(std::vector<int64_t> weight, ReadMatrix(reader, m, n, "weight", 0));
  GapInstance instance;
  for (int64_t i = 0; i < m; ++i) {
    ASSIGN_OR_RETURN(int64_t b, reader.Next("capacity[" + std::to_string(i) + "] (integer >= 0)"));
    if (b < 0) {
      return InvalidArgument(std::string(source) + ": capacity of agent " + std::to_string(i) +
                             " is negative");
    }
    instance.capacities.push_back(b);
  }
  RETURN_IF_ERROR(reader.ExpectEnd());
  instance.jobs.assign(n, {});
  for (int64_t j = 0; j < n; ++j) {
    for (int64_t i = 0; i < m; ++i) {
      instance.jobs[j].push_back({static_cast<int>(i), cost[i * n + j], weight[i * n + j]});
    }
  }
  return instance;
}

}  // namespace guild::gap
