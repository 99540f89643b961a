// Reading JSON request bodies safely, and turning objects into typed structs.
//
// ParseJsonBody checks size, UTF-8 and nesting depth before parsing, so a
// hostile body cannot exhaust memory or the stack. ObjectReader then reads
// the fields a handler expects, collecting every problem (missing field,
// wrong type, unknown field) into one 400 problem naming each field:
//
//   ObjectReader reader(json);
//   reader.Required("email", request.email);
//   reader.Optional("person_id", request.person_id);   // std::optional<T>
//   const nlohmann::json* nested = nullptr;             // any value, read further
//   reader.Required("options", nested);
//   if (auto problem = reader.Finish()) return ProblemResponse(*problem);
//
// JSON stays at the HTTP edge: handlers convert to typed structs right here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/problem.h"

namespace guild::http {

struct JsonLimits {
  std::size_t max_bytes = 1 << 20;  //!< Larger bodies give 413.
  int max_depth = 32;               //!< Deeper nesting of [ and { gives 400.
};

//! Parses `body`. Problems (status 400 unless noted): empty body, more than
//! max_bytes (413), invalid UTF-8 (line given), nesting deeper than
//! max_depth, or a syntax error (line given).
ProblemOr<nlohmann::json> ParseJsonBody(std::string_view body, const JsonLimits& limits = {});

class ObjectReader {
 public:
  //! `value` must outlive the reader. A non-object value is reported by Finish().
  explicit ObjectReader(const nlohmann::json& value, std::string location = "body");

  //! Reads a field that must be present (and not null).
  template <typename T>
  void Required(std::string_view field, T& out) {
    const nlohmann::json* value = Take(field);
    if (value == nullptr || value->is_null()) {
      AddError(field, Expected(out), "missing");
      return;
    }
    Read(field, *value, out);
  }

  //! Reads a field that may be absent or null (then `out` is reset).
  template <typename T>
  void Optional(std::string_view field, std::optional<T>& out) {
    const nlohmann::json* value = Take(field);
    if (value == nullptr || value->is_null()) {
      out.reset();
      return;
    }
    T parsed{};
    if (Read(field, *value, parsed)) out = std::move(parsed);
  }

  //! The 400 problem listing every error plus unknown fields; nullopt if none.
  std::optional<Problem> Finish();

 private:
  const nlohmann::json* Take(std::string_view field);
  void AddError(std::string_view field, std::string_view expected, std::string value);
  bool Read(std::string_view field, const nlohmann::json& value, std::string& out);
  bool Read(std::string_view field, const nlohmann::json& value, bool& out);
  bool Read(std::string_view field, const nlohmann::json& value, std::int64_t& out);
  bool Read(std::string_view field, const nlohmann::json& value, int& out);
  bool Read(std::string_view field, const nlohmann::json& value, double& out);
  bool Read(std::string_view field, const nlohmann::json& value, std::vector<std::string>& out);
  bool Read(std::string_view field, const nlohmann::json& value,
            std::map<std::string, std::string>& out);
  //! Any value, for the caller to read further (a nested object or array).
  bool Read(std::string_view field, const nlohmann::json& value, const nlohmann::json*& out) {
    out = &value;
    return true;
  }
  static std::string_view Expected(const std::string&) { return "a string"; }
  static std::string_view Expected(const bool&) { return "true or false"; }
  static std::string_view Expected(const std::int64_t&) { return "an integer"; }
  static std::string_view Expected(const int&) { return "a 32-bit integer"; }
  static std::string_view Expected(const double&) { return "a number"; }
  static std::string_view Expected(const std::vector<std::string>&) {
    return "an array of strings";
  }
  static std::string_view Expected(const std::map<std::string, std::string>&) {
    return "an object whose values are strings";
  }
  static std::string_view Expected(const nlohmann::json* const&) { return "a JSON value"; }

  const nlohmann::json& value_;
  std::string location_;
  std::vector<std::string> seen_;
  std::vector<FieldError> errors_;
};

}  // namespace guild::http
