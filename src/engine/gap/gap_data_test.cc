// All 60 OR-Library gap1..gap12 problems (cattrysse1994) reach the proven
// minimisation optimum listed in data.csv.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "engine/gap/gap.h"

namespace guild::gap {
namespace {

constexpr double kPerInstanceSeconds = 5.0;
constexpr int kOptimumColumn = 6;

std::string DataDir() {
  const char* dir = std::getenv("GUILD_SHARED_DATA");
  return std::string(dir == nullptr ? "/work/shared/data" : dir) + "/gap/";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Path -> Optimum column of data.csv, for the cattrysse1994 rows.
std::map<std::string, int64_t> KnownOptima() {
  std::map<std::string, int64_t> optima;
  std::istringstream lines(Slurp(DataDir() + "data.csv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("cattrysse1994/", 0) != 0) continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (static_cast<int>(cells.size()) > kOptimumColumn && !cells[kOptimumColumn].empty()) {
      optima[cells[0]] = std::stoll(cells[kOptimumColumn]);
    }
  }
  return optima;
}

TEST(GapData, Cattrysse1994ReachesKnownOptima) {
  std::map<std::string, int64_t> optima = KnownOptima();
  ASSERT_EQ(optima.size(), 60u) << "data.csv not found under " << DataDir();
  for (const auto& [path, optimum] : optima) {
    Result<GapInstance> inst = ParseGapText(Slurp(DataDir() + path), path);
    ASSERT_TRUE(inst.ok()) << inst.status().message();
    GapOptions options;
    options.time_limit_seconds = kPerInstanceSeconds;
    options.stop_at_objective = optimum;
    Result<GapSolution> s = SolveGap(*inst, options);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->feasible) << path << ": " << s->reason;
    EXPECT_EQ(s->objective, optimum) << path;
    EXPECT_LE(s->lower_bound, optimum) << path;
    Result<int64_t> cost = CheckGapAssignment(*inst, s->assignment);
    ASSERT_TRUE(cost.ok()) << path << ": " << cost.status().message();
    EXPECT_EQ(*cost, s->objective) << path;
  }
}

}  // namespace
}  // namespace guild::gap
