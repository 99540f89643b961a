#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/validate.h"

namespace guild {
namespace {

template <typename E, typename F>
std::vector<std::string> Errors(const E& e, F validate) {
  std::vector<FieldError> errors;
  validate(e, errors);
  std::vector<std::string> fields;
  for (const FieldError& f : errors) fields.push_back(f.field);
  return fields;
}

using Fields = std::vector<std::string>;

TEST(CheckinCycleStart, WeeklyCyclesStartOnMondays) {
  for (int d = -30; d < 400; ++d) {
    Date day = AddDays(*ParseDate("2026-01-01"), d);
    Date start = CheckinCycleStart(day, 7);
    EXPECT_EQ(Weekday(start), 0) << FormatDate(day);
    EXPECT_LE(start, day);
    EXPECT_GT(AddDays(start, 7), day);
  }
}

TEST(CheckinCycleStart, MatchesCountingFromTheAnchorForEveryCadence) {
  const Date anchor = *ParseDate("2001-01-01");
  for (int cadence : {1, 7, 14, 30, 91}) {
    // Reference: walk cycle by cycle from the anchor, both directions.
    for (int d = -400; d < 400; d += 3) {
      Date day = AddDays(*ParseDate("2001-01-01"), d);
      Date ref = anchor;
      while (ref > day) ref = AddDays(ref, -cadence);
      while (AddDays(ref, cadence) <= day) ref = AddDays(ref, cadence);
      EXPECT_EQ(CheckinCycleStart(day, cadence), ref) << cadence << " " << FormatDate(day);
    }
  }
}

TEST(ValidateTeam, CadenceInRange) {
  Team t{.id = "t1", .name = "Audit"};
  EXPECT_EQ(Errors(t, ValidateTeam), Fields{});
  t.checkin_cadence_days = 0;
  EXPECT_EQ(Errors(t, ValidateTeam), Fields{});
  t.checkin_cadence_days = 92;
  EXPECT_EQ(Errors(t, ValidateTeam), Fields{"checkin_cadence_days"});
  t.checkin_cadence_days = -1;
  EXPECT_EQ(Errors(t, ValidateTeam), Fields{"checkin_cadence_days"});
}

TEST(ValidateCheckin, IdsAndTextLimits) {
  Checkin c{.id = "c1", .team_id = "t1", .person_id = "p1"};
  EXPECT_EQ(Errors(c, ValidateCheckin), Fields{});
  c.note = std::string(kMaxCheckinTextBytes + 1, 'x');
  c.person_id = " ";
  EXPECT_EQ(Errors(c, ValidateCheckin), (Fields{"person_id", "note"}));
}

TEST(ValidateCheckinBlocker, TextAndResolution) {
  CheckinBlocker b{.id = "b1",
                   .team_id = "t1",
                   .person_id = "p1",
                   .checkin_id = "c1",
                   .text = "No access to the client's ledger",
                   .opened_on = *ParseDate("2026-03-02")};
  EXPECT_EQ(Errors(b, ValidateCheckinBlocker), Fields{});
  b.resolved_on = *ParseDate("2026-03-01");
  b.text = "  ";
  EXPECT_EQ(Errors(b, ValidateCheckinBlocker), (Fields{"text", "resolved_on"}));
}

TEST(ValidateCheckinQuestion, NotToOneselfAndAnswerWithTime) {
  CheckinQuestion q{.id = "q1",
                    .checkin_id = "c1",
                    .team_id = "t1",
                    .asker_id = "p1",
                    .addressee_id = "p2",
                    .text = "Who owns the VAT memo?"};
  EXPECT_EQ(Errors(q, ValidateCheckinQuestion), Fields{});
  q.answer = "Priya";
  EXPECT_EQ(Errors(q, ValidateCheckinQuestion), Fields{"answer"});
  q.answered_at = 100;
  EXPECT_EQ(Errors(q, ValidateCheckinQuestion), Fields{});
  q.addressee_id = "p1";
  EXPECT_EQ(Errors(q, ValidateCheckinQuestion), Fields{"addressee_id"});
}

TEST(ValidateFeedbackRequest, EventAndExpiry) {
  FeedbackRequest r{.id = "f1",
                    .requester_id = "p1",
                    .event_kind = FeedbackEventKind::kPitch,
                    .event = "Pitch to Acme",
                    .event_date = *ParseDate("2026-03-02"),
                    .expires_on = *ParseDate("2026-03-16")};
  EXPECT_EQ(Errors(r, ValidateFeedbackRequest), Fields{});
  r.event = "";
  r.expires_on = *ParseDate("2026-03-01");
  EXPECT_EQ(Errors(r, ValidateFeedbackRequest), (Fields{"event", "expires_on"}));
}

TEST(ValidateFeedbackAnswer, StatusDecidesWhatIsSet) {
  FeedbackAnswer a{.request_id = "f1", .reviewer_id = "p2"};
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer), Fields{});
  a.status = FeedbackAnswerStatus::kAnswered;
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer),
            (Fields{"most_effective", "do_better", "responded_at"}));
  a.most_effective = "Opened with the client's numbers";
  a.do_better = "Leave time for questions";
  a.responded_at = 10;
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer), Fields{});
  a.shared_with_id = "p9";
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer), Fields{"shared_at"});
  a.shared_at = 11;
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer), Fields{});
  a.status = FeedbackAnswerStatus::kDeclined;
  EXPECT_EQ(Errors(a, ValidateFeedbackAnswer), (Fields{"status", "shared_with_id"}));
  FeedbackAnswer pending{.request_id = "f1", .reviewer_id = "p2", .responded_at = 5};
  EXPECT_EQ(Errors(pending, ValidateFeedbackAnswer), Fields{"responded_at"});
}

TEST(ValidateInboxItem, ReadAfterCreated) {
  InboxItem i{.id = "i1", .person_id = "p1", .created_at = 100};
  EXPECT_EQ(Errors(i, ValidateInboxItem), Fields{});
  i.read_at = 99;
  EXPECT_EQ(Errors(i, ValidateInboxItem), Fields{"read_at"});
}

}  // namespace
}  // namespace guild
