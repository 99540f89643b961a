// Check-in writes through the API at scale (issue 25, "Scale"): --clients
// members, each on its own keep-alive connection signed in as themself,
// submit check-ins at once (PUT /api/v1/teams/{team}/checkins/me, each a new
// row: a late check-in for an earlier cycle) for --seconds, on a SQLite
// store with durable commits (synchronous=FULL, WAL), in-process server as
// bench/api.
//
// The peer, in the same run: the same rows (read back from the API's
// database) inserted into a fresh SQLite file with the same checkins table
// and indexes, synchronous=FULL, WAL: one transaction per row, then
// --batch rows per transaction. Prints rows/s of each and the ratios.
//
//   write_rate_bench [--clients C] [--seconds S] [--batch B]
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "api/api.h"
#include "client.h"
#include "http/server.h"
#include "service/accounts/crypto.h"

namespace {

using Steady = std::chrono::steady_clock;
constexpr const char* kPassword = "bench-password";
constexpr size_t kTeamSize = 10;  // members of a people team (its leader apart)
constexpr int kColumns = 8;       // of the checkins table

struct Flags {
  int clients = 32;
  double seconds = 5;
  int batch = 100;
};

std::string PersonId(int i) { return "m" + std::to_string(i); }
std::string TeamId(int i) { return "team-" + std::to_string(i / kTeamSize); }

// `members` people in weekly teams of kTeamSize, each team led by its own
// leader; members report to their leader.
guild::FirmData Firm(int members) {
  guild::FirmData firm;
  const int teams = (members + kTeamSize - 1) / kTeamSize;
  for (int t = 0; t < teams; ++t) {
    guild::Person leader;
    leader.id = "lead-" + std::to_string(t);
    leader.name = "Leader " + std::to_string(t);
    leader.email = leader.id + "@bench.example";
    leader.grade = "partner";
    firm.people.push_back(std::move(leader));
    guild::Team team;
    team.id = "team-" + std::to_string(t);
    team.name = "People team " + std::to_string(t);
    team.leader_id = "lead-" + std::to_string(t);
    team.checkin_cadence_days = 7;
    firm.teams.push_back(std::move(team));
  }
  for (int m = 0; m < members; ++m) {
    guild::Person p;
    p.id = PersonId(m);
    p.name = "Member " + std::to_string(m);
    p.email = p.id + "@bench.example";
    p.grade = "associate";
    p.manager_id = "lead-" + std::to_string(m / kTeamSize);
    firm.people.push_back(std::move(p));
    firm.teams.mut()[m / kTeamSize].members.push_back({PersonId(m), "member"});
  }
  return firm;
}

double Rate(int64_t rows, Steady::time_point start) {
  return static_cast<double>(rows) / std::chrono::duration<double>(Steady::now() - start).count();
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", sql.c_str(), error ? error : "");
    std::exit(2);
  }
}

// The rows of `from`'s checkins table, as text/int/null values.
struct Rows {
  std::vector<std::string> ddl;  // the table and its indexes
  std::vector<std::vector<std::optional<std::string>>> rows;
};

Rows ReadBack(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  Rows out;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT sql FROM sqlite_master WHERE tbl_name = 'checkins' AND sql IS NOT "
                     "NULL ORDER BY type DESC",
                     -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out.ddl.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "SELECT * FROM checkins", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::optional<std::string>> row;
    for (int c = 0; c < kColumns; ++c) {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      row.push_back(text ? std::optional<std::string>(reinterpret_cast<const char*>(text))
                         : std::nullopt);
    }
    out.rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Inserts `rows` into a fresh file with `batch` rows per transaction.
double DirectRate(const Rows& rows, const std::string& path, int batch) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  Exec(db, "PRAGMA journal_mode = WAL");
  Exec(db, "PRAGMA synchronous = FULL");
  for (const std::string& ddl : rows.ddl) Exec(db, ddl);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO checkins VALUES (?,?,?,?,?,?,?,?)", -1, &insert, nullptr);
  const auto start = Steady::now();
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    if (i % batch == 0) Exec(db, "BEGIN");
    for (int c = 0; c < kColumns; ++c) {
      const auto& value = rows.rows[i][c];
      if (value) {
        sqlite3_bind_text(insert, c + 1, value->c_str(), -1, SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(insert, c + 1);
      }
    }
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
      std::exit(2);
    }
    sqlite3_reset(insert);
    if ((i + 1) % batch == 0 || i + 1 == rows.rows.size()) Exec(db, "COMMIT");
  }
  const double rate = Rate(static_cast<int64_t>(rows.rows.size()), start);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return rate;
}

int Die(const std::string& message) {
  std::fprintf(stderr, "checkins_write_rate: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--clients") f.clients = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--seconds") f.seconds = std::atof(argv[i + 1]);
    if (flag == "--batch") f.batch = std::max(1, std::atoi(argv[i + 1]));
  }
  char pattern[] = "/tmp/guild-bench-checkins-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 2;
  const std::string dir = pattern;
  guild::StoreOptions options{dir + "/guild.db", true, guild::Durability::kFull};
  auto store = guild::OpenStore(options);
  auto accounts = guild::OpenAccountStore(options);
  if (!store.ok() || !accounts.ok()) return Die("cannot open the store in " + dir);
  if (const guild::Status written = (*store)->Upsert(Firm(f.clients)); !written.ok()) {
    std::fprintf(stderr, "cannot write the firm: %s\n", written.ToString().c_str());
    return 2;
  }
  auto hash = guild::HashPassword(kPassword, guild::MinimumPasswordOptions());
  for (int m = 0; m < f.clients; ++m) {
    (void)(*accounts)->CreateUser({"u-" + PersonId(m), PersonId(m) + "@bench.example", *hash,
                                   PersonId(m), guild::UserRole::kMember, false, 0});
  }
  guild::SystemClock clock;
  guild::SnapshotHolder snapshots(**store, guild::SnapshotOptions{});
  if (!snapshots.Load().ok()) return Die("cannot load the snapshot");
  guild::api::ApiOptions api_options;
  api_options.passwords = guild::MinimumPasswordOptions();
  api_options.sessions.password = guild::MinimumPasswordOptions();
  api_options.sessions.per_address.max_events = f.clients + 1;  // every member signs in from here
  guild::api::ApiServices services(**store, **accounts, snapshots, clock, api_options);
  guild::http::Router router;
  if (!guild::api::AddApiRoutes(router, services).ok()) return Die("cannot add the routes");
  guild::http::ServerOptions server_options;
  server_options.access_log = nullptr;
  server_options.worker_threads = f.clients;
  guild::http::Server server(server_options, std::move(router));
  if (!server.Start().ok()) return Die("cannot start the server");

  // Each member submits for the cycle a week earlier than their last one.
  std::vector<std::unique_ptr<bench::Client>> clients;
  for (int m = 0; m < f.clients; ++m) {
    clients.push_back(std::make_unique<bench::Client>(server.port()));
    if (!clients.back()->SignIn(PersonId(m) + "@bench.example", kPassword)) {
      return Die("cannot sign in as " + PersonId(m));
    }
  }
  const guild::Date today = clock.Today();
  std::atomic<int64_t> written{0};
  std::atomic<int> failures{0};
  const auto deadline = Steady::now() + std::chrono::duration_cast<Steady::duration>(
                                            std::chrono::duration<double>(f.seconds));
  const auto start = Steady::now();
  std::vector<std::thread> threads;
  for (int m = 0; m < f.clients; ++m) {
    threads.emplace_back([&, m] {
      for (int week = 1; Steady::now() < deadline; ++week) {
        const nlohmann::json body = {
            {"client_change", "The client moved the filing deadline to the 30th"},
            {"note", "Week " + std::to_string(week)},
            {"cycle", guild::FormatDate(guild::AddDays(today, -7 * week))},
            {"submit", true}};
        auto response =
            clients[m]->Send(boost::beast::http::verb::put,
                             "/api/v1/teams/" + TeamId(m) + "/checkins/me", body.dump());
        if (response.result_int() != 200) {
          if (failures++ == 0)
            std::fprintf(stderr, "%d: %s\n", response.result_int(), response.body().c_str());
          return;
        }
        ++written;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double api = Rate(written, start);
  server.Stop();
  if (failures > 0) return 1;

  const Rows rows = ReadBack(options.url);
  const double single = DirectRate(rows, dir + "/single.db", 1);
  const double batched = DirectRate(rows, dir + "/batched.db", f.batch);
  std::printf("durability full (synchronous=FULL, WAL), %d members submitting at once over HTTP\n",
              f.clients);
  std::printf(
      "API  PUT /teams/{team}/checkins/me: %lld check-ins in %.0f s: %8.0f /s   target >= 2,000 /s "
      " %s\n",
      static_cast<long long>(written.load()), f.seconds, api, api >= 2000 ? "OK" : "MISSED");
  std::printf("SQLite direct, same %zu rows, 1 per transaction:  %8.0f /s   api/direct %.2f\n",
              rows.rows.size(), single, api / single);
  std::printf("SQLite direct, same rows, %d per transaction:    %8.0f /s   api/direct %.2f\n",
              f.batch, batched, api / batched);
  std::filesystem::remove_all(dir);
  return 0;
}
