// Test-only: TestFirm (test_firm.h) with collaboration to draw a network
// from, around a given "today". Used by the network service and API tests.
#pragma once

#include <string>

#include "service/testing/test_firm.h"

namespace guild::service::testing {

//! TestFirm plus work on e1, which runs from today - 60 to today + 40 days:
//! lead, member and peer log 8, 6 and 4 hours on day today - 10, lead and
//! member 8 each on today - 9, englead 8 on today - 10. Team alpha (lead,
//! member, peer) is then a triangle. Opening o1 on e1 needs Tax law at 2
//! (held by member at 3).
inline FirmData NetworkTestFirm(Date today) {
  FirmData firm = TestFirm();
  firm.engagements.mut()[0].start = AddDays(today, -60);
  firm.engagements.mut()[0].end = AddDays(today, 40);
  auto entry = [&](const std::string& person, int32_t days_ago, double hours) {
    TimeEntry t;
    t.id = person + "-" + std::to_string(days_ago);
    t.person_id = person;
    t.date = AddDays(today, -days_ago);
    t.hours = hours;
    t.engagement_id = "e1";
    return t;
  };
  firm.time_entries = {entry("lead", 10, 8), entry("member", 10, 6), entry("peer", 10, 4),
                       entry("lead", 9, 8),  entry("member", 9, 8),  entry("englead", 10, 8)};
  Opening o;
  o.id = "o1";
  o.engagement_id = "e1";
  o.title = "Tax senior";
  o.required = {{"firm:tax", 2}};
  o.hours_per_week = 20;
  o.start = today;
  o.end = AddDays(today, 40);
  firm.openings = {o};
  return firm;
}

}  // namespace guild::service::testing
