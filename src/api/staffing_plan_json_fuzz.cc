// Fuzz target: the staffing plan codec (plan files of every version and
// plans stored by older servers). Properties: a refusal is kInvalidArgument
// naming the source; what is accepted writes back to JSON that reads again,
// and writing that reads to the same text (the codec round-trips what it
// accepts, so a plan survives any number of saves and loads).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "api/staffing_plan_json.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace guild;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<PlanDocument> stored = api::ReadStoredStaffingPlan(text, "fuzz plan");
  if (!stored.ok()) {
    GUILD_FUZZ_CHECK(stored.status().code() == StatusCode::kInvalidArgument);
    GUILD_FUZZ_CHECK(stored.status().message().find("fuzz plan") != std::string::npos);
    return 0;
  }
  std::string once = api::StaffingPlanJson(*stored);
  Result<PlanDocument> again = api::ReadStaffingPlanJson(once, "written plan");
  if (!again.ok()) std::fprintf(stderr, "%s\n", again.status().message().c_str());
  GUILD_FUZZ_CHECK(again.ok());
  GUILD_FUZZ_CHECK(api::StaffingPlanJson(*again) == once);
  return 0;
}
