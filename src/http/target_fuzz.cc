// Fuzz target: a request target as the server splits it — the path matched
// against parameterised routes (percent-decoded segments) and the query
// string parsed into fields. Properties: whatever is accepted decodes to
// valid UTF-8 without NUL bytes; a path parameter never contains '/' unless
// it was escaped as %2F.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/router.h"
#include "http/uri.h"

namespace {

using namespace guild::http;

bool Clean(std::string_view text) {
  return IsValidUtf8(text) && text.find('\0') == std::string_view::npos;
}

const Router& Routes() {
  static const Router* router = [] {
    auto* r = new Router();
    Handler ok = [](const Request&) { return Response{}; };
    (void)r->Get("/api/v1/people", ok);
    (void)r->Get("/api/v1/people/{id}", ok);
    (void)r->Post("/api/v1/people/{id}/skills", ok);
    (void)r->Get("/api/v1/teams/{team}/goals/{goal}", ok);
    (void)r->Add(Method::kPut, "/api/v1/teams/{team}/raci/{item}/{person}", ok);
    return r;
  }();
  return *router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace guild::http;
  using guild::Result;
  std::string_view target(reinterpret_cast<const char*>(data), size);
  const size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);

  for (Method method : {Method::kGet, Method::kPost, Method::kPut, Method::kDelete}) {
    RouteMatch match = Routes().Match(method, path);
    if (match.kind != RouteMatch::Kind::kFound) continue;
    GUILD_FUZZ_CHECK(Clean(match.path));
    for (const auto& [name, value] : match.params) {
      GUILD_FUZZ_CHECK(Clean(value));
      GUILD_FUZZ_CHECK(value.find('/') == std::string::npos ||
                       path.find("%2F") != std::string_view::npos ||
                       path.find("%2f") != std::string_view::npos);
    }
  }
  if (Result<Fields> fields = ParseQuery(query); fields.ok()) {
    for (const auto& [name, value] : *fields) GUILD_FUZZ_CHECK(Clean(name) && Clean(value));
  }
  for (PlusMeans plus : {PlusMeans::kPlus, PlusMeans::kSpace}) {
    if (Result<std::string> decoded = PercentDecode(target, plus); decoded.ok()) {
      GUILD_FUZZ_CHECK(Clean(*decoded));
      GUILD_FUZZ_CHECK(decoded->size() <= target.size());
    }
  }
  return 0;
}
