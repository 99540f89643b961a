// API behaviour as request/expected-response pairs against a server on a
// free port over a temp SQLite store holding a small firm: the role x
// endpoint permission matrix, and bad input of every kind.
#include "api_fixture.h"

namespace guild::api::testing {
namespace {

// One row of the permission matrix: who, what, and the expected outcome.
struct Case {
  std::string who;
  std::string method;
  std::string path;
  std::string body;  // JSON; sent with Content-Type application/json when non-empty
  int status;
  std::vector<std::pair<std::string, nlohmann::json>> fields;  // JSON pointer -> value
};

std::vector<Case> PermissionCases() {
  const std::string new_user =
      R"({"email":"new-{who}@firm.test","password":"password-1","role":"member"})";
  std::vector<Case> cases;
  for (const char* who : {"admin", "fl", "lead", "member", "outsider"}) {
    bool admin = std::string(who) == "admin";
    std::string body = new_user;
    body.replace(body.find("{who}"), 5, who);
    cases.push_back({who, "GET", "/api/v1/admin/users", "", admin ? 200 : 403, {}});
    cases.push_back({who, "GET", "/api/v1/admin/audit", "", admin ? 200 : 403, {}});
    cases.push_back({who, "POST", "/api/v1/admin/users", body, admin ? 201 : 403, {}});
    cases.push_back(
        {who, "PATCH", "/api/v1/admin/users/u-out", R"({"role":"member"})", admin ? 200 : 403, {}});
    cases.push_back({who, "GET", "/api/v1/people?limit=2", "", 200, {}});
    // Every signed-in user lists the filters' values; the filters fold case.
    cases.push_back({who,
                     "GET",
                     "/api/v1/people/facets",
                     "",
                     200,
                     {{"/practices/0/value", "Tax"},
                      {"/practices/0/count", 8},
                      {"/practices/1", nullptr},
                      {"/grades/0/value", "associate"},
                      {"/grades/0/count", 2},
                      {"/offices/0/value", "London"}}});
    cases.push_back(
        {who,
         "GET",
         "/api/v1/people?practice=tAX&office=LONDON&grade=Associate",
         "",
         200,
         {{"/items/0/id", "member"}, {"/items/1/id", "outsider"}, {"/items/2", nullptr}}});
    cases.push_back({who, "GET", "/api/v1/session", "", 200, {}});
    cases.push_back({who, "GET", "/api/v1/me", "", 200, {}});
  }
  auto team = [](std::string who, std::string id, int status) {
    return Case{who, "GET", "/api/v1/teams/" + id, "", status, {}};
  };
  for (auto c :
       {team("admin", "alpha", 200), team("fl", "alpha", 200), team("lead", "alpha", 200),
        team("member", "alpha", 200), team("outsider", "alpha", 404), team("member", "beta", 404),
        team("outsider", "beta", 200), team("lead", "account", 404), team("fl", "account", 200),
        team("member", "nope", 404)}) {
    cases.push_back(c);
  }
  auto detail = [](std::string who, bool visible) {
    return Case{who, "GET", "/api/v1/people/member",
                "",  200,   {{"/person/detail_visible", visible}, {"/person/name", "Mia Member"}}};
  };
  for (auto c : {detail("admin", true), detail("fl", true), detail("lead", true),
                 detail("member", true), detail("outsider", false)}) {
    cases.push_back(c);
  }
  cases.push_back({"member", "GET", "/api/v1/teams", "", 200, {{"/items/0/id", "alpha"}}});
  cases.push_back({"lead",
                   "GET",
                   "/api/v1/session",
                   "",
                   200,
                   {{"/user/leads_teams", true}, {"/user/role", "member"}}});
  cases.push_back({"member", "GET", "/api/v1/session", "", 200, {{"/user/leads_teams", false}}});
  cases.push_back({"fl", "GET", "/api/v1/teams?limit=2", "", 200, {{"/items/2", nullptr}}});
  for (const char* path : {"/api/v1/people", "/api/v1/people/facets", "/api/v1/me",
                           "/api/v1/teams/alpha", "/api/v1/admin/users", "/api/v1/session"}) {
    cases.push_back({"anonymous", "GET", path, "", 401, {}});
  }
  cases.push_back({"anonymous", "POST", "/api/v1/admin/users", new_user, 401, {}});
  return cases;
}

TEST_F(ApiTest, PermissionMatrix) {
  for (const Case& c : PermissionCases()) {
    SCOPED_TRACE(c.who + " " + c.method + " " + c.path);
    Headers headers = As(c.who);
    if (!c.body.empty()) headers.emplace_back("Content-Type", "application/json");
    int64_t audit_before = AuditCount();
    Reply reply = Send(server_->port(), c.method, c.path, headers, c.body);
    EXPECT_EQ(reply.status, c.status) << reply.body;
    nlohmann::json json = reply.Json();
    for (const auto& [pointer, value] : c.fields) {
      auto ptr = nlohmann::json::json_pointer(pointer);
      if (value.is_null()) {
        EXPECT_FALSE(json.contains(ptr)) << pointer;
      } else {
        EXPECT_EQ(json.value(ptr, nlohmann::json()), value) << pointer;
      }
    }
    if (c.status >= 400) {
      EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
      EXPECT_EQ(json.value("status", 0), c.status);
      EXPECT_EQ(AuditCount(), audit_before) << "a refused request wrote to the audit log";
    }
  }
  ExpectServing();
}

}  // namespace
}  // namespace guild::api::testing
