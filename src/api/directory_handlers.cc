// /me, /people, /skills, /teams: reads answered from the firm snapshot.
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

void WriteProfileParts(http::JsonWriter& w, const PersonProfile& profile) {
  const FirmSnapshot& s = *profile.snapshot;
  w.Key("skills").BeginArray();
  for (uint32_t rating : profile.skills) WritePersonSkill(w, s, rating);
  w.EndArray().Key("teams").BeginArray();
  for (uint32_t team : profile.teams) WriteTeamSummary(w, s, team);
  w.EndArray();
}

http::Response Me(ApiServices& services, const http::Request&, const Authenticated& who) {
  auto home = services.directory().Me(who.principal);
  if (!home.ok()) return Fail(home.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("user");
  WriteUser(w, ViewOf(who.user, *home->snapshot));
  w.Key("person");
  if (home->profile) {
    WritePersonSummary(w, home->snapshot->data().people[home->profile->person]);
    WriteProfileParts(w, *home->profile);
  } else {
    w.Null().Key("skills").BeginArray().EndArray().Key("teams").BeginArray().EndArray();
  }
  w.Key("actions").BeginArray();
  for (const Action& action : home->actions) {
    w.BeginObject().Member("kind", action.kind).Member("title", action.title);
    w.Member("href", action.href).EndObject();
  }
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ListPeople(ApiServices& services, const http::Request& request,
                          const Authenticated& who) {
  auto page = ReadPage(request);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  PeopleQuery query;
  query.q = request.query("q").value_or("");
  query.practice = request.query("practice").value_or("");
  query.office = request.query("office").value_or("");
  query.grade = request.query("grade").value_or("");
  query.page = page.value();
  auto people = services.directory().ListPeople(who.principal, query);
  if (!people.ok()) return Fail(people.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (uint32_t p : people->items) WritePersonSummary(w, people->snapshot->data().people[p]);
  w.EndArray();
  WriteNextCursor(w, people->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

void WriteFacet(http::JsonWriter& w, std::string_view key, const std::vector<FacetValue>& values) {
  w.Key(key).BeginArray();
  for (const FacetValue& v : values) {
    w.BeginObject().Member("value", v.value).Member("count", v.count).EndObject();
  }
  w.EndArray();
}

http::Response PeopleFacetsOf(ApiServices& services, const http::Request&,
                              const Authenticated& who) {
  auto facets = services.directory().Facets(who.principal);
  if (!facets.ok()) return Fail(facets.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject();
  WriteFacet(w, "practices", (*facets)->practices);
  WriteFacet(w, "offices", (*facets)->offices);
  WriteFacet(w, "grades", (*facets)->grades);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response GetPerson(ApiServices& services, const http::Request& request,
                         const Authenticated& who) {
  auto profile = services.directory().GetPerson(who.principal, request.param("id").value_or(""));
  if (!profile.ok()) return Fail(profile.status(), "query");
  const auto& people = profile->snapshot->data().people;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("person");
  WritePersonDetail(w, people[profile->person], profile->detail_visible);
  WriteProfileParts(w, *profile);
  w.Key("manager");
  if (profile->manager) {
    WritePersonSummary(w, people[*profile->manager]);
  } else {
    w.Null();
  }
  w.Key("reports").BeginArray();
  for (uint32_t report : profile->reports) WritePersonSummary(w, people[report]);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ListSkills(ApiServices& services, const http::Request& request,
                          const Authenticated& who) {
  auto page = ReadPage(request);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto skills =
      services.directory().ListSkills(who.principal, request.query("q").value_or(""), page.value());
  if (!skills.ok()) return Fail(skills.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (uint32_t i : skills->items) {
    const Skill& skill = skills->snapshot->data().skills[i];
    w.BeginObject().Member("id", skill.id).Member("name", skill.name);
    w.Member("description", skill.description).Member("source", ToString(skill.source));
    w.Member("kind", ToString(skill.kind)).Key("broader_id");
    if (skill.broader_id.empty()) {
      w.Null();
    } else {
      w.String(skill.broader_id);
    }
    w.EndObject();
  }
  w.EndArray();
  WriteNextCursor(w, skills->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ListTeams(ApiServices& services, const http::Request& request,
                         const Authenticated& who) {
  auto page = ReadPage(request);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto teams = services.directory().ListTeams(who.principal, page.value());
  if (!teams.ok()) return Fail(teams.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (uint32_t t : teams->items) WriteTeamSummary(w, *teams->snapshot, t);
  w.EndArray();
  WriteNextCursor(w, teams->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response GetTeam(ApiServices& services, const http::Request& request,
                       const Authenticated& who) {
  auto team = services.directory().GetTeam(who.principal, request.param("id").value_or(""));
  if (!team.ok()) return Fail(team.status(), "query");
  const FirmSnapshot& s = *team->snapshot;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("team");
  WriteTeamSummary(w, s, team->team);
  w.Member("purpose", s.data().teams[team->team].purpose).Key("leader");
  if (team->leader) {
    WritePersonSummary(w, s.data().people[*team->leader]);
  } else {
    w.Null();
  }
  w.Key("members").BeginArray();
  for (const auto& [person, role] : team->members) {
    w.BeginObject().Key("person");
    WritePersonSummary(w, s.data().people[person]);
    w.Member("role", role).EndObject();
  }
  w.EndArray().EndObject();
  // The team's version in its ETag: the team writes honour If-Match with it.
  std::string etag = TeamEtag(s.data().teams[team->team], body);
  http::Response response = http::JsonResponse(std::move(body));
  response.etag = std::move(etag);
  return response;
}

}  // namespace

Status AddDirectoryRoutes(http::Router& router, ApiServices& s) {
  using namespace std::placeholders;
  RETURN_IF_ERROR(router.Get("/api/v1/me", Authed(s, std::bind(Me, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Get("/api/v1/people", Authed(s, std::bind(ListPeople, std::ref(s), _1, _2))));
  // The literal segment wins over {id} (the router prefers more literals).
  RETURN_IF_ERROR(router.Get("/api/v1/people/facets",
                             Authed(s, std::bind(PeopleFacetsOf, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Get("/api/v1/people/{id}", Authed(s, std::bind(GetPerson, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Get("/api/v1/skills", Authed(s, std::bind(ListSkills, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Get("/api/v1/teams", Authed(s, std::bind(ListTeams, std::ref(s), _1, _2))));
  return router.Get("/api/v1/teams/{id}", Authed(s, std::bind(GetTeam, std::ref(s), _1, _2)));
}

}  // namespace guild::api::internal
