#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/validate.h"

namespace guild {
namespace {

std::vector<std::string> Fields(const Mentorship& m) {
  std::vector<FieldError> errors;
  ValidateMentorship(m, errors);
  std::vector<std::string> fields;
  for (const FieldError& f : errors) fields.push_back(f.field);
  return fields;
}

using Names = std::vector<std::string>;

Mentorship Requested() {
  return Mentorship{.id = "m1",
                    .mentee_id = "p2",
                    .mentor_id = "p1",
                    .skill_ids = {"firm:vat"},
                    .asked_at = 1764000000,
                    .message = "Could you help me with VAT?"};
}

Mentorship Active() {
  Mentorship m = Requested();
  m.status = MentorshipStatus::kActive;
  m.started_on = *ParseDate("2026-12-07");
  m.review_on = *ParseDate("2027-03-07");
  return m;
}

TEST(ValidateMentorship, AcceptsARequestAnActivePairAndAnEndedOne) {
  EXPECT_EQ(Fields(Requested()), Names{});
  EXPECT_EQ(Fields(Active()), Names{});
  Mentorship ended = Active();
  ended.status = MentorshipStatus::kEnded;
  ended.ended_on = *ParseDate("2026-12-07");
  EXPECT_EQ(Fields(ended), Names{});
  Mentorship declined = Requested();
  declined.status = MentorshipStatus::kDeclined;
  EXPECT_EQ(Fields(declined), Names{});
}

TEST(ValidateMentorship, RefusesSelfMentoringAndMissingIds) {
  Mentorship m = Requested();
  m.mentor_id = "p2";
  EXPECT_EQ(Fields(m), Names{"mentor_id"});
  m = Requested();
  m.id.clear();
  m.mentee_id.clear();
  EXPECT_EQ(Fields(m), (Names{"id", "mentee_id"}));
}

TEST(ValidateMentorship, NeedsOneToTenDistinctSkills) {
  Mentorship m = Requested();
  m.skill_ids.clear();
  EXPECT_EQ(Fields(m), Names{"skill_ids"});
  m.skill_ids = {"a", "a"};
  EXPECT_EQ(Fields(m), Names{"skill_ids"});
  m.skill_ids = {"a", ""};
  EXPECT_EQ(Fields(m), Names{"skill_ids"});
  m.skill_ids.clear();
  for (size_t i = 0; i < kMaxMentorshipSkills; ++i) m.skill_ids.push_back("s" + std::to_string(i));
  EXPECT_EQ(Fields(m), Names{});
  m.skill_ids.push_back("s-extra");
  EXPECT_EQ(Fields(m), Names{"skill_ids"});
}

TEST(ValidateMentorship, LimitsTheMessage) {
  Mentorship m = Requested();
  m.message = std::string(kMaxMentorshipMessageBytes, 'x');
  EXPECT_EQ(Fields(m), Names{});
  m.message += "x";
  EXPECT_EQ(Fields(m), Names{"message"});
}

TEST(ValidateMentorship, DatesFollowTheStatus) {
  Mentorship m = Active();
  m.started_on.reset();
  EXPECT_EQ(Fields(m), (Names{"started_on", "review_on"}));
  m = Active();
  m.review_on = *ParseDate("2026-12-06");
  EXPECT_EQ(Fields(m), Names{"review_on"});
  m = Requested();
  m.started_on = *ParseDate("2026-12-07");
  m.review_on = *ParseDate("2026-12-08");
  EXPECT_EQ(Fields(m), Names{"started_on"});
  m = Active();
  m.ended_on = *ParseDate("2026-12-08");
  EXPECT_EQ(Fields(m), Names{"ended_on"});
  m.status = MentorshipStatus::kEnded;
  m.ended_on = *ParseDate("2026-12-01");
  EXPECT_EQ(Fields(m), Names{"ended_on"});
}

}  // namespace
}  // namespace guild
