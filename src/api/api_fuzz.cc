// Fuzz target: every API route with its body decoder, path and query
// parameters, dispatched in process (no sockets) to the real handlers over a
// SQLite store holding a small firm. Input: one byte picking who calls (an
// administrator, a team leader, a member, or a signed-out client), then
// "METHOD TARGET" up to the first newline, then the body.
// Properties: no answer is a 500; every 4xx answer is application/problem+
// json whose "status" is the answer's; a signed-out client gets a 2xx only
// from the two operations open to anyone (the OpenAPI document and signing
// in).
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/api.h"
#include "fuzz_check.h"
#include "http/router.h"
#include "http/uri.h"
#include "service/accounts/crypto.h"
#include "service/testing/test_firm.h"
#include "store/account_store.h"

namespace {

using namespace guild;

constexpr const char* kPassword = "fuzz-password-123";

struct Caller {
  std::string email;
  std::string cookie;  //!< "guild_session=..."; empty when signed out
  std::string csrf;
};

struct World {
  std::unique_ptr<Store> store;
  std::unique_ptr<AccountStore> accounts;
  std::unique_ptr<SnapshotHolder> snapshots;
  std::unique_ptr<FakeClock> clock;
  std::unique_ptr<api::ApiServices> services;
  http::Router router;
  Caller callers[4];  // administrator, team leader, member, signed out
};

http::Response Dispatch(World& world, const Caller& caller, http::Method method,
                        std::string_view target, std::string body, bool* routed = nullptr) {
  http::Request request;
  request.method = method;
  request.target = std::string(target);
  http::RouteMatch match = world.router.Match(method, target.substr(0, target.find('?')));
  // Unknown paths and bad query strings are the server's answers, before
  // any handler (target_fuzz covers them).
  std::optional<http::Response> unrouted = http::BindRoute(match, request);
  if (routed != nullptr) *routed = !unrouted.has_value();
  if (unrouted) return *std::move(unrouted);
  request.headers = {{"Host", "fuzz"}, {"Content-Type", "application/json"}};
  if (!caller.cookie.empty()) {
    request.headers.emplace_back("Cookie", caller.cookie);
    request.headers.emplace_back("X-CSRF-Token", caller.csrf);
  }
  request.body = std::move(body);
  request.client = "127.0.0.1:40000";
  request.request_id = "fuzz";
  if (const http::Admission& admission = world.router.AdmissionFor(*match.route);
      admission && !request.body.empty()) {
    if (std::optional<http::Response> refusal = admission(request)) return *refusal;
  }
  return match.route->handler(request);
}

void SignIn(World& world, Caller& caller) {
  nlohmann::json body = {{"email", caller.email}, {"password", kPassword}};
  http::Response reply =
      Dispatch(world, Caller{}, http::Method::kPost, "/api/v1/session", body.dump());
  caller.cookie.clear();
  caller.csrf.clear();
  if (reply.status != 200) return;
  for (const auto& [name, value] : reply.headers) {
    if (name == "Set-Cookie") caller.cookie = value.substr(0, value.find(';'));
  }
  caller.csrf = nlohmann::json::parse(reply.body).value("csrf_token", "");
}

World& TheWorld() {
  static World* world = [] {
    auto* w = new World();
    std::string dir = "/tmp/guild-api-fuzz-XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    StoreOptions options{dir + "/guild.db", true, Durability::kOff};
    auto store = OpenStore(options);
    auto accounts = OpenAccountStore(options);
    if (!store.ok() || !accounts.ok()) std::abort();
    w->store = std::move(store).value();
    w->accounts = std::move(accounts).value();
    if (!w->store->Upsert(service::testing::TestFirm()).ok()) std::abort();
    w->snapshots = std::make_unique<SnapshotHolder>(*w->store, SnapshotOptions{});
    if (!w->snapshots->Load().ok()) std::abort();
    w->clock = std::make_unique<FakeClock>(1'700'000'000);
    api::ApiOptions api_options;
    api_options.passwords = MinimumPasswordOptions();
    api_options.sessions.password = MinimumPasswordOptions();
    api_options.sessions.per_address.max_events = 1'000'000'000;
    w->services = std::make_unique<api::ApiServices>(*w->store, *w->accounts, *w->snapshots,
                                                     *w->clock, api_options);
    if (!api::AddApiRoutes(w->router, *w->services).ok()) std::abort();
    struct User {
      const char* id;
      const char* person;
      UserRole role;
    };
    const User users[] = {{"u-admin", "admin", UserRole::kAdministrator},
                          {"u-lead", "lead", UserRole::kMember},
                          {"u-member", "member", UserRole::kMember}};
    for (int i = 0; i < 3; ++i) {
      auto hash = HashPassword(kPassword, MinimumPasswordOptions());
      if (!hash.ok()) std::abort();
      std::string email = std::string(users[i].person) + "@fuzz.test";
      if (!w->accounts
               ->CreateUser({users[i].id, email, *hash, users[i].person, users[i].role, false, 0})
               .ok()) {
        std::abort();
      }
      w->callers[i].email = email;
      SignIn(*w, w->callers[i]);
      if (w->callers[i].cookie.empty()) std::abort();
    }
    return w;
  }();
  return *world;
}

std::optional<http::Method> ParseMethod(std::string_view text) {
  if (text == "GET") return http::Method::kGet;
  if (text == "HEAD") return http::Method::kHead;
  if (text == "POST") return http::Method::kPost;
  if (text == "PUT") return http::Method::kPut;
  if (text == "PATCH") return http::Method::kPatch;
  if (text == "DELETE") return http::Method::kDelete;
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& world = TheWorld();
  if (size < 2) return 0;
  const int who = data[0] % 4;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t newline = rest.find('\n');
  std::string_view line = rest.substr(0, newline);
  std::string body(newline == std::string_view::npos ? std::string_view()
                                                     : rest.substr(newline + 1));
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  std::optional<http::Method> method = ParseMethod(line.substr(0, space));
  std::string_view target = line.substr(space + 1);
  if (!method || target.empty() || target[0] != '/') return 0;

  bool routed = false;
  http::Response reply = Dispatch(world, world.callers[who], *method, target, body, &routed);
  if (!routed) return 0;
  GUILD_FUZZ_CHECK(reply.status >= 200 && reply.status < 600);
  GUILD_FUZZ_CHECK(reply.status != 500);
  if (reply.status >= 400 && reply.status < 500) {
    GUILD_FUZZ_CHECK(reply.content_type == http::kProblemContentType);
    nlohmann::json problem = nlohmann::json::parse(reply.body, nullptr, false);
    GUILD_FUZZ_CHECK(problem.is_object() && problem.value("status", 0) == reply.status);
  }
  if (who == 3 && reply.status < 300) {
    const std::string_view path = target.substr(0, target.find('?'));
    GUILD_FUZZ_CHECK(path == "/api/v1/openapi.json" || path == "/api/v1/session");
  }
  // Signing out, or changes to accounts, may end a caller's session: sign in again.
  if (*method != http::Method::kGet && *method != http::Method::kHead &&
      (target.find("/session") != std::string_view::npos ||
       target.find("/users") != std::string_view::npos ||
       target.find("/password") != std::string_view::npos)) {
    for (int i = 0; i < 3; ++i) SignIn(world, world.callers[i]);
  }
  return 0;
}
