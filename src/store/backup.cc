#include "store/backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "store/internal/backup_backends.h"
#include "store/internal/url.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawnp

namespace guild {

namespace store::internal {

namespace {

// Reads `fd` to its end.
std::string ReadAll(int fd) {
  std::string text;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      text.append(buffer.data(), static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  return text;
}

// The last lines of a tool's stderr, for an error message.
std::string Tail(std::string text) {
  constexpr size_t kMax = 2000;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() > kMax) text = "..." + text.substr(text.size() - kMax);
  return text;
}

}  // namespace

Result<std::string> RunTool(const std::vector<std::string>& args) {
  const std::string& program = args.at(0);
  // stdout goes to a pipe; stderr to a temporary file (read after the exit,
  // so neither pipe can fill up while the other is read).
  std::array<int, 2> out{};
  if (pipe(out.data()) != 0) return Internal("running " + program + ": pipe: " + strerror(errno));
  FILE* err = tmpfile();
  if (err == nullptr) {
    close(out[0]);
    close(out[1]);
    return Internal("running " + program + ": tmpfile: " + strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fileno(err), STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    fclose(err);
    return FailedPrecondition("cannot run " + program + ": " + strerror(spawned) +
                              " (is it installed and on PATH?)");
  }
  std::string output = ReadAll(out[0]);
  close(out[0]);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  std::string errors;
  if (fseek(err, 0, SEEK_SET) == 0) errors = ReadAll(fileno(err));
  fclose(err);
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) return output;
  const std::string how = WIFEXITED(wait_status)
                              ? "exited with status " + std::to_string(WEXITSTATUS(wait_status))
                              : "was killed by signal " + std::to_string(WTERMSIG(wait_status));
  return Internal(program + " " + how + ": " + Tail(errors));
}

PartialFile::~PartialFile() {
  if (kept_) return;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path_ + suffix, ignored);
  }
}

Status PartialFile::RenameTo(const std::string& target) {
  std::error_code error;
  std::filesystem::rename(path_, target, error);
  if (error) {
    return Internal("cannot rename '" + path_ + "' to '" + target + "': " + error.message());
  }
  kept_ = true;
  return OkStatus();
}

}  // namespace store::internal

Status BackupDatabase(const BackupOptions& options) {
  if (options.out.empty()) return InvalidArgument("backup: the output file name is empty");
  std::error_code error;
  if (std::filesystem::exists(options.out, error)) {
    return AlreadyExists("'" + options.out +
                         "' already exists: a backup never overwrites a file; choose another "
                         "name or remove it");
  }
  if (store::internal::IsPostgresUrl(options.url)) return store::internal::PostgresBackup(options);
  return store::internal::SqliteBackup(options);
}

Status RestoreDatabase(const RestoreOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.from, error)) {
    return NotFound("'" + options.from + "': no such backup file");
  }
  if (store::internal::IsPostgresUrl(options.url)) return store::internal::PostgresRestore(options);
  return store::internal::SqliteRestore(options);
}

}  // namespace guild
