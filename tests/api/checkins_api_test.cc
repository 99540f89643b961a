// Check-ins over HTTP (docs/CHECKINS.md): who sees what, one user per role —
// the author (member), a teammate (peer), the team's leader (lead), another
// team's leader (lead2), a firm leader and an administrator — bad input
// naming its field with nothing written, nudges, trends and ETags. The firm
// is TestFirm (alpha: lead leads, member and peer check in weekly) on
// Wednesday 2026-12-09 (cycle 2026-12-07..13).
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "domain/validate.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
const int64_t kNow = int64_t{ParseDate("2026-12-09")->days} * 86400 + 10 * 3600;

class CheckinsApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-checkins-api-XXXXXX", kNow, service::testing::TestFirm(),
               {{"u-admin", "admin@firm.test", "admin", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-lead2", "lead2@firm.test", "lead2", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  // Rows of every check-in kind, to prove a refused request wrote nothing.
  static int64_t Written() {
    int64_t n = 0;
    for (EntityKind k : {EntityKind::kCheckins, EntityKind::kCheckinBlockers,
                         EntityKind::kCheckinQuestions, EntityKind::kInboxItems}) {
      n += *server_->store().Count(k);
    }
    return n;
  }
  // Expects `status` per user for one request.
  static void ExpectStatuses(const std::string& method, const std::string& target,
                             const std::map<std::string, int>& statuses,
                             const std::string& body = "") {
    for (const auto& [who, status] : statuses) {
      EXPECT_EQ(Call(who, method, target, body).status, status)
          << who << " " << method << " " << target;
    }
  }
};

// The whole flow, in order: a draft, its submission with a blocker and a
// question to the teammate, the answer; at every step who reads what.
TEST_F(CheckinsApiTest, WhoSeesWhatAlongTheFlow) {
  json draft = Ok(Call("member", "PUT", "/teams/alpha/checkins/me",
                       R"({"client_change":"The CFO left","note":"draft"})"));
  const std::string id = draft["id"];
  EXPECT_EQ(draft["cycle_start"], "2026-12-07");
  EXPECT_TRUE(draft["submitted_at"].is_null());
  // A draft: its author only.
  ExpectStatuses("GET", "/checkins/" + id,
                 {{"member", 200},
                  {"peer", 404},
                  {"lead", 404},
                  {"lead2", 404},
                  {"fl", 404},
                  {"admin", 404},
                  {"anonymous", 401}});
  json team = Ok(Call("lead", "GET", "/teams/alpha/checkins"));
  ASSERT_EQ(team["members"].size(), 2u);
  EXPECT_EQ(team["members"][0]["person"]["id"], "member");
  EXPECT_EQ(team["members"][0]["status"], "draft");
  EXPECT_TRUE(team["members"][0]["checkin"].is_null());
  EXPECT_EQ(team["members"][1]["status"], "due");

  json submitted = Ok(Call("member", "PUT", "/teams/alpha/checkins/me",
                           R"({"client_change":"The CFO left; the new one starts Monday",
                               "blockers":[{"text":"No access to the ledger"}],
                               "question":{"addressee_id":"peer","text":"Who owns the VAT memo?"},
                               "submit":true})"));
  EXPECT_EQ(submitted["id"], id);
  EXPECT_FALSE(submitted["submitted_at"].is_null());
  // A submitted check-in: its author and its team's leader; no other role.
  ExpectStatuses("GET", "/checkins/" + id,
                 {{"member", 200},
                  {"lead", 200},
                  {"peer", 404},
                  {"lead2", 404},
                  {"fl", 404},
                  {"admin", 404},
                  {"outsider", 404}});
  json detail = Ok(Call("lead", "GET", "/checkins/" + id));
  EXPECT_EQ(detail["blockers"].size(), 1u);
  ASSERT_EQ(detail["questions"].size(), 1u);
  const std::string question = detail["questions"][0]["id"];

  // The question: asker, addressee and the team's leader.
  EXPECT_EQ(Ok(Call("peer", "GET", "/checkin-questions?to=me"))["items"].size(), 1u);
  EXPECT_EQ(Ok(Call("member", "GET", "/checkin-questions?from=me"))["items"].size(), 1u);
  for (const char* who : {"lead", "lead2", "fl", "admin", "outsider"}) {
    EXPECT_EQ(Ok(Call(who, "GET", "/checkin-questions?to=me"))["items"].size(), 0u) << who;
  }
  // Only the addressee answers; the others may not even see it, but the leader.
  ExpectStatuses("POST", "/checkin-questions/" + question + "/answer",
                 {{"lead", 403}, {"lead2", 404}, {"fl", 404}, {"admin", 404}, {"member", 403}},
                 R"({"answer":"Me"})");
  json answered = Ok(Call("peer", "POST", "/checkin-questions/" + question + "/answer",
                          R"({"answer":"Priya does"})"));
  EXPECT_EQ(answered["answer"], "Priya does");
  EXPECT_EQ(
      Call("peer", "POST", "/checkin-questions/" + question + "/answer", R"({"answer":"Again"})")
          .status,
      409);

  // My check-ins: the submitted one, my open blocker and my question.
  json mine = Ok(Call("member", "GET", "/checkins/me"));
  ASSERT_EQ(mine["teams"].size(), 1u);
  EXPECT_EQ(mine["teams"][0]["status"], "submitted");
  EXPECT_EQ(mine["teams"][0]["cycle"]["due_on"], "2026-12-13");
  EXPECT_EQ(mine["teams"][0]["open_blockers"].size(), 1u);
  EXPECT_EQ(mine["teams"][0]["question"]["answer"], "Priya does");
  // The leader does not check in; a firm leader and an administrator are on no such team.
  for (const char* who : {"lead", "fl", "admin"}) {
    EXPECT_EQ(Ok(Call(who, "GET", "/checkins/me"))["teams"].size(), 0u) << who;
  }

  // The team's views are its leader's only.
  for (const char* target : {"/teams/alpha/checkins", "/teams/alpha/checkins/trends?cycles=4"}) {
    ExpectStatuses("GET", target,
                   {{"lead", 200},
                    {"member", 404},
                    {"peer", 404},
                    {"lead2", 404},
                    {"fl", 404},
                    {"admin", 404}});
  }
  json trends = Ok(Call("lead", "GET", "/teams/alpha/checkins/trends?cycles=4"));
  ASSERT_EQ(trends["cycles"].size(), 4u);
  EXPECT_EQ(trends["cycles"][3]["submitted"], 1);
  EXPECT_EQ(trends["cycles"][3]["expected"], 2);
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/teams/alpha/checkins/trends?cycles=0")), "cycles");

  // The overdue list across the teams one leads; nudging once per cycle.
  json overdue = Ok(Call("lead", "GET", "/checkins/overdue"));
  ASSERT_EQ(overdue["teams"].size(), 1u);
  ASSERT_EQ(overdue["teams"][0]["members"].size(), 1u);
  EXPECT_EQ(overdue["teams"][0]["members"][0]["person"]["id"], "peer");
  for (const char* who : {"fl", "admin", "member"}) {
    EXPECT_EQ(Ok(Call(who, "GET", "/checkins/overdue"))["teams"].size(), 0u) << who;
  }
  // The practice leader's view over a reporting line (lead manages member
  // and peer): the line's statuses, never contents, to the people up the
  // line, firm leaders and administrators only. Peer is due on alpha and on
  // the account team; member has submitted.
  json line = Ok(Call("lead", "GET", "/checkins/overdue?scope=reports"));
  EXPECT_EQ(line["person"]["id"], "lead");
  EXPECT_EQ(line["reporting_line"], 2);
  EXPECT_EQ(line["counts"]["total"], 2);
  EXPECT_EQ(line["counts"]["due"], 2);
  ASSERT_EQ(line["teams"].size(), 2u);
  for (const json& team : line["teams"]) {
    EXPECT_EQ(team["not_checked_in"], 1);
    EXPECT_EQ(team["members"][0]["person"]["id"], "peer");
    EXPECT_TRUE(team["members"][0]["checkin"].is_null());
  }
  for (const char* who : {"fl", "admin"}) {
    EXPECT_EQ(
        Ok(Call(who, "GET", "/checkins/overdue?scope=reports&person=lead"))["counts"]["total"], 2)
        << who;
  }
  // A page at a time: the counts cover the whole line, the cursor follows on.
  json first = Ok(Call("lead", "GET", "/checkins/overdue?scope=reports&limit=1"));
  EXPECT_EQ(first["counts"]["total"], 2);
  EXPECT_EQ(first["counts"]["teams"], 2);
  ASSERT_EQ(first["teams"].size(), 1u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  EXPECT_EQ(first["next_cursor"], first["teams"][0]["team"]["id"]);
  json second = Ok(Call(
      "lead", "GET",
      "/checkins/overdue?scope=reports&limit=1&cursor=" + first["next_cursor"].get<std::string>()));
  ASSERT_EQ(second["teams"].size(), 1u);
  EXPECT_EQ(second["teams"][0]["team"]["id"], line["teams"][1]["team"]["id"]);
  EXPECT_TRUE(second["next_cursor"].is_null());
  EXPECT_TRUE(line["next_cursor"].is_null());
  EXPECT_EQ(Ok(Call("member", "GET", "/checkins/overdue?scope=reports"))["reporting_line"], 0);
  ExpectStatuses("GET", "/checkins/overdue?scope=reports&person=lead",
                 {{"member", 404}, {"peer", 404}, {"lead2", 404}});
  ExpectStatuses("GET", "/checkins/overdue?scope=reports&person=member",
                 {{"lead", 200}, {"peer", 404}});

  ExpectStatuses("POST", "/teams/alpha/checkins/nudge",
                 {{"member", 404}, {"peer", 404}, {"lead2", 404}, {"fl", 404}, {"admin", 404}});
  EXPECT_EQ(Ok(Call("lead", "POST", "/teams/alpha/checkins/nudge"))["nudged"], 1);
  EXPECT_EQ(Ok(Call("lead", "POST", "/teams/alpha/checkins/nudge"))["nudged"], 0);
}

TEST_F(CheckinsApiTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    std::string who, target, body;
    int status;
    std::string field;
  };
  const std::string big(kMaxCheckinTextBytes + 1, 'x');
  const std::vector<Case> cases = {
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":" ","submit":true})", 400,
       "client_change"},
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":"ok","note":")" + big + R"("})", 400,
       "note"},
      {"peer", "/teams/alpha/checkins/me",
       R"({"client_change":"ok","submit":true,"question":{"addressee_id":"outsider","text":"?"}})",
       400, "question.addressee_id"},
      {"peer", "/teams/alpha/checkins/me",
       R"({"client_change":"ok","submit":true,"question":{"addressee_id":"peer","text":"?"}})", 400,
       "question.addressee_id"},
      {"peer", "/teams/alpha/checkins/me",
       R"({"client_change":"ok","submit":true,"question":{"addressee_id":"lead"}})", 400,
       "question.text"},
      {"peer", "/teams/alpha/checkins/me",
       R"({"client_change":"ok","submit":true,"blockers":[{"text":""}]})", 400, "blockers[0].text"},
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":"ok","person_id":"member"})", 400,
       "person_id"},
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":"ok","cycle":"2026-12-14"})", 400,
       "cycle"},
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":"ok","cycle":"soon"})", 400,
       "cycle"},
      {"peer", "/teams/alpha/checkins/me", R"({"client_change":"ok","mood":"great"})", 400, "mood"},
      {"lead", "/teams/alpha/checkins/me", R"({"client_change":"ok"})", 400, "team"},
      {"peer", "/teams/beta/checkins/me", R"({"client_change":"ok"})", 404, ""},
  };
  const int64_t before = Written();
  for (const Case& c : cases) {
    Reply reply = Call(c.who, "PUT", c.target, c.body);
    EXPECT_EQ(reply.status, c.status) << c.body.substr(0, 200) << " " << reply.body.substr(0, 300);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << c.body.substr(0, 200);
    if (!c.field.empty()) {
      EXPECT_EQ(FieldOf(reply), c.field) << c.body.substr(0, 200);
    }
    EXPECT_EQ(Written(), before) << c.body.substr(0, 200);
  }
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/teams/alpha/checkins?cycle=someday")), "cycle");
  EXPECT_EQ(FieldOf(Call("member", "GET", "/checkin-questions?to=you")), "to");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?scope=everyone")), "scope");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?person=member")), "person");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?limit=5")), "limit");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?scope=reports&limit=0")), "limit");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?scope=reports&limit=1001")), "limit");
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/checkins/overdue?scope=reports&cursor=nope")), "cursor");
}

TEST_F(CheckinsApiTest, GetAnswersWithAnETagAnd304) {
  Reply first = Call("member", "GET", "/checkins/me");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  Headers headers = As("member");
  headers.emplace_back("If-None-Match", etag);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/checkins/me", headers, "").status, 304);
}

// PUT /teams/{id}/checkin-cadence: the team's leaders and administrators;
// bad values name "days" and change nothing. Ends with alpha weekly again.
TEST_F(CheckinsApiTest, TheCadenceIsSetByTheTeamsLeadersAndAdministrators) {
  const auto cadence = [] {
    return Ok(Call("lead", "GET", "/teams/alpha/checkins"))["cadence_days"];
  };
  ASSERT_EQ(cadence(), 7);
  struct Case {
    std::string body, field;
  };
  for (const Case& c : std::vector<Case>{{R"({"days":92})", "days"},
                                         {R"({"days":-1})", "days"},
                                         {R"({"days":"weekly"})", "days"},
                                         {R"({"days":7.5})", "days"},
                                         {R"({})", "days"},
                                         {R"({"days":7,"every":"week"})", "every"}}) {
    Reply reply = Call("lead", "PUT", "/teams/alpha/checkin-cadence", c.body);
    EXPECT_EQ(reply.status, 400) << c.body << " " << reply.body;
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << c.body;
    EXPECT_EQ(FieldOf(reply), c.field) << c.body;
  }
  ExpectStatuses("PUT", "/teams/alpha/checkin-cadence",
                 {{"member", 403},
                  {"peer", 403},
                  {"fl", 403},
                  {"lead2", 404},
                  {"outsider", 404},
                  {"anonymous", 401}},
                 R"({"days":14})");
  EXPECT_EQ(Call("admin", "PUT", "/teams/nowhere/checkin-cadence", R"({"days":7})").status, 404);
  EXPECT_EQ(cadence(), 7);

  json set = Ok(Call("lead", "PUT", "/teams/alpha/checkin-cadence", R"({"days":14})"));
  EXPECT_EQ(set, json::parse(R"({"team_id":"alpha","days":14})"));
  json team = Ok(Call("lead", "GET", "/teams/alpha/checkins"));
  EXPECT_EQ(team["cadence_days"], 14);
  EXPECT_EQ(ParseDate(team["cycle"]["due_on"].get<std::string>())->days -
                ParseDate(team["cycle"]["cycle_start"].get<std::string>())->days,
            13);
  // Off: the member has no check-in with alpha any more; an administrator
  // turns it back on.
  Ok(Call("lead", "PUT", "/teams/alpha/checkin-cadence", R"({"days":0})"));
  EXPECT_EQ(FieldOf(Call("lead", "GET", "/teams/alpha/checkins")), "team");
  EXPECT_TRUE(Ok(Call("member", "GET", "/checkins/me"))["teams"].empty());
  Ok(Call("admin", "PUT", "/teams/alpha/checkin-cadence", R"({"days":7})"));
  EXPECT_EQ(cadence(), 7);
  EXPECT_EQ(Ok(Call("member", "GET", "/checkins/me"))["teams"].size(), 1u);
}

// GET /teams/{id} gives the team's version in its ETag; the team writes
// (PUT purpose, PUT checkin-cadence) honour If-Match with it: a write
// against a team changed since it was read is a 412 problem naming the
// If-Match header, and writes nothing. Ends with alpha weekly again.
TEST_F(CheckinsApiTest, TeamWritesHonourIfMatchWithTheTeamsEtag) {
  const auto etag = [](const std::string& who) {
    Reply reply = Call(who, "GET", "/teams/alpha");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.headers["etag"];
  };
  const auto put = [](const std::string& who, const std::string& target, const std::string& body,
                      const std::string& if_match) {
    Headers headers = As(who);
    headers.emplace_back("Content-Type", "application/json");
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return Send(server_->port(), "PUT", "/api/v1" + target, headers, body);
  };
  const auto cadence = [] {
    return Ok(Call("lead", "GET", "/teams/alpha/checkins"))["cadence_days"];
  };
  const auto purpose = [] { return Ok(Call("lead", "GET", "/teams/alpha"))["purpose"]; };
  const auto expect_stale = [](Reply reply) {
    EXPECT_EQ(reply.status, 412) << reply.body;
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
    EXPECT_EQ(FieldOf(reply), "If-Match") << reply.body;
    EXPECT_EQ(reply.Json()["errors"][0]["location"], "header");
  };
  const std::string read = etag("lead");
  ASSERT_GE(read.size(), 3u);
  Headers cached = As("lead");
  cached.emplace_back("If-None-Match", read);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/teams/alpha", cached, "").status, 304);

  // Two leaders read the team; the first sets the purpose, the second's
  // cadence (from the same read) is refused, and nothing of it is written.
  const json before = purpose();
  ASSERT_EQ(put("lead", "/teams/alpha/purpose", R"({"purpose":"Clients first"})", read).status,
            200);
  const std::string after_purpose = etag("lead");
  EXPECT_NE(after_purpose, read);
  expect_stale(put("admin", "/teams/alpha/checkin-cadence", R"({"days":14})", read));
  EXPECT_EQ(cadence(), 7);
  // Read again, the write goes through; now the first leader's read is stale.
  EXPECT_EQ(put("admin", "/teams/alpha/checkin-cadence", R"({"days":14})", after_purpose).status,
            200);
  EXPECT_EQ(cadence(), 14);
  expect_stale(
      put("lead", "/teams/alpha/purpose", R"({"purpose":"Something else"})", after_purpose));
  EXPECT_EQ(purpose(), "Clients first");
  // A list naming the current version, "*", or no If-Match at all: written.
  const std::string now = etag("lead");
  EXPECT_EQ(put("lead", "/teams/alpha/purpose", R"({"purpose":"Clients first, always"})",
                read + ", " + now)
                .status,
            200);
  EXPECT_EQ(put("lead", "/teams/alpha/checkin-cadence", R"({"days":7})", "*").status, 200);
  EXPECT_EQ(put("lead", "/teams/alpha/purpose", json{{"purpose", before}}.dump(), "").status, 200);
  EXPECT_EQ(purpose(), before);
  EXPECT_EQ(cadence(), 7);
  // A weak or unquoted tag is bad input: 400 naming the header, nothing written.
  for (const std::string& bad : std::vector<std::string>{"W/" + now, "abc", "\"\"", ","}) {
    Reply reply = put("lead", "/teams/alpha/checkin-cadence", R"({"days":14})", bad);
    EXPECT_EQ(reply.status, 400) << bad << " " << reply.body;
    EXPECT_EQ(FieldOf(reply), "If-Match") << bad;
  }
  EXPECT_EQ(cadence(), 7);
  // Access is decided first: a member's write is 403 whatever its If-Match.
  EXPECT_EQ(put("member", "/teams/alpha/checkin-cadence", R"({"days":14})", read).status, 403);
}

}  // namespace
}  // namespace guild::api::testing
