#include "http/internal/respond.h"

#include <chrono>
#include <ctime>

namespace guild::http::internal {

void ApplyConditional(const Request& request, Response& response) {
  if (response.status != 200) return;
  if (request.method != Method::kGet && request.method != Method::kHead) return;
  if (response.etag.empty()) response.etag = StrongEtag(response.body);
  const auto if_none_match = request.header("If-None-Match");
  if (if_none_match && IfNoneMatchMatches(*if_none_match, response.etag)) {
    response.status = 304;
    response.body.clear();
    response.content_type.clear();
  }
}

bool IsValidRequestId(std::string_view id) {
  constexpr std::size_t kMaxLength = 128;
  if (id.empty() || id.size() > kMaxLength) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

const std::string& HttpDate(std::chrono::system_clock::time_point now) {
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached_text;
  const std::time_t second = std::chrono::system_clock::to_time_t(now);
  if (second != cached_second) {
    std::tm parts{};
    gmtime_r(&second, &parts);
    char buffer[64];
    const std::size_t length =
        std::strftime(buffer, sizeof(buffer), "%a, %d %b %Y %H:%M:%S GMT", &parts);
    cached_text.assign(buffer, length);
    cached_second = second;
  }
  return cached_text;
}

}  // namespace guild::http::internal
