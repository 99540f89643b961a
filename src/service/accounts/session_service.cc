#include "service/accounts/session_service.h"

#include <algorithm>
#include <cctype>

#include "domain/validate.h"

namespace guild {
namespace {

constexpr size_t kMaxEmailLength = 254;
constexpr size_t kTokenIdLength = 20;  // "tok_" and 16 random characters
constexpr std::string_view kDummyPassword = "guild-dummy-password";
constexpr std::string_view kBadCredentials = "wrong email or password";
constexpr std::string_view kBadSession = "not signed in, or the session has expired";
constexpr std::string_view kBadToken = "unknown or revoked API token";

// The key of the failed-sign-in limiter: one email from one address.
std::string PairKey(std::string_view email, std::string_view client_address) {
  return std::string(email) + '\n' + std::string(client_address);
}

}  // namespace

Principal PrincipalOf(const UserRecord& user) {
  return Principal{user.id, user.role, user.person_id};
}

Result<std::string> CheckEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) {
    email.remove_prefix(1);
  }
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) {
    email.remove_suffix(1);
  }
  if (!LooksLikeEmail(email) || email.size() > kMaxEmailLength) {
    return InvalidField("email", "an email address like name@firm.com");
  }
  return NormalizeEmail(email);
}

SessionService::SessionService(AccountStore& accounts, AuditLog& audit, const Clock& clock,
                               SessionOptions options)
    : accounts_(accounts),
      audit_(audit),
      clock_(clock),
      options_(options),
      pair_limiter_(options.per_email_and_address, clock),
      address_limiter_(options.per_address, clock) {
  auto dummy = HashPassword(kDummyPassword, options.password);
  if (dummy.ok()) dummy_hash_ = *dummy;
}

Result<UserRecord> SessionService::CheckPassword(std::string_view email,
                                                 std::string_view password) {
  ASSIGN_OR_RETURN(std::optional<UserRecord> user, accounts_.FindUserByEmail(email));
  if (!user) {
    [[maybe_unused]] bool unused = VerifyPassword(dummy_hash_, password);
    return Unauthenticated(std::string(kBadCredentials));
  }
  if (!VerifyPassword(user->password_hash, password) || user->disabled) {
    return Unauthenticated(std::string(kBadCredentials));
  }
  return *user;
}

int64_t SessionService::SignInRetryAfterSeconds(std::string_view raw_email,
                                                std::string_view client_address) {
  auto email = CheckEmail(raw_email);
  const int64_t pair =
      email.ok() ? pair_limiter_.RetryAfterSeconds(PairKey(*email, client_address)) : 0;
  return std::max(pair, address_limiter_.RetryAfterSeconds(client_address));
}

Result<SignedIn> SessionService::SignIn(std::string_view raw_email, std::string_view password,
                                        std::string_view client_address) {
  auto email = CheckEmail(raw_email);
  if (!email.ok()) {
    RETURN_IF_ERROR(AuditFailure("", client_address, "malformed email"));
    return Unauthenticated(std::string(kBadCredentials));
  }
  const std::string pair = PairKey(*email, client_address);
  int64_t wait = std::max(pair_limiter_.RetryAfterSeconds(pair),
                          address_limiter_.RetryAfterSeconds(client_address));
  if (wait > 0) {
    RETURN_IF_ERROR(AuditFailure(*email, client_address, "rate-limited"));
    return ResourceExhausted("too many sign-in attempts; retry in " + std::to_string(wait) +
                             " seconds");
  }
  address_limiter_.Record(client_address);
  auto user = CheckPassword(*email, password);
  if (!user.ok()) {
    pair_limiter_.Record(pair);
    RETURN_IF_ERROR(AuditFailure(*email, client_address, "wrong email or password"));
    return user.status();
  }
  pair_limiter_.Clear(pair);
  SignedIn result{*user, GenerateToken(kSessionPrefix), GenerateToken("")};
  int64_t now = clock_.NowSeconds();
  RETURN_IF_ERROR(accounts_.CreateSession(
      SessionRecord{HashToken(result.session_token), user->id, result.csrf_token, now, now}));
  RETURN_IF_ERROR(audit_.Record(user->id, "session.create", "user", user->id, ""));
  return result;
}

Status SessionService::AuditFailure(std::string_view email, std::string_view client_address,
                                    std::string_view reason) {
  // The user id when the email is a user's, so an administrator sees whose
  // account is being guessed; never the password.
  std::string user_id;
  if (!email.empty()) {
    ASSIGN_OR_RETURN(std::optional<UserRecord> user, accounts_.FindUserByEmail(email));
    if (user) user_id = user->id;
  }
  return audit_.Record("", "session.fail", "user", user_id,
                       std::string(reason) + " from " + std::string(client_address));
}

bool SessionService::Expired(const SessionRecord& session) const {
  int64_t now = clock_.NowSeconds();
  return now - session.last_seen_at >= options_.idle_timeout_seconds ||
         now - session.created_at >= options_.absolute_timeout_seconds;
}

Result<UserRecord> SessionService::ActiveUser(std::string_view user_id) {
  ASSIGN_OR_RETURN(std::optional<UserRecord> user, accounts_.FindUserById(user_id));
  if (!user || user->disabled) return Unauthenticated(std::string(kBadSession));
  return *user;
}

Result<Authenticated> SessionService::AuthenticateSession(std::string_view session_token) {
  if (!session_token.starts_with(kSessionPrefix)) return Unauthenticated(std::string(kBadSession));
  std::string hash = HashToken(session_token);
  ASSIGN_OR_RETURN(std::optional<SessionRecord> session, accounts_.FindSession(hash));
  if (!session) return Unauthenticated(std::string(kBadSession));
  if (Expired(*session)) {
    RETURN_IF_ERROR(accounts_.DeleteSession(hash));
    return Unauthenticated(std::string(kBadSession));
  }
  ASSIGN_OR_RETURN(UserRecord user, ActiveUser(session->user_id));
  int64_t now = clock_.NowSeconds();
  if (now - session->last_seen_at >= options_.touch_interval_seconds) {
    RETURN_IF_ERROR(accounts_.TouchSession(hash, now));
  }
  Principal principal = PrincipalOf(user);
  return Authenticated{std::move(user), std::move(principal), AuthMethod::kSessionCookie,
                       session->csrf_token};
}

Result<Authenticated> SessionService::AuthenticateApiToken(std::string_view token) {
  if (!token.starts_with(kApiTokenPrefix)) return Unauthenticated(std::string(kBadToken));
  ASSIGN_OR_RETURN(std::optional<ApiTokenRecord> record,
                   accounts_.FindApiTokenByHash(HashToken(token)));
  if (!record) return Unauthenticated(std::string(kBadToken));
  int64_t now = clock_.NowSeconds();
  if (record->expires_at && now >= *record->expires_at) {
    return Unauthenticated(std::string(kBadToken));
  }
  auto user = ActiveUser(record->user_id);
  if (!user.ok()) return Unauthenticated(std::string(kBadToken));
  if (!record->last_used_at || now - *record->last_used_at >= options_.touch_interval_seconds) {
    RETURN_IF_ERROR(accounts_.TouchApiToken(record->id, now));
  }
  Principal principal = PrincipalOf(*user);
  return Authenticated{std::move(user).value(), std::move(principal), AuthMethod::kApiToken, "",
                       record->scope};
}

Status SessionService::SignOut(std::string_view session_token) {
  std::string hash = HashToken(session_token);
  ASSIGN_OR_RETURN(std::optional<SessionRecord> session, accounts_.FindSession(hash));
  if (!session) return OkStatus();
  RETURN_IF_ERROR(accounts_.DeleteSession(hash));
  return audit_.Record(session->user_id, "session.delete", "user", session->user_id, "");
}

Result<NewApiToken> SessionService::CreateApiToken(const Principal& owner,
                                                   const NewApiTokenRequest& request) {
  const std::string& name = request.name;
  if (name.empty() || name.size() > kMaxTokenNameLength) {
    return InvalidField("name", "1 to " + std::to_string(kMaxTokenNameLength) + " characters");
  }
  if (request.expires_in_days < 1 || request.expires_in_days > kMaxTokenDays) {
    return InvalidField("expires_in_days",
                        "a whole number of days from 1 to " + std::to_string(kMaxTokenDays),
                        std::to_string(request.expires_in_days));
  }
  ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> held, accounts_.ListApiTokens(owner.user_id));
  if (held.size() >= kMaxTokensPerUser) {
    return FailedPrecondition("a user may hold at most " + std::to_string(kMaxTokensPerUser) +
                              " API tokens; revoke one first");
  }
  constexpr int64_t kSecondsPerDay = 86400;
  const int64_t now = clock_.NowSeconds();
  NewApiToken created;
  created.token = GenerateToken(kApiTokenPrefix);
  created.record = ApiTokenRecord{GenerateToken("tok_").substr(0, kTokenIdLength),
                                  owner.user_id,
                                  name,
                                  HashToken(created.token),
                                  now,
                                  std::nullopt,
                                  now + request.expires_in_days * kSecondsPerDay,
                                  request.scope};
  RETURN_IF_ERROR(accounts_.CreateApiToken(created.record));
  RETURN_IF_ERROR(audit_.Record(owner.user_id, "token.create", "token", created.record.id,
                                created.record.name +
                                    " scope=" + std::string(ToString(request.scope)) +
                                    " days=" + std::to_string(request.expires_in_days)));
  return created;
}

Result<std::vector<ApiTokenRecord>> SessionService::ListApiTokens(const Principal& owner) {
  return accounts_.ListApiTokens(owner.user_id);
}

Status SessionService::DeleteApiToken(const Principal& owner, std::string_view token_id) {
  RETURN_IF_ERROR(accounts_.DeleteApiToken(owner.user_id, token_id));
  return audit_.Record(owner.user_id, "token.delete", "token", token_id, "");
}

}  // namespace guild
