// The practice leader's overdue view at scale (issue 25, "Scale"), on a
// Guild database (e.g. `guild demo --people 100000`):
//
//  1. load the snapshot, pick the person with the largest reporting line
//     (or --person), give them a user account and sign in;
//  2. steady load: --clients keep-alive connections send
//     GET /api/v1/checkins/overdue?scope=reports&limit=L (the first page of
//     --limit teams, the counts over the whole line) back to back for
//     --seconds to an in-process server (as bench/api); each call timed from
//     request to last byte: p50, p99, max, calls/s;
//  3. the peer: the same answer as one SQLite query on the same file's
//     indexed tables (a recursive CTE over people.manager_id joined with the
//     check-in teams' members and this cycle's check-ins, the exclusions as
//     docs/CHECKINS.md states them), run --rounds times;
//  4. both answers compared row by row (team, person, status): the API's
//     is read a page of 1,000 teams at a time, following next_cursor.
//
//   overdue_bench DB [--today YYYY-MM-DD] [--person ID] [--clients C]
//                    [--seconds S] [--rounds N] [--limit L]
#include <sqlite3.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "api/api.h"
#include "client.h"
#include "http/server.h"
#include "service/accounts/crypto.h"
#include "service/checkins/reporting_tree.h"

namespace {

using Steady = std::chrono::steady_clock;
using Row = std::tuple<std::string, std::string, std::string>;  // team, person, status
constexpr const char* kPassword = "bench-password";

struct Flags {
  std::string db;
  std::string today = "2025-04-22";  // the demo's default
  std::string person;                // empty: the largest reporting line
  int clients = 4;
  double seconds = 10;
  int rounds = 20;
  int limit = 100;       // teams per page of the timed call (the API's default)
  std::string postgres;  // the API's store when set; the SQLite peer still reads `db`
};

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  CLI::App app{"The practice leader's overdue view against SQLite's recursive CTE"};
  app.add_option("db", f.db, "demo firm database (SQLite)")->required();
  app.add_option("--today", f.today, "as-of date (YYYY-MM-DD)");
  app.add_option("--person", f.person, "whose reporting line (default: the largest)");
  app.add_option("--clients", f.clients, "concurrent API clients")->check(CLI::PositiveNumber);
  app.add_option("--seconds", f.seconds, "seconds per timed run")->check(CLI::PositiveNumber);
  app.add_option("--rounds", f.rounds, "rounds of the SQLite query")->check(CLI::PositiveNumber);
  app.add_option("--limit", f.limit, "teams per page of the timed call")
      ->check(CLI::Range(1, 1000));
  app.add_option("--postgres", f.postgres,
                 "serve the API from this PostgreSQL URL holding the same firm as db (the "
                 "SQLite peer still reads db)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::exit(app.exit(e));
  }
  return f;
}

// CPU time (user + system) of the whole process so far, in ms: on a shared
// machine a call's wall time includes waiting for a core, its CPU time not.
double ProcessCpuMs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

// Everyone below ?1 (Person.manager_id, transitively) who is a member (not
// the leader) of a team running check-ins and has not submitted for the
// cycle of that team holding ?2 (cycles counted from Monday 2001-01-01),
// unless excluded (joined, left, half their capacity off); overdue when ?3
// (today) is past the cycle's due day, else draft or due.
constexpr const char* kOverdueSql = R"sql(
WITH RECURSIVE
  below(id) AS (
    SELECT id FROM people WHERE manager_id = ?1
    UNION
    SELECT p.id FROM people p JOIN below b ON p.manager_id = b.id),
  cycles AS (
    SELECT DISTINCT t.id AS team_id, m.person_id, t.checkin_cadence_days AS cadence,
      date('2001-01-01', '+' || ((CAST(julianday(?2) - julianday('2001-01-01') AS INTEGER)
                                  / t.checkin_cadence_days) * t.checkin_cadence_days) || ' days')
        AS cycle_start
    FROM below b
    JOIN team_members m ON m.person_id = b.id
    JOIN teams t ON t.id = m.team_id
    WHERE t.checkin_cadence_days > 0 AND (t.leader_id IS NULL OR t.leader_id <> m.person_id)),
  dated AS (
    SELECT c.*, date(c.cycle_start, '+' || (c.cadence - 1) || ' days') AS due FROM cycles c),
  judged AS (
    SELECT d.*, p.start_date, p.end_date, p.weekly_capacity_hours AS capacity,
      (SELECT coalesce(sum(e.hours), 0) FROM time_entries e
       WHERE e.person_id = d.person_id AND e.category = 'time-off'
         AND e.entry_date BETWEEN d.cycle_start AND d.due) AS off
    FROM dated d JOIN people p ON p.id = d.person_id)
SELECT j.team_id, j.person_id,
  CASE WHEN ?3 > j.due THEN 'overdue' WHEN k.id IS NOT NULL THEN 'draft' ELSE 'due' END
FROM judged j
LEFT JOIN checkins k
  ON k.person_id = j.person_id AND k.team_id = j.team_id AND k.cycle_start = j.cycle_start
WHERE k.submitted_at IS NULL
  AND NOT (j.start_date IS NOT NULL AND j.start_date >= j.cycle_start)
  AND NOT (j.end_date IS NOT NULL AND j.end_date < j.due)
  AND NOT (j.off > 0 AND j.off >= j.capacity * j.cadence / 7.0 * 0.5)
)sql";

std::set<Row> RunSql(sqlite3* db, const Flags& f, const std::string& person) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kOverdueSql, -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
    std::exit(2);
  }
  sqlite3_bind_text(stmt, 1, person.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, f.today.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 3, f.today.c_str(), -1, SQLITE_TRANSIENT);
  std::set<Row> out;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto text = [&](int i) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)));
    };
    out.emplace(text(0), text(1), text(2));
  }
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "step: %s\n", sqlite3_errmsg(db));
    std::exit(2);
  }
  sqlite3_finalize(stmt);
  return out;
}

void AddRowsOf(const nlohmann::json& json, std::set<Row>& out) {
  for (const auto& team : json["teams"]) {
    for (const auto& m : team["members"]) {
      out.emplace(team["team"]["id"].get<std::string>(), m["person"]["id"].get<std::string>(),
                  m["status"].get<std::string>());
    }
  }
}

// The person with the largest reporting line, and its size.
std::pair<std::string, size_t> Largest(const guild::FirmSnapshot& s) {
  const auto tree = guild::checkins::ReportingTree::Build(s);
  uint32_t best = 0;
  for (uint32_t p = 0; p < s.data().people.size(); ++p) {
    if (tree.Below(p).size() > tree.Below(best).size()) best = p;
  }
  return {s.data().people[best].id, tree.Below(best).size()};
}

}  // namespace

int main(int argc, char** argv) {
  const Flags f = ParseFlags(argc, argv);
  const auto today = guild::ParseDate(f.today);
  if (!today) return 2;
  auto start = Steady::now();
  const std::string& api_db = f.postgres.empty() ? f.db : f.postgres;
  guild::StoreOptions options{api_db, false, guild::Durability::kNormal};
  auto store = guild::OpenStore(options);
  auto accounts = guild::OpenAccountStore(options);
  if (!store.ok() || !accounts.ok()) {
    std::fprintf(stderr, "cannot open %s\n", api_db.c_str());
    return 2;
  }
  guild::SnapshotHolder snapshots(**store, guild::SnapshotOptions{});
  if (!snapshots.Load().ok()) return 2;
  const auto snapshot = snapshots.Current();
  std::printf("database %s: %zu people, %zu teams; snapshot loaded in %.1f s\n", api_db.c_str(),
              snapshot->data().people.size(), snapshot->data().teams.size(),
              std::chrono::duration<double>(Steady::now() - start).count());
  auto [person, line] = Largest(*snapshot);
  if (!f.person.empty()) person = f.person;
  std::printf("viewer %s (largest reporting line: %zu people)\n", person.c_str(), line);

  // The viewer's account (a member linked to the person), made once.
  const std::string user = "overdue-bench-" + person;
  const std::string email = user + "@bench.example";
  auto hash = guild::HashPassword(kPassword, guild::MinimumPasswordOptions());
  (void)(*accounts)->CreateUser({user, email, *hash, person, guild::UserRole::kMember, false, 0});

  guild::FakeClock clock(int64_t{today->days} * 86400 + 10 * 3600);
  guild::api::ApiOptions api_options;
  api_options.passwords = guild::MinimumPasswordOptions();
  api_options.sessions.password = guild::MinimumPasswordOptions();
  guild::api::ApiServices services(**store, **accounts, snapshots, clock, api_options);
  guild::http::Router router;
  if (!guild::api::AddApiRoutes(router, services).ok()) return 2;
  guild::http::ServerOptions server_options;
  server_options.access_log = nullptr;
  server_options.worker_threads = f.clients;
  guild::http::Server server(server_options, std::move(router));
  if (!server.Start().ok()) return 2;

  const std::string base = "/api/v1/checkins/overdue?scope=reports&person=" + person;
  const std::string target = base + "&limit=" + std::to_string(f.limit);
  std::string body;
  std::set<Row> api;  // every page's rows
  int pages = 0;
  {
    bench::Client first(server.port());
    if (!first.SignIn(email, kPassword)) return 2;
    const auto t0 = Steady::now();
    auto response = first.Send(boost::beast::http::verb::get, target);
    std::printf(
        "first call (builds the per-snapshot indexes): %.1f ms, status %d, %zu bytes (limit %d "
        "teams)\n",
        std::chrono::duration<double, std::milli>(Steady::now() - t0).count(),
        response.result_int(), response.body().size(), f.limit);
    if (response.result_int() != 200) {
      std::fprintf(stderr, "%s\n", response.body().c_str());
      return 2;
    }
    body = response.body();
    // The whole answer, a page of 1,000 teams at a time.
    std::string cursor;
    do {
      std::string page = base + "&limit=1000";
      if (!cursor.empty()) page += "&cursor=" + cursor;
      auto next = first.Send(boost::beast::http::verb::get, page);
      if (next.result_int() != 200) {
        std::fprintf(stderr, "%s\n", next.body().c_str());
        return 2;
      }
      const auto json = nlohmann::json::parse(next.body());
      AddRowsOf(json, api);
      ++pages;
      cursor = json["next_cursor"].is_string() ? json["next_cursor"].get<std::string>() : "";
    } while (!cursor.empty());
  }

  // Steady load: every client sends the call back to back.
  std::vector<std::vector<double>> latencies(f.clients);
  std::atomic<int> failures{0};
  const auto deadline = Steady::now() + std::chrono::duration_cast<Steady::duration>(
                                            std::chrono::duration<double>(f.seconds));
  const auto started = Steady::now();
  const double cpu_started = ProcessCpuMs();
  std::vector<std::thread> threads;
  for (int c = 0; c < f.clients; ++c) {
    threads.emplace_back([&, c] {
      bench::Client client(server.port());
      if (!client.SignIn(email, kPassword)) {
        ++failures;
        return;
      }
      while (Steady::now() < deadline) {
        const auto t0 = Steady::now();
        auto response = client.Send(boost::beast::http::verb::get, target);
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
        if (response.result_int() != 200) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Steady::now() - started).count();
  const double api_cpu = ProcessCpuMs() - cpu_started;
  server.Stop();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(f.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return 2;
  std::vector<double> sql_times;
  std::set<Row> sql;
  const double sql_cpu_started = ProcessCpuMs();
  for (int r = 0; r < f.rounds; ++r) {
    const auto t0 = Steady::now();
    sql = RunSql(db, f, person);
    sql_times.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
  }
  const double sql_cpu = ProcessCpuMs() - sql_cpu_started;
  sqlite3_close(db);

  const auto json = nlohmann::json::parse(body);
  const double p99 = Percentile(all, 0.99);
  std::printf(
      "as of %s: reporting line %d people, %d not checked in (due %d, draft %d, overdue %d) in %d "
      "teams (%zu on the first page)\n",
      f.today.c_str(), json["reporting_line"].get<int>(), json["counts"]["total"].get<int>(),
      json["counts"]["due"].get<int>(), json["counts"]["draft"].get<int>(),
      json["counts"]["overdue"].get<int>(), json["counts"]["teams"].get<int>(),
      json["teams"].size());
  std::printf(
      "API  %d clients x %.0f s: %zu calls, %.0f calls/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
      "failures %d   target p99 < 50 ms  %s\n",
      f.clients, f.seconds, all.size(), static_cast<double>(all.size()) / elapsed,
      Percentile(all, 0.5), p99, Percentile(all, 1.0), failures.load(), p99 < 50 ? "OK" : "MISSED");
  std::printf(
      "SQLite recursive CTE, %d rounds: p50 %.2f ms, p99 %.2f ms   ratio sqlite/guild (p50) %.2f\n",
      f.rounds, Percentile(sql_times, 0.5), Percentile(sql_times, 0.99),
      Percentile(sql_times, 0.5) / Percentile(all, 0.5));
  const double api_cpu_per_call = all.empty() ? 0 : api_cpu / static_cast<double>(all.size());
  const double sql_cpu_per_round = f.rounds > 0 ? sql_cpu / f.rounds : 0;
  std::printf(
      "CPU time per call (process user+sys, server and clients): API %.2f ms, SQLite %.2f ms   "
      "ratio sqlite/guild %.2f\n",
      api_cpu_per_call, sql_cpu_per_round,
      api_cpu_per_call > 0 ? sql_cpu_per_round / api_cpu_per_call : 0);
  std::printf("answers: %zu rows (API, %d pages of 1,000 teams) vs %zu rows (SQLite): %s\n",
              api.size(), pages, sql.size(), api == sql ? "identical" : "DIFFERENT");
  if (api != sql) {
    int shown = 0;
    for (const Row& r : api) {
      if (!sql.count(r) && shown++ < 5)
        std::printf("  only API: %s %s %s\n", std::get<0>(r).c_str(), std::get<1>(r).c_str(),
                    std::get<2>(r).c_str());
    }
    for (const Row& r : sql) {
      if (!api.count(r) && shown++ < 10)
        std::printf("  only SQLite: %s %s %s\n", std::get<0>(r).c_str(), std::get<1>(r).c_str(),
                    std::get<2>(r).c_str());
    }
  }
  return api == sql && failures == 0 ? 0 : 1;
}
