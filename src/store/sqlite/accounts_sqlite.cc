// AccountStore on SQLite: its own connection to the store's file, WAL mode,
// every call serialised by one mutex.
#include <sqlite3.h>

#include <mutex>
#include <string>

#include "store/internal/account_backends.h"
#include "store/sqlite/accounts_sqlite_db.h"

namespace guild::internal {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kAccountSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS guild_account_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS guild_users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
  person_id TEXT NOT NULL, role TEXT NOT NULL, disabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS guild_sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id),
  csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS guild_sessions_user ON guild_sessions(user_id);
CREATE TABLE IF NOT EXISTS guild_api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, last_used_at INTEGER);
CREATE TABLE IF NOT EXISTS guild_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_id TEXT NOT NULL,
  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS guild_data_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
INSERT OR IGNORE INTO guild_data_version (id, version) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS guild_staffing_plans (
  id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL, created_at INTEGER NOT NULL,
  accepted INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS guild_staffing_plans_created ON guild_staffing_plans(created_at);
)sql";

constexpr const char* kUserColumns =
    "id, email, password_hash, person_id, role, disabled, created_at";

UserRecord ReadUser(const SqliteStatement& s) {
  UserRecord u;
  u.id = s.Text(0);
  u.email = s.Text(1);
  u.password_hash = s.Text(2);
  u.person_id = s.Text(3);
  u.role = ParseUserRole(s.Text(4)).value_or(UserRole::kMember);
  u.disabled = s.Int(5) != 0;
  u.created_at = s.Int(6);
  return u;
}

ApiTokenRecord ReadToken(const SqliteStatement& s) {
  return ApiTokenRecord{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.OptionalInt(5)};
}

AuditEntry ReadAudit(const SqliteStatement& s) {
  return AuditEntry{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)};
}

const char* SynchronousPragma(Durability durability) {
  switch (durability) {
    case Durability::kFull: return "PRAGMA synchronous=FULL;";
    case Durability::kNormal: return "PRAGMA synchronous=NORMAL;";
    case Durability::kOff: return "PRAGMA synchronous=OFF;";
  }
  return "PRAGMA synchronous=FULL;";
}

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(sqlite3* db) : db_(db) {}
  ~SqliteAccountStore() override { sqlite3_close_v2(db_); }

  Status Init(Durability durability) {
    std::lock_guard lock(mu_);
    RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"));
    RETURN_IF_ERROR(Exec(SynchronousPragma(durability)));
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE;"));
    Status status = Exec(kSchema);
    if (status.ok()) status = CheckSchemaVersion();
    if (!status.ok()) {
      Exec("ROLLBACK;").IgnoreError();
      return status;
    }
    return Exec("COMMIT;");
  }

  Status CreateUser(const UserRecord& u) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "INSERT INTO guild_users VALUES (?, ?, ?, ?, ?, ?, ?)");
    BindUser(s, u);
    return s.Run();
  }

  Status UpdateUser(const UserRecord& u) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "UPDATE guild_users SET email = ?2, password_hash = ?3, person_id = ?4, "
                      "role = ?5, disabled = ?6, created_at = ?7 WHERE id = ?1");
    BindUser(s, u);
    RETURN_IF_ERROR(s.Run());
    if (sqlite3_changes(db_) == 0) return NotFound("user " + u.id + ": no such user");
    return OkStatus();
  }

  Result<std::optional<UserRecord>> FindUserById(std::string_view id) override {
    return FindUser("id", id);
  }
  Result<std::optional<UserRecord>> FindUserByEmail(std::string_view email) override {
    return FindUser("email", email);
  }

  Result<std::vector<UserRecord>> ListUsers(std::string_view after_id, int limit) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, std::string("SELECT ") + kUserColumns +
                               " FROM guild_users WHERE id > ? ORDER BY id LIMIT ?");
    s.Bind(1, after_id);
    s.Bind(2, int64_t{limit});
    std::vector<UserRecord> users;
    while (s.Step()) users.push_back(ReadUser(s));
    RETURN_IF_ERROR(s.status());
    return users;
  }

  Result<int64_t> CountUsers() override { return QueryInt("SELECT COUNT(*) FROM guild_users"); }

  Status CreateSession(const SessionRecord& r) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "INSERT INTO guild_sessions VALUES (?, ?, ?, ?, ?)");
    s.Bind(1, r.token_hash);
    s.Bind(2, r.user_id);
    s.Bind(3, r.csrf_token);
    s.Bind(4, r.created_at);
    s.Bind(5, r.last_seen_at);
    return s.Run();
  }

  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at "
                      "FROM guild_sessions WHERE token_hash = ?");
    s.Bind(1, token_hash);
    std::optional<SessionRecord> found;
    if (s.Step()) found = SessionRecord{s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4)};
    RETURN_IF_ERROR(s.status());
    return found;
  }

  Status TouchSession(std::string_view token_hash, int64_t at) override {
    return Write("UPDATE guild_sessions SET last_seen_at = ?2 WHERE token_hash = ?1", token_hash,
                 at);
  }
  Status DeleteSession(std::string_view token_hash) override {
    return Write("DELETE FROM guild_sessions WHERE token_hash = ?", token_hash);
  }
  Status DeleteUserSessions(std::string_view user_id) override {
    return Write("DELETE FROM guild_sessions WHERE user_id = ?", user_id);
  }

  Status CreateApiToken(const ApiTokenRecord& t) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "INSERT INTO guild_api_tokens VALUES (?, ?, ?, ?, ?, ?)");
    s.Bind(1, t.id);
    s.Bind(2, t.user_id);
    s.Bind(3, t.name);
    s.Bind(4, t.token_hash);
    s.Bind(5, t.created_at);
    s.BindOptional(6, t.last_used_at);
    return s.Run();
  }

  Result<std::optional<ApiTokenRecord>> FindApiTokenByHash(std::string_view hash) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, std::string(kTokenSelect) + " WHERE token_hash = ?");
    s.Bind(1, hash);
    std::optional<ApiTokenRecord> found;
    if (s.Step()) found = ReadToken(s);
    RETURN_IF_ERROR(s.status());
    return found;
  }

  Result<std::vector<ApiTokenRecord>> ListApiTokens(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, std::string(kTokenSelect) + " WHERE user_id = ? ORDER BY id");
    s.Bind(1, user_id);
    std::vector<ApiTokenRecord> tokens;
    while (s.Step()) tokens.push_back(ReadToken(s));
    RETURN_IF_ERROR(s.status());
    return tokens;
  }

  Status DeleteApiToken(std::string_view user_id, std::string_view id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "DELETE FROM guild_api_tokens WHERE user_id = ? AND id = ?");
    s.Bind(1, user_id);
    s.Bind(2, id);
    RETURN_IF_ERROR(s.Run());
    if (sqlite3_changes(db_) == 0) return NotFound("token " + std::string(id) + ": no such token");
    return OkStatus();
  }

  Status TouchApiToken(std::string_view id, int64_t at) override {
    return Write("UPDATE guild_api_tokens SET last_used_at = ?2 WHERE id = ?1", id, at);
  }

  Result<int64_t> AppendAudit(const AuditEntry& e) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "INSERT INTO guild_audit (at, user_id, action, entity, entity_id, detail) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    s.Bind(1, e.at);
    s.Bind(2, e.user_id);
    s.Bind(3, e.action);
    s.Bind(4, e.entity);
    s.Bind(5, e.entity_id);
    s.Bind(6, e.detail);
    RETURN_IF_ERROR(s.Run());
    return int64_t{sqlite3_last_insert_rowid(db_)};
  }

  Result<std::vector<AuditEntry>> ListAudit(int64_t before_seq, int limit) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "SELECT seq, at, user_id, action, entity, entity_id, detail FROM guild_audit "
                      "WHERE (?1 = 0 OR seq < ?1) ORDER BY seq DESC LIMIT ?2");
    s.Bind(1, before_seq);
    s.Bind(2, int64_t{limit});
    std::vector<AuditEntry> entries;
    while (s.Step()) entries.push_back(ReadAudit(s));
    RETURN_IF_ERROR(s.status());
    return entries;
  }

  Result<int64_t> DataVersion() override {
    return QueryInt("SELECT version FROM guild_data_version WHERE id = 1");
  }
  Result<int64_t> BumpDataVersion() override {
    return QueryInt(
        "UPDATE guild_data_version SET version = version + 1 WHERE id = 1 RETURNING version");
  }

  Status CreateStaffingPlan(const StaffingPlanRecord& p) override {
    return Write("INSERT INTO guild_staffing_plans VALUES (?, ?, ?, ?, ?)", p.id, p.owner_user_id,
                 p.created_at, int64_t{p.accepted ? 1 : 0}, p.payload);
  }

  Result<std::optional<StaffingPlanRecord>> FindStaffingPlan(std::string_view id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "SELECT id, owner_user_id, created_at, accepted, payload "
                      "FROM guild_staffing_plans WHERE id = ?");
    s.Bind(1, id);
    std::optional<StaffingPlanRecord> found;
    if (s.Step()) {
      found = StaffingPlanRecord{s.Text(0), s.Text(1), s.Int(2), s.Int(3) != 0, s.Text(4)};
    }
    RETURN_IF_ERROR(s.status());
    return found;
  }

  Result<std::optional<bool>> StaffingPlanAccepted(std::string_view id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "SELECT accepted FROM guild_staffing_plans WHERE id = ?");
    s.Bind(1, id);
    std::optional<bool> accepted;
    if (s.Step()) accepted = s.Int(0) != 0;
    RETURN_IF_ERROR(s.status());
    return accepted;
  }

  Result<bool> ClaimStaffingPlan(std::string_view id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_,
                      "UPDATE guild_staffing_plans SET accepted = 1 WHERE id = ? AND accepted = 0");
    s.Bind(1, id);
    RETURN_IF_ERROR(s.Run());
    if (sqlite3_changes(db_) == 1) return true;
    SqliteStatement exists(db_, "SELECT 1 FROM guild_staffing_plans WHERE id = ?");
    exists.Bind(1, id);
    const bool found = exists.Step();
    RETURN_IF_ERROR(exists.status());
    if (!found) return NotFound("staffing plan " + std::string(id));
    return false;
  }

  Status ReleaseStaffingPlan(std::string_view id) override {
    return Write("UPDATE guild_staffing_plans SET accepted = 0 WHERE id = ?", id);
  }

  Result<int64_t> DeleteStaffingPlansBefore(int64_t created_at) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, "DELETE FROM guild_staffing_plans WHERE created_at < ?");
    s.Bind(1, created_at);
    RETURN_IF_ERROR(s.Run());
    return int64_t{sqlite3_changes(db_)};
  }

 private:
  static constexpr const char* kTokenSelect =
      "SELECT id, user_id, name, token_hash, created_at, last_used_at FROM guild_api_tokens";

  Status Exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc == SQLITE_OK) return OkStatus();
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Internal("account schema: " + message);
  }

  Status CheckSchemaVersion() {
    SqliteStatement read(db_, "SELECT MAX(version) FROM guild_account_schema");
    std::optional<int64_t> version;
    if (read.Step()) version = read.OptionalInt(0);
    RETURN_IF_ERROR(read.status());
    if (version && *version > kAccountSchemaVersion) {
      return FailedPrecondition("account schema version " + std::to_string(*version) +
                                " is newer than this build's " +
                                std::to_string(kAccountSchemaVersion));
    }
    if (version) return OkStatus();
    SqliteStatement write(db_, "INSERT INTO guild_account_schema (version) VALUES (?)");
    write.Bind(1, int64_t{kAccountSchemaVersion});
    return write.Run();
  }

  static void BindUser(SqliteStatement& s, const UserRecord& u) {
    s.Bind(1, u.id);
    s.Bind(2, u.email);
    s.Bind(3, u.password_hash);
    s.Bind(4, u.person_id);
    s.Bind(5, ToString(u.role));
    s.Bind(6, int64_t{u.disabled ? 1 : 0});
    s.Bind(7, u.created_at);
  }

  Result<std::optional<UserRecord>> FindUser(const char* column, std::string_view value) {
    std::lock_guard lock(mu_);
    SqliteStatement s(
        db_, std::string("SELECT ") + kUserColumns + " FROM guild_users WHERE " + column + " = ?");
    s.Bind(1, value);
    std::optional<UserRecord> found;
    if (s.Step()) found = ReadUser(s);
    RETURN_IF_ERROR(s.status());
    return found;
  }

  Result<int64_t> QueryInt(const char* sql) {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, sql);
    int64_t value = 0;
    if (s.Step()) value = s.Int(0);
    RETURN_IF_ERROR(s.status());
    RETURN_IF_ERROR(s.Run());
    return value;
  }

  template <typename... Args>
  Status Write(const char* sql, const Args&... args) {
    std::lock_guard lock(mu_);
    SqliteStatement s(db_, sql);
    int index = 0;
    (s.Bind(++index, args), ...);
    return s.Run();
  }

  std::mutex mu_;
  sqlite3* db_;  // GUARDED_BY(mu_)
};

}  // namespace

Result<std::unique_ptr<AccountStore>> OpenSqliteAccountStore(const StoreOptions& options) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(options.url.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    if (rc == SQLITE_CANTOPEN && !options.create_if_missing) {
      return NotFound("store " + options.url + ": " + message);
    }
    return Unavailable("store " + options.url + ": " + message);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto store = std::make_unique<SqliteAccountStore>(db);
  RETURN_IF_ERROR(store->Init(options.durability));
  return std::unique_ptr<AccountStore>(std::move(store));
}

}  // namespace guild::internal
