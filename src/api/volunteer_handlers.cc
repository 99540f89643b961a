// Volunteering: /me/openings (the open openings that fit the signed-in
// person, with why) and /openings/{id}/volunteer (PUT volunteers, DELETE
// withdraws). Parse the request, call the VolunteerService (which asks the
// Authorizer), shape JSON.
#include "api/internal/common.h"
#include "api/internal/refs.h"

namespace guild::api::internal {

void WriteOpeningForPerson(http::JsonWriter& w, const FirmSnapshot& s,
                           const OpeningForPerson& item) {
  const RefWriter refs(&s.data());
  const FirmData& d = s.data();
  const Opening& o = d.openings[item.opening];
  const Engagement& e = d.engagements[item.engagement];
  w.BeginObject().Member("id", o.id).Member("title", o.title);
  w.Key("engagement").BeginObject().Member("id", e.id).Member("name", e.name).EndObject();
  w.Member("start", FormatDate(o.start)).Member("end", FormatDate(o.end));
  w.Member("hours_per_week", o.hours_per_week).Member("seats_left", item.seats_left);
  w.Member("lead", o.lead).Member("fit", ToString(item.kind)).Member("why", item.why);
  w.Member("volunteered", item.volunteered).Key("skills").BeginArray();
  for (size_t i = 0; i < o.required.size(); ++i) {
    w.BeginObject().Key("skill");
    refs.Skill(w, o.required[i].skill_id);
    w.Member("min_level", o.required[i].min_level).Member("level", item.levels[i].level);
    w.Member("wants_to_grow", item.levels[i].wants_to_grow);
    w.Member("stretch", static_cast<int>(i) == item.stretch).EndObject();
  }
  w.EndArray().EndObject();
}

namespace {

http::Response MyOpenings(ApiServices& services, const http::Request& r, const Authenticated& who) {
  auto page = ReadPage(r);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto result = services.volunteers().Openings(who.principal, page.value());
  if (!result.ok()) return Fail(result.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("total", result->total).Key("items").BeginArray();
  for (const OpeningForPerson& item : result->items) {
    WriteOpeningForPerson(w, *result->snapshot, item);
  }
  w.EndArray();
  WriteNextCursor(w, result->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response VolunteerStateResponse(const VolunteerState& state) {
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("opening_id", state.opening_id).Member("person_id", state.person_id);
  w.Member("volunteered", state.volunteered).EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response PutVolunteer(ApiServices& services, const http::Request& r,
                            const Authenticated& who) {
  std::optional<std::string> note;
  if (!r.body.empty()) {
    auto json = JsonBody(r, services.options().max_json_bytes);
    if (!json.ok()) return http::ProblemResponse(json.problem());
    http::ObjectReader reader(json.value());
    reader.Optional("note", note);
    if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  }
  auto state =
      services.volunteers().Volunteer(who.principal, r.param("id").value_or(""), note.value_or(""));
  if (!state.ok()) return Fail(state.status(), "path");
  return VolunteerStateResponse(*state);
}

http::Response DeleteVolunteer(ApiServices& services, const http::Request& r,
                               const Authenticated& who) {
  auto state = services.volunteers().Withdraw(who.principal, r.param("id").value_or(""));
  if (!state.ok()) return Fail(state.status(), "path");
  return VolunteerStateResponse(*state);
}

}  // namespace

Status AddVolunteerRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kGet, "/api/v1/me/openings", MyOpenings},
      {http::Method::kPut, "/api/v1/openings/{id}/volunteer", PutVolunteer},
      {http::Method::kDelete, "/api/v1/openings/{id}/volunteer", DeleteVolunteer},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
