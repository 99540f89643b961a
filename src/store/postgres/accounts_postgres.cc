// AccountStore on PostgreSQL: the account tables of the store's database
// (schema version 3, pg_migrations.cc), through the one connection set-up and
// exception mapping (pg_connection.h); one connection, every call one
// transaction, serialised by one mutex.
#include <mutex>
#include <pqxx/pqxx>
#include <string>

#include "store/internal/account_backends.h"
#include "store/postgres/pg_accounts.h"
#include "store/postgres/pg_connection.h"

namespace guild::store::internal {

int64_t PgAppendAudit(pqxx::transaction_base& txn, const AuditEntry& e) {
  return txn
      .exec_params1(
          "INSERT INTO guild_audit (at, user_id, action, entity, entity_id, detail) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq",
          e.at, e.user_id, e.action, e.entity, e.entity_id, e.detail)[0]
      .as<int64_t>();
}

Result<bool> PgClaimStaffingPlan(pqxx::transaction_base& txn, std::string_view id) {
  const std::string key(id);
  if (txn.exec_params("UPDATE guild_staffing_plans SET accepted = TRUE WHERE id = $1 AND NOT "
                      "accepted",
                      key)
          .affected_rows() == 1) {
    return true;
  }
  if (txn.exec_params("SELECT 1 FROM guild_staffing_plans WHERE id = $1", key).empty()) {
    return NotFound("staffing plan " + key);
  }
  return false;
}

namespace {

constexpr const char* kUserSelect =
    "SELECT id, email, password_hash, person_id, role, disabled, created_at FROM guild_users";
constexpr const char* kTokenSelect =
    "SELECT id, user_id, name, token_hash, created_at, last_used_at, expires_at, scope "
    "FROM guild_api_tokens";

UserRecord ReadUser(const pqxx::row& r) {
  UserRecord u;
  u.id = r[0].as<std::string>();
  u.email = r[1].as<std::string>();
  u.password_hash = r[2].as<std::string>();
  u.person_id = r[3].as<std::string>();
  u.role = ParseUserRole(r[4].as<std::string>()).value_or(UserRole::kMember);
  u.disabled = r[5].as<bool>();
  u.created_at = r[6].as<int64_t>();
  return u;
}

ApiTokenRecord ReadToken(const pqxx::row& r) {
  std::optional<int64_t> last_used;
  if (!r[5].is_null()) last_used = r[5].as<int64_t>();
  std::optional<int64_t> expires;
  if (!r[6].is_null()) expires = r[6].as<int64_t>();
  return ApiTokenRecord{r[0].as<std::string>(),
                        r[1].as<std::string>(),
                        r[2].as<std::string>(),
                        r[3].as<std::string>(),
                        r[4].as<int64_t>(),
                        last_used,
                        expires,
                        ParseTokenScope(r[7].as<std::string>()).value_or(TokenScope::kRead)};
}

AuditEntry ReadAudit(const pqxx::row& r) {
  return AuditEntry{r[0].as<int64_t>(),     r[1].as<int64_t>(),     r[2].as<std::string>(),
                    r[3].as<std::string>(), r[4].as<std::string>(), r[5].as<std::string>(),
                    r[6].as<std::string>()};
}

class PostgresAccountStore final : public AccountStore {
 public:
  explicit PostgresAccountStore(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {}

  Status CreateUser(const UserRecord& u) override {
    return Run("create user", [&](pqxx::work& w) {
      w.exec_params("INSERT INTO guild_users VALUES ($1, $2, $3, $4, $5, $6, $7)", u.id, u.email,
                    u.password_hash, u.person_id, std::string(ToString(u.role)), u.disabled,
                    u.created_at);
      return OkStatus();
    });
  }

  Status UpdateUser(const UserRecord& u) override {
    return Run("update user", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params(
          "UPDATE guild_users SET email = $2, password_hash = $3, person_id = $4, role = $5, "
          "disabled = $6, created_at = $7 WHERE id = $1",
          u.id, u.email, u.password_hash, u.person_id, std::string(ToString(u.role)), u.disabled,
          u.created_at);
      if (r.affected_rows() == 0) return NotFound("user " + u.id + ": no such user");
      return OkStatus();
    });
  }

  Result<std::optional<UserRecord>> FindUserById(std::string_view id) override {
    return FindUser("id", id);
  }
  Result<std::optional<UserRecord>> FindUserByEmail(std::string_view email) override {
    return FindUser("email", email);
  }

  Result<std::vector<UserRecord>> ListUsers(std::string_view after_id, int limit) override {
    std::vector<UserRecord> users;
    RETURN_IF_ERROR(Run("list users", [&](pqxx::work& w) {
      for (const auto& row : w.exec_params(
               std::string(kUserSelect) + " WHERE id > $1 ORDER BY id COLLATE \"C\" LIMIT $2",
               std::string(after_id), limit)) {
        users.push_back(ReadUser(row));
      }
      return OkStatus();
    }));
    return users;
  }

  Result<int64_t> CountUsers() override { return QueryInt("SELECT COUNT(*) FROM guild_users"); }

  Status CreateSession(const SessionRecord& s) override {
    return Exec("create session", "INSERT INTO guild_sessions VALUES ($1, $2, $3, $4, $5)",
                s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at);
  }

  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override {
    std::optional<SessionRecord> found;
    RETURN_IF_ERROR(Run("find session", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params(
          "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at FROM guild_sessions "
          "WHERE token_hash = $1",
          std::string(token_hash));
      if (!r.empty()) {
        found =
            SessionRecord{r[0][0].as<std::string>(), r[0][1].as<std::string>(),
                          r[0][2].as<std::string>(), r[0][3].as<int64_t>(), r[0][4].as<int64_t>()};
      }
      return OkStatus();
    }));
    return found;
  }

  Status TouchSession(std::string_view token_hash, int64_t at) override {
    return Exec("touch session",
                "UPDATE guild_sessions SET last_seen_at = $2 WHERE token_hash = $1",
                std::string(token_hash), at);
  }
  Status DeleteSession(std::string_view token_hash) override {
    return Exec("delete session", "DELETE FROM guild_sessions WHERE token_hash = $1",
                std::string(token_hash));
  }
  Status DeleteUserSessions(std::string_view user_id) override {
    return Exec("delete sessions", "DELETE FROM guild_sessions WHERE user_id = $1",
                std::string(user_id));
  }

  Status CreateApiToken(const ApiTokenRecord& t) override {
    return Exec("create token",
                "INSERT INTO guild_api_tokens (id, user_id, name, token_hash, created_at, "
                "last_used_at, expires_at, scope) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                t.id, t.user_id, t.name, t.token_hash, t.created_at, t.last_used_at, t.expires_at,
                std::string(ToString(t.scope)));
  }

  Result<std::optional<ApiTokenRecord>> FindApiTokenByHash(std::string_view hash) override {
    std::optional<ApiTokenRecord> found;
    RETURN_IF_ERROR(Run("find token", [&](pqxx::work& w) {
      pqxx::result r =
          w.exec_params(std::string(kTokenSelect) + " WHERE token_hash = $1", std::string(hash));
      if (!r.empty()) found = ReadToken(r[0]);
      return OkStatus();
    }));
    return found;
  }

  Result<std::vector<ApiTokenRecord>> ListApiTokens(std::string_view user_id) override {
    std::vector<ApiTokenRecord> tokens;
    RETURN_IF_ERROR(Run("list tokens", [&](pqxx::work& w) {
      for (const auto& row : w.exec_params(
               std::string(kTokenSelect) + " WHERE user_id = $1 ORDER BY id COLLATE \"C\"",
               std::string(user_id))) {
        tokens.push_back(ReadToken(row));
      }
      return OkStatus();
    }));
    return tokens;
  }

  Status DeleteApiToken(std::string_view user_id, std::string_view id) override {
    return Run("delete token", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params("DELETE FROM guild_api_tokens WHERE user_id = $1 AND id = $2",
                                     std::string(user_id), std::string(id));
      if (r.affected_rows() == 0) return NotFound("token " + std::string(id) + ": no such token");
      return OkStatus();
    });
  }

  Result<int64_t> DeleteUserApiTokens(std::string_view user_id) override {
    int64_t deleted = 0;
    RETURN_IF_ERROR(Run("delete tokens", [&](pqxx::work& w) {
      deleted =
          w.exec_params("DELETE FROM guild_api_tokens WHERE user_id = $1", std::string(user_id))
              .affected_rows();
      return OkStatus();
    }));
    return deleted;
  }

  Status TouchApiToken(std::string_view id, int64_t at) override {
    return Exec("touch token", "UPDATE guild_api_tokens SET last_used_at = $2 WHERE id = $1",
                std::string(id), at);
  }

  Result<int64_t> AppendAudit(const AuditEntry& e) override {
    int64_t seq = 0;
    RETURN_IF_ERROR(Run("append audit", [&](pqxx::work& w) {
      seq = PgAppendAudit(w, e);
      return OkStatus();
    }));
    return seq;
  }

  Result<std::vector<AuditEntry>> ListAudit(int64_t before_seq, int limit) override {
    std::vector<AuditEntry> entries;
    RETURN_IF_ERROR(Run("list audit", [&](pqxx::work& w) {
      for (const auto& row : w.exec_params(
               "SELECT seq, at, user_id, action, entity, entity_id, detail FROM guild_audit "
               "WHERE ($1 = 0 OR seq < $1) ORDER BY seq DESC LIMIT $2",
               before_seq, limit)) {
        entries.push_back(ReadAudit(row));
      }
      return OkStatus();
    }));
    return entries;
  }

  Status CreateStaffingPlan(const StaffingPlanRecord& p) override {
    return Exec("create staffing plan",
                "INSERT INTO guild_staffing_plans VALUES ($1, $2, $3, $4, $5)", p.id,
                p.owner_user_id, p.created_at, p.accepted, p.payload);
  }

  Result<std::optional<StaffingPlanRecord>> FindStaffingPlan(std::string_view id) override {
    std::optional<StaffingPlanRecord> found;
    RETURN_IF_ERROR(Run("find staffing plan", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params(
          "SELECT id, owner_user_id, created_at, accepted, payload FROM guild_staffing_plans "
          "WHERE id = $1",
          std::string(id));
      if (!r.empty()) {
        found = StaffingPlanRecord{r[0][0].as<std::string>(), r[0][1].as<std::string>(),
                                   r[0][2].as<int64_t>(), r[0][3].as<bool>(),
                                   r[0][4].as<std::string>()};
      }
      return OkStatus();
    }));
    return found;
  }

  Result<std::optional<bool>> StaffingPlanAccepted(std::string_view id) override {
    std::optional<bool> accepted;
    RETURN_IF_ERROR(Run("read staffing plan mark", [&](pqxx::work& w) {
      pqxx::result r =
          w.exec_params("SELECT accepted FROM guild_staffing_plans WHERE id = $1", std::string(id));
      if (!r.empty()) accepted = r[0][0].as<bool>();
      return OkStatus();
    }));
    return accepted;
  }

  Result<int64_t> DeleteStaffingPlansBefore(int64_t created_at) override {
    int64_t deleted = 0;
    RETURN_IF_ERROR(Run("delete staffing plans", [&](pqxx::work& w) {
      deleted = w.exec_params("DELETE FROM guild_staffing_plans WHERE created_at < $1", created_at)
                    .affected_rows();
      return OkStatus();
    }));
    return deleted;
  }

  Result<std::vector<OutboxMail>> ClaimOutbox(int64_t now, int64_t lease_seconds,
                                              int limit) override {
    std::vector<OutboxMail> mails;
    RETURN_IF_ERROR(Run("claim emails", [&](pqxx::work& w) {
      mails = PgClaimOutbox(w, now, lease_seconds, limit);
      return OkStatus();
    }));
    return mails;
  }
  Status FinishOutbox(const OutboxUpdate& update) override {
    return Run("mark email", [&](pqxx::work& w) { return PgFinishOutbox(w, update); });
  }
  Status SetCalendarFeed(std::string_view user_id, std::string_view token_hash,
                         int64_t created_at) override {
    return Exec("set calendar feed",
                "INSERT INTO guild_calendar_feeds (user_id, token_hash, created_at) "
                "VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET "
                "token_hash = excluded.token_hash, created_at = excluded.created_at",
                std::string(user_id), std::string(token_hash), created_at);
  }
  Result<std::optional<int64_t>> CalendarFeedCreatedAt(std::string_view user_id) override {
    std::optional<int64_t> created_at;
    RETURN_IF_ERROR(Run("find calendar feed", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params(
          "SELECT created_at FROM guild_calendar_feeds WHERE user_id = $1", std::string(user_id));
      if (!r.empty()) created_at = r[0][0].as<int64_t>();
      return OkStatus();
    }));
    return created_at;
  }
  Result<std::optional<std::string>> FindCalendarFeedUser(std::string_view token_hash) override {
    std::optional<std::string> user;
    RETURN_IF_ERROR(Run("find calendar feed", [&](pqxx::work& w) {
      pqxx::result r =
          w.exec_params("SELECT user_id FROM guild_calendar_feeds WHERE token_hash = $1",
                        std::string(token_hash));
      if (!r.empty()) user = r[0][0].as<std::string>();
      return OkStatus();
    }));
    return user;
  }

  Result<std::vector<OutboxMail>> ListOutbox(int64_t after_id, int limit) override {
    std::vector<OutboxMail> mails;
    RETURN_IF_ERROR(Run("list emails", [&](pqxx::work& w) {
      mails = PgListOutbox(w, after_id, limit);
      return OkStatus();
    }));
    return mails;
  }

 private:
  // Runs `body` in one transaction; libpqxx errors become a Status.
  template <typename Body>
  Status Run(const char* what, Body&& body) {
    std::lock_guard lock(mu_);
    return PgGuard(what, [&] {
      pqxx::work w(*conn_);
      Status status = body(w);
      if (status.ok()) w.commit();
      return status;
    });
  }

  template <typename... Args>
  Status Exec(const char* what, const char* sql, const Args&... args) {
    return Run(what, [&](pqxx::work& w) {
      w.exec_params(sql, args...);
      return OkStatus();
    });
  }

  Result<std::optional<UserRecord>> FindUser(const char* column, std::string_view value) {
    std::optional<UserRecord> found;
    RETURN_IF_ERROR(Run("find user", [&](pqxx::work& w) {
      pqxx::result r = w.exec_params(std::string(kUserSelect) + " WHERE " + column + " = $1",
                                     std::string(value));
      if (!r.empty()) found = ReadUser(r[0]);
      return OkStatus();
    }));
    return found;
  }

  Result<int64_t> QueryInt(const char* sql) {
    int64_t value = 0;
    RETURN_IF_ERROR(Run("query", [&](pqxx::work& w) {
      value = w.exec(sql)[0][0].as<int64_t>();
      return OkStatus();
    }));
    return value;
  }

  std::mutex mu_;
  std::unique_ptr<pqxx::connection> conn_;  // GUARDED_BY(mu_)
};

}  // namespace

Result<std::unique_ptr<AccountStore>> OpenPostgresAccountStore(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<pqxx::connection> conn, ConnectPostgres(options));
  return std::unique_ptr<AccountStore>(std::make_unique<PostgresAccountStore>(std::move(conn)));
}

}  // namespace guild::store::internal
