// CalendarService: each user's secret iCalendar feed (docs/NOTIFICATIONS.md,
// "Calendar feed"): my check-in due days for the next kCalendarCycles cycles
// of each team I am a member of with check-ins, and the expiry days of the
// feedback requests asked of me that I have not answered.
//
// The feed's token is its only credential: the AccountStore keeps its hash
// (crypto.h HashToken, as for API tokens); rotating it makes the old one
// fail at once. The feed shows only what the token's user may read.
//
// Thread safety: as its injected services.
#pragma once

#include <string>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "io/icalendar.h"
#include "service/access/authorizer.h"
#include "service/feedback/feedback_service.h"
#include "service/snapshot/snapshot_holder.h"
#include "store/account_store.h"

namespace guild {

//! Cycles of each team listed ahead, the current one first.
inline constexpr int kCalendarCycles = 8;
//! Prefix of feed tokens.
inline constexpr std::string_view kCalendarTokenPrefix = "gcal_";

class CalendarService {
 public:
  //! Every reference must outlive the service.
  CalendarService(AccountStore& accounts, SnapshotHolder& snapshots, FeedbackService& feedback,
                  const Clock& clock);

  //! A new feed token for the viewer, replacing the one before (which stops
  //! working). Returned once; only its hash is kept.
  [[nodiscard]] Result<std::string> RotateFeed(const Principal& viewer);

  //! When the viewer's current feed token was made; nullopt when they have
  //! none (the token itself cannot be shown again: only its hash is kept).
  [[nodiscard]] Result<std::optional<int64_t>> FeedCreatedAt(const Principal& viewer);

  //! The calendar of the user whose feed token this is. kNotFound for an
  //! unknown or replaced token and for a disabled user.
  [[nodiscard]] Result<io::Calendar> Feed(std::string_view token);

 private:
  void AddCheckins(const FirmSnapshot& firm, const Principal& viewer, Date today,
                   io::Calendar& calendar) const;
  [[nodiscard]] Status AddFeedback(const FirmSnapshot& firm, const Principal& viewer,
                                   io::Calendar& calendar);

  AccountStore& accounts_;
  SnapshotHolder& snapshots_;
  FeedbackService& feedback_;
  const Clock& clock_;
};

}  // namespace guild
