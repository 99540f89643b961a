#include "service/staffing/staffing_planner.h"

#include <algorithm>

namespace guild {

using staffing::StaffingEngine;
using staffing::StaffingPlan;

StaffingPlanner::StaffingPlanner(const FirmData& firm, Date today,
                                 staffing::StaffingOptions options)
    : firm_(firm), today_(today), options_(std::move(options)) {}

Result<const StaffingEngine*> StaffingPlanner::Engine() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!engine_) {
    ASSIGN_OR_RETURN(engine_, StaffingEngine::Build(firm_, today_, options_));
  }
  return engine_.get();
}

Result<StaffingPlan> StaffingPlanner::Plan() {
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->PlanAll();
}

Result<StaffingPlan> StaffingPlanner::Plan(const staffing::StaffingOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<StaffingEngine> engine,
                   StaffingEngine::Build(firm_, today_, options));
  return engine->PlanAll();
}

Result<StaffingPlan> StaffingPlanner::Incremental(std::string_view opening_id) {
  auto it = std::find_if(firm_.openings.begin(), firm_.openings.end(),
                         [&](const Opening& o) { return o.id == opening_id; });
  if (it == firm_.openings.end()) {
    return NotFound("opening " + std::string(opening_id) + " not found");
  }
  return Incremental(*it);
}

Result<StaffingPlan> StaffingPlanner::Incremental(const Opening& opening) {
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->PlanOpening(opening);
}

Result<staffing::MarketReport> StaffingPlanner::Market(const staffing::MarketOptions& options,
                                                       const StaffingPlan* plan) {
  if (options.weeks < 1) return InvalidField("weeks", ">= 1");
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->Market(options, plan);
}

Result<staffing::ProposedAssignment> StaffingPlanner::Explain(const StaffingPlan& plan,
                                                              std::string_view key) {
  const staffing::ProposedAssignment* found = staffing::FindInPlan(plan, key);
  if (!found) {
    return NotFound("no assignment, seat or single person '" + std::string(key) + "' in the plan");
  }
  return *found;
}

}  // namespace guild
