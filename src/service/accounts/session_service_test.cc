#include "service/accounts/session_service.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace guild {
namespace {

class SessionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/guild-session-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    auto opened = OpenAccountStore({dir_ + "/guild.db", true, Durability::kOff});
    ASSERT_TRUE(opened.ok());
    accounts_ = std::move(opened).value();
    audit_ = std::make_unique<AuditLog>(*accounts_, clock_);
    options_.password = MinimumPasswordOptions();
    options_.per_email = {3, 600, 100};
    options_.per_address = {10, 600, 100};
    sessions_ = std::make_unique<SessionService>(*accounts_, *audit_, clock_, options_);
    auto hash = HashPassword("s3cret-pass", MinimumPasswordOptions());
    ASSERT_TRUE(
        accounts_->CreateUser({"u1", "mia@firm.test", *hash, "member", UserRole::kMember, false, 0})
            .ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string dir_;
  FakeClock clock_{1'000'000};
  SessionOptions options_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<SessionService> sessions_;
};

TEST_F(SessionServiceTest, SignInOpensASessionStoredOnlyAsAHash) {
  auto signed_in = sessions_->SignIn(" MIA@firm.test ", "s3cret-pass", "10.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.status().ToString();
  EXPECT_EQ(signed_in->user.id, "u1");
  EXPECT_FALSE(accounts_->FindSession(signed_in->session_token)->has_value());
  auto stored = accounts_->FindSession(HashToken(signed_in->session_token));
  ASSERT_TRUE(stored->has_value());
  auto who = sessions_->AuthenticateSession(signed_in->session_token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->principal.person_id, "member");
  EXPECT_EQ(who->csrf_token, signed_in->csrf_token);
  EXPECT_EQ(who->method, AuthMethod::kSessionCookie);
}

TEST_F(SessionServiceTest, WrongPasswordAndUnknownEmailLookTheSame) {
  auto wrong = sessions_->SignIn("mia@firm.test", "nope-nope", "10.0.0.1");
  auto unknown = sessions_->SignIn("who@firm.test", "s3cret-pass", "10.0.0.1");
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
}

TEST_F(SessionServiceTest, FailedSignInsAreRateLimitedPerEmail) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(sessions_->SignIn("mia@firm.test", "bad-password", "10.0.0.1").status().code(),
              StatusCode::kUnauthenticated);
  }
  // Even the right password is refused while limited.
  EXPECT_EQ(sessions_->SignIn("mia@firm.test", "s3cret-pass", "10.0.0.2").status().code(),
            StatusCode::kResourceExhausted);
  clock_.Advance(600);
  EXPECT_TRUE(sessions_->SignIn("mia@firm.test", "s3cret-pass", "10.0.0.2").ok());
}

TEST_F(SessionServiceTest, SignInsAreRateLimitedPerAddress) {
  for (int i = 0; i < 10; ++i) {
    sessions_->SignIn("x" + std::to_string(i) + "@firm.test", "bad-password", "10.9.9.9")
        .status()
        .IgnoreError();
  }
  EXPECT_EQ(sessions_->SignIn("mia@firm.test", "s3cret-pass", "10.9.9.9").status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_TRUE(sessions_->SignIn("mia@firm.test", "s3cret-pass", "10.0.0.3").ok());
}

TEST_F(SessionServiceTest, SessionsExpireWhenIdle) {
  auto signed_in = sessions_->SignIn("mia@firm.test", "s3cret-pass", "a");
  ASSERT_TRUE(signed_in.ok());
  clock_.Advance(options_.idle_timeout_seconds - 1);
  ASSERT_TRUE(sessions_->AuthenticateSession(signed_in->session_token).ok());  // touches it
  clock_.Advance(options_.idle_timeout_seconds - 1);
  EXPECT_TRUE(sessions_->AuthenticateSession(signed_in->session_token).ok());
  clock_.Advance(options_.idle_timeout_seconds);
  EXPECT_EQ(sessions_->AuthenticateSession(signed_in->session_token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(SessionServiceTest, SessionsExpireAtTheAbsoluteLimitEvenWhenUsed) {
  auto signed_in = sessions_->SignIn("mia@firm.test", "s3cret-pass", "a");
  ASSERT_TRUE(signed_in.ok());
  const int64_t step = options_.idle_timeout_seconds / 2;
  int64_t elapsed = 0;
  while (elapsed + step < options_.absolute_timeout_seconds) {
    clock_.Advance(step);
    elapsed += step;
    ASSERT_TRUE(sessions_->AuthenticateSession(signed_in->session_token).ok()) << elapsed;
  }
  clock_.Advance(options_.absolute_timeout_seconds - elapsed);
  EXPECT_EQ(sessions_->AuthenticateSession(signed_in->session_token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(SessionServiceTest, SignOutRevokes) {
  auto signed_in = sessions_->SignIn("mia@firm.test", "s3cret-pass", "a");
  ASSERT_TRUE(signed_in.ok());
  ASSERT_TRUE(sessions_->SignOut(signed_in->session_token).ok());
  EXPECT_EQ(sessions_->AuthenticateSession(signed_in->session_token).status().code(),
            StatusCode::kUnauthenticated);
  auto audit = accounts_->ListAudit(0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "session.delete");
  EXPECT_EQ((*audit)[1].action, "session.create");
}

TEST_F(SessionServiceTest, DisabledUsersLoseTheirSessionsAndTokens) {
  auto signed_in = sessions_->SignIn("mia@firm.test", "s3cret-pass", "a");
  ASSERT_TRUE(signed_in.ok());
  auto token = sessions_->CreateApiToken(PrincipalOf(signed_in->user), "ci");
  ASSERT_TRUE(token.ok());
  UserRecord user = signed_in->user;
  user.disabled = true;
  ASSERT_TRUE(accounts_->UpdateUser(user).ok());
  EXPECT_EQ(sessions_->AuthenticateSession(signed_in->session_token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(sessions_->AuthenticateApiToken(token->token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(SessionServiceTest, ApiTokensAreShownOnceAndStoredHashed) {
  Principal mia{"u1", UserRole::kMember, "member"};
  auto created = sessions_->CreateApiToken(mia, "nightly export");
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->token.starts_with("gt_"));
  EXPECT_EQ(created->record.token_hash, HashToken(created->token));
  auto who = sessions_->AuthenticateApiToken(created->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->method, AuthMethod::kApiToken);
  EXPECT_TRUE(who->csrf_token.empty());
  auto listed = sessions_->ListApiTokens(mia);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].last_used_at, std::optional<int64_t>(clock_.NowSeconds()));
  Principal other{"u2", UserRole::kAdministrator, ""};
  EXPECT_EQ(sessions_->DeleteApiToken(other, created->record.id).code(), StatusCode::kNotFound);
  ASSERT_TRUE(sessions_->DeleteApiToken(mia, created->record.id).ok());
  EXPECT_EQ(sessions_->AuthenticateApiToken(created->token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(sessions_->CreateApiToken(mia, "").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SessionServiceTest, ForgedTokensAreRejected) {
  EXPECT_EQ(sessions_->AuthenticateSession("gs_forged").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(sessions_->AuthenticateSession("").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(sessions_->AuthenticateApiToken("gt_forged").status().code(),
            StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace guild
