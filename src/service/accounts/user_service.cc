#include "service/accounts/user_service.h"

#include "service/accounts/session_service.h"

namespace guild {
namespace {

std::string NewUserId() { return GenerateToken("usr_").substr(0, 20); }

// The linked person must exist in the firm's data.
Status CheckPerson(std::string_view person_id, const FirmSnapshot& snapshot) {
  if (person_id.empty() || snapshot.FindPerson(person_id) != nullptr) return OkStatus();
  return InvalidField("person_id", "the id of a person in the firm", std::string(person_id));
}

std::string PatchDetail(const UserPatch& patch) {
  std::string detail;
  if (patch.role) detail += "role=" + std::string(ToString(*patch.role)) + " ";
  if (patch.disabled) detail += std::string("disabled=") + (*patch.disabled ? "true " : "false ");
  if (patch.password) detail += "password changed ";
  if (!detail.empty()) detail.pop_back();
  return detail;
}

bool ActiveAdministrator(const UserRecord& user) {
  return user.role == UserRole::kAdministrator && !user.disabled;
}

// kFailedPrecondition when no active administrator but `except_id` exists.
Status CheckAnotherAdministrator(AccountStore& accounts, std::string_view except_id) {
  constexpr int kPage = 500;
  std::string after;
  for (;;) {
    ASSIGN_OR_RETURN(std::vector<UserRecord> users, accounts.ListUsers(after, kPage));
    for (const UserRecord& user : users) {
      if (user.id != except_id && ActiveAdministrator(user)) return OkStatus();
    }
    if (static_cast<int>(users.size()) < kPage) break;
    after = users.back().id;
  }
  return FailedPrecondition(
      "role: the last active administrator cannot be demoted or disabled; make another user an "
      "administrator first");
}

}  // namespace

UserView ViewOf(const UserRecord& user, const FirmSnapshot& snapshot) {
  UserView view{user, user.email, false};
  auto person = snapshot.PersonIndex(user.person_id);
  if (person) {
    view.name = snapshot.data().people[*person].name;
    view.leads_teams = !snapshot.TeamsLedBy(*person).empty();
  }
  return view;
}

UserService::UserService(AccountStore& accounts, SnapshotHolder& snapshots, AuditLog& audit,
                         const Clock& clock, PasswordOptions password_options)
    : accounts_(accounts),
      snapshots_(snapshots),
      audit_(audit),
      clock_(clock),
      password_options_(password_options) {}

Status UserService::CheckActor(const Principal& actor, const FirmSnapshot& snapshot) const {
  if (Authorizer(snapshot).CanManageUsers(actor)) return OkStatus();
  return PermissionDenied("managing users is for administrators");
}

Result<UserView> UserService::Create(const Principal& actor, const NewUser& input) {
  auto snapshot = snapshots_.Current();
  RETURN_IF_ERROR(CheckActor(actor, *snapshot));
  ASSIGN_OR_RETURN(std::string email, CheckEmail(input.email));
  RETURN_IF_ERROR(CheckPerson(input.person_id, *snapshot));
  ASSIGN_OR_RETURN(std::string hash, HashPassword(input.password, password_options_));
  UserRecord user{NewUserId(),        email, hash, input.person_id, input.role, false,
                  clock_.NowSeconds()};
  Status created = accounts_.CreateUser(user);
  if (created.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("email: a user with this email already exists");
  }
  RETURN_IF_ERROR(created);
  RETURN_IF_ERROR(audit_.Record(actor.user_id, "user.create", "user", user.id,
                                "role=" + std::string(ToString(user.role))));
  return ViewOf(user, *snapshot);
}

Result<UserView> UserService::Update(const Principal& actor, std::string_view user_id,
                                     const UserPatch& patch) {
  auto snapshot = snapshots_.Current();
  RETURN_IF_ERROR(CheckActor(actor, *snapshot));
  ASSIGN_OR_RETURN(std::optional<UserRecord> found, accounts_.FindUserById(user_id));
  if (!found) return NotFound("user " + std::string(user_id) + ": no such user");
  UserRecord user = *found;
  if (patch.role) user.role = *patch.role;
  if (patch.disabled) user.disabled = *patch.disabled;
  if (patch.password) {
    ASSIGN_OR_RETURN(user.password_hash, HashPassword(*patch.password, password_options_));
  }
  // Someone must be left to manage users.
  if (ActiveAdministrator(*found) && !ActiveAdministrator(user)) {
    RETURN_IF_ERROR(CheckAnotherAdministrator(accounts_, user.id));
  }
  RETURN_IF_ERROR(accounts_.UpdateUser(user));
  std::string detail = PatchDetail(patch);
  // A reset password or a disabled account ends every way in (issue 27 item 5:
  // tokens outlived both).
  if (user.disabled || patch.password) {
    RETURN_IF_ERROR(accounts_.DeleteUserSessions(user.id));
    ASSIGN_OR_RETURN(int64_t revoked, accounts_.DeleteUserApiTokens(user.id));
    if (revoked > 0) detail += " tokens revoked=" + std::to_string(revoked);
  }
  RETURN_IF_ERROR(audit_.Record(actor.user_id, "user.update", "user", user.id, detail));
  return ViewOf(user, *snapshot);
}

Result<std::vector<ApiTokenRecord>> UserService::ListTokens(const Principal& actor,
                                                            std::string_view user_id) {
  RETURN_IF_ERROR(CheckActor(actor, *snapshots_.Current()));
  ASSIGN_OR_RETURN(std::optional<UserRecord> found, accounts_.FindUserById(user_id));
  if (!found) return NotFound("user " + std::string(user_id) + ": no such user");
  return accounts_.ListApiTokens(user_id);
}

Status UserService::RevokeToken(const Principal& actor, std::string_view user_id,
                                std::string_view token_id) {
  RETURN_IF_ERROR(CheckActor(actor, *snapshots_.Current()));
  RETURN_IF_ERROR(accounts_.DeleteApiToken(user_id, token_id));
  return audit_.Record(actor.user_id, "token.revoke", "token", token_id,
                       "of user " + std::string(user_id));
}

Result<Page<UserView>> UserService::List(const Principal& actor, const PageRequest& page) {
  auto snapshot = snapshots_.Current();
  RETURN_IF_ERROR(CheckActor(actor, *snapshot));
  RETURN_IF_ERROR(CheckPageLimit(page.limit));
  std::string after;
  if (!page.cursor.empty()) {
    ASSIGN_OR_RETURN(after, DecodeCursor(page.cursor));
  }
  ASSIGN_OR_RETURN(auto users, accounts_.ListUsers(after, page.limit + 1));
  Page<UserView> result;
  if (static_cast<int>(users.size()) > page.limit) {
    users.resize(static_cast<size_t>(page.limit));
    result.next_cursor = EncodeCursor(users.back().id);
  }
  for (const UserRecord& user : users) result.items.push_back(ViewOf(user, *snapshot));
  return result;
}

Result<UserRecord> CreateFirstAdministrator(AccountStore& accounts, const Clock& clock,
                                            std::string_view email, std::string_view password,
                                            const PasswordOptions& password_options) {
  ASSIGN_OR_RETURN(int64_t users, accounts.CountUsers());
  if (users > 0) return FailedPrecondition("users already exist; add more with `guild user add`");
  ASSIGN_OR_RETURN(std::string normalized, CheckEmail(email));
  ASSIGN_OR_RETURN(std::string hash, HashPassword(password, password_options));
  UserRecord admin{NewUserId(), normalized,        hash, "", UserRole::kAdministrator,
                   false,       clock.NowSeconds()};
  RETURN_IF_ERROR(accounts.CreateUser(admin));
  AuditEntry entry{0,        clock.NowSeconds(),   admin.id, "user.create", "user",
                   admin.id, "first administrator"};
  RETURN_IF_ERROR(accounts.AppendAudit(entry).status());
  return admin;
}

Result<UserRecord> CreateFirstAdministrator(const StoreOptions& options, const Clock& clock,
                                            std::string_view email, std::string_view password) {
  ASSIGN_OR_RETURN(auto accounts, OpenAccountStore(options));
  return CreateFirstAdministrator(*accounts, clock, email, password, PasswordOptions{});
}

}  // namespace guild
