// Test-only: the fixture shared by the API tests — a server on a free port
// over a temp SQLite store holding the test firm (service/test_firm.h), a
// static web root with a file outside it, and five users, one per role.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "api_test_support.h"
#include "service/testing/test_firm.h"

namespace guild::api::testing {

constexpr const char* kPassword = "password-123";
constexpr int64_t kStartTime = 1'700'000'000;

//! One user of a suite: its id, e-mail (sign-in name), person and role.
struct SuiteUser {
  std::string id;
  std::string email;
  std::string person_id;
  UserRole role;
};

//! A server shared by every test of a suite: a derived fixture's
//! SetUpTestSuite calls StartSuite and its TearDownTestSuite calls StopSuite.
class ServerSuite : public ::testing::Test {
 protected:
  //! Makes a temp directory from `pattern` (ending in XXXXXX), writes `firm`
  //! to a fresh SQLite store there, lets `prepare` add files to the directory
  //! and settings to the options, starts
  //! a server at time `now` and adds `users`, all with kPassword.
  static void StartSuite(
      std::string pattern, int64_t now, const FirmData& firm, const std::vector<SuiteUser>& users,
      const std::function<void(const std::string&, TestServerOptions&)>& prepare = {}) {
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = new std::string(pattern);
    clock_ = new FakeClock(now);
    TestServerOptions options;
    options.store = {*dir_ + "/guild.db", true, Durability::kOff};
    if (prepare) prepare(*dir_, options);
    {
      auto store = OpenStore(options.store);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      Status written = (*store)->Upsert(firm);
      ASSERT_TRUE(written.ok()) << written.ToString();
    }
    server_ = TestServer::Start(options, *clock_).release();
    ASSERT_NE(server_, nullptr);
    for (const SuiteUser& u : users) {
      AddUser(server_->accounts(), u.id, u.email, kPassword, u.person_id, u.role);
    }
  }
  static void StopSuite() {
    delete server_;
    server_ = nullptr;
    std::filesystem::remove_all(*dir_);
    delete clock_;
    delete dir_;
    sessions_.clear();
  }

  // Headers of a signed-in user; one session per user per process, since
  // sign-ins are rate-limited per client address.
  static Headers As(const std::string& who, bool with_csrf = true) {
    if (who == "anonymous") return {};
    auto [it, fresh] = sessions_.try_emplace(who);
    if (fresh) it->second = SignInAs(server_->port(), who + "@firm.test", kPassword);
    const SignedIn& s = it->second;
    Headers headers = {{"Cookie", s.cookie}};
    if (with_csrf) headers.emplace_back("X-CSRF-Token", s.csrf);
    return headers;
  }

  //! `method` `/api/v1` + `target` as `who` ("anonymous": no session), with
  //! `body` as JSON when non-empty.
  static Reply Call(const std::string& who, const std::string& method, const std::string& target,
                    const std::string& body = "") {
    Headers headers = As(who);
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return Send(server_->port(), method, "/api/v1" + target, headers, body);
  }
  //! The reply's JSON, expecting `status`.
  static nlohmann::json Ok(const Reply& reply, int status = 200) {
    EXPECT_EQ(reply.status, status) << reply.body.substr(0, 600);
    return reply.Json();
  }
  //! The problem's first named field, or "" when it names none.
  static std::string FieldOf(const Reply& reply) {
    nlohmann::json problem = reply.Json();
    if (!problem.contains("errors") || problem["errors"].empty()) return "";
    return problem["errors"][0].value("field", "");
  }

  static inline std::string* dir_ = nullptr;
  static inline FakeClock* clock_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::map<std::string, SignedIn> sessions_;
};

class ApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-api-XXXXXX", kStartTime, service::testing::TestFirm(),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember}},
               [](const std::string& dir, TestServerOptions& options) {
                 std::filesystem::create_directories(dir + "/web");
                 std::ofstream(dir + "/web/index.html") << "<!doctype html><title>Guild</title>";
                 std::ofstream(dir + "/secret.txt") << "top secret";
                 options.static_root = dir + "/web";
               });
  }
  static void TearDownTestSuite() { StopSuite(); }

  static int64_t AuditCount() {
    return static_cast<int64_t>(server_->accounts().ListAudit(0, 500)->size());
  }
  static int64_t UserCount() { return *server_->accounts().CountUsers(); }
  static void ExpectServing() { EXPECT_EQ(Send(server_->port(), "GET", "/healthz").status, 200); }
};

}  // namespace guild::api::testing
