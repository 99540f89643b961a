#include "io/internal/values.h"

#include <gtest/gtest.h>

namespace guild::io::internal {
namespace {

TEST(ValuesTest, NormalizesHeaderNames) {
  EXPECT_EQ(NormalizeName("  First Name "), "first_name");
  EXPECT_EQ(NormalizeName("Email-Address"), "email_address");
  EXPECT_EQ(NormalizeName("weekly__hours"), "weekly_hours");
}

TEST(ValuesTest, NumbersBoolsAndDates) {
  int i = 0;
  EXPECT_TRUE(ParseInt(" 4 ", i));
  EXPECT_EQ(i, 4);
  EXPECT_FALSE(ParseInt("4.5", i));
  EXPECT_FALSE(ParseInt("", i));
  double d = 0;
  EXPECT_TRUE(ParseReal("37.5", d));
  EXPECT_EQ(d, 37.5);
  EXPECT_FALSE(ParseReal("nan", d));
  EXPECT_FALSE(ParseReal("12h", d));
  bool b = false;
  EXPECT_TRUE(ParseBool("Yes", b));
  EXPECT_TRUE(b);
  EXPECT_TRUE(ParseBool("0", b));
  EXPECT_FALSE(b);
  EXPECT_FALSE(ParseBool("maybe", b));
  Date date;
  EXPECT_TRUE(ParseDay("2024-02-29", date));
  EXPECT_FALSE(ParseDay("2023-02-29", date));
}

TEST(ValuesTest, RealsRoundTripExactly) {
  for (double v : {0.1, 37.5, 1.0 / 3.0, 1e-7, 123456789.125}) {
    std::string text;
    AppendReal(text, v);
    double back = 0;
    ASSERT_TRUE(ParseReal(text, back)) << text;
    EXPECT_EQ(back, v);
  }
}

TEST(ValuesTest, ListsTrimAndDropEmptyItems) {
  EXPECT_EQ(SplitList(" tax ; audit;;"), (std::vector<std::string>{"tax", "audit"}));
  std::string out;
  AppendList(out, {"a", "b"});
  EXPECT_EQ(out, "a;b");
}

TEST(ValuesTest, RoleSkillsAllowColonsInSkillIds) {
  std::vector<RoleSkill> skills;
  ASSERT_TRUE(ParseRoleSkills("onet:2.A.1.a:3:4.5;firm:tax:2:3:optional", skills));
  ASSERT_EQ(skills.size(), 2u);
  EXPECT_EQ(skills[0].skill_id, "onet:2.A.1.a");
  EXPECT_EQ(skills[0].level, 3);
  EXPECT_EQ(skills[0].importance, 4.5);
  EXPECT_TRUE(skills[0].essential);
  EXPECT_EQ(skills[1].skill_id, "firm:tax");
  EXPECT_FALSE(skills[1].essential);
  std::string out;
  AppendRoleSkills(out, skills);
  EXPECT_EQ(out, "onet:2.A.1.a:3:4.5;firm:tax:2:3:optional");
  EXPECT_FALSE(ParseRoleSkills("firm:tax", skills));
  EXPECT_FALSE(ParseRoleSkills("tax:x:3", skills));
}

TEST(ValuesTest, RequirementsAndMembers) {
  std::vector<SkillRequirement> required;
  ASSERT_TRUE(ParseRequirements("esco:abc:3; firm:x:1", required));
  EXPECT_EQ(required[0].skill_id, "esco:abc");
  EXPECT_EQ(required[1].min_level, 1);
  EXPECT_FALSE(ParseRequirements("nolevel", required));
  std::vector<TeamMember> members;
  ASSERT_TRUE(ParseMembers("p1:lead;p2:;p3", members));
  EXPECT_EQ(members[0].role, "lead");
  EXPECT_EQ(members[1].role, "");
  EXPECT_EQ(members[2].person_id, "p3");
  std::string out;
  AppendMembers(out, members);
  EXPECT_EQ(out, "p1:lead;p2:;p3:");
}

}  // namespace
}  // namespace guild::io::internal
