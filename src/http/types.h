// Request and Response: the plain values a Guild HTTP handler sees.
//
// A Handler is `Response(const Request&)`. Both types are plain data so that
// handlers can be unit-tested without a server: build a Request, call the
// handler, inspect the Response. Header names compare case-insensitively.
//
// Thread safety: values; a Request is read by exactly one handler call.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guild::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

//! "GET", "HEAD", ...; "OTHER" for kOther.
std::string_view MethodName(Method method);
//! Parses an upper-case method token; kOther when unknown.
Method ParseMethod(std::string_view token);

//! Ordered name/value pairs. Duplicates are kept in arrival order.
using Fields = std::vector<std::pair<std::string, std::string>>;

//! The first value whose name equals `name` exactly; nullopt when absent.
std::optional<std::string_view> FindField(const Fields& fields, std::string_view name);
//! Like FindField but ASCII case-insensitive (for header names).
std::optional<std::string_view> FindHeader(const Fields& headers, std::string_view name);

struct Request {
  Method method = Method::kGet;
  std::string target;      //!< Raw request target, e.g. "/api/v1/people?limit=50".
  std::string path;        //!< Percent-decoded path, e.g. "/api/v1/people".
  std::string route;       //!< Matched pattern, e.g. "/api/v1/people/{id}"; empty if none.
  Fields params;           //!< Decoded path parameters by pattern name.
  Fields query_params;     //!< Decoded query parameters in order ('+' is a space).
  Fields headers;          //!< Header name/value pairs as received.
  std::string body;        //!< Raw body bytes (already within the size limit).
  std::string client;      //!< Peer address "ip:port".
  std::string request_id;  //!< From a valid X-Request-Id header, else generated.

  std::optional<std::string_view> param(std::string_view name) const {
    return FindField(params, name);
  }
  std::optional<std::string_view> query(std::string_view name) const {
    return FindField(query_params, name);
  }
  std::optional<std::string_view> header(std::string_view name) const {
    return FindHeader(headers, name);
  }
  //! The value of cookie `name` from the Cookie header(s); nullopt when absent.
  std::optional<std::string_view> cookie(std::string_view name) const;
};

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";
inline constexpr std::string_view kProblemContentType = "application/problem+json";

struct Response {
  int status = 200;
  std::string content_type{kJsonContentType};
  std::string body;
  //! Extra headers (Set-Cookie, Location, ...). The server adds Content-Type,
  //! Content-Length, ETag, Cache-Control, security headers and X-Request-Id.
  Fields headers;
  //! Strong ETag including quotes. Empty: the server computes one from the
  //! body for a 200 answer to GET/HEAD, and answers 304 on a matching
  //! If-None-Match.
  std::string etag;
  //! Empty: the server's default (ServerOptions::default_cache_control).
  std::string cache_control;
};

using Handler = std::function<Response(const Request&)>;

//! A 200 (or `status`) response with a JSON body.
Response JsonResponse(std::string body, int status = 200);
//! A response with the given content type.
Response TextResponse(std::string body, std::string_view content_type, int status = 200);
//! 204 No Content.
Response NoContentResponse();

//! A strong ETag for `body`: a quoted 64-bit content hash plus the length.
std::string StrongEtag(std::string_view body);
//! True when an If-None-Match header value matches `etag` (weak comparison
//! as RFC 9110 requires for If-None-Match; "*" matches anything).
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace guild::http
