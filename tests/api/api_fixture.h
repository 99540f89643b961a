// Test-only: the fixture shared by the API tests — a server on a free port
// over a temp SQLite store holding the test firm (service/test_firm.h), a
// static web root with a file outside it, and five users, one per role.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "api_test_support.h"
#include "service/test_firm.h"

namespace guild::api_testing {

constexpr const char* kPassword = "password-123";
constexpr int64_t kStartTime = 1'700'000'000;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char pattern[] = "/tmp/guild-api-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = new std::string(pattern);
    std::filesystem::create_directories(*dir_ + "/web");
    std::ofstream(*dir_ + "/web/index.html") << "<!doctype html><title>Guild</title>";
    std::ofstream(*dir_ + "/secret.txt") << "top secret";
    clock_ = new FakeClock(kStartTime);
    TestServerOptions options;
    options.store = {*dir_ + "/guild.db", true, Durability::kOff};
    options.static_root = *dir_ + "/web";
    {
      auto store = OpenStore(options.store);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      ASSERT_TRUE((*store)->Upsert(testing_only::TestFirm()).ok());
    }
    server_ = TestServer::Start(options, *clock_).release();
    ASSERT_NE(server_, nullptr);
    AccountStore& accounts = server_->accounts();
    AddUser(accounts, "u-admin", "admin@firm.test", kPassword, "", UserRole::kAdministrator);
    AddUser(accounts, "u-fl", "fl@firm.test", kPassword, "firmlead", UserRole::kFirmLeader);
    AddUser(accounts, "u-lead", "lead@firm.test", kPassword, "lead", UserRole::kMember);
    AddUser(accounts, "u-member", "member@firm.test", kPassword, "member", UserRole::kMember);
    AddUser(accounts, "u-out", "outsider@firm.test", kPassword, "outsider", UserRole::kMember);
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete clock_;
    delete dir_;
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
  static int64_t AuditCount() {
    return static_cast<int64_t>(server_->accounts().ListAudit(0, 500)->size());
  }
  static int64_t UserCount() { return *server_->accounts().CountUsers(); }
  static void ExpectServing() { EXPECT_EQ(Send(server_->port(), "GET", "/healthz").status, 200); }

  static inline std::string* dir_ = nullptr;
  static inline FakeClock* clock_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::map<std::string, SignedIn> sessions_;
};

}  // namespace guild::api_testing
