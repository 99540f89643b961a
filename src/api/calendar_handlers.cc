// The calendar feed (docs/NOTIFICATIONS.md, "Calendar feed"):
// GET /api/v1/calendar/{token}.ics with no session (the token is the
// credential), GET /api/v1/me/calendar-feed (whether I have one, and since
// when; never its URL) and POST /api/v1/me/calendar-feed to get a new token.
#include <string>

#include "api/api.h"
#include "api/internal/common.h"
#include "http/json_writer.h"
#include "io/icalendar.h"

namespace guild::api::internal {

namespace {

constexpr std::string_view kFeedPath = "/api/v1/calendar/";
constexpr std::string_view kIcsSuffix = ".ics";
constexpr std::string_view kCalendarType = "text/calendar; charset=utf-8";

http::Response Feed(ApiServices& services, const http::Request& request) {
  const std::string_view file = request.param("file").value_or("");
  const Status unknown = NotFound("calendar feed: no such feed");
  if (file.size() <= kIcsSuffix.size() ||
      file.substr(file.size() - kIcsSuffix.size()) != kIcsSuffix) {
    return Fail(unknown, "path");
  }
  auto calendar = services.calendar().Feed(file.substr(0, file.size() - kIcsSuffix.size()));
  if (!calendar.ok()) return Fail(calendar.status(), "path");
  http::Response response = http::TextResponse(io::WriteICalendar(*calendar), kCalendarType);
  response.cache_control = "private, no-store";
  return response;
}

http::Response RotateFeed(ApiServices& services, const http::Request&, const Authenticated& who) {
  auto token = services.calendar().RotateFeed(who.principal);
  if (!token.ok()) return Fail(token.status());
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("url", std::string(kFeedPath) + *token + std::string(kIcsSuffix));
  w.EndObject();
  http::Response response = http::JsonResponse(std::move(body), 201);
  response.cache_control = "no-store";
  return response;
}

http::Response FeedState(ApiServices& services, const http::Request&, const Authenticated& who) {
  auto created_at = services.calendar().FeedCreatedAt(who.principal);
  if (!created_at.ok()) return Fail(created_at.status());
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("exists", created_at->has_value()).Key("created_at");
  if (*created_at) {
    w.String(Timestamp(**created_at));
  } else {
    w.Null();
  }
  w.EndObject();
  http::Response response = http::JsonResponse(std::move(body));
  response.cache_control = "no-store";
  return response;
}

}  // namespace

Status AddCalendarRoutes(http::Router& router, ApiServices& s) {
  http::RouteOptions open_to_anyone;
  open_to_anyone.admission = http::AdmitAnyone;
  RETURN_IF_ERROR(router.Get(
      "/api/v1/calendar/{file}", [&s](const http::Request& r) { return Feed(s, r); },
      open_to_anyone));
  RETURN_IF_ERROR(router.Get("/api/v1/me/calendar-feed",
                             Authed(s, [&s](const http::Request& r, const Authenticated& who) {
                               return FeedState(s, r, who);
                             })));
  return router.Post("/api/v1/me/calendar-feed",
                     Authed(s, [&s](const http::Request& r, const Authenticated& who) {
                       return RotateFeed(s, r, who);
                     }));
}

}  // namespace guild::api::internal
