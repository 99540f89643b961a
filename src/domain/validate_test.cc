#include "domain/validate.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace guild {
namespace {

bool HasField(const std::vector<FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& e) { return e.field == field; });
}

Person GoodPerson() {
  Person p;
  p.id = "p1";
  p.name = "Ada Lovelace";
  p.email = "ada@firm.com";
  p.weekly_capacity_hours = 40;
  return p;
}

TEST(ValidateTest, GoodPersonPasses) {
  std::vector<FieldError> errors;
  ValidatePerson(GoodPerson(), errors);
  EXPECT_TRUE(errors.empty());
}

TEST(ValidateTest, PersonReportsEveryBrokenRule) {
  Person p = GoodPerson();
  p.email = "not-an-email";
  p.weekly_capacity_hours = 0;
  p.start_date = ParseDate("2026-01-10");
  p.end_date = ParseDate("2026-01-01");
  p.manager_id = "p1";
  std::vector<FieldError> errors;
  ValidatePerson(p, errors);
  EXPECT_EQ(errors.size(), 4u);
  EXPECT_TRUE(HasField(errors, "email"));
  EXPECT_TRUE(HasField(errors, "weekly_capacity_hours"));
  EXPECT_TRUE(HasField(errors, "end_date"));
  EXPECT_TRUE(HasField(errors, "manager_id"));
}

TEST(ValidateTest, LevelsAreOneToFive) {
  PersonSkill ps{"p1", "s1", RatingSource::kSelf, 6, false, {}, {}};
  std::vector<FieldError> errors;
  ValidatePersonSkill(ps, errors);
  EXPECT_TRUE(HasField(errors, "level"));
  errors.clear();
  ps.level = 5;
  ValidatePersonSkill(ps, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(LevelName(5), "Expert");
  EXPECT_FALSE(LevelMeaning(3).empty());
}

TEST(ValidateTest, OpeningRejectsDuplicateSkillsAndZeroHeadcount) {
  Opening o;
  o.id = "o1";
  o.engagement_id = "e1";
  o.required = {{"s1", 3}, {"s1", 2}};
  o.hours_per_week = 20;
  o.start = *ParseDate("2026-01-01");
  o.end = *ParseDate("2026-03-01");
  o.headcount = 0;
  std::vector<FieldError> errors;
  ValidateOpening(o, errors);
  EXPECT_TRUE(HasField(errors, "required"));
  EXPECT_TRUE(HasField(errors, "headcount"));
}

TEST(ValidateTest, EmailShapes) {
  EXPECT_TRUE(LooksLikeEmail("a.b@c.co"));
  EXPECT_FALSE(LooksLikeEmail("a@b"));
  EXPECT_FALSE(LooksLikeEmail("a b@c.co"));
  EXPECT_FALSE(LooksLikeEmail("@c.co"));
  EXPECT_FALSE(LooksLikeEmail("a@@c.co"));
  EXPECT_EQ(NormalizeEmail("Ada@Firm.COM"), "ada@firm.com");
}

TEST(ModelTest, NamesRoundTrip) {
  for (EntityKind k : kAllEntityKinds) {
    EXPECT_EQ(ParseEntityKind(ToString(k)), k);
  }
  EXPECT_EQ(ParseTimeCategory("client-development"), TimeCategory::kClientDevelopment);
  EXPECT_FALSE(ParseRatingSource("boss").has_value());
  EXPECT_GT(Precedence(RatingSource::kAssessed), Precedence(RatingSource::kManager));
  EXPECT_GT(Precedence(RatingSource::kManager), Precedence(RatingSource::kPeer));
  EXPECT_GT(Precedence(RatingSource::kPeer), Precedence(RatingSource::kSelf));
}

}  // namespace
}  // namespace guild
