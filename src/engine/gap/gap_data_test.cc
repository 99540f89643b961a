// Fifteen public OR-Library instances kept in the repository
// (tests/data/gap, see its README.md) reach their proven minimisation
// optimum listed in optima.csv. The full benchmark set is bench/gap's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/gap/gap.h"

namespace guild::gap {
namespace {

// A wide margin, not a measure: each solve stops at its optimum
// (stop_at_objective) or, on d05100, when the knapsack search proves it
// (about 7,000 nodes, 1-2 s on a quiet machine; past 5 s on a loaded one).
constexpr double kPerInstanceSeconds = 60.0;
constexpr size_t kInstances = 15;

// GUILD_SOURCE_DIR is set by CTest (CMakeLists.txt's guild_test).
std::string DataDir() {
  const char* dir = std::getenv("GUILD_SOURCE_DIR");
  return std::string(dir == nullptr ? "." : dir) + "/tests/data/gap/";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// File -> optimum, from optima.csv (file,agents,jobs,optimum).
std::map<std::string, int64_t> KnownOptima() {
  std::map<std::string, int64_t> optima;
  std::istringstream lines(Slurp(DataDir() + "optima.csv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (cells.size() == 4) optima[cells[0]] = std::stoll(cells[3]);
  }
  return optima;
}

TEST(GapData, OrLibraryInstancesReachKnownOptima) {
  std::map<std::string, int64_t> optima = KnownOptima();
  ASSERT_EQ(optima.size(), kInstances) << "optima.csv not found under " << DataDir();
  for (const auto& [file, optimum] : optima) {
    Result<GapInstance> inst = ParseGapText(Slurp(DataDir() + file), file);
    ASSERT_TRUE(inst.ok()) << inst.status().message();
    GapOptions options;
    options.time_limit_seconds = kPerInstanceSeconds;
    options.stop_at_objective = optimum;
    Result<GapSolution> s = SolveGap(*inst, options);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->feasible) << file << ": " << s->reason;
    EXPECT_EQ(s->objective, optimum) << file;
    EXPECT_LE(s->lower_bound, optimum) << file;
    Result<int64_t> cost = CheckGapAssignment(*inst, s->assignment);
    ASSERT_TRUE(cost.ok()) << file << ": " << cost.status().message();
    EXPECT_EQ(*cost, s->objective) << file;
  }
}

}  // namespace
}  // namespace guild::gap
