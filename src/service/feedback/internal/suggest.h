// Suggested reviewers for a feedback request (docs/FEEDBACK.md): the people
// who worked with the requester on the same engagement around the event.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/model.h"

namespace guild::feedback::internal {

struct SuggestQuery {
  std::string requester_id;
  Date event_date;
  //! The engagement the event was on; empty: every engagement the requester
  //! worked on in the window (an assignment covering event_date or a time
  //! entry on it within window_days of it).
  std::string engagement_id;
  Date today;            //!< people whose end_date is before it have left
  int window_days = 14;  //!< time entries within this many days either side count
};

struct Suggestion {
  uint32_t person = 0;      //!< position in data.people
  double shared_hours = 0;  //!< see SuggestReviewers
};

//! Everyone other than the requester who has not left (no end_date before
//! `today`) and who, on one of the query's engagements, has an assignment
//! (on one of its openings) covering event_date or a time entry within
//! window_days of event_date. shared_hours sums, over those engagements and
//! each day of the window, the smaller of the requester's and the person's
//! hours logged on that engagement that day. Ordered by shared_hours
//! (descending), then name, then id. Linear in the firm's assignments,
//! openings and time entries.
std::vector<Suggestion> SuggestReviewers(const FirmData& data, const SuggestQuery& query);

}  // namespace guild::feedback::internal
