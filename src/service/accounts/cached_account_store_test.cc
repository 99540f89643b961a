#include "service/accounts/cached_account_store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

namespace guild {
namespace {

// Two account stores on one database play two servers: `other_` writes
// behind the cache's back, as a second Guild server would.
class CachedAccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/guild-cache-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    StoreOptions options{dir_ + "/guild.db", true, Durability::kOff};
    auto inner = OpenAccountStore(options);
    ASSERT_TRUE(inner.ok()) << inner.status().ToString();
    inner_ = std::move(inner).value();
    auto other = OpenAccountStore(options);
    ASSERT_TRUE(other.ok());
    other_ = std::move(other).value();
    cache_ = std::make_unique<CachedAccountStore>(*inner_, clock_, CredentialCacheOptions{});
    ASSERT_TRUE(cache_->CreateUser(user_).ok());
    ASSERT_TRUE(cache_->CreateApiToken({"t1", "u1", "script", "hash1", 0, std::nullopt}).ok());
    ASSERT_TRUE(cache_->CreateSession({"shash", "u1", "csrf", 0, 0}).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string dir_;
  FakeClock clock_{1'000'000};
  UserRecord user_{"u1", "mia@firm.test", "hash", "", UserRole::kMember, false, 0};
  std::unique_ptr<AccountStore> inner_;
  std::unique_ptr<AccountStore> other_;
  std::unique_ptr<CachedAccountStore> cache_;
};

TEST_F(CachedAccountStoreTest, OwnWritesAreSeenAtOnce) {
  ASSERT_TRUE((*cache_->FindUserById("u1")).has_value());
  UserRecord disabled = user_;
  disabled.disabled = true;
  ASSERT_TRUE(cache_->UpdateUser(disabled).ok());
  EXPECT_TRUE((*cache_->FindUserById("u1"))->disabled);

  ASSERT_TRUE((*cache_->FindApiTokenByHash("hash1")).has_value());
  ASSERT_TRUE(cache_->DeleteApiToken("u1", "t1").ok());
  EXPECT_FALSE((*cache_->FindApiTokenByHash("hash1")).has_value());

  ASSERT_TRUE((*cache_->FindSession("shash")).has_value());
  ASSERT_TRUE(cache_->DeleteSession("shash").ok());
  EXPECT_FALSE((*cache_->FindSession("shash")).has_value());
}

TEST_F(CachedAccountStoreTest, AnotherServersWritesAreSeenAfterTheTtl) {
  ASSERT_TRUE((*cache_->FindApiTokenByHash("hash1")).has_value());
  ASSERT_TRUE(other_->DeleteApiToken("u1", "t1").ok());
  // Within the TTL the cached answer stands; after it, the deletion shows.
  EXPECT_TRUE((*cache_->FindApiTokenByHash("hash1")).has_value());
  clock_.Advance(1);
  EXPECT_FALSE((*cache_->FindApiTokenByHash("hash1")).has_value());
}

TEST_F(CachedAccountStoreTest, TouchesUpdateTheCachedRecordInsteadOfDroppingIt) {
  ASSERT_TRUE((*cache_->FindApiTokenByHash("hash1")).has_value());
  ASSERT_TRUE(cache_->TouchApiToken("t1", 1'000'000).ok());
  auto token = *cache_->FindApiTokenByHash("hash1");
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->last_used_at, 1'000'000);
  ASSERT_TRUE(cache_->TouchSession("shash", 999).ok());
  EXPECT_EQ((*cache_->FindSession("shash"))->last_seen_at, 999);
  // The inner store has the same values.
  EXPECT_EQ((*inner_->FindApiTokenByHash("hash1"))->last_used_at, 1'000'000);
}

TEST_F(CachedAccountStoreTest, ZeroTtlPassesEverythingThrough) {
  CachedAccountStore uncached(*inner_, clock_, CredentialCacheOptions{.ttl_seconds = 0});
  ASSERT_TRUE((*uncached.FindApiTokenByHash("hash1")).has_value());
  ASSERT_TRUE(other_->DeleteApiToken("u1", "t1").ok());
  EXPECT_FALSE((*uncached.FindApiTokenByHash("hash1")).has_value());
}

}  // namespace
}  // namespace guild
