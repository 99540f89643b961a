// Export then import into an empty store gives the same entities, for every
// kind and both formats.
#include <gtest/gtest.h>

#include "io/export.h"
#include "io/import.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::Dump;
using testing::RichFirm;
using testing::TempStore;

std::string Loaded(Store& store, EntityKind kind) {
  auto data = store.Load(LoadOptions{{kind}});
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.ok() ? Dump(*data, kind) : "";
}

class RoundTripTest : public ::testing::TestWithParam<Format> {};

TEST_P(RoundTripTest, EveryKindComesBackIdentical) {
  TempStore source;
  TempStore target;
  ASSERT_TRUE(source.store().Upsert(RichFirm()).ok());
  for (EntityKind kind : kAllEntityKinds) {
    SCOPED_TRACE(std::string(ToString(kind)));
    auto text = ExportKind(source.store(), kind, GetParam());
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    auto report = ImportFile(target.store(), kind, GetParam(), "export", *text);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    for (const auto& e : report->errors) ADD_FAILURE() << e.ToString() << "\n" << *text;
    EXPECT_TRUE(report->warnings.empty());
    EXPECT_EQ(report->inserted, static_cast<int64_t>(RichFirm().Count(kind)));
    EXPECT_EQ(report->updated, 0);
    std::string expected = Loaded(source.store(), kind);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Loaded(target.store(), kind), expected);
  }
}

TEST_P(RoundTripTest, ImportingTheSameFileAgainUpdatesEverything) {
  TempStore source;
  TempStore target;
  ASSERT_TRUE(source.store().Upsert(RichFirm()).ok());
  ASSERT_TRUE(target.store().Upsert(RichFirm()).ok());
  for (EntityKind kind : kAllEntityKinds) {
    auto text = ExportKind(source.store(), kind, GetParam());
    ASSERT_TRUE(text.ok());
    auto report = ImportFile(target.store(), kind, GetParam(), "export", *text);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->errors_total, 0) << ToString(kind);
    EXPECT_EQ(report->inserted, 0) << ToString(kind);
    EXPECT_EQ(report->updated, static_cast<int64_t>(RichFirm().Count(kind))) << ToString(kind);
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTripTest, ::testing::Values(Format::kCsv, Format::kJson),
                         [](const auto& info) { return std::string(ToString(info.param)); });

TEST(ExportTest, CsvHeaderNamesEveryFieldAndListsUseSemicolons) {
  FirmData firm = RichFirm();
  std::string people = ExportEntities(firm, EntityKind::kPeople, Format::kCsv);
  EXPECT_EQ(people.substr(0, people.find('\n')),
            "id,name,email,title,grade,practice,office,manager_id,weekly_capacity_hours,"
            "start_date,end_date,tags,cost_rate");
  EXPECT_NE(people.find("mentor;tax-lead"), std::string::npos);
  std::string roles = ExportEntities(firm, EntityKind::kRoles, Format::kCsv);
  EXPECT_NE(roles.find("firm:tax:3:4.5;onet:2.A.1.a:2:3:optional"), std::string::npos);
  std::string empty = ExportEntities(FirmData{}, EntityKind::kClients, Format::kJson);
  EXPECT_EQ(empty, "[]\n");
}

}  // namespace
}  // namespace guild::io
