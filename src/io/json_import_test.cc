// JSON files: malformed text, wrong types, unknown and missing fields, each
// reported with the element index and its line.
#include <gtest/gtest.h>

#include "common/json_text.h"
#include "io/import.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::RichFirm;
using testing::TempStore;

class JsonImportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.store().Upsert(RichFirm()).ok()); }

  ImportReport Import(EntityKind kind, std::string_view text) {
    int64_t before = db_.TotalCount();
    auto report = ImportFile(db_.store(), kind, Format::kJson, "in.json", text);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(db_.TotalCount(), before);
    return report.ok() ? *report : ImportReport{};
  }

  TempStore db_;
};

TEST_F(JsonImportTest, MalformedJsonIsOneErrorWithLineAndColumn) {
  ImportReport report = Import(EntityKind::kClients, "[\n  {\"id\": \"c9\",\n   \"name\": }\n]");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].line, 3);
  EXPECT_EQ(report.errors[0].column, 12);
  EXPECT_NE(report.errors[0].expected.find("well-formed JSON"), std::string::npos);
}

TEST_F(JsonImportTest, TopLevelMustBeAnArrayOfObjects) {
  EXPECT_EQ(Import(EntityKind::kClients, "{\"id\": \"c9\"}").errors.size(), 1u);
  ImportReport report = Import(EntityKind::kClients, "[\n{\"id\":\"c9\",\"name\":\"N\"},\n 42\n]");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].element, 1);
  EXPECT_EQ(report.errors[0].line, 3);
}

TEST_F(JsonImportTest, WrongTypesUnknownAndMissingFieldsAreAllReported) {
  ImportReport report =
      Import(EntityKind::kPersonSkills,
             "[\n"
             "  {\"person_id\": \"p1\", \"skill_id\": \"esco:1f2e\", \"level\": 3},\n"
             "  {\"person_id\": \"p1\", \"skill_id\": \"onet:2.A.1.a\",\n"
             "   \"level\": \"three\"},\n"
             "  {\"person_id\": \"p2\", \"skill_id\": \"esco:1f2e\", \"level\": 2,\n"
             "   \"colour\": \"red\"},\n"
             "  {\"person_id\": \"p3\", \"level\": 2},\n"
             "  {\"person_id\": \"p3\", \"skill_id\": \"esco:1f2e\", \"level\": 2,"
             " \"wants_to_grow\": \"yes\", \"last_used\": null}\n"
             "]\n");
  ASSERT_EQ(report.errors.size(), 4u) << report.errors[0].ToString();
  EXPECT_EQ(report.errors[0].element, 1);
  EXPECT_EQ(report.errors[0].line, 3);
  EXPECT_EQ(report.errors[0].field, "level");
  EXPECT_EQ(report.errors[0].value, "three");
  EXPECT_EQ(report.errors[0].ToString(),
            "in.json:3: element 1, field 'level': got 'three', expected a whole number");
  EXPECT_EQ(report.errors[1].element, 2);
  EXPECT_EQ(report.errors[1].line, 5);
  EXPECT_EQ(report.errors[1].field, "colour");
  EXPECT_EQ(report.errors[2].element, 3);
  EXPECT_EQ(report.errors[2].line, 7);
  EXPECT_EQ(report.errors[2].field, "skill_id");
  EXPECT_EQ(report.errors[3].element, 4);
  EXPECT_EQ(report.errors[3].field, "wants_to_grow");
}

TEST_F(JsonImportTest, NestedListsHaveTheirOwnShape) {
  ImportReport report = Import(EntityKind::kRoles,
                               "[{\"id\": \"r9\", \"name\": \"R\", \"skills\": "
                               "[{\"skill_id\": \"firm:tax\", \"level\": \"high\"}]},\n"
                               " {\"id\": \"r10\", \"name\": \"R\", \"skills\": "
                               "[{\"skill_id\": \"nope\", \"level\": 2}]}]");
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].field, "skills");
  EXPECT_EQ(report.errors[0].line, 1);
  EXPECT_EQ(report.errors[1].field, "skills");
  EXPECT_EQ(report.errors[1].value, "nope");
  EXPECT_EQ(report.errors[1].line, 2);
}

TEST_F(JsonImportTest, DeepNestingIsOneErrorNotACrash) {
  // 100,000 nested arrays overflowed the stack (the CLI exited with 139).
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  ImportReport report = Import(EntityKind::kPeople, deep);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].line, 1);
  EXPECT_EQ(report.errors[0].column, 33);
  EXPECT_NE(report.errors[0].expected.find("at most 32 nested"), std::string::npos);
}

TEST_F(JsonImportTest, NumbersBeyondADoubleAreFieldErrors) {
  // 1e400 aborted the CLI (exit 134): the parser threw out_of_range.
  ImportReport report =
      Import(EntityKind::kRoles,
             "[{\"id\": \"r9\", \"name\": \"R\", \"skills\": "
             "[{\"skill_id\": \"firm:tax\", \"level\": 2, \"importance\": 1e400}]},\n"
             " {\"id\": \"r10\", \"name\": 5,\n \"skills\": -2e999}]");
  ASSERT_EQ(report.errors.size(), 3u) << report.errors[0].ToString();
  EXPECT_EQ(report.errors[0].element, 0);
  EXPECT_EQ(report.errors[0].field, "skills");
  EXPECT_EQ(report.errors[0].value, "1e400");
  EXPECT_EQ(report.errors[0].expected, kDoubleRangeExpected);
  EXPECT_EQ(report.errors[1].element, 1);
  EXPECT_EQ(report.errors[1].field, "name");
  EXPECT_EQ(report.errors[2].element, 1);
  EXPECT_EQ(report.errors[2].line, 3);
  EXPECT_EQ(report.errors[2].field, "skills");
}

}  // namespace
}  // namespace guild::io
