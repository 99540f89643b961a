// Purpose, goals and roles over HTTP: who may read and change what (one
// user per role), bad input naming its field with nothing written, ETags,
// and imports of the new kinds. The firm is GoalsTestFirm
// (service/testing/goals_test_firm.h) on day 150 (its goals run 100..200).
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "service/testing/goals_test_firm.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int64_t kNow = int64_t{150} * 86400 + 3600;

class GoalsApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-goals-api-XXXXXX", kNow, service::testing::GoalsTestFirm(),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-lead2", "lead2@firm.test", "lead2", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember},
                {"u-englead", "englead@firm.test", "englead", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static int64_t Count(EntityKind kind) { return *server_->store().Count(kind); }
  // Everything the goal kinds hold, to prove a refused request wrote nothing.
  static std::string Fingerprint() {
    auto data = server_->store().Load(
        LoadOptions{{EntityKind::kGoals, EntityKind::kGoalUpdates, EntityKind::kDeliverables,
                     EntityKind::kClientRelationships, EntityKind::kPurposeChanges,
                     EntityKind::kClientLog, EntityKind::kTeams}});
    std::string out;
    for (const Goal& g : data->goals) {
      out += g.id + g.owner_id + g.parent_id + std::to_string(g.raci.size()) +
             std::to_string(g.current_value.value_or(-1)) + ";";
    }
    for (const Deliverable& d : data->deliverables) out += d.id + std::to_string(d.raci.size());
    for (const Team& t : data->teams) out += t.purpose;
    out += std::to_string(data->goal_updates.size()) + std::to_string(data->client_log.size()) +
           std::to_string(data->purpose_changes.size());
    return out;
  }
};

struct Access {
  std::string method;
  std::string target;
  std::string body;
  std::map<std::string, int> status;  // user -> expected status
};

// Every role against the reads and the refused writes (writes that succeed
// are checked by the tests below, which then see their effect).
TEST_F(GoalsApiTest, AccessPerRole) {
  const std::vector<Access> cases = {
      // What the viewer may not see answers 404, like what does not exist.
      {"GET",
       "/teams/alpha/goals",
       "",
       {{"admin", 200},
        {"fl", 200},
        {"lead", 200},
        {"member", 200},
        {"lead2", 404},
        {"outsider", 404},
        {"anonymous", 401}}},
      {"GET",
       "/teams/alpha/roles",
       "",
       {{"admin", 200},
        {"fl", 200},
        {"lead", 200},
        {"member", 200},
        {"lead2", 404},
        {"outsider", 404},
        {"anonymous", 401}}},
      {"GET",
       "/teams/alpha/brief",
       "",
       {{"admin", 200}, {"lead", 200}, {"member", 200}, {"lead2", 404}, {"anonymous", 401}}},
      {"GET",
       "/goals/g-member",
       "",
       {{"member", 200},
        {"lead", 200},
        {"admin", 404},
        {"fl", 404},
        {"lead2", 404},
        {"outsider", 404},
        {"anonymous", 401}}},
      {"GET",
       "/goals/g-member-shared",
       "",
       {{"member", 200}, {"outsider", 200}, {"admin", 200}, {"anonymous", 401}}},
      {"GET", "/people/member/goals", "", {{"outsider", 200}, {"anonymous", 401}}},
      {"PATCH",
       "/teams/alpha/roles",
       R"({"changes":[{"row_kind":"goal","row_id":"g-alpha","person_id":"peer","role":"I"}]})",
       {{"fl", 403}, {"member", 403}, {"lead2", 404}, {"outsider", 404}, {"anonymous", 401}}},
      {"PUT",
       "/teams/alpha/purpose",
       R"({"purpose":"Something else"})",
       {{"fl", 403}, {"member", 403}, {"lead2", 404}, {"anonymous", 401}}},
      {"POST",
       "/goals/g-alpha/updates",
       R"({"value":7})",
       {{"fl", 403}, {"peer", 403}, {"lead2", 404}, {"outsider", 404}, {"anonymous", 401}}},
      {"POST",
       "/goals/g-member/updates",
       R"({"value":1})",
       {{"lead", 403}, {"admin", 404}, {"outsider", 404}}},
      {"PATCH",
       "/goals/g-alpha",
       R"({"title":"Renamed"})",
       {{"fl", 403}, {"member", 403}, {"outsider", 404}, {"anonymous", 401}}},
      {"DELETE", "/goals/g-member", "", {{"lead", 403}, {"admin", 404}}},
      {"POST",
       "/teams/alpha/deliverables",
       R"({"name":"x","due_date":"1970-07-01"})",
       {{"member", 403}, {"fl", 403}, {"lead2", 404}}},
      {"GET",
       "/engagements/e1/log",
       "",
       {{"admin", 200},
        {"fl", 200},
        {"englead", 200},
        {"peer", 200},
        {"member", 404},
        {"lead", 404},
        {"anonymous", 401}}},
      {"POST", "/engagements/e1/log", R"({"changed":"x"})", {{"fl", 403}, {"member", 404}}},
      {"GET", "/clients/c1/leadership", "", {{"fl", 200}, {"member", 404}, {"anonymous", 401}}},
  };
  const std::string before = Fingerprint();
  for (const Access& c : cases) {
    for (const auto& [who, status] : c.status) {
      Reply reply = Call(who, c.method, c.target, c.body);
      EXPECT_EQ(reply.status, status)
          << who << " " << c.method << " " << c.target << ": " << reply.body.substr(0, 300);
      if (status >= 400) {
        EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << c.target;
      }
    }
  }
  EXPECT_EQ(Fingerprint(), before);  // every refused write wrote nothing
}

TEST_F(GoalsApiTest, TeamGoalsShowStatusRollUpAndPurpose) {
  json page = Ok(Call("admin", "GET", "/teams/alpha/goals"));
  EXPECT_EQ(page["team"]["id"], "alpha");
  EXPECT_EQ(page["as_of"], "1970-05-31");
  ASSERT_EQ(page["goals"].size(), 3u);
  EXPECT_EQ(page["goals"][0]["id"], "g-firm");  // the context above the team
  const json& alpha = page["goals"][1];
  EXPECT_EQ(alpha["id"], "g-alpha");
  EXPECT_EQ(alpha["status"], "on-track");
  EXPECT_DOUBLE_EQ(alpha["progress"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(alpha["expected"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(alpha["rollup"]["progress"].get<double>(), 0.3);
  EXPECT_EQ(alpha["rollup"]["goals"], 2);
  EXPECT_EQ(alpha["children"], json::array({"g-alpha2"}));
  EXPECT_EQ(alpha["owner"]["name"], "Liam Lead");
  EXPECT_EQ(alpha["raci"][0]["role"], "R");
  EXPECT_EQ(page["purpose_history"][0]["before"], "Do tax");
  json member = Ok(Call("member", "GET", "/teams/alpha/goals"));
  EXPECT_EQ(member["goals"].size(), 2u);  // no firm goal for a member
  EXPECT_FALSE(member["can_change"].get<bool>());
}

TEST_F(GoalsApiTest, GetAnswersWithAnETagAnd304) {
  Reply first = Call("member", "GET", "/teams/alpha/roles");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  Headers headers = As("member");
  headers.emplace_back("If-None-Match", etag);
  Reply again = Send(server_->port(), "GET", "/api/v1/teams/alpha/roles", headers);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

struct BadInput {
  std::string who;
  std::string method;
  std::string target;
  std::string body;
  int status;
  std::string field;
};

// Each refused with a problem naming the field; nothing written; serving on.
TEST_F(GoalsApiTest, BadInputNamesTheFieldAndWritesNothing) {
  const std::string goal =
      R"("team_id":"alpha","title":"T","metric":"m","start_value":0,"target_value":5,"due_date":"1970-07-01")";
  const std::vector<BadInput> cases = {
      {"lead", "POST", "/goals", "{" + goal + "}", 400, "owner_id"},  // a goal without an owner
      {"lead", "POST", "/goals", "{" + goal + R"(,"owner_id":"outsider"})", 400, "owner_id"},
      {"lead", "POST", "/goals", "{" + goal + R"(,"owner_id":"ghost"})", 400, "owner_id"},
      {"lead", "POST", "/goals",
       R"({"team_id":"alpha","title":"T","metric":"m","start_value":5,"target_value":5,"due_date":"1970-07-01","owner_id":"lead"})",
       400, "target_value"},
      // A team that does not exist answers as one the viewer may not see.
      {"lead", "POST", "/goals",
       R"({"team_id":"ghost","title":"T","metric":"m","start_value":0,"target_value":5,"due_date":"1970-07-01","owner_id":"lead"})",
       404, ""},
      {"lead", "POST", "/goals", "{" + goal + R"(,"owner_id":"lead","due_date":"soon"})", 400,
       "due_date"},
      {"lead", "POST", "/goals", "{" + goal + R"(,"owner_id":"lead","start_value":"zero"})", 400,
       "start_value"},
      {"lead", "POST", "/goals", "{" + goal + R"(,"owner_id":"lead","colour":"red"})", 400,
       "colour"},
      {"lead", "POST", "/goals",
       "{" + goal + R"(,"owner_id":"lead","raci":[{"person_id":"member","role":"X"}]})", 400,
       "raci[0].role"},
      {"fl", "PATCH", "/goals/g-firm", R"({"parent_id":"g-alpha2"})", 400, "parent_id"},  // cycle
      {"lead", "PATCH", "/teams/alpha/roles",
       R"({"changes":[{"row_kind":"deliverable","row_id":"d-alpha","person_id":"member","role":"A"}]})",
       400, "role"},  // two accountable people on one row
      {"lead", "PATCH", "/teams/alpha/roles",
       R"({"changes":[{"row_kind":"goal","row_id":"g-alpha","person_id":"ghost","role":"C"}]})",
       400, "person_id"},
      {"lead", "PATCH", "/teams/alpha/roles",
       R"({"changes":[{"row_kind":"thing","row_id":"g-alpha","person_id":"peer","role":"C"}]})",
       400, "changes[0].row_kind"},
      {"lead", "PATCH", "/teams/alpha/roles",
       R"({"changes":[{"row_kind":"goal","row_id":"g-beta","person_id":"peer","role":"C"}]})", 400,
       "row_id"},
      {"lead", "PUT", "/teams/alpha/purpose", R"({"purpose":""})", 400, "purpose"},
      {"member", "POST", "/goals/g-alpha/updates", R"({"value":"high"})", 400, "value"},
      {"member", "POST", "/goals/g-alpha/updates", R"({"value":1,"date":"1970-13-01"})", 400,
       "date"},
      {"englead", "POST", "/engagements/e1/log", R"({"changed":"   "})", 400, "changed"},
      {"lead", "GET", "/engagements/e1/log?limit=0", "", 400, "limit"},
      {"englead", "GET", "/engagements/e1/log?cursor=not-a-cursor", "", 400, "cursor"},
      {"englead", "GET", "/engagements/e1/log?cursor=Z3VpbGQ", "", 400, "cursor"},
  };
  const std::string before = Fingerprint();
  for (const BadInput& c : cases) {
    Reply reply = Call(c.who, c.method, c.target, c.body);
    EXPECT_EQ(reply.status, c.status)
        << c.method << " " << c.target << " " << c.body << ": " << reply.body.substr(0, 400);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << c.body;
    EXPECT_EQ(FieldOf(reply), c.field) << c.body << ": " << reply.body.substr(0, 400);
  }
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_EQ(Send(server_->port(), "GET", "/healthz").status, 200);
}

TEST_F(GoalsApiTest, LeadersEditTheMatrixAndPurpose) {
  json roles = Ok(Call(
      "lead", "PATCH", "/teams/alpha/roles",
      R"({"changes":[{"row_kind":"deliverable","row_id":"d-alpha","person_id":"peer","role":"C"}]})"));
  bool found = false;
  for (const json& row : roles["rows"]) {
    if (row["id"] != "d-alpha") continue;
    for (const json& cell : row["cells"])
      found = found || (cell["person_id"] == "peer" && cell["role"] == "C");
  }
  EXPECT_TRUE(found);
  json page = Ok(Call("lead", "PUT", "/teams/alpha/purpose",
                      R"({"purpose":"Be the tax team clients call first"})"));
  EXPECT_EQ(page["team"]["purpose"], "Be the tax team clients call first");
  EXPECT_EQ(page["purpose_history"].back()["after"], "Be the tax team clients call first");
  EXPECT_EQ(page["purpose_history"].back()["author"]["id"], "lead");
  EXPECT_EQ(page["purpose_history"].back()["at"], "1970-05-31T01:00:00Z");
}

TEST_F(GoalsApiTest, ProgressAndPersonalGoals) {
  json goal =
      Ok(Call("member", "POST", "/goals/g-alpha2/updates", R"({"value":4,"comment":"two done"})"),
         201);
  EXPECT_EQ(goal["current_value"], 4);
  EXPECT_EQ(goal["measured_on"], "1970-05-31");
  json detail = Ok(Call("member", "GET", "/goals/g-alpha2"));
  EXPECT_EQ(detail["updates"][0]["comment"], "two done");
  EXPECT_EQ(detail["parent"]["id"], "g-alpha");
  json created = Ok(
      Call(
          "outsider", "POST", "/goals",
          R"({"title":"Read more","metric":"books","start_value":0,"target_value":12,"due_date":"1971-01-01"})"),
      201);
  EXPECT_EQ(created["owner"]["id"], "outsider");
  EXPECT_EQ(created["team"], nullptr);
  const std::string id = created["id"];
  EXPECT_EQ(Call("member", "GET", "/goals/" + id).status, 404);  // private: not even its existence
  json mine = Ok(Call("outsider", "GET", "/me/goals"));
  bool listed = false;
  for (const json& g : mine["personal"]) listed = listed || g["id"] == id;
  EXPECT_TRUE(listed);
  Ok(Call("outsider", "PATCH", "/goals/" + id, R"({"shared":true})"));
  EXPECT_EQ(Call("member", "GET", "/goals/" + id).status, 200);  // shared now
  EXPECT_EQ(Call("outsider", "DELETE", "/goals/" + id).status, 204);
  EXPECT_EQ(Call("outsider", "GET", "/goals/" + id).status, 404);
}

TEST_F(GoalsApiTest, ClientLogAndBrief) {
  json entry = Ok(Call("peer", "POST", "/engagements/e1/log",
                       R"({"changed":"Board approved","issues":"Data late","resolution":"Call"})"),
                  201);
  EXPECT_EQ(entry["author"]["id"], "peer");
  json log = Ok(Call("englead", "GET", "/engagements/e1/log?limit=1"));
  ASSERT_EQ(log["items"].size(), 1u);
  EXPECT_EQ(log["items"][0]["changed"], "Board approved");
  // The whole log, a page of one at a time, newest first: the cursor reaches the end.
  std::vector<std::string> paged;
  for (json page = log;; page = Ok(Call("englead", "GET",
                                        "/engagements/e1/log?limit=1&cursor=" +
                                            page["next_cursor"].get<std::string>()))) {
    for (const json& e : page["items"]) paged.push_back(e["id"]);
    if (page["next_cursor"].is_null()) break;
    ASSERT_LT(paged.size(), 10u);
  }
  std::vector<std::string> whole;
  const json all = Ok(Call("englead", "GET", "/engagements/e1/log?limit=200"));
  for (const json& e : all["items"]) whole.push_back(e["id"]);
  EXPECT_GE(whole.size(), 2u);
  EXPECT_EQ(paged, whole);
  EXPECT_TRUE(all["next_cursor"].is_null());
  // A team page names the engagements whose log it keeps, and who may write there.
  json team = Ok(Call("englead", "GET", "/teams/e1team/goals"));
  ASSERT_EQ(team["log_engagements"].size(), 1u);
  EXPECT_EQ(team["log_engagements"][0]["id"], "e1");
  EXPECT_EQ(team["log_engagements"][0]["can_write"], true);
  json firm = Ok(Call("fl", "GET", "/teams/e1team/goals"));
  ASSERT_EQ(firm["log_engagements"].size(), 1u);
  EXPECT_EQ(firm["log_engagements"][0]["can_write"], false);  // reads it, writes nothing
  EXPECT_TRUE(Ok(Call("lead", "GET", "/teams/alpha/goals"))["log_engagements"].empty());
  json brief = Ok(Call("englead", "GET", "/teams/e1team/brief"));
  EXPECT_EQ(brief["goals"]["team"]["id"], "e1team");
  EXPECT_GE(brief["log"].size(), 2u);
}

TEST_F(GoalsApiTest, ImportsOfTheNewKindsReportEveryBadLine) {
  Headers headers = As("admin");
  headers.emplace_back("Content-Type", "text/csv");
  const std::string csv =
      "id,team_id,title,metric,start_value,target_value,direction,start_date,due_date,owner_id,"
      "parent_id\n"
      "n1,alpha,Good,m,0,5,up,1970-04-11,1970-07-01,member,\n"
      "n2,alpha,No owner,m,0,5,up,1970-04-11,1970-07-01,,\n"
      "n3,alpha,Outsider,m,0,5,up,1970-04-11,1970-07-01,outsider,\n"
      "n4,alpha,Flat,m,5,5,up,1970-04-11,1970-07-01,member,\n"
      "n5,ghost,Nowhere,m,0,5,up,1970-04-11,1970-07-01,member,\n"
      "n6,alpha,Loop,m,0,5,up,1970-04-11,1970-07-01,member,n7\n"
      "n7,alpha,Loop back,m,0,5,up,1970-04-11,1970-07-01,member,n6\n";
  const int64_t before = Count(EntityKind::kGoals);
  Reply reply =
      Send(server_->port(), "POST", "/api/v1/admin/import/goals?file=goals.csv", headers, csv);
  ASSERT_EQ(reply.status, 422) << reply.body;
  const json problem = reply.Json();
  std::vector<std::pair<int, std::string>> errors;
  for (const json& e : problem["errors"]) errors.push_back({e["line"], e["field"]});
  EXPECT_EQ(errors, (std::vector<std::pair<int, std::string>>{{3, "owner_id"},
                                                              {4, "owner_id"},
                                                              {5, "target_value"},
                                                              {6, "team_id"},
                                                              {7, "parent_id"},
                                                              {8, "parent_id"}}));
  EXPECT_EQ(Count(EntityKind::kGoals), before);
}

}  // namespace
}  // namespace guild::api::testing
