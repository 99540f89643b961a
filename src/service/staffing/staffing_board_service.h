// StaffingBoardService: the staffing engine for the API and the web staffing
// board — open openings, what-if plans kept in memory, accepting a plan, the
// market report and the capacity of people per week.
//
// Access: decided by the Authorizer (StaffingAccess, access/staffing_access.h):
// who may use the board, staff which engagement, read or accept which plan,
// and see whose costs and loads. An engagement leader's full plan covers only
// the openings of the engagements they lead (the rest of the firm still weighs
// on capacity) and keeps only the issues about them. What a viewer may not
// read of a plan is left out of the PlanView they get (PlanFigures).
//
// Plans are what-ifs: never written to the firm's data until Accept. Each
// plan is kept in the AccountStore (so every server on the database can read
// and accept it; plans older than options.plan_ttl_seconds are deleted) and
// cached in memory (at most options.max_plans, the oldest dropped first).
// Accept writes the chosen entries through AcceptStaffingEntries
// (staffing_accept.h), which re-checks them against the store's data, the
// firm's options (options.staffing, never the plan's) and the clock's date,
// and writes them as tentative assignments, or nothing (kFailedPrecondition
// naming each broken rule and the entries that break it). The entries, the
// audit entry ("staffing.accept") and the plan's claim in the AccountStore
// are one transaction through the FirmWriter: one server wins the claim, and
// a crash can never leave a claimed plan without its entries; this server's snapshot
// has them when Accept returns, other servers follow the change feed. A plan is
// accepted at most once, across servers; the accepted mark is read from the
// AccountStore each time a plan is looked up, so a plan accepted on another
// server shows as accepted here at once.
//
// Errors: kInvalidArgument naming the field; kNotFound for an unknown plan,
// opening or plan entry; kPermissionDenied as above; kUnavailable before the
// snapshot is loaded.
//
// Thread safety: all methods may be called from several threads at once;
// accepts are serialised.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "engine/staffing/staffing.h"
#include "service/access/staffing_access.h"
#include "service/common/paging.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/staffing/plan_document.h"
#include "service/staffing/staffing_accept.h"
#include "service/writes/firm_writer.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild {

struct StaffingBoardOptions {
  //! The firm's options: defaults of every plan, and what every accept is
  //! checked against (whatever the plan was proposed with).
  staffing::StaffingOptions staffing;
  int max_plans = 64;                             //!< plans cached in memory
  int64_t plan_ttl_seconds = int64_t{7} * 86400;  //!< stored plans older than this are deleted
  //! How plans are kept as text in the AccountStore; both functions must be
  //! set (the API sets its JSON codec).
  PlanCodec codec;
};

//! An opening with seats left, and where it sits.
struct BoardOpening {
  uint32_t opening = 0;            //!< position in data().openings
  uint32_t engagement = 0;         //!< position in data().engagements
  std::optional<uint32_t> client;  //!< position in data().clients
  int seats_left = 0;
  std::string practice;  //!< the engagement leader's practice, or empty
  //! Positions in data().people of the people who volunteered for it
  //! (OpeningPreference kVolunteer), by name, then id.
  std::vector<uint32_t> volunteers;
};

struct OpeningsQuery {
  std::string engagement_id;  //!< only this engagement when non-empty
  std::string practice;       //!< only this practice (case-insensitive) when non-empty
  PageRequest page;
};

struct OpeningsPage {
  std::shared_ptr<const FirmSnapshot> snapshot;  //!< what the positions index
  std::vector<BoardOpening> items;               //!< by start date, then id
  int64_t total = 0;                             //!< matching openings, all pages
  std::string next_cursor;
};

struct PlanRequest {
  PlanMode mode = PlanMode::kFull;
  std::string opening_id;  //!< required for kIncremental
  std::optional<int> horizon_weeks;
  std::optional<double> capacity_ceiling;
  std::optional<double> time_limit_seconds;
};

//! A what-if plan and who may act on it. Immutable once stored.
struct StoredPlan {
  std::string id;
  std::string owner_user_id;
  int64_t created_seconds = 0;
  PlanDocument document;
};
using PlanRef = std::shared_ptr<const StoredPlan>;

//! Which figures of a plan one viewer may see (StaffingAccess decides).
struct PlanFigures {
  bool totals = false;  //!< objective, bound, gap, the steps' effects
  //! A person's costs (an entry's, a runner-up's).
  std::function<bool(std::string_view person_id)> costs;
  //! A person's loads (an entry's load before and after).
  std::function<bool(std::string_view person_id)> loads;
};

//! A plan as one viewer sees it (accepted is the state at reading time).
struct PlanView {
  PlanRef plan;
  bool accepted = false;
  std::shared_ptr<const FirmSnapshot> snapshot;  //!< for names; keeps `figures` valid
  PlanFigures figures;
};

struct MarketView {
  std::shared_ptr<const FirmSnapshot> snapshot;
  staffing::MarketReport report;
};

struct CapacityQuery {
  std::optional<Date> from;         //!< default today; rounded down to its Monday
  int weeks = 8;                    //!< 1..26
  std::string practice;             //!< case-insensitive, empty for all
  std::string office;               //!< case-insensitive, empty for all
  std::vector<std::string> people;  //!< only these person ids, when non-empty
  PageRequest page;
};

//! One person-week: hours of existing assignments and planned time off.
struct CapacityWeek {
  double capacity = 0;   //!< weekly_capacity_hours, 0 when not employed that week
  double confirmed = 0;  //!< hours of confirmed assignments
  double tentative = 0;  //!< hours of tentative assignments
  double time_off = 0;   //!< hours of kTimeOff entries
};

struct CapacityRow {
  uint32_t person = 0;  //!< position in data().people
  std::vector<CapacityWeek> weeks;
};

struct CapacityPage {
  std::shared_ptr<const FirmSnapshot> snapshot;
  Date from;  //!< Monday of the first week
  int weeks = 0;
  std::vector<CapacityRow> rows;  //!< in directory order (name, id)
  std::string next_cursor;
};

class StaffingBoardService {
 public:
  //! Every reference must outlive the service.
  StaffingBoardService(Store& store, AccountStore& accounts, SnapshotHolder& snapshots,
                       FirmWriter& writer, const Clock& clock, StaffingBoardOptions options);

  [[nodiscard]] Result<OpeningsPage> Openings(const Principal& viewer, const OpeningsQuery& query);
  //! Solves and stores a what-if plan.
  [[nodiscard]] Result<PlanView> Propose(const Principal& viewer, const PlanRequest& request);
  [[nodiscard]] Result<PlanView> Get(const Principal& viewer, std::string_view plan_id);
  //! One entry (seat id, assignment id or person id) of a plan; also
  //! allowed to the person it seats.
  [[nodiscard]] Result<std::pair<PlanView, staffing::ProposedAssignment>> Explain(
      const Principal& viewer, std::string_view plan_id, std::string_view key);
  //! Writes the entries named in `selected` (assignment or seat ids; all of
  //! them when empty). `changes` maps an entry (assignment or seat id) to
  //! another person to seat there instead (e.g. a runner-up); the same
  //! re-check of every hard constraint decides whether it may be written.
  [[nodiscard]] Result<AcceptedEntries> Accept(
      const Principal& viewer, std::string_view plan_id, const std::vector<std::string>& selected,
      const std::map<std::string, std::string>& changes = {});
  //! `plan_id` (may be empty) adds that plan's unfilled seats.
  [[nodiscard]] Result<MarketView> Market(const Principal& viewer, int weeks,
                                          std::string_view plan_id);
  [[nodiscard]] Result<CapacityPage> Capacity(const Principal& viewer, const CapacityQuery& query);

 private:
  struct Slot {
    PlanRef plan;
    bool accepted = false;
  };
  Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  //! The memory cache, else the AccountStore (then cached).
  Result<Slot> Find(std::string_view plan_id);
  Result<staffing::StaffingOptions> OptionsFor(const PlanRequest& request) const;
  //! Stores the plan in the AccountStore and caches it.
  Result<PlanRef> Keep(StoredPlan plan);
  void Cache(PlanRef plan, bool accepted);

  ::guild::Store& store_;
  AccountStore& accounts_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const StaffingBoardOptions options_;
  mutable std::mutex plans_mu_;
  std::map<std::string, Slot, std::less<>> plans_;  // GUARDED_BY(plans_mu_)
  std::deque<std::string> order_;                   // GUARDED_BY(plans_mu_), oldest first
  std::mutex accept_mu_;                            // one accept at a time
};

}  // namespace guild
