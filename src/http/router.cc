#include "http/router.h"

#include "http/problem.h"
#include "http/uri.h"

namespace guild::http {

std::optional<Response> AdmitAnyone(const Request&) { return std::nullopt; }

namespace {

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);  // leading '/'
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

Status CheckPattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    return InvalidArgument("route pattern '" + std::string(pattern) + "' must start with '/'");
  }
  for (std::string_view segment : SplitSegments(pattern)) {
    const bool braces = segment.find_first_of("{}") != std::string_view::npos;
    if (braces &&
        (!IsParameter(segment) ||
         segment.substr(1, segment.size() - 2).find_first_of("{}/") != std::string_view::npos)) {
      return InvalidArgument("route pattern '" + std::string(pattern) + "': segment '" +
                             std::string(segment) + "' must be a literal or {name}");
    }
  }
  return OkStatus();
}

bool MethodMatches(Method route_method, Method request_method) {
  return route_method == request_method ||
         (route_method == Method::kGet && request_method == Method::kHead);
}

// Number of literal segments when `pattern` matches `path`, -1 otherwise.
int MatchScore(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return -1;
  int literals = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsParameter(pattern[i])) {
      if (path[i].empty()) return -1;  // parameters are never empty
      continue;
    }
    if (pattern[i] != path[i]) return -1;
    ++literals;
  }
  return literals;
}

void AppendAllow(std::string& allow, Method method) {
  const std::string_view name = MethodName(method);
  if (allow.find(name) != std::string::npos) return;
  if (!allow.empty()) allow.append(", ");
  allow.append(name);
  if (method == Method::kGet) AppendAllow(allow, Method::kHead);
}

}  // namespace

Status Router::Add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  RETURN_IF_ERROR(CheckPattern(pattern));
  for (const Route& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      return AlreadyExists("route " + std::string(MethodName(method)) + " " + std::string(pattern) +
                           " is already registered");
    }
  }
  std::vector<std::string> segments;
  for (std::string_view segment : SplitSegments(pattern)) segments.emplace_back(segment);
  segments_.push_back(std::move(segments));
  routes_.push_back(
      Route{method, std::string(pattern), std::move(handler), options, routes_.size()});
  if (fallback_) fallback_->index = routes_.size();
  return OkStatus();
}

void Router::SetFallback(Handler handler, std::string api_prefix, RouteOptions options) {
  fallback_ = Route{Method::kGet, "/*static", std::move(handler), options, routes_.size()};
  api_prefix_ = std::move(api_prefix);
}

namespace {

// Decodes every segment of `raw_path` into `segments` and `match.path`;
// false (with match.kind = kBadPath) when a segment cannot be decoded.
bool DecodePath(std::string_view raw_path, std::vector<std::string>& segments, RouteMatch& match) {
  match.kind = RouteMatch::Kind::kBadPath;
  if (raw_path.empty() || raw_path.front() != '/') {
    match.error = "the path must start with '/'";
    return false;
  }
  for (std::string_view segment : SplitSegments(raw_path)) {
    auto text = PercentDecode(segment);
    if (!text.ok()) {
      match.error = "path segment '" + std::string(segment) + "': " + text.status().message();
      return false;
    }
    match.path.append("/").append(*text);
    segments.push_back(std::move(*text));
  }
  match.kind = RouteMatch::Kind::kNotFound;
  return true;
}

}  // namespace

const Route* Router::BestRoute(Method method, const std::vector<std::string>& path,
                               std::string& allow) const {
  const Route* best = nullptr;
  int best_score = -1;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const int score = MatchScore(segments_[i], path);
    if (score < 0) continue;
    if (!MethodMatches(routes_[i].method, method)) {
      AppendAllow(allow, routes_[i].method);
    } else if (score > best_score) {
      best_score = score;
      best = &routes_[i];
    }
  }
  return best;
}

RouteMatch Router::Match(Method method, std::string_view raw_path) const {
  RouteMatch match;
  std::vector<std::string> path;
  if (!DecodePath(raw_path, path, match)) return match;
  match.route = BestRoute(method, path, match.allow);
  if (match.route != nullptr) {
    match.kind = RouteMatch::Kind::kFound;
    const std::vector<std::string>& pattern = segments_[match.route->index];
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (!IsParameter(pattern[i])) continue;
      match.params.emplace_back(pattern[i].substr(1, pattern[i].size() - 2), std::move(path[i]));
    }
    return match;
  }
  if (!match.allow.empty()) {
    match.kind = RouteMatch::Kind::kMethodNotAllowed;
    return match;
  }
  const bool api_path = !api_prefix_.empty() && match.path.rfind(api_prefix_, 0) == 0;
  if (fallback_ && !api_path && MethodMatches(Method::kGet, method)) {
    match.kind = RouteMatch::Kind::kFound;
    match.route = &*fallback_;
  }
  return match;
}

std::vector<const Route*> Router::routes() const {
  std::vector<const Route*> all;
  for (const Route& route : routes_) all.push_back(&route);
  if (fallback_) all.push_back(&*fallback_);
  return all;
}

std::optional<Response> BindRoute(RouteMatch& match, Request& request) {
  switch (match.kind) {
    case RouteMatch::Kind::kBadPath:
      return ProblemResponse(
          MakeProblem(400, "bad_path", "The request path is invalid: " + match.error + "."));
    case RouteMatch::Kind::kNotFound:
      return ProblemResponse(MakeProblem(404, "not_found", "No resource at this path."));
    case RouteMatch::Kind::kMethodNotAllowed: {
      Response response = ProblemResponse(
          MakeProblem(405, "method_not_allowed", "Allowed methods: " + match.allow + "."));
      response.headers.emplace_back("Allow", match.allow);
      return response;
    }
    case RouteMatch::Kind::kFound: break;
  }
  request.path = std::move(match.path);
  request.route = match.route->pattern;
  request.params = std::move(match.params);
  const std::size_t question = request.target.find('?');
  if (question == std::string::npos) return std::nullopt;
  auto query = ParseQuery(std::string_view(request.target).substr(question + 1));
  if (!query.ok()) {
    Problem problem = MakeProblem(400, "bad_query", query.status().message());
    problem.errors.push_back(FieldError{"query", "query", "percent-encoded UTF-8", "", 0});
    return ProblemResponse(problem);
  }
  request.query_params = std::move(*query);
  return std::nullopt;
}

}  // namespace guild::http
