// The staffing board's rules as a role x record matrix, as in
// authorizer_test.cc: for every rule, which principal may and which may not.
#include "service/access/staffing_access.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "service/testing/test_firm.h"

namespace guild {
namespace {

// The test firm, with an opening on e1 (led by "englead") that "outsider"
// holds an assignment on, and a second engagement e2 led by "lead".
FirmData StaffingTestFirm() {
  FirmData firm = service::testing::TestFirm();
  firm.engagements.push_back(
      {"e2", "c1", "Tax 2024", "lead", Date{100}, Date{200}, EngagementStatus::kConfirmed});
  Opening o;
  o.id = "o1";
  o.engagement_id = "e1";
  o.title = "Auditor";
  o.hours_per_week = 10;
  o.start = Date{100};
  o.end = Date{200};
  o.headcount = 2;
  firm.openings = {o};
  firm.assignments = {{"a1", "outsider", "o1", 10, Date{100}, Date{200}}};
  return firm;
}

struct Rule {
  std::string name;
  std::function<bool(const StaffingAccess&)> check;
  std::vector<std::string> allowed;  // every other principal is denied
};

std::vector<Rule> Rules() {
  using S = const StaffingAccess&;
  return {
      {"use the board",
       [](S s) { return s.MayUseBoard(); },
       {"admin", "firm_leader", "team_leader", "engagement_leader"}},
      {"staff e1",
       [](S s) { return s.MayStaff("e1"); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"staff e2", [](S s) { return s.MayStaff("e2"); }, {"admin", "firm_leader", "team_leader"}},
      {"staff an unknown engagement",
       [](S s) { return s.MayStaff("nope"); },
       {"admin", "firm_leader"}},
      {"act on the engagement leader's plan",
       [](S s) { return s.MayActOnPlan("u-eng"); },
       {"admin", "firm_leader", "engagement_leader"}},
      {"read the entry of that plan that seats member",
       [](S s) { return s.MayReadEntry("u-eng", "member"); },
       {"admin", "firm_leader", "engagement_leader", "member"}},
      {"read member's costs",
       [](S s) { return s.MayReadCosts("member"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read outsider's costs (on e1)",
       [](S s) { return s.MayReadCosts("outsider"); },
       {"admin", "firm_leader", "other_team_member"}},
      {"read plan totals", [](S s) { return s.MayReadTotals(); }, {"admin", "firm_leader"}},
      {"read outsider's loads (on e1)",
       [](S s) { return s.MayReadLoads("outsider"); },
       {"admin", "firm_leader", "engagement_leader", "other_team_member"}},
      {"read member's loads",
       [](S s) { return s.MayReadLoads("member"); },
       {"admin", "firm_leader", "team_leader", "member"}},
      {"read the market", [](S s) { return s.MayReadMarket(); }, {"admin", "firm_leader"}},
  };
}

TEST(StaffingAccessTest, RoleByRecordMatrix) {
  auto snapshot = FirmSnapshot::Build(StaffingTestFirm(), 1);
  const Authorizer authorizer(*snapshot);
  for (const Rule& rule : Rules()) {
    for (const auto& [name, principal] : service::testing::TestPrincipals()) {
      const bool expected =
          std::find(rule.allowed.begin(), rule.allowed.end(), name) != rule.allowed.end();
      EXPECT_EQ(rule.check(authorizer.Staffing(principal)), expected)
          << "rule \"" << rule.name << "\" for " << name;
    }
  }
}

TEST(StaffingAccessTest, EngagementLeadershipFollowsTheData) {
  FirmData firm = StaffingTestFirm();
  const Principal peer{"u-peer", UserRole::kMember, "peer"};
  EXPECT_FALSE(Authorizer(*FirmSnapshot::Build(firm, 1)).Staffing(peer).MayUseBoard());
  firm.engagements.mut()[0].leader_id = "peer";
  auto after = FirmSnapshot::Build(firm, 2);
  const StaffingAccess access = Authorizer(*after).Staffing(peer);
  EXPECT_TRUE(access.MayStaff("e1"));
  EXPECT_TRUE(access.MayReadLoads("outsider"));
  EXPECT_FALSE(access.MayReadCosts("outsider"));  // loads, not costs
}

}  // namespace
}  // namespace guild
