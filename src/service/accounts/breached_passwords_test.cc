#include "service/accounts/breached_passwords.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "service/accounts/crypto.h"

namespace guild {
namespace {

class BreachedPasswordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("guild_breached_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& text) {
    const std::string path = (dir_ / "pwned.txt").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

std::string RandomHex(std::mt19937_64& random, bool lower) {
  static constexpr char kUpper[] = "0123456789ABCDEF";
  static constexpr char kLower[] = "0123456789abcdef";
  std::string hex(40, '0');
  for (char& c : hex) c = (lower ? kLower : kUpper)[random() % 16];
  return hex;
}

TEST(Sha1HexTest, KnownVectors) {
  // FIPS 180-2 test vectors, and the list's own spelling of "password".
  EXPECT_EQ(Sha1Hex("abc"), "A9993E364706816ABA3E25717850C26C9CD0D89D");
  EXPECT_EQ(Sha1Hex(""), "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
  EXPECT_EQ(Sha1Hex("password"), "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
}

TEST_F(BreachedPasswordsTest, FindsExactlyTheListedHashesAsBinarySearchDoes) {
  std::mt19937_64 random(7);
  std::set<std::string> listed;
  while (listed.size() < 2000) listed.insert(RandomHex(random, false));
  std::string text;
  std::size_t i = 0;
  for (const std::string& hash : listed) {
    text += hash;
    if (i % 3 != 0) text += ":" + std::to_string(random() % 100000 + 1);  // counts are optional
    text += i % 5 == 0 ? "\r\n" : "\n";                                   // CRLF or LF
    ++i;
  }
  auto list = BreachedPasswords::Open(Write(text));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  // Every listed hash, in either case, and as many absent ones.
  for (const std::string& hash : listed) {
    EXPECT_TRUE((*list)->ContainsSha1(hash)) << hash;
    std::string lower = hash;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    EXPECT_TRUE((*list)->ContainsSha1(lower)) << lower;
  }
  const std::vector<std::string> sorted(listed.begin(), listed.end());
  for (int probe = 0; probe < 10000; ++probe) {
    const std::string hash = RandomHex(random, probe % 2 == 0);
    std::string upper = hash;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    EXPECT_EQ((*list)->ContainsSha1(hash), std::binary_search(sorted.begin(), sorted.end(), upper))
        << hash;
  }
  // The first and last lines, and text that is not a hash.
  EXPECT_TRUE((*list)->ContainsSha1(*listed.begin()));
  EXPECT_TRUE((*list)->ContainsSha1(*listed.rbegin()));
  EXPECT_FALSE((*list)->ContainsSha1("not a hash"));
  EXPECT_FALSE((*list)->ContainsSha1(std::string(40, 'G')));
}

TEST_F(BreachedPasswordsTest, ContainsHashesThePassword) {
  auto list = BreachedPasswords::Open(
      Write("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\n"  // "password"
            "A9993E364706816ABA3E25717850C26C9CD0D89D:12\n"));    // "abc"
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE((*list)->Contains("password"));
  EXPECT_TRUE((*list)->Contains("abc"));
  EXPECT_FALSE((*list)->Contains("Password"));
  EXPECT_FALSE((*list)->Contains("correct horse battery staple"));
}

TEST_F(BreachedPasswordsTest, HashPasswordRefusesAListedPasswordNamingTheField) {
  const std::string breached = "Tr0ub4dor&3-from-a-breach";
  const std::string fine = "Tr0ub4dor&3-never-leaked";
  auto list = BreachedPasswords::Open(Write(Sha1Hex(breached) + ":3\n"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  PasswordOptions options = MinimumPasswordOptions();
  options.breached = *list;
  const auto refused = HashPassword(breached, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  ASSERT_NE(refused.status().where(), nullptr);
  EXPECT_EQ(refused.status().where()->field, "password");
  EXPECT_NE(refused.status().message().find("data breaches"), std::string::npos);
  EXPECT_TRUE(HashPassword(fine, options).ok());
  options.breached = nullptr;  // without a list, the same password is accepted
  EXPECT_TRUE(HashPassword(breached, options).ok());
}

TEST_F(BreachedPasswordsTest, BadFilesAreRefusedNamingFileAndLine) {
  const std::string a = "0000000000000000000000000000000000000001";
  const std::string b = "0000000000000000000000000000000000000002";
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"", "empty"},
      {a + "\n" + "password\n", "line 2: expected 40 hex digits"},
      {a + "\n\n" + b + "\n", "line 2: expected 40 hex digits"},
      {a + ":\n", "line 1: expected"},
      {a + ":12x\n", "line 1: expected"},
      {a.substr(1) + "\n", "line 1: expected"},
      {b + "\n" + a + "\n", "line 2: not in ascending order"},
  };
  for (const Case& c : cases) {
    const std::string path = Write(c.text);
    auto list = BreachedPasswords::Open(path);
    ASSERT_FALSE(list.ok()) << c.text;
    EXPECT_EQ(list.status().code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(list.status().message().find(path), std::string::npos) << list.status().ToString();
    EXPECT_NE(list.status().message().find(c.expected), std::string::npos)
        << list.status().ToString();
  }
  auto missing = BreachedPasswords::Open((dir_ / "nothing.txt").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("nothing.txt"), std::string::npos);
}

}  // namespace
}  // namespace guild
