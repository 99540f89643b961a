// Errors as values: Status and Result<T>.
//
// Every function that can fail at a module boundary returns a Status or a
// Result<T>. Exceptions never cross a module boundary. The code is the most
// specific that fits: kInvalidArgument for bad input, kFailedPrecondition for
// bad state, kNotFound, kAlreadyExists, kPermissionDenied, kUnauthenticated,
// kResourceExhausted, kUnavailable, kInternal for bugs and I/O failures.
//
// Thread safety: Status and Result are values; distinct objects may be used
// from different threads.
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace guild {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

//! Returns a stable lower-case name for `code` ("invalid_argument", ...).
const char* StatusCodeName(StatusCode code);

//! Where a bad-input error was found, set by the code that finds it (never
//! recovered from the message text). The edges render it: the HTTP layer as
//! a problem+json `errors` entry (http/problem.h), the CLI as its message.
struct ErrorLocation {
  std::string field;     //!< JSON member path ("options.horizon_weeks"), parameter or column
  std::string location;  //!< "body", "query", "path", "header"; empty: the edge's default
  std::string expected;  //!< what would have been accepted
  std::string value;     //!< the offending value, when worth echoing; may be empty
  int line = 0;          //!< 1-based line in a file or body; 0 when unknown
};

class [[nodiscard]] Status {
 public:
  //! An OK status.
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  //! A status that also says where the error was found.
  Status(StatusCode code, std::string message, ErrorLocation where)
      : code_(code),
        message_(std::move(message)),
        where_(std::make_shared<const ErrorLocation>(std::move(where))) {}

  [[nodiscard]] bool ok() const { return code_ == StatusCode::kOk; }
  [[nodiscard]] StatusCode code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  //! Where the error was found; nullptr when the finder did not say.
  [[nodiscard]] const ErrorLocation* where() const { return where_.get(); }
  //! "invalid_argument: message" or "ok".
  [[nodiscard]] std::string ToString() const;
  //! Marks an ignored status as deliberately ignored.
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::shared_ptr<const ErrorLocation> where_;  // immutable, so copies may share it
};

inline Status OkStatus() { return {}; }
inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status Unauthenticated(std::string m) {
  return {StatusCode::kUnauthenticated, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

//! kInvalidArgument naming the bad field: the message is
//! "<field>: expected <expected>" (", got <value>" when a value is given).
//! `location` is "body", "query", "path" or "header", or empty when the
//! finder does not know where the field came from (the edge decides).
Status InvalidField(std::string field, std::string expected, std::string value = {},
                    std::string location = {});

//! Either a value of type T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok());
  }

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(data_); }
  //! The error; OK when a value is held.
  [[nodiscard]] Status status() const { return ok() ? Status() : std::get<Status>(data_); }
  //! REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace guild

#define GUILD_CONCAT_INNER(a, b) a##b
#define GUILD_CONCAT(a, b) GUILD_CONCAT_INNER(a, b)

//! Returns from the enclosing function when `expr` yields a non-OK Status.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    ::guild::Status guild_status_ = (expr);        \
    if (!guild_status_.ok()) return guild_status_; \
  } while (false)

// `lhs` is a declaration ("auto x"), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

//! `ASSIGN_OR_RETURN(auto x, F());` declares x from a Result or returns its error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(GUILD_CONCAT(guild_result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
