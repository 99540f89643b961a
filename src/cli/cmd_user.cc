// `guild user add`: creates a user from the command line (for the operator,
// who has the database in hand; recorded in the audit log as user "cli").
// The password never comes from the command line, where every user of the
// machine sees it (`ps`): it is read from an environment variable
// (GUILD_USER_PASSWORD unless --password-env names another) or, with
// --password-stdin, from the first line of standard input.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "service/accounts/breached_passwords.h"
#include "service/accounts/user_service.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::cli {
namespace {

struct UserAddFlags {
  std::string db = "guild.db";
  std::string email;
  std::string password_env = "GUILD_USER_PASSWORD";
  bool password_stdin = false;
  std::string password_flag;  // refused: visible in ps
  std::string person;
  std::string role = "member";
  std::string breached_passwords;
};

Result<std::string> ReadPassword(const UserAddFlags& flags) {
  if (!flags.password_flag.empty()) {
    return InvalidField("--password",
                        "no password on the command line (every user of the machine sees it in "
                        "ps); use --password-stdin or set " +
                            flags.password_env);
  }
  std::string password;
  if (flags.password_stdin) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else if (const char* value = std::getenv(flags.password_env.c_str())) {
    password = value;
  }
  if (password.empty()) {
    return InvalidField("--password-stdin",
                        "the new user's password on standard input, or in the environment "
                        "variable " +
                            flags.password_env);
  }
  return password;
}

int AddUser(const UserAddFlags& flags) {
  auto password = ReadPassword(flags);
  if (!password.ok()) return Fail(password.status());
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
  PasswordOptions password_options;
  if (!flags.breached_passwords.empty()) {
    auto breached = BreachedPasswords::Open(flags.breached_passwords);
    if (!breached.ok()) return Fail(breached.status());
    password_options.breached = *breached;
  }
  UserService users(**accounts, snapshots, audit, clock, password_options);
  const Principal operator_principal{"cli", UserRole::kAdministrator, ""};
  auto created =
      users.Create(operator_principal, NewUser{flags.email, *password, flags.person, *role});
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
  add->add_flag("--password-stdin", flags->password_stdin,
                "Read the password (8 to 1024 characters) from the first line of standard input");
  add->add_option("--password-env", flags->password_env,
                  "Environment variable holding the password (default GUILD_USER_PASSWORD)");
  add->add_option("--password", flags->password_flag)->group("");  // refused, with a reason
  add->add_option("--person", flags->person, "Id of the person this user is");
  add->add_option("--role", flags->role, "administrator, firm_leader or member (default)");
  add->add_option("--breached-passwords", flags->breached_passwords,
                  "Refuse a password on this list of breached passwords (Have I Been Pwned's "
                  "SHA-1 list ordered by hash; docs/SECURITY.md)");
  add->callback([flags, &exit_code] { exit_code = AddUser(*flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(user, RegisterUser)

}  // namespace guild::cli
