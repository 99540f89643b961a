// Test-only support for the API tests: a Guild API server on a free port over
// a real store, and a small blocking HTTP client.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/api.h"
#include "common/date.h"
#include "http/server.h"
#include "http/static_files.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::api::testing {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  //!< lower-case names
  std::string body;
  //! The body parsed as JSON; a null json when it is not JSON.
  nlohmann::json Json() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

//! Sends one request on a new connection and reads the reply. `target` is
//! sent verbatim. A transport failure gives status 0 and the error as body.
Reply Send(uint16_t port, const std::string& method, const std::string& target,
           const Headers& headers = {}, const std::string& body = "");

//! Sends `bytes` as they are on a new connection and reads one reply (e.g.
//! headers announcing a body that never comes).
Reply SendRaw(uint16_t port, const std::string& bytes);

struct TestServerOptions {
  StoreOptions store;       //!< the database (SQLite temp file or PostgreSQL)
  std::string static_root;  //!< empty: no static files
  std::chrono::milliseconds check_interval{0};
};

//! One server: its own store connections, services, router and http::Server.
class TestServer {
 public:
  //! Opens the stores, loads the snapshot and starts serving on a free port.
  static std::unique_ptr<TestServer> Start(const TestServerOptions& options, const Clock& clock);
  ~TestServer();

  uint16_t port() const { return server_->port(); }
  Store& store() { return *store_; }
  AccountStore& accounts() { return *accounts_; }
  api::ApiServices& services() { return *services_; }
  SnapshotHolder& snapshots() { return *snapshots_; }

 private:
  TestServer() = default;
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<SnapshotHolder> snapshots_;
  std::unique_ptr<api::ApiServices> services_;
  std::unique_ptr<http::Server> server_;
};

//! A signed-in client: the session cookie and CSRF token of one user.
struct SignedIn {
  std::string cookie;  //!< "guild_session=..."
  std::string csrf;
};

//! Signs in through POST /api/v1/session; empty cookie on failure.
SignedIn SignInAs(uint16_t port, const std::string& email, const std::string& password);

//! Creates a user with a cheap password hash directly in the account store.
void AddUser(AccountStore& accounts, const std::string& id, const std::string& email,
             const std::string& password, const std::string& person_id, UserRole role);

}  // namespace guild::api::testing
