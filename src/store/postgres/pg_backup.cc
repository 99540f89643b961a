// BackupDatabase and RestoreDatabase for PostgreSQL: pg_dump's custom format
// and pg_restore in one transaction (the postgresql-client tools).
#include <pqxx/pqxx>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/internal/backup_backends.h"
#include "store/postgres/pg_connection.h"

namespace guild::store::internal {

namespace {

// The tables of the connection's schema.
constexpr const char* kTablesSql =
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
    "AND table_type = 'BASE TABLE' ORDER BY table_name";

// The tables an archive creates, from `pg_restore --list`.
Result<std::set<std::string>> ArchiveTables(const std::string& path) {
  auto listing = RunTool({"pg_restore", "--list", path});
  if (!listing.ok()) {
    return InvalidArgument("'" + path + "' is not a pg_dump custom-format archive (" +
                           listing.status().message() + ")");
  }
  // Lines like "215; 1259 16390 TABLE public guild_people guildtest".
  std::set<std::string> tables;
  std::istringstream lines(*listing);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == ';') continue;
    std::istringstream words(line);
    std::vector<std::string> word;
    for (std::string w; words >> w;) word.push_back(w);
    if (word.size() >= 6 && word[3] == "TABLE" && word[4] != "DATA") tables.insert(word[5]);
  }
  if (tables.count("schema_migrations") == 0) {
    return InvalidArgument("'" + path + "' is not a Guild backup (no schema_migrations table)");
  }
  return tables;
}

}  // namespace

Status PostgresBackup(const BackupOptions& options) {
  auto is_guild = PgGuardResult<bool>("reading " + options.url, [&] {
    pqxx::connection conn(options.url);
    pqxx::nontransaction txn(conn);
    return !txn.exec1("SELECT to_regclass('schema_migrations') IS NULL")[0].as<bool>();
  });
  RETURN_IF_ERROR(is_guild.status());
  if (!*is_guild) {
    return InvalidArgument("the database holds no Guild schema (table schema_migrations)");
  }
  PartialFile partial(options.out + ".partial");
  auto dumped = RunTool(
      {"pg_dump", "--format=custom", "--file=" + partial.path(), "--dbname=" + options.url});
  RETURN_IF_ERROR(dumped.status());
  auto listed = ArchiveTables(partial.path());
  if (!listed.ok()) {
    return Internal("the dump '" + partial.path() +
                    "' fails its check: " + listed.status().message());
  }
  return partial.RenameTo(options.out);
}

Status PostgresRestore(const RestoreOptions& options) {
  ASSIGN_OR_RETURN(std::set<std::string> archived, ArchiveTables(options.from));
  // The target: no rows in any table, or --force with no table the backup lacks.
  auto target =
      PgGuardResult<std::vector<std::pair<std::string, bool>>>("reading " + options.url, [&] {
        pqxx::connection conn(options.url);
        pqxx::nontransaction txn(conn);
        std::vector<std::pair<std::string, bool>> tables;
        for (const auto& row : txn.exec(kTablesSql)) {
          const auto name = row[0].as<std::string>();
          const bool has_rows =
              name != "schema_migrations" &&
              txn.exec1("SELECT EXISTS (SELECT 1 FROM " + txn.quote_name(name) + ")")[0].as<bool>();
          tables.emplace_back(name, has_rows);
        }
        return tables;
      });
  RETURN_IF_ERROR(target.status());
  bool has_rows_anywhere = false;
  for (const auto& [name, has_rows] : *target) {
    if (has_rows && !options.force) {
      return FailedPrecondition("the database is not empty (table " + name +
                                " has rows): restore only into an empty database, or pass "
                                "--force to replace it (stop the servers on it first)");
    }
    has_rows_anywhere = has_rows_anywhere || has_rows;
  }
  if (has_rows_anywhere) {
    for (const auto& [name, has_rows] : *target) {
      if (archived.count(name) == 0) {
        return FailedPrecondition("the database has table " + name + ", which '" + options.from +
                                  "' lacks (made by an older schema): restore into a new, empty "
                                  "database");
      }
    }
  } else if (!target->empty()) {
    // Empty tables (a server created the schema): dropped, nothing is lost.
    RETURN_IF_ERROR(PgGuard("emptying " + options.url, [&] {
      pqxx::connection conn(options.url);
      pqxx::work txn(conn);
      for (const auto& [name, has_rows] : *target) {
        txn.exec0("DROP TABLE IF EXISTS " + txn.quote_name(name) + " CASCADE");
      }
      txn.commit();
      return OkStatus();
    }));
  }
  std::vector<std::string> args = {"pg_restore", "--single-transaction", "--exit-on-error",
                                   "--no-owner", "--no-privileges",      "--dbname=" + options.url};
  if (has_rows_anywhere) {
    args.emplace_back("--clean");
    args.emplace_back("--if-exists");
  }
  args.push_back(options.from);
  auto restored = RunTool(args);
  if (!restored.ok()) {
    return Internal("restoring '" + options.from +
                    "' (nothing was changed): " + restored.status().message());
  }
  StoreOptions migrate{options.url, false, Durability::kFull};
  auto migrated = ConnectPostgres(migrate);
  if (!migrated.ok()) {
    return Status(migrated.status().code(), "migrating the restored copy of '" + options.from +
                                                "': " + migrated.status().message());
  }
  return OkStatus();
}

}  // namespace guild::store::internal
