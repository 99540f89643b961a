// Fuzz target: the JSON body reader every API body goes through
// (ParseJsonBody's size, UTF-8 and depth checks, then ObjectReader's typed
// fields). Properties: a body that parses is valid UTF-8 and no deeper than
// the limit; every refusal is a 4xx problem; a reader's 400 lists what it
// expected for each field.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "http/json_reader.h"
#include "http/uri.h"

namespace {

int Depth(const nlohmann::json& value) {
  if (!value.is_structured()) return 0;
  int deepest = 0;
  for (const auto& child : value) deepest = std::max(deepest, Depth(child));
  return deepest + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace guild::http;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  JsonLimits limits;
  limits.max_bytes = 64 * 1024;
  limits.max_depth = 8;
  ProblemOr<nlohmann::json> parsed = ParseJsonBody(body, limits);
  if (!parsed.ok()) {
    GUILD_FUZZ_CHECK(parsed.problem().status >= 400 && parsed.problem().status < 500);
    return 0;
  }
  GUILD_FUZZ_CHECK(IsValidUtf8(body));
  GUILD_FUZZ_CHECK(Depth(parsed.value()) <= limits.max_depth);
  // The field types handlers read, under names a mutated body may use.
  ObjectReader reader(parsed.value());
  std::string text;
  bool flag = false;
  std::int64_t big = 0;
  int small = 0;
  double number = 0;
  std::optional<std::vector<std::string>> list;
  std::optional<std::map<std::string, std::string>> map;
  const nlohmann::json* nested = nullptr;
  reader.Required("name", text);
  reader.Required("flag", flag);
  reader.Required("count", big);
  reader.Required("level", small);
  reader.Required("hours", number);
  reader.Optional("skills", list);
  reader.Optional("labels", map);
  reader.Required("options", nested);
  if (std::optional<Problem> problem = reader.Finish()) {
    GUILD_FUZZ_CHECK(problem->status == 400);
    GUILD_FUZZ_CHECK(!problem->errors.empty());
    for (const FieldError& error : problem->errors) GUILD_FUZZ_CHECK(!error.expected.empty());
  }
  return 0;
}
