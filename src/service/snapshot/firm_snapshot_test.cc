#include "service/snapshot/firm_snapshot.h"

#include <gtest/gtest.h>

#include "service/testing/test_firm.h"

namespace guild {
namespace {

std::vector<std::string> PersonIds(const FirmSnapshot& s, std::span<const uint32_t> rows) {
  std::vector<std::string> ids;
  for (uint32_t i : rows) ids.push_back(s.data().people[i].id);
  return ids;
}

std::vector<std::string> TeamIds(const FirmSnapshot& s, std::span<const uint32_t> rows) {
  std::vector<std::string> ids;
  for (uint32_t i : rows) ids.push_back(s.data().teams[i].id);
  return ids;
}

TEST(FirmSnapshotTest, FindsEntitiesById) {
  auto s = FirmSnapshot::Build(service::testing::TestFirm(), 7);
  EXPECT_EQ(s->version(), 7);
  ASSERT_NE(s->FindPerson("member"), nullptr);
  EXPECT_EQ(s->FindPerson("member")->name, "Mia Member");
  EXPECT_EQ(s->FindPerson("ghost"), nullptr);
  EXPECT_EQ(s->FindTeam("beta")->leader_id, "lead2");
  EXPECT_EQ(s->FindSkill("firm:tax")->name, "Tax law");
}

TEST(FirmSnapshotTest, DirectoryOrderIsByNameThenId) {
  FirmData firm = service::testing::TestFirm();
  firm.people.push_back(service::testing::TestPerson("aaa", "Mia Member", "associate"));
  auto s = FirmSnapshot::Build(firm, 1);
  auto ids = PersonIds(*s, s->PeopleByName());
  std::vector<std::string> expected = {"admin", "englead", "firmlead", "lead", "lead2",
                                       "aaa",   "member",  "outsider", "peer"};
  EXPECT_EQ(ids, expected);
}

// Reference: derive each relation by brute force from the FirmData.
TEST(FirmSnapshotTest, RelationsMatchBruteForce) {
  FirmData firm = service::testing::TestFirm();
  auto s = FirmSnapshot::Build(firm, 1);
  for (uint32_t p = 0; p < firm.people.size(); ++p) {
    const std::string& id = firm.people[p].id;
    std::vector<std::string> on, led;
    for (const Team& team : firm.teams) {
      bool member = team.leader_id == id;
      for (const auto& m : team.members) member |= m.person_id == id;
      if (member) on.push_back(team.id);
      bool leads = team.leader_id == id;
      for (const auto& e : firm.engagements) {
        leads |= !team.client_id.empty() && e.client_id == team.client_id && e.leader_id == id;
      }
      if (leads) led.push_back(team.id);
    }
    EXPECT_EQ(TeamIds(*s, s->TeamsOf(p)), on) << id;
    EXPECT_EQ(TeamIds(*s, s->TeamsLedBy(p)), led) << id;
    std::vector<std::string> reports;
    for (uint32_t q : s->PeopleByName()) {
      if (firm.people[q].manager_id == id) reports.push_back(firm.people[q].id);
    }
    EXPECT_EQ(PersonIds(*s, s->ReportsOf(p)), reports) << id;
  }
  EXPECT_EQ(s->MemberCount(*s->TeamIndex("alpha")), 3u);
  EXPECT_EQ(s->MemberCount(*s->TeamIndex("beta")), 2u);  // leader + one member
}

TEST(FirmSnapshotTest, EffectiveSkillIsTheRatingOfHighestPrecedence) {
  auto s = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  auto skills = s->SkillsOf(*s->PersonIndex("member"));
  ASSERT_EQ(skills.size(), 2u);
  for (uint32_t rating : skills) {
    const PersonSkill& ps = s->data().person_skills[rating];
    if (ps.skill_id == "firm:tax") {
      EXPECT_EQ(ps.source, RatingSource::kManager);
      EXPECT_EQ(ps.level, 3);
    }
  }
  EXPECT_TRUE(s->SkillsOf(*s->PersonIndex("lead")).empty());
}

}  // namespace
}  // namespace guild
