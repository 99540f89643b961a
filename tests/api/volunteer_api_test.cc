// Volunteering over HTTP (issue 23): GET /me/openings and PUT/DELETE
// /openings/{id}/volunteer against a server on a free port, "today"
// 2026-03-02.
//
// The firm: "member" holds Tax 4 and Audit 2 (wants to grow Audit); "junior"
// Tax 3; "peer" Tax 5. Openings on live engagements: o1 (Tax >= 3, two
// seats: fits member), o2 (Audit >= 3, three seats: a stretch for member),
// o4 (Tax >= 3, one seat taken by peer: filled), o5 (Audit >= 3, one seat:
// too small for a stretch), o6 (Tax >= 5: above member), o7 (Audit >= 3, three
// seats, but junior on it is below Audit 3 already: its one stretch place is
// taken). o3 is on a
// completed engagement (closed). junior is pinned to o1 and excluded from o2
// by the engagement leader.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int32_t kTodayDays = 20514;  // 2026-03-02
constexpr int64_t kNow = int64_t{kTodayDays} * 86400 + int64_t{9} * 3600;

Person MakePerson(const std::string& id, const std::string& grade) {
  Person p;
  p.id = id;
  p.name = id + " Name";
  p.email = id + "@people.test";
  p.grade = grade;
  p.practice = "Tax";
  p.office = "London";
  return p;
}

Opening MakeOpening(const std::string& id, const std::string& engagement, const std::string& skill,
                    int level, int headcount) {
  const Date today{kTodayDays};
  Opening o;
  o.id = id;
  o.engagement_id = engagement;
  o.title = "Seat " + id;
  o.required = {{skill, level}};
  o.hours_per_week = 10;
  o.start = today;
  o.end = AddDays(today, 55);
  o.headcount = headcount;
  return o;
}

FirmData VolunteerFirm() {
  const Date today{kTodayDays};
  FirmData f;
  f.skills = {{"firm:tax", "Tax", "", "", {}, SkillSource::kFirm, SkillKind::kSkill},
              {"firm:audit", "Audit", "", "", {}, SkillSource::kFirm, SkillKind::kSkill}};
  f.people = {MakePerson("englead", "partner"), MakePerson("member", "associate"),
              MakePerson("junior", "associate"), MakePerson("peer", "senior"),
              MakePerson("auditor", "manager")};
  auto rate = [&](const std::string& person, const std::string& skill, int level, bool grow) {
    f.person_skills.push_back({person, skill, RatingSource::kSelf, level, grow, {}, {}});
  };
  rate("member", "firm:tax", 4, false);
  rate("member", "firm:audit", 2, true);
  rate("junior", "firm:tax", 3, false);
  rate("peer", "firm:tax", 5, false);
  rate("auditor", "firm:audit", 5, false);
  // Roles: the target, and the next grade up of member's path (Tax, associate -> senior).
  f.roles = {
      {"firm:tax-manager",
       "Manager, Tax",
       "",
       RoleSource::kFirm,
       {{"firm:audit", 4, 5.0, true}, {"firm:tax", 5, 3.0, true}}},
      {"firm:tax-senior", "Senior, Tax", "", RoleSource::kFirm, {{"firm:tax", 4, 3.0, true}}}};
  f.clients = {{"c1", "Acme", "retail", false}};
  f.engagements = {{"e1", "c1", "Acme tax", "englead", AddDays(today, -7), AddDays(today, 120),
                    EngagementStatus::kConfirmed},
                   {"e3", "c1", "Acme old", "englead", AddDays(today, -7), AddDays(today, 120),
                    EngagementStatus::kComplete}};
  f.openings = {
      MakeOpening("o1", "e1", "firm:tax", 3, 2),   MakeOpening("o2", "e1", "firm:audit", 3, 3),
      MakeOpening("o3", "e3", "firm:tax", 3, 2),   MakeOpening("o4", "e1", "firm:tax", 3, 1),
      MakeOpening("o5", "e1", "firm:audit", 3, 1), MakeOpening("o6", "e1", "firm:tax", 5, 2),
      MakeOpening("o7", "e1", "firm:audit", 3, 3)};
  // junior (no Audit) already holds o7's stretch place: no second stretch there.
  f.assignments = {
      {"a7", "junior", "o7", 10, today, AddDays(today, 55), AssignmentStatus::kTentative},
      {"a1", "peer", "o4", 10, today, AddDays(today, 55), AssignmentStatus::kConfirmed}};
  f.opening_preferences = {{"o1", "junior", PreferenceKind::kPinned, "leader's pick"},
                           {"o2", "junior", PreferenceKind::kExcluded, ""}};
  return f;
}

class VolunteerApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-volunteer-api-XXXXXX", kNow, VolunteerFirm(),
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-junior", "junior@firm.test", "junior", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static int64_t Preferences() { return *server_->store().Count(EntityKind::kOpeningPreferences); }
  static std::vector<std::string> Ids(const json& page) {
    std::vector<std::string> ids;
    for (const json& item : page["items"]) ids.push_back(item["id"]);
    return ids;
  }
};

TEST_F(VolunteerApiTest, ListsWhatFitsAndWhatStretchesWithWhy) {
  json mine = Ok(Call("member", "GET", "/me/openings"));
  // o1 fits (reward 20 * 0.5), o2 stretches Audit 2 -> 3 (20 * -0.5 + 15);
  // o3 closed, o4 filled, o5 too small for a stretch, o6 above member, o7's
  // stretch place taken.
  EXPECT_EQ(Ids(mine), (std::vector<std::string>{"o1", "o2"}));
  EXPECT_EQ(mine["total"], 2);
  const json& o1 = mine["items"][0];
  EXPECT_EQ(o1["fit"], "fit");
  EXPECT_EQ(o1["why"], "Fits your skills: Tax at 4 (needs 3).");
  EXPECT_EQ(o1["engagement"]["name"], "Acme tax");
  EXPECT_EQ(o1["hours_per_week"], 10);
  EXPECT_EQ(o1["start"], "2026-03-02");
  EXPECT_EQ(o1["seats_left"], 2);
  EXPECT_EQ(o1["volunteered"], false);
  const json& o2 = mine["items"][1];
  EXPECT_EQ(o2["fit"], "stretch");
  EXPECT_EQ(o2["why"],
            "A stretch seat: it needs Audit at 3, one level above your 2, a skill you want to "
            "grow.");
  EXPECT_EQ(o2["skills"][0]["stretch"], true);
  EXPECT_EQ(o2["skills"][0]["level"], 2);
  // Nothing private to others: no rates, costs, loads or free hours.
  for (const char* word : {"cost", "rate", "free", "load", "capacity"}) {
    EXPECT_EQ(mine.dump().find(word), std::string::npos) << word;
  }
  // Paging.
  json first = Ok(Call("member", "GET", "/me/openings?limit=1"));
  ASSERT_TRUE(first["next_cursor"].is_string());
  json second = Ok(Call("member", "GET",
                        "/me/openings?limit=1&cursor=" + first["next_cursor"].get<std::string>()));
  EXPECT_EQ(Ids(second), (std::vector<std::string>{"o2"}));
  EXPECT_TRUE(second["next_cursor"].is_null());
  // junior: o1 (pinned by the leader, still listed), never o2 (excluded).
  EXPECT_EQ(Ids(Ok(Call("junior", "GET", "/me/openings"))), (std::vector<std::string>{"o1"}));
  // peer (Tax 5) is on o4 already: o1 (two levels above, reward 20) before o6 (at the
  // level, reward 0).
  EXPECT_EQ(Ids(Ok(Call("peer", "GET", "/me/openings"))), (std::vector<std::string>{"o1", "o6"}));
}

TEST_F(VolunteerApiTest, VolunteerShowsOnTheBoardAndWithdrawRemovesIt) {
  const int64_t before = Preferences();
  json state = Ok(Call("member", "PUT", "/openings/o2/volunteer", R"({"note":"I want Audit"})"));
  EXPECT_EQ(state["volunteered"], true);
  EXPECT_EQ(state["person_id"], "member");
  EXPECT_EQ(Preferences(), before + 1);
  // Again: idempotent.
  Ok(Call("member", "PUT", "/openings/o2/volunteer", R"({"note":"I want Audit"})"));
  EXPECT_EQ(Preferences(), before + 1);
  json mine = Ok(Call("member", "GET", "/me/openings"));
  EXPECT_EQ(mine["items"][1]["id"], "o2");
  EXPECT_EQ(mine["items"][1]["volunteered"], true);
  // The staffing board shows the volunteer to the administrator.
  json board = Ok(Call("admin", "GET", "/staffing/openings?engagement=e1"));
  bool shown = false;
  for (const json& o : board["items"]) {
    if (o["id"] != "o2") continue;
    ASSERT_EQ(o["volunteers"].size(), 1u);
    EXPECT_EQ(o["volunteers"][0]["id"], "member");
    shown = true;
  }
  EXPECT_TRUE(shown) << board.dump();
  // Volunteering for an opening that does not fit is allowed (self-selection).
  Ok(Call("member", "PUT", "/openings/o6/volunteer"));
  json listed = Ok(Call("member", "GET", "/me/openings"));
  EXPECT_EQ(Ids(listed), (std::vector<std::string>{"o1", "o2", "o6"}));
  EXPECT_EQ(listed["items"][2]["fit"], "short");
  EXPECT_EQ(listed["items"][2]["why"], "You volunteered, but it needs Tax at 5 and you are at 4.");

  EXPECT_EQ(Ok(Call("member", "DELETE", "/openings/o2/volunteer"))["volunteered"], false);
  Ok(Call("member", "DELETE", "/openings/o6/volunteer"));
  EXPECT_EQ(Preferences(), before);
  EXPECT_EQ(Ok(Call("member", "GET", "/me/openings"))["items"][1]["volunteered"], false);
  board = Ok(Call("admin", "GET", "/staffing/openings?engagement=e1"));
  for (const json& o : board["items"]) EXPECT_TRUE(o["volunteers"].empty()) << o.dump();
}

TEST_F(VolunteerApiTest, RefusalsNameTheFieldAndWriteNothing) {
  struct Case {
    std::string who, method, target, body;
    int status;
    std::string field;
  };
  const std::string long_note = R"({"note":")" + std::string(501, 'x') + R"("})";
  const std::vector<Case> cases = {
      {"anonymous", "GET", "/me/openings", "", 401, ""},
      {"admin", "GET", "/me/openings", "", 403, ""},  // no person
      {"admin", "PUT", "/openings/o1/volunteer", "", 403, ""},
      {"admin", "DELETE", "/openings/o1/volunteer", "", 403, ""},
      {"member", "GET", "/me/openings?limit=0", "", 400, "limit"},
      {"member", "GET", "/me/openings?cursor=garbage", "", 400, "cursor"},
      {"member", "PUT", "/openings/nope/volunteer", "", 404, "id"},
      {"member", "PUT", "/openings/o3/volunteer", "", 409, "id"},  // closed
      {"member", "PUT", "/openings/o4/volunteer", "", 409, "id"},  // filled
      {"peer", "PUT", "/openings/o4/volunteer", "", 409, "id"},    // on it already
      {"junior", "PUT", "/openings/o1/volunteer", "", 409, "id"},  // pinned by the leader
      {"junior", "PUT", "/openings/o2/volunteer", "", 409, "id"},  // excluded by the leader
      {"member", "PUT", "/openings/o1/volunteer", long_note, 400, "note"},
      {"member", "PUT", "/openings/o1/volunteer", R"({"colour":"red"})", 400, "colour"},
      {"member", "DELETE", "/openings/o1/volunteer", "", 404, "id"},  // never volunteered
      {"junior", "DELETE", "/openings/o1/volunteer", "", 404, "id"},  // a pin is not withdrawn
      {"member", "DELETE", "/openings/nope/volunteer", "", 404, "id"},
  };
  const int64_t before = Preferences();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.who + " " + c.method + " " + c.target);
    const Reply reply = Call(c.who, c.method, c.target, c.body);
    EXPECT_EQ(reply.status, c.status) << reply.body.substr(0, 400);
    EXPECT_EQ(reply.headers.at("content-type"), "application/problem+json");
    if (!c.field.empty()) {
      EXPECT_EQ(FieldOf(reply), c.field) << reply.body;
    }
  }
  EXPECT_EQ(Preferences(), before);
}

TEST_F(VolunteerApiTest, GapsBecomeActions) {
  json actions = Ok(Call("member", "GET", "/people/member/gap-actions?role=firm:tax-manager"));
  EXPECT_EQ(actions["role"]["id"], "firm:tax-manager");
  EXPECT_EQ(actions["next_role"]["id"], "firm:tax-senior");
  EXPECT_EQ(actions["next_role_why"], "one grade up (senior) in Tax");
  EXPECT_EQ(actions["openings_visible"], true);
  ASSERT_EQ(actions["gaps"].size(), 2u);
  // Audit first (importance 5): auditor can mentor it, o2 would stretch it.
  const json& audit = actions["gaps"][0];
  EXPECT_EQ(audit["skill"]["id"], "firm:audit");
  EXPECT_EQ(audit["have"], 2);
  ASSERT_EQ(audit["mentors"].size(), 1u);
  EXPECT_EQ(audit["mentors"][0]["person"]["id"], "auditor");
  ASSERT_EQ(audit["openings"].size(), 1u);
  EXPECT_EQ(audit["openings"][0]["id"], "o2");
  EXPECT_EQ(audit["openings"][0]["fit"], "stretch");
  // Tax 4 -> 5: peer (Tax 5) mentors; o1 asks for Tax (o6's Tax 5 does not fit member).
  const json& tax = actions["gaps"][1];
  ASSERT_EQ(tax["mentors"].size(), 1u);
  EXPECT_EQ(tax["mentors"][0]["person"]["id"], "peer");
  ASSERT_EQ(tax["openings"].size(), 1u);
  EXPECT_EQ(tax["openings"][0]["id"], "o1");
  // At most `limit` of each.
  json one = Ok(Call("member", "GET", "/people/member/gap-actions?role=firm:tax-manager&limit=1"));
  EXPECT_EQ(one["gaps"][1]["openings"].size(), 1u);
  // Someone else (an administrator) sees the mentors, never the person's openings.
  json admin = Ok(Call("admin", "GET", "/people/member/gap-actions?role=firm:tax-manager"));
  EXPECT_EQ(admin["openings_visible"], false);
  EXPECT_EQ(admin["gaps"][0]["mentors"].size(), 1u);
  EXPECT_TRUE(admin["gaps"][0]["openings"].empty());
  // The next role: peer (senior) -> manager; englead (partner) is at the top.
  EXPECT_EQ(
      Ok(Call("peer", "GET", "/people/peer/gap-actions?role=firm:tax-senior"))["next_role"]["id"],
      "firm:tax-manager");
  json top = Ok(Call("admin", "GET", "/people/englead/gap-actions?role=firm:tax-senior"));
  EXPECT_TRUE(top["next_role"].is_null());
  EXPECT_EQ(top["next_role_why"], "already at the top of the ladder (partner)");
  // Refusals.
  EXPECT_EQ(Call("member", "GET", "/people/peer/gap-actions?role=firm:tax-senior").status, 403);
  Reply bad = Call("member", "GET", "/people/member/gap-actions?role=firm:tax-senior&limit=0");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(FieldOf(bad), "limit");
  EXPECT_EQ(Call("member", "GET", "/people/member/gap-actions?role=nope").status, 404);
}

}  // namespace
}  // namespace guild::api::testing
