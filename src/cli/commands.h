// Subcommands of the `guild` program.
//
// Each cmd_*.cc file in this folder registers its subcommands with
// GUILD_REGISTER_COMMAND; main() adds them to the CLI11 app in name order.
// A subcommand's callback stores the program's exit code: 0 success, 1 bad
// input, 2 internal failure. Only this layer reads flags, files and the
// environment; it turns them into options structs for the services below.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common/status.h"

namespace guild::cli {

//! Exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitInternal = 2;

//! Adds one or more subcommands to `app`; their callbacks write `exit_code`.
using RegisterFn = void (*)(CLI::App& app, int& exit_code);

//! Records a registration; used by GUILD_REGISTER_COMMAND at static init.
bool AddRegistration(const char* name, RegisterFn fn);

//! Adds `--db` (a SQLite path, default guild.db, or a postgresql:// URL).
void AddDbOption(CLI::App& command, std::string& db_url);

//! The `guild team` group, made by the first file that adds a subcommand to
//! it (cmd_team.cc: brief, roles); every file adding a `team` subcommand
//! takes the group from here.
CLI::App* TeamCommandGroup(CLI::App& app);

//! Maps a Status code to the exit code: kInvalidArgument, kNotFound,
//! kAlreadyExists, kFailedPrecondition -> 1; anything else -> 2.
int ExitCodeFor(int status_code);

//! Prints "guild: <message>" to stderr and returns the exit code for `status`
//! (ExitCodeFor). REQUIRES: !status.ok().
int Fail(const Status& status);

}  // namespace guild::cli

//! In a cmd_*.cc file: GUILD_REGISTER_COMMAND(demo, RegisterDemo);
#define GUILD_REGISTER_COMMAND(name, fn)                                                          \
  namespace {                                                                                     \
  [[maybe_unused]] const bool guild_registered_##name = ::guild::cli::AddRegistration(#name, fn); \
  }
