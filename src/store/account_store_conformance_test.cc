// The AccountStore conformance suite, run against every backend: SQLite in a
// temp dir always, PostgreSQL through scripts/with-postgres.sh
// (account_store_postgres). Each test gets a fresh database from the store's
// test harness.
#include <gtest/gtest.h>

#include <string>

#include "store/account_store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::Backend;
using store::testing::BackendName;
using store::testing::StoreHarness;

class AccountStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    harness_ = GetParam().make();
    const Status created = harness_->Create();
    ASSERT_TRUE(created.ok()) << created.ToString();
    auto opened = OpenAccountStore({.url = harness_->url(), .durability = Durability::kOff});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  void TearDown() override { store_.reset(); }

  static UserRecord User(const std::string& id, const std::string& email) {
    return UserRecord{id, email, "$argon2id$fake", "p1", UserRole::kMember, false, 100};
  }

  std::unique_ptr<StoreHarness> harness_;
  std::unique_ptr<AccountStore> store_;
};

TEST_P(AccountStoreTest, UsersRoundTripAndStayUnique) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  EXPECT_EQ(store_->CreateUser(User("u1", "b@x.com")).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->CreateUser(User("u2", "a@x.com")).code(), StatusCode::kAlreadyExists);
  auto by_email = store_->FindUserByEmail("a@x.com");
  ASSERT_TRUE(by_email.ok());
  ASSERT_TRUE(by_email->has_value());
  EXPECT_EQ((*by_email)->id, "u1");
  EXPECT_EQ((*by_email)->person_id, "p1");
  EXPECT_EQ((*by_email)->created_at, 100);
  auto missing = store_->FindUserById("nobody");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_EQ(*store_->CountUsers(), 1);
}

TEST_P(AccountStoreTest, UpdateUserReplacesFieldsAndReportsMissing) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  UserRecord changed = User("u1", "a@x.com");
  changed.role = UserRole::kFirmLeader;
  changed.disabled = true;
  ASSERT_TRUE(store_->UpdateUser(changed).ok());
  auto found = store_->FindUserById("u1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->role, UserRole::kFirmLeader);
  EXPECT_TRUE((*found)->disabled);
  EXPECT_EQ(store_->UpdateUser(User("u9", "z@x.com")).code(), StatusCode::kNotFound);
}

TEST_P(AccountStoreTest, ListUsersPagesById) {
  for (const char* id : {"u3", "u1", "u2"}) {
    ASSERT_TRUE(store_->CreateUser(User(id, std::string(id) + "@x.com")).ok());
  }
  auto first = store_->ListUsers("", 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].id, "u1");
  EXPECT_EQ((*first)[1].id, "u2");
  auto rest = store_->ListUsers("u2", 2);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].id, "u3");
}

TEST_P(AccountStoreTest, SessionsTouchAndRevoke) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  ASSERT_TRUE(store_->CreateSession({"h1", "u1", "csrf", 10, 10}).ok());
  ASSERT_TRUE(store_->CreateSession({"h2", "u1", "csrf2", 10, 10}).ok());
  EXPECT_EQ(store_->CreateSession({"h1", "u1", "c", 1, 1}).code(), StatusCode::kAlreadyExists);
  ASSERT_TRUE(store_->TouchSession("h1", 55).ok());
  auto found = store_->FindSession("h1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->last_seen_at, 55);
  EXPECT_EQ((*found)->csrf_token, "csrf");
  ASSERT_TRUE(store_->DeleteSession("h1").ok());
  EXPECT_FALSE(store_->FindSession("h1")->has_value());
  EXPECT_TRUE(store_->FindSession("h2")->has_value());
  ASSERT_TRUE(store_->DeleteUserSessions("u1").ok());
  EXPECT_FALSE(store_->FindSession("h2")->has_value());
}

TEST_P(AccountStoreTest, ApiTokensBelongToTheirOwner) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  ASSERT_TRUE(store_->CreateUser(User("u2", "b@x.com")).ok());
  ASSERT_TRUE(store_->CreateApiToken({"t1", "u1", "ci", "hash1", 5, std::nullopt}).ok());
  EXPECT_EQ(store_->CreateApiToken({"t2", "u1", "ci", "hash1", 5, std::nullopt}).code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(store_->TouchApiToken("t1", 77).ok());
  auto found = store_->FindApiTokenByHash("hash1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->last_used_at, std::optional<int64_t>(77));
  EXPECT_EQ(store_->ListApiTokens("u1")->size(), 1u);
  EXPECT_TRUE(store_->ListApiTokens("u2")->empty());
  EXPECT_EQ(store_->DeleteApiToken("u2", "t1").code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->DeleteApiToken("u1", "t1").ok());
  EXPECT_FALSE(store_->FindApiTokenByHash("hash1")->has_value());
}

TEST_P(AccountStoreTest, ApiTokensKeepExpiryAndScopeAndAreRevokedPerUser) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  ASSERT_TRUE(store_->CreateUser(User("u2", "b@x.com")).ok());
  ASSERT_TRUE(store_
                  ->CreateApiToken({"t1", "u1", "read", "hash1", 5, std::nullopt, int64_t{900},
                                    TokenScope::kRead})
                  .ok());
  ASSERT_TRUE(store_->CreateApiToken({"t2", "u1", "write", "hash2", 5, std::nullopt}).ok());
  ASSERT_TRUE(store_->CreateApiToken({"t3", "u2", "other", "hash3", 5, std::nullopt}).ok());
  auto read = *store_->FindApiTokenByHash("hash1");
  EXPECT_EQ(read->expires_at, std::optional<int64_t>(900));
  EXPECT_EQ(read->scope, TokenScope::kRead);
  auto write = *store_->FindApiTokenByHash("hash2");
  EXPECT_EQ(write->expires_at, std::nullopt);
  EXPECT_EQ(write->scope, TokenScope::kWrite);
  auto deleted = store_->DeleteUserApiTokens("u1");
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_EQ(*deleted, 2);
  EXPECT_TRUE(store_->ListApiTokens("u1")->empty());
  EXPECT_EQ(store_->ListApiTokens("u2")->size(), 1u);
  EXPECT_EQ(*store_->DeleteUserApiTokens("u1"), 0);
}

TEST_P(AccountStoreTest, AuditIsNewestFirstAndPages) {
  int64_t last = 0;
  for (int i = 0; i < 3; ++i) {
    auto seq =
        store_->AppendAudit({0, 100 + i, "u1", "user.create", "user", std::to_string(i), ""});
    ASSERT_TRUE(seq.ok());
    EXPECT_GT(*seq, last);
    last = *seq;
  }
  auto newest = store_->ListAudit(0, 2);
  ASSERT_TRUE(newest.ok());
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].entity_id, "2");
  EXPECT_EQ((*newest)[1].entity_id, "1");
  auto older = store_->ListAudit((*newest)[1].seq, 10);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ((*older)[0].entity_id, "0");
  EXPECT_EQ((*older)[0].at, 100);
}

TEST_P(AccountStoreTest, StaffingPlansAreSharedClaimedOnceAndPruned) {
  const std::string payload = "guild-plan/1;0;0:" + std::string(70000, 'x');  // > one page
  ASSERT_TRUE(store_->CreateStaffingPlan({"plan_a", "u1", 100, false, payload}).ok());
  ASSERT_TRUE(store_->CreateStaffingPlan({"plan_b", "u2", 200, false, "b"}).ok());
  EXPECT_EQ(store_->CreateStaffingPlan({"plan_a", "u3", 300, false, "dup"}).code(),
            StatusCode::kAlreadyExists);
  auto found = store_->FindStaffingPlan("plan_a");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->owner_user_id, "u1");
  EXPECT_EQ((*found)->created_at, 100);
  EXPECT_FALSE((*found)->accepted);
  EXPECT_EQ((*found)->payload, payload);
  EXPECT_FALSE(store_->FindStaffingPlan("plan_zz")->has_value());

  EXPECT_EQ(*store_->StaffingPlanAccepted("plan_a"), std::optional<bool>(false));
  EXPECT_EQ(*store_->StaffingPlanAccepted("plan_zz"), std::nullopt);
  EXPECT_EQ(*store_->StaffingPlanAccepted("plan_b"), std::optional<bool>(false));
  // Claiming a plan is part of a firm commit: store_change_test.cc.

  EXPECT_EQ(*store_->DeleteStaffingPlansBefore(150), 1);
  EXPECT_FALSE(store_->FindStaffingPlan("plan_a")->has_value());
  EXPECT_TRUE(store_->FindStaffingPlan("plan_b")->has_value());
}

TEST_P(AccountStoreTest, ACalendarFeedTokenIsReplacedAndTheOldOneStopsWorking) {
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  ASSERT_TRUE(store_->CreateUser(User("u2", "b@x.com")).ok());
  EXPECT_EQ(*store_->FindCalendarFeedUser("h1"), std::nullopt);
  EXPECT_EQ(*store_->CalendarFeedCreatedAt("u1"), std::nullopt);
  ASSERT_TRUE(store_->SetCalendarFeed("u1", "h1", 100).ok());
  EXPECT_EQ(*store_->CalendarFeedCreatedAt("u1"), std::optional<int64_t>(100));
  EXPECT_EQ(*store_->CalendarFeedCreatedAt("u2"), std::nullopt);
  EXPECT_EQ(*store_->FindCalendarFeedUser("h1"), std::optional<std::string>("u1"));
  ASSERT_TRUE(store_->SetCalendarFeed("u1", "h2", 200).ok());
  EXPECT_EQ(*store_->FindCalendarFeedUser("h1"), std::nullopt);
  EXPECT_EQ(*store_->FindCalendarFeedUser("h2"), std::optional<std::string>("u1"));
  EXPECT_EQ(*store_->CalendarFeedCreatedAt("u1"), std::optional<int64_t>(200));
  EXPECT_EQ(store_->SetCalendarFeed("u2", "h2", 300).code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(store_->SetCalendarFeed("nobody", "h3", 300).ok());  // no such user
}

TEST_P(AccountStoreTest, SecondStoreOnTheDatabaseSharesIt) {
  auto second = OpenAccountStore({.url = harness_->url(), .durability = Durability::kOff});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(store_->CreateUser(User("u1", "a@x.com")).ok());
  EXPECT_EQ((*second)->CreateUser(User("u1", "b@x.com")).code(), StatusCode::kAlreadyExists);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AccountStoreTest,
                         ::testing::Values(store::testing::kSqliteBackend), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, AccountStoreTest,
                         ::testing::Values(store::testing::kPostgresBackend), BackendName);

TEST(AccountStoreSqlite, MissingFileWithoutCreateIsNotFound) {
  StoreOptions options{"/tmp/guild-no-such-dir-xyz/none.db", false, Durability::kOff};
  EXPECT_EQ(OpenAccountStore(options).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace guild
