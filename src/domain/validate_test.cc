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

Opening LeadOpening(const char* id, const char* engagement_id) {
  Opening o;
  o.id = id;
  o.engagement_id = engagement_id;
  o.hours_per_week = 10;
  o.start = *ParseDate("2026-01-01");
  o.end = *ParseDate("2026-03-01");
  o.lead = true;
  return o;
}

TEST(ValidateTest, LeadOpeningHasHeadcountOne) {
  Opening o = LeadOpening("o1", "e1");
  std::vector<FieldError> errors;
  ValidateOpening(o, errors);
  EXPECT_TRUE(errors.empty());
  o.headcount = 2;
  ValidateOpening(o, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "headcount");
  errors.clear();
  o.lead = false;
  ValidateOpening(o, errors);
  EXPECT_TRUE(errors.empty());
}

TEST(ValidateTest, OpeningPreferenceRules) {
  OpeningPreference p{"o1", "p1", PreferenceKind::kPinned, "knows the client"};
  std::vector<FieldError> errors;
  ValidateOpeningPreference(p, errors);
  EXPECT_TRUE(errors.empty());
  p.opening_id = " ";
  p.person_id = "";
  p.kind = static_cast<PreferenceKind>(7);
  p.note = std::string(kMaxPreferenceNoteBytes + 1, 'x');
  ValidateOpeningPreference(p, errors);
  EXPECT_EQ(errors.size(), 4u);
  EXPECT_TRUE(HasField(errors, "opening_id"));
  EXPECT_TRUE(HasField(errors, "person_id"));
  EXPECT_TRUE(HasField(errors, "kind"));
  EXPECT_TRUE(HasField(errors, "note"));
  errors.clear();
  p = {"o1", "p1", PreferenceKind::kExcluded, std::string(kMaxPreferenceNoteBytes, 'x')};
  ValidateOpeningPreference(p, errors);
  EXPECT_TRUE(errors.empty());
}

TEST(ValidateTest, TimeOffIsAValidCategory) {
  TimeEntry t{"t1", "p1", *ParseDate("2026-05-04"), 8, TimeCategory::kTimeOff, ""};
  std::vector<FieldError> errors;
  ValidateTimeEntry(t, errors);
  EXPECT_TRUE(errors.empty());
  t.category = static_cast<TimeCategory>(42);
  ValidateTimeEntry(t, errors);
  EXPECT_TRUE(HasField(errors, "category"));
  EXPECT_EQ(ToString(TimeCategory::kTimeOff), "time-off");
  EXPECT_EQ(ParseTimeCategory("time-off"), TimeCategory::kTimeOff);
}

FirmData LeadFirm() {
  FirmData f;
  f.people = {GoodPerson()};
  Engagement led;
  led.id = "e1";
  led.client_id = "c1";
  led.leader_id = "p1";
  Engagement open = led;
  open.id = "e2";
  open.leader_id = "";
  f.engagements = {led, open};
  return f;
}

TEST(ValidateTest, OneLeadOpeningPerLeaderlessEngagement) {
  FirmData f = LeadFirm();
  f.openings = {LeadOpening("o1", "e2"), LeadOpening("o2", "e3")};  // e3 unknown: not checked
  std::vector<RecordError> errors;
  ValidateFirmRules(f, true, errors);
  EXPECT_TRUE(errors.empty());

  f.openings.push_back(LeadOpening("o3", "e1"));
  f.openings.push_back(LeadOpening("o4", "e2"));
  Opening plain = LeadOpening("o5", "e1");
  plain.lead = false;
  f.openings.push_back(plain);
  ValidateFirmRules(f, true, errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].kind, EntityKind::kOpenings);
  EXPECT_EQ(errors[0].id, "o3");
  EXPECT_EQ(errors[0].field, "lead");
  EXPECT_EQ(errors[0].message, "opening o3: engagement e1 already has lead p1");
  EXPECT_EQ(errors[1].id, "o4");
  EXPECT_EQ(errors[1].message, "opening o4: engagement e2 already has lead opening o1");
}

TEST(ValidateTest, PreferenceReferencesAreCheckedOnlyWhenAsked) {
  FirmData f = LeadFirm();
  f.openings = {LeadOpening("o1", "e2")};
  f.opening_preferences = {{"o1", "p1", PreferenceKind::kVolunteer, ""},
                           {"o9", "p9", PreferenceKind::kPinned, ""}};
  std::vector<RecordError> errors;
  ValidateFirmRules(f, false, errors);
  EXPECT_TRUE(errors.empty());
  ValidateFirmRules(f, true, errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].id, "o9/p9");
  EXPECT_EQ(errors[0].field, "opening_id");
  EXPECT_EQ(errors[1].field, "person_id");
  EXPECT_EQ(errors[1].message, "opening preference o9/p9: no person p9");
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
  for (PreferenceKind k :
       {PreferenceKind::kVolunteer, PreferenceKind::kPinned, PreferenceKind::kExcluded}) {
    EXPECT_EQ(ParsePreferenceKind(ToString(k)), k);
  }
  EXPECT_EQ(ToString(PreferenceKind::kPinned), "pinned");
  EXPECT_FALSE(ParsePreferenceKind("maybe").has_value());
  EXPECT_EQ(ToString(EntityKind::kOpeningPreferences), "opening-preferences");
  EXPECT_FALSE(ParseRatingSource("boss").has_value());
  EXPECT_GT(Precedence(RatingSource::kAssessed), Precedence(RatingSource::kManager));
  EXPECT_GT(Precedence(RatingSource::kManager), Precedence(RatingSource::kPeer));
  EXPECT_GT(Precedence(RatingSource::kPeer), Precedence(RatingSource::kSelf));
}

}  // namespace
}  // namespace guild
