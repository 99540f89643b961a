// Shared machinery of the API handlers: authentication, request parsing,
// error responses and JSON views of domain values.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "api/api.h"
#include "http/json_reader.h"
#include "http/json_writer.h"
#include "http/problem.h"
#include "http/types.h"

namespace guild::api::internal {

inline constexpr std::string_view kSessionCookie = "guild_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

//! The problem response for a failed Status (http::ProblemFromStatus): a
//! status made with InvalidField names its field, at `default_location`
//! ("query", "path", "body") unless the status says where.
http::Response Fail(const Status& status, std::string_view default_location = "body");
//! A 400 problem naming one field ("name: expected ...") and where it stands
//! ("query", "path", "body").
http::Problem FieldProblem(std::string_view name, std::string_view location,
                           std::string_view expected, std::string_view value);
//! The response of FieldProblem: a 400 naming one query or path parameter.
http::Response BadParameter(std::string_view name, std::string_view location,
                            std::string_view expected, std::string_view value);

using AuthedHandler = std::function<http::Response(const http::Request&, const Authenticated&)>;

//! Who sent a request: the signed-in user, or the response refusing it.
struct Identity {
  std::optional<Authenticated> who;
  http::Response refusal;  //!< set when `who` is empty
};

//! The caller of `request`: 401 without a valid session cookie or bearer
//! token; 403 when a cookie-authenticated request other than GET/HEAD lacks
//! the right X-CSRF-Token. Reads only headers, never the body.
Identity Identify(ApiServices& services, const http::Request& request);

//! Wraps a handler that needs a signed-in user (Identify's refusals).
http::Handler Authed(ApiServices& services, AuthedHandler handler);

//! A handler file's handler of a signed-in user's request.
using ServiceHandler = http::Response (*)(ApiServices&, const http::Request&, const Authenticated&);
//! One route of a handler file.
struct AuthedRoute {
  http::Method method;
  const char* pattern;
  ServiceHandler handler;
};
//! Adds every route, each handler wrapped in Authed with `services`.
Status AddAuthedRoutes(http::Router& router, ApiServices& services,
                       std::span<const AuthedRoute> routes);

//! The API routes' default admission (http::Admission): Identify's refusals
//! before any body byte is read, so a signed-out client cannot make the
//! server read a large body.
http::Admission SignedIn(ApiServices& services);

//! Parses a JSON body: 415 unless Content-Type is application/json, then the
//! size/UTF-8/depth/syntax checks of http::ParseJsonBody.
http::ProblemOr<nlohmann::json> JsonBody(const http::Request& request, size_t max_bytes);

//! `limit` and `cursor` from the query string; 400 naming the parameter.
http::ProblemOr<PageRequest> ReadPage(const http::Request& request);
//! Query parameter `name` as an integer in [min, max]; `fallback` when absent,
//! a 400 naming the parameter and the range when malformed or out of range.
http::ProblemOr<int> ReadInt(const http::Request& request, std::string_view name, int fallback,
                             int min, int max);
//! Query parameter `name` as a date YYYY-MM-DD; nullopt when absent, a 400
//! naming the parameter when malformed.
http::ProblemOr<std::optional<Date>> ReadDate(const http::Request& request, std::string_view name);

//! A team's entity tag: "VERSION.BODY" (quoted), VERSION its TeamVersion
//! and BODY the content hash of the response `body` (http::StrongEtag), so
//! a cached body is revalidated when anything in it changes and If-Match
//! compares the team alone.
std::string TeamEtag(const Team& team, std::string_view body);
//! The team versions named by the If-Match header of a team write: empty
//! when it is absent or "*" (any current team); else each listed strong
//! entity tag's VERSION (TeamEtag). A weak (W/) or malformed tag is a 400
//! naming the If-Match header.
http::ProblemOr<std::vector<std::string>> ReadIfMatch(const http::Request& request);

//! Query parameter `name` as hours >= 0; nullopt when absent.
http::ProblemOr<std::optional<double>> ReadHours(const http::Request& r, std::string_view name);
//! Query parameter `name` as true or false; false when absent.
http::ProblemOr<bool> ReadBool(const http::Request& r, std::string_view name);
//! A `need` query value "SKILL[:LEVEL]": the level is the text after the last
//! ':' when it is all digits (1 to 5), else 1; a 400 naming "need" otherwise.
http::ProblemOr<skills::SkillNeed> ParseNeed(std::string_view text);

//! Seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string Timestamp(int64_t seconds);
//! The client's address without the port ("10.0.0.1:5555" -> "10.0.0.1").
std::string ClientAddress(const http::Request& request);

// JSON views (docs/API.md "Shapes").
void WriteUser(http::JsonWriter& w, const UserView& user);
//! {"items":[{"id","name","scope","created_at","expires_at","last_used_at"}]}:
//! never the secrets; or the problem of a failed listing.
http::Response ApiTokensResponse(const Result<std::vector<ApiTokenRecord>>& tokens);
void WritePersonSummary(http::JsonWriter& w, const Person& person);
void WritePersonDetail(http::JsonWriter& w, const Person& person, bool detail_visible);
//! A reference to a person inside another shape (schema PersonRef):
//! {"id", "name", "grade", "practice", "office"}, or null for an empty id.
//! An id the snapshot does not hold gives {"id", "name": id}.
void WritePersonRef(http::JsonWriter& w, const FirmSnapshot& snapshot, std::string_view id);
//! The same, given the person (null when the firm does not hold `id`).
void WritePersonRef(http::JsonWriter& w, std::string_view id, const Person* person);
void WritePersonSkill(http::JsonWriter& w, const FirmSnapshot& snapshot, uint32_t rating);
void WriteTeamSummary(http::JsonWriter& w, const FirmSnapshot& snapshot, uint32_t team);
//! An opening as one person could take it (schema OpeningForMe).
void WriteOpeningForPerson(http::JsonWriter& w, const FirmSnapshot& snapshot,
                           const OpeningForPerson& item);
//! `"next_cursor": "..."` or null.
void WriteNextCursor(http::JsonWriter& w, const std::string& next_cursor);

// Route registration, one function per group of endpoints.
Status AddSessionRoutes(http::Router& router, ApiServices& services);
Status AddDirectoryRoutes(http::Router& router, ApiServices& services);
//! /skills/suggest|search|market|{id}/remedies, /people/{id}/growth|gaps, /roles,
//! /teams/{id}/coverage, /mentoring-round (skills_handlers.cc).
Status AddSkillsRoutes(http::Router& router, ApiServices& services);
//! /people/{id}/skill-ratings: read, give, remove (skill_ratings_handlers.cc).
Status AddSkillRatingsRoutes(http::Router& router, ApiServices& services);
//! /staffing/openings|plans|plans/{id}|plans/{id}/accept|plans/{id}/assignments/{key}|
//! market|capacity (staffing_handlers.cc).
Status AddStaffingRoutes(http::Router& router, ApiServices& services);
Status AddAdminRoutes(http::Router& router, ApiServices& services);
//! /teams/{id}/network, /network, /clients, /clients/{id}/coverage,
//! /team-formation (network_handlers.cc).
Status AddNetworkRoutes(http::Router& router, ApiServices& services);
//! Purpose, goals and roles (goals_handlers.cc; docs/API.md "Goals and roles").
Status AddGoalsRoutes(http::Router& router, ApiServices& services);
//! Feedback requests and the inbox (feedback_handlers.cc; docs/FEEDBACK.md).
Status AddFeedbackRoutes(http::Router& router, ApiServices& services);
//! Mentorships: ask, accept, decline, end, review date (mentoring_handlers.cc).
Status AddMentoringRoutes(http::Router& router, ApiServices& services);
//! Check-ins, routed questions, nudges and trends (checkins_handlers.cc;
//! docs/CHECKINS.md).
Status AddCheckinsRoutes(http::Router& router, ApiServices& services);
//! /me/openings, /openings/{id}/volunteer (volunteer_handlers.cc).
Status AddVolunteerRoutes(http::Router& router, ApiServices& services);
//! The calendar feed and its rotation (calendar_handlers.cc;
//! docs/NOTIFICATIONS.md).
Status AddCalendarRoutes(http::Router& router, ApiServices& services);

}  // namespace guild::api::internal
