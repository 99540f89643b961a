// Staffing over HTTP: request/expected-response pairs per endpoint and role,
// against a server on a free port over a small staffing firm, "today"
// 2026-03-02 (a Monday).
//
// The firm: engagement e1 (client Acme) led by "englead" with opening o1
// (Tax >= 3, 20 h/week, two seats); e2 led by "otherlead" with o2 (Audit >= 3,
// one seat) that only "member" can fill. "peer" (Tax 5), "member" (Tax 4,
// Audit 4) and "junior" (Tax 3) are the candidates, 40 h/week each.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>

#include "api_fixture.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int32_t kTodayDays = 20514;  // 2026-03-02
constexpr int64_t kNow = int64_t{kTodayDays} * 86400 + int64_t{9} * 3600;

Person MakePerson(const std::string& id, const std::string& grade, const std::string& practice) {
  Person p;
  p.id = id;
  p.name = id + " Name";
  p.email = id + "@people.test";
  p.grade = grade;
  p.practice = practice;
  p.office = "London";
  p.weekly_capacity_hours = 40;
  return p;
}

FirmData StaffingFirm() {
  const Date today{kTodayDays};
  FirmData f;
  f.skills = {{"firm:tax", "Tax", "", "", {}, SkillSource::kFirm, SkillKind::kSkill},
              {"firm:audit", "Audit", "", "", {}, SkillSource::kFirm, SkillKind::kSkill}};
  f.people = {MakePerson("englead", "partner", "Tax"),  MakePerson("otherlead", "partner", "Audit"),
              MakePerson("firmlead", "partner", "Tax"), MakePerson("peer", "senior", "Tax"),
              MakePerson("member", "associate", "Tax"), MakePerson("junior", "associate", "Tax")};
  auto rate = [&](const std::string& person, const std::string& skill, int level) {
    PersonSkill ps;
    ps.person_id = person;
    ps.skill_id = skill;
    ps.level = level;
    f.person_skills.push_back(ps);
  };
  rate("peer", "firm:tax", 5);
  rate("member", "firm:tax", 4);
  rate("member", "firm:audit", 4);
  rate("junior", "firm:tax", 3);
  f.clients = {{"c1", "Acme", "retail", false}};
  f.engagements = {{"e1", "c1", "Acme tax", "englead", AddDays(today, -7), AddDays(today, 120),
                    EngagementStatus::kConfirmed},
                   {"e2", "c1", "Acme audit", "otherlead", AddDays(today, -7), AddDays(today, 120),
                    EngagementStatus::kConfirmed}};
  Opening o1;
  o1.id = "o1";
  o1.engagement_id = "e1";
  o1.title = "Tax senior";
  o1.required = {{"firm:tax", 3}};
  o1.hours_per_week = 20;
  o1.start = today;
  o1.end = AddDays(today, 55);
  o1.headcount = 2;
  Opening o2 = o1;
  o2.id = "o2";
  o2.engagement_id = "e2";
  o2.title = "Auditor";
  o2.required = {{"firm:audit", 3}};
  o2.headcount = 1;
  f.openings = {o1, o2};
  return f;
}

class StaffingApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-staffing-api-XXXXXX", kNow, StaffingFirm(),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-englead", "englead@firm.test", "englead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static Reply Get(const std::string& who, const std::string& target) {
    return Send(server_->port(), "GET", "/api/v1" + target, As(who));
  }
  static Reply Post(const std::string& who, const std::string& target, const std::string& body) {
    Headers headers = As(who);
    headers.emplace_back("Content-Type", "application/json");
    return Send(server_->port(), "POST", "/api/v1" + target, headers, body);
  }
  static json Propose(const std::string& who, const std::string& body) {
    return Ok(Post(who, "/staffing/plans", body), 201);
  }
  static double Tentative(const json& capacity, const std::string& person, int week) {
    for (const json& row : capacity["items"]) {
      if (row["person"]["id"] == person) return row["weeks"][week]["tentative"].get<double>();
    }
    ADD_FAILURE() << "no capacity row for " << person;
    return -1;
  }
  static int64_t StoredAssignments() { return *server_->store().Count(EntityKind::kAssignments); }
};

struct BadCase {
  std::string who;
  std::string method;
  std::string target;
  std::string body;
  int status;
  std::string field;  // errors[0].field; "" when the problem names none
};

TEST_F(StaffingApiTest, BadInputAndForbiddenRequestsGetAProblem) {
  const std::vector<BadCase> cases = {
      {"anonymous", "GET", "/staffing/openings", "", 401, ""},
      {"member", "GET", "/staffing/openings", "", 403, ""},
      {"member", "POST", "/staffing/plans", R"({"mode":"full"})", 403, ""},
      {"member", "GET", "/staffing/market", "", 403, ""},
      {"englead", "GET", "/staffing/market", "", 403, ""},
      {"member", "GET", "/staffing/capacity", "", 403, ""},
      {"englead", "POST", "/staffing/plans", R"({"mode":"incremental","opening_id":"o2"})", 403,
       ""},
      {"admin", "GET", "/staffing/openings?limit=0", "", 400, "limit"},
      {"admin", "GET", "/staffing/openings?engagement=nope", "", 404, ""},
      {"admin", "GET", "/staffing/openings?cursor=garbage", "", 400, "cursor"},
      {"admin", "POST", "/staffing/plans", R"({})", 400, "mode"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"some"})", 400, "mode"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"incremental"})", 400, "opening_id"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"incremental","opening_id":"nope"})", 404,
       "opening_id"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"full","options":{"horizon_weeks":0}})", 400,
       "options.horizon_weeks"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"full","options":{"capacity_ceiling":3}})",
       400, "options.capacity_ceiling"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"full","options":{"colour":"red"}})", 400,
       "options.colour"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"full","options":7})", 400, "options"},
      {"admin", "POST", "/staffing/plans", R"({"mode":"full","extra":1})", 400, "extra"},
      {"admin", "POST", "/staffing/plans", R"({"mode":)", 400, ""},
      {"admin", "GET", "/staffing/plans/nope", "", 404, "id"},
      {"admin", "POST", "/staffing/plans/nope/accept", "", 404, "id"},
      {"admin", "GET", "/staffing/market?weeks=0", "", 400, "weeks"},
      {"admin", "GET", "/staffing/market?plan=nope", "", 404, "plan"},
      {"admin", "GET", "/staffing/capacity?weeks=27", "", 400, "weeks"},
      {"admin", "GET", "/staffing/capacity?from=2026-02-30", "", 400, "from"},
      {"admin", "GET", "/staffing/capacity?limit=x", "", 400, "limit"},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.who + " " + c.method + " " + c.target + " " + c.body);
    Reply reply = c.method == "GET" ? Get(c.who, c.target) : Post(c.who, c.target, c.body);
    EXPECT_EQ(reply.status, c.status) << reply.body.substr(0, 400);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(reply.Json().value("detail", "").empty());
    if (c.status == 404 && !c.field.empty()) {
      EXPECT_EQ(reply.Json().value("detail", "").rfind(c.field, 0), 0u) << reply.body;
    } else if (!c.field.empty()) {
      EXPECT_EQ(FieldOf(reply), c.field) << reply.body;
    }
  }
}

TEST_F(StaffingApiTest, OpeningsPerRole) {
  json all = Ok(Get("fl", "/staffing/openings"));
  EXPECT_EQ(all["total"], 2);
  ASSERT_EQ(all["items"].size(), 2u);
  const json& o1 = all["items"][0];
  EXPECT_EQ(o1["id"], "o1");
  EXPECT_EQ(o1["engagement"]["id"], "e1");
  EXPECT_EQ(o1["engagement"]["leader"]["id"], "englead");
  EXPECT_EQ(o1["client"]["name"], "Acme");
  EXPECT_EQ(o1["required"][0]["skill"]["name"], "Tax");
  EXPECT_EQ(o1["required"][0]["min_level"], 3);
  EXPECT_EQ(o1["seats_left"], 2);
  EXPECT_EQ(o1["start"], "2026-03-02");
  EXPECT_EQ(o1["practice"], "Tax");
  // Paging, and the filters.
  json first = Ok(Get("admin", "/staffing/openings?limit=1"));
  ASSERT_EQ(first["items"].size(), 1u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  json second = Ok(
      Get("admin", "/staffing/openings?limit=1&cursor=" + first["next_cursor"].get<std::string>()));
  EXPECT_EQ(second["items"][0]["id"], "o2");
  EXPECT_TRUE(second["next_cursor"].is_null());
  EXPECT_EQ(Ok(Get("admin", "/staffing/openings?practice=audit"))["items"][0]["id"], "o2");
  EXPECT_EQ(Ok(Get("admin", "/staffing/openings?engagement=e2"))["total"], 1);
  // An engagement leader sees only the openings of the engagements they lead.
  json mine = Ok(Get("englead", "/staffing/openings"));
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["id"], "o1");
}

TEST_F(StaffingApiTest, PlanShapeExplanationsAndWhoMayReadThem) {
  json plan = Propose("admin", R"({"mode":"full","options":{"time_limit_seconds":5}})");
  const std::string id = plan["id"];
  EXPECT_EQ(plan["mode"], "full");
  EXPECT_EQ(plan["accepted"], false);
  EXPECT_EQ(plan["seats"], 3);
  EXPECT_EQ(plan["assignments"].size(), 3u);
  EXPECT_TRUE(plan["unfilled"].empty());
  EXPECT_GE(plan["objective"].get<double>(), plan["bound"].get<double>() - 1e-6);
  EXPECT_FALSE(plan["steps"].empty());
  EXPECT_EQ(plan["options"]["time_limit_seconds"], 5.0);
  std::string member_entry;
  for (const json& a : plan["assignments"]) {
    EXPECT_EQ(a["explanation"]["fit"].size(), 1u);
    EXPECT_TRUE(a["explanation"]["runner_ups"].is_array());
    if (a["person"]["id"] == "member" && a["opening"]["id"] == "o2") member_entry = a["id"];
  }
  ASSERT_FALSE(member_entry.empty()) << "only member can fill o2: " << plan.dump();
  EXPECT_EQ(StoredAssignments(), 0);  // a what-if writes nothing

  EXPECT_EQ(Ok(Get("fl", "/staffing/plans/" + id))["id"], id);
  EXPECT_EQ(Get("englead", "/staffing/plans/" + id).status, 403);
  EXPECT_EQ(Get("member", "/staffing/plans/" + id).status, 403);
  // A member reads the explanation of their own assignment, nobody else's.
  json own = Ok(Get("member", "/staffing/plans/" + id + "/assignments/" + member_entry));
  EXPECT_EQ(own["assignment"]["person"]["id"], "member");
  EXPECT_EQ(own["assignment"]["explanation"]["fit"][0]["skill"]["name"], "Audit");
  EXPECT_EQ(own["assignment"]["explanation"]["fit"][0]["level"], 4);
  EXPECT_EQ(Get("peer", "/staffing/plans/" + id + "/assignments/" + member_entry).status, 403);
  EXPECT_EQ(Get("admin", "/staffing/plans/" + id + "/assignments/ghost").status, 404);

  // The market, with the plan's unfilled seats (none).
  json market = Ok(Get("fl", "/staffing/market?weeks=4&plan=" + id));
  EXPECT_EQ(market["weeks"], 4);
  EXPECT_FALSE(market["skills"].empty());
  EXPECT_TRUE(market["unfilled"].empty());

  // Firm-wide viewers see every figure; a member sees the cost and loads
  // of their own entry only.
  for (const json& a : plan["assignments"]) {
    EXPECT_TRUE(a["cost"].is_number()) << a.dump();
    EXPECT_TRUE(a["explanation"]["load_after"].is_number());
  }
  EXPECT_TRUE(own["assignment"]["cost"].is_number());
  EXPECT_TRUE(own["assignment"]["explanation"]["load_before"].is_number());
  for (const json& r : own["assignment"]["explanation"]["runner_ups"]) {
    EXPECT_TRUE(r["cost"].is_null()) << r.dump();  // another person's rate
  }

  // An engagement leader's full plan covers only their engagement. The
  // costs (with the explanation they give back a person's rate), the plan's
  // totals (a sum of everyone's costs) and the loads of people not on their
  // engagement are null for them.
  json led = Propose("englead", R"({"mode":"full"})");
  ASSERT_EQ(led["assignments"].size(), 2u);
  for (const json& a : led["assignments"]) EXPECT_EQ(a["opening"]["id"], "o1");
  for (const char* total : {"objective", "bound", "gap", "gap_assignable"}) {
    EXPECT_TRUE(led[total].is_null()) << total;
  }
  for (const json& step : led["steps"]) EXPECT_TRUE(step["effect"].is_null());
  for (const json& a : led["assignments"]) {
    EXPECT_TRUE(a["cost"].is_null()) << a.dump();
    EXPECT_TRUE(a["explanation"]["load_before"].is_null());
    EXPECT_TRUE(a["explanation"]["load_after"].is_null());
    for (const json& r : a["explanation"]["runner_ups"]) EXPECT_TRUE(r["cost"].is_null());
  }
  EXPECT_EQ(Ok(Get("englead", "/staffing/plans/" + led["id"].get<std::string>()))["id"], led["id"]);
  // Incremental for one opening.
  json one = Propose("fl", R"({"mode":"incremental","opening_id":"o2"})");
  EXPECT_EQ(one["mode"], "incremental");
  EXPECT_EQ(one["opening_id"], "o2");
  ASSERT_EQ(one["assignments"].size(), 1u);
  EXPECT_EQ(one["assignments"][0]["person"]["id"], "member");
}

TEST_F(StaffingApiTest, AcceptWritesTentativeOnceAndRejectsStalePlans) {
  // 1. The data changes under a leader's plan: a planned person's capacity
  //    drops to 10 h, so the plan would overload them. Nothing is written.
  //    The leader may not read that person's loads: the conflict names the
  //    rule and the week, not the hours (an administrator gets them).
  json led = Propose("englead", R"({"mode":"full"})");
  json firm_wide = Propose("admin", R"({"mode":"full"})");
  const std::string led_id = led["id"];
  std::string shrunk;  // seated by both plans
  for (const json& a : led["assignments"]) {
    for (const json& b : firm_wide["assignments"]) {
      if (a["person"]["id"] == b["person"]["id"]) shrunk = a["person"]["id"];
    }
  }
  ASSERT_FALSE(shrunk.empty()) << led.dump() << firm_wide.dump();
  FirmData change;
  for (const Person& p : StaffingFirm().people) {
    if (p.id == shrunk) change.people.push_back(p);
  }
  ASSERT_EQ(change.people.size(), 1u);
  change.people.mut().back().weekly_capacity_hours = 10;
  ASSERT_TRUE(server_->store().Upsert(change).ok());
  // The accept sees the write (made behind the server's back, as another
  // server would) through the change feed: the snapshot is not reloaded.
  const int64_t loads = server_->services().snapshots().stats().loads;
  Reply stale = Post("englead", "/staffing/plans/" + led_id + "/accept", "");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(server_->services().snapshots().stats().loads, loads);
  EXPECT_NE(stale.Json().value("detail", "").find("capacity"), std::string::npos) << stale.body;
  EXPECT_EQ(stale.body.find("booked"), std::string::npos) << stale.body;
  EXPECT_EQ(stale.body.find("ceiling"), std::string::npos) << stale.body;
  Reply figures =
      Post("admin", "/staffing/plans/" + firm_wide["id"].get<std::string>() + "/accept", "");
  EXPECT_EQ(figures.status, 409) << figures.body;
  EXPECT_NE(figures.Json().value("detail", "").find("against a ceiling of 10.0 h"),
            std::string::npos)
      << figures.body;
  EXPECT_EQ(StoredAssignments(), 0);
  change.people.mut().back().weekly_capacity_hours = 40;
  ASSERT_TRUE(server_->store().Upsert(change).ok());

  // 2. Selected entries only; ids must be in the plan; the leader may not
  //    accept another engagement's plan.
  Reply unknown =
      Post("englead", "/staffing/plans/" + led_id + "/accept", R"({"assignment_ids":["zzz"]})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(FieldOf(unknown), "assignment_ids");
  Reply empty =
      Post("englead", "/staffing/plans/" + led_id + "/accept", R"({"assignment_ids":[]})");
  EXPECT_EQ(empty.status, 400);
  const std::string chosen = led["assignments"][0]["id"];
  json accepted = Ok(Post("englead", "/staffing/plans/" + led_id + "/accept",
                          R"({"assignment_ids":[")" + chosen + R"("]})"));
  EXPECT_EQ(accepted["created"], 1);
  EXPECT_EQ(accepted["assignment_ids"], json::array({chosen}));
  EXPECT_EQ(StoredAssignments(), 1);
  EXPECT_EQ(Ok(Get("englead", "/staffing/openings"))["items"][0]["seats_left"], 1);
  EXPECT_EQ(Post("englead", "/staffing/plans/" + led_id + "/accept", "").status, 409);

  // 3. Two firm-wide plans for the remaining two seats; the first accepted
  //    wins, the second no longer fits. The capacity shows the tentative hours.
  json a = Propose("admin", R"({"mode":"full"})");
  json b = Propose("fl", R"({"mode":"full"})");
  ASSERT_EQ(a["assignments"].size(), 2u);
  json before = Ok(Get("admin", "/staffing/capacity?weeks=2"));
  EXPECT_EQ(before["weeks"][0], "2026-03-02");
  EXPECT_EQ(before["items"][0]["weeks"][0]["capacity"], 40.0);
  const double member_before = Tentative(before, "member", 0);  // 20 when the leader seated them
  EXPECT_EQ(Post("member", "/staffing/plans/" + a["id"].get<std::string>() + "/accept", "").status,
            403);
  json done = Ok(Post("admin", "/staffing/plans/" + a["id"].get<std::string>() + "/accept", ""));
  EXPECT_EQ(done["created"], 2);
  EXPECT_EQ(StoredAssignments(), 3);
  json after = Ok(Get("admin", "/staffing/capacity?weeks=2"));
  EXPECT_EQ(Tentative(after, "member", 0), member_before + 20.0);  // o2 is member's
  EXPECT_EQ(Ok(Get("admin", "/staffing/plans/" + a["id"].get<std::string>()))["accepted"], true);
  Reply loser = Post("fl", "/staffing/plans/" + b["id"].get<std::string>() + "/accept", "");
  EXPECT_EQ(loser.status, 409) << loser.body;
  EXPECT_NE(loser.Json().value("detail", "").find("nothing written"), std::string::npos);
  EXPECT_EQ(StoredAssignments(), 3);
  EXPECT_EQ(Ok(Get("admin", "/staffing/openings"))["total"], 0);
  // Only the people asked for.
  json two = Ok(Get("admin", "/staffing/capacity?person=member&person=peer&weeks=1"));
  ASSERT_EQ(two["items"].size(), 2u);
  EXPECT_EQ(two["items"][0]["person"]["id"], "member");  // directory order: by name
  EXPECT_EQ(two["items"][1]["person"]["id"], "peer");
  // The engagement leader sees the people on their engagement.
  json theirs = Ok(Get("englead", "/staffing/capacity"));
  EXPECT_FALSE(theirs["items"].empty());
  for (const json& row : theirs["items"]) {
    EXPECT_NE(row["person"]["id"], "otherlead");
  }
}

// Adds a seat (the tests above may have filled the others when they ran in
// the same process). A second server on the same database reads, explains and
// accepts a plan the first proposed; the first then shows it as accepted and
// may not accept it again.
TEST_F(StaffingApiTest, PlansAreSharedByTheServersOfOneDatabase) {
  FirmData more;
  Opening o3 = StaffingFirm().openings[0];
  o3.id = "o3";
  o3.headcount = 1;
  more.openings = {o3};
  ASSERT_TRUE(server_->store().Upsert(more).ok());  // the change feed tells the servers
  TestServerOptions options;
  options.store = {*dir_ + "/guild.db", false, Durability::kOff};
  auto second = TestServer::Start(options, *clock_);
  ASSERT_NE(second, nullptr);
  SignedIn admin = SignInAs(second->port(), "admin@firm.test", kPassword);
  Headers on_second = {
      {"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}};

  const int64_t before = StoredAssignments();
  json plan = Propose("admin", R"({"mode":"full"})");
  const std::string id = plan["id"];
  const int proposed = static_cast<int>(plan["assignments"].size());
  ASSERT_GE(proposed, 1);
  const std::string entry = plan["assignments"][0]["id"];
  json read = Ok(Send(second->port(), "GET", "/api/v1/staffing/plans/" + id, on_second));
  EXPECT_EQ(read["assignments"][0]["id"], entry);
  EXPECT_EQ(read["objective"], plan["objective"]);
  EXPECT_EQ(read["accepted"], false);
  Ok(Send(second->port(), "GET", "/api/v1/staffing/plans/" + id + "/assignments/" + entry,
          on_second));
  EXPECT_EQ(
      Send(second->port(), "GET", "/api/v1/staffing/plans/plan_nonexistent", on_second).status,
      404);

  json done =
      Ok(Send(second->port(), "POST", "/api/v1/staffing/plans/" + id + "/accept", on_second, ""));
  EXPECT_EQ(done["created"], proposed);
  EXPECT_EQ(StoredAssignments(), before + proposed);
  // The first server shows the plan as accepted at once, before any accept
  // of its own (it still holds the plan it proposed in its cache).
  EXPECT_EQ(Ok(Get("admin", "/staffing/plans/" + id))["accepted"], true);
  Reply again = Post("admin", "/staffing/plans/" + id + "/accept", "");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.Json().value("detail", "").find("already accepted"), std::string::npos);
  EXPECT_EQ(StoredAssignments(), before + proposed);
  EXPECT_EQ(Ok(Get("admin", "/staffing/plans/" + id))["accepted"], true);
}

// A fresh server (its own suite): accepting with a change seats another
// person than proposed, after the same re-check of every hard constraint.
class StaffingChangeTest : public StaffingApiTest {};

TEST_F(StaffingChangeTest, AcceptWithAChangeSeatsAnotherPersonOrNothing) {
  json plan = Propose("admin", R"({"mode":"full"})");
  const std::string id = plan["id"];
  std::string tax_entry, audit_entry, tax_person;
  std::set<std::string> on_tax;
  for (const json& a : plan["assignments"]) {
    if (a["opening"]["id"] == "o1") {
      tax_entry = a["id"];
      tax_person = a["person"]["id"];
      on_tax.insert(a["person"]["id"].get<std::string>());
    }
    if (a["opening"]["id"] == "o2") audit_entry = a["id"];
  }
  ASSERT_FALSE(tax_entry.empty());
  ASSERT_FALSE(audit_entry.empty());
  std::string other;  // a Tax holder not yet on o1
  for (const char* p : {"peer", "member", "junior"}) {
    if (!on_tax.count(p)) other = p;
  }
  ASSERT_FALSE(other.empty());
  const std::string accept = "/staffing/plans/" + id + "/accept";

  Reply unknown_entry = Post("admin", accept, R"({"changes":{"zzz":"peer"}})");
  EXPECT_EQ(unknown_entry.status, 400);
  EXPECT_EQ(FieldOf(unknown_entry), "changes");
  Reply unknown_person = Post("admin", accept, R"({"changes":{")" + tax_entry + R"(":"nobody"}})");
  EXPECT_EQ(unknown_person.status, 400);
  EXPECT_EQ(FieldOf(unknown_person), "changes");
  Reply not_a_map = Post("admin", accept, R"({"changes":["peer"]})");
  EXPECT_EQ(not_a_map.status, 400);
  EXPECT_EQ(FieldOf(not_a_map), "changes");
  // junior holds no Audit: the re-check refuses and nothing is written.
  Reply unskilled = Post("admin", accept, R"({"changes":{")" + audit_entry + R"(":"junior"}})");
  EXPECT_EQ(unskilled.status, 409) << unskilled.body;
  EXPECT_NE(unskilled.Json().value("detail", "").find("skills"), std::string::npos)
      << unskilled.body;
  EXPECT_EQ(StoredAssignments(), 0);
  EXPECT_EQ(Ok(Get("admin", "/staffing/plans/" + id))["accepted"], false);  // not claimed either

  json done = Ok(Post("admin", accept,
                      R"({"assignment_ids":[")" + tax_entry + R"("],"changes":{")" + tax_entry +
                          R"(":")" + other + R"("}})"));
  EXPECT_EQ(done["created"], 1);
  EXPECT_EQ(done["changed"], 1);
  auto stored = server_->store().Load({.kinds = {EntityKind::kAssignments}});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->assignments.size(), 1u);
  EXPECT_EQ(stored->assignments[0].id, tax_entry);
  EXPECT_EQ(stored->assignments[0].person_id, other);
  EXPECT_NE(stored->assignments[0].person_id, tax_person);
}

}  // namespace
}  // namespace guild::api::testing
