// The two backends of BackupDatabase and RestoreDatabase (store/backup.h).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "store/backup.h"

namespace guild::store::internal {

Status SqliteBackup(const BackupOptions& options);
Status SqliteRestore(const RestoreOptions& options);
Status PostgresBackup(const BackupOptions& options);
Status PostgresRestore(const RestoreOptions& options);

//! Runs a program (found on PATH) with `args` and waits for it. OK when it
//! exits 0; otherwise an error naming the program and carrying the last
//! lines it wrote to stderr. Its stdout is returned.
Result<std::string> RunTool(const std::vector<std::string>& args);

//! Removes a file it was given unless Keep() was called: the partial output
//! of a failed backup or restore.
class PartialFile {
 public:
  explicit PartialFile(std::string path) : path_(std::move(path)) {}
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  //! Renames the file to `target` (atomically, same folder); from then on
  //! it is not removed.
  Status RenameTo(const std::string& target);

 private:
  std::string path_;
  bool kept_ = false;
};

}  // namespace guild::store::internal
