// Opening preferences and lead openings: every problem is reported with its
// line and field, files written before the `lead` column still import, and
// the lead-opening rules hold against the stored engagements and openings.
#include <gtest/gtest.h>

#include <utility>

#include "io/export.h"
#include "io/import.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::RichFirm;
using testing::TempStore;
using P = std::pair<int64_t, std::string>;

std::vector<P> Where(const ImportReport& report) {
  std::vector<P> out;
  for (const auto& e : report.errors) out.emplace_back(e.line, e.field);
  return out;
}

class StaffingImportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.store().Upsert(RichFirm()).ok()); }

  ImportReport Import(EntityKind kind, std::string_view text, Format format = Format::kCsv) {
    auto report = ImportFile(db_.store(), kind, format, "in.csv", text);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport{};
  }

  Opening Stored(const std::string& id) {
    auto data = db_.store().Load(LoadOptions{{EntityKind::kOpenings}});
    EXPECT_TRUE(data.ok());
    for (const Opening& o : data->openings) {
      if (o.id == id) return o;
    }
    ADD_FAILURE() << "no opening " << id;
    return {};
  }

  TempStore db_;
};

TEST_F(StaffingImportTest, PreferencesFileReportsEveryProblem) {
  const int64_t before = db_.TotalCount();
  ImportReport report = Import(EntityKind::kOpeningPreferences,
                               "opening_id,person_id,kind,note\n"
                               "o1,p1,maybe,\n"
                               "o9,p1,volunteer,\n"
                               "o1,nobody,pinned,\n"
                               "o2,p2,volunteer,first\n"
                               "o2,p2,excluded,again\n"
                               ",p2,volunteer,\n"
                               "o2,p3,,no kind\n"
                               "o2,p1,pinned," +
                                   std::string(2001, 'n') + "\n");
  EXPECT_EQ(Where(report), (std::vector<P>{{2, "kind"},
                                           {3, "opening_id"},
                                           {4, "person_id"},
                                           {6, "opening_id and person_id"},
                                           {7, "opening_id"},
                                           {8, "kind"},
                                           {9, "note"}}));
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0].ToString(),
            "in.csv:2: column 'kind': got 'maybe', expected one of volunteer, pinned, excluded");
  EXPECT_NE(report.errors[1].ToString().find("openings already stored"), std::string::npos)
      << report.errors[1].ToString();
  EXPECT_EQ(db_.TotalCount(), before) << "a failed import must write nothing";
}

TEST_F(StaffingImportTest, PreferencesNeedTheKindColumn) {
  ImportReport report = Import(EntityKind::kOpeningPreferences, "opening_id,person_id\no1,p1\n");
  EXPECT_EQ(Where(report), (std::vector<P>{{1, "kind"}}));
}

TEST_F(StaffingImportTest, PreferencesImportAndReplaceByKey) {
  ImportReport report = Import(EntityKind::kOpeningPreferences,
                               "opening_id,person_id,kind,note\n"
                               "o1,p2,pinned,now pinned\n"
                               "o2,p3,volunteer,\n");
  EXPECT_TRUE(report.errors.empty()) << report.errors[0].ToString();
  EXPECT_EQ(report.inserted, 1);
  EXPECT_EQ(report.updated, 1);
  auto csv = ExportKind(db_.store(), EntityKind::kOpeningPreferences, Format::kCsv);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find("o1,p2,pinned,now pinned\n"), std::string::npos) << *csv;
  EXPECT_EQ(csv->substr(0, csv->find('\n')), "opening_id,person_id,kind,note");
}

TEST_F(StaffingImportTest, OpeningsWithoutLeadColumnStillImport) {
  ImportReport report =
      Import(EntityKind::kOpenings,
             "id,engagement_id,title,required,hours_per_week,start,end,headcount\n"
             "o5,e1,Old file,,10,2024-01-01,2024-02-01,1\n");
  EXPECT_TRUE(report.errors.empty()) << report.errors[0].ToString();
  EXPECT_FALSE(Stored("o5").lead);
  report = Import(EntityKind::kOpenings,
                  R"([{"id": "o6", "engagement_id": "e1", "hours_per_week": 10,
                      "start": "2024-01-01", "end": "2024-02-01"}])",
                  Format::kJson);
  EXPECT_TRUE(report.errors.empty()) << report.errors[0].ToString();
  EXPECT_FALSE(Stored("o6").lead);
}

TEST_F(StaffingImportTest, LeadOpeningRulesHoldAgainstTheStore) {
  const int64_t before = db_.TotalCount();
  ImportReport report = Import(EntityKind::kOpenings,
                               "id,engagement_id,hours_per_week,start,end,headcount,lead\n"
                               "o6,e1,10,2024-01-01,2024-02-01,1,true\n"     // e1 has leader p1
                               "o7,e2,10,2024-03-01,2024-03-01,1,yes\n"      // e2 has lead o2
                               "o8,e2,10,2024-03-01,2024-03-01,2,true\n"     // headcount
                               "o9,e2,10,2024-03-01,2024-03-01,1,maybe\n");  // not a bool
  EXPECT_EQ(Where(report),
            (std::vector<P>{{2, "lead"}, {3, "lead"}, {4, "headcount"}, {4, "lead"}, {5, "lead"}}));
  ASSERT_EQ(report.errors.size(), 5u);
  EXPECT_NE(report.errors[0].expected.find("opening o6: engagement e1 already has lead p1"),
            std::string::npos)
      << report.errors[0].ToString();
  EXPECT_NE(report.errors[1].expected.find("engagement e2 already has lead opening o2"),
            std::string::npos)
      << report.errors[1].ToString();
  EXPECT_EQ(db_.TotalCount(), before);

  // Moving the lead seat in one file is fine: o2 stops being the lead.
  report = Import(EntityKind::kOpenings,
                  "id,engagement_id,hours_per_week,start,end,lead\n"
                  "o2,e2,8,2024-03-01,2024-03-01,false\n"
                  "o7,e2,8,2024-03-01,2024-03-01,true\n");
  EXPECT_TRUE(report.errors.empty()) << report.errors[0].ToString();
  EXPECT_TRUE(Stored("o7").lead);
  EXPECT_FALSE(Stored("o2").lead);
}

TEST_F(StaffingImportTest, LeaderOnEngagementWithLeadOpeningIsRefused) {
  ImportReport report = Import(EntityKind::kEngagements,
                               "id,client_id,name,leader_id,start,end\n"
                               "e2,c2,Advice,p1,2024-03-01,2024-03-01\n"
                               "e1,c1,Audit 2024,p3,2024-01-01,2024-06-30\n");
  EXPECT_EQ(Where(report), (std::vector<P>{{2, "leader_id"}}));
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].ToString().find("has lead opening o2"), std::string::npos)
      << report.errors[0].ToString();
}

}  // namespace
}  // namespace guild::io
