// Test-only: the small test firm (test_firm.h) with work on engagement e1
// around day 150, for feedback requests and suggested reviewers.
#pragma once

#include "service/testing/test_firm.h"

namespace guild::service::testing {

//! TestFirm() plus: person "admin" left on day 140; opening "o1" on e1 with
//! peer assigned days 120..160; time on e1: member 6 h on day 145 and 1 h on
//! day 146, outsider 4 h on day 145, lead 2 h on day 146.
inline FirmData FeedbackTestFirm() {
  FirmData firm = TestFirm();
  firm.people.mut()[0].end_date = Date{140};  // "admin"
  firm.openings = {{"o1", "e1", "Auditor", {}, 20, Date{100}, Date{200}}};
  firm.assignments = {{"a1", "peer", "o1", 20, Date{120}, Date{160}, AssignmentStatus::kConfirmed}};
  firm.time_entries = {{"t1", "member", Date{145}, 6, TimeCategory::kBillable, "e1"},
                       {"t2", "outsider", Date{145}, 4, TimeCategory::kBillable, "e1"},
                       {"t3", "lead", Date{146}, 2, TimeCategory::kBillable, "e1"},
                       {"t4", "member", Date{146}, 1, TimeCategory::kBillable, "e1"}};
  return firm;
}

}  // namespace guild::service::testing
