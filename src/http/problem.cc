#include "http/problem.h"

#include "http/access_log.h"
#include "http/json_writer.h"

namespace guild::http {
namespace {

std::string_view TitleFor(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 401: return "Not signed in";
    case 403: return "Forbidden";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 408: return "Request timeout";
    case 409: return "Conflict";
    case 412: return "Precondition failed";
    case 413: return "Request body too large";
    case 415: return "Unsupported media type";
    case 422: return "Unprocessable content";
    case 429: return "Too many requests";
    case 431: return "Request header fields too large";
    case 503: return "Service unavailable";
    default: return status >= 500 ? "Internal server error" : "Client error";
  }
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:  // a conflict either way
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

void WriteFieldError(JsonWriter& writer, const FieldError& error) {
  writer.BeginObject();
  writer.Member("field", error.field);
  writer.Member("location", error.location);
  writer.Member("expected", error.expected);
  if (!error.value.empty()) writer.Member("value", error.value);
  if (error.line > 0) writer.Member("line", error.line);
  writer.EndObject();
}

}  // namespace

Problem MakeProblem(int status, std::string code, std::string detail) {
  Problem problem;
  problem.status = status;
  problem.code = std::move(code);
  problem.title = std::string(TitleFor(status));
  problem.detail = std::move(detail);
  return problem;
}

Problem ProblemFromStatus(const Status& status, std::string_view default_location) {
  const int http_status = HttpStatusFor(status.code());
  // A 500 or 503 tells the client nothing about internals (a database's
  // address and port, a failed query): the detail goes to the error log.
  if (http_status == 500) {
    LogServerError(status.ToString());
    return MakeProblem(500, "internal", "The server failed to handle the request.");
  }
  if (http_status == 503) {
    LogServerError(status.ToString());
    return MakeProblem(503, "unavailable",
                       "The service is temporarily unavailable; try again shortly.");
  }
  const ErrorLocation* where = status.where();
  // A condition of the request's own headers (If-Match) that no longer holds.
  if (status.code() == StatusCode::kFailedPrecondition && where != nullptr &&
      where->location == "header") {
    Problem problem = MakeProblem(412, "precondition_failed", status.message());
    problem.errors.push_back({where->field, where->location, where->expected, where->value, 0});
    return problem;
  }
  Problem problem = MakeProblem(http_status, StatusCodeName(status.code()), status.message());
  if (where != nullptr) {
    problem.errors.push_back(
        {where->field, where->location.empty() ? std::string(default_location) : where->location,
         where->expected, where->value, where->line});
  }
  return problem;
}

std::string ProblemJson(const Problem& problem) {
  std::string body;
  JsonWriter writer(body);
  writer.BeginObject();
  writer.Member("type", std::string(kProblemTypeBase) + problem.code);
  writer.Member("title", problem.title);
  writer.Member("status", problem.status);
  writer.Member("detail", problem.detail);
  if (!problem.errors.empty()) {
    writer.Key("errors").BeginArray();
    for (const FieldError& error : problem.errors) WriteFieldError(writer, error);
    writer.EndArray();
  }
  writer.EndObject();
  return body;
}

Response ProblemResponse(const Problem& problem) {
  Response response;
  response.status = problem.status;
  response.content_type = std::string(kProblemContentType);
  response.body = ProblemJson(problem);
  response.cache_control = "no-store";
  return response;
}

}  // namespace guild::http
