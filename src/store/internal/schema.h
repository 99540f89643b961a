// The store's tables as data: names, columns and keys, shared by both
// backends. The DDL lives in each backend's migrations; these specs drive the
// generated DML (upsert, select, delete) and must list the same columns.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/model.h"

namespace guild::store::internal {

//! How a column's values are stored and compared (RowSink's value kinds).
enum class ColumnType { kText, kInt, kReal, kBool, kDate };

//! A secondary index of a table, as its migration creates it.
struct IndexSpec {
  std::string_view name;
  std::span<const std::string_view> columns;
};

//! One table. The first `key_size` columns form its primary key, and reads
//! order by them. For a child table (a list field of an entity), column 0 is
//! the parent's id and column 1 the position in the list.
struct TableSpec {
  std::string_view name;
  std::span<const std::string_view> columns;
  size_t key_size = 1;
  //! One per column, in column order.
  std::span<const ColumnType> types;
  //! The secondary indexes (Store::Select may use them and the key).
  std::span<const IndexSpec> indexes = {};
  //! A column that refers to this table's own key (a person's manager), whose
  //! foreign key is checked at commit; empty when none.
  std::string_view self_reference = {};
};

extern const TableSpec kPeopleTable;
extern const TableSpec kPersonTagsTable;
extern const TableSpec kSkillsTable;
extern const TableSpec kSkillSynonymsTable;
extern const TableSpec kPersonSkillsTable;
extern const TableSpec kRolesTable;
extern const TableSpec kRoleSkillsTable;
extern const TableSpec kClientsTable;
extern const TableSpec kEngagementsTable;
extern const TableSpec kOpeningsTable;
extern const TableSpec kOpeningRequirementsTable;
extern const TableSpec kAssignmentsTable;
extern const TableSpec kTeamsTable;
extern const TableSpec kTeamMembersTable;
extern const TableSpec kTimeEntriesTable;
extern const TableSpec kSkillHistoryTable;
extern const TableSpec kOpeningPreferencesTable;
extern const TableSpec kGoalsTable;
extern const TableSpec kGoalRaciTable;
extern const TableSpec kGoalUpdatesTable;
extern const TableSpec kDeliverablesTable;
extern const TableSpec kDeliverableRaciTable;
extern const TableSpec kClientRelationshipsTable;
extern const TableSpec kClientRelationshipRaciTable;
extern const TableSpec kPurposeChangesTable;
extern const TableSpec kClientLogTable;
extern const TableSpec kCheckinsTable;
extern const TableSpec kCheckinBlockersTable;
extern const TableSpec kCheckinQuestionsTable;
extern const TableSpec kFeedbackRequestsTable;
extern const TableSpec kFeedbackAnswersTable;
extern const TableSpec kInboxItemsTable;
extern const TableSpec kMentorshipsTable;
extern const TableSpec kMentorshipSkillsTable;

//! The main table of `kind`.
const TableSpec& TableOf(EntityKind kind);
//! The entity kind whose main table is named `name`; nullopt for others.
std::optional<EntityKind> KindOfTable(std::string_view name);

//! Position of `column` in the table; nullopt when it has none of that name.
std::optional<size_t> ColumnIndex(const TableSpec& table, std::string_view column);

//! Every table, children before parents (a safe order to empty them in).
std::span<const TableSpec* const> TablesChildrenFirst();

//! "a, b, c" of the table's columns.
std::string ColumnList(const TableSpec& table);
//! "a, b" of the key columns.
std::string KeyList(const TableSpec& table);
//! "a = excluded.a, ..." for the non-key columns; empty when all are key.
std::string UpdateFromExcluded(const TableSpec& table);

//! Splits an id given to Store::Delete into the key columns of `table`:
//! one part for entities, "a/b" for a two-part key (split at the last '/'),
//! "a/b/c" for a three-part key (the first part ends at the first '/', the
//! last begins after the last '/').
//! Fails with kInvalidArgument naming the id and the expected form.
Result<std::vector<std::string>> SplitKey(const TableSpec& table, std::string_view id);

}  // namespace guild::store::internal
