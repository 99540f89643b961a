#include "service/accounts/crypto.h"

#include <gtest/gtest.h>

#include <set>

#include "service/common/paging.h"

namespace guild {
namespace {

TEST(CryptoTest, PasswordHashVerifiesOnlyTheRightPassword) {
  auto hash = HashPassword("correct horse", MinimumPasswordOptions());
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horsE"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse"));
  EXPECT_FALSE(VerifyPassword("", "correct horse"));
}

TEST(CryptoTest, SamePasswordHashesDifferently) {
  auto a = HashPassword("correct horse", MinimumPasswordOptions());
  auto b = HashPassword("correct horse", MinimumPasswordOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // random salt
}

TEST(CryptoTest, PasswordLengthIsChecked) {
  EXPECT_EQ(HashPassword("short", MinimumPasswordOptions()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(HashPassword(std::string(kMaxPasswordLength + 1, 'x'), MinimumPasswordOptions())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

// Issue 27 item 7: "password" and "12345678" were accepted.
TEST(CryptoTest, CommonAndTrivialPasswordsAreRefused) {
  for (std::string_view weak :
       {"password", "12345678", "PassWord1", "qwertyuiop", "aaaaaaaa", "12121212", "abcabcab"}) {
    Status status = CheckPasswordPolicy(weak);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << weak;
    ASSERT_NE(status.where(), nullptr) << weak;
    EXPECT_EQ(status.where()->field, "password");
    EXPECT_EQ(HashPassword(weak, MinimumPasswordOptions()).status().code(),
              StatusCode::kInvalidArgument)
        << weak;
  }
  for (std::string_view fine : {"correct horse", "abcdabcd", "password-123", "s3cret-pass"}) {
    EXPECT_TRUE(CheckPasswordPolicy(fine).ok()) << fine;
  }
}

TEST(CryptoTest, TokensAreRandomAndHashedOneWay) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string token = GenerateToken("gt_");
    EXPECT_EQ(token.size(), 3u + 43u);
    EXPECT_TRUE(token.starts_with("gt_"));
    EXPECT_TRUE(seen.insert(token).second);
  }
  std::string token = GenerateToken("gt_");
  std::string hash = HashToken(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, HashToken(token));
  EXPECT_NE(hash, HashToken(token + "x"));
  EXPECT_EQ(hash.find(token), std::string::npos);
}

TEST(CryptoTest, KnownBlake2bVector) {
  // BLAKE2b-256 of the empty string (RFC 7693 parameters, 32-byte digest).
  EXPECT_EQ(HashToken(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(PagingTest, CursorRoundTripsAndRejectsForgeries) {
  std::string cursor = EncodeCursor("Mia Member\x1fmember");
  auto key = DecodeCursor(cursor);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "Mia Member\x1fmember");
  EXPECT_EQ(DecodeCursor("!!!").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeCursor("aGVsbG8").status().code(), StatusCode::kInvalidArgument);  // "hello"
  EXPECT_EQ(CheckPageLimit(0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckPageLimit(kMaxPageLimit + 1).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckPageLimit(kMaxPageLimit).ok());
}

}  // namespace
}  // namespace guild
