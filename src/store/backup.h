// Backups of a whole Guild database (the firm's tables and the accounts'),
// taken while servers keep writing to it, and their restore.
//
//  - SQLite: the online backup API copies the database page by page in small
//    steps (a writer waits at most one step; WAL readers never block it).
//    A copy restarted by too many concurrent writes is finished in one read
//    transaction, which in WAL mode does not block writers either. The copy
//    is a single file (journal_mode DELETE), checked with PRAGMA
//    integrity_check and foreign_key_check before it gets its name.
//  - PostgreSQL: pg_dump in custom format (checked with pg_restore --list);
//    restore is pg_restore in one transaction.
//
// Nothing partial is left behind: a backup is written to "<out>.partial" and
// renamed when complete; a SQLite restore is built in "<db>.restoring" and
// renamed over the target; a PostgreSQL restore is one transaction. After a
// restore the schema is migrated to this build's version (as OpenStore does).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"

namespace guild {

struct BackupOptions {
  //! The database: a SQLite file path or a "postgresql://" URL.
  std::string url;
  //! The file to write; it must not exist yet.
  std::string out;
  //! SQLite: pages copied per step (each step holds the read lock briefly).
  int pages_per_step = 1024;
  //! Called after every step with pages copied so far and the total (SQLite).
  std::function<void(int64_t done, int64_t total)> progress;
};

//! Writes a consistent copy of the database named by options.url to
//! options.out. Errors: kAlreadyExists when options.out exists, kNotFound
//! when the database does not, kInvalidArgument when it is not a Guild
//! database, kInternal when the copy fails its checks or a tool fails (the
//! message names the file and what is wrong).
Status BackupDatabase(const BackupOptions& options);

struct RestoreOptions {
  //! The database to restore into: a SQLite file path or a "postgresql://" URL.
  std::string url;
  //! A file written by BackupDatabase (same backend).
  std::string from;
  //! Replace a database that holds rows. The servers on it must be stopped.
  bool force = false;
};

//! Restores options.from into options.url, then migrates its schema to this
//! build's version. Errors: kNotFound for a missing backup file,
//! kInvalidArgument for a file that is not a Guild backup of this backend,
//! kFailedPrecondition when the target holds rows and !options.force (or,
//! on PostgreSQL, holds tables the backup lacks) or the backup's schema is
//! newer than this build.
Status RestoreDatabase(const RestoreOptions& options);

}  // namespace guild
