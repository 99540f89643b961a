#include "http/json_reader.h"

#include <algorithm>
#include <limits>

#include "common/json_text.h"
#include "http/internal/utf8.h"

namespace guild::http {
namespace {

using nlohmann::json;

Problem BodyProblem(int line, std::string expected, std::string detail) {
  Problem problem = MakeProblem(400, "malformed_json", std::move(detail));
  FieldError error;
  error.field = "body";
  error.expected = std::move(expected);
  error.line = line;
  problem.errors.push_back(std::move(error));
  return problem;
}

// The 400 for a number no double holds, naming the field that holds it.
Problem NumberProblem(std::string_view body, const JsonNumberOutOfRange& number) {
  FieldError error;
  error.field = number.keys.empty() ? "body" : number.keys.front();
  error.location = "body";
  error.expected = std::string(kDoubleRangeExpected);
  error.value = std::string(body.substr(number.offset, std::min<std::size_t>(number.length, 40)));
  error.line = LineOfOffset(body, number.offset);
  Problem problem = MakeProblem(400, "invalid_field", error.field + ": expected " + error.expected);
  problem.errors.push_back(std::move(error));
  return problem;
}

std::string Shorten(const json& value) {
  constexpr std::size_t kMaxShown = 40;
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

}  // namespace

ProblemOr<json> ParseJsonBody(std::string_view body, const JsonLimits& limits) {
  if (body.size() > limits.max_bytes) {
    return MakeProblem(413, "body_too_large",
                       "The JSON body has " + std::to_string(body.size()) +
                           " bytes; the limit is " + std::to_string(limits.max_bytes) + ".");
  }
  if (body.empty()) return BodyProblem(1, "a JSON value", "The request body is empty.");
  const std::size_t bad = internal::FirstInvalidUtf8(body);
  if (bad != body.size()) {
    return BodyProblem(LineOfOffset(body, bad), "UTF-8 text",
                       "The body is not valid UTF-8 at byte " + std::to_string(bad) + ".");
  }
  const JsonTextScan scan = ScanJsonText(body, limits.max_depth, 1);
  if (scan.too_deep_at) {
    const std::size_t deep = *scan.too_deep_at;
    return BodyProblem(LineOfOffset(body, deep),
                       "at most " + std::to_string(limits.max_depth) + " nested arrays/objects",
                       "The JSON nests too deeply at byte " + std::to_string(deep) + ".");
  }
  if (!scan.out_of_range.empty()) return NumberProblem(body, scan.out_of_range.front());
  try {
    return json::parse(body);
  } catch (const json::parse_error& error) {
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    return BodyProblem(LineOfOffset(body, offset), "valid JSON",
                       "The body is not valid JSON at byte " + std::to_string(offset) + ".");
  } catch (const json::exception&) {
    return BodyProblem(1, "valid JSON", "The body is not valid JSON.");
  }
}

ObjectReader::ObjectReader(const json& value, std::string location)
    : value_(value), location_(std::move(location)) {}

const json* ObjectReader::Take(std::string_view field) {
  seen_.emplace_back(field);
  if (!value_.is_object()) return nullptr;
  const auto it = value_.find(field);
  return it == value_.end() ? nullptr : &*it;
}

void ObjectReader::AddError(std::string_view field, std::string_view expected, std::string value) {
  if (!value_.is_object()) return;  // reported once by Finish()
  FieldError error;
  error.field = std::string(field);
  error.location = location_;
  error.expected = std::string(expected);
  error.value = std::move(value);
  errors_.push_back(std::move(error));
}

bool ObjectReader::Read(std::string_view field, const json& value, std::string& out) {
  if (!value.is_string()) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out = value.get<std::string>();
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value, bool& out) {
  if (!value.is_boolean()) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out = value.get<bool>();
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value, std::int64_t& out) {
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() <= std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
    out = static_cast<std::int64_t>(value.get<std::uint64_t>());
    return true;
  }
  if (!value.is_number_integer() || value.is_number_unsigned()) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out = value.get<std::int64_t>();
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value, int& out) {
  constexpr std::int64_t kMin = std::numeric_limits<int>::min();
  constexpr std::int64_t kMax = std::numeric_limits<int>::max();
  const bool fits = value.is_number_unsigned()
                        ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax)
                        : value.is_number_integer() && value.get<std::int64_t>() >= kMin &&
                              value.get<std::int64_t>() <= kMax;
  if (!fits) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out = static_cast<int>(value.get<std::int64_t>());
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value, double& out) {
  if (!value.is_number()) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out = value.get<double>();
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value, std::vector<std::string>& out) {
  const bool all_strings =
      value.is_array() &&
      std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
  if (!all_strings) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out.clear();
  for (const json& item : value) out.push_back(item.get<std::string>());
  return true;
}

bool ObjectReader::Read(std::string_view field, const json& value,
                        std::map<std::string, std::string>& out) {
  const bool all_strings =
      value.is_object() &&
      std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
  if (!all_strings) {
    AddError(field, Expected(out), Shorten(value));
    return false;
  }
  out.clear();
  for (const auto& [key, item] : value.items()) out.emplace(key, item.get<std::string>());
  return true;
}

std::optional<Problem> ObjectReader::Finish() {
  if (!value_.is_object()) {
    Problem problem = MakeProblem(400, "invalid_field", "The body must be a JSON object.");
    problem.errors.push_back(FieldError{"body", location_, "a JSON object", Shorten(value_), 0});
    return problem;
  }
  for (const auto& [key, value] : value_.items()) {
    if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) continue;
    std::string allowed;
    for (const std::string& name : seen_) allowed += (allowed.empty() ? "" : ", ") + name;
    AddError(key, "no such field (allowed: " + allowed + ")", Shorten(value));
  }
  if (errors_.empty()) return std::nullopt;
  Problem problem =
      MakeProblem(400, "invalid_field", std::to_string(errors_.size()) + " field(s) are invalid.");
  problem.errors = std::move(errors_);
  errors_.clear();
  return problem;
}

}  // namespace guild::http
