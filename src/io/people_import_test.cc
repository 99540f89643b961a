// People files as HR systems export them, and re-imports that update people
// found by email.
#include <gtest/gtest.h>

#include "io/import.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::TempStore;

constexpr std::string_view kHrExport =
    "Employee ID,First Name,Last Name,Email Address,Job Title,Department,Office,Grade,"
    "Manager Email,Weekly Hours,Start Date,Tags\n"
    ",Ann,Smith,Ann.Smith@Firm.com,Partner,Tax,London,partner,,40,2015-03-01,mentor; tax\n"
    ",Bob,Jones,bob@firm.com,Associate,Tax,London,associate,ann.smith@firm.com,37.5,2022-09-01,\n"
    "E100,Cy,Park,cy@firm.com,Manager,Audit,Paris,manager,ANN.SMITH@firm.com,40,,\n";

std::vector<Person> People(Store& store) {
  auto data = store.Load(LoadOptions{{EntityKind::kPeople}});
  EXPECT_TRUE(data.ok());
  return data.ok() ? data->people.get() : std::vector<Person>{};
}

ImportReport MustImport(Store& store, std::string_view text) {
  auto report = ImportFile(store, EntityKind::kPeople, Format::kCsv, "hr.csv", text);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  if (!report.ok()) return {};
  for (const auto& e : report->errors) ADD_FAILURE() << e.ToString();
  return *report;
}

TEST(PeopleImportTest, ReadsTheHrLayout) {
  TempStore db;
  ImportReport report = MustImport(db.store(), kHrExport);
  EXPECT_EQ(report.inserted, 3);
  EXPECT_TRUE(report.warnings.empty());
  std::vector<Person> people = People(db.store());
  ASSERT_EQ(people.size(), 3u);
  // Ordered by id: "E100", "ann.smith@firm.com", "bob@firm.com".
  EXPECT_EQ(people[0].id, "E100");
  EXPECT_EQ(people[0].manager_id, "ann.smith@firm.com");
  EXPECT_EQ(people[0].office, "Paris");
  EXPECT_EQ(people[1].id, "ann.smith@firm.com");
  EXPECT_EQ(people[1].name, "Ann Smith");
  EXPECT_EQ(people[1].title, "Partner");
  EXPECT_EQ(people[1].practice, "Tax");
  EXPECT_EQ(people[1].grade, "partner");
  EXPECT_EQ(people[1].tags, (std::vector<std::string>{"mentor", "tax"}));
  EXPECT_EQ(people[1].start_date, ParseDate("2015-03-01"));
  EXPECT_EQ(people[2].manager_id, "ann.smith@firm.com");
  EXPECT_EQ(people[2].weekly_capacity_hours, 37.5);
}

TEST(PeopleImportTest, ReimportUpdatesPeopleFoundByEmail) {
  TempStore db;
  MustImport(db.store(), "id,name,email\nx7,Dee Old,dee@firm.com\n");
  MustImport(db.store(), kHrExport);
  ImportReport again = MustImport(db.store(),
                                  "first_name,last_name,email,job_title,location\n"
                                  "Ann,Smith-Jones,ann.smith@firm.com,Senior Partner,New York\n"
                                  "Dee,New,DEE@firm.com,Director,Paris\n");
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 2);
  std::vector<Person> people = People(db.store());
  ASSERT_EQ(people.size(), 4u);
  EXPECT_EQ(people[1].id, "ann.smith@firm.com");
  EXPECT_EQ(people[1].name, "Ann Smith-Jones");
  EXPECT_EQ(people[1].office, "New York");
  EXPECT_EQ(people[3].id, "x7");
  EXPECT_EQ(people[3].name, "Dee New");
  EXPECT_EQ(people[3].title, "Director");
}

TEST(PeopleImportTest, EmailHeldByAnotherPersonAndUnknownManagerAreErrors) {
  TempStore db;
  MustImport(db.store(), kHrExport);
  auto report = ImportFile(db.store(), EntityKind::kPeople, Format::kCsv, "hr.csv",
                           "Employee ID,Name,Email,Manager Email\n"
                           "E200,Zed,bob@firm.com,\n"
                           "E201,Yan,yan@firm.com,boss@elsewhere.com\n");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 2u);
  EXPECT_EQ(report->errors[0].line, 2);
  EXPECT_EQ(report->errors[0].field, "email");
  EXPECT_NE(report->errors[0].expected.find("bob@firm.com"), std::string::npos);
  EXPECT_EQ(report->errors[1].line, 3);
  EXPECT_EQ(report->errors[1].field, "manager_email");
  EXPECT_EQ(People(db.store()).size(), 3u);
}

TEST(PeopleImportTest, ChangingEmailsBetweenTwoPeopleInOneFileIsAllowed) {
  TempStore db;
  MustImport(db.store(), "id,name,email\na,A,one@firm.com\nb,B,two@firm.com\n");
  ImportReport swap = MustImport(db.store(), "id,name,email\na,A,two@firm.com\nb,B,one@firm.com\n");
  EXPECT_EQ(swap.updated, 2);
}

}  // namespace
}  // namespace guild::io
