#include "service/directory/directory_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "service/testing/test_firm.h"

namespace guild {
namespace {

std::vector<std::string> Ids(const SnapshotPage& page) {
  std::vector<std::string> ids;
  for (uint32_t i : page.items) ids.push_back(page.snapshot->data().people[i].id);
  return ids;
}

class DirectoryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status opened = world_.Open("guild-directory");
    ASSERT_TRUE(opened.ok()) << opened.ToString();
    accounts_ = world_.accounts();
    holder_ = world_.holder();
  }

  service::testing::SnapshotWorld world_{service::testing::TestFirm()};
  AccountStore* accounts_ = nullptr;
  SnapshotHolder* holder_ = nullptr;
  Principal member_{"u-member", UserRole::kMember, "member"};
  Principal leader_{"u-lead", UserRole::kMember, "lead"};
  Principal firm_leader_{"u-fl", UserRole::kFirmLeader, "firmlead"};
};

TEST_F(DirectoryServiceTest, PeopleFilterAndPageWithoutGapsOrRepeats) {
  DirectoryService directory(*holder_);
  PeopleQuery query;
  query.page.limit = 3;
  std::vector<std::string> all;
  do {
    auto page = directory.ListPeople(member_, query);
    ASSERT_TRUE(page.ok());
    for (const auto& id : Ids(*page)) all.push_back(id);
    query.page.cursor = page->next_cursor;
  } while (!query.page.cursor.empty());
  EXPECT_EQ(all.size(), 8u);
  query = {};
  query.q = "LEAD";  // name substring, case-insensitive
  EXPECT_EQ(Ids(*directory.ListPeople(member_, query)),
            (std::vector<std::string>{"englead", "firmlead", "lead", "lead2"}));
  query = {};
  query.grade = "associate";
  EXPECT_EQ(Ids(*directory.ListPeople(member_, query)),
            (std::vector<std::string>{"member", "outsider"}));
  query.page.cursor = "garbage";
  EXPECT_EQ(directory.ListPeople(member_, query).status().code(), StatusCode::kInvalidArgument);
}

TEST(DirectoryFacetsTest, FacetsFoldCaseCountPeopleAndAreBuiltOncePerPeopleChange) {
  FirmData firm = service::testing::TestFirm();
  std::vector<Person>& people = firm.people.mut();
  people[0].practice = "TAX";       // admin: same facet as "Tax"
  people[1].practice = "Advisory";  // englead
  people[2].office = "";            // firmlead: no office, not counted
  people[3].office = "paris";       // lead
  people[4].office = "Paris";       // lead2
  people[5].office = "Paris";       // member
  service::testing::SnapshotWorld world{std::move(firm)};
  const Status opened = world.Open("guild-directory-facets");
  ASSERT_TRUE(opened.ok()) << opened.ToString();
  DirectoryService directory(*world.holder());
  const Principal member{"u-member", UserRole::kMember, "member"};
  auto facets = directory.Facets(member);
  ASSERT_TRUE(facets.ok()) << facets.status().ToString();
  auto flat = [](const std::vector<FacetValue>& values) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const FacetValue& v : values) out.emplace_back(v.value, v.count);
    return out;
  };
  using Pairs = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(flat((*facets)->practices), (Pairs{{"Advisory", 1}, {"Tax", 7}}));
  EXPECT_EQ(flat((*facets)->offices), (Pairs{{"London", 4}, {"Paris", 3}}));
  EXPECT_EQ(flat((*facets)->grades),
            (Pairs{{"associate", 2}, {"director", 1}, {"partner", 4}, {"senior", 1}}));
  ASSERT_TRUE(directory.Facets(member).ok());
  EXPECT_EQ(directory.facet_builds_for_testing(), 1);  // per snapshot, not per request

  PeopleQuery query;
  query.practice = "tax";
  query.office = "PARIS";
  EXPECT_EQ(Ids(*directory.ListPeople(member, query)),
            (std::vector<std::string>{"lead", "lead2", "member"}));
}

TEST_F(DirectoryServiceTest, AnUnlinkedHomeNeverLinksBackToItself) {
  DirectoryService directory(*holder_);
  auto admin = directory.Me({"u-new-admin", UserRole::kAdministrator, ""});
  ASSERT_TRUE(admin.ok());
  ASSERT_EQ(admin->actions.size(), 1u);
  EXPECT_EQ(admin->actions[0].kind, "link-person");
  EXPECT_EQ(admin->actions[0].href, "/admin/users");  // they link it themselves
  auto member = directory.Me({"u-new", UserRole::kMember, ""});
  ASSERT_TRUE(member.ok());
  ASSERT_EQ(member->actions.size(), 1u);
  EXPECT_EQ(member->actions[0].href, "");  // told whom to ask; no link
}

TEST_F(DirectoryServiceTest, ProfileShowsDetailsAndTeamsOnlyToThoseAllowed) {
  DirectoryService directory(*holder_);
  auto own = directory.GetPerson(member_, "member");
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(own->detail_visible);
  EXPECT_EQ(own->teams.size(), 1u);
  EXPECT_EQ(own->skills.size(), 2u);
  ASSERT_TRUE(own->manager.has_value());
  auto other = directory.GetPerson(member_, "outsider");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->detail_visible);
  EXPECT_TRUE(other->teams.empty());  // member may not see team beta
  auto as_leader = directory.GetPerson(leader_, "lead");
  ASSERT_TRUE(as_leader.ok());
  EXPECT_EQ(as_leader->reports.size(), 2u);
  EXPECT_EQ(directory.GetPerson(member_, "ghost").status().code(), StatusCode::kNotFound);
}

TEST_F(DirectoryServiceTest, TeamsListedAndReadByRole) {
  DirectoryService directory(*holder_);
  EXPECT_EQ(directory.ListTeams(member_, {})->items.size(), 1u);
  EXPECT_EQ(directory.ListTeams(firm_leader_, {})->items.size(), 3u);
  // Not the viewer's team: the same answer as a missing team, so ids cannot be probed.
  EXPECT_EQ(directory.GetTeam(member_, "beta").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(directory.GetTeam(member_, "beta").status().message(), "team beta: no such team");
  EXPECT_EQ(directory.GetTeam(member_, "nope").status().code(), StatusCode::kNotFound);
  auto alpha = directory.GetTeam(member_, "alpha");
  ASSERT_TRUE(alpha.ok());
  EXPECT_EQ(alpha->members.size(), 3u);
  ASSERT_TRUE(alpha->leader.has_value());
}

TEST_F(DirectoryServiceTest, SkillsMatchNameOrSynonym) {
  DirectoryService directory(*holder_);
  auto found = directory.ListSkills(member_, "ASSUR", {});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->snapshot->data().skills[found->items[0]].id, "firm:audit");
}

TEST_F(DirectoryServiceTest, SnapshotFollowsAnotherWriterThroughTheChangeFeed) {
  DirectoryService directory(*holder_);
  const int64_t loads = holder_->stats().loads;
  EXPECT_EQ(directory.GetPerson(member_, "newbie").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(holder_->stats().loads, loads);  // feed unchanged: nothing read
  // Another server writes to the database.
  auto other = OpenStore({.url = world_.url(), .durability = Durability::kOff});
  ASSERT_TRUE(other.ok());
  FirmData batch;
  batch.people.push_back(service::testing::TestPerson("newbie", "Ned New", "associate"));
  ASSERT_TRUE((*other)->Upsert(batch).ok());
  EXPECT_TRUE(directory.GetPerson(member_, "newbie").ok());
}

TEST_F(DirectoryServiceTest, MeSuggestsActions) {
  DirectoryService directory(*holder_);
  auto me = directory.Me(leader_);
  ASSERT_TRUE(me.ok());
  ASSERT_TRUE(me->profile.has_value());
  ASSERT_FALSE(me->actions.empty());
  EXPECT_EQ(me->actions[0].kind, "complete-skills");
  auto unlinked = directory.Me({"u-x", UserRole::kAdministrator, ""});
  ASSERT_TRUE(unlinked.ok());
  EXPECT_FALSE(unlinked->profile.has_value());
}

}  // namespace
}  // namespace guild
