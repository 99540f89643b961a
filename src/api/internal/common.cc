#include "api/internal/common.h"

#include <charconv>
#include <cmath>

#include "domain/team_version.h"

namespace guild::api::internal {
namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

bool IsSafeMethod(http::Method method) {
  return method == http::Method::kGet || method == http::Method::kHead;
}

Result<Authenticated> Authenticate(ApiServices& services, const http::Request& request) {
  if (auto authorization = request.header("Authorization")) {
    if (!authorization->starts_with(kBearerPrefix)) {
      return Unauthenticated("Authorization: expected \"Bearer <api token>\"");
    }
    return services.sessions().AuthenticateApiToken(authorization->substr(kBearerPrefix.size()));
  }
  auto cookie = request.cookie(kSessionCookie);
  if (!cookie) return Unauthenticated("not signed in");
  return services.sessions().AuthenticateSession(*cookie);
}

}  // namespace

http::Response Fail(const Status& status, std::string_view default_location) {
  return http::ProblemResponse(http::ProblemFromStatus(status, default_location));
}

http::Problem FieldProblem(std::string_view name, std::string_view location,
                           std::string_view expected, std::string_view value) {
  // The detail leaves the value out: the errors entry carries it.
  Status status(StatusCode::kInvalidArgument,
                std::string(name) + ": expected " + std::string(expected),
                ErrorLocation{std::string(name), std::string(location), std::string(expected),
                              std::string(value), 0});
  return http::ProblemFromStatus(status);
}

std::string TeamEtag(const Team& team, std::string_view body) {
  const std::string content = http::StrongEtag(body);  // quoted
  return "\"" + TeamVersion(team) + "." + content.substr(1);
}

http::ProblemOr<std::vector<std::string>> ReadIfMatch(const http::Request& request) {
  std::vector<std::string> versions;
  const auto header = request.header("If-Match");
  if (!header) return versions;
  const auto bad = [&] {
    return FieldProblem("If-Match", "header",
                        "* or the ETag of GET /api/v1/teams/{id} (quoted; not weak)",
                        std::string(*header));
  };
  std::string_view rest = *header;
  const auto trim = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
  };
  if (trim(rest) == "*") return versions;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view tag = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"') return bad();
    const std::string_view opaque = tag.substr(1, tag.size() - 2);
    if (opaque.find('"') != std::string_view::npos) return bad();
    versions.emplace_back(opaque.substr(0, opaque.find('.')));
  }
  if (versions.empty()) return bad();
  return versions;
}

http::Response BadParameter(std::string_view name, std::string_view location,
                            std::string_view expected, std::string_view value) {
  return http::ProblemResponse(FieldProblem(name, location, expected, value));
}

Identity Identify(ApiServices& services, const http::Request& request) {
  auto who = Authenticate(services, request);
  if (!who.ok()) return Identity{std::nullopt, Fail(who.status())};
  // A read-only API token reads, nothing else (issue 27 item 5).
  if (who->scope == TokenScope::kRead && !IsSafeMethod(request.method)) {
    return Identity{std::nullopt,
                    http::ProblemResponse(http::MakeProblem(
                        403, "token_scope", "this API token is read-only (scope \"read\")"))};
  }
  if (who->method == AuthMethod::kSessionCookie && !IsSafeMethod(request.method)) {
    auto csrf = request.header(kCsrfHeader);
    if (!csrf || !ConstantTimeEquals(*csrf, who->csrf_token)) {
      http::Problem problem = http::MakeProblem(
          403, "csrf", "missing or wrong X-CSRF-Token header; send the csrf_token from sign-in");
      problem.errors.push_back(
          {std::string(kCsrfHeader), "header", "the session's csrf_token", "", 0});
      return Identity{std::nullopt, http::ProblemResponse(problem)};
    }
  }
  return Identity{std::move(who).value(), {}};
}

http::Handler Authed(ApiServices& services, AuthedHandler handler) {
  return [&services, handler = std::move(handler)](const http::Request& request) {
    Identity identity = Identify(services, request);
    if (!identity.who) return std::move(identity.refusal);
    http::Response response = handler(request, *identity.who);
    // What a signed-in user sees is theirs: no shared cache may keep it.
    if (response.cache_control.empty()) response.cache_control = "private, no-cache";
    return response;
  };
}

Status AddAuthedRoutes(http::Router& router, ApiServices& services,
                       std::span<const AuthedRoute> routes) {
  for (const AuthedRoute& route : routes) {
    ServiceHandler handler = route.handler;
    RETURN_IF_ERROR(router.Add(route.method, route.pattern,
                               Authed(services, [&services, handler](const http::Request& request,
                                                                     const Authenticated& who) {
                                 return handler(services, request, who);
                               })));
  }
  return OkStatus();
}

http::Admission SignedIn(ApiServices& services) {
  return [&services](const http::Request& request) -> std::optional<http::Response> {
    Identity identity = Identify(services, request);
    if (!identity.who) return std::move(identity.refusal);
    return std::nullopt;
  };
}

http::ProblemOr<nlohmann::json> JsonBody(const http::Request& request, size_t max_bytes) {
  auto type = request.header("Content-Type");
  std::string_view media = type ? type->substr(0, type->find(';')) : std::string_view();
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media != "application/json") {
    http::Problem problem =
        http::MakeProblem(415, "unsupported_media_type", "Content-Type: expected application/json");
    problem.errors.push_back(
        {"Content-Type", "header", "application/json", std::string(type.value_or("")), 0});
    return problem;
  }
  return http::ParseJsonBody(request.body, http::JsonLimits{max_bytes, 32});
}

http::ProblemOr<int> ReadInt(const http::Request& request, std::string_view name, int fallback,
                             int min, int max) {
  auto text = request.query(name);
  if (!text) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return FieldProblem(name, "query",
                        "an integer from " + std::to_string(min) + " to " + std::to_string(max),
                        *text);
  }
  return value;
}

http::ProblemOr<std::optional<Date>> ReadDate(const http::Request& request, std::string_view name) {
  auto text = request.query(name);
  if (!text) return std::optional<Date>();
  auto date = ParseDate(*text);
  if (!date) return FieldProblem(name, "query", "a date YYYY-MM-DD", *text);
  return std::optional<Date>(*date);
}

http::ProblemOr<std::optional<double>> ReadHours(const http::Request& r, std::string_view name) {
  auto text = r.query(name);
  if (!text) return std::optional<double>();
  double value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || !std::isfinite(value) ||
      value < 0) {
    return FieldProblem(name, "query", "a number of hours >= 0", *text);
  }
  return std::optional<double>(value);
}

http::ProblemOr<bool> ReadBool(const http::Request& r, std::string_view name) {
  auto text = r.query(name);
  if (!text || *text == "false") return false;
  if (*text == "true") return true;
  return FieldProblem(name, "query", "true or false", *text);
}

http::ProblemOr<skills::SkillNeed> ParseNeed(std::string_view text) {
  Result<skills::SkillNeed> need = skills::ParseSkillNeed(text, "need");
  if (!need.ok()) return http::ProblemFromStatus(need.status(), "query");
  return *std::move(need);
}

http::ProblemOr<PageRequest> ReadPage(const http::Request& request) {
  PageRequest page;
  if (auto limit = request.query("limit")) {
    int value = 0;
    auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (error != std::errc() || end != limit->data() + limit->size() || value < 1 ||
        value > kMaxPageLimit) {
      http::Problem problem =
          http::MakeProblem(400, "invalid_argument", "limit: expected an integer from 1 to 500");
      problem.errors.push_back(
          {"limit", "query", "an integer from 1 to 500", std::string(*limit), 0});
      return problem;
    }
    page.limit = value;
  }
  if (auto cursor = request.query("cursor")) page.cursor = std::string(*cursor);
  return page;
}

std::string Timestamp(int64_t seconds) { return FormatTimestamp(seconds); }

std::string ClientAddress(const http::Request& request) {
  const std::string& client = request.client;
  size_t colon = client.rfind(':');
  if (colon == std::string::npos) return client;
  std::string host = client.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

}  // namespace guild::api::internal
