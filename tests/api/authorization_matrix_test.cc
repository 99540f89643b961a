// The authorization matrix (issue 27): every role (administrator, firm
// leader, team leader, engagement leader, member, signed out) x every
// operation of the OpenAPI document x the viewer's own, a teammate's and
// another team's resources. The expected answer comes from the Authorizer's
// rules evaluated on the server's own snapshot, never from a table of
// statuses written per case; the test fails when the document has an
// operation that Endpoints() does not declare.
//
// Adding an endpoint: add one Endpoint to Endpoints() below, with
//  - its method and path exactly as in openapi.json;
//  - the request: a target (path ids from the Resource, a query) and a body
//    that passes the handler's parsing, so only authorization can refuse it
//    (a body a service rejects later, 400/404/409/422, is fine: the matrix
//    checks who is let in, not the business answer);
//  - the rule: which Authorizer predicate lets the viewer in, and how a
//    refusal looks (403, or 404 for resources that must not be probed).
// docs/SECURITY.md ("The authorization matrix") says the same.
#include <functional>
#include <set>

#include "api_fixture.h"
#include "service/access/authorizer.h"
#include "service/access/staffing_access.h"

namespace guild::api::testing {
namespace {

//! The resource a request is about, relative to the viewer.
enum class Relation { kNone, kOwn, kTeammate, kOtherTeam };

std::string_view Name(Relation r) {
  switch (r) {
    case Relation::kNone: return "-";
    case Relation::kOwn: return "own";
    case Relation::kTeammate: return "same team";
    case Relation::kOtherTeam: return "other team";
  }
  return "?";
}

//! The ids a request fills its path with, for one viewer and relation.
struct Resource {
  Relation relation = Relation::kNone;
  std::string person;  //!< a person id
  std::string team;    //!< a team id
};

//! How a refused request answers.
enum class Refusal {
  kForbidden,  //!< 403
  kNotFound,   //!< 404: the resource must not be probed
};

struct Endpoint {
  std::string method;
  std::string path;  //!< as in openapi.json
  //! The request target (path with ids filled in, and a query).
  std::function<std::string(const Resource&)> target;
  std::string body;  //!< JSON; empty for none
  //! Which resources to try: person-, team- or no-resource endpoints.
  enum class On { kNothing, kPerson, kTeam } on = On::kNothing;
  //! Whether the signed-in viewer may; derived from the Authorizer.
  std::function<bool(const Authorizer&, const Principal&, const Resource&)> allows;
  Refusal refusal = Refusal::kForbidden;
  bool anyone = false;  //!< open to signed-out clients too
};

using A = const Authorizer&;
using P = const Principal&;
using R = const Resource&;

bool SignedIn(A, P, R) { return true; }
bool FirmWide(A a, P p, R) { return a.CanReadFirmWide(p); }
bool Administrators(A a, P p, R) { return a.CanManageUsers(p); }
bool StaffingBoard(A a, P p, R) { return a.Staffing(p).MayUseBoard(); }
// The plan SetUpTestSuite makes as the engagement leader.
bool EngLeadsPlan(A a, P p, R) { return a.Staffing(p).MayActOnPlan("u-eng"); }

std::function<std::string(R)> Fixed(std::string target) {
  return [target](R) { return target; };
}
std::function<std::string(R)> PersonPath(std::string before, std::string after = "") {
  return [before, after](R r) { return before + r.person + after; };
}
std::function<std::string(R)> TeamPath(std::string before, std::string after = "") {
  return [before, after](R r) { return before + r.team + after; };
}

// Every operation of the API. Keep in the order of openapi.json.
std::vector<Endpoint> Endpoints() {
  using On = Endpoint::On;
  const std::string kPlan = "/api/v1/staffing/plans/{plan}";
  std::vector<Endpoint> e = {
      {"GET", "/api/v1/openapi.json", Fixed("/api/v1/openapi.json"), "", On::kNothing, SignedIn,
       Refusal::kForbidden, true},
      {"POST", "/api/v1/session", Fixed("/api/v1/session"),
       R"({"email":"nobody@firm.test","password":"wrong-password"})", On::kNothing, SignedIn,
       Refusal::kForbidden, true},
      {"GET", "/api/v1/session", Fixed("/api/v1/session"), "", On::kNothing, SignedIn},
      // DELETE /api/v1/session is checked last (it signs the viewer out).
      {"POST", "/api/v1/tokens", Fixed("/api/v1/tokens"),
       R"({"name":"matrix","expires_in_days":0})", On::kNothing, SignedIn},
      {"GET", "/api/v1/tokens", Fixed("/api/v1/tokens"), "", On::kNothing, SignedIn},
      {"DELETE", "/api/v1/tokens/{id}", Fixed("/api/v1/tokens/tok_none"), "", On::kNothing,
       SignedIn},
      {"GET", "/api/v1/me", Fixed("/api/v1/me"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/people", Fixed("/api/v1/people"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/people/{id}", PersonPath("/api/v1/people/"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanReadPerson(p, r.person); }},
      {"GET", "/api/v1/skills", Fixed("/api/v1/skills"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/teams", Fixed("/api/v1/teams"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/teams/{id}", TeamPath("/api/v1/teams/"), "", On::kTeam,
       [](A a, P p, R r) { return a.CanReadTeam(p, r.team); }, Refusal::kNotFound},
      {"GET", "/api/v1/skills/suggest", Fixed("/api/v1/skills/suggest?q=tax"), "", On::kNothing,
       SignedIn},
      {"GET", "/api/v1/skills/search", Fixed("/api/v1/skills/search?need=firm:tax:1"), "",
       On::kNothing, SignedIn},
      // Other people's free hours are firm-wide knowledge.
      {"GET", "/api/v1/skills/search",
       Fixed(
           "/api/v1/skills/search?need=firm:tax:1&from=2024-01-01&to=2024-02-01&min_free_hours=1"),
       "", On::kNothing, FirmWide},
      {"GET", "/api/v1/skills/market", Fixed("/api/v1/skills/market"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/skills/{id}/remedies", Fixed("/api/v1/skills/firm:tax/remedies"), "",
       On::kNothing, FirmWide},
      {"GET", "/api/v1/people/{id}/growth", PersonPath("/api/v1/people/", "/growth"), "",
       On::kPerson, [](A a, P p, R r) { return a.CanReadPersonDetail(p, r.person); }},
      {"GET", "/api/v1/people/{id}/gaps", PersonPath("/api/v1/people/", "/gaps?role=firm:none"), "",
       On::kPerson, [](A a, P p, R r) { return a.CanReadPersonDetail(p, r.person); }},
      {"GET", "/api/v1/roles", Fixed("/api/v1/roles"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/teams/{id}/coverage", TeamPath("/api/v1/teams/", "/coverage?engagement=e1"),
       "", On::kTeam,
       [](A a, P p, R r) {
         const Engagement e1 = service::testing::TestFirm().engagements.at(0);
         return a.CanReadTeam(p, r.team) && a.CanReadEngagement(p, e1);
       },
       Refusal::kNotFound},
      {"GET", "/api/v1/mentoring-round", Fixed("/api/v1/mentoring-round"), "", On::kNothing,
       FirmWide},
      // Collaboration networks (docs/NETWORKS.md).
      {"GET", "/api/v1/teams/{id}/network", TeamPath("/api/v1/teams/", "/network"), "", On::kTeam,
       [](A a, P p, R r) { return a.CanReadTeamNetwork(p, r.team); }, Refusal::kNotFound},
      {"GET", "/api/v1/network", Fixed("/api/v1/network"), "", On::kNothing, FirmWide},
      // Everyone signed in lists the clients whose coverage they may read.
      {"GET", "/api/v1/clients", Fixed("/api/v1/clients"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/clients/{id}/coverage", Fixed("/api/v1/clients/c1/coverage"), "",
       On::kNothing, [](A a, P p, R) { return a.CanReadClientCoverage(p, "c1"); }},
      {"GET", "/api/v1/team-formation", Fixed("/api/v1/team-formation?need=firm:tax:1"), "",
       On::kNothing, [](A a, P p, R) { return a.CanFormTeams(p); }},
      // Weighing free hours is firm-wide knowledge.
      {"GET", "/api/v1/team-formation", Fixed("/api/v1/team-formation?need=firm:tax:1&hours=10"),
       "", On::kNothing, [](A a, P p, R) { return a.CanFormTeams(p) && a.CanReadFirmWide(p); }},
      {"GET", "/api/v1/staffing/openings", Fixed("/api/v1/staffing/openings"), "", On::kNothing,
       StaffingBoard},
      {"POST", "/api/v1/staffing/plans", Fixed("/api/v1/staffing/plans"), R"({"mode":"full"})",
       On::kNothing, StaffingBoard},
      // The plan of the engagement leader (made in SetUpTestSuite): its author,
      // firm leaders and administrators.
      {"GET", "/api/v1/staffing/plans/{id}", Fixed(kPlan), "", On::kNothing, EngLeadsPlan},
      {"GET", "/api/v1/staffing/plans/{id}/assignments/{key}", Fixed(kPlan + "/assignments/none"),
       "", On::kNothing, EngLeadsPlan},
      {"POST", "/api/v1/staffing/plans/{id}/accept", Fixed(kPlan + "/accept"),
       R"({"assignment_ids":["none"]})", On::kNothing, EngLeadsPlan},
      {"GET", "/api/v1/staffing/market", Fixed("/api/v1/staffing/market"), "", On::kNothing,
       [](A a, P p, R) { return a.Staffing(p).MayReadMarket(); }},
      {"GET", "/api/v1/staffing/capacity", Fixed("/api/v1/staffing/capacity"), "", On::kNothing,
       StaffingBoard},
      {"POST", "/api/v1/admin/import/{kind}", Fixed("/api/v1/admin/import/clients?format=csv"),
       "id,name\n", On::kNothing, [](A a, P p, R) { return a.CanImport(p); }},
      {"GET", "/api/v1/admin/users", Fixed("/api/v1/admin/users"), "", On::kNothing,
       Administrators},
      {"POST", "/api/v1/admin/users", Fixed("/api/v1/admin/users"),
       R"({"email":"not-an-email","password":"password-1","role":"member"})", On::kNothing,
       Administrators},
      {"PATCH", "/api/v1/admin/users/{id}", Fixed("/api/v1/admin/users/u-none"),
       R"({"disabled":false})", On::kNothing, Administrators},
      {"GET", "/api/v1/admin/users/{id}/tokens", Fixed("/api/v1/admin/users/u-member/tokens"), "",
       On::kNothing, Administrators},
      {"DELETE", "/api/v1/admin/users/{id}/tokens/{token}",
       Fixed("/api/v1/admin/users/u-member/tokens/tok_none"), "", On::kNothing, Administrators},
      {"GET", "/api/v1/admin/audit", Fixed("/api/v1/admin/audit"), "", On::kNothing,
       [](A a, P p, R) { return a.CanReadAudit(p); }},
      {"DELETE", "/api/v1/session", Fixed("/api/v1/session"), "", On::kNothing, SignedIn},
  };
  return e;
}

//! One role of the matrix: a user of the suite, or nobody.
struct Role {
  std::string name;  //!< also the sign-in name (name@firm.test)
  std::optional<Principal> principal;
};

std::vector<Role> Roles() {
  return {{"admin", Principal{"u-admin", UserRole::kAdministrator, "admin"}},
          {"fl", Principal{"u-fl", UserRole::kFirmLeader, "firmlead"}},
          {"lead", Principal{"u-lead", UserRole::kMember, "lead"}},
          {"eng", Principal{"u-eng", UserRole::kMember, "englead"}},
          {"member", Principal{"u-member", UserRole::kMember, "member"}},
          {"anonymous", std::nullopt}};
}

class AuthorizationMatrix : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-matrix-XXXXXX", kStartTime, service::testing::TestFirm(),
               {{"u-admin", "admin@firm.test", "admin", UserRole::kAdministrator},
                {"u-fl", "fl@firm.test", "firmlead", UserRole::kFirmLeader},
                {"u-lead", "lead@firm.test", "lead", UserRole::kMember},
                {"u-eng", "eng@firm.test", "englead", UserRole::kMember},
                {"u-member", "member@firm.test", "member", UserRole::kMember}});
    Headers eng = As("eng");
    eng.emplace_back("Content-Type", "application/json");
    Reply plan = Send(server_->port(), "POST", "/api/v1/staffing/plans", eng, R"({"mode":"full"})");
    ASSERT_EQ(plan.status, 201) << plan.body;
    plan_id_ = new std::string(plan.Json().value("id", ""));
  }
  static void TearDownTestSuite() {
    delete plan_id_;
    StopSuite();
  }

  // The resources to try for `endpoint` as `viewer`: own, a teammate's and
  // another team's person or team.
  static std::vector<Resource> ResourcesFor(const Endpoint& endpoint, const Principal* viewer,
                                            const FirmSnapshot& snapshot) {
    if (endpoint.on == Endpoint::On::kNothing) return {Resource{}};
    const std::string own_person = viewer ? viewer->person_id : "member";
    std::string own_team;
    std::string teammate;
    for (const Team& t : snapshot.data().teams) {
      bool on = t.leader_id == own_person;
      for (const TeamMember& m : t.members) on = on || m.person_id == own_person;
      if (!on || !own_team.empty()) continue;
      own_team = t.id;
      for (const TeamMember& m : t.members) {
        if (m.person_id != own_person && teammate.empty()) teammate = m.person_id;
      }
    }
    std::vector<Resource> out;
    if (endpoint.on == Endpoint::On::kPerson) {
      out.push_back({Relation::kOwn, own_person, ""});
      if (!teammate.empty()) out.push_back({Relation::kTeammate, teammate, ""});
      out.push_back({Relation::kOtherTeam, "outsider", ""});
    } else {
      if (!own_team.empty()) out.push_back({Relation::kOwn, "", own_team});
      out.push_back({Relation::kOtherTeam, "", "beta"});
    }
    return out;
  }

  static inline std::string* plan_id_ = nullptr;
};

std::string Key(const std::string& method, const std::string& path) {
  std::string lower = method;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower + " " + path;
}

TEST_F(AuthorizationMatrix, EveryDocumentedOperationIsDeclared) {
  Reply reply = Send(server_->port(), "GET", "/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  std::set<std::string> declared;
  for (const Endpoint& e : Endpoints()) declared.insert(Key(e.method, e.path));
  const nlohmann::json doc = reply.Json();
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(declared.count(method + " " + path))
          << method << " " << path
          << " is in openapi.json but not in the authorization matrix: declare it in "
             "Endpoints() (tests/api/authorization_matrix_test.cc)";
      declared.erase(method + " " + path);
    }
  }
  EXPECT_TRUE(declared.empty()) << "declared but not documented: " << *declared.begin();
}

TEST_F(AuthorizationMatrix, EveryRoleGetsWhatTheAuthorizerAllows) {
  auto snapshot = server_->services().snapshots().Current();
  ASSERT_NE(snapshot, nullptr);
  const Authorizer authorizer(*snapshot);
  int checked = 0;
  for (const Endpoint& endpoint : Endpoints()) {
    for (const Role& role : Roles()) {
      const Principal* principal = role.principal ? &*role.principal : nullptr;
      for (const Resource& resource : ResourcesFor(endpoint, principal, *snapshot)) {
        std::string target = endpoint.target(resource);
        if (auto at = target.find("{plan}"); at != std::string::npos) {
          target.replace(at, 6, *plan_id_);
        }
        Headers headers = As(role.name);
        if (!endpoint.body.empty()) {
          headers.emplace_back("Content-Type", target.find("/import/") != std::string::npos
                                                   ? "text/csv"
                                                   : "application/json");
        }
        const Reply reply = Send(server_->port(), endpoint.method, target, headers, endpoint.body);
        const std::string where = endpoint.method + " " + target + " as " + role.name + " (" +
                                  std::string(Name(resource.relation)) + "): got " +
                                  std::to_string(reply.status) + " " + reply.body.substr(0, 200);
        ++checked;
        if (endpoint.anyone) {  // no one is refused for who they are
          EXPECT_NE(reply.status, 403) << where;
          EXPECT_LT(reply.status, 500) << where;
          continue;
        }
        if (!principal) {
          EXPECT_EQ(reply.status, 401) << where;
          continue;
        }
        const bool allowed = endpoint.allows(authorizer, *principal, resource);
        const int refused = endpoint.refusal == Refusal::kForbidden ? 403 : 404;
        if (allowed) {
          EXPECT_NE(reply.status, 401) << where;
          EXPECT_NE(reply.status, 403) << where;
          if (endpoint.refusal == Refusal::kNotFound) EXPECT_NE(reply.status, 404) << where;
          EXPECT_LT(reply.status, 500) << where;
        } else {
          EXPECT_EQ(reply.status, refused) << where << " (the Authorizer refuses)";
        }
      }
    }
  }
  // 41 operations x 6 roles, some with several resources.
  EXPECT_GT(checked, 41 * 6);
}

}  // namespace
}  // namespace guild::api::testing
