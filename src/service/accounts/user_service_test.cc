#include "service/accounts/user_service.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>

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
  ASSERT_EQ(sign_ins->size(), 3u);
  EXPECT_EQ((*sign_ins)[1].label, "leader");
  EXPECT_EQ((*sign_ins)[1].email, "lead@firm.test");    // the partner leading alpha
  EXPECT_EQ((*sign_ins)[2].email, "member@firm.test");  // an associate on alpha
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
  EXPECT_EQ(*accounts_->CountUsers(), 3);
}

}  // namespace
}  // namespace guild
