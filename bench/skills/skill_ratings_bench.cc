// Self-service skill ratings at firm scale (issue 23, part 1), on a Guild
// database (e.g. `guild demo --people 100000`):
//
//  1. load the snapshot, pick the person with the most ratings (or
//     --person) and a skill of the taxonomy they do not hold, give them a
//     member account and sign in;
//  2. GET /api/v1/people/{id}/skill-ratings --gets times, one after the
//     other, to an in-process server (as bench/checkins); each call timed
//     from request to last byte: p50, p99, max;
//  3. PUT the self rating of that skill --puts times (levels 1..5 in turn,
//     so the effective level moves and each write also writes a history
//     row), each a durable commit through the FirmWriter whose answer is
//     read from the snapshot that includes it;
//  4. the peer on the same file, after the server stopped: the GET as two
//     indexed SQLite queries (the person's ratings joined with skills, their
//     history newest first), the PUT as one SQLite transaction (the rating's
//     upsert and the history row, synchronous as the store), same counts;
//  5. the snapshot's own cost of one rating write (the rating and its
//     history row), in process: the copy of the changed kinds (ApplyChange)
//     and FirmSnapshot::Build with the previous snapshot (it rebuilds the
//     ratings and history groups), next to the effective-ratings index as
//     it was built before (d1bc93a), checked to hold as many ratings.
// Answers compared: the API's number of ratings and history rows equals the
// SQL rows'.
//
//   skill_ratings_bench DB [--today YYYY-MM-DD] [--person ID] [--gets N]
//                          [--puts N] [--builds N]
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "../checkins/client.h"
#include "api/api.h"
#include "http/server.h"
#include "service/accounts/crypto.h"
#include "store/apply_change.h"

namespace {

using Steady = std::chrono::steady_clock;
constexpr const char* kPassword = "bench-password";
// The GET's peer: the person's ratings of skills in the taxonomy, and their
// skill history newest first (indexes: the tables' keys lead with person_id).
constexpr const char* kRatingsSql =
    "SELECT ps.skill_id, s.name, ps.source, ps.level, ps.wants_to_grow, ps.rated_on "
    "FROM person_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = ?1 "
    "ORDER BY s.name, s.id";
constexpr const char* kHistorySql =
    "SELECT h.skill_id, h.entry_date, h.level FROM skill_history h WHERE h.person_id = ?1 "
    "ORDER BY h.entry_date DESC, h.skill_id";

struct Flags {
  std::string db;
  std::string today = "2025-04-22";  // the demo's default
  std::string person;                // empty: the person with the most ratings
  int gets = 200;
  int puts = 30;
  int builds = 5;
};

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  CLI::App app{"GET and PUT /people/{id}/skill-ratings against SQLite on the same file"};
  app.add_option("db", f.db, "demo firm database (SQLite)")->required();
  app.add_option("--today", f.today, "as-of date (YYYY-MM-DD)");
  app.add_option("--person", f.person, "whose ratings (default: the most rated person)");
  app.add_option("--gets", f.gets, "timed GETs")->check(CLI::PositiveNumber);
  app.add_option("--puts", f.puts, "timed PUTs")->check(CLI::NonNegativeNumber);
  app.add_option("--builds", f.builds, "timed snapshot builds")->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::exit(app.exit(e));
  }
  return f;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

double MsSince(Steady::time_point t0) {
  return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

void Print(const char* what, const std::vector<double>& ms) {
  std::printf("%-44s n=%3zu  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms\n", what, ms.size(),
              Percentile(ms, 0.5), Percentile(ms, 0.99), Percentile(ms, 1.0));
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
    std::exit(2);
  }
  return stmt;
}

// Runs a prepared statement to its end; the number of rows.
int Drain(sqlite3* db, sqlite3_stmt* stmt) {
  int rows = 0;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ++rows;
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "step: %s\n", sqlite3_errmsg(db));
    std::exit(2);
  }
  sqlite3_reset(stmt);
  return rows;
}

void Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", sql, error ? error : "?");
    std::exit(2);
  }
}

// The effective-ratings index as FirmSnapshot::IndexSkills built it before
// this bench's commit (d1bc93a): one hash map entry per (person, skill),
// then every pair sorted. Timed next to Build for the comparison; returns
// the number of effective ratings.
size_t OldEffectiveRatings(const guild::FirmSnapshot& s) {
  std::unordered_map<uint64_t, uint32_t> best;
  const std::vector<guild::PersonSkill>& ratings = s.data().person_skills;
  for (uint32_t i = 0; i < ratings.size(); ++i) {
    auto person = s.PersonIndex(ratings[i].person_id);
    auto skill = s.SkillIndex(ratings[i].skill_id);
    if (!person || !skill) continue;
    uint64_t key = (uint64_t{*person} << 32) | *skill;
    auto [it, inserted] = best.emplace(key, i);
    if (!inserted &&
        guild::Precedence(ratings[i].source) > guild::Precedence(ratings[it->second].source)) {
      it->second = i;
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(best.size());
  for (const auto& [key, rating] : best) {
    pairs.emplace_back(static_cast<uint32_t>(key >> 32), rating);
  }
  return guild::BuildAdjacency(std::move(pairs), s.data().people.size()).values.size();
}

// The passes a GET made before this bench's commit (d1bc93a): every rating
// and every history row of the firm compared with the person's id; returns
// how many rows are theirs.
size_t OldGetScans(const guild::FirmSnapshot& s, const std::string& person) {
  size_t rows = 0;
  for (const guild::PersonSkill& r : s.data().person_skills) rows += r.person_id == person;
  for (const guild::SkillHistoryEntry& h : s.data().skill_history) rows += h.person_id == person;
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags f = ParseFlags(argc, argv);
  const auto today = guild::ParseDate(f.today);
  if (!today) return 2;
  const auto start = Steady::now();
  guild::StoreOptions options{f.db, false, guild::Durability::kFull};
  auto store = guild::OpenStore(options);
  auto accounts = guild::OpenAccountStore(options);
  if (!store.ok() || !accounts.ok()) {
    std::fprintf(stderr, "cannot open %s\n", f.db.c_str());
    return 2;
  }
  guild::SnapshotHolder snapshots(**store, guild::SnapshotOptions{});
  if (!snapshots.Load().ok()) return 2;
  auto snapshot = snapshots.Current();
  const guild::FirmData& data = snapshot->data();
  std::printf(
      "database %s: %zu people, %zu person-skills, %zu skill-history rows; loaded in %.1f s\n",
      f.db.c_str(), data.people.size(), data.person_skills.size(), data.skill_history.size(),
      std::chrono::duration<double>(Steady::now() - start).count());

  // The viewer: --person, or the person with the most ratings.
  uint32_t viewer = 0;
  if (!f.person.empty()) {
    auto p = snapshot->PersonIndex(f.person);
    if (!p) return 2;
    viewer = *p;
  } else {
    for (uint32_t p = 0; p < data.people.size(); ++p) {
      if (snapshot->RatingsOf(p).size() > snapshot->RatingsOf(viewer).size()) viewer = p;
    }
  }
  const std::string person = data.people[viewer].id;
  // A skill they do not hold: the first by name.
  std::string skill;
  for (uint32_t k : snapshot->SkillsByName()) {
    const std::string& id = data.skills[k].id;
    const auto held = snapshot->RatingsOf(viewer);
    if (std::none_of(held.begin(), held.end(),
                     [&](uint32_t r) { return data.person_skills[r].skill_id == id; })) {
      skill = id;
      break;
    }
  }
  std::printf("viewer %s: %zu ratings, %zu history rows; rates %s\n", person.c_str(),
              snapshot->RatingsOf(viewer).size(), snapshot->SkillHistoryOf(viewer).size(),
              skill.c_str());
  snapshot.reset();

  // The peer's answer before any write, to compare with the API's first GET.
  int sql_ratings = 0;
  int sql_history = 0;
  {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(f.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return 2;
    sqlite3_stmt* ratings = Prepare(db, kRatingsSql);
    sqlite3_stmt* history = Prepare(db, kHistorySql);
    sqlite3_bind_text(ratings, 1, person.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(history, 1, person.c_str(), -1, SQLITE_TRANSIENT);
    sql_ratings = Drain(db, ratings);
    sql_history = Drain(db, history);
    sqlite3_finalize(ratings);
    sqlite3_finalize(history);
    sqlite3_close(db);
  }

  const std::string user = "ratings-bench-" + person;
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
  server_options.worker_threads = 2;
  guild::http::Server server(server_options, std::move(router));
  if (!server.Start().ok()) return 2;

  const std::string target = "/api/v1/people/" + person + "/skill-ratings";
  std::vector<double> gets;
  std::vector<double> puts;
  int failures = 0;
  size_t api_ratings = 0;
  size_t api_history = 0;
  int last_level = 0;
  int read_back = 0;
  {
    bench::Client client(server.port());
    if (!client.SignIn(email, kPassword)) return 2;
    for (int i = 0; i < f.gets; ++i) {
      const auto t0 = Steady::now();
      auto response = client.Send(boost::beast::http::verb::get, target);
      gets.push_back(MsSince(t0));
      if (response.result_int() != 200) {
        ++failures;
        continue;
      }
      if (i == 0) {
        const auto json = nlohmann::json::parse(response.body());
        for (const auto& held : json["skills"]) api_ratings += held["ratings"].size();
        api_history = json["history"].size();
      }
    }
    for (int i = 0; i < f.puts; ++i) {
      last_level = 1 + i % 5;
      const std::string body =
          nlohmann::json{{"skill_id", skill}, {"source", "self"}, {"level", last_level}}.dump();
      const auto t0 = Steady::now();
      auto response = client.Send(boost::beast::http::verb::put, target, body);
      puts.push_back(MsSince(t0));
      if (response.result_int() != 200) {
        if (failures++ == 0) std::fprintf(stderr, "PUT: %s\n", response.body().c_str());
        continue;
      }
      // Read-your-writes: the answer holds the level just written.
      bool seen = false;
      const auto answer = nlohmann::json::parse(response.body());
      for (const auto& held : answer["skills"]) {
        seen |= held["skill"]["id"] == skill && held["effective"]["level"] == last_level;
      }
      read_back += seen ? 1 : 0;
      if (!seen && i == 0) std::fprintf(stderr, "PUT answered: %s\n", response.body().c_str());
    }
  }
  server.Stop();

  // The snapshot's own cost of one rating write.
  std::vector<double> apply_ms;
  std::vector<double> build_ms;
  std::vector<double> old_ms;
  std::vector<double> old_scan_ms;
  size_t old_scan_rows = 0;
  for (int i = 0; i < f.builds; ++i) {
    auto current = snapshots.Current();
    guild::FirmChange change;
    change.upserts.person_skills.push_back(
        {person, skill, guild::RatingSource::kSelf, 1 + i % 5, false, {}, *today});
    change.upserts.skill_history.push_back({person, skill, *today, 1 + i % 5});
    const auto t0 = Steady::now();
    guild::FirmData copy = current->data();
    if (!guild::ApplyChange(change, copy).ok()) return 2;
    apply_ms.push_back(MsSince(t0));
    const auto t1 = Steady::now();
    auto next = guild::FirmSnapshot::Build(std::move(copy), current->version() + 1, current.get());
    build_ms.push_back(MsSince(t1));
    const auto t2 = Steady::now();
    const size_t old_count = OldEffectiveRatings(*next);
    old_ms.push_back(MsSince(t2));
    const auto t3 = Steady::now();
    old_scan_rows = OldGetScans(*next, person);
    old_scan_ms.push_back(MsSince(t3));
    size_t new_count = 0;
    for (uint32_t p = 0; p < next->data().people.size(); ++p) new_count += next->SkillsOf(p).size();
    if (old_count != new_count) {
      std::fprintf(stderr, "effective ratings differ: %zu (old) vs %zu\n", old_count, new_count);
      ++failures;
    }
  }

  // The peer: SQLite on the same file.
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(f.db.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return 2;
  Exec(db, "PRAGMA synchronous=FULL");
  sqlite3_stmt* ratings = Prepare(db, kRatingsSql);
  sqlite3_stmt* history = Prepare(db, kHistorySql);
  sqlite3_bind_text(ratings, 1, person.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(history, 1, person.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<double> sql_gets;
  for (int i = 0; i < f.gets; ++i) {
    const auto t0 = Steady::now();
    Drain(db, ratings);
    Drain(db, history);
    sql_gets.push_back(MsSince(t0));
  }
  sqlite3_stmt* upsert = Prepare(db,
                                 "INSERT INTO person_skills (person_id, skill_id, source, level, "
                                 "wants_to_grow, rated_on) VALUES (?1, ?2, 'self', ?3, 0, ?4) "
                                 "ON CONFLICT (person_id, skill_id, source) DO UPDATE SET "
                                 "level = excluded.level, rated_on = excluded.rated_on");
  sqlite3_stmt* history_row = Prepare(db,
                                      "INSERT OR REPLACE INTO skill_history (person_id, skill_id, "
                                      "entry_date, level) VALUES (?1, ?2, ?3, ?4)");
  std::vector<double> sql_puts;
  for (int i = 0; i < f.puts; ++i) {
    const int level = 1 + i % 5;
    const auto t0 = Steady::now();
    Exec(db, "BEGIN IMMEDIATE");
    for (sqlite3_stmt* stmt : {upsert, history_row}) {
      sqlite3_bind_text(stmt, 1, person.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(stmt, 2, skill.c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int(upsert, 3, level);
    sqlite3_bind_text(upsert, 4, f.today.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(history_row, 3, f.today.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(history_row, 4, level);
    Drain(db, upsert);
    Drain(db, history_row);
    Exec(db, "COMMIT");
    sql_puts.push_back(MsSince(t0));
  }
  for (sqlite3_stmt* stmt : {ratings, history, upsert, history_row}) sqlite3_finalize(stmt);
  sqlite3_close(db);

  Print("API GET skill-ratings", gets);
  Print("SQLite peer GET (ratings + history queries)", sql_gets);
  Print("API PUT skill-ratings (durable, then read)", puts);
  Print("SQLite peer PUT (one transaction, FULL)", sql_puts);
  Print("snapshot: ApplyChange (copy changed kinds)", apply_ms);
  Print("snapshot: Build with the previous one", build_ms);
  Print("  old effective-ratings index alone (d1bc93a)", old_ms);
  Print("old GET's firm-wide scans alone (d1bc93a)", old_scan_ms);
  std::printf("(the scans found %zu rows of the person)\n", old_scan_rows);
  std::printf("ratio GET sqlite/guild (p50) %.2f; PUT guild/sqlite (p50) %.2f\n",
              Percentile(sql_gets, 0.5) / Percentile(gets, 0.5),
              Percentile(puts, 0.5) / Percentile(sql_puts, 0.5));
  std::printf(
      "answers: ratings %zu (API) vs %d (SQLite), history %zu (API) vs %d (SQLite) before "
      "the writes: %s; PUTs read back %d/%d; failures %d\n",
      api_ratings, sql_ratings, api_history, sql_history,
      api_ratings == static_cast<size_t>(sql_ratings) &&
              api_history == static_cast<size_t>(sql_history)
          ? "same"
          : "DIFFERENT",
      read_back, f.puts, failures);
  return failures == 0 && read_back == f.puts ? 0 : 1;
}
