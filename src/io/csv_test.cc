#include "io/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guild::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadAll(std::string_view text, std::vector<int64_t>* lines = nullptr,
             std::vector<CsvSyntaxError>* errors = nullptr) {
  CsvReader reader(text);
  CsvRecord record;
  Rows rows;
  while (reader.Next(record)) {
    rows.emplace_back(record.fields.begin(), record.fields.end());
    if (lines) lines->push_back(record.line);
  }
  if (errors) *errors = reader.errors();
  return rows;
}

TEST(CsvReaderTest, PlainFieldsAndLineEndings) {
  EXPECT_EQ(ReadAll("a,b\n1,2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\r\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,,\n"), (Rows{{"a", "", ""}}));
  EXPECT_TRUE(ReadAll("").empty());
}

TEST(CsvReaderTest, QuotedFieldsWithEscapesCommasAndNewlines) {
  std::vector<int64_t> lines;
  Rows rows = ReadAll("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\nlast,\"\"\n",
                      &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Smith, J", "said \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"multi\nline", "x"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 3, 5}));
}

TEST(CsvReaderTest, SeveralEscapedFieldsInOneRecordStayIntact) {
  Rows rows = ReadAll("\"a\"\"1\",\"b\"\"2\",\"c\"\n");
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a\"1", "b\"2", "c"}));
}

TEST(CsvReaderTest, SkipsByteOrderMark) {
  std::vector<CsvSyntaxError> errors;
  Rows rows = ReadAll("\xEF\xBB\xBFid,name\n1,x\n", nullptr, &errors);
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_TRUE(errors.empty());
}

TEST(CsvReaderTest, RaggedRowsAreReadAsTheyAre) {
  Rows rows = ReadAll("a,b,c\n1,2\n1,2,3,4\n");
  EXPECT_EQ(rows[1].size(), 2u);
  EXPECT_EQ(rows[2].size(), 4u);
}

TEST(CsvReaderTest, UnterminatedQuoteIsReportedWhereItStarts) {
  std::vector<CsvSyntaxError> errors;
  ReadAll("a,b\n1,\"open\n2,3\n", nullptr, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.line, 2);
  EXPECT_EQ(errors[0].where.column, 3);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsReportedAndReadingGoesOn) {
  std::vector<CsvSyntaxError> errors;
  Rows rows = ReadAll("a,b\n\"x\"y,2\n3,4\n", nullptr, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.line, 2);
  EXPECT_EQ(errors[0].where.column, 4);
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x", "2"}));
}

TEST(Utf8Test, AcceptsValidTextAndFindsEveryBadSequence) {
  EXPECT_TRUE(FindInvalidUtf8("plain ascii, long enough to use words\n", 10).empty());
  EXPECT_TRUE(FindInvalidUtf8("Zoë, 東京, 😀", 10).empty());
  auto bad = FindInvalidUtf8(
      "ok\nab\xFF"
      "c\nx\xC3(\n",
      10);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0].line, 2);
  EXPECT_EQ(bad[0].column, 3);
  EXPECT_EQ(bad[1].line, 3);
  EXPECT_EQ(bad[1].column, 2);
}

TEST(Utf8Test, RejectsOverlongSurrogateAndTruncatedForms) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF", 10).size(), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80", 10).size(), 3u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("abc\xE2\x82", 10).size(), 2u);       // cut short
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80", 10).size(), 4u);  // > U+10FFFF
}

TEST(CsvWriterTest, QuotesOnlyWhenNeededAndReadsBack) {
  std::string out;
  CsvWriter writer(out);
  std::vector<std::string> values{"plain", "a,b", "say \"x\"", "two\nlines", ""};
  for (const auto& v : values) writer.Field(v);
  writer.EndRecord();
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\n");
  EXPECT_EQ(ReadAll(out), (Rows{values}));
}

}  // namespace
}  // namespace guild::io
