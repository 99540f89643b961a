// Reads of the goal kinds kept out of the snapshot: a goal's progress
// updates and engagements' client log, by key from the store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild::goals::internal {

//! The goal's progress updates, newest first, at most `limit`.
Result<std::vector<GoalUpdate>> UpdatesOf(Store& store, std::string_view goal_id, int limit);

//! The latest `limit` client log entries of the engagements, newest first
//! (by date, then id).
Result<std::vector<ClientLogEntry>> LatestLogEntries(Store& store,
                                                     const std::vector<std::string>& engagements,
                                                     int limit);

//! One page of an engagement's client log, newest first (by date, then id),
//! from the store's cursor `after` (empty: the newest); `next` is the store's
//! cursor of the following page, empty after the last.
struct LogRows {
  std::vector<ClientLogEntry> entries;
  std::string next;
};
Result<LogRows> LogEntriesOf(Store& store, std::string_view engagement_id, int limit,
                             std::string after);

}  // namespace guild::goals::internal
