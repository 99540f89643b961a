#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace guild::http {
namespace {

std::string Escaped(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(JsonWriterTest, WritesNestedDocuments) {
  std::string out;
  JsonWriter writer(out);
  writer.BeginObject().Member("a", 1).Key("b").BeginArray().Bool(true).Null().Double(0.5);
  writer.BeginObject().EndObject().BeginArray().EndArray().EndArray();
  writer.Member("c", "x").Key("d").Uint(18446744073709551615ULL).EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":[true,null,0.5,{},[]],"c":"x","d":18446744073709551615})");
  EXPECT_EQ(writer.depth(), 0);
}

TEST(JsonWriterTest, EscapesControlCharactersQuotesAndSeparators) {
  EXPECT_EQ(Escaped("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(Escaped("\n\t\r\b\f"), R"("\n\t\r\b\f")");
  EXPECT_EQ(Escaped(std::string_view("\x00\x01\x1f", 3)), R"("\u0000\u0001\u001f")");
  EXPECT_EQ(Escaped("\xE2\x80\xA8"), R"("\u2028")");
  EXPECT_EQ(Escaped("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(Escaped("a\xFF"
                    "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(Escaped("\xC3"), "\"\xEF\xBF\xBD\"");                                  // truncated
  EXPECT_EQ(Escaped("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST(JsonWriterTest, NumbersRoundTripAndNonFiniteIsNull) {
  std::string out;
  JsonWriter writer(out);
  writer.BeginArray().Int(std::numeric_limits<std::int64_t>::min()).Double(0.1).Double(1e300);
  writer.Double(std::numeric_limits<double>::quiet_NaN()).Double(-1.0 / 0.0).EndArray();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed[0].get<std::int64_t>(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(parsed[1].get<double>(), 0.1);
  EXPECT_EQ(parsed[2].get<double>(), 1e300);
  EXPECT_TRUE(parsed[3].is_null());
  EXPECT_TRUE(parsed[4].is_null());
}

// Reference: nlohmann::json must parse what we write back to the same value.
TEST(JsonWriterTest, RandomStringsRoundTripThroughAReferenceParser) {
  std::mt19937 random(42);
  const std::string pieces[] = {"a",
                                "\"",
                                "\\",
                                "\n",
                                std::string(1, '\0'),
                                "\x1f",
                                "\xC3\xA9",
                                "\xE2\x82\xAC",
                                "\xF0\x9F\x98\x80",
                                "/",
                                " ",
                                "\x7f"};
  for (int trial = 0; trial < 5000; ++trial) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
    std::string out;
    JsonWriter writer(out);
    writer.BeginObject().Member(text, text).EndObject();
    const auto parsed = nlohmann::json::parse(out);
    ASSERT_EQ(parsed.begin().key(), text);
    ASSERT_EQ(parsed.begin().value().get<std::string>(), text);
  }
}

TEST(JsonWriterTest, RandomBytesAlwaysGiveValidJson) {
  std::mt19937 random(3);
  for (int trial = 0; trial < 5000; ++trial) {
    std::string text;
    const int count = static_cast<int>(random() % 16);
    for (int i = 0; i < count; ++i) text.push_back(static_cast<char>(random() % 256));
    ASSERT_NO_THROW(nlohmann::json::parse(Escaped(text))) << Escaped(text);
  }
}

}  // namespace
}  // namespace guild::http
