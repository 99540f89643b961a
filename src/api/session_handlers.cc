// /session and /tokens: sign-in, sign-out, the current user, API tokens.
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

bool SecureCookie(const ApiServices& services, const http::Request& request) {
  if (services.options().cookie_security == CookieSecurity::kAlways) return true;
  auto proto = request.header("X-Forwarded-Proto");
  return proto && *proto == "https";
}

std::string SessionCookie(std::string_view value, int64_t max_age, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(value) +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

std::string SessionBody(const UserView& user, std::string_view csrf_token) {
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("user");
  WriteUser(w, user);
  w.Member("csrf_token", csrf_token).EndObject();
  return body;
}

http::Response SignIn(ApiServices& services, const http::Request& request) {
  auto json = JsonBody(request, services.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  std::string email, password;
  http::ObjectReader reader(json.value());
  reader.Required("email", email);
  reader.Required("password", password);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  const std::string address = ClientAddress(request);
  auto signed_in = services.sessions().SignIn(email, password, address);
  if (!signed_in.ok()) {
    http::Response refused = Fail(signed_in.status());
    if (signed_in.status().code() == StatusCode::kResourceExhausted) {
      refused.headers.emplace_back(
          "Retry-After",
          std::to_string(services.sessions().SignInRetryAfterSeconds(email, address)));
    }
    return refused;
  }
  UserView view = ViewOf(signed_in->user, *services.snapshots().Current());
  http::Response response = http::JsonResponse(SessionBody(view, signed_in->csrf_token));
  response.headers.emplace_back(
      "Set-Cookie",
      SessionCookie(signed_in->session_token, services.options().sessions.absolute_timeout_seconds,
                    SecureCookie(services, request)));
  response.cache_control = "no-store";
  return response;
}

http::Response CurrentSession(ApiServices& services, const http::Request&,
                              const Authenticated& who) {
  UserView view = ViewOf(who.user, *services.snapshots().Current());
  http::Response response = http::JsonResponse(SessionBody(view, who.csrf_token));
  response.cache_control = "no-store";
  return response;
}

http::Response SignOut(ApiServices& services, const http::Request& request,
                       const Authenticated& who) {
  if (who.method == AuthMethod::kSessionCookie) {
    Status status = services.sessions().SignOut(request.cookie(kSessionCookie).value_or(""));
    if (!status.ok()) return Fail(status);
  }
  http::Response response = http::NoContentResponse();
  response.headers.emplace_back("Set-Cookie",
                                SessionCookie("", 0, SecureCookie(services, request)));
  return response;
}

http::Response CreateToken(ApiServices& services, const http::Request& request,
                           const Authenticated& who) {
  auto json = JsonBody(request, services.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  NewApiTokenRequest input;
  std::optional<std::string> scope;
  std::optional<int> days;
  http::ObjectReader reader(json.value());
  reader.Required("name", input.name);
  reader.Optional("scope", scope);
  reader.Optional("expires_in_days", days);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  if (scope) {
    auto parsed = ParseTokenScope(*scope);
    if (!parsed) return BadParameter("scope", "body", "read or write", *scope);
    input.scope = *parsed;
  }
  if (days) input.expires_in_days = *days;
  auto created = services.sessions().CreateApiToken(who.principal, input);
  if (!created.ok()) return Fail(created.status());
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Member("id", created->record.id).Member("name", created->record.name);
  w.Member("scope", ToString(created->record.scope));
  w.Member("expires_at", Timestamp(created->record.expires_at.value_or(0)));
  w.Member("token", created->token).EndObject();
  http::Response response = http::JsonResponse(std::move(body), 201);
  response.cache_control = "no-store";
  return response;
}

http::Response ListTokens(ApiServices& services, const http::Request&, const Authenticated& who) {
  return ApiTokensResponse(services.sessions().ListApiTokens(who.principal));
}

http::Response DeleteToken(ApiServices& services, const http::Request& request,
                           const Authenticated& who) {
  Status status =
      services.sessions().DeleteApiToken(who.principal, request.param("id").value_or(""));
  if (!status.ok()) return Fail(status);
  return http::NoContentResponse();
}

}  // namespace

Status AddSessionRoutes(http::Router& router, ApiServices& s) {
  using namespace std::placeholders;
  http::RouteOptions open_to_anyone;
  open_to_anyone.admission = http::AdmitAnyone;
  RETURN_IF_ERROR(router.Post(
      "/api/v1/session", [&s](const http::Request& r) { return SignIn(s, r); }, open_to_anyone));
  RETURN_IF_ERROR(
      router.Get("/api/v1/session", Authed(s, std::bind(CurrentSession, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(router.Add(http::Method::kDelete, "/api/v1/session",
                             Authed(s, std::bind(SignOut, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Post("/api/v1/tokens", Authed(s, std::bind(CreateToken, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Get("/api/v1/tokens", Authed(s, std::bind(ListTokens, std::ref(s), _1, _2))));
  return router.Add(http::Method::kDelete, "/api/v1/tokens/{id}",
                    Authed(s, std::bind(DeleteToken, std::ref(s), _1, _2)));
}

}  // namespace guild::api::internal
