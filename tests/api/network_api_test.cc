// Collaboration networks over HTTP: who may see a team's network, the firm
// view, client coverage and team formation, per role; bad parameters get a
// problem naming the parameter. The network test firm
// (service/testing/network_test_firm.h), "today" 2023-11-14.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "service/testing/network_test_firm.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;

// The network test firm with private ties (docs/NETWORKS.md, "Privacy"),
// five days before today: member asked peer for feedback (answered) and
// outsider (declined); firmlead asked outsider (answered); peer's check-in
// routed a question to lead (answered). Only member and peer, member and
// outsider, firmlead and outsider, peer and lead may see theirs.
FirmData ConversationFirm(Date today) {
  FirmData firm = service::testing::NetworkTestFirm(today);
  const int64_t asked = int64_t{AddDays(today, -5).days} * 86400;
  auto request = [&](std::string id, std::string requester) {
    return FeedbackRequest{std::move(id), std::move(requester), FeedbackEventKind::kPitch,
                           "Pitch",       AddDays(today, -6),   "",
                           asked,         AddDays(today, 30)};
  };
  firm.feedback_requests = {request("fb-member", "member"), request("fb-firmlead", "firmlead")};
  auto answer = [&](std::string request_id, std::string reviewer, bool answered) {
    FeedbackAnswer a{std::move(request_id), std::move(reviewer)};
    a.status = answered ? FeedbackAnswerStatus::kAnswered : FeedbackAnswerStatus::kDeclined;
    if (answered) {
      a.most_effective = "Clear";
      a.do_better = "Shorter";
    }
    a.responded_at = asked + 86400;
    return a;
  };
  firm.feedback_answers = {answer("fb-member", "peer", true),
                           answer("fb-member", "outsider", false),
                           answer("fb-firmlead", "outsider", true)};
  firm.checkins = {
      Checkin{.id = "ci-peer",
              .team_id = "alpha",
              .person_id = "peer",
              .cycle_start = CheckinCycleStart(AddDays(today, -5), kDefaultCheckinCadenceDays),
              .client_change = "Scope grew",
              .updated_at = asked,
              .submitted_at = asked}};
  firm.checkin_questions = {CheckinQuestion{.id = "q-peer",
                                            .checkin_id = "ci-peer",
                                            .team_id = "alpha",
                                            .asker_id = "peer",
                                            .addressee_id = "lead",
                                            .text = "Who signs off?",
                                            .asked_at = asked,
                                            .answer = "Me",
                                            .answered_at = asked + 3600}};
  return firm;
}

class NetworkApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    const Date today{static_cast<int32_t>(kStartTime / 86400)};
    StartSuite("/tmp/guild-network-api-XXXXXX", kStartTime, ConversationFirm(today),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-eng", "englead@firm.test", "englead", UserRole::kMember},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static Reply Get(const std::string& who, const std::string& target) {
    return Send(server_->port(), "GET", "/api/v1" + target, As(who, /*with_csrf=*/false));
  }
  static json Ok(const std::string& who, const std::string& target) {
    Reply reply = Get(who, target);
    EXPECT_EQ(reply.status, 200) << who << " " << target << ": " << reply.body.substr(0, 400);
    return reply.Json();
  }
};

struct Access {
  std::string target;
  std::vector<std::pair<std::string, int>> statuses;  // who -> expected status
};

TEST_F(NetworkApiTest, WhoMaySeeWhat) {
  const std::vector<Access> table = {
      {"/teams/alpha/network",
       {{"admin", 200},
        {"fl", 200},
        {"lead", 200},
        {"member", 200},
        {"englead", 404},
        {"outsider", 404},
        {"anonymous", 401}}},
      {"/network",
       {{"admin", 200},
        {"fl", 200},
        {"lead", 403},
        {"member", 403},
        {"englead", 403},
        {"anonymous", 401}}},
      {"/clients/c1/coverage",
       {{"admin", 200},
        {"fl", 200},
        {"englead", 200},
        {"lead", 403},
        {"member", 403},
        {"outsider", 403},
        {"anonymous", 401}}},
      {"/team-formation?need=Tax%20law:2",
       {{"admin", 200},
        {"fl", 200},
        {"lead", 200},
        {"englead", 200},
        {"member", 403},
        {"outsider", 403},
        {"anonymous", 401}}},
      {"/team-formation?need=Tax%20law:2&hours=10",
       {{"fl", 200}, {"admin", 200}, {"lead", 403}, {"englead", 403}}},
  };
  for (const Access& a : table) {
    for (const auto& [who, status] : a.statuses) {
      Reply reply = Get(who, a.target);
      EXPECT_EQ(reply.status, status)
          << who << " " << a.target << ": " << reply.body.substr(0, 300);
      if (status != 200) {
        EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
      }
    }
  }
}

TEST_F(NetworkApiTest, TeamNetworkShowsTiesShapeAndTimeline) {
  json team = Ok("member", "/teams/alpha/network");
  EXPECT_EQ(team["team"]["leader"]["id"], "lead");
  ASSERT_EQ(team["nodes"].size(), 3u);
  EXPECT_EQ(team["nodes"][0]["id"], "lead");
  EXPECT_EQ(team["nodes"][0]["leader"], true);
  ASSERT_EQ(team["edges"].size(), 3u);
  EXPECT_EQ(team["edges"][0]["kinds"], json::array({"co-staffing"}));
  EXPECT_EQ(team["shape"]["name"], "network");
  EXPECT_FALSE(team["shape"]["reason"].get<std::string>().empty());
  EXPECT_DOUBLE_EQ(team["metrics"]["density"].get<double>(), 1.0);
  EXPECT_EQ(team["timeline"].size(), 6u);
  EXPECT_EQ(team["period"], nullptr);
  json day = Ok("lead", "/teams/alpha/network?from=2023-11-05&to=2023-11-05");
  EXPECT_EQ(day["edges"].size(), 1u);  // only lead and member worked on today - 9
  EXPECT_EQ(day["shape"]["name"], "none");
  EXPECT_EQ(Get("lead", "/teams/nope/network").status, 404);
}

// The edge between a and b in a team network reply: {weight, kinds}.
std::pair<double, json> EdgeOf(const json& network, const std::string& a, const std::string& b) {
  for (const json& e : network["edges"]) {
    if ((e["source"] == a && e["target"] == b) || (e["source"] == b && e["target"] == a)) {
      return {e["weight"].get<double>(), e["kinds"]};
    }
  }
  return {0.0, json::array()};
}

// Co-staffing alone (NetworkTestFirm): member-peer 4 hours, lead-peer 4,
// lead-member 14. A question or feedback exchange adds one hour and its kind,
// for its two people only.
TEST_F(NetworkApiTest, FeedbackAndQuestionTiesShowOnlyToTheirTwoPeople) {
  const json costaffing = json::array({"co-staffing"});
  struct Expected {
    std::string who;
    double member_peer;
    json member_peer_kinds;
    double lead_peer;
    json lead_peer_kinds;
  };
  const std::vector<Expected> table = {
      {"member", 5, json::array({"co-staffing", "feedback"}), 4, costaffing},
      {"peer", 5, json::array({"co-staffing", "feedback"}), 5,
       json::array({"co-staffing", "check-in question"})},
      {"lead", 4, costaffing, 5, json::array({"co-staffing", "check-in question"})},
      {"fl", 4, costaffing, 4, costaffing},
      {"admin", 4, costaffing, 4, costaffing},
  };
  std::string outsider_view;  // every non-party's view is byte for byte the same
  for (const Expected& e : table) {
    for (const std::string& period : {std::string(""), std::string("?from=2023-11-01")}) {
      Reply reply = Get(e.who, "/teams/alpha/network" + period);
      ASSERT_EQ(reply.status, 200) << e.who;
      json team = reply.Json();
      auto [mp, mp_kinds] = EdgeOf(team, "member", "peer");
      EXPECT_DOUBLE_EQ(mp, e.member_peer) << e.who << period;
      EXPECT_EQ(mp_kinds, e.member_peer_kinds) << e.who << period;
      auto [lp, lp_kinds] = EdgeOf(team, "lead", "peer");
      EXPECT_DOUBLE_EQ(lp, e.lead_peer) << e.who << period;
      EXPECT_EQ(lp_kinds, e.lead_peer_kinds) << e.who << period;
      EXPECT_DOUBLE_EQ(EdgeOf(team, "lead", "member").first, 14) << e.who << period;
      if ((e.who == "fl" || e.who == "admin") && period.empty()) {
        if (outsider_view.empty()) outsider_view = reply.body;
        EXPECT_EQ(reply.body, outsider_view) << e.who;
      }
    }
  }
  // The firm view: co-staffing makes 6 edges among lead, member, peer and
  // englead. member-outsider (feedback) never shows; firmlead sees their own
  // tie to outsider, the administrator (no party) does not.
  for (const std::string& period : {std::string(""), std::string("?from=2023-11-01")}) {
    json admin = Ok("admin", "/network" + period);
    EXPECT_EQ(admin["metrics"]["edges"], 6) << period;
    json fl = Ok("fl", "/network" + period);
    EXPECT_EQ(fl["metrics"]["edges"], 7) << period;
  }
  // Team formation reads public ties only: the same team and costs for all.
  EXPECT_EQ(Ok("lead", "/team-formation?need=Tax%20law:2")["members"],
            Ok("fl", "/team-formation?need=Tax%20law:2")["members"]);
}

TEST_F(NetworkApiTest, ClientCoverageHidesFreeHoursFromPartners) {
  json list = Ok("fl", "/clients");
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["clients"][0]["client"]["id"], "c1");
  EXPECT_EQ(list["clients"][0]["risk"], "single_partner");
  EXPECT_EQ(list["clients"][0]["flagged"], true);
  EXPECT_EQ(Ok("englead", "/clients")["total"], 1);
  EXPECT_EQ(Ok("lead", "/clients")["total"], 0);
  EXPECT_EQ(Ok("member", "/clients?flagged=true")["total"], 0);

  json full = Ok("fl", "/clients/c1/coverage");
  EXPECT_EQ(full["capacity_visible"], true);
  EXPECT_EQ(full["holders"][0]["id"], "englead");
  EXPECT_EQ(full["holders"][0]["strength"], "strong");
  ASSERT_FALSE(full["successors"].empty());
  EXPECT_TRUE(full["successors"][0].contains("free_hours_per_week"));
  json partner = Ok("englead", "/clients/c1/coverage");
  EXPECT_EQ(partner["capacity_visible"], false);
  for (const json& s : partner["successors"]) {
    EXPECT_FALSE(s.contains("free_hours_per_week"));
    EXPECT_EQ(s["reason"].get<std::string>().find("free hours"), std::string::npos);
  }
  EXPECT_EQ(Get("fl", "/clients/zz/coverage").status, 404);
}

TEST_F(NetworkApiTest, TeamFormationExplainsEveryMember) {
  json team = Ok("lead", "/team-formation?need=Tax%20law:2&objective=diameter");
  EXPECT_EQ(team["objective"], "diameter");
  ASSERT_EQ(team["members"].size(), 1u);
  EXPECT_EQ(team["members"][0]["id"], "member");
  EXPECT_EQ(team["members"][0]["covers"], json::array({"Tax law"}));
  EXPECT_EQ(team["cover"][0]["skill"]["id"], "firm:tax");
  EXPECT_EQ(team["optimal"], true);
}

struct BadCase {
  std::string who;
  std::string target;
  int status;
  std::string field;  // errors[0].field; empty: only a detail
};

TEST_F(NetworkApiTest, BadParametersGetANamedProblem) {
  const std::vector<BadCase> cases = {
      {"lead", "/teams/alpha/network?from=2023-13-01", 400, "from"},
      {"lead", "/teams/alpha/network?from=2023-11-05&to=2023-11-01", 400, "to"},
      {"fl", "/network?practice=Juggling", 404, ""},
      {"fl", "/network?to=someday", 400, "to"},
      {"fl", "/clients?flagged=maybe", 400, "flagged"},
      {"fl", "/clients?limit=0", 400, "limit"},
      {"lead", "/team-formation", 400, "need"},
      {"lead", "/team-formation?need=Tax%20law:9", 400, "need"},
      {"lead", "/team-formation?need=Juggling", 400, "need"},
      {"lead", "/team-formation?need=Tax%20law:5", 400, "need"},
      {"lead", "/team-formation?need=Tax%20law&objective=cheapest", 400, "objective"},
      {"fl", "/team-formation?need=Tax%20law&hours=-1", 400, "hours"},
      {"fl", "/team-formation?need=Tax%20law&practice=Law", 404, ""},
  };
  for (const BadCase& c : cases) {
    Reply reply = Get(c.who, c.target);
    EXPECT_EQ(reply.status, c.status) << c.target << ": " << reply.body.substr(0, 300);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << c.target;
    json problem = reply.Json();
    EXPECT_FALSE(problem.value("detail", "").empty()) << c.target;
    if (!c.field.empty()) {
      EXPECT_EQ(problem.value(json::json_pointer("/errors/0/field"), ""), c.field) << c.target;
    }
  }
  Reply juggling = Get("lead", "/team-formation?need=Juggling&need=Tax%20law:5");
  json problem = juggling.Json();
  ASSERT_EQ(problem["errors"].size(), 2u);
  EXPECT_EQ(problem["errors"][0]["value"], "Juggling:1");
  EXPECT_NE(
      problem["errors"][1]["expected"].get<std::string>().find("no one holds 'Tax law' at level 5"),
      std::string::npos);
  EXPECT_EQ(Send(server_->port(), "GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace guild::api::testing
