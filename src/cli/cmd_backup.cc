// `guild backup` and `guild restore`: a consistent copy of the whole database
// (firm and accounts) while servers run on it, and its restore into an empty
// database (store/backup.h does the work; this file parses flags and shows
// progress).
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "store/backup.h"

namespace guild::cli {
namespace {

// Databases smaller than this many pages copy too fast for a progress line.
constexpr int64_t kProgressFromPages = 25'000;  // ~100 MB of 4 KiB pages

struct BackupFlags {
  std::string db = "guild.db";
  std::string out;
};

struct RestoreFlags {
  std::string db = "guild.db";
  std::string from;
  bool force = false;
};

int Backup(const BackupFlags& flags) {
  BackupOptions options{.url = flags.db, .out = flags.out};
  int shown = -1;
  options.progress = [&shown](int64_t done, int64_t total) {
    if (total < kProgressFromPages) return;
    const auto percent = static_cast<int>(done * 100 / total);
    if (percent == shown) return;
    shown = percent;
    std::cerr << "\rbackup: " << percent << "% (" << done << " of " << total << " pages)"
              << (done == total ? "\n" : "") << std::flush;
  };
  if (Status status = BackupDatabase(options); !status.ok()) return Fail(status);
  std::cout << "backup written to " << flags.out << "\n";
  return kExitOk;
}

int Restore(const RestoreFlags& flags) {
  RestoreOptions options{.url = flags.db, .from = flags.from, .force = flags.force};
  if (Status status = RestoreDatabase(options); !status.ok()) return Fail(status);
  std::cout << "restored " << flags.from << " into " << flags.db << "\n";
  return kExitOk;
}

void RegisterBackup(CLI::App& app, int& exit_code) {
  auto backup_flags = std::make_shared<BackupFlags>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Copy the whole database to a file, while servers keep running on it");
  AddDbOption(*backup, backup_flags->db);
  backup->add_option("--out", backup_flags->out, "The backup file to write (must not exist)")
      ->required();
  backup->callback([backup_flags, &exit_code] { exit_code = Backup(*backup_flags); });

  auto restore_flags = std::make_shared<RestoreFlags>();
  CLI::App* restore = app.add_subcommand(
      "restore", "Restore a backup into an empty database and migrate it to this version");
  AddDbOption(*restore, restore_flags->db);
  restore->add_option("--from", restore_flags->from, "A file written by guild backup")->required();
  restore->add_flag("--force", restore_flags->force,
                    "Replace a database that holds data (stop its servers first)");
  restore->callback([restore_flags, &exit_code] { exit_code = Restore(*restore_flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(backup, RegisterBackup)

}  // namespace guild::cli
