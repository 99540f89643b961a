// Skills insights over HTTP: request/expected-response pairs per endpoint and
// role, against a server on a free port over the skills test firm
// (service/skills_test_firm.h), "today" 2023-11-14.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "api_fixture.h"
#include "service/testing/skills_test_firm.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr const char* kWindow = "&from=2023-11-13&to=2023-11-26";

class SkillsApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-skills-api-XXXXXX", service::testing::kSkillsTestNow,
               service::testing::SkillsTestFirm(),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
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
  static std::vector<std::string> Ids(const json& list, const char* key = "person") {
    std::vector<std::string> ids;
    for (const json& item : list) ids.push_back(key ? item[key]["id"] : item["id"]);
    return ids;
  }
};

// A failing request: status, problem+json, and the parameter it names.
struct BadCase {
  std::string who;
  std::string target;
  int status;
  std::string field;  // errors[0].field, or the start of detail when no errors
};

TEST_F(SkillsApiTest, BadRequestsAndForbiddenOnesGetANamedProblem) {
  const std::vector<BadCase> cases = {
      {"member", "/skills/search", 400, "need"},
      {"member", "/skills/search?need=Python:7", 400, "need"},
      {"member", "/skills/search?need=:3", 400, "need"},
      {"member", "/skills/search?need=Python&mode=some", 400, "mode"},
      {"member", "/skills/search?need=Python&from=2023-13-01", 400, "from"},
      {"member", "/skills/search?need=Python&to=tomorrow", 400, "to"},
      {"member", "/skills/search?need=Python&from=2023-11-20&to=2023-11-01", 400, "to"},
      {"member", "/skills/search?need=Python&min_free_hours=-3", 400, "min_free_hours"},
      {"member", "/skills/search?need=Python&min_free_hours=10", 403, "min_free_hours"},
      {"member", "/skills/search?need=Python&wants_to_grow=maybe", 400, "wants_to_grow"},
      {"member", "/skills/search?need=Python&limit=0", 400, "limit"},
      {"member", "/skills/search?need=Pythn:3", 404, "need"},
      {"member", "/skills/search?need=Python&practice=Taxx", 404, "practice"},
      {"member", "/skills/suggest?q=py&limit=x", 400, "limit"},
      {"member", "/skills/market?periods=0", 400, "periods"},
      {"member", "/skills/market?from=2023-02-30", 400, "from"},
      {"member", "/skills/market?period_weeks=99", 400, "period_weeks"},
      {"member", "/skills/Python/remedies", 403, ""},
      {"lead", "/skills/Python/remedies", 403, ""},
      {"fl", "/skills/Python/remedies?level=9", 400, "level"},
      {"fl", "/skills/Pythn/remedies?level=4", 404, "id"},
      {"member", "/people/outsider/growth", 403, ""},
      {"outsider", "/people/member/growth", 403, ""},
      {"member", "/people/ghost/growth", 404, "id"},
      {"member", "/people/member/gaps", 400, "role"},
      {"member", "/people/member/gaps?role=firm:astronaut", 404, "role"},
      {"outsider", "/people/member/gaps?role=firm:senior", 403, ""},
      {"member", "/roles?limit=501", 400, "limit"},
      {"outsider", "/teams/alpha/coverage?engagement=e2", 404, ""},
      {"member", "/teams/alpha/coverage?engagement=e2", 404, ""},
      {"member", "/teams/alpha/coverage?engagement=nope", 404, "engagement"},
      {"member", "/teams/alpha/coverage", 400, "engagement"},
      {"member", "/mentoring-round", 403, ""},
      {"lead", "/mentoring-round", 403, ""},
      {"admin", "/mentoring-round?k=0", 400, "k"},
      {"anonymous", "/skills/search?need=Python", 401, ""},
      {"anonymous", "/mentoring-round", 401, ""},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.who + " " + c.target);
    Reply reply = Get(c.who, c.target);
    EXPECT_EQ(reply.status, c.status) << reply.body.substr(0, 400);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
    json problem = reply.Json();
    const std::string detail = problem.value("detail", "");
    EXPECT_FALSE(detail.empty());
    if (c.field.empty()) continue;
    if (problem.contains("errors") && !problem["errors"].empty()) {
      EXPECT_EQ(problem["errors"][0].value("field", ""), c.field) << detail;
    } else {
      EXPECT_EQ(detail.rfind(c.field, 0), 0u) << detail;
    }
  }
}

TEST_F(SkillsApiTest, UnknownSkillAnswersWithSuggestions) {
  Reply reply = Get("member", "/skills/search?need=Pythn:3");
  ASSERT_EQ(reply.status, 404);
  json problem = reply.Json();
  ASSERT_TRUE(problem["suggestions"].is_array()) << reply.body;
  EXPECT_EQ(problem["suggestions"][0], "Python");
  EXPECT_NE(problem.value("detail", "").find("did you mean: Python"), std::string::npos);
}

TEST_F(SkillsApiTest, SuggestSkillsAndPeople) {
  json out = Ok("member", "/skills/suggest?q=py&limit=5");
  ASSERT_FALSE(out["skills"].empty());
  EXPECT_EQ(out["skills"][0]["id"], "firm:python");
  EXPECT_EQ(out["skills"][0]["name"], "Python");
  EXPECT_TRUE(out["skills"][0]["match"].is_string());
  out = Ok("member", "/skills/suggest?q=mia");
  EXPECT_EQ(Ids(out["people"], nullptr), (std::vector<std::string>{"member"}));
  EXPECT_TRUE(out["skills"].empty());
}

TEST_F(SkillsApiTest, SearchShapeAndFreeHoursPerRole) {
  json member = Ok("member", std::string("/skills/search?need=python:4") + kWindow);
  EXPECT_EQ(member["total"], 2);
  ASSERT_EQ(Ids(member["hits"]), (std::vector<std::string>{"lead", "lead2"}));
  const json& hit = member["hits"][0];
  EXPECT_EQ(hit["person"]["grade"], "partner");
  EXPECT_EQ(hit["needs_met"], 1);
  EXPECT_EQ(hit["surplus"], 1);
  EXPECT_EQ(hit["wants_to_grow"], false);
  const json& match = hit["matches"][0];
  EXPECT_EQ(match["need"]["id"], "firm:python");
  EXPECT_EQ(match["min_level"], 4);
  EXPECT_EQ(match["met"], true);
  EXPECT_EQ(match["matched"]["name"], "Python");
  EXPECT_EQ(match["level"], 5);
  EXPECT_EQ(match["source"], "self");
  EXPECT_EQ(match["via"], "exact");
  ASSERT_FALSE(hit["why"].empty());
  // A member may not see other people's free hours, nor read them in "why".
  for (const json& h : member["hits"]) {
    EXPECT_TRUE(h["free_hours"].is_null());
    for (const json& line : h["why"]) {
      EXPECT_EQ(line.get<std::string>().find("free"), std::string::npos);
    }
  }
  // The team leader sees his own; a firm leader sees everyone's.
  json lead = Ok("lead", std::string("/skills/search?need=python:4") + kWindow);
  EXPECT_EQ(lead["hits"][0]["free_hours"], 20.0);
  EXPECT_TRUE(lead["hits"][1]["free_hours"].is_null());
  json firm = Ok("fl", std::string("/skills/search?need=python:4") + kWindow);
  EXPECT_EQ(firm["hits"][0]["free_hours"], 20.0);
  EXPECT_EQ(firm["hits"][1]["free_hours"], 0.0);
  // Without a window nobody gets numbers.
  EXPECT_TRUE(Ok("fl", "/skills/search?need=python:4")["hits"][0]["free_hours"].is_null());
  // Only firm-wide viewers filter by free hours.
  json filtered = Ok("fl", std::string("/skills/search?need=python:4&min_free_hours=10") + kWindow);
  EXPECT_EQ(Ids(filtered["hits"]), (std::vector<std::string>{"lead"}));
}

TEST_F(SkillsApiTest, SearchModesAndFilters) {
  json any = Ok("member", "/skills/search?need=Python:5&need=firm:audit:5&mode=any");
  EXPECT_EQ(Ids(any["hits"]), (std::vector<std::string>{"englead", "lead"}));
  json all = Ok("member", "/skills/search?need=Python:5&need=firm:audit:5");
  EXPECT_EQ(all["total"], 0);
  json growing = Ok("member", "/skills/search?need=py&wants_to_grow=true&grade=associate");
  EXPECT_EQ(Ids(growing["hits"]), (std::vector<std::string>{"member", "outsider"}));
  // Narrower skills meet a broader need: VAT (under Tax law).
  json tax = Ok("member", "/skills/search?need=Tax%20law:3&limit=10");
  EXPECT_EQ(tax["total"], 5);  // lead 5, peer 4, firmlead 4, member 3, englead via VAT 3
  bool via_narrower = false;
  for (const json& h : tax["hits"]) {
    via_narrower |= h["person"]["id"] == "englead" && h["matches"][0]["via"] == "narrower";
  }
  EXPECT_TRUE(via_narrower);
}

TEST_F(SkillsApiTest, GrowthForSelfLeaderAndFirmLeader) {
  json own = Ok("member", "/people/member/growth");
  EXPECT_EQ(own["person"]["id"], "member");
  EXPECT_EQ(own["skills"].size(), 3u);
  ASSERT_EQ(own["history"].size(), 1u);
  EXPECT_EQ(own["history"][0]["skill"]["id"], "firm:python");
  EXPECT_EQ(own["history"][0]["date"], "2023-01-02");
  bool lead_mentor = false;
  for (const json& p : own["mentors"]) {
    if (p["person"]["id"] != "lead" || p["skill"]["id"] != "firm:python") continue;
    lead_mentor = true;
    EXPECT_EQ(p["mentee_level"], 2);
    EXPECT_EQ(p["mentor_level"], 5);
    EXPECT_GT(p["benefit"].get<int>(), 100);
    EXPECT_EQ(p["why"].get<std::string>().find("h/week"), std::string::npos);
  }
  EXPECT_TRUE(lead_mentor);
  ASSERT_EQ(own["role_models"].size(), 1u);
  EXPECT_EQ(own["role_models"][0]["person"]["id"], "lead");
  EXPECT_EQ(own["role_models"][0]["to_level"], 5);
  EXPECT_FALSE(own["peers"].empty());
  EXPECT_TRUE(own["peers"][0]["why"].is_string());
  ASSERT_TRUE(own["circle"].is_object());
  EXPECT_EQ(own["circle"]["next_review"], "2024-01-01");

  json lead = Ok("lead", "/people/lead/growth");  // lead mentors member, peer, outsider
  std::vector<std::string> mentees = Ids(lead["mentees"]);
  EXPECT_NE(std::find(mentees.begin(), mentees.end(), "member"), mentees.end());

  json firm = Ok("fl", "/people/member/growth");
  bool hours = false;
  for (const json& p : firm["mentors"]) {
    hours |= p["why"].get<std::string>().find("10h/week free") != std::string::npos;
  }
  EXPECT_TRUE(hours);
  Ok("lead", "/people/member/growth");  // leads member's team
}

TEST_F(SkillsApiTest, GapsToARoleAndRoles) {
  json gaps = Ok("member", "/people/member/gaps?role=firm:senior");
  EXPECT_EQ(gaps["role"]["id"], "firm:senior");
  EXPECT_EQ(gaps["role"]["name"], "Senior consultant");
  ASSERT_EQ(gaps["gaps"].size(), 2u);
  EXPECT_EQ(gaps["gaps"][0]["skill"]["id"], "firm:python");
  EXPECT_EQ(gaps["gaps"][0]["required"], 4);
  EXPECT_EQ(gaps["gaps"][0]["have"], 2);
  EXPECT_EQ(gaps["gaps"][0]["kind"], "below");
  EXPECT_EQ(gaps["gaps"][1]["essential"], false);
  ASSERT_EQ(gaps["met"].size(), 1u);
  EXPECT_EQ(gaps["met"][0]["kind"], "met");
  Ok("fl", "/people/member/gaps?role=onet:15-1251.00");

  json roles = Ok("member", "/roles?q=comp");
  ASSERT_EQ(roles["roles"].size(), 1u);
  EXPECT_EQ(roles["roles"][0]["id"], "onet:15-1251.00");
  EXPECT_EQ(roles["roles"][0]["source"], "onet");
  EXPECT_EQ(Ok("member", "/roles")["roles"].size(), 2u);
  EXPECT_EQ(Ok("member", "/roles?limit=1")["roles"].size(), 1u);
}

TEST_F(SkillsApiTest, MarketForEverySignedInUser) {
  json redacted = Ok("member", "/skills/market?from=2023-11-14&periods=2&period_weeks=2");
  EXPECT_EQ(redacted["redacted"], true);
  for (const json& s : redacted["skills"]) EXPECT_GE(s["holders"], 3);
  for (const json& k : redacted["key_person_risks"]) {
    EXPECT_TRUE(k["holders"].empty());
    EXPECT_GE(k["holder_count"], 1);
  }
  json market = Ok("fl", "/skills/market?from=2023-11-14&periods=2&period_weeks=2");
  EXPECT_EQ(market["redacted"], false);
  EXPECT_EQ(market["periods"], json::array({"2023-11-13", "2023-11-27"}));
  bool python = false;
  for (const json& s : market["skills"]) {
    if (s["skill"]["id"] != "firm:python") continue;
    python = true;
    EXPECT_EQ(s["demand_hours"], 80.0);
    ASSERT_EQ(s["periods"].size(), 2u);
    EXPECT_EQ(s["periods"][0]["start"], "2023-11-13");
    EXPECT_EQ(s["periods"][0]["demand_hours"], 40.0);
  }
  EXPECT_TRUE(python);
  EXPECT_TRUE(market["key_person_risks"].is_array());
  EXPECT_TRUE(market["teaching_gaps"].is_array());
  EXPECT_EQ(Ok("member", "/skills/market")["periods"].size(), 3u);  // defaults: from today
}

TEST_F(SkillsApiTest, RemediesForFirmLeadersAndAdministrators) {
  json remedies = Ok("fl", "/skills/Python/remedies?level=4");
  EXPECT_EQ(remedies["skill"]["id"], "firm:python");
  EXPECT_EQ(remedies["level"], 4);
  EXPECT_EQ(remedies["from"], "2023-11-14");
  EXPECT_EQ(Ids(remedies["redeploy"]), (std::vector<std::string>{"lead", "lead2"}));
  EXPECT_EQ(remedies["redeploy"][0]["free_hours"], 50.0);  // 10h/week, 5 ISO weeks touched
  EXPECT_EQ(Ids(remedies["develop"]), (std::vector<std::string>{"peer"}));
  EXPECT_EQ(remedies["hire"], false);
  json nobody = Ok("admin", "/skills/firm:vat/remedies?level=5");
  EXPECT_TRUE(nobody["redeploy"].empty());
  EXPECT_EQ(Ids(nobody["develop"]), (std::vector<std::string>{}));
  EXPECT_EQ(nobody["hire"], true);
}

TEST_F(SkillsApiTest, TeamCoverage) {
  json coverage = Ok("fl", "/teams/alpha/coverage?engagement=e2");
  EXPECT_EQ(coverage["team"]["id"], "alpha");
  EXPECT_EQ(Ids(coverage["engagements"], nullptr), (std::vector<std::string>{"e2"}));
  ASSERT_EQ(coverage["needs"].size(), 2u);
  EXPECT_EQ(coverage["needs"][0]["skill"]["id"], "firm:audit");
  EXPECT_EQ(coverage["needs"][0]["coverage"], "lacking");
  EXPECT_EQ(coverage["needs"][1]["coverage"], "single");
  EXPECT_EQ(Ids(coverage["needs"][1]["holders"], nullptr), (std::vector<std::string>{"lead"}));
  json account = Ok("fl", "/teams/account/coverage");  // the client's open engagements
  EXPECT_EQ(Ids(account["engagements"], nullptr), (std::vector<std::string>{"e1", "e2"}));
}

TEST_F(SkillsApiTest, MentoringRoundForAdministrators) {
  json round = Ok("admin", "/mentoring-round?k=2");
  ASSERT_FALSE(round["pairs"].empty());
  EXPECT_EQ(round["total_pairs"], round["pairs"].size());
  EXPECT_GT(round["benefit"].get<int>(), 0);
  EXPECT_GT(round["mentees"].get<int>(), 0);
  EXPECT_GT(round["mentors"].get<int>(), 0);
  EXPECT_TRUE(round["seconds"].is_number());
  std::map<std::string, int> per_mentor;
  for (const json& p : round["pairs"]) {
    EXPECT_EQ(p["person"]["id"], p["mentor"]["id"]);
    EXPECT_LE(++per_mentor[p["mentor"]["id"]], 2);
  }
  EXPECT_EQ(Ok("fl", "/mentoring-round?limit=1")["pairs"].size(), 1u);
}

}  // namespace
}  // namespace guild::api::testing
