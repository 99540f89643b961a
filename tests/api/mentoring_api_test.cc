// Mentorships over HTTP: a member asks a colleague, the colleague sees the
// request in /me/mentorships and in their inbox and accepts; both see the
// active pair with its start and review date; a third person and a firm
// leader cannot act on it (404), an administrator reads but does not act
// (403); bad input names its field and writes nothing. The firm is
// TestFirm (service/testing/test_firm.h) on day 150.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "service/testing/test_firm.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int64_t kDay = 86400;
constexpr int64_t kNow = int64_t{150} * kDay + 3600;

class MentoringApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-mentoring-api-XXXXXX", kNow, service::testing::TestFirm(),
               {{"u-admin", "admin@firm.test", "admin", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  static std::string Rows() {
    auto& store = server_->store();
    return std::to_string(*store.Count(EntityKind::kMentorships)) + "/" +
           std::to_string(*store.Count(EntityKind::kInboxItems));
  }
};

TEST_F(MentoringApiTest, AskAcceptAndBothSeeTheActivePair) {
  json asked = Ok(Call("member", "POST", "/mentorships",
                       R"({"mentor_id":"lead","skill_ids":["firm:tax"],"message":"Help?"})"),
                  201);
  const std::string id = asked.value("id", "");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(asked["status"], "requested");
  EXPECT_EQ(asked["mentor"]["id"], "lead");
  EXPECT_EQ(asked["skills"][0]["name"], "Tax law");
  EXPECT_TRUE(asked["started_on"].is_null());

  json lead = Ok(Call("lead", "GET", "/me/mentorships"));
  ASSERT_EQ(lead["asked_of_me"].size(), 1u);
  EXPECT_EQ(lead["asked_of_me"][0]["id"], id);
  json inbox = Ok(Call("lead", "GET", "/inbox"));
  ASSERT_GE(inbox["items"].size(), 1u);
  EXPECT_EQ(inbox["items"][0]["kind"], "mentorship-request");
  EXPECT_EQ(inbox["items"][0]["ref_id"], id);

  const std::string before = Rows();
  EXPECT_EQ(Call("peer", "POST", "/mentorships/" + id + "/accept", "").status, 404);
  EXPECT_EQ(Call("fl", "POST", "/mentorships/" + id + "/accept", "").status, 404);
  EXPECT_EQ(Call("admin", "POST", "/mentorships/" + id + "/accept", "").status, 403);
  EXPECT_EQ(Call("member", "POST", "/mentorships/" + id + "/accept", "").status, 403);
  Reply past =
      Call("lead", "POST", "/mentorships/" + id + "/accept", R"({"review_on":"1970-01-01"})");
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(FieldOf(past), "review_on");
  EXPECT_EQ(Rows(), before);

  json accepted = Ok(Call("lead", "POST", "/mentorships/" + id + "/accept", ""));
  EXPECT_EQ(accepted["status"], "active");
  EXPECT_EQ(accepted["started_on"], "1970-05-31");
  EXPECT_EQ(accepted["review_on"], "1970-08-29");  // + 90 days
  for (const std::string who : {"member", "lead"}) {
    json mine = Ok(Call(who, "GET", "/me/mentorships"));
    const json& list = who == "member" ? mine["as_mentee"] : mine["as_mentor"];
    ASSERT_EQ(list.size(), 1u) << who;
    EXPECT_EQ(list[0]["status"], "active") << who;
    EXPECT_EQ(list[0]["started_on"], "1970-05-31") << who;
    EXPECT_EQ(list[0]["review_on"], "1970-08-29") << who;
  }
  json peer = Ok(Call("peer", "GET", "/me/mentorships"));
  EXPECT_TRUE(peer["as_mentee"].empty() && peer["as_mentor"].empty());
  EXPECT_EQ(Ok(Call("member", "GET", "/inbox"))["items"][0]["kind"], "mentorship-answer");

  json moved = Ok(Call("member", "PUT", "/mentorships/" + id + "/review-date",
                       R"({"review_on":"1970-07-01"})"));
  EXPECT_EQ(moved["review_on"], "1970-07-01");
  EXPECT_EQ(Call("admin", "POST", "/mentorships/" + id + "/end", "").status, 403);
  EXPECT_EQ(Call("peer", "POST", "/mentorships/" + id + "/end", "").status, 404);
  json ended = Ok(Call("lead", "POST", "/mentorships/" + id + "/end", ""));
  EXPECT_EQ(ended["status"], "ended");
  EXPECT_EQ(ended["ended_on"], "1970-05-31");
  EXPECT_EQ(Call("lead", "POST", "/mentorships/" + id + "/end", "").status, 409);
}

TEST_F(MentoringApiTest, BadInputNamesItsFieldAndWritesNothing) {
  const std::string before = Rows();
  struct Case {
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {R"({"mentor_id":"peer","skill_ids":[]})", "skill_ids"},
      {R"({"mentor_id":"peer","skill_ids":["firm:nope"]})", "skill_ids"},
      {R"({"mentor_id":"member","skill_ids":["firm:tax"]})", "mentor_id"},
      {R"({"mentor_id":"ghost","skill_ids":["firm:tax"]})", "mentor_id"},
      {R"({"skill_ids":["firm:tax"]})", "mentor_id"},
      {R"({"mentor_id":"peer","skill_ids":"firm:tax"})", "skill_ids"},
      {R"({"mentor_id":"peer","skill_ids":["firm:tax"],"message":7})", "message"},
  };
  for (const Case& c : cases) {
    Reply reply = Call("member", "POST", "/mentorships", c.body);
    EXPECT_EQ(reply.status, 400) << c.body << " " << reply.body;
    EXPECT_EQ(FieldOf(reply), c.field) << c.body << " " << reply.body;
  }
  const std::string long_message(1001, 'x');
  Reply reply =
      Call("member", "POST", "/mentorships",
           R"({"mentor_id":"peer","skill_ids":["firm:tax"],"message":")" + long_message + R"("})");
  EXPECT_EQ(FieldOf(reply), "message") << reply.body;
  Reply review = Call("member", "PUT", "/mentorships/mt-none/review-date", R"({"review_on":"x"})");
  EXPECT_EQ(FieldOf(review), "review_on") << review.body;
  EXPECT_EQ(Rows(), before);
}

}  // namespace
}  // namespace guild::api::testing
