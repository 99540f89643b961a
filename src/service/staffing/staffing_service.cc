#include "service/staffing/staffing_service.h"

#include <algorithm>

namespace guild {

using staffing::StaffingEngine;
using staffing::StaffingPlan;

namespace {

constexpr size_t kViolationsInMessage = 5;

}  // namespace

StaffingService::StaffingService(const FirmData& firm, Date today,
                                 staffing::StaffingOptions options)
    : firm_(firm), today_(today), options_(std::move(options)) {}

Result<const StaffingEngine*> StaffingService::Engine() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!engine_) {
    ASSIGN_OR_RETURN(engine_, StaffingEngine::Build(firm_, today_, options_));
  }
  return engine_.get();
}

Result<StaffingPlan> StaffingService::Plan() {
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->PlanAll();
}

Result<StaffingPlan> StaffingService::Plan(const staffing::StaffingOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<StaffingEngine> engine,
                   StaffingEngine::Build(firm_, today_, options));
  return engine->PlanAll();
}

Result<StaffingPlan> StaffingService::Incremental(std::string_view opening_id) {
  auto it = std::find_if(firm_.openings.begin(), firm_.openings.end(),
                         [&](const Opening& o) { return o.id == opening_id; });
  if (it == firm_.openings.end()) {
    return NotFound("opening " + std::string(opening_id) + " not found");
  }
  return Incremental(*it);
}

Result<StaffingPlan> StaffingService::Incremental(const Opening& opening) {
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->PlanOpening(opening);
}

Result<staffing::MarketReport> StaffingService::Market(const staffing::MarketOptions& options,
                                                       const StaffingPlan* plan) {
  if (options.weeks < 1) return InvalidField("weeks", ">= 1");
  ASSIGN_OR_RETURN(const StaffingEngine* engine, Engine());
  return engine->Market(options, plan);
}

Result<staffing::ProposedAssignment> StaffingService::Explain(const StaffingPlan& plan,
                                                              std::string_view key) {
  const staffing::ProposedAssignment* found = staffing::FindInPlan(plan, key);
  if (!found) {
    return NotFound("no assignment, seat or single person '" + std::string(key) + "' in the plan");
  }
  return *found;
}

Result<AcceptReport> StaffingService::Accept(Store& store, const StaffingPlan& plan,
                                             const staffing::StaffingOptions& options) {
  if (plan.assignments.empty()) return FailedPrecondition("the plan has no assignments to accept");
  ASSIGN_OR_RETURN(FirmData current, store.Load({}));
  const std::vector<staffing::ConstraintIssue> violations =
      staffing::CheckStaffingPlan(current, plan, options);
  if (!violations.empty()) {
    std::string message = "the plan no longer fits the data (" + std::to_string(violations.size()) +
                          " violations; nothing written):";
    for (size_t i = 0; i < violations.size() && i < kViolationsInMessage; ++i) {
      message += "\n  " + violations[i].constraint + " " + violations[i].subject_id + ": " +
                 violations[i].message;
    }
    return FailedPrecondition(message);
  }
  FirmData batch;
  AcceptReport report;
  for (const staffing::ProposedAssignment& pa : plan.assignments) {
    Assignment a = pa.assignment;
    a.status = AssignmentStatus::kTentative;
    batch.assignments.push_back(std::move(a));
    ++(pa.moved_from_person_id.empty() ? report.created : report.moved);
  }
  RETURN_IF_ERROR(store.Upsert(batch));
  return report;
}

}  // namespace guild
