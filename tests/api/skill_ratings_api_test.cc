// Skill ratings over HTTP (docs/SKILLS.md): a person adds, changes and removes
// their own skills and marks the ones they want to grow; a peer, their leader
// and an administrator give peer, manager and assessed ratings; anyone else is
// refused with a problem naming "source". Bad input names its field and writes
// nothing; each write is one change of the feed; the effective rating follows
// precedence; the skill history gets a row of today when the effective level
// moves. The firm is TestFirm (service/testing/test_firm.h): member (manager
// lead) is on alpha with lead and peer, and on the account team with peer;
// outsider is on beta only.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int64_t kDay = 86400;
constexpr int64_t kNow = int64_t{300} * kDay + 3600;  // 1970-10-28

class SkillRatingsApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-ratings-api-XXXXXX", kNow, service::testing::TestFirm(),
               {{"u-admin", "admin@firm.test", "admin", UserRole::kAdministrator},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static int64_t Head() { return *server_->store().FeedHead(); }
  static std::string Rows() {
    auto& store = server_->store();
    return std::to_string(*store.Count(EntityKind::kPersonSkills)) + "/" +
           std::to_string(*store.Count(EntityKind::kSkillHistory));
  }
  static Reply Rate(const std::string& who, const std::string& person, const std::string& body) {
    return Call(who, "PUT", "/people/" + person + "/skill-ratings", body);
  }
  static Reply Unrate(const std::string& who, const std::string& person, const std::string& skill,
                      const std::string& source) {
    return Call(who, "DELETE",
                "/people/" + person + "/skill-ratings?skill_id=" + skill + "&source=" + source);
  }
  // The skill's entry in a ratings answer; null when the person lacks it.
  static json SkillOf(const json& ratings, const std::string& skill) {
    for (const json& s : ratings["skills"]) {
      if (s["skill"]["id"] == skill) return s;
    }
    return nullptr;
  }
};

TEST_F(SkillRatingsApiTest, ReadsEveryRatingWithTheEffectiveOne) {
  json r = Ok(Call("outsider", "GET", "/people/member/skill-ratings"));
  const json tax = SkillOf(r, "firm:tax");
  ASSERT_FALSE(tax.is_null()) << r.dump();
  EXPECT_EQ(tax["effective"]["source"], "manager");
  EXPECT_EQ(tax["effective"]["level"], 3);
  EXPECT_EQ(tax["wants_to_grow"], true);  // from the self rating
  ASSERT_EQ(tax["ratings"].size(), 2u);
  EXPECT_EQ(tax["ratings"][0]["source"], "manager");
  EXPECT_EQ(r["precedence"], json::parse(R"(["assessed","manager","peer","self"])"));
  EXPECT_EQ(r["levels"].size(), 5u);
  EXPECT_FALSE(r["levels"][0]["meaning"].get<std::string>().empty());
  // outsider shares nothing with member: no source, and no history.
  EXPECT_TRUE(r["may_rate"].empty());
  EXPECT_EQ(r["history_visible"], false);
  EXPECT_EQ(Ok(Call("member", "GET", "/people/member/skill-ratings"))["may_rate"],
            json::parse(R"(["self"])"));
  EXPECT_EQ(Ok(Call("lead", "GET", "/people/member/skill-ratings"))["may_rate"],
            json::parse(R"(["peer","manager"])"));
  EXPECT_EQ(Ok(Call("admin", "GET", "/people/member/skill-ratings"))["may_rate"],
            json::parse(R"(["assessed"])"));
  EXPECT_EQ(Call("member", "GET", "/people/ghost/skill-ratings").status, 404);
}

TEST_F(SkillRatingsApiTest, APersonEditsTheirOwnSkillsOneChangeEach) {
  // Add a skill: one feed entry, a history row of today at the new level.
  int64_t head = Head();
  json r = Ok(Rate("peer", "peer", R"({"skill_id":"firm:audit","source":"self","level":2})"));
  EXPECT_EQ(Head(), head + 1);
  json audit = SkillOf(r, "firm:audit");
  ASSERT_FALSE(audit.is_null()) << r.dump();
  EXPECT_EQ(audit["effective"]["level"], 2);
  EXPECT_EQ(audit["effective"]["source"], "self");
  EXPECT_EQ(audit["ratings"][0]["rated_on"], "1970-10-28");
  ASSERT_EQ(r["history"].size(), 1u);
  EXPECT_EQ(r["history"][0]["date"], "1970-10-28");
  EXPECT_EQ(r["history"][0]["level"], 2);

  // Change the level and mark wants-to-grow: one change; today's row moves.
  head = Head();
  r = Ok(Rate("peer", "peer",
              R"({"skill_id":"firm:audit","source":"self","level":4,"wants_to_grow":true})"));
  EXPECT_EQ(Head(), head + 1);
  EXPECT_EQ(SkillOf(r, "firm:audit")["wants_to_grow"], true);
  ASSERT_EQ(r["history"].size(), 1u);
  EXPECT_EQ(r["history"][0]["level"], 4);

  // Wants-to-grow alone keeps the level (no new history level).
  r = Ok(Rate("peer", "peer",
              R"({"skill_id":"firm:audit","source":"self","level":4,"wants_to_grow":false})"));
  EXPECT_EQ(SkillOf(r, "firm:audit")["wants_to_grow"], false);

  // Remove it: one change, the skill is gone.
  head = Head();
  r = Ok(Unrate("peer", "peer", "firm:audit", "self"));
  EXPECT_EQ(Head(), head + 1);
  EXPECT_TRUE(SkillOf(r, "firm:audit").is_null());
  // Removing it again: 404 naming skill_id.
  Reply again = Unrate("peer", "peer", "firm:audit", "self");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(FieldOf(again), "skill_id");
}

TEST_F(SkillRatingsApiTest, WantsToGrowFromSelfOverridesOtherRatingsFlags) {
  // member's manager rating of tax says false, the self rating true: turning
  // it off on the self rating turns the skill off.
  json r = Ok(Rate("member", "member",
                   R"({"skill_id":"firm:tax","source":"self","level":2,"wants_to_grow":false})"));
  EXPECT_EQ(SkillOf(r, "firm:tax")["wants_to_grow"], false);
  r = Ok(Rate("member", "member",
              R"({"skill_id":"firm:tax","source":"self","level":2,"wants_to_grow":true})"));
  EXPECT_EQ(SkillOf(r, "firm:tax")["wants_to_grow"], true);
  // The self level under a manager rating leaves the effective level alone.
  r = Ok(Rate("member", "member", R"({"skill_id":"firm:tax","source":"self","level":5})"));
  EXPECT_EQ(SkillOf(r, "firm:tax")["effective"]["level"], 3);
  EXPECT_EQ(SkillOf(r, "firm:tax")["effective"]["source"], "manager");
  EXPECT_EQ(SkillOf(r, "firm:tax")["wants_to_grow"], true);  // kept when not given
}

TEST_F(SkillRatingsApiTest, ColleaguesRateByPrecedence) {
  // A peer endorses member's audit: peer beats self.
  json r = Ok(Rate("peer", "member", R"({"skill_id":"firm:audit","source":"peer","level":3})"));
  json audit = SkillOf(r, "firm:audit");
  EXPECT_EQ(audit["effective"]["source"], "peer");
  EXPECT_EQ(audit["effective"]["level"], 3);
  // The peer sees no history of a colleague whose details they may not read.
  EXPECT_EQ(r["history_visible"], false);
  // The manager rates: manager beats peer; the manager sees the history.
  r = Ok(Rate("lead", "member", R"({"skill_id":"firm:audit","source":"manager","level":2})"));
  EXPECT_EQ(SkillOf(r, "firm:audit")["effective"]["source"], "manager");
  EXPECT_EQ(r["history_visible"], true);
  ASSERT_FALSE(r["history"].empty());
  EXPECT_EQ(r["history"][0]["skill"]["id"], "firm:audit");
  EXPECT_EQ(r["history"][0]["level"], 2);
  // An administrator records an assessment: assessed beats all.
  r = Ok(Rate("admin", "member", R"({"skill_id":"firm:audit","source":"assessed","level":4})"));
  EXPECT_EQ(SkillOf(r, "firm:audit")["effective"]["source"], "assessed");
  // Removing the assessment falls back to the manager's rating.
  r = Ok(Unrate("admin", "member", "firm:audit", "assessed"));
  EXPECT_EQ(SkillOf(r, "firm:audit")["effective"]["source"], "manager");
  EXPECT_EQ(SkillOf(r, "firm:audit")["effective"]["level"], 2);
}

TEST_F(SkillRatingsApiTest, RefusedRatersAreToldWhichSourceAndNothingIsWritten) {
  const std::string before = Rows();
  const int64_t head = Head();
  struct Case {
    std::string who, person, body;
  } cases[] = {
      // an unrelated member rates member as a peer
      {"outsider", "member", R"({"skill_id":"firm:audit","source":"peer","level":3})"},
      // a peer gives a manager rating
      {"peer", "member", R"({"skill_id":"firm:audit","source":"manager","level":3})"},
      // someone rates another's self rating
      {"lead", "member", R"({"skill_id":"firm:audit","source":"self","level":3})"},
      // an administrator as a manager of someone they do not lead
      {"admin", "member", R"({"skill_id":"firm:audit","source":"manager","level":3})"},
      // assessed by a member
      {"member", "member", R"({"skill_id":"firm:audit","source":"assessed","level":3})"},
  };
  for (const Case& c : cases) {
    Reply reply = Rate(c.who, c.person, c.body);
    EXPECT_EQ(reply.status, 403) << c.who << " " << c.body << ": " << reply.body;
    EXPECT_EQ(FieldOf(reply), "source") << reply.body;
  }
  Reply remove = Unrate("outsider", "member", "firm:tax", "self");
  EXPECT_EQ(remove.status, 403);
  EXPECT_EQ(FieldOf(remove), "source");
  EXPECT_EQ(Rows(), before);
  EXPECT_EQ(Head(), head);
}

TEST_F(SkillRatingsApiTest, BadInputNamesItsFieldAndWritesNothing) {
  const std::string before = Rows();
  const int64_t head = Head();
  struct Case {
    std::string body, field;
  } cases[] = {
      {R"({"skill_id":"firm:nope","source":"self","level":3})", "skill_id"},
      {R"({"skill_id":"firm:audit","source":"self","level":0})", "level"},
      {R"({"skill_id":"firm:audit","source":"self","level":6})", "level"},
      {R"({"skill_id":"firm:audit","source":"self","level":"high"})", "level"},
      {R"({"skill_id":"firm:audit","source":"boss","level":3})", "source"},
      {R"({"source":"self","level":3})", "skill_id"},
      {R"({"skill_id":"firm:audit","source":"self","level":3,"wants_to_grow":"yes"})",
       "wants_to_grow"},
      {R"({"skill_id":"firm:audit","source":"self","level":3,"colour":"red"})", "colour"},
  };
  for (const Case& c : cases) {
    Reply reply = Rate("member", "member", c.body);
    EXPECT_EQ(reply.status, 400) << c.body << ": " << reply.body;
    EXPECT_EQ(FieldOf(reply), c.field) << c.body << ": " << reply.body;
  }
  // wants_to_grow is the person's own: a peer may not set it.
  Reply peer = Rate("peer", "member",
                    R"({"skill_id":"firm:audit","source":"peer","level":3,"wants_to_grow":true})");
  EXPECT_EQ(peer.status, 400);
  EXPECT_EQ(FieldOf(peer), "wants_to_grow");
  EXPECT_EQ(FieldOf(Unrate("member", "member", "firm:tax", "boss")), "source");
  EXPECT_EQ(
      Rate("member", "ghost", R"({"skill_id":"firm:audit","source":"self","level":3})").status,
      404);
  EXPECT_EQ(Rows(), before);
  EXPECT_EQ(Head(), head);
}

}  // namespace
}  // namespace guild::api::testing
