// SessionService: sign-in, sessions and API tokens.
//
// Sign-in checks an email and password against the stored argon2id hash and
// opens a session: a random cookie token (stored hashed) and a CSRF token
// that writes through the cookie must echo. Sessions end on sign-out, after
// idle_timeout without use, or absolute_timeout after sign-in, whichever is
// first; a disabled user's sessions and tokens stop working at once. Sign-in
// attempts are rate-limited per client address, and failed ones per email
// and address pair: guessing from one address locks that address out of the
// account, never the owner signing in from elsewhere. Every failed sign-in is
// written to the audit log (action "session.fail").
//
// Errors: kUnauthenticated for wrong credentials, unknown or expired
// sessions and tokens (one message for every such case, naming no reason an
// attacker could use); kResourceExhausted when rate-limited (the message
// says when to retry); kInvalidArgument for malformed input.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/accounts/audit_log.h"
#include "service/accounts/crypto.h"
#include "service/accounts/rate_limiter.h"
#include "store/account_store.h"

namespace guild {

struct SessionOptions {
  int64_t idle_timeout_seconds = int64_t{2} * 60 * 60;       //!< unused this long: expired
  int64_t absolute_timeout_seconds = int64_t{12} * 60 * 60;  //!< this long after sign-in: expired
  int64_t touch_interval_seconds = 60;  //!< last_seen_at is written at most this often
  //! Failed sign-ins per email and client address pair.
  RateLimitOptions per_email_and_address{5, int64_t{15} * 60, 100000};
  RateLimitOptions per_address{30, int64_t{15} * 60, 100000};  //!< sign-ins per client address
  PasswordOptions password;  //!< cost of the dummy hash checked for unknown emails
};

//! How a request proved who it is.
enum class AuthMethod { kSessionCookie, kApiToken };

struct Authenticated {
  UserRecord user;
  Principal principal;
  AuthMethod method = AuthMethod::kSessionCookie;
  std::string csrf_token;  //!< the session's; empty for API tokens
  //! A session may do all its user may; a read-only token only GET and HEAD.
  TokenScope scope = TokenScope::kWrite;
};

//! An API token to create. Every token expires: after 1 to
//! SessionService::kMaxTokenDays days.
struct NewApiTokenRequest {
  std::string name;  //!< 1 to kMaxTokenNameLength bytes
  TokenScope scope = TokenScope::kWrite;
  int expires_in_days = 90;
};

struct SignedIn {
  UserRecord user;
  std::string session_token;  //!< the cookie's value; never stored
  std::string csrf_token;
};

struct NewApiToken {
  ApiTokenRecord record;
  std::string token;  //!< shown once; only its hash is stored
};

class SessionService {
 public:
  //! `accounts`, `audit` and `clock` must outlive the service.
  SessionService(AccountStore& accounts, AuditLog& audit, const Clock& clock,
                 SessionOptions options);

  [[nodiscard]] Result<SignedIn> SignIn(std::string_view email, std::string_view password,
                                        std::string_view client_address);
  //! The user behind a session cookie; refreshes its last use.
  [[nodiscard]] Result<Authenticated> AuthenticateSession(std::string_view session_token);
  //! The user behind an API token; records its last use.
  [[nodiscard]] Result<Authenticated> AuthenticateApiToken(std::string_view token);
  //! Seconds until a sign-in for `email` from `client_address` may be
  //! tried again; 0 when it may now (the Retry-After of a 429).
  [[nodiscard]] int64_t SignInRetryAfterSeconds(std::string_view email,
                                                std::string_view client_address);
  //! Revokes the session; unknown tokens are ignored.
  [[nodiscard]] Status SignOut(std::string_view session_token);

  //! kInvalidArgument naming the field when the name is empty or longer than
  //! kMaxTokenNameLength or the expiry is outside 1..kMaxTokenDays;
  //! kFailedPrecondition when the owner already holds kMaxTokensPerUser tokens.
  [[nodiscard]] Result<NewApiToken> CreateApiToken(const Principal& owner,
                                                   const NewApiTokenRequest& request);
  [[nodiscard]] Result<std::vector<ApiTokenRecord>> ListApiTokens(const Principal& owner);
  //! Tokens are scoped by owner: another user's token id is kNotFound, so
  //! token ids reveal nothing across users.
  [[nodiscard]] Status DeleteApiToken(const Principal& owner, std::string_view token_id);

  static constexpr size_t kMaxTokenNameLength = 100;
  static constexpr int kMaxTokenDays = 365;
  static constexpr size_t kMaxTokensPerUser = 20;
  static constexpr std::string_view kSessionPrefix = "gs_";
  static constexpr std::string_view kApiTokenPrefix = "gt_";

 private:
  Result<UserRecord> CheckPassword(std::string_view email, std::string_view password);
  Result<UserRecord> ActiveUser(std::string_view user_id);
  Status AuditFailure(std::string_view email, std::string_view client_address,
                      std::string_view reason);
  bool Expired(const SessionRecord& session) const;

  AccountStore& accounts_;
  AuditLog& audit_;
  const Clock& clock_;
  const SessionOptions options_;
  SlidingWindowLimiter pair_limiter_;  // failed sign-ins per email and address
  SlidingWindowLimiter address_limiter_;
  std::string dummy_hash_;  // verified against for unknown emails, to even out timing
};

//! The Principal for a stored user.
Principal PrincipalOf(const UserRecord& user);

//! Trims and lower-cases an email; kInvalidArgument unless it looks like
//! "name@firm.com" (domain/validate.h LooksLikeEmail).
Result<std::string> CheckEmail(std::string_view email);

}  // namespace guild
