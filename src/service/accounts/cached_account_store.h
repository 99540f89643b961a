// CachedAccountStore: an AccountStore that keeps the credential look-ups of
// every request (session by hash, API token by hash, user by id) in memory.
//
// Contract:
//  - Every write made through this object is visible to the next read through
//    it: writes to users, sessions and tokens drop the cached entries (touches
//    update them in place).
//  - Writes made by another process (another Guild server on the same
//    PostgreSQL database) are seen within `ttl_seconds` (+1 s of clock
//    granularity): a revoked session or disabled user elsewhere stops working
//    here by then.
//  - Everything else (listing, audit, staffing plans) passes straight through.
// Thread safety: safe for concurrent use; the inner store must be too.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/date.h"
#include "store/account_store.h"

namespace guild {

struct CredentialCacheOptions {
  //! How long a cached look-up may be used, in clock seconds. 0 disables caching.
  int64_t ttl_seconds = 1;
  //! Entries per map before the map is emptied (bounds memory).
  size_t max_entries = 100000;
};

class CachedAccountStore final : public AccountStore {
 public:
  //! `inner` and `clock` must outlive this object.
  CachedAccountStore(AccountStore& inner, const Clock& clock, CredentialCacheOptions options);

  Status CreateUser(const UserRecord& user) override;
  Status UpdateUser(const UserRecord& user) override;
  Result<std::optional<UserRecord>> FindUserById(std::string_view id) override;
  Result<std::optional<UserRecord>> FindUserByEmail(std::string_view email) override;
  Result<std::vector<UserRecord>> ListUsers(std::string_view after_id, int limit) override;
  Result<int64_t> CountUsers() override;
  Status CreateSession(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override;
  Status TouchSession(std::string_view token_hash, int64_t at) override;
  Status DeleteSession(std::string_view token_hash) override;
  Status DeleteUserSessions(std::string_view user_id) override;
  Status CreateApiToken(const ApiTokenRecord& token) override;
  Result<std::optional<ApiTokenRecord>> FindApiTokenByHash(std::string_view token_hash) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens(std::string_view user_id) override;
  Status DeleteApiToken(std::string_view user_id, std::string_view id) override;
  Result<int64_t> DeleteUserApiTokens(std::string_view user_id) override;
  Status TouchApiToken(std::string_view id, int64_t at) override;
  Result<int64_t> AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(int64_t before_seq, int limit) override;
  Status CreateStaffingPlan(const StaffingPlanRecord& plan) override;
  Result<std::optional<StaffingPlanRecord>> FindStaffingPlan(std::string_view id) override;
  Result<std::optional<bool>> StaffingPlanAccepted(std::string_view id) override;
  Result<int64_t> DeleteStaffingPlansBefore(int64_t created_at) override;
  //! The outbox is never cached: every call goes to the inner store.
  Result<std::vector<OutboxMail>> ClaimOutbox(int64_t now, int64_t lease_seconds,
                                              int limit) override {
    return inner_.ClaimOutbox(now, lease_seconds, limit);
  }
  Status FinishOutbox(const OutboxUpdate& update) override { return inner_.FinishOutbox(update); }
  //! Calendar feeds are not cached either.
  Status SetCalendarFeed(std::string_view user_id, std::string_view token_hash,
                         int64_t created_at) override {
    return inner_.SetCalendarFeed(user_id, token_hash, created_at);
  }
  Result<std::optional<int64_t>> CalendarFeedCreatedAt(std::string_view user_id) override {
    return inner_.CalendarFeedCreatedAt(user_id);
  }
  Result<std::optional<std::string>> FindCalendarFeedUser(std::string_view token_hash) override {
    return inner_.FindCalendarFeedUser(token_hash);
  }
  Result<std::vector<OutboxMail>> ListOutbox(int64_t after_id, int limit) override {
    return inner_.ListOutbox(after_id, limit);
  }

 private:
  template <typename T>
  struct Entry {
    std::optional<T> value;
    int64_t cached_at = 0;
  };
  template <typename T>
  using Map = std::unordered_map<std::string, Entry<T>>;

  template <typename T, typename Fetch>
  Result<std::optional<T>> Lookup(Map<T>& map, std::string_view key, Fetch fetch);
  //! Drops every cached entry; called after writes to accounts.
  void Invalidate();
  Status InvalidateAfter(Status written);

  AccountStore& inner_;
  const Clock& clock_;
  const CredentialCacheOptions options_;
  std::mutex mutex_;
  uint64_t generation_ = 0;      // GUARDED_BY(mutex_)
  Map<UserRecord> users_;        // GUARDED_BY(mutex_)
  Map<SessionRecord> sessions_;  // GUARDED_BY(mutex_)
  Map<ApiTokenRecord> tokens_;   // GUARDED_BY(mutex_)
};

}  // namespace guild
