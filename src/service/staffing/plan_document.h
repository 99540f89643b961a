// A staffing plan with what it was proposed as: the unit the staffing
// board stores and the plan files of `guild staff` hold, and the codec that
// turns it into text (the API's JSON, api/staffing_plan_json.h, injected so
// that the services hold no JSON).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "engine/staffing/staffing.h"

namespace guild {

enum class PlanMode { kFull, kIncremental };

struct PlanDocument {
  PlanMode mode = PlanMode::kFull;
  std::string opening_id;             //!< kIncremental: the opening planned
  staffing::StaffingOptions options;  //!< the what-if settings (`progress` is not kept)
  staffing::StaffingPlan plan;
};

//! Plans as text (for the AccountStore). Both functions must be set.
struct PlanCodec {
  std::function<std::string(const PlanDocument&)> encode;
  //! `source` names the text in messages (e.g. "stored plan ID").
  std::function<Result<PlanDocument>(std::string_view text, std::string_view source)> decode;
};

}  // namespace guild
