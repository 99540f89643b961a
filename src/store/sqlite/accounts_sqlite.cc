// AccountStore on SQLite: the account tables of the store's database (schema
// version 3, sqlite_migrations.cc), through the one SQLite connection wrapper
// (sqlite_handle.h); every call serialised by one mutex.
#include <mutex>
#include <string>

#include "store/internal/account_backends.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_handle.h"

namespace guild::store::internal {

Result<int64_t> SqliteAppendAudit(SqliteDb& db, const AuditEntry& e) {
  ASSIGN_OR_RETURN(SqliteStatement * s,
                   db.Prepare("INSERT INTO guild_audit (at, user_id, action, entity, entity_id, "
                              "detail) VALUES (?, ?, ?, ?, ?, ?)"));
  s->BindAll(e.at, e.user_id, e.action, e.entity, e.entity_id, e.detail);
  RETURN_IF_ERROR(s->Run("appending to the audit log"));
  return int64_t{sqlite3_last_insert_rowid(db.raw())};
}

Result<bool> SqliteClaimStaffingPlan(SqliteDb& db, std::string_view id) {
  ASSIGN_OR_RETURN(
      SqliteStatement * claim,
      db.Prepare("UPDATE guild_staffing_plans SET accepted = 1 WHERE id = ? AND accepted = 0"));
  claim->BindText(1, id);
  RETURN_IF_ERROR(claim->Run("claiming a staffing plan"));
  if (db.Changes() == 1) return true;
  ASSIGN_OR_RETURN(SqliteStatement * exists,
                   db.Prepare("SELECT count(*) FROM guild_staffing_plans WHERE id = ?"));
  exists->BindText(1, id);
  bool found = false;
  RETURN_IF_ERROR(exists->ForEachRow("reading a staffing plan", [&] {
    found = exists->ColumnInt(0) > 0;
    return OkStatus();
  }));
  if (!found) return NotFound("staffing plan " + std::string(id));
  return false;
}

namespace {

constexpr const char* kUserSelect =
    "SELECT id, email, password_hash, person_id, role, disabled, created_at FROM guild_users";
constexpr const char* kTokenSelect =
    "SELECT id, user_id, name, token_hash, created_at, last_used_at, expires_at, scope "
    "FROM guild_api_tokens";
constexpr const char* kSessionSelect =
    "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at FROM guild_sessions";
constexpr const char* kPlanSelect =
    "SELECT id, owner_user_id, created_at, accepted, payload FROM guild_staffing_plans";

std::string Str(const SqliteStatement& s, int column) { return std::string(s.ColumnText(column)); }

UserRecord ReadUser(const SqliteStatement& s) {
  return UserRecord{Str(s, 0),
                    Str(s, 1),
                    Str(s, 2),
                    Str(s, 3),
                    ParseUserRole(s.ColumnText(4)).value_or(UserRole::kMember),
                    s.ColumnInt(5) != 0,
                    s.ColumnInt(6)};
}

SessionRecord ReadSession(const SqliteStatement& s) {
  return SessionRecord{Str(s, 0), Str(s, 1), Str(s, 2), s.ColumnInt(3), s.ColumnInt(4)};
}

ApiTokenRecord ReadToken(const SqliteStatement& s) {
  return ApiTokenRecord{Str(s, 0),
                        Str(s, 1),
                        Str(s, 2),
                        Str(s, 3),
                        s.ColumnInt(4),
                        s.ColumnOptionalInt(5),
                        s.ColumnOptionalInt(6),
                        ParseTokenScope(s.ColumnText(7)).value_or(TokenScope::kRead)};
}

AuditEntry ReadAudit(const SqliteStatement& s) {
  return AuditEntry{s.ColumnInt(0), s.ColumnInt(1), Str(s, 2), Str(s, 3),
                    Str(s, 4),      Str(s, 5),      Str(s, 6)};
}

StaffingPlanRecord ReadPlan(const SqliteStatement& s) {
  return StaffingPlanRecord{Str(s, 0), Str(s, 1), s.ColumnInt(2), s.ColumnInt(3) != 0, Str(s, 4)};
}

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Status CreateUser(const UserRecord& u) override {
    return Write("creating user " + u.id, "INSERT INTO guild_users VALUES (?, ?, ?, ?, ?, ?, ?)",
                 u.id, u.email, u.password_hash, u.person_id, ToString(u.role), u.disabled,
                 u.created_at);
  }

  Status UpdateUser(const UserRecord& u) override {
    std::lock_guard lock(mu_);
    RETURN_IF_ERROR(Run("updating user " + u.id,
                        "UPDATE guild_users SET email = ?2, password_hash = ?3, person_id = ?4, "
                        "role = ?5, disabled = ?6, created_at = ?7 WHERE id = ?1",
                        u.id, u.email, u.password_hash, u.person_id, ToString(u.role), u.disabled,
                        u.created_at));
    if (db_->Changes() == 0) return NotFound("user " + u.id + ": no such user");
    return OkStatus();
  }

  Result<std::optional<UserRecord>> FindUserById(std::string_view id) override {
    return FindOne<UserRecord>("finding a user", std::string(kUserSelect) + " WHERE id = ?",
                               &ReadUser, id);
  }
  Result<std::optional<UserRecord>> FindUserByEmail(std::string_view email) override {
    return FindOne<UserRecord>("finding a user", std::string(kUserSelect) + " WHERE email = ?",
                               &ReadUser, email);
  }

  Result<std::vector<UserRecord>> ListUsers(std::string_view after_id, int limit) override {
    return FindAll<UserRecord>("listing users",
                               std::string(kUserSelect) + " WHERE id > ? ORDER BY id LIMIT ?",
                               &ReadUser, after_id, limit);
  }

  Result<int64_t> CountUsers() override {
    std::lock_guard lock(mu_);
    return db_->QueryInt("SELECT count(*) FROM guild_users");
  }

  Status CreateSession(const SessionRecord& r) override {
    return Write("creating a session", "INSERT INTO guild_sessions VALUES (?, ?, ?, ?, ?)",
                 r.token_hash, r.user_id, r.csrf_token, r.created_at, r.last_seen_at);
  }

  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override {
    return FindOne<SessionRecord>("finding a session",
                                  std::string(kSessionSelect) + " WHERE token_hash = ?",
                                  &ReadSession, token_hash);
  }

  Status TouchSession(std::string_view token_hash, int64_t at) override {
    return Write("touching a session",
                 "UPDATE guild_sessions SET last_seen_at = ?2 WHERE token_hash = ?1", token_hash,
                 at);
  }
  Status DeleteSession(std::string_view token_hash) override {
    return Write("deleting a session", "DELETE FROM guild_sessions WHERE token_hash = ?",
                 token_hash);
  }
  Status DeleteUserSessions(std::string_view user_id) override {
    return Write("deleting sessions", "DELETE FROM guild_sessions WHERE user_id = ?", user_id);
  }

  Status CreateApiToken(const ApiTokenRecord& t) override {
    return Write("creating token " + t.id,
                 "INSERT INTO guild_api_tokens (id, user_id, name, token_hash, created_at, "
                 "last_used_at, expires_at, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 t.id, t.user_id, t.name, t.token_hash, t.created_at, t.last_used_at, t.expires_at,
                 ToString(t.scope));
  }

  Result<std::optional<ApiTokenRecord>> FindApiTokenByHash(std::string_view hash) override {
    return FindOne<ApiTokenRecord>(
        "finding a token", std::string(kTokenSelect) + " WHERE token_hash = ?", &ReadToken, hash);
  }

  Result<std::vector<ApiTokenRecord>> ListApiTokens(std::string_view user_id) override {
    return FindAll<ApiTokenRecord>("listing tokens",
                                   std::string(kTokenSelect) + " WHERE user_id = ? ORDER BY id",
                                   &ReadToken, user_id);
  }

  Status DeleteApiToken(std::string_view user_id, std::string_view id) override {
    std::lock_guard lock(mu_);
    RETURN_IF_ERROR(Run("deleting a token",
                        "DELETE FROM guild_api_tokens WHERE user_id = ? AND id = ?", user_id, id));
    if (db_->Changes() == 0) return NotFound("token " + std::string(id) + ": no such token");
    return OkStatus();
  }

  Result<int64_t> DeleteUserApiTokens(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    RETURN_IF_ERROR(
        Run("deleting tokens", "DELETE FROM guild_api_tokens WHERE user_id = ?", user_id));
    return int64_t{db_->Changes()};
  }

  Status TouchApiToken(std::string_view id, int64_t at) override {
    return Write("touching a token", "UPDATE guild_api_tokens SET last_used_at = ?2 WHERE id = ?1",
                 id, at);
  }

  Result<int64_t> AppendAudit(const AuditEntry& e) override {
    std::lock_guard lock(mu_);
    return SqliteAppendAudit(*db_, e);
  }

  Result<std::vector<AuditEntry>> ListAudit(int64_t before_seq, int limit) override {
    return FindAll<AuditEntry>(
        "listing the audit log",
        "SELECT seq, at, user_id, action, entity, entity_id, detail FROM guild_audit "
        "WHERE (?1 = 0 OR seq < ?1) ORDER BY seq DESC LIMIT ?2",
        &ReadAudit, before_seq, limit);
  }

  Status CreateStaffingPlan(const StaffingPlanRecord& p) override {
    return Write("creating staffing plan " + p.id,
                 "INSERT INTO guild_staffing_plans VALUES (?, ?, ?, ?, ?)", p.id, p.owner_user_id,
                 p.created_at, p.accepted, p.payload);
  }

  Result<std::optional<StaffingPlanRecord>> FindStaffingPlan(std::string_view id) override {
    return FindOne<StaffingPlanRecord>("finding a staffing plan",
                                       std::string(kPlanSelect) + " WHERE id = ?", &ReadPlan, id);
  }

  Result<std::optional<bool>> StaffingPlanAccepted(std::string_view id) override {
    return FindOne<bool>(
        "reading a staffing plan's mark", "SELECT accepted FROM guild_staffing_plans WHERE id = ?",
        +[](const SqliteStatement& s) { return s.ColumnInt(0) != 0; }, id);
  }

  Result<int64_t> DeleteStaffingPlansBefore(int64_t created_at) override {
    std::lock_guard lock(mu_);
    RETURN_IF_ERROR(Run("deleting old staffing plans",
                        "DELETE FROM guild_staffing_plans WHERE created_at < ?", created_at));
    return db_->Changes();
  }

  Result<std::vector<OutboxMail>> ClaimOutbox(int64_t now, int64_t lease_seconds,
                                              int limit) override {
    std::lock_guard lock(mu_);
    return SqliteClaimOutbox(*db_, now, lease_seconds, limit);
  }
  Status FinishOutbox(const OutboxUpdate& update) override {
    std::lock_guard lock(mu_);
    return SqliteFinishOutbox(*db_, update);
  }
  Status SetCalendarFeed(std::string_view user_id, std::string_view token_hash,
                         int64_t created_at) override {
    return Write("setting a calendar feed",
                 "INSERT INTO guild_calendar_feeds (user_id, token_hash, created_at) "
                 "VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET "
                 "token_hash = excluded.token_hash, created_at = excluded.created_at",
                 user_id, token_hash, created_at);
  }
  Result<std::optional<int64_t>> CalendarFeedCreatedAt(std::string_view user_id) override {
    return FindOne<int64_t>(
        "finding a calendar feed", "SELECT created_at FROM guild_calendar_feeds WHERE user_id = ?",
        +[](const SqliteStatement& s) { return s.ColumnInt(0); }, user_id);
  }
  Result<std::optional<std::string>> FindCalendarFeedUser(std::string_view token_hash) override {
    return FindOne<std::string>(
        "finding a calendar feed", "SELECT user_id FROM guild_calendar_feeds WHERE token_hash = ?",
        +[](const SqliteStatement& s) { return Str(s, 0); }, token_hash);
  }

  Result<std::vector<OutboxMail>> ListOutbox(int64_t after_id, int limit) override {
    std::lock_guard lock(mu_);
    return SqliteListOutbox(*db_, after_id, limit);
  }

 private:
  // Runs one statement with `args` bound to ?1, ?2, ... The caller holds mu_.
  // Text arguments are not copied: no temporaries.
  template <typename... Args>
  Status Run(const std::string& context, const std::string& sql, const Args&... args) {
    ASSIGN_OR_RETURN(SqliteStatement * s, db_->Prepare(sql));
    s->BindAll(args...);
    return s->Run(context);
  }

  template <typename... Args>
  Status Write(const std::string& context, const std::string& sql, const Args&... args) {
    std::lock_guard lock(mu_);
    return Run(context, sql, args...);
  }

  template <typename T, typename... Args>
  Result<std::vector<T>> FindAll(const std::string& context, const std::string& sql,
                                 T (*read)(const SqliteStatement&), const Args&... args) {
    std::lock_guard lock(mu_);
    ASSIGN_OR_RETURN(SqliteStatement * s, db_->Prepare(sql));
    s->BindAll(args...);
    std::vector<T> rows;
    RETURN_IF_ERROR(s->ForEachRow(context, [&] {
      rows.push_back(read(*s));
      return OkStatus();
    }));
    return rows;
  }

  template <typename T, typename... Args>
  Result<std::optional<T>> FindOne(const std::string& context, const std::string& sql,
                                   T (*read)(const SqliteStatement&), const Args&... args) {
    ASSIGN_OR_RETURN(std::vector<T> rows, FindAll<T>(context, sql, read, args...));
    if (rows.empty()) return std::optional<T>();
    return std::optional<T>(std::move(rows.front()));
  }

  std::mutex mu_;
  std::unique_ptr<SqliteDb> db_;  // guarded by mu_
};

}  // namespace

Result<std::unique_ptr<AccountStore>> OpenSqliteAccountStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, OpenSqliteDatabase(options));
  return std::unique_ptr<AccountStore>(std::make_unique<SqliteAccountStore>(std::move(db)));
}

}  // namespace guild::store::internal
