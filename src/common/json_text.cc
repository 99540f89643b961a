#include "common/json_text.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace guild {
namespace {

struct Frame {
  bool object = false;
  bool expect_key = false;
  std::string_view key;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool EndsToken(char c) { return IsSpace(c) || c == ',' || c == ']' || c == '}' || c == ':'; }

// Offset just past the string starting at text[start] == '"'.
std::size_t SkipString(std::string_view text, std::size_t start) {
  std::size_t i = start + 1;
  while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
  return std::min(i + 1, text.size());
}

bool OverflowsDouble(std::string_view token) {
  const std::string copy(token);
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  return errno == ERANGE && std::isinf(value) && end == copy.c_str() + copy.size();
}

JsonNumberOutOfRange Issue(std::size_t offset, std::size_t length,
                           const std::vector<Frame>& frames) {
  JsonNumberOutOfRange issue{offset, length, {}};
  for (const Frame& frame : frames) {
    if (frame.object) issue.keys.emplace_back(frame.key);
  }
  return issue;
}

}  // namespace

JsonTextScan ScanJsonText(std::string_view text, int max_depth, std::size_t max_numbers) {
  JsonTextScan scan;
  std::vector<Frame> frames;
  frames.reserve(static_cast<std::size_t>(std::max(max_depth, 0)) + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t end = SkipString(text, i);
      if (!frames.empty() && frames.back().object && frames.back().expect_key) {
        const bool closed = end - i >= 2 && text[end - 1] == '"';
        frames.back().key = text.substr(i + 1, end - i - (closed ? 2 : 1));
        frames.back().expect_key = false;
      }
      i = end;
    } else if (c == '[' || c == '{') {
      if (static_cast<int>(frames.size()) >= max_depth) {
        scan.too_deep_at = i;
        return scan;
      }
      frames.push_back(Frame{c == '{', c == '{', {}});
      ++i;
    } else if (c == ']' || c == '}') {
      if (!frames.empty()) frames.pop_back();
      ++i;
    } else if (c == ',') {
      if (!frames.empty() && frames.back().object) frames.back().expect_key = true;
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() && !EndsToken(text[end])) ++end;
      const std::string_view token = text.substr(i, end - i);
      if (scan.out_of_range.size() < max_numbers && OverflowsDouble(token)) {
        scan.out_of_range.push_back(Issue(i, token.size(), frames));
      }
      i = end;
    } else {
      ++i;
    }
  }
  return scan;
}

int LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace guild
