#include "service/goals/internal/history.h"

#include <algorithm>
#include <tuple>

namespace guild::goals::internal {

Result<std::vector<GoalUpdate>> UpdatesOf(Store& store, std::string_view goal_id, int limit) {
  if (limit <= 0) return std::vector<GoalUpdate>{};
  // The key (goal_id, entry_date) serves it.
  SelectQuery q{.kind = EntityKind::kGoalUpdates,
                .where = {{"goal_id", Compare::kEq, std::string(goal_id)}},
                .order_by = {"entry_date"},
                .order = SortOrder::kDescending,
                .limit = std::min(limit, kMaxSelectRows)};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  return page.rows.goal_updates.take();
}

Result<std::vector<ClientLogEntry>> LatestLogEntries(Store& store,
                                                     const std::vector<std::string>& engagements,
                                                     int limit) {
  if (engagements.empty() || limit <= 0) return std::vector<ClientLogEntry>{};
  // The newest `limit` of each engagement (index client_log_engagement_date),
  // then the newest `limit` of those.
  std::vector<ClientLogEntry> out;
  for (const std::string& engagement : engagements) {
    SelectQuery q{.kind = EntityKind::kClientLog,
                  .where = {{"engagement_id", Compare::kEq, engagement}},
                  .order_by = {"entry_date"},
                  .order = SortOrder::kDescending,
                  .limit = std::min(limit, kMaxSelectRows)};
    ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
    for (ClientLogEntry& e : page.rows.client_log.mut()) out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const ClientLogEntry& a, const ClientLogEntry& b) {
    return std::tie(a.date, a.id) > std::tie(b.date, b.id);
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(limit);
  return out;
}

Result<LogRows> LogEntriesOf(Store& store, std::string_view engagement_id, int limit,
                             std::string after) {
  // The index client_log_engagement_date serves it; the store appends the
  // key (id) to the order, so pages follow (date, id) descending.
  SelectQuery q{.kind = EntityKind::kClientLog,
                .where = {{"engagement_id", Compare::kEq, std::string(engagement_id)}},
                .order_by = {"entry_date"},
                .order = SortOrder::kDescending,
                .limit = std::clamp(limit, 1, kMaxSelectRows),
                .after = std::move(after)};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  return LogRows{page.rows.client_log.take(), std::move(page.next_cursor)};
}

}  // namespace guild::goals::internal
