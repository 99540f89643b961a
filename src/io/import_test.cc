// A file with many different problems: every one is reported with its line
// and column, and the store is left unchanged.
#include "io/import.h"

#include <gtest/gtest.h>

#include <utility>

#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::RichFirm;
using testing::TempStore;

// (line, field) of every error, in order.
std::vector<std::pair<int64_t, std::string>> Where(const ImportReport& report) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& e : report.errors) out.emplace_back(e.line, e.field);
  return out;
}

class ImportErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.store().Upsert(RichFirm()).ok()); }

  ImportReport Import(EntityKind kind, std::string_view text, Format format = Format::kCsv) {
    int64_t before = db_.TotalCount();
    auto report = ImportFile(db_.store(), kind, format, "in.csv", text);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(db_.TotalCount(), before) << "a failed import must write nothing";
    return report.ok() ? *report : ImportReport{};
  }

  TempStore db_;
};

TEST_F(ImportErrorsTest, PeopleFileReportsEveryProblemWithLineAndColumn) {
  ImportReport report = Import(EntityKind::kPeople,
                               "id,name,email,weekly_capacity_hours,start_date,end_date,"
                               "manager_id,colour\n"
                               "n1,Ann,n1@firm.com,40,2020-01-01,,,blue\n"
                               "n2,Bob,not-an-email,40,,,n1,red\n"
                               "n3,Cy,n3@firm.com,abc,,,,\n"
                               "n4,Di,n4@firm.com,40,2021-05-01,2020-01-01,,\n"
                               "n5,Ed,n5@firm.com,40,,,nobody,\n"
                               "n1,Fay,fay@firm.com,40,,,,\n"
                               "n6,Gus,gus@firm.com,40\n"
                               "n7,Hal,N3@firm.com,40,,,,\n"
                               "n8,Ivy,ivy@firm.com,40,1999-02-30,,,\n");
  using P = std::pair<int64_t, std::string>;
  EXPECT_EQ(Where(report), (std::vector<P>{{3, "email"},
                                           {4, "weekly_capacity_hours"},
                                           {5, "end_date"},
                                           {6, "manager_id"},
                                           {7, "id"},
                                           {8, ""},
                                           {9, "email"},
                                           {10, "start_date"}}));
  EXPECT_EQ(report.errors_total, 8);
  EXPECT_EQ(report.errors[0].value, "not-an-email");
  EXPECT_EQ(report.errors[0].ToString(),
            "in.csv:3: column 'email': got 'not-an-email', expected an email address like "
            "name@firm.com");
  EXPECT_EQ(report.errors[1].value, "abc");
  EXPECT_EQ(report.errors[1].expected, "a number");
  EXPECT_EQ(report.errors[3].value, "nobody");
  EXPECT_NE(report.errors[4].expected.find("line 2"), std::string::npos);
  EXPECT_EQ(report.errors[7].value, "1999-02-30");
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].field, "colour");
  EXPECT_EQ(report.inserted, 0);
  EXPECT_FALSE(report.status().ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ImportErrorsTest, PersonSkillsReferencesEnumsEncodingAndDuplicates) {
  ImportReport report = Import(EntityKind::kPersonSkills,
                               "person_id,skill_id,source,level\r\n"
                               "p1,firm:tax,peer,3\r\n"
                               "ghost,firm:tax,self,3\r\n"
                               "p2,no-such-skill,self,2\r\n"
                               "p2,firm:tax,boss,2\r\n"
                               "p3,firm:tax,self,7\r\n"
                               "p3,esco:1f2e,self,2\r\n"
                               "p3,esco:1f2e,self,4\r\n"
                               "p3,\"Caf\xE9\",self,2\r\n");
  using P = std::pair<int64_t, std::string>;
  EXPECT_EQ(Where(report), (std::vector<P>{{3, "person_id"},
                                           {4, "skill_id"},
                                           {5, "source"},
                                           {6, "level"},
                                           {8, "person_id, skill_id and source"},
                                           {9, ""},
                                           {9, "skill_id"}}));
  EXPECT_EQ(report.errors[2].expected, "one of self, peer, manager, assessed");
  EXPECT_EQ(report.errors[5].column, 8);
  EXPECT_NE(report.errors[5].expected.find("UTF-8"), std::string::npos);
}

TEST_F(ImportErrorsTest, ARowWithABadCellStillHasItsOtherFieldsChecked) {
  ImportReport report = Import(EntityKind::kPeople,
                               "id,name,email,weekly_capacity_hours,manager_id\n"
                               "n2,Bob,bad,xx,n9\n");
  using P = std::pair<int64_t, std::string>;
  EXPECT_EQ(Where(report),
            (std::vector<P>{{2, "weekly_capacity_hours"}, {2, "email"}, {2, "manager_id"}}));
}

TEST_F(ImportErrorsTest, MissingRequiredColumnsAreReportedOnTheHeader) {
  ImportReport report = Import(EntityKind::kEngagements, "id,name,start\ne9,X,2024-01-01\n");
  using P = std::pair<int64_t, std::string>;
  EXPECT_EQ(Where(report), (std::vector<P>{{1, "client_id"}, {1, "end"}}));
  EXPECT_EQ(report.errors[0].ToString(),
            "in.csv:1: column 'client_id': got '(no such column)', expected a column named "
            "'client_id' in the header");
}

TEST_F(ImportErrorsTest, CsvSyntaxErrorsCarryTheColumn) {
  ImportReport report = Import(EntityKind::kClients, "id,name\nc9,\"Acme\"x\nc10,\"open\n");
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].line, 2);
  EXPECT_EQ(report.errors[0].column, 10);
  EXPECT_EQ(report.errors[1].line, 3);
  EXPECT_EQ(report.errors[1].column, 5);
}

TEST_F(ImportErrorsTest, FilesOverTheSizeLimitAreRefused) {
  ImportOptions options;
  options.max_file_bytes = 10;
  auto report = ImportFile(db_.store(), EntityKind::kClients, Format::kCsv, "big.csv",
                           "id,name\nc9,Acme\n", options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_NE(report->errors[0].expected.find("at most 10 bytes"), std::string::npos);
}

TEST_F(ImportErrorsTest, ErrorsBeyondTheLimitAreCountedNotKept) {
  std::string text = "id,name\n";
  for (int i = 0; i < 50; ++i) text += "c" + std::to_string(i) + ",\n";
  ImportOptions options;
  options.max_problems = 5;
  auto report = ImportFile(db_.store(), EntityKind::kClients, Format::kCsv, "f", text, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->errors.size(), 5u);
  EXPECT_EQ(report->errors_total, 50);
}

TEST_F(ImportErrorsTest, GoodFileWritesAndCountsNewAndUpdated) {
  auto report = ImportFile(db_.store(), EntityKind::kClients, Format::kCsv, "c.csv",
                           "\xEF\xBB\xBF"
                           "Name , ID,key_client\r\nAcme Renamed,c1,no\r\n"
                           "\r\nNew Co,c3,yes\r\n");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->errors.empty()) << report->errors[0].ToString();
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(report->inserted, 1);
  EXPECT_EQ(report->updated, 1);
  auto clients = db_.store().Load(LoadOptions{{EntityKind::kClients}});
  ASSERT_TRUE(clients.ok());
  ASSERT_EQ(clients->clients.size(), 3u);
  EXPECT_EQ(clients->clients[0].name, "Acme Renamed");
  EXPECT_FALSE(clients->clients[0].key_client);
  EXPECT_TRUE(clients->clients[2].key_client);
}

}  // namespace
}  // namespace guild::io
