// The `guild` program: parses the command line and runs one subcommand.
#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "common/status.h"

namespace guild::cli {

namespace {
std::vector<std::pair<std::string, RegisterFn>>& Registrations() {
  static std::vector<std::pair<std::string, RegisterFn>> registrations;
  return registrations;
}
}  // namespace

bool AddRegistration(const char* name, RegisterFn fn) {
  Registrations().emplace_back(name, fn);
  return true;
}

void AddDbOption(CLI::App& command, std::string& db_url) {
  command.add_option("--db", db_url,
                     "Store: a SQLite file path or a postgresql:// URL (default guild.db)");
}

CLI::App* TeamCommandGroup(CLI::App& app) {
  const auto named_team = [](CLI::App* sub) { return sub->get_name() == "team"; };
  if (const std::vector<CLI::App*> found = app.get_subcommands(named_team); !found.empty()) {
    return found.front();
  }
  CLI::App* group = app.add_subcommand(
      "team", "Teams: onboarding brief, who does what");
  group->require_subcommand(1);
  return group;
}

int ExitCodeFor(int status_code) {
  switch (static_cast<StatusCode>(status_code)) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return kExitBadInput;
    default: return kExitInternal;
  }
}

int Fail(const Status& status) {
  std::cerr << "guild: " << status.message() << "\n";
  return ExitCodeFor(static_cast<int>(status.code()));
}

}  // namespace guild::cli

int main(int argc, char** argv) {
  CLI::App app{"Guild: build teams people want to be on.", "guild"};
  app.require_subcommand(1);
  int exit_code = guild::cli::kExitOk;
  auto registrations = guild::cli::Registrations();
  std::sort(registrations.begin(), registrations.end());
  for (const auto& [name, fn] : registrations) fn(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? guild::cli::kExitOk : guild::cli::kExitBadInput;
  }
  return exit_code;
}
