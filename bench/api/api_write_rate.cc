// Check-in-sized writes through the API: PATCH /api/v1/admin/users/{id}
// (one small row updated plus one audit row, one request each) over
// keep-alive connections, against a temp SQLite store, for each durability
// setting. The peer: the same two writes made directly on the AccountStore,
// without HTTP, in the same run. Prints writes/s for both and the ratio.
//
// Usage: api_write_rate [--seconds S] [--clients N]
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api/api.h"
#include "http/server.h"
#include "service/accounts/crypto.h"

namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
constexpr const char* kAdminPassword = "bench-password";

struct Target {
  uint16_t port;
  std::string cookie;
  std::string csrf;
};

// One client: keep-alive connection, PATCHes its own user until the deadline.
int64_t RunClient(const Target& target, const std::string& user_id, Clock::time_point deadline) {
  asio::io_context context;
  asio::ip::tcp::socket socket(context);
  socket.connect({asio::ip::make_address("127.0.0.1"), target.port});
  beast::flat_buffer buffer;
  int64_t writes = 0;
  for (bool firm_leader = false; Clock::now() < deadline; firm_leader = !firm_leader) {
    beast::http::request<beast::http::string_body> request{beast::http::verb::patch,
                                                           "/api/v1/admin/users/" + user_id, 11};
    request.set(beast::http::field::host, "127.0.0.1");
    request.set(beast::http::field::cookie, target.cookie);
    request.set("X-CSRF-Token", target.csrf);
    request.set(beast::http::field::content_type, "application/json");
    request.body() = firm_leader ? R"({"role":"firm_leader"})" : R"({"role":"member"})";
    request.prepare_payload();
    beast::http::write(socket, request);
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket, buffer, response);
    if (response.result_int() != 200) {
      std::fprintf(stderr, "unexpected %d: %s\n", response.result_int(), response.body().c_str());
      std::exit(2);
    }
    ++writes;
  }
  return writes;
}

Target SignIn(uint16_t port) {
  asio::io_context context;
  asio::ip::tcp::socket socket(context);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  beast::http::request<beast::http::string_body> request{beast::http::verb::post, "/api/v1/session",
                                                         11};
  request.set(beast::http::field::host, "127.0.0.1");
  request.set(beast::http::field::content_type, "application/json");
  request.body() =
      std::string(R"({"email":"admin@bench.example","password":")") + kAdminPassword + "\"}";
  request.prepare_payload();
  beast::http::write(socket, request);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> response;
  beast::http::read(socket, buffer, response);
  std::string cookie(response[beast::http::field::set_cookie]);
  auto json = nlohmann::json::parse(response.body());
  return Target{port, cookie.substr(0, cookie.find(';')), json.value("csrf_token", "")};
}

double ApiRate(guild::Store& store, guild::AccountStore& accounts, int clients, double seconds) {
  guild::SystemClock clock;
  guild::SnapshotHolder snapshots(store, guild::SnapshotOptions{});
  if (!snapshots.Load().ok()) std::exit(2);
  guild::api::ApiOptions options;
  options.passwords = guild::MinimumPasswordOptions();
  options.sessions.password = guild::MinimumPasswordOptions();
  guild::api::ApiServices services(store, accounts, snapshots, clock, options);
  guild::http::Router router;
  if (!guild::api::AddApiRoutes(router, services).ok()) std::exit(2);
  guild::http::ServerOptions server_options;
  server_options.access_log = nullptr;
  server_options.worker_threads = clients;
  guild::http::Server server(server_options, std::move(router));
  if (!server.Start().ok()) std::exit(2);
  Target target = SignIn(server.port());
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds));
  std::atomic<int64_t> total{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back(
        [&, c] { total += RunClient(target, "bench-" + std::to_string(c), deadline); });
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  server.Stop();
  return static_cast<double>(total) / elapsed;
}

// The peer: the same two writes per "request", straight on the store.
double DirectRate(guild::AccountStore& accounts, int clients, double seconds) {
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds));
  std::atomic<int64_t> total{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto user = *accounts.FindUserById("bench-" + std::to_string(c));
      int64_t writes = 0;
      for (bool leader = false; Clock::now() < deadline; leader = !leader) {
        user->role = leader ? guild::UserRole::kFirmLeader : guild::UserRole::kMember;
        if (!accounts.UpdateUser(*user).ok()) std::exit(2);
        if (!accounts.AppendAudit({0, 0, "bench", "user.update", "user", user->id, "role"}).ok()) {
          std::exit(2);
        }
        ++writes;
      }
      total += writes;
    });
  }
  for (auto& t : threads) t.join();
  return static_cast<double>(total) / std::chrono::duration<double>(Clock::now() - start).count();
}

void RunOne(guild::Durability durability, const char* name, int clients, double seconds) {
  char pattern[] = "/tmp/guild-bench-api-XXXXXX";
  if (mkdtemp(pattern) == nullptr) std::exit(2);
  guild::StoreOptions options{std::string(pattern) + "/guild.db", true, durability};
  auto store = guild::OpenStore(options);
  auto accounts = guild::OpenAccountStore(options);
  if (!store.ok() || !accounts.ok()) std::exit(2);
  auto hash = guild::HashPassword(kAdminPassword, guild::MinimumPasswordOptions());
  (*accounts)
      ->CreateUser(
          {"admin", "admin@bench.example", *hash, "", guild::UserRole::kAdministrator, false, 0})
      .IgnoreError();
  for (int c = 0; c < clients; ++c) {
    std::string id = "bench-" + std::to_string(c);
    (*accounts)
        ->CreateUser({id, id + "@bench.example", *hash, "", guild::UserRole::kMember, false, 0})
        .IgnoreError();
  }
  double api = ApiRate(**store, **accounts, clients, seconds);
  double direct = DirectRate(**accounts, clients, seconds);
  std::printf(
      "synchronous=%-6s clients=%d  api %9.0f writes/s  direct %9.0f writes/s  api/direct %.2f\n",
      name, clients, api, direct, api / direct);
  std::filesystem::remove_all(pattern);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  int clients = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--seconds") seconds = std::atof(argv[i + 1]);
    if (flag == "--clients") clients = std::atoi(argv[i + 1]);
  }
  RunOne(guild::Durability::kNormal, "NORMAL", clients, seconds);
  RunOne(guild::Durability::kFull, "FULL", clients, seconds);
  return 0;
}
