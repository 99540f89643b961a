// Goals at scale, on a Guild database (e.g. `guild demo --people 500000`):
//
//  1. load the snapshot's kinds from the store and index them (FirmSnapshot);
//  2. the whole firm's goal tree with roll-up: every goal's status and the
//     mean progress of its subtree (goals::MeasureGoal + BuildGoalTree), the
//     computation GoalsService does once per snapshot version and day;
//  3. the RACI check of every team (GroupRowsByTeam + CheckTeamRoles);
//  4. the peer: the same roll-up as one SQLite recursive CTE over the same
//     database's goals table (each team goal's subtree enumerated, its
//     clamped progress averaged), run in the same process on the same file;
//     its answers are compared with ours goal by goal.
//
//   goals_bench DB [--today YYYY-MM-DD] [--rounds N]
//
// Prints the medians of N rounds and the ratio SQLite / Guild.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/goals/goals.h"
#include "service/snapshot/firm_snapshot.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The roll-up in SQL: every (ancestor, descendant) pair of team goals by a
// recursive walk down the alignment, then the mean clamped progress per
// ancestor. Progress as Guild defines it (docs/GOALS.md).
constexpr const char* kRollUpSql = R"sql(
WITH RECURSIVE
  progress(id, p) AS (
    SELECT id, min(max((coalesce(current_value, start_value) - start_value)
                       / (target_value - start_value), 0.0), 1.0)
    FROM goals WHERE team_id IS NOT NULL),
  subtree(root, id) AS (
    SELECT id, id FROM goals WHERE team_id IS NOT NULL
    UNION ALL
    SELECT subtree.root, g.id FROM subtree JOIN goals g ON g.parent_id = subtree.id
    WHERE g.team_id IS NOT NULL)
SELECT subtree.root, avg(progress.p), count(*)
FROM subtree JOIN progress ON progress.id = subtree.id
GROUP BY subtree.root
)sql";

struct SqlRollUp {
  double progress;
  int goals;
};

bool RunSql(sqlite3* db, std::unordered_map<std::string, SqlRollUp>& out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kRollUpSql, -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
    return false;
  }
  out.clear();
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out[reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))] = {
        sqlite3_column_double(stmt, 1), sqlite3_column_int(stmt, 2)};
  }
  sqlite3_finalize(stmt);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: goals_bench DB [--today YYYY-MM-DD] [--rounds N]\n");
    return 2;
  }
  const std::string path = argv[1];
  guild::Date today{20200};  // the demo's default "today" (2025-04-22)
  int rounds = 5;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--today") today = *guild::ParseDate(argv[i + 1]);
    if (flag == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }

  auto start = Clock::now();
  auto store = guild::OpenStore({.url = path, .create_if_missing = false});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 2;
  }
  auto data = (*store)->Load(guild::LoadOptions{});  // the snapshot's (in-memory) kinds
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.status().ToString().c_str());
    return 2;
  }
  const double load_seconds = Since(start);
  start = Clock::now();
  auto snapshot = guild::FirmSnapshot::Build(std::move(*data), 1);
  const double index_seconds = Since(start);
  const guild::FirmData& firm = snapshot->data();
  std::printf(
      "database %s: %zu people, %zu teams, %zu goals, %zu deliverables, %zu client relationships\n",
      path.c_str(), firm.people.size(), firm.teams.size(), firm.goals.size(),
      firm.deliverables.size(), firm.client_relationships.size());
  std::printf("load snapshot kinds %.2f s, index %.2f s (once per server start)\n", load_seconds,
              index_seconds);

  std::vector<double> tree_times, raci_times, sql_times;
  guild::goals::GoalTree tree;
  size_t warnings = 0;
  std::unordered_map<std::string, SqlRollUp> sql;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s with sqlite3\n", path.c_str());
    return 2;
  }
  for (int r = 0; r < rounds; ++r) {
    start = Clock::now();
    std::vector<guild::goals::Measure> measure;
    measure.reserve(firm.goals.size());
    for (const guild::Goal& g : firm.goals)
      measure.push_back(guild::goals::MeasureGoal(g, today, {}));
    tree = guild::goals::BuildGoalTree(firm.goals, today, {});
    tree_times.push_back(Since(start));

    start = Clock::now();
    warnings = 0;
    const auto name_of = [&](std::string_view id) {
      const guild::Person* p = snapshot->FindPerson(id);
      return p ? p->name : std::string(id);
    };
    for (const auto& rows : guild::goals::GroupRowsByTeam(firm)) {
      warnings += guild::goals::CheckTeamRoles(rows, {}, name_of).size();
    }
    raci_times.push_back(Since(start));

    start = Clock::now();
    if (!RunSql(db, sql)) return 2;
    sql_times.push_back(Since(start));
  }
  sqlite3_close(db);

  // The two roll-ups agree on every team goal.
  size_t compared = 0, differ = 0;
  double worst = 0;
  for (size_t i = 0; i < firm.goals.size(); ++i) {
    if (firm.goals[i].team_id.empty()) continue;
    auto it = sql.find(firm.goals[i].id);
    ++compared;
    if (it == sql.end() || it->second.goals != static_cast<int>(tree.rollup[i].goals)) {
      ++differ;
      continue;
    }
    worst = std::max(worst, std::abs(it->second.progress - tree.rollup[i].progress));
  }
  if (worst > 1e-9) ++differ;

  const double guild_tree = Median(tree_times);
  const double sqlite_tree = Median(sql_times);
  std::printf("rounds %d, as of %s (medians)\n", rounds, guild::FormatDate(today).c_str());
  std::printf("goal tree + roll-up, whole firm   guild %8.3f s   target < 1 s   %s\n", guild_tree,
              guild_tree < 1 ? "OK" : "MISSED");
  std::printf(
      "RACI check, every team            guild %8.3f s   target < 2 s   %s  (%zu warnings)\n",
      Median(raci_times), Median(raci_times) < 2 ? "OK" : "MISSED", warnings);
  std::printf("roll-up as SQLite recursive CTE         %8.3f s   ratio sqlite/guild %.1f\n",
              sqlite_tree, sqlite_tree / guild_tree);
  std::printf("answers compared on %zu team goals: %s (largest difference %.2e)\n", compared,
              differ == 0 ? "identical" : "DIFFERENT", worst);
  return differ == 0 ? 0 : 1;
}
