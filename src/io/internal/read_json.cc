#include "io/internal/read_json.h"

#include <algorithm>

#include "common/json_text.h"

namespace guild::io::internal {

namespace {

constexpr size_t kMaxShownJson = 60;
// An import file's elements are objects holding lists of objects: depth 3.
constexpr int kMaxJsonDepth = 32;
constexpr std::string_view kNull = "null";

// Offsets where each element of the top-level array starts. REQUIRES: `text`
// is well-formed JSON whose top level is an array.
std::vector<size_t> ElementOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  int depth = 0;
  bool in_string = false;
  bool expect_element = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (expect_element && !space && c != ']') {
      offsets.push_back(i);
      expect_element = false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      expect_element = (++depth == 1) && c == '[';
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return offsets;
}

// Line numbers of ascending offsets, in one pass.
std::vector<int64_t> LinesOf(std::string_view text, const std::vector<size_t>& offsets) {
  std::vector<int64_t> lines;
  int64_t line = 1;
  size_t at = 0;
  for (size_t offset : offsets) {
    for (; at < offset; ++at) line += text[at] == '\n' ? 1 : 0;
    lines.push_back(line);
  }
  return lines;
}

// Reports a nesting deeper than kMaxJsonDepth; false when there is one.
bool CheckDepth(std::string_view content, const JsonTextScan& scan, ProblemSink& sink) {
  if (!scan.too_deep_at) return true;
  TextPosition where = PositionOf(content, *scan.too_deep_at);
  sink.Error({where.line}, "", "",
             "at most " + std::to_string(kMaxJsonDepth) + " nested arrays and objects",
             where.column);
  return false;
}

// Numbers beyond a double become null in `patched` (same length, so offsets
// and lines hold) and field errors of their element.
void ReportOutOfRange(std::string_view content, const JsonTextScan& scan, std::string& patched,
                      JsonDocument& document, ProblemSink& sink) {
  if (scan.out_of_range.empty()) return;
  patched.assign(content);
  const std::vector<size_t> starts = ElementOffsets(content);
  for (const JsonNumberOutOfRange& number : scan.out_of_range) {
    if (number.length >= kNull.size()) {
      patched.replace(number.offset, number.length,
                      std::string(kNull) + std::string(number.length - kNull.size(), ' '));
    }
    const auto after = std::upper_bound(starts.begin(), starts.end(), number.offset);
    const int64_t element = after == starts.begin() ? -1 : (after - starts.begin()) - 1;
    const std::string field = number.keys.empty() ? "" : number.keys.front();
    sink.Error({LineOfOffset(content, number.offset), element}, field,
               content.substr(number.offset, std::min(number.length, kMaxShownJson)),
               kDoubleRangeExpected);
    if (element >= 0) document.reported[static_cast<size_t>(element)].push_back(field);
  }
}

}  // namespace

std::string DescribeJson(const Json& value) {
  std::string text = value.is_string() ? value.get<std::string>()
                                       : value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kMaxShownJson) text = text.substr(0, kMaxShownJson) + "...";
  return text;
}

bool ParseJsonArray(std::string_view content, ProblemSink& sink, JsonDocument& document) {
  const JsonTextScan scan = ScanJsonText(content, kMaxJsonDepth);
  if (!CheckDepth(content, scan, sink)) return false;
  std::string patched;
  ReportOutOfRange(content, scan, patched, document, sink);
  const std::string_view text = patched.empty() ? content : std::string_view(patched);
  try {
    document.array = Json::parse(text);
  } catch (const Json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    TextPosition where = PositionOf(content, std::min(offset, content.size()));
    std::string message = e.what();
    size_t colon = message.rfind(": ");
    sink.Error(
        {where.line}, "", "",
        "well-formed JSON (" + message.substr(colon == std::string::npos ? 0 : colon + 2) + ")",
        where.column);
    return false;
  } catch (const Json::exception& e) {
    sink.Error({1}, "", "", std::string("well-formed JSON (") + e.what() + ")");
    return false;
  }
  if (!document.array.is_array()) {
    sink.Error({1}, "", DescribeJson(document.array), "a JSON array of objects");
    return false;
  }
  document.element_lines = LinesOf(text, ElementOffsets(text));
  if (document.element_lines.size() != document.array.size()) {
    document.element_lines.assign(document.array.size(), 0);  // unknown, never wrong
  }
  return true;
}

}  // namespace guild::io::internal
