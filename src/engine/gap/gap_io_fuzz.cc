// Fuzz target: the GAP benchmark reader (ParseGapText). Properties: what it
// accepts has one capacity per agent and, for every job, each agent once as a
// candidate (dense files); a refusal names the input and is kInvalidArgument.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/gap/gap.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace guild;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<gap::GapInstance> parsed = gap::ParseGapText(text, "fuzz.gap");
  if (!parsed.ok()) {
    GUILD_FUZZ_CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
    GUILD_FUZZ_CHECK(parsed.status().message().find("fuzz.gap") != std::string::npos);
    return 0;
  }
  const size_t agents = parsed->capacities.size();
  for (const auto& candidates : parsed->jobs) {
    GUILD_FUZZ_CHECK(candidates.size() == agents);
    std::vector<bool> seen(agents, false);
    for (const gap::GapCandidate& candidate : candidates) {
      GUILD_FUZZ_CHECK(candidate.agent >= 0 && static_cast<size_t>(candidate.agent) < agents);
      GUILD_FUZZ_CHECK(!seen[candidate.agent]);
      seen[candidate.agent] = true;
    }
  }
  (void)gap::ValidateGapInstance(*parsed);
  return 0;
}
