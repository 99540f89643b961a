// StaffingPlanner: the staffing engine over one FirmData, for the CLI and
// the staffing board (staffing_board_service.h). It never writes: every plan
// is a what-if; writing accepted entries is AcceptStaffingEntries
// (staffing_accept.h).
//
//  - Plan / Incremental / Market / Explain read the FirmData only.
//
// Errors: kNotFound for an unknown opening or plan entry; kInvalidArgument
// for options out of range.
//
// Thread safety: Plan, Incremental, Market and Explain may run concurrently
// (the engine is built once, under a mutex, on first use). The FirmData must
// outlive the planner and stay unchanged.
#pragma once

#include <memory>
#include <mutex>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"
#include "engine/staffing/staffing.h"

namespace guild {

class StaffingPlanner {
 public:
  //! `firm` must outlive the planner. `today` is the planning date (from an
  //! injected Clock at the call site).
  StaffingPlanner(const FirmData& firm, Date today, staffing::StaffingOptions options);

  //! Full what-if plan for every open seat (the planner's options).
  [[nodiscard]] Result<staffing::StaffingPlan> Plan();
  //! Full what-if plan with other options (builds a separate engine).
  [[nodiscard]] Result<staffing::StaffingPlan> Plan(const staffing::StaffingOptions& options);
  //! Seats one opening of the firm (new or changed since the last plan);
  //! NotFound when no opening has this id.
  [[nodiscard]] Result<staffing::StaffingPlan> Incremental(std::string_view opening_id);
  //! Seats an opening not (yet) in the firm; its engagement must exist.
  [[nodiscard]] Result<staffing::StaffingPlan> Incremental(const Opening& opening);
  //! Market report; with `plan` non-null its unfilled seats are listed.
  [[nodiscard]] Result<staffing::MarketReport> Market(const staffing::MarketOptions& options,
                                                      const staffing::StaffingPlan* plan);
  //! The entry of `plan` with this seat id, assignment id or (unique) person id.
  [[nodiscard]] static Result<staffing::ProposedAssignment> Explain(
      const staffing::StaffingPlan& plan, std::string_view key);

 private:
  Result<const staffing::StaffingEngine*> Engine();

  const FirmData& firm_;
  Date today_;
  staffing::StaffingOptions options_;
  std::mutex mu_;
  std::unique_ptr<staffing::StaffingEngine> engine_;  // guarded by mu_ until built
};

}  // namespace guild
