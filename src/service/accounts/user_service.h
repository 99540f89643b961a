// UserService: administrators create, list and change users; plus the
// bootstrap functions `guild init` and `guild demo` call.
//
// A user may be linked to a Person (person_id), which gives them their
// derived team leadership. Passwords are hashed here and never stored or
// returned in clear. Disabling a user or changing their password ends their
// sessions and revokes their API tokens (re-enabling brings neither back).
// The last active administrator can be neither demoted nor disabled.
// Administrators list and revoke any user's API tokens. Every change is
// written to the audit log.
//
// Errors: kPermissionDenied unless the authorizer lets the actor manage
// users; kInvalidArgument naming the field for bad input (email, password,
// role, person_id); kAlreadyExists for a taken email; kNotFound for an
// unknown user id or token; kFailedPrecondition for the last administrator.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/accounts/audit_log.h"
#include "service/accounts/crypto.h"
#include "service/common/paging.h"
#include "service/snapshot/snapshot_holder.h"
#include "store/account_store.h"

namespace guild {

struct NewUser {
  std::string email;
  std::string password;
  std::string person_id;  //!< empty for none; else must name a Person
  UserRole role = UserRole::kMember;
};

struct UserPatch {
  std::optional<UserRole> role;
  std::optional<bool> disabled;
  std::optional<std::string> password;
};

//! A user as shown to clients: the record plus what the firm data says.
struct UserView {
  UserRecord user;
  std::string name;          //!< the linked person's name, else the email
  bool leads_teams = false;  //!< the linked person leads at least one team
};

//! The view of `user` in `snapshot`.
UserView ViewOf(const UserRecord& user, const FirmSnapshot& snapshot);

class UserService {
 public:
  //! Every reference must outlive the service.
  UserService(AccountStore& accounts, SnapshotHolder& snapshots, AuditLog& audit,
              const Clock& clock, PasswordOptions password_options);

  [[nodiscard]] Result<UserView> Create(const Principal& actor, const NewUser& user);
  [[nodiscard]] Result<UserView> Update(const Principal& actor, std::string_view user_id,
                                        const UserPatch& patch);
  [[nodiscard]] Result<Page<UserView>> List(const Principal& actor, const PageRequest& page);
  //! The API tokens of user `user_id`, ordered by id (never their secrets).
  [[nodiscard]] Result<std::vector<ApiTokenRecord>> ListTokens(const Principal& actor,
                                                               std::string_view user_id);
  //! Revokes one token of user `user_id`.
  [[nodiscard]] Status RevokeToken(const Principal& actor, std::string_view user_id,
                                   std::string_view token_id);

 private:
  Status CheckActor(const Principal& actor, const FirmSnapshot& snapshot) const;

  AccountStore& accounts_;
  SnapshotHolder& snapshots_;
  AuditLog& audit_;
  const Clock& clock_;
  const PasswordOptions password_options_;
};

//! Creates the first administrator of a new installation (for `guild init`).
//! kFailedPrecondition when any user already exists.
Result<UserRecord> CreateFirstAdministrator(AccountStore& accounts, const Clock& clock,
                                            std::string_view email, std::string_view password,
                                            const PasswordOptions& password_options);

//! One sign-in printed by `guild demo`: "sign-in: LABEL EMAIL PASSWORD".
struct DemoSignIn {
  //! "administrator", "leader", "member", "engagement-leader", "firm-leader"
  std::string label;
  std::string email;
  std::string password;
};

//! Creates (or resets) the demo's users with known passwords, one per
//! persona, in this order:
//!  - administrator (no person; UserRole::kAdministrator);
//!  - leader: the person who leads a team, preferring in turn a team that
//!    runs check-ins, a leader with open seats to staff on the engagements
//!    they lead (so the staffing board has work for them), a member who is
//!    on another team too, a partner, an associate member, the most members;
//!  - member: a non-leading member of that team;
//!  - engagement-leader: another person leading engagements, the one with
//!    the most open seats on them (then the most engagements);
//!  - firm-leader (UserRole::kFirmLeader): another partner, the leader of
//!    the firm's own team (TeamKind::kFirm) when there is one, else the
//!    partner on the fewest teams.
//! Everyone but the firm leader and administrator is a kMember: leading is
//! derived from the firm. Open seats are counted as on the board on the
//! clock's today. kFailedPrecondition when `firm` has no team with a leader
//! and another member, no other engagement leader or no other partner (all
//! with emails).
Result<std::vector<DemoSignIn>> CreateDemoUsers(const FirmData& firm, AccountStore& accounts,
                                                const Clock& clock,
                                                const PasswordOptions& password_options);

//! Opens the account store at options.url and calls CreateDemoUsers.
Result<std::vector<DemoSignIn>> CreateDemoUsers(const FirmData& firm, const StoreOptions& options,
                                                const Clock& clock);

//! Opens the account store at options.url and calls CreateFirstAdministrator.
Result<UserRecord> CreateFirstAdministrator(const StoreOptions& options, const Clock& clock,
                                            std::string_view email, std::string_view password);

}  // namespace guild
