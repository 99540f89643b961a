#include "service/accounts/user_service.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>
#include <tuple>

#include "service/accounts/session_service.h"
#include "service/testing/test_firm.h"

namespace guild {
namespace {

class UserServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status opened = world_.Open("guild-users");
    ASSERT_TRUE(opened.ok()) << opened.ToString();
    accounts_ = world_.accounts();
    holder_ = world_.holder();
    audit_ = std::make_unique<AuditLog>(*accounts_, clock_);
    users_ = std::make_unique<UserService>(*accounts_, *holder_, *audit_, clock_,
                                           MinimumPasswordOptions());
  }

  service::testing::SnapshotWorld world_{service::testing::TestFirm()};
  FakeClock clock_{5000};
  AccountStore* accounts_ = nullptr;
  SnapshotHolder* holder_ = nullptr;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<UserService> users_;
  Principal admin_{"u-admin", UserRole::kAdministrator, ""};
  Principal member_{"u-member", UserRole::kMember, "member"};
};

TEST_F(UserServiceTest, AdministratorCreatesAUserLinkedToAPerson) {
  auto created =
      users_->Create(admin_, {"Liam@Firm.test", "password-1", "lead", UserRole::kMember});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->user.email, "liam@firm.test");
  EXPECT_EQ(created->name, "Liam Lead");
  EXPECT_TRUE(created->leads_teams);
  EXPECT_TRUE(VerifyPassword(created->user.password_hash, "password-1"));
  auto audit = accounts_->ListAudit(0, 10);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "user.create");
  EXPECT_EQ((*audit)[0].user_id, "u-admin");
  EXPECT_EQ((*audit)[0].entity_id, created->user.id);
  EXPECT_EQ((*audit)[0].at, 5000);
}

TEST_F(UserServiceTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    NewUser input;
    StatusCode code;
    std::string field;
  };
  std::vector<Case> cases = {
      {{"not-an-email", "password-1", "", UserRole::kMember},
       StatusCode::kInvalidArgument,
       "email"},
      {{"a@firm.test", "short", "", UserRole::kMember}, StatusCode::kInvalidArgument, "password"},
      {{"a@firm.test", "password-1", "ghost", UserRole::kMember},
       StatusCode::kInvalidArgument,
       "person_id"},
  };
  for (const Case& c : cases) {
    auto result = users_->Create(admin_, c.input);
    EXPECT_EQ(result.status().code(), c.code) << c.field;
    EXPECT_TRUE(result.status().message().starts_with(c.field)) << result.status().message();
  }
  EXPECT_EQ(*accounts_->CountUsers(), 0);
  EXPECT_TRUE(accounts_->ListAudit(0, 10)->empty());
}

TEST_F(UserServiceTest, OnlyAdministratorsManageUsers) {
  EXPECT_EQ(users_->Create(member_, {"a@firm.test", "password-1", "", UserRole::kAdministrator})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->List(member_, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->Update(member_, "x", {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(*accounts_->CountUsers(), 0);
}

TEST_F(UserServiceTest, DuplicateEmailIsAConflict) {
  ASSERT_TRUE(users_->Create(admin_, {"a@firm.test", "password-1", "", UserRole::kMember}).ok());
  EXPECT_EQ(
      users_->Create(admin_, {"A@firm.test", "password-2", "", UserRole::kMember}).status().code(),
      StatusCode::kAlreadyExists);
}

TEST_F(UserServiceTest, UpdateChangesRoleAndPasswordChangeEndsSessions) {
  auto created = users_->Create(admin_, {"a@firm.test", "password-1", "", UserRole::kMember});
  ASSERT_TRUE(created.ok());
  const std::string id = created->user.id;
  ASSERT_TRUE(accounts_->CreateSession({"h", id, "c", 5000, 5000}).ok());
  UserPatch patch;
  patch.role = UserRole::kFirmLeader;
  patch.password = "password-2";
  auto updated = users_->Update(admin_, id, patch);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->user.role, UserRole::kFirmLeader);
  EXPECT_TRUE(VerifyPassword(updated->user.password_hash, "password-2"));
  EXPECT_FALSE(accounts_->FindSession("h")->has_value());
  EXPECT_EQ(users_->Update(admin_, "nobody", patch).status().code(), StatusCode::kNotFound);
}

// Issue 27 item 7: the last administrator could demote itself, leaving no
// one to manage users.
TEST_F(UserServiceTest, TheLastActiveAdministratorCannotBeDemotedOrDisabled) {
  auto first = users_->Create(admin_, {"a1@firm.test", "password-1", "", UserRole::kAdministrator});
  ASSERT_TRUE(first.ok());
  const Principal self = PrincipalOf(first->user);
  UserPatch demote;
  demote.role = UserRole::kMember;
  UserPatch disable;
  disable.disabled = true;
  EXPECT_EQ(users_->Update(self, self.user_id, demote).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(users_->Update(self, self.user_id, disable).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ((*accounts_->FindUserById(self.user_id))->role, UserRole::kAdministrator);
  // A disabled administrator does not count.
  auto second = users_->Create(self, {"a2@firm.test", "password-2", "", UserRole::kAdministrator});
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(users_->Update(self, second->user.id, disable).ok());
  EXPECT_EQ(users_->Update(self, self.user_id, demote).status().code(),
            StatusCode::kFailedPrecondition);
  // With another active administrator, either may step down.
  UserPatch enable;
  enable.disabled = false;
  ASSERT_TRUE(users_->Update(self, second->user.id, enable).ok());
  EXPECT_TRUE(users_->Update(self, self.user_id, demote).ok());
}

// Issue 27 item 5: a token kept working after an administrator reset the
// password and after disable/re-enable; administrators could not list or
// revoke other users' tokens.
TEST_F(UserServiceTest, PasswordResetAndDisablingRevokeTokensAndAdministratorsRevokeAny) {
  auto created = users_->Create(admin_, {"a@firm.test", "password-1", "", UserRole::kMember});
  ASSERT_TRUE(created.ok());
  const std::string id = created->user.id;
  auto make_token = [&](const std::string& token_id) {
    ASSERT_TRUE(
        accounts_->CreateApiToken({token_id, id, "ci", "hash-" + token_id, 5000, std::nullopt})
            .ok());
  };
  make_token("t1");
  make_token("t2");
  auto listed = users_->ListTokens(admin_, id);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2u);
  EXPECT_EQ(users_->ListTokens(member_, id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->RevokeToken(member_, id, "t1").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->ListTokens(admin_, "nobody").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(users_->RevokeToken(admin_, id, "t1").ok());
  EXPECT_EQ(users_->RevokeToken(admin_, id, "t1").code(), StatusCode::kNotFound);
  EXPECT_EQ(users_->ListTokens(admin_, id)->size(), 1u);
  EXPECT_EQ((*accounts_->ListAudit(0, 1))[0].action, "token.revoke");

  UserPatch reset;
  reset.password = "password-2";
  ASSERT_TRUE(users_->Update(admin_, id, reset).ok());
  EXPECT_TRUE(users_->ListTokens(admin_, id)->empty());

  make_token("t3");
  UserPatch disable;
  disable.disabled = true;
  ASSERT_TRUE(users_->Update(admin_, id, disable).ok());
  UserPatch enable;
  enable.disabled = false;
  ASSERT_TRUE(users_->Update(admin_, id, enable).ok());
  EXPECT_TRUE(users_->ListTokens(admin_, id)->empty());  // re-enabling brings none back
  EXPECT_FALSE(accounts_->FindApiTokenByHash("hash-t3")->has_value());
}

TEST_F(UserServiceTest, ListPagesThroughEveryUserOnce) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(users_
                    ->Create(admin_, {"u" + std::to_string(i) + "@firm.test", "password-1", "",
                                      UserRole::kMember})
                    .ok());
  }
  std::set<std::string> seen;
  PageRequest page{3, ""};
  int pages = 0;
  do {
    auto result = users_->List(admin_, page);
    ASSERT_TRUE(result.ok());
    for (const auto& view : result->items) EXPECT_TRUE(seen.insert(view.user.id).second);
    page.cursor = result->next_cursor;
    ++pages;
  } while (!page.cursor.empty());
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(pages, 3);
}

TEST_F(UserServiceTest, FirstAdministratorOnlyOnce) {
  auto admin = CreateFirstAdministrator(*accounts_, clock_, "root@firm.test", "password-1",
                                        MinimumPasswordOptions());
  ASSERT_TRUE(admin.ok());
  EXPECT_EQ(admin->role, UserRole::kAdministrator);
  EXPECT_EQ(CreateFirstAdministrator(*accounts_, clock_, "two@firm.test", "password-1",
                                     MinimumPasswordOptions())
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(UserServiceTest, DemoUsersSignInAsALeaderAndAMemberOfTheirTeam) {
  auto sign_ins =
      CreateDemoUsers(service::testing::TestFirm(), *accounts_, clock_, MinimumPasswordOptions());
  ASSERT_TRUE(sign_ins.ok()) << sign_ins.status().ToString();
  ASSERT_EQ(sign_ins->size(), 5u);
  EXPECT_EQ((*sign_ins)[1].label, "leader");
  EXPECT_EQ((*sign_ins)[1].email, "lead@firm.test");  // the partner leading alpha
  // On alpha and on the account team too (preferred over the associate who
  // is on alpha alone: the member persona has goals and roles to show).
  EXPECT_EQ((*sign_ins)[2].email, "peer@firm.test");
  AuditLog audit(*accounts_, clock_);
  SessionOptions options;
  options.password = MinimumPasswordOptions();
  SessionService sessions(*accounts_, audit, clock_, options);
  for (const DemoSignIn& s : *sign_ins) {
    EXPECT_TRUE(sessions.SignIn(s.email, s.password, "local").ok()) << s.label;
  }
  // Running it again resets rather than fails.
  EXPECT_TRUE(
      CreateDemoUsers(service::testing::TestFirm(), *accounts_, clock_, MinimumPasswordOptions())
          .ok());
  EXPECT_EQ(*accounts_->CountUsers(), 5);
}

// One sign-in per persona, each with the role that persona needs: the
// engagement leader leads an engagement (a member, leading is derived), the
// firm leader is a partner on no team with the firm leader's role.
TEST_F(UserServiceTest, DemoUsersCoverEveryPersonaWithItsRole) {
  auto sign_ins =
      CreateDemoUsers(service::testing::TestFirm(), *accounts_, clock_, MinimumPasswordOptions());
  ASSERT_TRUE(sign_ins.ok()) << sign_ins.status().ToString();
  const std::vector<std::tuple<std::string, std::string, UserRole>> expected = {
      {"administrator", "admin@demo.guild.dev", UserRole::kAdministrator},
      {"leader", "lead@firm.test", UserRole::kMember},
      {"member", "peer@firm.test", UserRole::kMember},
      {"engagement-leader", "englead@firm.test", UserRole::kMember},  // leads e1
      {"firm-leader", "firmlead@firm.test", UserRole::kFirmLeader},   // the partner on no team
  };
  ASSERT_EQ(sign_ins->size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [label, email, role] = expected[i];
    EXPECT_EQ((*sign_ins)[i].label, label);
    EXPECT_EQ((*sign_ins)[i].email, email) << label;
    auto user = accounts_->FindUserByEmail(email);
    ASSERT_TRUE(user.ok() && user->has_value()) << label;
    EXPECT_EQ((*user)->role, role) << label;
  }
}

// The team leader is one with open seats to staff when a team that runs
// check-ins has one (lead2, leading beta, leads e2 with two seats open of
// three), even over a larger team; the engagement leader is then the other
// person leading an engagement.
TEST_F(UserServiceTest, DemoLeaderHasOpenSeatsToStaff) {
  FirmData firm = service::testing::TestFirm();
  const Date today = clock_.Today();
  firm.engagements.mut().push_back({"e2", "c1", "Tax 2025", "lead2", AddDays(today, -30),
                                    AddDays(today, 90), EngagementStatus::kConfirmed});
  Opening o;
  o.id = "o2";
  o.engagement_id = "e2";
  o.title = "Tax senior";
  o.hours_per_week = 20;
  o.start = today;
  o.end = AddDays(today, 60);
  o.headcount = 3;
  firm.openings.mut().push_back(o);
  firm.assignments.mut().push_back(
      {"a2", "outsider", "o2", 20, today, AddDays(today, 60), AssignmentStatus::kConfirmed});
  auto sign_ins = CreateDemoUsers(firm, *accounts_, clock_, MinimumPasswordOptions());
  ASSERT_TRUE(sign_ins.ok()) << sign_ins.status().ToString();
  EXPECT_EQ((*sign_ins)[1].email, "lead2@firm.test");
  EXPECT_EQ((*sign_ins)[2].email, "outsider@firm.test");
  EXPECT_EQ((*sign_ins)[3].email, "englead@firm.test");
  // Once the seats are filled (or the opening has ended), the larger team wins again.
  firm.assignments.mut().push_back(
      {"a3", "peer", "o2", 20, today, AddDays(today, 60), AssignmentStatus::kTentative});
  firm.assignments.mut().push_back(
      {"a4", "member", "o2", 20, today, AddDays(today, 60), AssignmentStatus::kTentative});
  sign_ins = CreateDemoUsers(firm, *accounts_, clock_, MinimumPasswordOptions());
  ASSERT_TRUE(sign_ins.ok()) << sign_ins.status().ToString();
  EXPECT_EQ((*sign_ins)[1].email, "lead@firm.test");
}

// The demo firm's account and engagement teams run no check-ins: the
// sign-ins come from a team that does, even a smaller one.
TEST_F(UserServiceTest, DemoUsersComeFromATeamThatRunsCheckins) {
  FirmData firm = service::testing::TestFirm();
  for (Team& t : firm.teams.mut()) {
    if (t.id != "beta") t.checkin_cadence_days = 0;
  }
  auto sign_ins = CreateDemoUsers(firm, *accounts_, clock_, MinimumPasswordOptions());
  ASSERT_TRUE(sign_ins.ok()) << sign_ins.status().ToString();
  EXPECT_EQ((*sign_ins)[1].email, "lead2@firm.test");     // leads beta
  EXPECT_EQ((*sign_ins)[2].email, "outsider@firm.test");  // beta's member
}

}  // namespace
}  // namespace guild
