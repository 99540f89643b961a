// Reads of the check-in kinds from the store (store-only kinds, by the
// indexes docs/CHECKINS.md lists), every page of a query at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild::checkins::internal {

//! Every row `query` selects (all pages), from the kind's vector `rows`.
template <typename T>
Result<std::vector<T>> SelectAll(Store& store, SelectQuery query, SharedVector<T> FirmData::*rows) {
  std::vector<T> out;
  query.limit = kMaxSelectRows;
  for (;;) {
    ASSIGN_OR_RETURN(SelectPage page, store.Select(query));
    for (T& row : (page.rows.*rows).mut()) out.push_back(std::move(row));
    if (page.next_cursor.empty()) return out;
    query.after = std::move(page.next_cursor);
  }
}

//! The person's check-in with the team for the cycle, if any.
Result<std::optional<Checkin>> CheckinOf(Store& store, std::string_view person_id,
                                         std::string_view team_id, Date cycle_start);
//! The person's latest check-in with the team before `cycle_start`, if any.
Result<std::optional<Checkin>> CheckinBefore(Store& store, std::string_view person_id,
                                             std::string_view team_id, Date cycle_start);
//! The check-in with this id, if any.
Result<std::optional<Checkin>> CheckinById(Store& store, std::string_view id);
//! The team's check-ins with cycle_start in [from, to].
Result<std::vector<Checkin>> TeamCheckins(Store& store, std::string_view team_id, Date from,
                                          Date to);
//! The person's blockers on the team that are still open, oldest first.
Result<std::vector<CheckinBlocker>> OpenBlockersOf(Store& store, std::string_view person_id,
                                                   std::string_view team_id);
//! Every blocker of the team, oldest first.
Result<std::vector<CheckinBlocker>> TeamBlockers(Store& store, std::string_view team_id);
Result<std::vector<CheckinBlocker>> BlockersOfCheckin(Store& store, std::string_view checkin_id);
Result<std::vector<CheckinQuestion>> QuestionsOfCheckin(Store& store, std::string_view checkin_id);
//! Questions addressed to (`column` "addressee_id") or asked by ("asker_id")
//! the person, newest first, at most `limit`.
Result<std::vector<CheckinQuestion>> QuestionsOfPerson(Store& store, std::string_view column,
                                                       std::string_view person_id, int limit);
//! The team's questions asked at or after `from` (seconds since the epoch).
Result<std::vector<CheckinQuestion>> TeamQuestions(Store& store, std::string_view team_id,
                                                   int64_t from);
Result<std::optional<CheckinQuestion>> QuestionById(Store& store, std::string_view id);
//! kInvalidArgument naming the path's "team" unless `team` runs check-ins.
Status RunsCheckins(const Team& team);
//! true when an inbox item with this id exists.
Result<bool> InboxItemExists(Store& store, std::string_view id);

}  // namespace guild::checkins::internal
