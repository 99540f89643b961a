// AcceptStaffingEntries: the one way entries of a staffing plan become
// assignments, for `guild staff accept` and the staffing board alike.
//
// Whatever the plan (a file, a stored plan, a selection of it) says, the
// entries are re-checked against the firm's data as the store has it at that
// moment (AcceptRequest::firm: a server's snapshot brought up to the store's
// change feed, so an accept costs what it writes; or the whole firm read from
// the store), the firm's own options and the firm's date:
//  - each new entry must be its seat exactly (the opening's hours per week;
//    from max(opening start, engagement start, today) to min(opening end,
//    engagement end)); an entry planned for an earlier day whose start was
//    its seat's start on that day starts today instead;
//  - each moved entry must be the existing tentative assignment, not yet
//    started, with only its person changed;
//  - every hard rule a write can break (staffing::CheckScope::kEntries):
//    capacity in every week, dates, skills and stretch, exclusions, one seat
//    per person, seat counts, leads, a pin's last seat, a key client's two
//    partners.
// Then every entry is written as a TENTATIVE assignment in one change
// (AcceptRequest::commit: one transaction), or nothing is written and the error lists what broke.
//
// Errors: kFailedPrecondition naming each broken rule and the entries that
// break it (figures such as hours booked only for people the caller may read
// the loads of); kInvalidArgument for an empty selection; store errors as
// they come.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "engine/staffing/staffing.h"
#include "service/snapshot/firm_snapshot.h"
#include "store/store.h"

namespace guild {

struct AcceptRequest {
  //! The entries to write (plan.assignments; plan.today is the day they
  //! were planned for). Unfilled seats and issues are not read.
  staffing::StaffingPlan entries;
  //! The firm's own options (capacity ceiling, grades, stretch group), never
  //! the ones a plan was proposed with.
  staffing::StaffingOptions options;
  //! The firm's date (from the injected Clock).
  Date today;
  //! Whether the caller may read this person's loads (hours booked, the
  //! ceiling); empty means everyone's (the command line).
  std::function<bool(std::string_view person_id)> may_read_loads;
  //! The firm's data to check against, up to date with the store (a server
  //! passes its snapshot after SnapshotHolder::Refresh); null: the whole firm
  //! is read from the store (the command line).
  std::shared_ptr<const FirmSnapshot> firm;
  //! Writes the checked entries as one change: a server passes its
  //! FirmWriter's commit (with the audit entry); empty: Store::Commit.
  std::function<Status(FirmChange&& change)> commit;
};

//! What an accept wrote.
struct AcceptedEntries {
  int created = 0;  //!< new tentative assignments
  int moved = 0;    //!< existing tentative assignments given to another person
  int changed = 0;  //!< entries written with another person than proposed (the board)
  std::vector<std::string> assignment_ids;  //!< every assignment written
};

//! Re-checks and writes `request.entries` (see above).
[[nodiscard]] Result<AcceptedEntries> AcceptStaffingEntries(Store& store,
                                                            const AcceptRequest& request);

}  // namespace guild
