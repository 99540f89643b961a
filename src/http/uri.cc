#include "http/uri.h"

#include "http/internal/utf8.h"

namespace guild::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr int kHexBase = 16;
constexpr std::size_t kEscapeLength = 3;  // "%XX"

}  // namespace

bool IsValidUtf8(std::string_view text) { return internal::FirstInvalidUtf8(text) == text.size(); }

Result<std::string> PercentDecode(std::string_view text, PlusMeans plus) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus == PlusMeans::kSpace) {
      out.push_back(' ');
      continue;
    }
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    if (i + kEscapeLength > text.size() || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0) {
      return InvalidArgument("bad percent-escape at byte " + std::to_string(i) +
                             " (expected %XX with two hex digits)");
    }
    out.push_back(static_cast<char>(HexValue(text[i + 1]) * kHexBase + HexValue(text[i + 2])));
    i += kEscapeLength - 1;
  }
  if (out.find('\0') != std::string::npos) return InvalidArgument("decoded text contains NUL");
  const std::size_t bad = internal::FirstInvalidUtf8(out);
  if (bad != out.size()) {
    return InvalidArgument("invalid UTF-8 at decoded byte " + std::to_string(bad));
  }
  return out;
}

Result<Fields> ParseQuery(std::string_view query) {
  Fields fields;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t equals = piece.find('=');
    const std::string_view raw_name = piece.substr(0, equals);
    const std::string_view raw_value =
        equals == std::string_view::npos ? std::string_view() : piece.substr(equals + 1);
    auto name = PercentDecode(raw_name, PlusMeans::kSpace);
    if (!name.ok()) return InvalidArgument("query parameter name: " + name.status().message());
    auto value = PercentDecode(raw_value, PlusMeans::kSpace);
    if (!value.ok()) {
      return InvalidArgument("query parameter '" + *name + "': " + value.status().message());
    }
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return fields;
}

}  // namespace guild::http
