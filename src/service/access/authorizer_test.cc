// The role x record matrix: for every Can* rule, which principal may and
// which may not, stated as data.
#include "service/access/authorizer.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "service/testing/goals_test_firm.h"

namespace guild {
namespace {

// Engagement e1 of the test firm (client c1, led by englead).
Engagement Engagement1() {
  for (const Engagement& e : service::testing::TestFirm().engagements) {
    if (e.id == "e1") return e;
  }
  return {};
}

struct Rule {
  std::string name;
  std::function<bool(const Authorizer&, const Principal&)> check;
  std::vector<std::string> allowed;  // every other principal is denied
};

std::vector<Rule> Rules() {
  using A = const Authorizer&;
  using P = const Principal&;
  return {
      {"read person summary",
       [](A a, P p) { return a.CanReadPerson(p, "member"); },
       {"admin", "firm_leader", "team_leader", "engagement_leader", "member", "other_team_member",
        "unlinked_member"}},
      {"read unknown person", [](A a, P p) { return a.CanReadPerson(p, "ghost"); }, {}},
      {"read member's details",
       [](A a, P p) { return a.CanReadPersonDetail(p, "member"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read account-team member's details",
       [](A a, P p) { return a.CanReadPersonDetail(p, "peer"); },
       {"admin", "firm_leader", "team_leader", "engagement_leader"}},
      {"read team alpha",
       [](A a, P p) { return a.CanReadTeam(p, "alpha"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read account team",
       [](A a, P p) { return a.CanReadTeam(p, "account"); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"read engagement e1 (client c1)",
       [](A a, P p) { return a.CanReadEngagement(p, Engagement1()); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"read an engagement of a client no team serves",
       [](A a, P p) {
         Engagement other = Engagement1();
         other.client_id = "c9";
         other.leader_id = "";
         return a.CanReadEngagement(p, other);
       },
       {"admin", "firm_leader"}},
      {"change team alpha",
       [](A a, P p) { return a.CanChangeTeam(p, "alpha"); },
       {"admin", "team_leader"}},
      {"read team alpha's network",
       [](A a, P p) { return a.CanReadTeamNetwork(p, "alpha"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read client c1's coverage (englead, a partner, leads e1 for c1)",
       [](A a, P p) { return a.CanReadClientCoverage(p, "c1"); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"read an unknown client's coverage",
       [](A a, P p) { return a.CanReadClientCoverage(p, "c9"); },
       {"admin", "firm_leader"}},
      {"form teams",
       [](A a, P p) { return a.CanFormTeams(p); },
       {"admin", "firm_leader", "team_leader", "engagement_leader"}},
      {"import", [](A a, P p) { return a.CanImport(p); }, {"admin"}},
      {"manage users", [](A a, P p) { return a.CanManageUsers(p); }, {"admin"}},
      {"read audit", [](A a, P p) { return a.CanReadAudit(p); }, {"admin"}},
      {"read firm-wide views",
       [](A a, P p) { return a.CanReadFirmWide(p); },
       {"admin", "firm_leader"}},
      {"manage own token", [](A a, P p) { return a.CanManageToken(p, "u-member"); }, {"member"}},
      {"read member's check-in on alpha",
       [](A a, P p) { return a.CanReadCheckin(p, "member", "alpha"); },
       {"team_leader", "member"}},
      {"read peer's check-in on the account team",
       [](A a, P p) { return a.CanReadCheckin(p, "peer", "account"); },
       {"engagement_leader"}},
      {"read alpha's check-ins as a team",
       [](A a, P p) { return a.CanReadTeamCheckins(p, "alpha"); },
       {"team_leader"}},
      {"read the account team's check-ins as a team",
       [](A a, P p) { return a.CanReadTeamCheckins(p, "account"); },
       {"engagement_leader"}},
      {"set alpha's check-in cadence",
       [](A a, P p) { return a.CanSetCheckinCadence(p, "alpha"); },
       {"admin", "team_leader"}},
      {"set the account team's check-in cadence",
       [](A a, P p) { return a.CanSetCheckinCadence(p, "account"); },
       {"admin", "engagement_leader"}},
      {"set an unknown team's check-in cadence",
       [](A a, P p) { return a.CanSetCheckinCadence(p, "ghost"); },
       {}},
      {"read who of alpha has checked in",
       [](A a, P p) { return a.CanReadCheckinStatuses(p, "alpha"); },
       {"admin", "firm_leader", "team_leader"}},
      {"read who of lead's reporting line has checked in (lead manages member and peer)",
       [](A a, P p) { return a.CanReadReportsCheckinStatuses(p, "lead"); },
       {"admin", "firm_leader", "team_leader"}},
      {"read who of member's reporting line has checked in (lead is member's manager)",
       [](A a, P p) { return a.CanReadReportsCheckinStatuses(p, "member"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read who of an unknown person's reporting line has checked in",
       [](A a, P p) { return a.CanReadReportsCheckinStatuses(p, "ghost"); },
       {}},
      {"read member's question to peer on alpha",
       [](A a, P p) { return a.CanReadCheckinQuestion(p, "member", "peer", "alpha"); },
       {"team_leader", "member"}},
      {"read outsider's question to lead2 on beta",
       [](A a, P p) { return a.CanReadCheckinQuestion(p, "outsider", "lead2", "beta"); },
       {"other_team_member"}},
      {"read peer's question to member on the account team",
       [](A a, P p) { return a.CanReadCheckinQuestion(p, "peer", "member", "account"); },
       {"engagement_leader", "member"}},
      {"read feedback member asked of outsider",
       [](A a, P p) { return a.CanReadFeedbackAnswer(p, "member", "outsider", ""); },
       {"member", "other_team_member"}},
      {"read that answer once member shared it with lead (manager, alpha's leader)",
       [](A a, P p) { return a.CanReadFeedbackAnswer(p, "member", "outsider", "lead"); },
       {"member", "other_team_member", "team_leader"}},
      {"read an answer shared with englead, who leads none of member's teams",
       [](A a, P p) { return a.CanReadFeedbackAnswer(p, "member", "outsider", "englead"); },
       {"member", "other_team_member"}},
      {"see a request member asked of outsider",
       [](A a, P p) {
         const std::string reviewers[] = {"outsider", "peer"};
         return a.CanReadFeedbackRequest(p, "member", reviewers);
       },
       {"member", "other_team_member"}},
      {"share an answer to member's request",
       [](A a, P p) { return a.CanShareFeedbackAnswer(p, "member"); },
       {"member"}},
      {"use member's inbox", [](A a, P p) { return a.CanUseInbox(p, "member"); }, {"member"}},
      {"volunteer member for an opening",
       [](A a, P p) { return a.CanVolunteer(p, "member"); },
       {"member"}},
      {"volunteer themselves (a user without a person cannot)",
       [](A a, P p) { return a.CanVolunteer(p, p.person_id); },
       {"admin", "firm_leader", "team_leader", "engagement_leader", "member", "other_team_member"}},
      {"volunteer a person who does not exist",
       [](A a, P p) { return a.CanVolunteer(p, "nobody"); },
       {}},
      {"count as member's leader",
       [](A a, P p) { return a.LeadsPerson(p.person_id, "member"); },
       {"team_leader"}},
      {"count as peer's leader (manager lead; englead leads c1's engagement, so the account team)",
       [](A a, P p) { return a.LeadsPerson(p.person_id, "peer"); },
       {"team_leader", "engagement_leader"}},
      {"read alpha survey aggregate, 5 answers",
       [](A a, P p) { return a.CanReadSurveyAggregate(p, "alpha", 5); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read alpha survey aggregate, 4 answers",
       [](A a, P p) { return a.CanReadSurveyAggregate(p, "alpha", 4); },
       {}},
      {"read member's own survey answer",
       [](A a, P p) { return a.CanReadSurveyAnswer(p, "member"); },
       {"member"}},
  };
}

// Goals and roles, over GoalsTestFirm (in which firmlead leads the firm team).
std::vector<Rule> GoalRules() {
  using A = const Authorizer&;
  using P = const Principal&;
  auto goal = [](A a, const char* id) -> const Goal& { return *a.snapshot().FindGoal(id); };
  return {
      {"read alpha's goal",
       [=](A a, P p) { return a.CanReadGoal(p, goal(a, "g-alpha")); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"change alpha's goal",
       [=](A a, P p) { return a.CanChangeGoal(p, goal(a, "g-alpha")); },
       {"admin", "team_leader"}},
      {"write progress of alpha's goal (member is responsible)",
       [=](A a, P p) { return a.CanUpdateGoalProgress(p, goal(a, "g-alpha")); },
       {"admin", "team_leader", "member"}},
      {"write progress of the firm goal",
       [=](A a, P p) { return a.CanUpdateGoalProgress(p, goal(a, "g-firm")); },
       {"admin", "firm_leader"}},
      {"read member's private goal",
       [=](A a, P p) { return a.CanReadGoal(p, goal(a, "g-member")); },
       {"team_leader", "member"}},
      {"read member's shared goal",
       [=](A a, P p) { return a.CanReadGoal(p, goal(a, "g-member-shared")); },
       {"admin", "firm_leader", "team_leader", "engagement_leader", "member", "other_team_member",
        "unlinked_member"}},
      {"read outsider's private goal",
       [=](A a, P p) { return a.CanReadGoal(p, goal(a, "g-outsider")); },
       {"other_team_member"}},
      {"change member's personal goal",
       [=](A a, P p) { return a.CanChangeGoal(p, goal(a, "g-member")); },
       {"member"}},
      {"write progress of member's personal goal",
       [=](A a, P p) { return a.CanUpdateGoalProgress(p, goal(a, "g-member-shared")); },
       {"member"}},
      {"create a personal goal for member",
       [](A a, P p) { return a.CanCreatePersonalGoal(p, "member"); },
       {"member"}},
      {"read e1's client log",
       [](A a, P p) { return a.CanReadClientLog(p, "e1"); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"write e1's client log",
       [](A a, P p) { return a.CanWriteClientLog(p, "e1"); },
       {"admin", "engagement_leader"}},
      {"read an unknown engagement's log",
       [](A a, P p) { return a.CanReadClientLog(p, "ghost"); },
       {}},
  };
}

TEST(AuthorizerTest, GoalsByRoleMatrix) {
  auto snapshot = FirmSnapshot::Build(service::testing::GoalsTestFirm(), 1);
  Authorizer authorizer(*snapshot);
  for (const Rule& rule : GoalRules()) {
    for (const auto& [name, principal] : service::testing::TestPrincipals()) {
      bool expected =
          std::find(rule.allowed.begin(), rule.allowed.end(), name) != rule.allowed.end();
      EXPECT_EQ(rule.check(authorizer, principal), expected)
          << "rule \"" << rule.name << "\" for " << name;
    }
  }
}

// The by-position check answers as CanReadGoal for every goal and principal,
// including a goal whose team is not in the snapshot.
TEST(AuthorizerTest, CanReadGoalAtAnswersAsCanReadGoal) {
  FirmData firm = service::testing::GoalsTestFirm();
  firm.goals.push_back(service::testing::TestGoal("g-ghost", "ghost-team", "lead", "Nowhere"));
  auto snapshot = FirmSnapshot::Build(std::move(firm), 1);
  Authorizer authorizer(*snapshot);
  int readable = 0;
  for (const auto& [name, principal] : service::testing::TestPrincipals()) {
    for (uint32_t g = 0; g < snapshot->data().goals.size(); ++g) {
      const bool expected = authorizer.CanReadGoal(principal, snapshot->data().goals[g]);
      EXPECT_EQ(authorizer.CanReadGoalAt(principal, g), expected)
          << name << " " << snapshot->data().goals[g].id;
      readable += expected ? 1 : 0;
    }
  }
  EXPECT_GT(readable, 0);
  EXPECT_FALSE(authorizer.CanReadGoalAt(service::testing::TestPrincipals().at("admin"),
                                        *snapshot->GoalIndex("g-ghost")));
}

TEST(AuthorizerTest, PeopleOnAnEngagementTeamReadItsLog) {
  auto snapshot = FirmSnapshot::Build(service::testing::GoalsTestFirm(), 1);
  Authorizer authorizer(*snapshot);
  const Principal peer{"u-peer", UserRole::kMember, "peer"};  // on e1team and the account team
  EXPECT_TRUE(authorizer.CanReadClientLog(peer, "e1"));
  EXPECT_TRUE(authorizer.CanWriteClientLog(peer, "e1"));
}

TEST(AuthorizerTest, RoleByRecordMatrix) {
  auto snapshot = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  Authorizer authorizer(*snapshot);
  for (const Rule& rule : Rules()) {
    for (const auto& [name, principal] : service::testing::TestPrincipals()) {
      bool expected =
          std::find(rule.allowed.begin(), rule.allowed.end(), name) != rule.allowed.end();
      EXPECT_EQ(rule.check(authorizer, principal), expected)
          << "rule \"" << rule.name << "\" for " << name;
    }
  }
}

// Skill ratings of member (manager "lead", who also leads alpha; teammates
// lead and peer; nobody else shares a team or an engagement with member).
std::vector<Rule> RatingRules() {
  using A = const Authorizer&;
  using P = const Principal&;
  auto rate = [](RatingSource source, const char* person) {
    return [=](A a, P p) { return a.CanRateSkill(p, person, source); };
  };
  return {
      {"self-rate member", rate(RatingSource::kSelf, "member"), {"member"}},
      // lead shares alpha with member; the others share no team.
      {"peer-rate member", rate(RatingSource::kPeer, "member"), {"team_leader"}},
      {"manager-rate member", rate(RatingSource::kManager, "member"), {"team_leader"}},
      {"assessed-rate member", rate(RatingSource::kAssessed, "member"), {"admin"}},
      {"self-rate outsider", rate(RatingSource::kSelf, "outsider"), {"other_team_member"}},
      // outsider's manager is lead2; nobody in the principals shares beta.
      {"peer-rate outsider", rate(RatingSource::kPeer, "outsider"), {}},
      {"manager-rate outsider", rate(RatingSource::kManager, "outsider"), {}},
      {"any rating of an unknown person", rate(RatingSource::kAssessed, "ghost"), {}},
  };
}

TEST(AuthorizerTest, SkillRatingsByRoleMatrix) {
  auto snapshot = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  Authorizer authorizer(*snapshot);
  for (const Rule& rule : RatingRules()) {
    for (const auto& [name, principal] : service::testing::TestPrincipals()) {
      bool expected =
          std::find(rule.allowed.begin(), rule.allowed.end(), name) != rule.allowed.end();
      EXPECT_EQ(rule.check(authorizer, principal), expected)
          << "rule \"" << rule.name << "\" for " << name;
    }
  }
}

// Peers through an engagement: assigned to openings of one engagement, or
// one of them leading it; never oneself.
TEST(AuthorizerTest, PeersShareATeamOrAnEngagement) {
  FirmData firm = service::testing::TestFirm();
  Opening seat;
  seat.id = "o1";
  seat.engagement_id = "e1";
  seat.title = "Seat";
  seat.hours_per_week = 10;
  seat.start = Date{100};
  seat.end = Date{200};
  firm.openings = {seat};
  auto before = FirmSnapshot::Build(firm, 1);
  const Authorizer a0(*before);
  EXPECT_FALSE(a0.ArePeers("outsider", "englead"));
  EXPECT_FALSE(a0.ArePeers("outsider", "member"));
  EXPECT_TRUE(a0.ArePeers("peer", "member"));  // alpha and the account team
  EXPECT_FALSE(a0.ArePeers("member", "member"));
  firm.assignments = {{"as1", "outsider", "o1", 10, Date{100}, Date{200}, {}},
                      {"as2", "member", "o1", 10, Date{100}, Date{200}, {}}};
  auto after = FirmSnapshot::Build(firm, 2);
  const Authorizer a1(*after);
  EXPECT_TRUE(a1.ArePeers("outsider", "englead"));  // englead leads e1
  EXPECT_TRUE(a1.ArePeers("outsider", "member"));   // both on e1
  EXPECT_TRUE(
      a1.CanRateSkill({"u-out", UserRole::kMember, "outsider"}, "member", RatingSource::kPeer));
  EXPECT_FALSE(
      a1.CanRateSkill({"u-out", UserRole::kMember, "outsider"}, "member", RatingSource::kManager));
}

TEST(AuthorizerTest, LeadershipFollowsTheData) {
  FirmData firm = service::testing::TestFirm();
  Principal outsider{"u-out", UserRole::kMember, "outsider"};
  auto before = FirmSnapshot::Build(firm, 1);
  EXPECT_FALSE(Authorizer(*before).CanReadCheckin(outsider, "member", "alpha"));
  firm.teams.mut()[1].leader_id = "outsider";  // outsider now leads alpha
  auto after = FirmSnapshot::Build(firm, 2);
  EXPECT_TRUE(Authorizer(*after).CanReadCheckin(outsider, "member", "alpha"));
  EXPECT_TRUE(Authorizer(*after).CanReadTeam(outsider, "alpha"));
}

}  // namespace
}  // namespace guild
