#include <gtest/gtest.h>

#include "engine/goals/goals.h"

namespace guild::goals {
namespace {

std::string Name(std::string_view id) { return "N(" + std::string(id) + ")"; }

struct Fixture {
  Team team{"t1", "Acme account", "", "lead", "c1", true, {{"lead", "lead"}, {"ann", "member"}}};
  Goal goal;
  Deliverable deliverable{"d1",
                          "t1",
                          "Board pack",
                          *ParseDate("2025-03-01"),
                          DeliverableStatus::kPlanned,
                          {{"lead", RaciRole::kAccountable}, {"ann", RaciRole::kResponsible}}};
  ClientRelationship relationship{"r1", "t1", "c1", "CFO", {{"lead", RaciRole::kAccountable}}};
  Fixture() {
    goal.id = "g1";
    goal.team_id = "t1";
    goal.title = "Renewal";
    goal.owner_id = "ann";
  }
  TeamRows Rows() { return {&team, {&goal}, {&deliverable}, {&relationship}}; }
  std::vector<std::string> Check(int bound = 7) {
    std::vector<std::string> out;
    for (const RaciWarning& w : CheckTeamRoles(Rows(), {bound}, &Name)) {
      out.push_back(std::string(ToString(w.kind)) + " " + w.row_id + " " + w.person_id + ": " +
                    w.message);
    }
    return out;
  }
};

TEST(RaciTest, HealthyTeamHasNoWarnings) { EXPECT_TRUE(Fixture().Check().empty()); }

TEST(RaciTest, RowWithoutOrWithTwoAccountables) {
  Fixture f;
  f.deliverable.raci = {{"ann", RaciRole::kResponsible}};
  f.relationship.raci.push_back({"ann", RaciRole::kAccountable});
  EXPECT_EQ(f.Check(),
            (std::vector<std::string>{
                "no-accountable d1 : Deliverable 'Board pack' has no accountable person.",
                "several-accountable r1 : Client relationship with c1 (CFO) has 2 "
                "accountable people (N(lead) and N(ann)); it needs exactly one."}));
}

TEST(RaciTest, CancelledDeliverablesAreNotChecked) {
  Fixture f;
  f.deliverable.raci.clear();
  f.deliverable.status = DeliverableStatus::kCancelled;
  f.relationship.raci.push_back({"ann", RaciRole::kInformed});  // ann still has a role
  EXPECT_TRUE(f.Check().empty());
}

TEST(RaciTest, MemberWithoutAnyRole) {
  Fixture f;
  f.team.members.push_back({"bo", "member"});
  EXPECT_EQ(f.Check(), (std::vector<std::string>{
                           "member-without-role  bo: N(bo) has no role in any goal, deliverable or "
                           "client relationship."}));
}

TEST(RaciTest, ATeamWithoutAMatrixHasNoMemberWarnings) {
  Fixture f;
  // No goal, no deliverable, no relationship: a people team for check-ins.
  EXPECT_TRUE(CheckTeamRoles({&f.team, {}, {}, {}}, {7}, &Name).empty());
  // One row is a matrix: then a member in no row is warned again.
  f.deliverable.raci = {{"lead", RaciRole::kAccountable}};
  const std::vector<RaciWarning> one =
      CheckTeamRoles({&f.team, {}, {&f.deliverable}, {}}, {7}, &Name);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].kind, RaciWarningKind::kMemberWithoutRole);
  EXPECT_EQ(one[0].person_id, "ann");
}

TEST(RaciTest, AccountableWhoLeftTheTeam) {
  Fixture f;
  f.goal.owner_id = "gone";
  f.relationship.raci = {{"gone2", RaciRole::kAccountable}};
  EXPECT_EQ(f.Check(),
            (std::vector<std::string>{
                "accountable-left-team g1 gone: Goal 'Renewal': accountable N(gone) is no longer "
                "on the team.",
                "accountable-left-team r1 gone2: Client relationship with c1 (CFO): accountable "
                "N(gone2) is no longer on the team."}));
}

TEST(RaciTest, LeadershipTeamAboveItsBound) {
  Fixture f;
  EXPECT_TRUE(f.Check(2).empty());
  EXPECT_EQ(f.Check(1), (std::vector<std::string>{
                            "leadership-team-too-large  : The leadership team has 2 people; the "
                            "firm's bound is 1."}));
  f.team.leadership_team = false;
  EXPECT_TRUE(f.Check(1).empty());
}

TEST(RaciTest, GroupsRowsByTeam) {
  FirmData data;
  data.teams = {{"t1", "One", "", "", "", false, {}}, {"t2", "Two", "", "", "", false, {}}};
  Goal g;
  g.team_id = "t2";
  data.goals = {g};
  data.deliverables = {{"d1", "t1", "x", {}, DeliverableStatus::kPlanned, {}},
                       {"d2", "t2", "y", {}, DeliverableStatus::kPlanned, {}},
                       {"d3", "t9", "z", {}, DeliverableStatus::kPlanned, {}}};
  auto rows = GroupRowsByTeam(data);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].deliverables.size(), 1u);
  EXPECT_EQ(rows[1].goals.size(), 1u);
  EXPECT_EQ(rows[1].deliverables[0]->id, "d2");
}

}  // namespace
}  // namespace guild::goals
