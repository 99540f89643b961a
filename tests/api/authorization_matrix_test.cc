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
//    refusal looks (403, or 404 for resources that must not be probed, or
//    404 unless the viewer may see the resource and 403 when they may:
//    a change to a team the viewer may read but not change);
//  - `before`, when an allowed request removes what the next one needs
//    (a DELETE): it puts it back.
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
  kHidden,     //!< 404 unless Endpoint::visible, then 403
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
  //! For Refusal::kHidden: whether the viewer may see the resource.
  std::function<bool(const Authorizer&, const Principal&, const Resource&)> visible = {};
  //! Run before each request of this endpoint.
  std::function<void()> before = {};
};

using A = const Authorizer&;
using P = const Principal&;
using R = const Resource&;

bool SignedIn(A, P, R) { return true; }
bool ListsDirectory(A a, P p, R) { return a.CanListDirectory(p); }
bool FirmWide(A a, P p, R) { return a.CanReadFirmWide(p); }
bool Administrators(A a, P p, R) { return a.CanManageUsers(p); }
bool StaffingBoard(A a, P p, R) { return a.Staffing(p).MayUseBoard(); }
bool Volunteers(A a, P p, R) { return a.CanVolunteer(p, p.person_id); }
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

// Goals and roles (docs/GOALS.md): a goal, a deliverable and a client
// relationship per team ("goal-alpha", "deliv-alpha", "rel-alpha") and a
// personal goal per person ("goal-member", not shared), so that team and
// person resources each have one.
FirmData GoalsSeed(const FirmData& firm) {
  FirmData seed;
  auto goal = [](std::string id, std::string team, std::string owner) {
    Goal g;
    g.id = std::move(id);
    g.team_id = std::move(team);
    g.title = "Matrix goal";
    g.metric = "score";
    g.start_value = 0;
    g.target_value = 10;
    g.start_date = Date{100};
    g.due_date = Date{400};
    g.owner_id = std::move(owner);
    return g;
  };
  for (const Team& t : firm.teams) {
    const std::string owner = t.members.empty() ? t.leader_id : t.members.back().person_id;
    if (owner.empty()) continue;
    seed.goals.push_back(goal("goal-" + t.id, t.id, owner));
    seed.deliverables.push_back(
        {"deliv-" + t.id, t.id, "Matrix deliverable", Date{300}, DeliverableStatus::kPlanned, {}});
    seed.client_relationships.push_back({"rel-" + t.id, t.id, "c1", "Matrix contact", {}});
  }
  for (const Person& p : firm.people) seed.goals.push_back(goal("goal-" + p.id, "", p.id));
  return seed;
}

// Feedback (docs/FEEDBACK.md): a request "fb-P" asked by each person P of
// FeedbackReviewerOf(P), and an inbox item "in-P" of each person.
std::string FeedbackReviewerOf(const std::string& person) {
  return person == "peer" ? "member" : "peer";
}

// Mentorships: the request "mt-P" of each person P to FeedbackReviewerOf(P).
Mentorship MatrixMentorship(const std::string& mentee) {
  return Mentorship{.id = "mt-" + mentee,
                    .mentee_id = mentee,
                    .mentor_id = FeedbackReviewerOf(mentee),
                    .skill_ids = {"firm:tax"}};
}

FirmData MatrixFirm() {
  FirmData firm = service::testing::TestFirm();
  FirmData seed = GoalsSeed(firm);
  firm.goals = std::move(seed.goals);
  firm.deliverables = std::move(seed.deliverables);
  firm.client_relationships = std::move(seed.client_relationships);
  for (const Person& p : firm.people.get()) {
    firm.feedback_requests.push_back({"fb-" + p.id, p.id, FeedbackEventKind::kPitch, "Matrix pitch",
                                      Date{0}, "", 0, Date{9999}});
    firm.feedback_answers.push_back(FeedbackAnswer{"fb-" + p.id, FeedbackReviewerOf(p.id)});
    firm.inbox_items.push_back(
        {"in-" + p.id, p.id, InboxItemKind::kFeedbackRequest, "fb-x", "", "Matrix", 0, {}});
    firm.mentorships.push_back(MatrixMentorship(p.id));
  }
  // Check-ins (docs/CHECKINS.md): member's submitted check-in on alpha and
  // its question to alpha's leader.
  firm.checkins = {Checkin{.id = "ci-matrix",
                           .team_id = "alpha",
                           .person_id = "member",
                           .cycle_start = CheckinCycleStart(Date{300}, kDefaultCheckinCadenceDays),
                           .client_change = "Matrix change",
                           .updated_at = 300 * 86400,
                           .submitted_at = 300 * 86400}};
  firm.checkin_questions = {CheckinQuestion{.id = "q-matrix",
                                            .checkin_id = "ci-matrix",
                                            .team_id = "alpha",
                                            .asker_id = "member",
                                            .addressee_id = "lead",
                                            .text = "Matrix question",
                                            .asked_at = 300 * 86400}};
  return firm;
}

bool SeesFeedbackRequest(A a, P p, R r) {
  const std::string reviewers[] = {FeedbackReviewerOf(r.person)};
  return a.CanReadFeedbackRequest(p, r.person, reviewers);
}

bool SeesMentorship(A a, P p, R r) { return a.CanReadMentorship(p, MatrixMentorship(r.person)); }

bool ReadsGoal(A a, P p, const std::string& id) {
  const Goal* g = a.snapshot().FindGoal(id);
  return g != nullptr && a.CanReadGoal(p, *g);
}
bool ChangesGoal(A a, P p, const std::string& id) {
  const Goal* g = a.snapshot().FindGoal(id);
  return g != nullptr && a.CanChangeGoal(p, *g);
}
bool UpdatesGoal(A a, P p, const std::string& id) {
  const Goal* g = a.snapshot().FindGoal(id);
  return g != nullptr && a.CanUpdateGoalProgress(p, *g);
}
bool ReadsTeam(A a, P p, R r) { return a.CanReadTeam(p, r.team); }
bool ReadsTeamCheckins(A a, P p, R r) { return a.CanReadTeamCheckins(p, r.team); }
bool ReadsMatrixQuestion(A a, P p, R) {
  return a.CanReadCheckinQuestion(p, "member", "lead", "alpha");
}
bool ChangesTeam(A a, P p, R r) { return a.CanChangeTeam(p, r.team); }

// Puts back the seeded goals, deliverables and relationships (DELETE removes them).
void Reseed();

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
      {"GET", "/api/v1/people", Fixed("/api/v1/people"), "", On::kNothing, ListsDirectory},
      {"GET", "/api/v1/people/facets", Fixed("/api/v1/people/facets"), "", On::kNothing,
       ListsDirectory},
      {"GET", "/api/v1/people/{id}", PersonPath("/api/v1/people/"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanReadPerson(p, r.person); }},
      // Skill ratings (docs/SKILLS.md "Who rates"): everyone reads a person's
      // ratings; each source is given by whom Authorizer::CanRateSkill lets.
      // The bodies name no skill of the taxonomy, so an allowed write is a 400
      // (the DELETE a 404) and nothing changes.
      {"GET", "/api/v1/people/{id}/skill-ratings", PersonPath("/api/v1/people/", "/skill-ratings"),
       "", On::kPerson, [](A a, P p, R r) { return a.CanReadPerson(p, r.person); },
       Refusal::kNotFound},
      {"PUT", "/api/v1/people/{id}/skill-ratings", PersonPath("/api/v1/people/", "/skill-ratings"),
       R"({"skill_id":"firm:none","source":"self","level":3})", On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kSelf); }},
      {"DELETE", "/api/v1/people/{id}/skill-ratings",
       PersonPath("/api/v1/people/", "/skill-ratings?skill_id=firm:none&source=self"), "",
       On::kPerson, [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kSelf); }},
      {"PUT", "/api/v1/people/{id}/skill-ratings", PersonPath("/api/v1/people/", "/skill-ratings"),
       R"({"skill_id":"firm:none","source":"peer","level":3})", On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kPeer); }},
      {"DELETE", "/api/v1/people/{id}/skill-ratings",
       PersonPath("/api/v1/people/", "/skill-ratings?skill_id=firm:none&source=peer"), "",
       On::kPerson, [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kPeer); }},
      {"PUT", "/api/v1/people/{id}/skill-ratings", PersonPath("/api/v1/people/", "/skill-ratings"),
       R"({"skill_id":"firm:none","source":"manager","level":3})", On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kManager); }},
      {"DELETE", "/api/v1/people/{id}/skill-ratings",
       PersonPath("/api/v1/people/", "/skill-ratings?skill_id=firm:none&source=manager"), "",
       On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kManager); }},
      {"PUT", "/api/v1/people/{id}/skill-ratings", PersonPath("/api/v1/people/", "/skill-ratings"),
       R"({"skill_id":"firm:none","source":"assessed","level":3})", On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kAssessed); }},
      {"DELETE", "/api/v1/people/{id}/skill-ratings",
       PersonPath("/api/v1/people/", "/skill-ratings?skill_id=firm:none&source=assessed"), "",
       On::kPerson,
       [](A a, P p, R r) { return a.CanRateSkill(p, r.person, RatingSource::kAssessed); }},
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
      {"GET", "/api/v1/people/{id}/gap-actions",
       PersonPath("/api/v1/people/", "/gap-actions?role=firm:none"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanReadPersonDetail(p, r.person); }},
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
      // Goals and roles (docs/GOALS.md). Bodies a service refuses after
      // access (an empty title, a date in the future...) change nothing.
      {"GET", "/api/v1/teams/{id}/goals", TeamPath("/api/v1/teams/", "/goals"), "", On::kTeam,
       ReadsTeam, Refusal::kNotFound},
      {"GET", "/api/v1/teams/{id}/roles", TeamPath("/api/v1/teams/", "/roles"), "", On::kTeam,
       ReadsTeam, Refusal::kNotFound},
      {"PATCH", "/api/v1/teams/{id}/roles", TeamPath("/api/v1/teams/", "/roles"),
       R"({"changes":[]})", On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam},
      {"GET", "/api/v1/teams/{id}/brief", TeamPath("/api/v1/teams/", "/brief"), "", On::kTeam,
       ReadsTeam, Refusal::kNotFound},
      {"PUT", "/api/v1/teams/{id}/purpose", TeamPath("/api/v1/teams/", "/purpose"),
       R"({"purpose":" "})", On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam},
      {"POST", "/api/v1/teams/{id}/deliverables", TeamPath("/api/v1/teams/", "/deliverables"), "{}",
       On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam},
      {"POST", "/api/v1/teams/{id}/relationships", TeamPath("/api/v1/teams/", "/relationships"),
       R"({"contact":""})", On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam},
      // A team goal (the team is in the body) and a personal goal (the viewer's own).
      {"POST", "/api/v1/goals", Fixed("/api/v1/goals"), R"({"team_id":"alpha"})", On::kNothing,
       [](A a, P p, R) { return a.CanChangeTeam(p, "alpha"); }, Refusal::kHidden, false,
       [](A a, P p, R) { return a.CanReadTeam(p, "alpha"); }},
      {"POST", "/api/v1/goals", Fixed("/api/v1/goals"), R"({"team_id":"beta"})", On::kNothing,
       [](A a, P p, R) { return a.CanChangeTeam(p, "beta"); }, Refusal::kHidden, false,
       [](A a, P p, R) { return a.CanReadTeam(p, "beta"); }},
      {"POST", "/api/v1/goals", Fixed("/api/v1/goals"), "{}", On::kNothing,
       [](A a, P p, R) { return a.CanCreatePersonalGoal(p, p.person_id); }},
      // Team goals, then personal goals ("goal-" + the team or the person).
      {"GET", "/api/v1/goals/{id}", TeamPath("/api/v1/goals/goal-"), "", On::kTeam,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.team); }, Refusal::kNotFound},
      {"GET", "/api/v1/goals/{id}", PersonPath("/api/v1/goals/goal-"), "", On::kPerson,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.person); }, Refusal::kNotFound},
      {"PATCH", "/api/v1/goals/{id}", TeamPath("/api/v1/goals/goal-"), R"({"title":""})", On::kTeam,
       [](A a, P p, R r) { return ChangesGoal(a, p, "goal-" + r.team); }, Refusal::kHidden, false,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.team); }},
      {"PATCH", "/api/v1/goals/{id}", PersonPath("/api/v1/goals/goal-"), R"({"title":""})",
       On::kPerson, [](A a, P p, R r) { return ChangesGoal(a, p, "goal-" + r.person); },
       Refusal::kHidden, false, [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.person); }},
      {"DELETE", "/api/v1/goals/{id}", TeamPath("/api/v1/goals/goal-"), "", On::kTeam,
       [](A a, P p, R r) { return ChangesGoal(a, p, "goal-" + r.team); }, Refusal::kHidden, false,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.team); }, Reseed},
      {"DELETE", "/api/v1/goals/{id}", PersonPath("/api/v1/goals/goal-"), "", On::kPerson,
       [](A a, P p, R r) { return ChangesGoal(a, p, "goal-" + r.person); }, Refusal::kHidden, false,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.person); }, Reseed},
      {"POST", "/api/v1/goals/{id}/updates", TeamPath("/api/v1/goals/goal-", "/updates"),
       R"({"value":1,"date":"2999-01-01"})", On::kTeam,
       [](A a, P p, R r) { return UpdatesGoal(a, p, "goal-" + r.team); }, Refusal::kHidden, false,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.team); }},
      {"POST", "/api/v1/goals/{id}/updates", PersonPath("/api/v1/goals/goal-", "/updates"),
       R"({"value":1,"date":"2999-01-01"})", On::kPerson,
       [](A a, P p, R r) { return UpdatesGoal(a, p, "goal-" + r.person); }, Refusal::kHidden, false,
       [](A a, P p, R r) { return ReadsGoal(a, p, "goal-" + r.person); }},
      {"GET", "/api/v1/me/goals", Fixed("/api/v1/me/goals"), "", On::kNothing, SignedIn},
      // Lists the goals of the person the viewer may read (none hidden are named).
      {"GET", "/api/v1/people/{id}/goals", PersonPath("/api/v1/people/", "/goals"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanReadPerson(p, r.person); }, Refusal::kNotFound},
      {"PATCH", "/api/v1/deliverables/{id}", TeamPath("/api/v1/deliverables/deliv-"),
       R"({"name":""})", On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam},
      {"DELETE", "/api/v1/deliverables/{id}", TeamPath("/api/v1/deliverables/deliv-"), "",
       On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam, Reseed},
      {"DELETE", "/api/v1/relationships/{id}", TeamPath("/api/v1/relationships/rel-"), "",
       On::kTeam, ChangesTeam, Refusal::kHidden, false, ReadsTeam, Reseed},
      {"GET", "/api/v1/engagements/{id}/log", Fixed("/api/v1/engagements/e1/log"), "", On::kNothing,
       [](A a, P p, R) { return a.CanReadClientLog(p, "e1"); }, Refusal::kNotFound},
      {"POST", "/api/v1/engagements/{id}/log", Fixed("/api/v1/engagements/e1/log"),
       R"({"changed":""})", On::kNothing, [](A a, P p, R) { return a.CanWriteClientLog(p, "e1"); },
       Refusal::kHidden, false, [](A a, P p, R) { return a.CanReadClientLog(p, "e1"); }},
      // Client c1 has no leadership team: the page is firm-wide only.
      {"GET", "/api/v1/clients/{id}/leadership", Fixed("/api/v1/clients/c1/leadership"), "",
       On::kNothing, FirmWide, Refusal::kNotFound},
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
      // Volunteering: the viewer's own person only (every role here has one).
      {"GET", "/api/v1/me/openings", Fixed("/api/v1/me/openings"), "", On::kNothing, Volunteers},
      {"PUT", "/api/v1/openings/{id}/volunteer", Fixed("/api/v1/openings/no-opening/volunteer"),
       R"({"note":"matrix"})", On::kNothing, Volunteers},
      {"DELETE", "/api/v1/openings/{id}/volunteer", Fixed("/api/v1/openings/no-opening/volunteer"),
       "", On::kNothing, Volunteers},
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
      // Feedback requests and the inbox (docs/FEEDBACK.md): the request
      // "fb-P" of the resource's person P, the inbox item "in-P".
      {"GET", "/api/v1/feedback-requests", Fixed("/api/v1/feedback-requests?role=asked"), "",
       On::kNothing, SignedIn},
      {"POST", "/api/v1/feedback-requests", Fixed("/api/v1/feedback-requests"),
       R"({"event_kind":"pitch","event":"M","event_date":"1970-01-01","reviewer_ids":["ghost"]})",
       On::kNothing, SignedIn},
      {"GET", "/api/v1/feedback-requests/suggested-reviewers",
       Fixed("/api/v1/feedback-requests/suggested-reviewers?event_date=1970-01-01"), "",
       On::kNothing, SignedIn},
      {"GET", "/api/v1/feedback-requests/{id}", PersonPath("/api/v1/feedback-requests/fb-"), "",
       On::kPerson, SeesFeedbackRequest, Refusal::kNotFound},
      {"PUT", "/api/v1/feedback-requests/{id}/answer",
       PersonPath("/api/v1/feedback-requests/fb-", "/answer"), R"({"decline":true})", On::kPerson,
       [](A a, P p, R r) { return p.person_id == FeedbackReviewerOf(r.person); }, Refusal::kHidden,
       false, SeesFeedbackRequest},
      {"POST", "/api/v1/feedback-requests/{id}/answers/{reviewer}/share",
       [](R r) {
         return "/api/v1/feedback-requests/fb-" + r.person + "/answers/" +
                FeedbackReviewerOf(r.person) + "/share";
       },
       R"({"leader_id":"lead"})", On::kPerson,
       [](A a, P p, R r) { return a.CanShareFeedbackAnswer(p, r.person); }, Refusal::kHidden, false,
       SeesFeedbackRequest},
      // Mentorships: "mt-P" asked by the resource's person P (its mentee) of
      // FeedbackReviewerOf(P) (its mentor). Only the two and administrators
      // learn it exists; only the mentor answers, only the two change it.
      {"POST", "/api/v1/mentorships", Fixed("/api/v1/mentorships"),
       R"({"mentor_id":"ghost","skill_ids":["firm:tax"]})", On::kNothing, SignedIn},
      {"GET", "/api/v1/me/mentorships", Fixed("/api/v1/me/mentorships"), "", On::kNothing,
       [](A, P p, R) { return !p.person_id.empty(); }, Refusal::kNotFound},
      {"POST", "/api/v1/mentorships/{id}/accept", PersonPath("/api/v1/mentorships/mt-", "/accept"),
       "", On::kPerson,
       [](A a, P p, R r) { return a.CanAnswerMentorship(p, MatrixMentorship(r.person)); },
       Refusal::kHidden, false, SeesMentorship},
      {"POST", "/api/v1/mentorships/{id}/decline",
       PersonPath("/api/v1/mentorships/mt-", "/decline"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanAnswerMentorship(p, MatrixMentorship(r.person)); },
       Refusal::kHidden, false, SeesMentorship},
      {"POST", "/api/v1/mentorships/{id}/end", PersonPath("/api/v1/mentorships/mt-", "/end"), "",
       On::kPerson,
       [](A a, P p, R r) { return a.CanChangeMentorship(p, MatrixMentorship(r.person)); },
       Refusal::kHidden, false, SeesMentorship},
      {"PUT", "/api/v1/mentorships/{id}/review-date",
       PersonPath("/api/v1/mentorships/mt-", "/review-date"), R"({"review_on":"2999-01-01"})",
       On::kPerson,
       [](A a, P p, R r) { return a.CanChangeMentorship(p, MatrixMentorship(r.person)); },
       Refusal::kHidden, false, SeesMentorship},
      {"GET", "/api/v1/inbox", Fixed("/api/v1/inbox"), "", On::kNothing, SignedIn},
      {"POST", "/api/v1/inbox/{id}/read", PersonPath("/api/v1/inbox/in-", "/read"), "", On::kPerson,
       [](A a, P p, R r) { return a.CanUseInbox(p, r.person); }, Refusal::kNotFound},
      {"POST", "/api/v1/inbox/read-all", Fixed("/api/v1/inbox/read-all"), "", On::kNothing,
       SignedIn},
      // Check-ins (docs/CHECKINS.md). Bodies the service refuses after access
      // (a blank client change or answer) write nothing.
      {"GET", "/api/v1/checkins/me", Fixed("/api/v1/checkins/me"), "", On::kNothing, SignedIn},
      {"GET", "/api/v1/checkins/overdue", Fixed("/api/v1/checkins/overdue"), "", On::kNothing,
       SignedIn},
      {"GET", "/api/v1/checkins/{id}", Fixed("/api/v1/checkins/ci-matrix"), "", On::kNothing,
       [](A a, P p, R) { return a.CanReadCheckin(p, "member", "alpha"); }, Refusal::kNotFound},
      {"PUT", "/api/v1/teams/{id}/checkins/me", TeamPath("/api/v1/teams/", "/checkins/me"),
       R"({"client_change":" ","submit":true})", On::kTeam, ReadsTeam, Refusal::kNotFound},
      {"GET", "/api/v1/teams/{id}/checkins", TeamPath("/api/v1/teams/", "/checkins"), "", On::kTeam,
       ReadsTeamCheckins, Refusal::kNotFound},
      {"POST", "/api/v1/teams/{id}/checkins/nudge", TeamPath("/api/v1/teams/", "/checkins/nudge"),
       "", On::kTeam, ReadsTeamCheckins, Refusal::kNotFound},
      {"GET", "/api/v1/teams/{id}/checkins/trends", TeamPath("/api/v1/teams/", "/checkins/trends"),
       "", On::kTeam, ReadsTeamCheckins, Refusal::kNotFound},
      // Out of range (92 days): whoever may set it gets a 400 and nothing changes.
      {"PUT", "/api/v1/teams/{id}/checkin-cadence", TeamPath("/api/v1/teams/", "/checkin-cadence"),
       R"({"days":92})", On::kTeam, [](A a, P p, R r) { return a.CanSetCheckinCadence(p, r.team); },
       Refusal::kHidden, false, ReadsTeam},
      {"GET", "/api/v1/checkin-questions", Fixed("/api/v1/checkin-questions?to=me"), "",
       On::kNothing, SignedIn},
      // Only the addressee (lead) answers; the asker reads it (403), others not (404).
      {"POST", "/api/v1/checkin-questions/{id}/answer",
       Fixed("/api/v1/checkin-questions/q-matrix/answer"), R"({"answer":" "})", On::kNothing,
       [](A a, P p, R r) { return ReadsMatrixQuestion(a, p, r) && p.person_id == "lead"; },
       Refusal::kHidden, false, ReadsMatrixQuestion},
      // The calendar feed (docs/NOTIFICATIONS.md): its token is the
      // credential, so no one is refused for who they are (an unknown token
      // is 404 to everyone); each user rotates their own feed.
      {"GET", "/api/v1/calendar/{file}", Fixed("/api/v1/calendar/gcal_none.ics"), "", On::kNothing,
       SignedIn, Refusal::kForbidden, true},
      {"GET", "/api/v1/me/calendar-feed", Fixed("/api/v1/me/calendar-feed"), "", On::kNothing,
       SignedIn},
      {"POST", "/api/v1/me/calendar-feed", Fixed("/api/v1/me/calendar-feed"), "", On::kNothing,
       SignedIn},
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
    StartSuite("/tmp/guild-matrix-XXXXXX", kStartTime, MatrixFirm(),
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
  friend void Reseed();
};

void Reseed() {
  FirmChange change;
  change.upserts = GoalsSeed(service::testing::TestFirm());
  auto seq = AuthorizationMatrix::server_->services().writer().Commit({change, std::nullopt, ""});
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
}

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
        if (endpoint.before) endpoint.before();
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
        int refused = endpoint.refusal == Refusal::kForbidden ? 403 : 404;
        if (endpoint.refusal == Refusal::kHidden &&
            endpoint.visible(authorizer, *principal, resource)) {
          refused = 403;
        }
        if (allowed) {
          EXPECT_NE(reply.status, 401) << where;
          EXPECT_NE(reply.status, 403) << where;
          if (endpoint.refusal != Refusal::kForbidden) {
            EXPECT_NE(reply.status, 404) << where;
          }
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
