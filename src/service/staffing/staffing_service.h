// StaffingService: the staffing engine for the CLI and the API.
//
// Reads come from a FirmData (a store load, or a FirmSnapshot's data());
// only Accept writes, through the Store, after re-checking the plan against
// the data the store holds at that moment.
//
//  - Plan / Incremental / Market / Explain never write: every plan is a
//    what-if until it is accepted.
//  - Accept writes every assignment of the plan as TENTATIVE in one Upsert
//    (one transaction): all of it or none of it.
//
// Errors: kNotFound for an unknown opening or plan entry; kFailedPrecondition
// when a plan no longer fits the data (the message names the constraint, the
// subject and what broke); kInvalidArgument for options out of range.
//
// Thread safety: Plan, Incremental, Market and Explain may run concurrently
// (the engine is built once, under a mutex, on first use). The FirmData must
// outlive the service and stay unchanged.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/model.h"
#include "engine/staffing/staffing.h"
#include "store/store.h"

namespace guild {

//! What Accept wrote.
struct AcceptReport {
  int created = 0;  //!< new tentative assignments
  int moved = 0;    //!< existing tentative assignments given to another person
};

class StaffingService {
 public:
  //! `firm` must outlive the service. `today` is the planning date (from an
  //! injected Clock at the call site).
  StaffingService(const FirmData& firm, Date today, staffing::StaffingOptions options);

  //! Full what-if plan for every open seat (service options).
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

  //! Loads the store's current data, checks `plan` with CheckStaffingPlan
  //! and writes it (all tentative) in one transaction, or returns
  //! FailedPrecondition naming the first violations and writes nothing.
  [[nodiscard]] static Result<AcceptReport> Accept(Store& store, const staffing::StaffingPlan& plan,
                                                   const staffing::StaffingOptions& options);

 private:
  Result<const staffing::StaffingEngine*> Engine();

  const FirmData& firm_;
  Date today_;
  staffing::StaffingOptions options_;
  std::mutex mu_;
  std::unique_ptr<staffing::StaffingEngine> engine_;  // guarded by mu_ until built
};

}  // namespace guild
