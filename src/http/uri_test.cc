#include "http/uri.h"

#include <gtest/gtest.h>

#include <random>

namespace guild::http {
namespace {

TEST(UriTest, PercentDecodes) {
  EXPECT_EQ(*PercentDecode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(*PercentDecode("a+b"), "a+b");
  EXPECT_EQ(*PercentDecode("a+b", PlusMeans::kSpace), "a b");
  EXPECT_EQ(*PercentDecode("%C3%A9t%C3%A9"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(*PercentDecode("%2e%2E"), "..");
}

TEST(UriTest, RejectsBadEscapesNulAndBadUtf8) {
  EXPECT_FALSE(PercentDecode("%").ok());
  EXPECT_FALSE(PercentDecode("%4").ok());
  EXPECT_FALSE(PercentDecode("%zz").ok());
  EXPECT_FALSE(PercentDecode("a%00b").ok());
  EXPECT_FALSE(PercentDecode("%FF").ok());
  EXPECT_FALSE(PercentDecode("%C0%AF").ok());  // overlong '/'
  EXPECT_NE(PercentDecode("%FF").status().message().find("UTF-8"), std::string::npos);
}

TEST(UriTest, ParsesQueries) {
  auto fields = ParseQuery("limit=50&q=ann+lee&&cursor=a%26b&flag");
  ASSERT_TRUE(fields.ok());
  const Fields expected = {{"limit", "50"}, {"q", "ann lee"}, {"cursor", "a&b"}, {"flag", ""}};
  EXPECT_EQ(*fields, expected);
  auto bad = ParseQuery("limit=%G1");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("limit"), std::string::npos);
}

// Reference: decode one code point the textbook way and check its range.
bool ReferenceValidUtf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t cp = length == 1 ? b : b & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c >> 6) != 2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

TEST(UriTest, Utf8ValidationMatchesReference) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string text{static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(IsValidUtf8(text), ReferenceValidUtf8(text)) << a << " " << b;
    }
  }
  std::mt19937 random(7);
  const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                       0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int trial = 0; trial < 200000; ++trial) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 5);
    for (int k = 0; k < length; ++k) text.push_back(static_cast<char>(interesting[random() % 20]));
    ASSERT_EQ(IsValidUtf8(text), ReferenceValidUtf8(text));
  }
}

}  // namespace
}  // namespace guild::http
