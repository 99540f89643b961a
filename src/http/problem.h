// RFC 9457 problem details: the one shape every HTTP error takes.
//
// Problem is a value; ProblemResponse renders it as application/problem+json:
// {"type":"https://guild.dev/problems/<code>","title","status","detail",
//  "errors":[{"field","location","expected","value"?,"line"?}]}.
// ProblemFromStatus is the single place that maps a Status code to an HTTP
// status.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/status.h"
#include "http/types.h"

namespace guild::http {

struct FieldError {
  std::string field;              //!< JSON field, query parameter or header name.
  std::string location = "body";  //!< "body", "query", "path" or "header".
  std::string expected;           //!< What would have been accepted.
  std::string value;              //!< Offending value (optional, may be empty).
  int line = 0;                   //!< 1-based line in the body; 0 when unknown.
};

struct Problem {
  int status = 500;
  std::string code = "internal";  //!< Slug appended to the type URI.
  std::string title;              //!< Short, stable summary of the problem type.
  std::string detail;             //!< What went wrong in this occurrence.
  std::vector<FieldError> errors;
};

//! The base URI of problem types.
inline constexpr std::string_view kProblemTypeBase = "https://guild.dev/problems/";

//! Problem with the standard title for `status` and code.
Problem MakeProblem(int status, std::string code, std::string detail);
//! Maps a Status: kInvalidArgument 400, kNotFound 404, kAlreadyExists 409,
//! kFailedPrecondition 409, kPermissionDenied 403, kUnauthenticated 401,
//! kResourceExhausted 429, kUnavailable 503, anything else 500; a
//! kFailedPrecondition found in a request header (location "header": an
//! If-Match that no longer holds) is 412 Precondition Failed. A 500's and
//! a 503's detail is a generic text, so internals (a database's address, a
//! failed query) do not leak; the status goes to LogServerError instead. A status that
//! says where it was found (Status::where()) gives one `errors` entry; its
//! location is `default_location` when the finder left it empty.
//! REQUIRES: !status.ok().
Problem ProblemFromStatus(const Status& status, std::string_view default_location = "body");
//! The problem rendered as JSON text.
std::string ProblemJson(const Problem& problem);
//! The problem as a Response (content type application/problem+json).
Response ProblemResponse(const Problem& problem);

//! Either a value of type T or a Problem; Result<T> for the HTTP edge.
template <typename T>
class [[nodiscard]] ProblemOr {
 public:
  ProblemOr(T value) : data_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  ProblemOr(Problem problem) : data_(std::move(problem)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(data_); }
  //! REQUIRES: !ok().
  const Problem& problem() const { return std::get<Problem>(data_); }
  //! REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }

 private:
  std::variant<T, Problem> data_;
};

}  // namespace guild::http
