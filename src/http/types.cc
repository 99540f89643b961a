#include "http/types.h"

#include <array>
#include <cstring>

namespace guild::http {
namespace {

constexpr std::array<std::string_view, 8> kMethodNames = {"GET",   "HEAD",   "POST",    "PUT",
                                                          "PATCH", "DELETE", "OPTIONS", "OTHER"};

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Finds `name` in one "a=1; b=2" Cookie header value.
std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semicolon = header.find(';');
    const std::string_view pair = Trim(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos || Trim(pair.substr(0, equals)) != name) continue;
    std::string_view value = Trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

// A 64-bit content hash: four independent multiply-xorshift lanes over
// 32-byte blocks (so the CPU can overlap them), then the tail, then a mix.
std::uint64_t ContentHash(std::string_view body) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  constexpr std::uint64_t kMixer = 0xBF58476D1CE4E5B9ULL;
  constexpr int kShift = 31;
  constexpr int kLanes = 4;
  constexpr std::size_t kWord = sizeof(std::uint64_t);
  std::uint64_t lanes[kLanes] = {body.size(), kMixer, kMultiplier, ~body.size()};
  std::size_t i = 0;
  for (; i + kLanes * kWord <= body.size(); i += kLanes * kWord) {
    for (int lane = 0; lane < kLanes; ++lane) {
      std::uint64_t word;
      std::memcpy(&word, body.data() + i + lane * kWord, kWord);
      lanes[lane] = (lanes[lane] ^ word) * kMultiplier;
      lanes[lane] ^= lanes[lane] >> kShift;
    }
  }
  std::uint64_t hash = body.size() * kMultiplier;
  for (std::uint64_t lane : lanes) hash = (hash ^ lane) * kMixer;
  for (; i < body.size(); ++i) hash = (hash ^ static_cast<unsigned char>(body[i])) * kMixer;
  hash ^= hash >> kShift;
  hash *= kMixer;
  hash ^= hash >> kShift;
  return hash;
}

void AppendHex(std::string& out, std::uint64_t value, int digits) {
  constexpr char kHex[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out.push_back(kHex[(value >> shift) & 0xF]);
  }
}

}  // namespace

std::string_view MethodName(Method method) { return kMethodNames[static_cast<int>(method)]; }

Method ParseMethod(std::string_view token) {
  for (std::size_t i = 0; i + 1 < kMethodNames.size(); ++i) {
    if (kMethodNames[i] == token) return static_cast<Method>(i);
  }
  return Method::kOther;
}

std::optional<std::string_view> FindField(const Fields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string_view> FindHeader(const Fields& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (!EqualsIgnoreCase(key, "cookie")) continue;
    if (auto found = FindCookie(value, name)) return found;
  }
  return std::nullopt;
}

Response JsonResponse(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response TextResponse(std::string body, std::string_view content_type, int status) {
  Response response;
  response.status = status;
  response.content_type = std::string(content_type);
  response.body = std::move(body);
  return response;
}

Response NoContentResponse() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

std::string StrongEtag(std::string_view body) {
  constexpr int kHashDigits = 16;
  std::string etag;
  etag.reserve(kHashDigits + 12);
  etag.push_back('"');
  AppendHex(etag, ContentHash(body), kHashDigits);
  etag.push_back('-');
  etag.append(std::to_string(body.size()));
  etag.push_back('"');
  return etag;
}

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  const auto opaque = [](std::string_view tag) {
    tag = Trim(tag);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  const std::string_view wanted = opaque(etag);
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    const std::string_view candidate = opaque(if_none_match.substr(0, comma));
    if (candidate == "*" || (!candidate.empty() && candidate == wanted)) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace guild::http
