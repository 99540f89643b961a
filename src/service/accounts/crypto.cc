#include "service/accounts/crypto.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "service/accounts/breached_passwords.h"

namespace guild {
namespace {

constexpr size_t kTokenBytes = 32;

// sodium_init is idempotent and thread-safe; every entry point calls it.
void EnsureSodium() { [[maybe_unused]] int rc = sodium_init(); }

constexpr size_t kMinDistinctCharacters = 4;

// The most common passwords of at least kMinPasswordLength characters, from
// the public lists of leaked passwords; lower case.
constexpr std::array<std::string_view, 48> kCommonPasswords = {
    "password",  "password1",     "password12", "password123", "passw0rd", "p@ssw0rd", "12345678",
    "123456789", "1234567890",    "0123456789", "87654321",    "11223344", "qwertyui", "qwertyuiop",
    "qwerty123", "qwerty12",      "1q2w3e4r",   "1qaz2wsx",    "zaq12wsx", "asdfghjk", "asdfghjkl",
    "zxcvbnm1",  "iloveyou",      "iloveyou1",  "sunshine",    "princess", "football", "baseball",
    "superman",  "trustno1",      "welcome1",   "welcome123",  "letmein1", "abcd1234", "abc12345",
    "admin123",  "administrator", "changeme",   "changeme1",   "starwars", "whatever", "computer",
    "michelle",  "jennifer",      "corvette",   "mercedes",    "guild123", "password!"};

}  // namespace

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return InvalidField("password", std::to_string(kMinPasswordLength) + " to " +
                                        std::to_string(kMaxPasswordLength) + " characters");
  }
  std::string lower(password);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    return InvalidField("password", "a password that is not one of the most common ones");
  }
  std::array<bool, 256> seen{};
  size_t distinct = 0;
  for (char c : password) {
    bool& was = seen[static_cast<unsigned char>(c)];
    if (!was) ++distinct;
    was = true;
  }
  if (distinct < kMinDistinctCharacters) {
    return InvalidField(
        "password", "at least " + std::to_string(kMinDistinctCharacters) + " different characters");
  }
  return OkStatus();
}

PasswordOptions MinimumPasswordOptions() {
  return PasswordOptions{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordOptions& options) {
  RETURN_IF_ERROR(CheckPasswordPolicy(password));
  if (options.breached != nullptr && options.breached->Contains(password)) {
    return InvalidField("password",
                        "a password that is not on the list of passwords known from data breaches");
  }
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), options.ops_limit,
                            options.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return ResourceExhausted("password hashing: out of memory");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string GenerateToken(std::string_view prefix) {
  EnsureSodium();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  return std::string(prefix) + text.data();
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace guild
