// A what-if staffing plan as text, so every Guild server on one database can
// read a plan another server proposed (AccountStore::CreateStaffingPlan keeps
// the text). The format is private to this codec: a version tag, then each
// field in a fixed order — integers and doubles as "<chars>;" (doubles in
// shortest round-trip form), strings as "<byte length>:<bytes>". It holds no
// NUL byte unless the plan's strings do, so it fits a TEXT column.
//
// DecodeStaffingPlan never trusts its input: any malformed, truncated or
// oversized text gives kInternal naming the byte offset and the field, never
// a crash or a partial plan.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "engine/staffing/staffing.h"

namespace guild {

//! What a stored plan holds besides its id, owner and time.
struct EncodedPlanParts {
  int mode = 0;                       //!< PlanMode as an integer (0 full, 1 incremental)
  std::string opening_id;             //!< incremental plans
  staffing::StaffingOptions options;  //!< `progress` is not kept
  staffing::StaffingPlan plan;
};

std::string EncodeStaffingPlan(const EncodedPlanParts& parts);
Result<EncodedPlanParts> DecodeStaffingPlan(std::string_view text);

}  // namespace guild
