// Test-only: the small test firm (test_firm.h) with purpose, goals and roles:
// a firm team whose goal the alpha team's goals align to, personal goals
// (private and shared), a deliverable, a client relationship, an engagement
// team for e1 with its client log, and alpha's purpose history.
#pragma once

#include "service/testing/test_firm.h"

namespace guild::service::testing {

inline Goal TestGoal(std::string id, std::string team, std::string owner, std::string title) {
  Goal g;
  g.id = std::move(id);
  g.team_id = std::move(team);
  g.owner_id = std::move(owner);
  g.title = std::move(title);
  g.metric = "score";
  g.unit = "points";
  g.start_value = 0;
  g.target_value = 10;
  g.start_date = Date{100};
  g.due_date = Date{200};
  return g;
}

//! TestFirm() plus:
//!  - team "firm" (kind firm, led by firmlead) with goal "g-firm";
//!  - alpha's goals "g-alpha" (owner lead; member responsible, peer
//!    consulted; aligns to g-firm, measured 6 on day 150) and "g-alpha2"
//!    (owner member; aligns to g-alpha);
//!  - beta's goal "g-beta" (owner lead2);
//!  - personal goals "g-member" (member, private), "g-member-shared"
//!    (member, shared) and "g-outsider" (outsider, private);
//!  - alpha's deliverable "d-alpha" (lead accountable, member responsible);
//!  - the account team's client relationship "r-account" (peer accountable);
//!  - team "e1team" (kind engagement, engagement e1, led by englead, member
//!    peer) and client log entry "log-1" on e1;
//!  - one change of alpha's purpose.
inline FirmData GoalsTestFirm() {
  FirmData firm = TestFirm();
  Team firm_team{"firm",
                 "Firm leadership",
                 "Serve clients well",
                 "firmlead",
                 "",
                 false,
                 {{"firmlead", "managing partner"}}};
  firm_team.kind = TeamKind::kFirm;
  Team e1team{"e1team",
              "Audit 2024 team",
              "A clean audit",
              "englead",
              "",
              false,
              {{"englead", "lead"}, {"peer", "senior"}}};
  e1team.kind = TeamKind::kEngagement;
  e1team.engagement_id = "e1";
  firm.teams.push_back(firm_team);
  firm.teams.push_back(e1team);
  firm.teams.mut()[0].kind = TeamKind::kAccount;  // "account"
  Goal top = TestGoal("g-firm", "firm", "firmlead", "Grow the firm");
  Goal alpha = TestGoal("g-alpha", "alpha", "lead", "Win tax work");
  alpha.raci = {{"member", RaciRole::kResponsible}, {"peer", RaciRole::kConsulted}};
  alpha.parent_id = "g-firm";
  alpha.current_value = 6;
  alpha.measured_on = Date{150};
  Goal alpha2 = TestGoal("g-alpha2", "alpha", "member", "Publish two tax notes");
  alpha2.parent_id = "g-alpha";
  Goal beta = TestGoal("g-beta", "beta", "lead2", "Audit well");
  Goal mine = TestGoal("g-member", "", "member", "Pass the exam");
  Goal shared = TestGoal("g-member-shared", "", "member", "Run a marathon");
  shared.shared = true;
  Goal outsider = TestGoal("g-outsider", "", "outsider", "Learn German");
  firm.goals = {top, alpha, alpha2, beta, mine, shared, outsider};
  firm.goal_updates = {{"g-alpha", Date{120}, 3, "a start", "lead"},
                       {"g-alpha", Date{150}, 6, "", "member"}};
  firm.deliverables = {{"d-alpha",
                        "alpha",
                        "Tax memo",
                        Date{180},
                        DeliverableStatus::kInProgress,
                        {{"lead", RaciRole::kAccountable}, {"member", RaciRole::kResponsible}}}};
  firm.client_relationships = {
      {"r-account", "account", "c1", "CFO", {{"peer", RaciRole::kAccountable}}}};
  firm.purpose_changes = {{"alpha", 1'000'000, "lead", "Do tax", "Win tax work"}};
  firm.client_log = {{"log-1", "e1", Date{140}, "englead", "New CFO", "Late data", "Weekly call"}};
  return firm;
}

}  // namespace guild::service::testing
