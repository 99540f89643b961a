// Secrets: password hashing (argon2id through libsodium), random tokens and
// their one-way hashes.
//
// Passwords are stored only as crypto_pwhash_str strings; session cookies and
// API tokens only as the hex BLAKE2b-256 hash of the token. The clear token is
// returned once, to the caller that creates it.
//
// Thread safety: every function here may be called from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace guild {

class BreachedPasswords;

//! argon2id cost. Defaults follow libsodium's "interactive" limits: about
//! 0.1 s and 64 MiB per hash. Tests use MinimumPasswordOptions().
struct PasswordOptions {
  uint64_t ops_limit = 2;                       //!< crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t mem_limit = size_t{64} * 1024 * 1024;  //!< crypto_pwhash_MEMLIMIT_INTERACTIVE
  //! Passwords known from data breaches (breached_passwords.h), refused by
  //! HashPassword; null: no list (CheckPasswordPolicy's rules only).
  std::shared_ptr<const BreachedPasswords> breached;
};
//! The cheapest limits libsodium accepts: for tests and demos only.
PasswordOptions MinimumPasswordOptions();

//! Shortest and longest password accepted (bytes).
inline constexpr size_t kMinPasswordLength = 8;
inline constexpr size_t kMaxPasswordLength = 1024;

//! OK when `password` may be used: its length is inside
//! [kMinPasswordLength, kMaxPasswordLength], it is not one of the most common
//! passwords (compared case-insensitively: "password", "12345678",
//! "qwertyuiop"...), and it has at least 4 distinct characters ("aaaaaaaa",
//! "12121212" are refused). Else kInvalidArgument naming the field "password".
Status CheckPasswordPolicy(std::string_view password);

//! Hashes `password` with argon2id. kInvalidArgument (field "password") when
//! CheckPasswordPolicy refuses it or it is on `options.breached`; kResourceExhausted when memory
//! for the hash cannot be had.
Result<std::string> HashPassword(std::string_view password, const PasswordOptions& options);

//! true when `password` matches `hash` (a HashPassword result). Any malformed
//! hash gives false.
bool VerifyPassword(std::string_view hash, std::string_view password);

//! A new random token: `prefix` + 43 characters of URL-safe base64 (256 bits).
std::string GenerateToken(std::string_view prefix);

//! Lower-case hex of BLAKE2b-256(token): what the stores keep.
std::string HashToken(std::string_view token);

//! Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace guild
