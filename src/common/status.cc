#include "common/status.h"

namespace guild {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kResourceExhausted: return "resource_exhausted";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status InvalidField(std::string field, std::string expected, std::string value,
                    std::string location) {
  std::string message = field + ": expected " + expected;
  if (!value.empty()) message += ", got " + value;
  return {StatusCode::kInvalidArgument, std::move(message),
          ErrorLocation{std::move(field), std::move(location), std::move(expected),
                        std::move(value), 0}};
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace guild
