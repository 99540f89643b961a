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
constexpr std::string_view kTeamsColumns[] = {"id",        "name",          "purpose",
                                              "leader_id", "client_id",     "leadership_team",
                                              "kind",      "engagement_id", "checkin_cadence_days"};
constexpr std::string_view kTeamMembersColumns[] = {"team_id", "position", "person_id", "role"};
constexpr std::string_view kTimeEntriesColumns[] = {"id",    "person_id", "entry_date",
                                                    "hours", "category",  "engagement_id"};
constexpr std::string_view kSkillHistoryColumns[] = {"person_id", "skill_id", "entry_date",
                                                     "level"};
constexpr std::string_view kOpeningPreferencesColumns[] = {"opening_id", "person_id", "kind",
                                                           "note"};

constexpr std::string_view kGoalsColumns[] = {
    "id",          "team_id",      "title",     "metric",        "unit",
    "start_value", "target_value", "direction", "start_date",    "due_date",
    "owner_id",    "parent_id",    "shared",    "current_value", "measured_on"};
constexpr std::string_view kGoalRaciColumns[] = {"goal_id", "position", "person_id", "role"};
constexpr std::string_view kGoalUpdatesColumns[] = {"goal_id", "entry_date", "value", "comment",
                                                    "author_id"};
constexpr std::string_view kDeliverablesColumns[] = {"id", "team_id", "name", "due_date", "status"};
constexpr std::string_view kDeliverableRaciColumns[] = {"deliverable_id", "position", "person_id",
                                                        "role"};
constexpr std::string_view kClientRelationshipsColumns[] = {"id", "team_id", "client_id",
                                                            "contact"};
constexpr std::string_view kClientRelationshipRaciColumns[] = {"relationship_id", "position",
                                                               "person_id", "role"};
constexpr std::string_view kPurposeChangesColumns[] = {"team_id", "changed_at", "author_id",
                                                       "purpose_before", "purpose_after"};
constexpr std::string_view kClientLogColumns[] = {
    "id", "engagement_id", "entry_date", "author_id", "changed", "issues", "resolution"};

constexpr std::string_view kCheckinsColumns[] = {"id",          "team_id",       "person_id",
                                                 "cycle_start", "client_change", "note",
                                                 "updated_at",  "submitted_at"};
constexpr std::string_view kCheckinBlockersColumns[] = {
    "id", "team_id", "person_id", "checkin_id", "text", "opened_on", "resolved_on"};
constexpr std::string_view kCheckinQuestionsColumns[] = {"id",       "checkin_id",   "team_id",
                                                         "asker_id", "addressee_id", "text",
                                                         "asked_at", "answer",       "answered_at"};
constexpr std::string_view kFeedbackRequestsColumns[] = {
    "id",         "requester_id",  "event_kind", "event",
    "event_date", "engagement_id", "asked_at",   "expires_on"};
constexpr std::string_view kFeedbackAnswersColumns[] = {
    "request_id", "reviewer_id",  "status",         "most_effective",
    "do_better",  "responded_at", "shared_with_id", "shared_at"};
constexpr std::string_view kInboxItemsColumns[] = {"id",      "person_id", "kind",       "ref_id",
                                                   "from_id", "text",      "created_at", "read_at"};
constexpr std::string_view kMentorshipsColumns[] = {"id",        "mentee_id", "mentor_id",
                                                    "status",    "asked_at",  "started_on",
                                                    "review_on", "message",   "ended_on"};
constexpr std::string_view kMentorshipSkillsColumns[] = {"mentorship_id", "position", "skill_id"};

using T = ColumnType;
constexpr ColumnType kPeopleTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kText, T::kText,
                                       T::kText, T::kText, T::kReal, T::kDate, T::kDate, T::kReal};
constexpr ColumnType kPositionedText[] = {T::kText, T::kInt, T::kText};
constexpr ColumnType kSkillsTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kText, T::kText};
constexpr ColumnType kPersonSkillsTypes[] = {T::kText, T::kText, T::kText, T::kInt,
                                             T::kBool, T::kDate, T::kDate};
constexpr ColumnType kRolesTypes[] = {T::kText, T::kText, T::kText, T::kText};
constexpr ColumnType kRoleSkillsTypes[] = {T::kText, T::kInt,  T::kText,
                                           T::kInt,  T::kReal, T::kBool};
constexpr ColumnType kClientsTypes[] = {T::kText, T::kText, T::kText, T::kBool};
constexpr ColumnType kEngagementsTypes[] = {T::kText, T::kText, T::kText, T::kText,
                                            T::kDate, T::kDate, T::kText};
constexpr ColumnType kOpeningsTypes[] = {T::kText, T::kText, T::kText, T::kReal,
                                         T::kDate, T::kDate, T::kInt,  T::kBool};
constexpr ColumnType kOpeningRequirementsTypes[] = {T::kText, T::kInt, T::kText, T::kInt};
constexpr ColumnType kAssignmentsTypes[] = {T::kText, T::kText, T::kText, T::kReal,
                                            T::kDate, T::kDate, T::kText};
constexpr ColumnType kTeamsTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kText,
                                      T::kBool, T::kText, T::kText, T::kInt};
constexpr ColumnType kTeamMembersTypes[] = {T::kText, T::kInt, T::kText, T::kText};
constexpr ColumnType kTimeEntriesTypes[] = {T::kText, T::kText, T::kDate,
                                            T::kReal, T::kText, T::kText};
constexpr ColumnType kSkillHistoryTypes[] = {T::kText, T::kText, T::kDate, T::kInt};
constexpr ColumnType kOpeningPreferencesTypes[] = {T::kText, T::kText, T::kText, T::kText};

constexpr ColumnType kGoalsTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kText,
                                      T::kReal, T::kReal, T::kText, T::kDate, T::kDate,
                                      T::kText, T::kText, T::kBool, T::kReal, T::kDate};
constexpr ColumnType kRaciTypes[] = {T::kText, T::kInt, T::kText, T::kText};
constexpr ColumnType kGoalUpdatesTypes[] = {T::kText, T::kDate, T::kReal, T::kText, T::kText};
constexpr ColumnType kDeliverablesTypes[] = {T::kText, T::kText, T::kText, T::kDate, T::kText};
constexpr ColumnType kClientRelationshipsTypes[] = {T::kText, T::kText, T::kText, T::kText};
constexpr ColumnType kPurposeChangesTypes[] = {T::kText, T::kInt, T::kText, T::kText, T::kText};
constexpr ColumnType kClientLogTypes[] = {T::kText, T::kText, T::kDate, T::kText,
                                          T::kText, T::kText, T::kText};
constexpr ColumnType kCheckinsTypes[] = {T::kText, T::kText, T::kText, T::kDate,
                                         T::kText, T::kText, T::kInt,  T::kInt};
constexpr ColumnType kCheckinBlockersTypes[] = {T::kText, T::kText, T::kText, T::kText,
                                                T::kText, T::kDate, T::kDate};
constexpr ColumnType kCheckinQuestionsTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kText,
                                                 T::kText, T::kInt,  T::kText, T::kInt};
constexpr ColumnType kFeedbackRequestsTypes[] = {T::kText, T::kText, T::kText, T::kText,
                                                 T::kDate, T::kText, T::kInt,  T::kDate};
constexpr ColumnType kFeedbackAnswersTypes[] = {T::kText, T::kText, T::kText, T::kText,
                                                T::kText, T::kInt,  T::kText, T::kInt};
constexpr ColumnType kInboxItemsTypes[] = {T::kText, T::kText, T::kText, T::kText,
                                           T::kText, T::kText, T::kInt,  T::kInt};
constexpr ColumnType kMentorshipsTypes[] = {T::kText, T::kText, T::kText, T::kText, T::kInt,
                                            T::kDate, T::kDate, T::kText, T::kDate};

// The secondary indexes, as the migrations create them.
constexpr std::string_view kManagerId[] = {"manager_id"};
constexpr std::string_view kBroaderId[] = {"broader_id"};
constexpr std::string_view kSkillLevel[] = {"skill_id", "level"};
constexpr std::string_view kSkillId[] = {"skill_id"};
constexpr std::string_view kClientId[] = {"client_id"};
constexpr std::string_view kLeaderId[] = {"leader_id"};
constexpr std::string_view kEngagementId[] = {"engagement_id"};
constexpr std::string_view kSkillMinLevel[] = {"skill_id", "min_level"};
constexpr std::string_view kPersonId[] = {"person_id"};
constexpr std::string_view kOpeningId[] = {"opening_id"};
constexpr std::string_view kPersonDate[] = {"person_id", "entry_date"};
constexpr std::string_view kTeamId[] = {"team_id"};
constexpr std::string_view kOwnerId[] = {"owner_id"};
constexpr std::string_view kParentId[] = {"parent_id"};
constexpr std::string_view kAuthorId[] = {"author_id"};
constexpr std::string_view kEngagementDate[] = {"engagement_id", "entry_date"};
constexpr std::string_view kPersonTeamCycle[] = {"person_id", "team_id", "cycle_start"};
constexpr std::string_view kTeamCycle[] = {"team_id", "cycle_start"};
constexpr std::string_view kCycleTeam[] = {"cycle_start", "team_id", "person_id", "submitted_at"};
constexpr std::string_view kPersonCycle[] = {"person_id", "cycle_start"};
constexpr std::string_view kPersonOpened[] = {"person_id", "opened_on"};
constexpr std::string_view kTeamOpened[] = {"team_id", "opened_on"};
constexpr std::string_view kCheckinId[] = {"checkin_id"};
constexpr std::string_view kAddresseeAsked[] = {"addressee_id", "asked_at"};
constexpr std::string_view kAskerAsked[] = {"asker_id", "asked_at"};
constexpr std::string_view kTeamAsked[] = {"team_id", "asked_at"};
constexpr std::string_view kRequesterAsked[] = {"requester_id", "asked_at"};
constexpr std::string_view kReviewerStatus[] = {"reviewer_id", "status"};
constexpr std::string_view kSharedWithId[] = {"shared_with_id"};
constexpr std::string_view kPersonCreated[] = {"person_id", "created_at"};
constexpr std::string_view kFromId[] = {"from_id"};
constexpr std::string_view kMenteeStatus[] = {"mentee_id", "status"};
constexpr std::string_view kMentorStatus[] = {"mentor_id", "status"};

constexpr IndexSpec kPeopleIndexes[] = {{"people_manager", kManagerId}};
constexpr IndexSpec kSkillsIndexes[] = {{"skills_broader", kBroaderId}};
constexpr IndexSpec kPersonSkillsIndexes[] = {{"person_skills_skill_level", kSkillLevel}};
constexpr IndexSpec kRoleSkillsIndexes[] = {{"role_skills_skill", kSkillId}};
constexpr IndexSpec kEngagementsIndexes[] = {{"engagements_client", kClientId},
                                             {"engagements_leader", kLeaderId}};
constexpr IndexSpec kOpeningsIndexes[] = {{"openings_engagement", kEngagementId}};
constexpr IndexSpec kOpeningRequirementsIndexes[] = {
    {"opening_requirements_skill", kSkillMinLevel}};
constexpr IndexSpec kAssignmentsIndexes[] = {{"assignments_person", kPersonId},
                                             {"assignments_opening", kOpeningId}};
constexpr IndexSpec kTeamsIndexes[] = {
    {"teams_leader", kLeaderId}, {"teams_client", kClientId}, {"teams_engagement", kEngagementId}};
constexpr IndexSpec kTeamMembersIndexes[] = {{"team_members_person", kPersonId}};
constexpr IndexSpec kTimeEntriesIndexes[] = {{"time_entries_person_date", kPersonDate},
                                             {"time_entries_engagement", kEngagementId}};
constexpr IndexSpec kSkillHistoryIndexes[] = {{"skill_history_skill", kSkillId}};
constexpr IndexSpec kOpeningPreferencesIndexes[] = {{"opening_preferences_person", kPersonId}};
constexpr IndexSpec kGoalsIndexes[] = {
    {"goals_team", kTeamId}, {"goals_owner", kOwnerId}, {"goals_parent", kParentId}};
constexpr IndexSpec kGoalRaciIndexes[] = {{"goal_raci_person", kPersonId}};
constexpr IndexSpec kGoalUpdatesIndexes[] = {{"goal_updates_author", kAuthorId}};
constexpr IndexSpec kDeliverablesIndexes[] = {{"deliverables_team", kTeamId}};
constexpr IndexSpec kDeliverableRaciIndexes[] = {{"deliverable_raci_person", kPersonId}};
constexpr IndexSpec kClientRelationshipsIndexes[] = {{"client_relationships_team", kTeamId},
                                                     {"client_relationships_client", kClientId}};
constexpr IndexSpec kClientRelationshipRaciIndexes[] = {
    {"client_relationship_raci_person", kPersonId}};
constexpr IndexSpec kPurposeChangesIndexes[] = {{"purpose_changes_author", kAuthorId}};
constexpr IndexSpec kClientLogIndexes[] = {{"client_log_engagement_date", kEngagementDate},
                                           {"client_log_author", kAuthorId}};
// checkins_person_team_cycle is UNIQUE: one check-in per person, team and cycle.
constexpr IndexSpec kCheckinsIndexes[] = {{"checkins_person_team_cycle", kPersonTeamCycle},
                                          {"checkins_team_cycle", kTeamCycle},
                                          {"checkins_person_cycle", kPersonCycle},
                                          {"checkins_cycle_team", kCycleTeam}};
constexpr IndexSpec kCheckinBlockersIndexes[] = {{"checkin_blockers_person_opened", kPersonOpened},
                                                 {"checkin_blockers_team_opened", kTeamOpened},
                                                 {"checkin_blockers_checkin", kCheckinId}};
constexpr IndexSpec kCheckinQuestionsIndexes[] = {
    {"checkin_questions_addressee_asked", kAddresseeAsked},
    {"checkin_questions_asker_asked", kAskerAsked},
    {"checkin_questions_team_asked", kTeamAsked},
    {"checkin_questions_checkin", kCheckinId}};
constexpr IndexSpec kFeedbackRequestsIndexes[] = {
    {"feedback_requests_requester_asked", kRequesterAsked},
    {"feedback_requests_engagement", kEngagementId}};
constexpr IndexSpec kFeedbackAnswersIndexes[] = {
    {"feedback_answers_reviewer_status", kReviewerStatus},
    {"feedback_answers_shared_with", kSharedWithId}};
constexpr IndexSpec kInboxItemsIndexes[] = {{"inbox_items_person_created", kPersonCreated},
                                            {"inbox_items_from", kFromId}};
constexpr IndexSpec kMentorshipsIndexes[] = {{"mentorships_mentee_status", kMenteeStatus},
                                             {"mentorships_mentor_status", kMentorStatus}};
constexpr IndexSpec kMentorshipSkillsIndexes[] = {{"mentorship_skills_skill", kSkillId}};

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

const TableSpec kPeopleTable{"people",     kPeopleColumns, kEntityKeySize,
                             kPeopleTypes, kPeopleIndexes, "manager_id"};
const TableSpec kPersonTagsTable{"person_tags", kPersonTagsColumns, kChildKeySize, kPositionedText};
const TableSpec kSkillsTable{"skills",     kSkillsColumns, kEntityKeySize,
                             kSkillsTypes, kSkillsIndexes, "broader_id"};
const TableSpec kSkillSynonymsTable{"skill_synonyms", kSkillSynonymsColumns, kChildKeySize,
                                    kPositionedText};
const TableSpec kPersonSkillsTable{"person_skills", kPersonSkillsColumns, kTripleKeySize,
                                   kPersonSkillsTypes, kPersonSkillsIndexes};
const TableSpec kRolesTable{"roles", kRolesColumns, kEntityKeySize, kRolesTypes};
const TableSpec kRoleSkillsTable{"role_skills", kRoleSkillsColumns, kChildKeySize, kRoleSkillsTypes,
                                 kRoleSkillsIndexes};
const TableSpec kClientsTable{"clients", kClientsColumns, kEntityKeySize, kClientsTypes};
const TableSpec kEngagementsTable{"engagements", kEngagementsColumns, kEntityKeySize,
                                  kEngagementsTypes, kEngagementsIndexes};
const TableSpec kOpeningsTable{"openings", kOpeningsColumns, kEntityKeySize, kOpeningsTypes,
                               kOpeningsIndexes};
const TableSpec kOpeningRequirementsTable{"opening_requirements", kOpeningRequirementsColumns,
                                          kChildKeySize, kOpeningRequirementsTypes,
                                          kOpeningRequirementsIndexes};
const TableSpec kAssignmentsTable{"assignments", kAssignmentsColumns, kEntityKeySize,
                                  kAssignmentsTypes, kAssignmentsIndexes};
const TableSpec kTeamsTable{"teams", kTeamsColumns, kEntityKeySize, kTeamsTypes, kTeamsIndexes};
const TableSpec kTeamMembersTable{"team_members", kTeamMembersColumns, kChildKeySize,
                                  kTeamMembersTypes, kTeamMembersIndexes};
const TableSpec kTimeEntriesTable{"time_entries", kTimeEntriesColumns, kEntityKeySize,
                                  kTimeEntriesTypes, kTimeEntriesIndexes};
const TableSpec kSkillHistoryTable{"skill_history", kSkillHistoryColumns, kTripleKeySize,
                                   kSkillHistoryTypes, kSkillHistoryIndexes};
const TableSpec kOpeningPreferencesTable{"opening_preferences", kOpeningPreferencesColumns,
                                         kPairKeySize, kOpeningPreferencesTypes,
                                         kOpeningPreferencesIndexes};

const TableSpec kGoalsTable{"goals",     kGoalsColumns, kEntityKeySize,
                            kGoalsTypes, kGoalsIndexes, "parent_id"};
const TableSpec kGoalRaciTable{"goal_raci", kGoalRaciColumns, kChildKeySize, kRaciTypes,
                               kGoalRaciIndexes};
const TableSpec kGoalUpdatesTable{"goal_updates", kGoalUpdatesColumns, kPairKeySize,
                                  kGoalUpdatesTypes, kGoalUpdatesIndexes};
const TableSpec kDeliverablesTable{"deliverables", kDeliverablesColumns, kEntityKeySize,
                                   kDeliverablesTypes, kDeliverablesIndexes};
const TableSpec kDeliverableRaciTable{"deliverable_raci", kDeliverableRaciColumns, kChildKeySize,
                                      kRaciTypes, kDeliverableRaciIndexes};
const TableSpec kClientRelationshipsTable{"client_relationships", kClientRelationshipsColumns,
                                          kEntityKeySize, kClientRelationshipsTypes,
                                          kClientRelationshipsIndexes};
const TableSpec kClientRelationshipRaciTable{"client_relationship_raci",
                                             kClientRelationshipRaciColumns, kChildKeySize,
                                             kRaciTypes, kClientRelationshipRaciIndexes};
const TableSpec kPurposeChangesTable{"purpose_changes", kPurposeChangesColumns, kPairKeySize,
                                     kPurposeChangesTypes, kPurposeChangesIndexes};
const TableSpec kClientLogTable{"client_log", kClientLogColumns, kEntityKeySize, kClientLogTypes,
                                kClientLogIndexes};

const TableSpec kCheckinsTable{"checkins", kCheckinsColumns, kEntityKeySize, kCheckinsTypes,
                               kCheckinsIndexes};
const TableSpec kCheckinBlockersTable{"checkin_blockers", kCheckinBlockersColumns, kEntityKeySize,
                                      kCheckinBlockersTypes, kCheckinBlockersIndexes};
const TableSpec kCheckinQuestionsTable{"checkin_questions", kCheckinQuestionsColumns,
                                       kEntityKeySize, kCheckinQuestionsTypes,
                                       kCheckinQuestionsIndexes};
const TableSpec kFeedbackRequestsTable{"feedback_requests", kFeedbackRequestsColumns,
                                       kEntityKeySize, kFeedbackRequestsTypes,
                                       kFeedbackRequestsIndexes};
const TableSpec kFeedbackAnswersTable{"feedback_answers", kFeedbackAnswersColumns, kPairKeySize,
                                      kFeedbackAnswersTypes, kFeedbackAnswersIndexes};
const TableSpec kInboxItemsTable{"inbox_items", kInboxItemsColumns, kEntityKeySize,
                                 kInboxItemsTypes, kInboxItemsIndexes};
const TableSpec kMentorshipsTable{"mentorships", kMentorshipsColumns, kEntityKeySize,
                                  kMentorshipsTypes, kMentorshipsIndexes};
const TableSpec kMentorshipSkillsTable{"mentorship_skills", kMentorshipSkillsColumns, kChildKeySize,
                                       kPositionedText, kMentorshipSkillsIndexes};

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
    case EntityKind::kGoals: return kGoalsTable;
    case EntityKind::kGoalUpdates: return kGoalUpdatesTable;
    case EntityKind::kDeliverables: return kDeliverablesTable;
    case EntityKind::kClientRelationships: return kClientRelationshipsTable;
    case EntityKind::kPurposeChanges: return kPurposeChangesTable;
    case EntityKind::kClientLog: return kClientLogTable;
    case EntityKind::kCheckins: return kCheckinsTable;
    case EntityKind::kCheckinBlockers: return kCheckinBlockersTable;
    case EntityKind::kCheckinQuestions: return kCheckinQuestionsTable;
    case EntityKind::kFeedbackRequests: return kFeedbackRequestsTable;
    case EntityKind::kFeedbackAnswers: return kFeedbackAnswersTable;
    case EntityKind::kInboxItems: return kInboxItemsTable;
    case EntityKind::kMentorships: return kMentorshipsTable;
  }
  return kPeopleTable;
}

std::optional<EntityKind> KindOfTable(std::string_view name) {
  for (EntityKind kind : kAllEntityKinds) {
    if (TableOf(kind).name == name) return kind;
  }
  return std::nullopt;
}

std::optional<size_t> ColumnIndex(const TableSpec& table, std::string_view column) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i] == column) return i;
  }
  return std::nullopt;
}

std::span<const TableSpec* const> TablesChildrenFirst() {
  static constexpr std::array<const TableSpec*, 34> kTables = {&kMentorshipSkillsTable,
                                                               &kMentorshipsTable,
                                                               &kInboxItemsTable,
                                                               &kFeedbackAnswersTable,
                                                               &kFeedbackRequestsTable,
                                                               &kCheckinQuestionsTable,
                                                               &kCheckinBlockersTable,
                                                               &kCheckinsTable,
                                                               &kClientLogTable,
                                                               &kPurposeChangesTable,
                                                               &kClientRelationshipRaciTable,
                                                               &kClientRelationshipsTable,
                                                               &kDeliverableRaciTable,
                                                               &kDeliverablesTable,
                                                               &kGoalUpdatesTable,
                                                               &kGoalRaciTable,
                                                               &kGoalsTable,
                                                               &kOpeningPreferencesTable,
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
