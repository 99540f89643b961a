#include "service/accounts/cached_account_store.h"

namespace guild {

CachedAccountStore::CachedAccountStore(AccountStore& inner, const Clock& clock,
                                       CredentialCacheOptions options)
    : inner_(inner), clock_(clock), options_(options) {}

template <typename T, typename Fetch>
Result<std::optional<T>> CachedAccountStore::Lookup(Map<T>& map, std::string_view key,
                                                    Fetch fetch) {
  if (options_.ttl_seconds <= 0) return fetch();
  const int64_t now = clock_.NowSeconds();
  uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = map.find(std::string(key));
    if (it != map.end() && now - it->second.cached_at < options_.ttl_seconds) {
      return it->second.value;
    }
    generation = generation_;
  }
  Result<std::optional<T>> fetched = fetch();
  if (!fetched.ok()) return fetched;
  std::lock_guard lock(mutex_);
  // A write while we read may have made `fetched` stale: don't keep it.
  if (generation != generation_) return fetched;
  if (map.size() >= options_.max_entries) map.clear();
  map[std::string(key)] = Entry<T>{*fetched, now};
  return fetched;
}

void CachedAccountStore::Invalidate() {
  std::lock_guard lock(mutex_);
  ++generation_;
  users_.clear();
  sessions_.clear();
  tokens_.clear();
}

Status CachedAccountStore::InvalidateAfter(Status written) {
  Invalidate();
  return written;
}

Status CachedAccountStore::CreateUser(const UserRecord& user) {
  return InvalidateAfter(inner_.CreateUser(user));
}
Status CachedAccountStore::UpdateUser(const UserRecord& user) {
  return InvalidateAfter(inner_.UpdateUser(user));
}
Result<std::optional<UserRecord>> CachedAccountStore::FindUserById(std::string_view id) {
  return Lookup(users_, id, [&] { return inner_.FindUserById(id); });
}
Result<std::optional<UserRecord>> CachedAccountStore::FindUserByEmail(std::string_view email) {
  return inner_.FindUserByEmail(email);
}
Result<std::vector<UserRecord>> CachedAccountStore::ListUsers(std::string_view after_id,
                                                              int limit) {
  return inner_.ListUsers(after_id, limit);
}
Result<int64_t> CachedAccountStore::CountUsers() { return inner_.CountUsers(); }

Status CachedAccountStore::CreateSession(const SessionRecord& session) {
  return InvalidateAfter(inner_.CreateSession(session));
}
Result<std::optional<SessionRecord>> CachedAccountStore::FindSession(std::string_view token_hash) {
  return Lookup(sessions_, token_hash, [&] { return inner_.FindSession(token_hash); });
}
Status CachedAccountStore::TouchSession(std::string_view token_hash, int64_t at) {
  RETURN_IF_ERROR(inner_.TouchSession(token_hash, at));
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(std::string(token_hash));
  if (it != sessions_.end() && it->second.value) it->second.value->last_seen_at = at;
  return OkStatus();
}
Status CachedAccountStore::DeleteSession(std::string_view token_hash) {
  return InvalidateAfter(inner_.DeleteSession(token_hash));
}
Status CachedAccountStore::DeleteUserSessions(std::string_view user_id) {
  return InvalidateAfter(inner_.DeleteUserSessions(user_id));
}

Status CachedAccountStore::CreateApiToken(const ApiTokenRecord& token) {
  return InvalidateAfter(inner_.CreateApiToken(token));
}
Result<std::optional<ApiTokenRecord>> CachedAccountStore::FindApiTokenByHash(
    std::string_view token_hash) {
  return Lookup(tokens_, token_hash, [&] { return inner_.FindApiTokenByHash(token_hash); });
}
Result<std::vector<ApiTokenRecord>> CachedAccountStore::ListApiTokens(std::string_view user_id) {
  return inner_.ListApiTokens(user_id);
}
Status CachedAccountStore::DeleteApiToken(std::string_view user_id, std::string_view id) {
  return InvalidateAfter(inner_.DeleteApiToken(user_id, id));
}
Result<int64_t> CachedAccountStore::DeleteUserApiTokens(std::string_view user_id) {
  auto deleted = inner_.DeleteUserApiTokens(user_id);
  Invalidate();
  return deleted;
}
Status CachedAccountStore::TouchApiToken(std::string_view id, int64_t at) {
  RETURN_IF_ERROR(inner_.TouchApiToken(id, at));
  std::lock_guard lock(mutex_);
  for (auto& [hash, entry] : tokens_) {
    if (entry.value && entry.value->id == id) entry.value->last_used_at = at;
  }
  return OkStatus();
}

Result<int64_t> CachedAccountStore::AppendAudit(const AuditEntry& entry) {
  return inner_.AppendAudit(entry);
}
Result<std::vector<AuditEntry>> CachedAccountStore::ListAudit(int64_t before_seq, int limit) {
  return inner_.ListAudit(before_seq, limit);
}
Status CachedAccountStore::CreateStaffingPlan(const StaffingPlanRecord& plan) {
  return inner_.CreateStaffingPlan(plan);
}
Result<std::optional<StaffingPlanRecord>> CachedAccountStore::FindStaffingPlan(
    std::string_view id) {
  return inner_.FindStaffingPlan(id);
}
Result<std::optional<bool>> CachedAccountStore::StaffingPlanAccepted(std::string_view id) {
  return inner_.StaffingPlanAccepted(id);
}
Result<int64_t> CachedAccountStore::DeleteStaffingPlansBefore(int64_t created_at) {
  return inner_.DeleteStaffingPlansBefore(created_at);
}

}  // namespace guild
