// The AccountStore: durable home of users, sessions, API tokens, the audit
// log (AuditEntry, store.h) and the what-if staffing plans every server on
// the database can read and accept.
//
// It lives beside the Store (store.h), in the same database and schema:
// SQLite (a file path) or PostgreSQL (a "postgresql://" URL); its tables are
// migration 3 of the store's numbered migrations (docs/STORE.md). Both
// backends pass the same conformance suite (account_store_conformance_test.cc).
// The Store appends audit entries and claims staffing plans in the same
// transaction as a change (CommitRequest) with the same SQL.
//
// Contract:
//  - Every write call is one transaction: all of its changes or none.
//  - Secrets are never stored in clear: sessions and API tokens are keyed by
//    the hash of the token (service/crypto.h), passwords by their argon2id
//    string. This layer stores what it is given and never hashes.
//  - Emails are compared case-insensitively (stored lower-case by callers).
//
// Thread safety: an AccountStore may be used from several threads at once; the
// backend serialises what it must.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace guild {

//! A user's granted role. Team and engagement leadership is not granted: it is
//! derived from the firm's data (Team::leader_id, Engagement::leader_id).
enum class UserRole { kAdministrator, kFirmLeader, kMember };
std::string_view ToString(UserRole role);  //!< "administrator", "firm_leader", "member"
std::optional<UserRole> ParseUserRole(std::string_view text);

struct UserRecord {
  std::string id;             //!< unique, non-empty
  std::string email;          //!< unique, lower-case
  std::string password_hash;  //!< argon2id string from crypto_pwhash_str
  std::string person_id;      //!< the Person this user is, or empty
  UserRole role = UserRole::kMember;
  bool disabled = false;
  int64_t created_at = 0;  //!< seconds since the epoch
};

struct SessionRecord {
  std::string token_hash;  //!< hex hash of the cookie token; the key
  std::string user_id;
  std::string csrf_token;  //!< sent back by the browser in X-CSRF-Token
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
};

//! What an API token may do: read only (GET and HEAD), or everything its
//! owner may.
enum class TokenScope { kRead, kWrite };
std::string_view ToString(TokenScope scope);  //!< "read", "write"
std::optional<TokenScope> ParseTokenScope(std::string_view text);

struct ApiTokenRecord {
  std::string id;          //!< unique, shown to the user
  std::string user_id;     //!< the owner
  std::string name;        //!< free text
  std::string token_hash;  //!< hex hash of the token; unique
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
  std::optional<int64_t> expires_at;  //!< seconds since the epoch; nullopt: never
  TokenScope scope = TokenScope::kWrite;
};

//! A what-if staffing plan, shared by the servers on one database.
struct StaffingPlanRecord {
  std::string id;  //!< unique
  std::string owner_user_id;
  int64_t created_at = 0;  //!< seconds since the epoch
  bool accepted = false;
  std::string payload;  //!< text of the plan codec (api/staffing_plan_json.h); no NUL byte
};

//! The end of one send attempt of a claimed email (AccountStore::FinishOutbox).
struct OutboxUpdate {
  int64_t id = 0;
  //! kSent; kPending to try again at next_attempt_at; kFailed to give up.
  OutboxState state = OutboxState::kSent;
  std::optional<int64_t> next_attempt_at;  //!< kPending: when; otherwise unchanged
  std::optional<int64_t> sent_at;          //!< kSent: when the server accepted it
  std::string last_error;                  //!< empty when sent
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  AccountStore() = default;
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  //! Fails with kAlreadyExists when the id or the email is taken.
  [[nodiscard]] virtual Status CreateUser(const UserRecord& user) = 0;
  //! Replaces the user with user.id. kNotFound when absent; kAlreadyExists
  //! when the new email belongs to another user.
  [[nodiscard]] virtual Status UpdateUser(const UserRecord& user) = 0;
  //! nullopt when absent.
  [[nodiscard]] virtual Result<std::optional<UserRecord>> FindUserById(std::string_view id) = 0;
  [[nodiscard]] virtual Result<std::optional<UserRecord>> FindUserByEmail(
      std::string_view email) = 0;
  //! Users with id > after_id, ordered by id, at most `limit`.
  [[nodiscard]] virtual Result<std::vector<UserRecord>> ListUsers(std::string_view after_id,
                                                                  int limit) = 0;
  [[nodiscard]] virtual Result<int64_t> CountUsers() = 0;

  //! Fails with kAlreadyExists on a duplicate token hash.
  [[nodiscard]] virtual Status CreateSession(const SessionRecord& session) = 0;
  [[nodiscard]] virtual Result<std::optional<SessionRecord>> FindSession(
      std::string_view token_hash) = 0;
  //! Sets last_seen_at; a missing session is ignored.
  [[nodiscard]] virtual Status TouchSession(std::string_view token_hash, int64_t at) = 0;
  //! Removes one session; a missing session is ignored.
  [[nodiscard]] virtual Status DeleteSession(std::string_view token_hash) = 0;
  //! Removes every session of a user (password change, disabling).
  [[nodiscard]] virtual Status DeleteUserSessions(std::string_view user_id) = 0;

  //! Fails with kAlreadyExists on a duplicate id or token hash.
  [[nodiscard]] virtual Status CreateApiToken(const ApiTokenRecord& token) = 0;
  [[nodiscard]] virtual Result<std::optional<ApiTokenRecord>> FindApiTokenByHash(
      std::string_view token_hash) = 0;
  //! The user's tokens ordered by id.
  [[nodiscard]] virtual Result<std::vector<ApiTokenRecord>> ListApiTokens(
      std::string_view user_id) = 0;
  //! kNotFound when no token with this id belongs to user_id.
  [[nodiscard]] virtual Status DeleteApiToken(std::string_view user_id, std::string_view id) = 0;
  //! Removes every token of a user (password change, disabling); returns how many.
  [[nodiscard]] virtual Result<int64_t> DeleteUserApiTokens(std::string_view user_id) = 0;
  [[nodiscard]] virtual Status TouchApiToken(std::string_view id, int64_t at) = 0;

  //! Appends an entry; entry.seq is ignored and assigned. Returns the seq.
  [[nodiscard]] virtual Result<int64_t> AppendAudit(const AuditEntry& entry) = 0;
  //! Entries with seq < before_seq (0 = from the newest), newest first.
  [[nodiscard]] virtual Result<std::vector<AuditEntry>> ListAudit(int64_t before_seq,
                                                                  int limit) = 0;

  //! Fails with kAlreadyExists on a duplicate id.
  [[nodiscard]] virtual Status CreateStaffingPlan(const StaffingPlanRecord& plan) = 0;
  //! nullopt when absent (never stored, or deleted as too old).
  [[nodiscard]] virtual Result<std::optional<StaffingPlanRecord>> FindStaffingPlan(
      std::string_view id) = 0;
  //! The plan's accepted mark alone (no payload), read on every use of a
  //! cached plan so a plan accepted on another server shows as accepted
  //! here at once. nullopt when absent.
  [[nodiscard]] virtual Result<std::optional<bool>> StaffingPlanAccepted(std::string_view id) = 0;
  // A plan is marked accepted only with the entries it writes, in their
  // transaction: CommitRequest::claim_staffing_plan (store.h).
  //! Deletes the plans created before `created_at`; returns how many.
  [[nodiscard]] virtual Result<int64_t> DeleteStaffingPlansBefore(int64_t created_at) = 0;

  // Emails are queued only with the change that causes them
  // (CommitRequest::outbox, store.h).
  //! Claims at most `limit` due emails, oldest due first: pending ones with
  //! next_attempt_at <= now, and sending ones whose lease ended
  //! (next_attempt_at <= now: the server that claimed them died). Each
  //! becomes sending, attempts + 1, next_attempt_at = now + lease_seconds,
  //! in one transaction. PostgreSQL skips rows another server is claiming
  //! (FOR UPDATE SKIP LOCKED): two servers never claim one row within a lease.
  //! Returns the claimed rows ordered by id.
  [[nodiscard]] virtual Result<std::vector<OutboxMail>> ClaimOutbox(int64_t now,
                                                                    int64_t lease_seconds,
                                                                    int limit) = 0;
  //! Records the end of an attempt. kNotFound when there is no such email.
  [[nodiscard]] virtual Status FinishOutbox(const OutboxUpdate& update) = 0;
  //! Sets the user's calendar feed token (its hash), replacing the one
  //! before, which stops working. kAlreadyExists when another user has it.
  [[nodiscard]] virtual Status SetCalendarFeed(std::string_view user_id,
                                               std::string_view token_hash, int64_t created_at) = 0;
  //! When the user's calendar feed token was set (seconds since the epoch);
  //! nullopt when the user has none. The token itself is never kept.
  [[nodiscard]] virtual Result<std::optional<int64_t>> CalendarFeedCreatedAt(
      std::string_view user_id) = 0;
  //! The user whose calendar feed token has this hash; nullopt when none.
  [[nodiscard]] virtual Result<std::optional<std::string>> FindCalendarFeedUser(
      std::string_view token_hash) = 0;

  //! Emails with id > after_id ordered by id, at most `limit`.
  [[nodiscard]] virtual Result<std::vector<OutboxMail>> ListOutbox(int64_t after_id, int limit) = 0;
};

//! Opens the account tables of the database named by options.url, creating
//! them when missing. Errors as OpenStore (store.h).
Result<std::unique_ptr<AccountStore>> OpenAccountStore(const StoreOptions& options);

}  // namespace guild
