// `guild user add`: creates a user from the command line (for the operator,
// who has the database in hand; recorded in the audit log as user "cli").
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "service/accounts/user_service.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::cli {
namespace {

struct UserAddFlags {
  std::string db = "guild.db";
  std::string email;
  std::string password;
  std::string person;
  std::string role = "member";
};

int AddUser(const UserAddFlags& flags) {
  auto role = ParseUserRole(flags.role);
  if (!role) {
    return Fail(InvalidArgument("--role: expected administrator, firm_leader or member, got '" +
                                flags.role + "'"));
  }
  StoreOptions options{flags.db, false, Durability::kFull};
  auto store = OpenStore(options);
  if (!store.ok()) return Fail(store.status());
  auto accounts = OpenAccountStore(options);
  if (!accounts.ok()) return Fail(accounts.status());
  SnapshotHolder snapshots(**store, SnapshotOptions{});
  if (Status loaded = snapshots.Load(); !loaded.ok()) return Fail(loaded);
  SystemClock clock;
  AuditLog audit(**accounts, clock);
  UserService users(**accounts, snapshots, audit, clock, PasswordOptions{});
  const Principal operator_principal{"cli", UserRole::kAdministrator, ""};
  auto created =
      users.Create(operator_principal, NewUser{flags.email, flags.password, flags.person, *role});
  if (!created.ok()) return Fail(created.status());
  std::cout << "user " << created->user.id << " " << created->user.email << " "
            << ToString(created->user.role) << "\n";
  return kExitOk;
}

void RegisterUser(CLI::App& app, int& exit_code) {
  CLI::App* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto flags = std::make_shared<UserAddFlags>();
  CLI::App* add = user->add_subcommand("add", "Create a user");
  AddDbOption(*add, flags->db);
  add->add_option("--email", flags->email, "Sign-in email")->required();
  add->add_option("--password", flags->password, "Password (8 to 1024 characters)")->required();
  add->add_option("--person", flags->person, "Id of the person this user is");
  add->add_option("--role", flags->role, "administrator, firm_leader or member (default)");
  add->callback([flags, &exit_code] { exit_code = AddUser(*flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(user, RegisterUser)

}  // namespace guild::cli
