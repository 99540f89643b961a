// The small rules every domain validation file states its checks with
// (validate.cc, validate_goals.cc, validate_checkins.cc).
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "domain/validate.h"

namespace guild::internal {

inline void Require(bool ok, const char* field, const char* expected,
                    std::vector<FieldError>& errors) {
  if (!ok) errors.push_back({field, expected});
}

inline bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

inline void RequireId(const std::string& id, const char* field, std::vector<FieldError>& errors) {
  Require(!Blank(id), field, "a non-empty id", errors);
}

//! Non-blank and at most `limit` bytes.
inline void RequireText(const std::string& text, size_t limit, const char* field,
                        const char* expected, std::vector<FieldError>& errors) {
  Require(!Blank(text) && text.size() <= limit, field, expected, errors);
}

inline void LimitText(const std::string& text, size_t limit, const char* field,
                      const char* expected, std::vector<FieldError>& errors) {
  Require(text.size() <= limit, field, expected, errors);
}

}  // namespace guild::internal
