#include "service/checkins/internal/rows.h"

#include <algorithm>

namespace guild::checkins::internal {

namespace {

ColumnCondition Eq(std::string column, ColumnValue value) {
  return {std::move(column), Compare::kEq, std::move(value)};
}

template <typename T>
Result<std::optional<T>> First(Result<std::vector<T>> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

}  // namespace

Result<std::optional<Checkin>> CheckinOf(Store& store, std::string_view person_id,
                                         std::string_view team_id, Date cycle_start) {
  SelectQuery q{.kind = EntityKind::kCheckins,
                .where = {Eq("person_id", std::string(person_id)),
                          Eq("team_id", std::string(team_id)), Eq("cycle_start", cycle_start)}};
  return First(SelectAll(store, q, &FirmData::checkins));
}

Result<std::optional<Checkin>> CheckinBefore(Store& store, std::string_view person_id,
                                             std::string_view team_id, Date cycle_start) {
  SelectQuery q{.kind = EntityKind::kCheckins,
                .where = {Eq("person_id", std::string(person_id)),
                          Eq("team_id", std::string(team_id)),
                          {"cycle_start", Compare::kLt, cycle_start}},
                .order_by = {"cycle_start"},
                .order = SortOrder::kDescending,
                .limit = 1};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  if (page.rows.checkins.empty()) return std::optional<Checkin>();
  return std::optional<Checkin>(page.rows.checkins.front());
}

Result<std::optional<Checkin>> CheckinById(Store& store, std::string_view id) {
  SelectQuery q{.kind = EntityKind::kCheckins, .where = {Eq("id", std::string(id))}};
  return First(SelectAll(store, q, &FirmData::checkins));
}

Result<std::vector<Checkin>> TeamCheckins(Store& store, std::string_view team_id, Date from,
                                          Date to) {
  SelectQuery q{.kind = EntityKind::kCheckins,
                .where = {Eq("team_id", std::string(team_id)), {"cycle_start", Compare::kGe, from}},
                .order_by = {"cycle_start"}};
  ASSIGN_OR_RETURN(auto rows, SelectAll(store, q, &FirmData::checkins));
  std::erase_if(rows, [&](const Checkin& c) { return c.cycle_start > to; });
  return rows;
}

Result<std::vector<CheckinBlocker>> OpenBlockersOf(Store& store, std::string_view person_id,
                                                   std::string_view team_id) {
  SelectQuery q{.kind = EntityKind::kCheckinBlockers,
                .where = {Eq("person_id", std::string(person_id))},
                .order_by = {"opened_on"}};
  ASSIGN_OR_RETURN(auto rows, SelectAll(store, q, &FirmData::checkin_blockers));
  std::erase_if(rows,
                [&](const CheckinBlocker& b) { return b.resolved_on || b.team_id != team_id; });
  return rows;
}

Result<std::vector<CheckinBlocker>> TeamBlockers(Store& store, std::string_view team_id) {
  SelectQuery q{.kind = EntityKind::kCheckinBlockers,
                .where = {Eq("team_id", std::string(team_id))},
                .order_by = {"opened_on"}};
  return SelectAll(store, q, &FirmData::checkin_blockers);
}

Result<std::vector<CheckinBlocker>> BlockersOfCheckin(Store& store, std::string_view checkin_id) {
  SelectQuery q{.kind = EntityKind::kCheckinBlockers,
                .where = {Eq("checkin_id", std::string(checkin_id))}};
  return SelectAll(store, q, &FirmData::checkin_blockers);
}

Result<std::vector<CheckinQuestion>> QuestionsOfCheckin(Store& store, std::string_view checkin_id) {
  SelectQuery q{.kind = EntityKind::kCheckinQuestions,
                .where = {Eq("checkin_id", std::string(checkin_id))}};
  return SelectAll(store, q, &FirmData::checkin_questions);
}

Result<std::vector<CheckinQuestion>> QuestionsOfPerson(Store& store, std::string_view column,
                                                       std::string_view person_id, int limit) {
  SelectQuery q{.kind = EntityKind::kCheckinQuestions,
                .where = {Eq(std::string(column), std::string(person_id))},
                .order_by = {"asked_at"},
                .order = SortOrder::kDescending,
                .limit = std::clamp(limit, 1, kMaxSelectRows)};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  return page.rows.checkin_questions.take();
}

Result<std::vector<CheckinQuestion>> TeamQuestions(Store& store, std::string_view team_id,
                                                   int64_t from) {
  SelectQuery q{.kind = EntityKind::kCheckinQuestions,
                .where = {Eq("team_id", std::string(team_id)), {"asked_at", Compare::kGe, from}},
                .order_by = {"asked_at"}};
  return SelectAll(store, q, &FirmData::checkin_questions);
}

Result<std::optional<CheckinQuestion>> QuestionById(Store& store, std::string_view id) {
  SelectQuery q{.kind = EntityKind::kCheckinQuestions, .where = {Eq("id", std::string(id))}};
  return First(SelectAll(store, q, &FirmData::checkin_questions));
}

Status RunsCheckins(const Team& team) {
  if (team.checkin_cadence_days > 0) return OkStatus();
  return InvalidField("team", "a team that runs check-ins (team '" + team.id + "' has none)",
                      team.id, "path");
}

Result<bool> InboxItemExists(Store& store, std::string_view id) {
  SelectQuery q{.kind = EntityKind::kInboxItems, .where = {Eq("id", std::string(id))}, .limit = 1};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  return !page.rows.inbox_items.empty();
}

}  // namespace guild::checkins::internal
