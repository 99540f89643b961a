// Import and export of check-ins, feedback and the inbox (docs/IMPORT_FORMATS.md):
// the layouts, a team's cadence, and bad rows reported with file, line,
// field and expected form while nothing is written.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/export.h"
#include "io/import.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::RichFirm;
using testing::TempStore;
using Where = std::vector<std::pair<int64_t, std::string>>;

Where LinesAndFields(const ImportReport& report) {
  Where out;
  for (const auto& e : report.errors) out.emplace_back(e.line, e.field);
  return out;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

class CheckinImportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.store().Upsert(RichFirm()).ok()); }

  ImportReport Import(EntityKind kind, std::string_view text, Format format = Format::kCsv) {
    const int64_t before = db_.TotalCount();
    auto report = ImportFile(db_.store(), kind, format, "in.csv", text);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(db_.TotalCount(), before) << "a failed import must write nothing";
    return report.ok() ? *report : ImportReport{};
  }

  TempStore db_;
};

TEST(CheckinExportTest, CsvHeadersNameEveryFieldAndUnsetTimesAreEmpty) {
  const FirmData firm = RichFirm();
  const std::string checkins = ExportEntities(firm, EntityKind::kCheckins, Format::kCsv);
  EXPECT_EQ(FirstLine(checkins),
            "id,team_id,person_id,cycle_start,client_change,note,updated_at,submitted_at");
  // ci2 is a draft: no submitted_at.
  EXPECT_NE(checkins.find("ci2,t1,p3,2024-03-04,,,2024-03-04T11:16:40Z,\n"), std::string::npos)
      << checkins;
  EXPECT_EQ(FirstLine(ExportEntities(firm, EntityKind::kCheckinBlockers, Format::kCsv)),
            "id,team_id,person_id,checkin_id,text,opened_on,resolved_on");
  EXPECT_EQ(FirstLine(ExportEntities(firm, EntityKind::kCheckinQuestions, Format::kCsv)),
            "id,checkin_id,team_id,asker_id,addressee_id,text,asked_at,answer,answered_at");
  EXPECT_EQ(FirstLine(ExportEntities(firm, EntityKind::kFeedbackRequests, Format::kCsv)),
            "id,requester_id,event_kind,event,event_date,engagement_id,asked_at,expires_on");
  EXPECT_EQ(FirstLine(ExportEntities(firm, EntityKind::kFeedbackAnswers, Format::kCsv)),
            "request_id,reviewer_id,status,most_effective,do_better,responded_at,"
            "shared_with_id,shared_at");
  EXPECT_EQ(FirstLine(ExportEntities(firm, EntityKind::kInboxItems, Format::kCsv)),
            "id,person_id,kind,ref_id,from_id,text,created_at,read_at");
  const std::string teams = ExportEntities(firm, EntityKind::kTeams, Format::kCsv);
  EXPECT_NE(FirstLine(teams).find(",checkin_cadence_days"), std::string::npos) << teams;
  // JSON writes an unset time as null.
  const std::string answers = ExportEntities(firm, EntityKind::kFeedbackAnswers, Format::kJson);
  EXPECT_NE(answers.find("\"shared_at\":null"), std::string::npos) << answers;
}

TEST_F(CheckinImportTest, TeamCadenceDefaultsToWeeklyAndIsChecked) {
  ImportReport bad = Import(EntityKind::kTeams,
                            "id,name,checkin_cadence_days\n"
                            "n1,New,92\n"
                            "n2,Other,weekly\n");
  EXPECT_EQ(LinesAndFields(bad), (Where{{2, "checkin_cadence_days"}, {3, "checkin_cadence_days"}}));
  EXPECT_EQ(bad.errors[1].expected, "a whole number");
  auto ok =
      ImportFile(db_.store(), EntityKind::kTeams, Format::kCsv, "teams.csv", "id,name\nn1,New\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->errors_total, 0);
  auto teams = db_.store().Load(LoadOptions{{EntityKind::kTeams}});
  ASSERT_TRUE(teams.ok());
  for (const Team& t : teams->teams) {
    if (t.id == "n1") {
      EXPECT_EQ(t.checkin_cadence_days, kDefaultCheckinCadenceDays);
    }
  }
}

TEST_F(CheckinImportTest, CheckinsReportBadTimesReferencesAndDuplicates) {
  ImportReport report =
      Import(EntityKind::kCheckins,
             "id,team_id,person_id,cycle_start,client_change,note,updated_at,submitted_at\n"
             "c1,t1,p1,2024-03-11,,,2024-03-04T09:00:00Z,yesterday\n"
             "c2,t1,p1,,,,2024-03-04T09:00:00Z,\n"
             "c3,nowhere,p1,2024-03-04,,,2024-03-04T09:00:00Z,\n"
             "c4,t1,p1,2024-03-18,,,1709542800,\n"
             "c1,t2,p2,2024-03-25,,,2024-03-04T09:00:00Z,\n");
  EXPECT_EQ(
      LinesAndFields(report),
      (Where{
          {2, "submitted_at"}, {3, "cycle_start"}, {4, "team_id"}, {5, "updated_at"}, {6, "id"}}));
  EXPECT_EQ(report.errors[0].ToString(),
            "in.csv:2: column 'submitted_at': got 'yesterday', expected a time like "
            "2024-03-31T09:30:00Z (UTC)");
  EXPECT_EQ(report.errors[2].value, "nowhere");
}

// RichFirm stores ci1 (p2 with t1 for 2024-03-04) and ci2 (p3, same team and cycle).
TEST_F(CheckinImportTest, OneCheckinPerPersonTeamAndCycle) {
  ImportReport report = Import(EntityKind::kCheckins,
                               "id,team_id,person_id,cycle_start,updated_at\n"
                               "c1,t1,p2,2024-03-04,2024-03-04T09:00:00Z\n"
                               "c2,t2,p2,2024-03-04,2024-03-04T09:00:00Z\n"
                               "c3,t2,p2,2024-03-04,2024-03-04T09:00:00Z\n"
                               "ci2,t1,p3,2024-03-04,2024-03-05T09:00:00Z\n");
  EXPECT_EQ(LinesAndFields(report), (Where{{2, "cycle_start"}, {4, "cycle_start"}}));
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].ToString(),
            "in.csv:2: column 'cycle_start': got '2024-03-04', expected one check-in per "
            "person_id, team_id and cycle_start; stored check-in 'ci1' has the same");
  EXPECT_NE(report.errors[1].expected.find("line 3 has the same"), std::string::npos)
      << report.errors[1].ToString();
  // Replacing a stored check-in (same id) and another team's cycle are fine.
  auto ok = ImportFile(db_.store(), EntityKind::kCheckins, Format::kCsv, "ok.csv",
                       "id,team_id,person_id,cycle_start,updated_at\n"
                       "c2,t2,p2,2024-03-04,2024-03-04T09:00:00Z\n"
                       "ci2,t1,p3,2024-03-04,2024-03-05T09:00:00Z\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->errors_total, 0);
  EXPECT_EQ(ok->inserted, 1);
  EXPECT_EQ(ok->updated, 1);
}

TEST_F(CheckinImportTest, BlockersAndQuestionsFollowTheirRules) {
  ImportReport blockers = Import(EntityKind::kCheckinBlockers,
                                 "id,team_id,person_id,checkin_id,text,opened_on,resolved_on\n"
                                 "x1,t1,p2,ci1,Late,2024-03-04,2024-03-01\n"
                                 "x2,t1,p2,nothing,Late,2024-03-04,\n"
                                 "x3,t1,p2,ci1,,2024-03-04,\n");
  EXPECT_EQ(LinesAndFields(blockers), (Where{{2, "resolved_on"}, {3, "checkin_id"}, {4, "text"}}));
  EXPECT_EQ(blockers.errors[0].expected, "a date on or after opened_on");

  ImportReport questions =
      Import(EntityKind::kCheckinQuestions,
             "id,checkin_id,team_id,asker_id,addressee_id,text,asked_at,answer,answered_at\n"
             "y1,ci1,t1,p2,p2,Why?,2024-03-04T09:00:00Z,,\n"
             "y2,ci1,t1,p2,p1,Why?,2024-03-04T09:00:00Z,Because,\n"
             "y3,ci1,t1,p2,nobody,Why?,2024-03-04T09:00:00Z,,\n");
  EXPECT_EQ(LinesAndFields(questions),
            (Where{{2, "addressee_id"}, {3, "answer"}, {4, "addressee_id"}}));
  EXPECT_EQ(questions.errors[0].expected, "the team's leader or a teammate, not the person asking");
}

TEST_F(CheckinImportTest, FeedbackAndInboxRowsNameFieldAndExpectedForm) {
  ImportReport requests =
      Import(EntityKind::kFeedbackRequests,
             "id,requester_id,event_kind,event,event_date,engagement_id,asked_at,expires_on\n"
             "r1,p1,party,Dinner,2024-03-01,,2024-03-01T09:00:00Z,2024-03-31\n"
             "r2,p1,pitch,Pitch,2024-03-01,,2024-03-01T09:00:00Z,2024-02-01\n"
             "r3,p1,pitch,Pitch,2024-03-01,e9,2024-03-01T09:00:00Z,2024-03-31\n");
  EXPECT_EQ(LinesAndFields(requests),
            (Where{{2, "event_kind"}, {3, "expires_on"}, {4, "engagement_id"}}));
  EXPECT_EQ(requests.errors[0].expected, "one of pitch, deliverable, meeting, other");

  ImportReport answers =
      Import(EntityKind::kFeedbackAnswers,
             "request_id,reviewer_id,status,most_effective,do_better,responded_at,"
             "shared_with_id,shared_at\n"
             "fr1,p2,answered,,,2024-03-02T09:00:00Z,,\n"
             "fr1,p2,pending,,,,p1,2024-03-02T09:00:00Z\n"
             "fr9,p2,pending,,,,,\n"
             "fr2,p2,maybe,,,,,\n");
  EXPECT_EQ(LinesAndFields(answers), (Where{{2, "most_effective"},
                                            {2, "do_better"},
                                            {3, "shared_with_id"},
                                            {3, "request_id and reviewer_id"},
                                            {4, "request_id"},
                                            {5, "status"}}));
  // Line 3 repeats the key (fr1, p2) of line 2.
  EXPECT_NE(answers.errors[3].expected.find("line 2"), std::string::npos)
      << answers.errors[3].ToString();

  ImportReport inbox = Import(EntityKind::kInboxItems,
                              "[{\"id\":\"j1\",\"person_id\":\"p1\",\"kind\":\"nudge\","
                              "\"ref_id\":\"t1\",\"created_at\":12},"
                              "{\"id\":\"j2\",\"person_id\":\"p1\",\"kind\":\"shout\","
                              "\"ref_id\":\"t1\",\"created_at\":\"2024-03-01T09:00:00Z\"}]",
                              Format::kJson);
  ASSERT_EQ(inbox.errors.size(), 2u);
  EXPECT_EQ(inbox.errors[0].element, 0);
  EXPECT_EQ(inbox.errors[0].field, "created_at");
  EXPECT_EQ(inbox.errors[0].expected, "a time like 2024-03-31T09:30:00Z (UTC)");
  EXPECT_EQ(inbox.errors[1].element, 1);
  EXPECT_EQ(inbox.errors[1].field, "kind");
}

}  // namespace
}  // namespace guild::io
