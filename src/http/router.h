// Router: method + path pattern -> handler.
//
// Patterns are absolute paths whose segments are literals or `{name}`
// parameters, e.g. "/api/v1/people/{id}". Matching works on percent-decoded
// segments, so "/api/v1/people/a%2Fb" gives id "a/b". HEAD matches GET routes
// (the server drops the body). A route's handler runs on the server's worker
// pool unless the route asks to run inline on the I/O thread (only for cheap,
// non-blocking, in-memory handlers).
//
// Thread safety: build the router on one thread, then hand it to a Server;
// Match() is const and safe to call concurrently.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "http/types.h"

namespace guild::http {

enum class Execution {
  kWorker,  //!< Run on the worker pool (may block: store calls, hashing...).
  kInline,  //!< Run on the I/O thread; must not block or take long.
};

//! Decides from a request's line, headers, path parameters and query (its
//! body still unread and empty) whether to refuse it: a Response refuses it
//! (the server sends it and closes the connection without reading the body),
//! nullopt admits it. Runs where the route's handler runs; used to
//! authenticate and authorize before a large body is taken in.
using Admission = std::function<std::optional<Response>(const Request&)>;

//! An Admission that admits every request (routes open to anyone).
std::optional<Response> AdmitAnyone(const Request&);

struct RouteOptions {
  Execution execution = Execution::kWorker;
  //! Overrides ServerOptions::max_body_bytes for this route (e.g. imports).
  std::optional<std::size_t> max_body_bytes;
  //! Checked before the body of a request to this route is read; empty: the
  //! router's default (SetDefaultAdmission). Requests without a body skip it.
  Admission admission;
};

struct Route {
  Method method = Method::kGet;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::size_t index = 0;  //!< Position in registration order (metrics slot).
};

struct RouteMatch {
  enum class Kind { kFound, kNotFound, kMethodNotAllowed, kBadPath };
  Kind kind = Kind::kNotFound;
  const Route* route = nullptr;  //!< Set for kFound (may be the fallback).
  Fields params;                 //!< Decoded parameters for kFound.
  std::string path;              //!< The decoded path (empty for kBadPath).
  std::string allow;             //!< "GET, HEAD, POST" for kMethodNotAllowed.
  std::string error;             //!< Why the path is bad, for kBadPath.
};

class Router {
 public:
  //! Adds a route. Fails with kInvalidArgument on a pattern that is not
  //! absolute, has an empty or malformed `{}` segment, or a duplicate
  //! (method, pattern) pair; kAlreadyExists for the duplicate.
  Status Add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  Status Get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    return Add(Method::kGet, pattern, std::move(handler), options);
  }
  Status Post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    return Add(Method::kPost, pattern, std::move(handler), options);
  }
  //! Handles GET/HEAD requests that match no route and whose path does not
  //! start with `api_prefix` (e.g. StaticFiles). Replaces any earlier one.
  void SetFallback(Handler handler, std::string api_prefix = "/api/", RouteOptions options = {});

  //! The admission check of routes that set none (e.g. "signed in").
  void SetDefaultAdmission(Admission admission) { default_admission_ = std::move(admission); }
  //! The route's own admission check, else the default; may be empty.
  [[nodiscard]] const Admission& AdmissionFor(const Route& route) const {
    return route.options.admission ? route.options.admission : default_admission_;
  }

  //! Matches the path part of a request target (no query string).
  //! kBadPath when a segment has bad percent-encoding, a NUL or invalid UTF-8.
  RouteMatch Match(Method method, std::string_view raw_path) const;

  //! Every route in registration order, then the fallback if any.
  std::vector<const Route*> routes() const;

 private:
  //! The matching route with the most literal segments; collects the
  //! methods of routes matching the path but not the method into `allow`.
  const Route* BestRoute(Method method, const std::vector<std::string>& path,
                         std::string& allow) const;

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // parsed patterns, parallel to routes_
  std::optional<Route> fallback_;
  std::string api_prefix_;
  Admission default_admission_;
};

//! Binds `match` (from Router::Match on `request`'s path) to `request`,
//! whose method and target are set: for kFound it moves the decoded path and
//! parameters into `request`, sets its route and parses the query string into
//! `request.query_params`, and returns nothing. Otherwise it returns the
//! server's answer: 400 bad_path, 404 not_found, 405 with Allow, or 400
//! bad_query for a query string that is not percent-encoded UTF-8. The one
//! way a request meets its route (the server and the in-process API fuzzer).
std::optional<Response> BindRoute(RouteMatch& match, Request& request);

}  // namespace guild::http
