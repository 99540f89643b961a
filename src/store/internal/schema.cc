#include "store/internal/schema.h"

#include <array>

namespace guild::store::internal {

namespace {

constexpr std::string_view kPeopleColumns[] = {"id",         "name",       "email",
                                               "title",      "grade",      "practice",
                                               "office",     "manager_id", "weekly_capacity_hours",
                                               "start_date", "end_date",   "cost_rate"};
constexpr std::string_view kPersonTagsColumns[] = {"person_id", "position", "tag"};
constexpr std::string_view kSkillsColumns[] = {"id",         "name",   "description",
                                               "broader_id", "source", "kind"};
constexpr std::string_view kSkillSynonymsColumns[] = {"skill_id", "position", "synonym"};
constexpr std::string_view kPersonSkillsColumns[] = {
    "person_id", "skill_id", "source", "level", "wants_to_grow", "last_used", "rated_on"};
constexpr std::string_view kRolesColumns[] = {"id", "name", "description", "source"};
constexpr std::string_view kRoleSkillsColumns[] = {"role_id", "position",   "skill_id",
                                                   "level",   "importance", "essential"};
constexpr std::string_view kClientsColumns[] = {"id", "name", "industry", "key_client"};
constexpr std::string_view kEngagementsColumns[] = {"id",         "client_id", "name",  "leader_id",
                                                    "start_date", "end_date",  "status"};
constexpr std::string_view kOpeningsColumns[] = {
    "id",         "engagement_id", "title",     "hours_per_week",
    "start_date", "end_date",      "headcount", "lead"};
constexpr std::string_view kOpeningRequirementsColumns[] = {"opening_id", "position", "skill_id",
                                                            "min_level"};
constexpr std::string_view kAssignmentsColumns[] = {
    "id", "person_id", "opening_id", "hours_per_week", "start_date", "end_date", "status"};
constexpr std::string_view kTeamsColumns[] = {"id",        "name",      "purpose",
                                              "leader_id", "client_id", "leadership_team"};
constexpr std::string_view kTeamMembersColumns[] = {"team_id", "position", "person_id", "role"};
constexpr std::string_view kTimeEntriesColumns[] = {"id",    "person_id", "entry_date",
                                                    "hours", "category",  "engagement_id"};
constexpr std::string_view kSkillHistoryColumns[] = {"person_id", "skill_id", "entry_date",
                                                     "level"};
constexpr std::string_view kOpeningPreferencesColumns[] = {"opening_id", "person_id", "kind",
                                                           "note"};

constexpr size_t kEntityKeySize = 1;
constexpr size_t kChildKeySize = 2;
constexpr size_t kPairKeySize = 2;
constexpr size_t kTripleKeySize = 3;

std::string Join(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

const TableSpec kPeopleTable{"people", kPeopleColumns, kEntityKeySize};
const TableSpec kPersonTagsTable{"person_tags", kPersonTagsColumns, kChildKeySize};
const TableSpec kSkillsTable{"skills", kSkillsColumns, kEntityKeySize};
const TableSpec kSkillSynonymsTable{"skill_synonyms", kSkillSynonymsColumns, kChildKeySize};
const TableSpec kPersonSkillsTable{"person_skills", kPersonSkillsColumns, kTripleKeySize};
const TableSpec kRolesTable{"roles", kRolesColumns, kEntityKeySize};
const TableSpec kRoleSkillsTable{"role_skills", kRoleSkillsColumns, kChildKeySize};
const TableSpec kClientsTable{"clients", kClientsColumns, kEntityKeySize};
const TableSpec kEngagementsTable{"engagements", kEngagementsColumns, kEntityKeySize};
const TableSpec kOpeningsTable{"openings", kOpeningsColumns, kEntityKeySize};
const TableSpec kOpeningRequirementsTable{"opening_requirements", kOpeningRequirementsColumns,
                                          kChildKeySize};
const TableSpec kAssignmentsTable{"assignments", kAssignmentsColumns, kEntityKeySize};
const TableSpec kTeamsTable{"teams", kTeamsColumns, kEntityKeySize};
const TableSpec kTeamMembersTable{"team_members", kTeamMembersColumns, kChildKeySize};
const TableSpec kTimeEntriesTable{"time_entries", kTimeEntriesColumns, kEntityKeySize};
const TableSpec kSkillHistoryTable{"skill_history", kSkillHistoryColumns, kTripleKeySize};
const TableSpec kOpeningPreferencesTable{"opening_preferences", kOpeningPreferencesColumns,
                                         kPairKeySize};

const TableSpec& TableOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPeople: return kPeopleTable;
    case EntityKind::kSkills: return kSkillsTable;
    case EntityKind::kPersonSkills: return kPersonSkillsTable;
    case EntityKind::kRoles: return kRolesTable;
    case EntityKind::kClients: return kClientsTable;
    case EntityKind::kEngagements: return kEngagementsTable;
    case EntityKind::kOpenings: return kOpeningsTable;
    case EntityKind::kAssignments: return kAssignmentsTable;
    case EntityKind::kTeams: return kTeamsTable;
    case EntityKind::kTimeEntries: return kTimeEntriesTable;
    case EntityKind::kSkillHistory: return kSkillHistoryTable;
    case EntityKind::kOpeningPreferences: return kOpeningPreferencesTable;
  }
  return kPeopleTable;
}

std::span<const TableSpec* const> TablesChildrenFirst() {
  static constexpr std::array<const TableSpec*, 17> kTables = {&kOpeningPreferencesTable,
                                                               &kSkillHistoryTable,
                                                               &kTimeEntriesTable,
                                                               &kTeamMembersTable,
                                                               &kTeamsTable,
                                                               &kAssignmentsTable,
                                                               &kOpeningRequirementsTable,
                                                               &kOpeningsTable,
                                                               &kEngagementsTable,
                                                               &kClientsTable,
                                                               &kRoleSkillsTable,
                                                               &kRolesTable,
                                                               &kPersonSkillsTable,
                                                               &kSkillSynonymsTable,
                                                               &kSkillsTable,
                                                               &kPersonTagsTable,
                                                               &kPeopleTable};
  return kTables;
}

std::string ColumnList(const TableSpec& table) { return Join(table.columns); }

std::string KeyList(const TableSpec& table) {
  return Join(table.columns.subspan(0, table.key_size));
}

std::string UpdateFromExcluded(const TableSpec& table) {
  std::string out;
  for (std::string_view column : table.columns.subspan(table.key_size)) {
    if (!out.empty()) out += ", ";
    out += std::string(column) + " = excluded." + std::string(column);
  }
  return out;
}

Result<std::vector<std::string>> SplitKey(const TableSpec& table, std::string_view id) {
  if (table.key_size == kEntityKeySize) return std::vector<std::string>{std::string(id)};
  if (table.key_size == kPairKeySize) {
    const size_t slash = id.rfind('/');
    if (slash == std::string_view::npos) {
      return InvalidArgument("id '" + std::string(id) + "' of a " + std::string(table.name) +
                             " row: expected '" + std::string(table.columns[0]) + "/" +
                             std::string(table.columns[1]) + "'");
    }
    return std::vector<std::string>{std::string(id.substr(0, slash)),
                                    std::string(id.substr(slash + 1))};
  }
  const size_t first = id.find('/');
  const size_t last = id.rfind('/');
  if (first == std::string_view::npos || first == last) {
    return InvalidArgument("id '" + std::string(id) + "' of a " + std::string(table.name) +
                           " row: expected 'person_id/skill_id/" + std::string(table.columns[2]) +
                           "'");
  }
  return std::vector<std::string>{std::string(id.substr(0, first)),
                                  std::string(id.substr(first + 1, last - first - 1)),
                                  std::string(id.substr(last + 1))};
}

}  // namespace guild::store::internal
