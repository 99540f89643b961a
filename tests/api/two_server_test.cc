// Two Guild servers on one PostgreSQL database (GUILD_TEST_PG_URL, set by
// scripts/with-postgres.sh): a write through one is visible through the other.
#include <gtest/gtest.h>

#include <thread>

#include "api_test_support.h"
#include "service/testing/test_firm.h"

namespace guild::api::testing {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(50);
constexpr int kMaxPolls = 100;  // 5 s

TEST(TwoServersTest, AWriteThroughOneIsVisibleThroughTheOther) {
  const char* url = std::getenv("GUILD_TEST_PG_URL");
  if (url == nullptr) GTEST_SKIP() << "GUILD_TEST_PG_URL not set";
  TestServerOptions options;
  options.store = {url, true, Durability::kFull};
  options.check_interval = std::chrono::milliseconds(200);  // the production default
  {
    auto store = OpenStore(options.store);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Upsert(service::testing::TestFirm()).ok());
  }
  FakeClock clock(1'700'000'000);
  auto first = TestServer::Start(options, clock);
  auto second = TestServer::Start(options, clock);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  AddUser(first->accounts(), "u-admin", "admin@firm.test", "password-123", "",
          UserRole::kAdministrator);
  SignedIn on_first = SignInAs(first->port(), "admin@firm.test", "password-123");
  SignedIn on_second = SignInAs(second->port(), "admin@firm.test", "password-123");
  ASSERT_FALSE(on_first.cookie.empty());
  ASSERT_FALSE(on_second.cookie.empty());  // accounts are shared too
  Headers reader = {{"Cookie", on_second.cookie}};
  EXPECT_EQ(Send(second->port(), "GET", "/api/v1/people/new1", reader).status, 404);

  Headers writer = {
      {"Cookie", on_first.cookie}, {"X-CSRF-Token", on_first.csrf}, {"Content-Type", "text/csv"}};
  Reply imported = Send(first->port(), "POST", "/api/v1/admin/import/people", writer,
                        "id,name,email\nnew1,Nina New,nina@firm.test\n");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Send(first->port(), "GET", "/api/v1/people/new1", {{"Cookie", on_first.cookie}}).status,
            200);  // the writer sees its write at once
  int status = 0;
  for (int poll = 0; poll < kMaxPolls && status != 200; ++poll) {
    status = Send(second->port(), "GET", "/api/v1/people/new1", reader).status;
    if (status != 200) std::this_thread::sleep_for(kPollInterval);
  }
  EXPECT_EQ(status, 200);
  // The second server applied the change from the feed; neither reloaded.
  EXPECT_EQ(second->snapshots().stats().loads, 1);
  EXPECT_GE(second->snapshots().stats().changes_applied, 1);
  EXPECT_EQ(first->snapshots().stats().loads, 1);
  // And the audit entry written through the first is read through the second.
  Reply audit = Send(second->port(), "GET", "/api/v1/admin/audit?limit=1", reader);
  EXPECT_EQ(audit.Json().value(nlohmann::json::json_pointer("/items/0/action"), ""), "import");
}

// A change is announced by its commit: a server that commits and stops
// before doing anything else (here: a commit straight on its store, no
// snapshot update, no notification) cannot hide it from the others.
TEST(TwoServersTest, ACommittedChangeCannotBeHiddenByItsServerStopping) {
  const char* url = std::getenv("GUILD_TEST_PG_URL");
  if (url == nullptr) GTEST_SKIP() << "GUILD_TEST_PG_URL not set";
  TestServerOptions options;
  options.store = {url, true, Durability::kFull};
  options.check_interval = std::chrono::milliseconds(200);
  {
    auto store = OpenStore(options.store);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Clear().ok());
    ASSERT_TRUE((*store)->Upsert(service::testing::TestFirm()).ok());
  }
  FakeClock clock(1'700'000'000);
  auto reader_server = TestServer::Start(options, clock);
  ASSERT_NE(reader_server, nullptr);
  AddUser(reader_server->accounts(), "u-admin2", "admin2@firm.test", "password-123", "",
          UserRole::kAdministrator);
  SignedIn signed_in = SignInAs(reader_server->port(), "admin2@firm.test", "password-123");
  Headers reader = {{"Cookie", signed_in.cookie}};
  {
    auto crashing = OpenStore(options.store);
    ASSERT_TRUE(crashing.ok());
    FirmChange change;
    change.upserts.people.push_back(
        service::testing::TestPerson("late1", "Lena Late", "associate", "lead"));
    ASSERT_TRUE((*crashing)->Commit(change).ok());
  }  // the "server" is gone
  int status = 0;
  for (int poll = 0; poll < kMaxPolls && status != 200; ++poll) {
    status = Send(reader_server->port(), "GET", "/api/v1/people/late1", reader).status;
    if (status != 200) std::this_thread::sleep_for(kPollInterval);
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(reader_server->snapshots().stats().loads, 1);
}

}  // namespace
}  // namespace guild::api::testing
