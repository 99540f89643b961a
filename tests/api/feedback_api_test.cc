// Feedback requests and the inbox over HTTP: who reads an answer, per role
// (requester, reviewer, another reviewer, the requester's leader before and
// after sharing, another leader, a firm leader, an administrator), bad input
// naming its field with nothing written, expiry, partners asking each other,
// suggested reviewers, the inbox and ETags. The firm is FeedbackTestFirm
// (service/testing/feedback_test_firm.h) on day 150.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "service/testing/feedback_test_firm.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int64_t kDay = 86400;
constexpr int64_t kNow = int64_t{150} * kDay + 3600;

class FeedbackApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-feedback-api-XXXXXX", kNow, service::testing::FeedbackTestFirm(),
               {{"u-admin", "admin@firm.test", "admin", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-lead2", "lead2@firm.test", "lead2", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember},
                {"u-out", "outsider@firm.test", "outsider", UserRole::kMember},
                {"u-peer", "peer@firm.test", "peer", UserRole::kMember},
                {"u-none", "none@firm.test", "", UserRole::kMember}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  // Rows of the kinds these routes write: a refused request leaves it.
  static std::string Rows() {
    auto& store = server_->store();
    return std::to_string(*store.Count(EntityKind::kFeedbackRequests)) + "/" +
           std::to_string(*store.Count(EntityKind::kFeedbackAnswers)) + "/" +
           std::to_string(*store.Count(EntityKind::kInboxItems));
  }
  static std::string Ask(const std::string& who, const std::string& reviewers,
                         const std::string& extra = "") {
    json reply = Ok(Call(who, "POST", "/feedback-requests",
                         R"({"event_kind":"pitch","event":"Pitch to C1","event_date":"1970-05-29",)"
                         R"("engagement_id":"e1","reviewer_ids":)" +
                             reviewers + extra + "}"),
                    201);
    return reply.value("id", "");
  }
  // The reviewers whose answers `who` reads on request `id`, or the status.
  static std::vector<std::string> Readable(const std::string& who, const std::string& id) {
    Reply reply = Call(who, "GET", "/feedback-requests/" + id);
    if (reply.status != 200) return {std::to_string(reply.status)};
    std::vector<std::string> out;
    const json request = reply.Json();
    for (const json& a : request["answers"]) {
      out.push_back(a["reviewer"]["id"].get<std::string>() + ":" + a["status"].get<std::string>() +
                    ":" + a["most_effective"].get<std::string>());
    }
    return out;
  }
};

using V = std::vector<std::string>;

TEST_F(FeedbackApiTest, NobodyOutsideTheRuleReadsAnAnswer) {
  const std::string id = Ask("member", R"(["peer","outsider"])");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(Readable("member", id), (V{"outsider:pending:", "peer:pending:"}));
  Ok(Call("peer", "PUT", "/feedback-requests/" + id + "/answer",
          R"({"most_effective":"Clear numbers","do_better":"Shorter slides"})"));
  Ok(Call("outsider", "PUT", "/feedback-requests/" + id + "/answer",
          R"({"most_effective":"Calm","do_better":"Listen"})"));
  EXPECT_EQ(Readable("member", id), (V{"outsider:answered:Calm", "peer:answered:Clear numbers"}));
  EXPECT_EQ(Readable("peer", id), V{"peer:answered:Clear numbers"});
  EXPECT_EQ(Readable("outsider", id), V{"outsider:answered:Calm"});
  for (const char* who : {"lead", "lead2", "fl", "admin", "none"}) {
    EXPECT_EQ(Readable(who, id), V{"404"}) << who << " before sharing";
  }
  EXPECT_EQ(Readable("anonymous", id), V{"401"});

  json shared = Ok(Call("member", "POST", "/feedback-requests/" + id + "/answers/peer/share",
                        R"({"leader_id":"lead"})"));
  EXPECT_EQ(shared["shared_with"]["id"], "lead");
  EXPECT_EQ(shared["shared_at"], "1970-05-31T01:00:00Z");
  EXPECT_EQ(Readable("lead", id), V{"peer:answered:Clear numbers"});
  EXPECT_EQ(Readable("outsider", id), V{"outsider:answered:Calm"});
  for (const char* who : {"lead2", "fl", "admin", "none"}) {
    EXPECT_EQ(Readable(who, id), V{"404"}) << who << " after sharing";
  }
  // The lists leak nothing either: the leader was asked nothing.
  EXPECT_TRUE(Ok(Call("lead", "GET", "/feedback-requests?role=asked"))["items"].empty());
  EXPECT_TRUE(Ok(Call("admin", "GET", "/feedback-requests?role=asked"))["items"].empty());
  EXPECT_TRUE(Ok(Call("fl", "GET", "/feedback-requests?role=mine"))["items"].empty());
  json mine = Ok(Call("member", "GET", "/feedback-requests?role=mine"));
  ASSERT_FALSE(mine["items"].empty());
  EXPECT_EQ(mine["items"][0]["counts"]["answered"], 2);
}

struct BadInput {
  std::string who;
  std::string method;
  std::string target;  // "{id}" stands for a fresh request member asked of peer and outsider
  std::string body;
  int status;
  std::string field;  // errors[0].field, or "" when the problem names none
};

TEST_F(FeedbackApiTest, BadInputNamesItsFieldAndWritesNothing) {
  const std::string id = Ask("member", R"(["peer","outsider"])");
  const std::string ask = R"({"event_kind":"pitch","event":"P","event_date":"1970-05-29",)";
  const std::string big(4001, 'x');
  const std::vector<BadInput> cases = {
      {"member", "POST", "/feedback-requests", ask + R"("reviewer_ids":["member"]})", 400,
       "reviewer_ids"},
      {"member", "POST", "/feedback-requests", ask + R"("reviewer_ids":[]})", 400, "reviewer_ids"},
      {"member", "POST", "/feedback-requests",
       ask + R"("reviewer_ids":["peer","outsider","lead","lead2","englead","firmlead"]})", 400,
       "reviewer_ids"},
      {"member", "POST", "/feedback-requests", ask + R"("reviewer_ids":["ghost"]})", 400,
       "reviewer_ids"},
      {"member", "POST", "/feedback-requests", ask + R"("reviewer_ids":["peer","peer"]})", 400,
       "reviewer_ids"},
      {"member", "POST", "/feedback-requests", ask + R"("reviewer_ids":["admin"]})", 400,
       "reviewer_ids"},
      {"member", "POST", "/feedback-requests",
       R"({"event_kind":"pitch","event":"","event_date":"1970-05-29","reviewer_ids":["peer"]})",
       400, "event"},
      {"member", "POST", "/feedback-requests",
       R"({"event_kind":"pitch","event":")" + std::string(2001, 'e') +
           R"(","event_date":"1970-05-29","reviewer_ids":["peer"]})",
       400, "event"},
      {"member", "POST", "/feedback-requests",
       R"({"event_kind":"party","event":"P","event_date":"1970-05-29","reviewer_ids":["peer"]})",
       400, "event_kind"},
      {"member", "POST", "/feedback-requests",
       ask + R"("reviewer_ids":["peer"],"expires_on":"1970-05-01"})", 400, "expires_on"},
      {"member", "POST", "/feedback-requests",
       ask + R"("reviewer_ids":["peer"],"engagement_id":"e9"})", 400, "engagement_id"},
      {"member", "POST", "/feedback-requests", R"({"event":"P"})", 400, "event_kind"},
      {"peer", "PUT", "/feedback-requests/{id}/answer", R"({"most_effective":"","do_better":"x"})",
       400, "most_effective"},
      {"peer", "PUT", "/feedback-requests/{id}/answer",
       R"({"most_effective":"x","do_better":")" + big + R"("})", 400, "do_better"},
      {"peer", "PUT", "/feedback-requests/{id}/answer", R"({"decline":true,"do_better":"x"})", 400,
       "decline"},
      {"member", "PUT", "/feedback-requests/{id}/answer", R"({"decline":true})", 403, ""},
      {"lead", "PUT", "/feedback-requests/{id}/answer", R"({"decline":true})", 404, ""},
      {"member", "POST", "/feedback-requests/{id}/answers/peer/share", R"({"leader_id":"lead"})",
       409, ""},  // pending
      {"member", "POST", "/feedback-requests/{id}/answers/peer/share", R"({"leader_id":"lead2"})",
       400, "leader_id"},
      {"peer", "POST", "/feedback-requests/{id}/answers/peer/share", R"({"leader_id":"lead"})", 403,
       ""},
      {"member", "GET", "/feedback-requests?role=theirs", "", 400, "role"},
      {"member", "GET", "/feedback-requests/suggested-reviewers", "", 400, "event_date"},
      {"member", "GET", "/inbox?cursor=nonsense", "", 400, "cursor"},
  };
  const std::string before = Rows();
  for (const BadInput& c : cases) {
    std::string target = c.target;
    if (auto at = target.find("{id}"); at != std::string::npos) target.replace(at, 4, id);
    Reply reply = Call(c.who, c.method, target, c.body);
    EXPECT_EQ(reply.status, c.status) << c.method << " " << target << " " << reply.body;
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json") << target;
    if (!c.field.empty()) {
      EXPECT_EQ(FieldOf(reply), c.field) << target << " " << reply.body;
    }
  }
  EXPECT_EQ(Rows(), before);
  // Answering twice, and sharing a declined answer: 409, nothing more written.
  Ok(Call("peer", "PUT", "/feedback-requests/" + id + "/answer", R"({"decline":true})"));
  const std::string after = Rows();
  EXPECT_EQ(
      Call("peer", "PUT", "/feedback-requests/" + id + "/answer", R"({"decline":true})").status,
      409);
  EXPECT_EQ(Call("member", "POST", "/feedback-requests/" + id + "/answers/peer/share",
                 R"({"leader_id":"lead"})")
                .status,
            409);
  EXPECT_EQ(Rows(), after);
}

TEST_F(FeedbackApiTest, AnswersAfterExpiryAreRefused) {
  const std::string id = Ask("member", R"(["peer"])", R"(,"expires_on":"1970-05-31")");
  clock_->Advance(kDay);
  sessions_.erase("peer");  // the session would have expired: sign in again
  const std::string before = Rows();
  Reply late = Call("peer", "PUT", "/feedback-requests/" + id + "/answer",
                    R"({"most_effective":"a","do_better":"b"})");
  clock_->Advance(-kDay);
  sessions_.erase("peer");
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.headers["content-type"], "application/problem+json");
  EXPECT_EQ(Rows(), before);
}

TEST_F(FeedbackApiTest, PartnersAskEachOtherTheSameWay) {
  const std::string id = Ask("lead", R"(["lead2"])");
  json asked = Ok(Call("lead2", "GET", "/feedback-requests?role=asked"));
  ASSERT_EQ(asked["items"].size(), 1u);
  EXPECT_EQ(asked["items"][0]["id"], id);
  Ok(Call("lead2", "PUT", "/feedback-requests/" + id + "/answer",
          R"({"most_effective":"Framing","do_better":"Time"})"));
  EXPECT_EQ(Readable("lead", id), V{"lead2:answered:Framing"});
  EXPECT_EQ(Readable("fl", id), V{"404"});
}

TEST_F(FeedbackApiTest, SuggestedReviewersComeFromTheEngagement) {
  json rows =
      Ok(Call("member", "GET",
              "/feedback-requests/suggested-reviewers?event_date=1970-05-27&engagement=e1"));
  std::vector<std::string> got;
  for (const json& r : rows["items"]) {
    got.push_back(r["person"]["id"].get<std::string>() + ":" +
                  std::to_string(r["shared_hours"].get<double>()));
  }
  EXPECT_EQ(got, (V{"outsider:4.000000", "lead:1.000000", "peer:0.000000"}));
  EXPECT_EQ(Call("member", "GET",
                 "/feedback-requests/suggested-reviewers?event_date=1970-05-27&engagement=e9")
                .status,
            400);
}

TEST_F(FeedbackApiTest, InboxIsThePersonsOwn) {
  Ask("member", R"(["outsider"])");
  json inbox = Ok(Call("outsider", "GET", "/inbox"));
  ASSERT_FALSE(inbox["items"].empty());
  EXPECT_GE(inbox["unread"].get<int>(), 1);
  json first = inbox["items"][0];
  EXPECT_EQ(first["kind"], "feedback-request");
  EXPECT_EQ(first["from"]["id"], "member");
  const std::string item = first["id"];
  for (const char* who : {"member", "lead2", "fl", "admin", "none"}) {
    EXPECT_EQ(Call(who, "POST", "/inbox/" + item + "/read").status, 404) << who;
  }
  EXPECT_EQ(Call("none", "GET", "/inbox").status, 404);
  // ETag and 304 while nothing changes.
  Reply before = Call("outsider", "GET", "/inbox");
  const std::string etag = before.headers["etag"];
  ASSERT_FALSE(etag.empty());
  Headers headers = As("outsider");
  headers.emplace_back("If-None-Match", etag);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/inbox", headers).status, 304);
  json read = Ok(Call("outsider", "POST", "/inbox/" + item + "/read"));
  EXPECT_EQ(read["read_at"], "1970-05-31T01:00:00Z");
  const int unread = inbox["unread"].get<int>() - 1;
  EXPECT_EQ(Ok(Call("outsider", "GET", "/inbox"))["unread"], unread);
  EXPECT_EQ(Ok(Call("outsider", "POST", "/inbox/read-all"))["marked"], unread);
  EXPECT_EQ(Ok(Call("outsider", "GET", "/inbox"))["unread"], 0);
  EXPECT_EQ(Ok(Call("outsider", "POST", "/inbox/read-all"))["marked"], 0);
}

}  // namespace
}  // namespace guild::api::testing
