// Bad input of every kind: each gets the right 4xx with a problem body,
// nothing is written, and the server keeps serving. Plus the session, token,
// import and caching flows.
#include "api_fixture.h"

namespace guild::api::testing {
namespace {

struct BadCase {
  std::string name;
  std::string method;
  std::string path;
  std::string content_type;
  std::string body;
  int status;
  std::string error_field;  // errors[0].field when non-empty
};

std::string UserJson(const std::string& email) {
  return R"({"email":")" + email + R"(","password":"password-1","role":"member"})";
}

std::vector<BadCase> BadCases() {
  const std::string json = "application/json";
  const std::string users = "/api/v1/admin/users";
  const std::string ratings = "/api/v1/people/member/skill-ratings";
  std::string nested(100, '[');
  return {
      {"malformed JSON", "POST", users, json, R"({"email":)", 400, ""},
      {"wrong type", "POST", users, json, R"({"email":5,"password":"password-1","role":"member"})",
       400, "email"},
      {"unknown field", "POST", users, json,
       R"({"email":"x@firm.test","password":"password-1","role":"member","admin":true})", 400,
       "admin"},
      {"missing field", "POST", users, json, R"({"email":"x@firm.test","role":"member"})", 400,
       "password"},
      {"bad UTF-8", "POST", users, json, UserJson("\xff\xfe@firm.test"), 400, ""},
      {"too deep", "POST", users, json, nested, 400, ""},
      {"very deep", "POST", users, json, std::string(100000, '['), 400, ""},
      {"number beyond a double", "POST", users, json,
       R"({"email":1e309,"password":"password-1","role":"member"})", 400, "email"},
      {"number beyond a double at sign-in", "POST", "/api/v1/session", json,
       R"({"email":"a@firm.test","password":-1e400})", 400, "password"},
      {"number beyond a double in a token", "POST", "/api/v1/tokens", json, R"({"name":1e999})",
       400, "name"},
      {"oversized body", "POST", users, json, std::string(2 << 20, ' '), 413, ""},
      {"wrong content type", "POST", users, "text/plain", UserJson("x@firm.test"), 415, ""},
      {"bad role", "POST", users, json,
       R"({"email":"x@firm.test","password":"password-1","role":"king"})", 400, "role"},
      {"bad email", "POST", users, json, UserJson("not-an-email"), 400, ""},
      {"short password", "POST", users, json,
       R"({"email":"x@firm.test","password":"short","role":"member"})", 400, ""},
      {"unknown person", "POST", users, json,
       R"({"email":"x@firm.test","password":"password-1","role":"member","person_id":"ghost"})",
       400, ""},
      {"duplicate email", "POST", users, json, UserJson("member@firm.test"), 409, ""},
      {"patch unknown user", "PATCH", users + "/ghost", json, R"({"role":"member"})", 404, ""},
      {"patch wrong type", "PATCH", users + "/u-out", json, R"({"disabled":"yes"})", 400,
       "disabled"},
      {"bad limit", "GET", "/api/v1/people?limit=0", "", "", 400, "limit"},
      {"non-numeric limit", "GET", "/api/v1/people?limit=ten", "", "", 400, "limit"},
      {"forged cursor", "GET", "/api/v1/people?cursor=bm90LWEtY3Vyc29y", "", "", 400, ""},
      {"unknown import kind", "POST", "/api/v1/admin/import/widgets?format=csv", "text/csv",
       "id\n1\n", 400, "kind"},
      {"import with bad rows", "POST", "/api/v1/admin/import/people", "text/csv",
       "id,name,email\nn1,Ned,not-an-email\n", 422, "email"},
      // Skill ratings (docs/SKILLS.md): the administrator may give member an
      // assessed rating, nothing else.
      {"rating of an unknown skill", "PUT", ratings, json,
       R"({"skill_id":"firm:nope","source":"assessed","level":3})", 400, "skill_id"},
      {"rating level out of range", "PUT", ratings, json,
       R"({"skill_id":"firm:tax","source":"assessed","level":9})", 400, "level"},
      {"unknown rating source", "PUT", ratings, json,
       R"({"skill_id":"firm:tax","source":"boss","level":3})", 400, "source"},
      {"rating one may not give", "PUT", ratings, json,
       R"({"skill_id":"firm:tax","source":"peer","level":3})", 403, "source"},
      {"removing a rating without its skill", "DELETE", ratings + "?source=assessed", "", "", 400,
       "skill_id"},
      {"unknown route", "GET", "/api/v1/nothing-here", "", "", 404, ""},
  };
}

TEST_F(ApiTest, BadInputGetsAProblemAndWritesNothing) {
  for (const BadCase& c : BadCases()) {
    SCOPED_TRACE(c.name);
    Headers headers = As("admin");
    if (!c.content_type.empty()) headers.emplace_back("Content-Type", c.content_type);
    int64_t users = UserCount(), audit = AuditCount();
    int64_t people = *server_->store().Count(EntityKind::kPeople);
    Reply reply = Send(server_->port(), c.method, c.path, headers, c.body);
    EXPECT_EQ(reply.status, c.status) << reply.body.substr(0, 300);
    EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
    nlohmann::json problem = reply.Json();
    EXPECT_EQ(problem.value("status", 0), c.status);
    EXPECT_FALSE(problem.value("detail", "").empty());
    if (!c.error_field.empty()) {
      EXPECT_EQ(problem.value(nlohmann::json::json_pointer("/errors/0/field"), ""), c.error_field);
    }
    EXPECT_EQ(UserCount(), users);
    EXPECT_EQ(AuditCount(), audit);
    EXPECT_EQ(*server_->store().Count(EntityKind::kPeople), people);
    ExpectServing();
  }
}

TEST_F(ApiTest, CsrfTokenIsRequiredForCookieWrites) {
  Headers no_csrf = As("admin", /*with_csrf=*/false);
  no_csrf.emplace_back("Content-Type", "application/json");
  Headers wrong = no_csrf;
  wrong.emplace_back("X-CSRF-Token", "not-the-token");
  int64_t users = UserCount();
  for (const Headers& headers : {no_csrf, wrong}) {
    Reply reply =
        Send(server_->port(), "POST", "/api/v1/admin/users", headers, UserJson("csrf@firm.test"));
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.Json().value(nlohmann::json::json_pointer("/errors/0/field"), ""),
              "X-CSRF-Token");
  }
  EXPECT_EQ(UserCount(), users);
  ExpectServing();
}

TEST_F(ApiTest, PathTraversalOnStaticFilesIsRefused) {
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                             "/..%5csecret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd"}) {
    SCOPED_TRACE(target);
    Reply reply = Send(server_->port(), "GET", target);
    EXPECT_GE(reply.status, 400);
    EXPECT_LT(reply.status, 500);
    EXPECT_EQ(reply.body.find("top secret"), std::string::npos);
  }
  EXPECT_EQ(Send(server_->port(), "GET", "/").status, 200);
  ExpectServing();
}

TEST_F(ApiTest, ExpiredSessionIsRefusedWithAProblem) {
  SignedIn s = SignInAs(server_->port(), "lead@firm.test", kPassword);
  ASSERT_FALSE(s.cookie.empty());
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/me", {{"Cookie", s.cookie}}).status, 200);
  clock_->Advance(SessionOptions{}.idle_timeout_seconds + 1);
  sessions_.clear();  // every cached session expired too
  Reply reply = Send(server_->port(), "GET", "/api/v1/me", {{"Cookie", s.cookie}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
  ExpectServing();
}

TEST_F(ApiTest, SignInIsRateLimited) {
  AddUser(server_->accounts(), "u-victim", "victim@firm.test", kPassword, "", UserRole::kMember);
  const int kAllowedFailures = SessionOptions{}.per_email_and_address.max_events;
  for (int i = 0; i < kAllowedFailures; ++i) {
    EXPECT_EQ(SignInAs(server_->port(), "victim@firm.test", "wrong-password").cookie, "");
  }
  Reply reply =
      Send(server_->port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
           R"({"email":"victim@firm.test","password":"password-123"})");
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
  // Issue 27 item 7: the 429 says when to retry.
  EXPECT_EQ(reply.headers["retry-after"],
            std::to_string(SessionOptions{}.per_email_and_address.window_seconds));
  Reply wrong =
      Send(server_->port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
           R"({"email":"member@firm.test","password":"nope-nope"})");
  EXPECT_EQ(wrong.status, 401);
}

// Issue 27 item 7: personal data was sent with a Cache-Control a shared cache
// may keep.
TEST_F(ApiTest, SignedInAnswersAreNeverKeptBySharedCaches) {
  for (const char* path : {"/api/v1/me", "/api/v1/people/member", "/api/v1/teams/alpha"}) {
    Reply reply = Send(server_->port(), "GET", path, As("member"));
    EXPECT_EQ(reply.status, 200) << path;
    EXPECT_NE(reply.headers["cache-control"].find("private"), std::string::npos) << path;
  }
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/session", As("member")).headers["cache-control"],
            "no-store");
}

TEST_F(ApiTest, SignInSetsAHardenedCookieAndSignOutRevokes) {
  Reply reply =
      Send(server_->port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
           R"({"email":"MEMBER@firm.test","password":"password-123"})");
  ASSERT_EQ(reply.status, 200);
  const std::string& cookie = reply.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP here
  Headers headers = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                     {"X-CSRF-Token", reply.Json().value("csrf_token", "")}};
  EXPECT_EQ(Send(server_->port(), "DELETE", "/api/v1/session", headers).status, 204);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/session", headers).status, 401);
}

TEST_F(ApiTest, ApiTokensWorkWithoutCsrfUntilRevoked) {
  Headers admin = As("admin");
  admin.emplace_back("Content-Type", "application/json");
  Reply created = Send(server_->port(), "POST", "/api/v1/tokens", admin, R"({"name":"ci"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string token = created.Json().value("token", "");
  std::string id = created.Json().value("id", "");
  Headers bearer = {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  EXPECT_EQ(Send(server_->port(), "POST", "/api/v1/admin/users", bearer, UserJson("bot@firm.test"))
                .status,
            201);
  Reply listed = Send(server_->port(), "GET", "/api/v1/tokens", bearer);
  EXPECT_EQ(listed.Json().value(nlohmann::json::json_pointer("/items/0/name"), ""), "ci");
  EXPECT_EQ(listed.body.find(token), std::string::npos);  // shown once only
  EXPECT_EQ(Send(server_->port(), "DELETE", "/api/v1/tokens/" + id, admin).status, 204);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/me", bearer).status, 401);
  EXPECT_EQ(
      Send(server_->port(), "GET", "/api/v1/me", {{"Authorization", "Bearer gt_nope"}}).status,
      401);
}

// Issue 27 item 5: read-only scope, expiry, administrators revoke other
// users' tokens, and a password reset revokes them all.
TEST_F(ApiTest, ApiTokensHaveScopeAndExpiryAndAdministratorsRevokeThem) {
  AddUser(server_->accounts(), "u-tokens", "tokens@firm.test", kPassword, "", UserRole::kMember);
  Headers member = As("tokens");
  member.emplace_back("Content-Type", "application/json");
  Reply read = Send(server_->port(), "POST", "/api/v1/tokens", member,
                    R"({"name":"dash","scope":"read","expires_in_days":7})");
  ASSERT_EQ(read.status, 201) << read.body;
  EXPECT_EQ(read.Json().value("scope", ""), "read");
  EXPECT_FALSE(read.Json().value("expires_at", "").empty());
  Headers reader = {{"Authorization", "Bearer " + read.Json().value("token", "")},
                    {"Content-Type", "application/json"}};
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/me", reader).status, 200);
  Reply refused = Send(server_->port(), "POST", "/api/v1/tokens", reader, R"({"name":"x"})");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.Json().value("type", ""), "https://guild.dev/problems/token_scope");
  for (const char* bad : {R"({"name":"x","scope":"admin"})", R"({"name":"x","expires_in_days":0})",
                          R"({"name":"x","expires_in_days":366})"}) {
    EXPECT_EQ(Send(server_->port(), "POST", "/api/v1/tokens", member, bad).status, 400) << bad;
  }
  Reply write = Send(server_->port(), "POST", "/api/v1/tokens", member, R"({"name":"ci"})");
  ASSERT_EQ(write.status, 201);
  const std::string write_id = write.Json().value("id", "");
  Headers writer = {{"Authorization", "Bearer " + write.Json().value("token", "")}};

  // Administrators see and revoke them; others may not.
  Headers admin = As("admin");
  Reply listed = Send(server_->port(), "GET", "/api/v1/admin/users/u-tokens/tokens", admin);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Json()["items"].size(), 2u);
  EXPECT_EQ(listed.body.find("gt_"), std::string::npos);  // never the secrets
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/admin/users/u-tokens/tokens", As("fl")).status,
            403);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/admin/users/nobody/tokens", admin).status, 404);
  EXPECT_EQ(
      Send(server_->port(), "DELETE", "/api/v1/admin/users/u-tokens/tokens/" + write_id, admin)
          .status,
      204);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/me", writer).status, 401);

  // A password reset revokes the rest.
  Headers json_admin = admin;
  json_admin.emplace_back("Content-Type", "application/json");
  ASSERT_EQ(Send(server_->port(), "PATCH", "/api/v1/admin/users/u-tokens", json_admin,
                 R"({"password":"a-new-password"})")
                .status,
            200);
  EXPECT_EQ(Send(server_->port(), "GET", "/api/v1/me", reader).status, 401);
}

TEST_F(ApiTest, ImportWritesRefreshesTheSnapshotAndIsAudited) {
  Headers member = As("member");  // signed in first: sign-ins are audited too
  Headers admin = As("admin");
  admin.emplace_back("Content-Type", "text/csv");
  Reply reply = Send(server_->port(), "POST", "/api/v1/admin/import/people", admin,
                     "id,name,email,grade\nnew1,Nina New,nina@firm.test,associate\n");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json().value("inserted", -1), 1);
  Reply person = Send(server_->port(), "GET", "/api/v1/people/new1", member);
  EXPECT_EQ(person.status, 200);
  EXPECT_EQ(person.Json().value(nlohmann::json::json_pointer("/person/name"), ""), "Nina New");
  Reply audit = Send(server_->port(), "GET", "/api/v1/admin/audit?limit=1", As("admin"));
  EXPECT_EQ(audit.Json().value(nlohmann::json::json_pointer("/items/0/action"), ""), "import");
  EXPECT_EQ(audit.Json().value(nlohmann::json::json_pointer("/items/0/user_id"), ""), "u-admin");
}

TEST_F(ApiTest, GetsAnswerWithAnEtagAnd304) {
  Headers member = As("member");
  Reply first = Send(server_->port(), "GET", "/api/v1/people?limit=3", member);
  ASSERT_EQ(first.status, 200);
  std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  member.emplace_back("If-None-Match", etag);
  Reply second = Send(server_->port(), "GET", "/api/v1/people?limit=3", member);
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
}

TEST_F(ApiTest, PeoplePagesWalkTheWholeDirectory) {
  std::string cursor;
  std::set<std::string> seen;
  do {
    std::string target = "/api/v1/people?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor);
    Reply page = Send(server_->port(), "GET", target, As("member"));
    ASSERT_EQ(page.status, 200);
    nlohmann::json json = page.Json();
    for (const auto& item : json["items"]) EXPECT_TRUE(seen.insert(item["id"]).second);
    auto next = json["next_cursor"];
    cursor = next.is_string() ? next.get<std::string>() : "";
  } while (!cursor.empty());
  EXPECT_EQ(static_cast<int64_t>(seen.size()), *server_->store().Count(EntityKind::kPeople));
}

}  // namespace
}  // namespace guild::api::testing
