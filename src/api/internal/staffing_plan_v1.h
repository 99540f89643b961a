// Staffing plans as an older Guild stored them ("guild-plan/1;..." text):
// read only, so that plans stored before an upgrade still load
// (ReadStoredStaffingPlan, staffing_plan_json.h).
#pragma once

#include <string_view>

#include "api/staffing_plan_json.h"

namespace guild::api::internal {

//! Whether `text` starts with the "guild-plan/1;" tag.
bool IsStaffingPlanV1(std::string_view text);
//! Decodes the text; any malformed, truncated or oversized text gives
//! kInvalidArgument "source: byte N, field: what", never a crash or a
//! partial plan.
Result<PlanDocument> ReadStaffingPlanV1(std::string_view text, std::string_view source);

}  // namespace guild::api::internal
