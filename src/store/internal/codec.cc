#include "store/internal/codec.h"

#include <string>

#include "store/internal/codec_values.h"

namespace guild::store::internal {

namespace {

// --- people ---------------------------------------------------------------

void EncodePerson(const Person& p, RowSink& s) {
  s.Text(p.id);
  s.Text(p.name);
  s.Text(p.email);
  s.Text(p.title);
  s.Text(p.grade);
  s.Text(p.practice);
  s.Text(p.office);
  s.OptionalText(p.manager_id);
  s.Real(p.weekly_capacity_hours);
  s.OptionalDate(p.start_date);
  s.OptionalDate(p.end_date);
  s.OptionalReal(p.cost_rate);
}

Status DecodePerson(const RowSource& r, Person& p) {
  p.id = Str(r, 0);
  p.name = Str(r, 1);
  p.email = Str(r, 2);
  p.title = Str(r, 3);
  p.grade = Str(r, 4);
  p.practice = Str(r, 5);
  p.office = Str(r, 6);
  p.manager_id = Str(r, 7);
  p.weekly_capacity_hours = r.Real(8);
  RETURN_IF_ERROR(ReadOptionalDate(kPeopleTable, r, 9, p.start_date));
  RETURN_IF_ERROR(ReadOptionalDate(kPeopleTable, r, 10, p.end_date));
  if (r.IsNull(11)) {
    p.cost_rate.reset();
  } else {
    p.cost_rate = r.Real(11);
  }
  return OkStatus();
}

Status EncodePersonTags(const Person& p, RowSink& s) {
  for (size_t i = 0; i < p.tags.size(); ++i) {
    s.Text(p.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(p.tags[i]);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodePersonTag(const RowSource& r, Person& p) {
  p.tags.push_back(Str(r, 2));
  return OkStatus();
}

void PersonKey(const Person& p, std::string& out) { out = p.id; }

// --- skills ---------------------------------------------------------------

void EncodeSkill(const Skill& k, RowSink& s) {
  s.Text(k.id);
  s.Text(k.name);
  s.Text(k.description);
  s.OptionalText(k.broader_id);
  s.Text(ToString(k.source));
  s.Text(ToString(k.kind));
}

Status DecodeSkill(const RowSource& r, Skill& k) {
  k.id = Str(r, 0);
  k.name = Str(r, 1);
  k.description = Str(r, 2);
  k.broader_id = Str(r, 3);
  RETURN_IF_ERROR(ReadEnum(kSkillsTable, r, 4, &ParseSkillSource, k.source));
  return ReadEnum(kSkillsTable, r, 5, &ParseSkillKind, k.kind);
}

Status EncodeSkillSynonyms(const Skill& k, RowSink& s) {
  for (size_t i = 0; i < k.synonyms.size(); ++i) {
    s.Text(k.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(k.synonyms[i]);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodeSkillSynonym(const RowSource& r, Skill& k) {
  k.synonyms.push_back(Str(r, 2));
  return OkStatus();
}

void SkillKey(const Skill& k, std::string& out) { out = k.id; }

// --- person skills ----------------------------------------------------------

void EncodePersonSkill(const PersonSkill& p, RowSink& s) {
  s.Text(p.person_id);
  s.Text(p.skill_id);
  s.Text(ToString(p.source));
  s.Int(p.level);
  s.Bool(p.wants_to_grow);
  s.OptionalDate(p.last_used);
  s.OptionalDate(p.rated_on);
}

Status DecodePersonSkill(const RowSource& r, PersonSkill& p) {
  p.person_id = Str(r, 0);
  p.skill_id = Str(r, 1);
  RETURN_IF_ERROR(ReadEnum(kPersonSkillsTable, r, 2, &ParseRatingSource, p.source));
  p.level = static_cast<int>(r.Int(3));
  p.wants_to_grow = r.Bool(4);
  RETURN_IF_ERROR(ReadOptionalDate(kPersonSkillsTable, r, 5, p.last_used));
  return ReadOptionalDate(kPersonSkillsTable, r, 6, p.rated_on);
}

void PersonSkillKey(const PersonSkill& p, std::string& out) {
  out.assign(p.person_id).append("/").append(p.skill_id).append("/").append(ToString(p.source));
}

// --- roles ------------------------------------------------------------------

void EncodeRole(const Role& o, RowSink& s) {
  s.Text(o.id);
  s.Text(o.name);
  s.Text(o.description);
  s.Text(ToString(o.source));
}

Status DecodeRole(const RowSource& r, Role& o) {
  o.id = Str(r, 0);
  o.name = Str(r, 1);
  o.description = Str(r, 2);
  return ReadEnum(kRolesTable, r, 3, &ParseRoleSource, o.source);
}

Status EncodeRoleSkills(const Role& o, RowSink& s) {
  for (size_t i = 0; i < o.skills.size(); ++i) {
    const RoleSkill& k = o.skills[i];
    s.Text(o.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(k.skill_id);
    s.Int(k.level);
    s.Real(k.importance);
    s.Bool(k.essential);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodeRoleSkill(const RowSource& r, Role& o) {
  o.skills.push_back(RoleSkill{.skill_id = Str(r, 2),
                               .level = static_cast<int>(r.Int(3)),
                               .importance = r.Real(4),
                               .essential = r.Bool(5)});
  return OkStatus();
}

void RoleKey(const Role& o, std::string& out) { out = o.id; }

// --- clients ----------------------------------------------------------------

void EncodeClient(const Client& c, RowSink& s) {
  s.Text(c.id);
  s.Text(c.name);
  s.Text(c.industry);
  s.Bool(c.key_client);
}

Status DecodeClient(const RowSource& r, Client& c) {
  c.id = Str(r, 0);
  c.name = Str(r, 1);
  c.industry = Str(r, 2);
  c.key_client = r.Bool(3);
  return OkStatus();
}

void ClientKey(const Client& c, std::string& out) { out = c.id; }

// --- engagements ------------------------------------------------------------

void EncodeEngagement(const Engagement& e, RowSink& s) {
  s.Text(e.id);
  s.Text(e.client_id);
  s.Text(e.name);
  s.OptionalText(e.leader_id);
  s.DateValue(e.start);
  s.DateValue(e.end);
  s.Text(ToString(e.status));
}

Status DecodeEngagement(const RowSource& r, Engagement& e) {
  e.id = Str(r, 0);
  e.client_id = Str(r, 1);
  e.name = Str(r, 2);
  e.leader_id = Str(r, 3);
  RETURN_IF_ERROR(ReadDate(kEngagementsTable, r, 4, e.start));
  RETURN_IF_ERROR(ReadDate(kEngagementsTable, r, 5, e.end));
  return ReadEnum(kEngagementsTable, r, 6, &ParseEngagementStatus, e.status);
}

void EngagementKey(const Engagement& e, std::string& out) { out = e.id; }

// --- openings ---------------------------------------------------------------

void EncodeOpening(const Opening& o, RowSink& s) {
  s.Text(o.id);
  s.Text(o.engagement_id);
  s.Text(o.title);
  s.Real(o.hours_per_week);
  s.DateValue(o.start);
  s.DateValue(o.end);
  s.Int(o.headcount);
  s.Bool(o.lead);
}

Status DecodeOpening(const RowSource& r, Opening& o) {
  o.id = Str(r, 0);
  o.engagement_id = Str(r, 1);
  o.title = Str(r, 2);
  o.hours_per_week = r.Real(3);
  RETURN_IF_ERROR(ReadDate(kOpeningsTable, r, 4, o.start));
  RETURN_IF_ERROR(ReadDate(kOpeningsTable, r, 5, o.end));
  o.headcount = static_cast<int>(r.Int(6));
  o.lead = r.Bool(7);
  return OkStatus();
}

Status EncodeOpeningRequirements(const Opening& o, RowSink& s) {
  for (size_t i = 0; i < o.required.size(); ++i) {
    s.Text(o.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(o.required[i].skill_id);
    s.Int(o.required[i].min_level);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodeOpeningRequirement(const RowSource& r, Opening& o) {
  o.required.push_back(
      SkillRequirement{.skill_id = Str(r, 2), .min_level = static_cast<int>(r.Int(3))});
  return OkStatus();
}

void OpeningKey(const Opening& o, std::string& out) { out = o.id; }

// --- assignments ------------------------------------------------------------

void EncodeAssignment(const Assignment& a, RowSink& s) {
  s.Text(a.id);
  s.Text(a.person_id);
  s.Text(a.opening_id);
  s.Real(a.hours_per_week);
  s.DateValue(a.start);
  s.DateValue(a.end);
  s.Text(ToString(a.status));
}

Status DecodeAssignment(const RowSource& r, Assignment& a) {
  a.id = Str(r, 0);
  a.person_id = Str(r, 1);
  a.opening_id = Str(r, 2);
  a.hours_per_week = r.Real(3);
  RETURN_IF_ERROR(ReadDate(kAssignmentsTable, r, 4, a.start));
  RETURN_IF_ERROR(ReadDate(kAssignmentsTable, r, 5, a.end));
  return ReadEnum(kAssignmentsTable, r, 6, &ParseAssignmentStatus, a.status);
}

void AssignmentKey(const Assignment& a, std::string& out) { out = a.id; }

// --- teams ------------------------------------------------------------------

void EncodeTeam(const Team& t, RowSink& s) {
  s.Text(t.id);
  s.Text(t.name);
  s.Text(t.purpose);
  s.OptionalText(t.leader_id);
  s.OptionalText(t.client_id);
  s.Bool(t.leadership_team);
  s.Text(ToString(t.kind));
  s.OptionalText(t.engagement_id);
  s.Int(t.checkin_cadence_days);
}

Status DecodeTeam(const RowSource& r, Team& t) {
  t.id = Str(r, 0);
  t.name = Str(r, 1);
  t.purpose = Str(r, 2);
  t.leader_id = Str(r, 3);
  t.client_id = Str(r, 4);
  t.leadership_team = r.Bool(5);
  RETURN_IF_ERROR(ReadEnum(kTeamsTable, r, 6, &ParseTeamKind, t.kind));
  t.engagement_id = Str(r, 7);
  t.checkin_cadence_days = static_cast<int>(r.Int(8));
  return OkStatus();
}

Status EncodeTeamMembers(const Team& t, RowSink& s) {
  for (size_t i = 0; i < t.members.size(); ++i) {
    s.Text(t.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(t.members[i].person_id);
    s.Text(t.members[i].role);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodeTeamMember(const RowSource& r, Team& t) {
  t.members.push_back(TeamMember{.person_id = Str(r, 2), .role = Str(r, 3)});
  return OkStatus();
}

void TeamKey(const Team& t, std::string& out) { out = t.id; }

// --- time entries -------------------------------------------------------------

void EncodeTimeEntry(const TimeEntry& e, RowSink& s) {
  s.Text(e.id);
  s.Text(e.person_id);
  s.DateValue(e.date);
  s.Real(e.hours);
  s.Text(ToString(e.category));
  s.OptionalText(e.engagement_id);
}

Status DecodeTimeEntry(const RowSource& r, TimeEntry& e) {
  e.id = Str(r, 0);
  e.person_id = Str(r, 1);
  RETURN_IF_ERROR(ReadDate(kTimeEntriesTable, r, 2, e.date));
  e.hours = r.Real(3);
  RETURN_IF_ERROR(ReadEnum(kTimeEntriesTable, r, 4, &ParseTimeCategory, e.category));
  e.engagement_id = Str(r, 5);
  return OkStatus();
}

void TimeEntryKey(const TimeEntry& e, std::string& out) { out = e.id; }

// --- skill history --------------------------------------------------------------

void EncodeSkillHistory(const SkillHistoryEntry& h, RowSink& s) {
  s.Text(h.person_id);
  s.Text(h.skill_id);
  s.DateValue(h.date);
  s.Int(h.level);
}

Status DecodeSkillHistory(const RowSource& r, SkillHistoryEntry& h) {
  h.person_id = Str(r, 0);
  h.skill_id = Str(r, 1);
  RETURN_IF_ERROR(ReadDate(kSkillHistoryTable, r, 2, h.date));
  h.level = static_cast<int>(r.Int(3));
  return OkStatus();
}

void SkillHistoryKey(const SkillHistoryEntry& h, std::string& out) {
  out.assign(h.person_id).append("/").append(h.skill_id).append("/").append(FormatDate(h.date));
}

// --- opening preferences ---------------------------------------------------------

void EncodeOpeningPreference(const OpeningPreference& p, RowSink& s) {
  s.Text(p.opening_id);
  s.Text(p.person_id);
  s.Text(ToString(p.kind));
  s.Text(p.note);
}

Status DecodeOpeningPreference(const RowSource& r, OpeningPreference& p) {
  p.opening_id = Str(r, 0);
  p.person_id = Str(r, 1);
  RETURN_IF_ERROR(ReadEnum(kOpeningPreferencesTable, r, 2, &ParsePreferenceKind, p.kind));
  p.note = Str(r, 3);
  return OkStatus();
}

void OpeningPreferenceKey(const OpeningPreference& p, std::string& out) {
  out.assign(p.opening_id).append("/").append(p.person_id);
}

// --- RACI lists (goals, deliverables, client relationships) ---------------------

template <typename T>
Status EncodeRaci(const T& item, RowSink& s) {
  for (size_t i = 0; i < item.raci.size(); ++i) {
    s.Text(item.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(item.raci[i].person_id);
    s.Text(ToString(item.raci[i].role));
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

template <typename T, const TableSpec& kTable>
Status DecodeRaci(const RowSource& r, T& item) {
  RaciEntry entry{.person_id = Str(r, 2)};
  RETURN_IF_ERROR(ReadEnum(kTable, r, 3, &ParseRaciRole, entry.role));
  item.raci.push_back(std::move(entry));
  return OkStatus();
}

// --- goals ---------------------------------------------------------------------

void EncodeGoal(const Goal& g, RowSink& s) {
  s.Text(g.id);
  s.OptionalText(g.team_id);
  s.Text(g.title);
  s.Text(g.metric);
  s.Text(g.unit);
  s.Real(g.start_value);
  s.Real(g.target_value);
  s.Text(ToString(g.direction));
  s.DateValue(g.start_date);
  s.DateValue(g.due_date);
  s.Text(g.owner_id);
  s.OptionalText(g.parent_id);
  s.Bool(g.shared);
  s.OptionalReal(g.current_value);
  s.OptionalDate(g.measured_on);
}

Status DecodeGoal(const RowSource& r, Goal& g) {
  g.id = Str(r, 0);
  g.team_id = Str(r, 1);
  g.title = Str(r, 2);
  g.metric = Str(r, 3);
  g.unit = Str(r, 4);
  g.start_value = r.Real(5);
  g.target_value = r.Real(6);
  RETURN_IF_ERROR(ReadEnum(kGoalsTable, r, 7, &ParseGoalDirection, g.direction));
  RETURN_IF_ERROR(ReadDate(kGoalsTable, r, 8, g.start_date));
  RETURN_IF_ERROR(ReadDate(kGoalsTable, r, 9, g.due_date));
  g.owner_id = Str(r, 10);
  g.parent_id = Str(r, 11);
  g.shared = r.Bool(12);
  if (r.IsNull(13)) {
    g.current_value.reset();
  } else {
    g.current_value = r.Real(13);
  }
  return ReadOptionalDate(kGoalsTable, r, 14, g.measured_on);
}

void GoalKey(const Goal& g, std::string& out) { out = g.id; }

void EncodeGoalUpdate(const GoalUpdate& u, RowSink& s) {
  s.Text(u.goal_id);
  s.DateValue(u.date);
  s.Real(u.value);
  s.Text(u.comment);
  s.OptionalText(u.author_id);
}

Status DecodeGoalUpdate(const RowSource& r, GoalUpdate& u) {
  u.goal_id = Str(r, 0);
  RETURN_IF_ERROR(ReadDate(kGoalUpdatesTable, r, 1, u.date));
  u.value = r.Real(2);
  u.comment = Str(r, 3);
  u.author_id = Str(r, 4);
  return OkStatus();
}

void GoalUpdateKey(const GoalUpdate& u, std::string& out) {
  out.assign(u.goal_id).append("/").append(FormatDate(u.date));
}

// --- deliverables and client relationships ---------------------------------------

void EncodeDeliverable(const Deliverable& d, RowSink& s) {
  s.Text(d.id);
  s.Text(d.team_id);
  s.Text(d.name);
  s.DateValue(d.due_date);
  s.Text(ToString(d.status));
}

Status DecodeDeliverable(const RowSource& r, Deliverable& d) {
  d.id = Str(r, 0);
  d.team_id = Str(r, 1);
  d.name = Str(r, 2);
  RETURN_IF_ERROR(ReadDate(kDeliverablesTable, r, 3, d.due_date));
  return ReadEnum(kDeliverablesTable, r, 4, &ParseDeliverableStatus, d.status);
}

void DeliverableKey(const Deliverable& d, std::string& out) { out = d.id; }

void EncodeClientRelationship(const ClientRelationship& c, RowSink& s) {
  s.Text(c.id);
  s.Text(c.team_id);
  s.Text(c.client_id);
  s.Text(c.contact);
}

Status DecodeClientRelationship(const RowSource& r, ClientRelationship& c) {
  c.id = Str(r, 0);
  c.team_id = Str(r, 1);
  c.client_id = Str(r, 2);
  c.contact = Str(r, 3);
  return OkStatus();
}

void ClientRelationshipKey(const ClientRelationship& c, std::string& out) { out = c.id; }

// --- purpose changes and the client log --------------------------------------------

void EncodePurposeChange(const PurposeChange& c, RowSink& s) {
  s.Text(c.team_id);
  s.Int(c.at);
  s.OptionalText(c.author_id);
  s.Text(c.before);
  s.Text(c.after);
}

Status DecodePurposeChange(const RowSource& r, PurposeChange& c) {
  c.team_id = Str(r, 0);
  c.at = r.Int(1);
  c.author_id = Str(r, 2);
  c.before = Str(r, 3);
  c.after = Str(r, 4);
  return OkStatus();
}

void PurposeChangeKey(const PurposeChange& c, std::string& out) {
  out.assign(c.team_id).append("/").append(std::to_string(c.at));
}

void EncodeClientLogEntry(const ClientLogEntry& e, RowSink& s) {
  s.Text(e.id);
  s.Text(e.engagement_id);
  s.DateValue(e.date);
  s.OptionalText(e.author_id);
  s.Text(e.changed);
  s.Text(e.issues);
  s.Text(e.resolution);
}

Status DecodeClientLogEntry(const RowSource& r, ClientLogEntry& e) {
  e.id = Str(r, 0);
  e.engagement_id = Str(r, 1);
  RETURN_IF_ERROR(ReadDate(kClientLogTable, r, 2, e.date));
  e.author_id = Str(r, 3);
  e.changed = Str(r, 4);
  e.issues = Str(r, 5);
  e.resolution = Str(r, 6);
  return OkStatus();
}

void ClientLogEntryKey(const ClientLogEntry& e, std::string& out) { out = e.id; }

}  // namespace

const EntityCodec<Person> kPeopleCodec{
    EntityKind::kPeople,
    &kPeopleTable,
    &FirmData::people,
    &EncodePerson,
    &DecodePerson,
    &PersonKey,
    ChildCodec<Person>{&kPersonTagsTable, &EncodePersonTags, &DecodePersonTag}};
const EntityCodec<Skill> kSkillsCodec{
    EntityKind::kSkills,
    &kSkillsTable,
    &FirmData::skills,
    &EncodeSkill,
    &DecodeSkill,
    &SkillKey,
    ChildCodec<Skill>{&kSkillSynonymsTable, &EncodeSkillSynonyms, &DecodeSkillSynonym}};
const EntityCodec<PersonSkill> kPersonSkillsCodec{EntityKind::kPersonSkills,
                                                  &kPersonSkillsTable,
                                                  &FirmData::person_skills,
                                                  &EncodePersonSkill,
                                                  &DecodePersonSkill,
                                                  &PersonSkillKey,
                                                  std::nullopt};
const EntityCodec<Role> kRolesCodec{
    EntityKind::kRoles,
    &kRolesTable,
    &FirmData::roles,
    &EncodeRole,
    &DecodeRole,
    &RoleKey,
    ChildCodec<Role>{&kRoleSkillsTable, &EncodeRoleSkills, &DecodeRoleSkill}};
const EntityCodec<Client> kClientsCodec{EntityKind::kClients, &kClientsTable, &FirmData::clients,
                                        &EncodeClient,        &DecodeClient,  &ClientKey,
                                        std::nullopt};
const EntityCodec<Engagement> kEngagementsCodec{EntityKind::kEngagements,
                                                &kEngagementsTable,
                                                &FirmData::engagements,
                                                &EncodeEngagement,
                                                &DecodeEngagement,
                                                &EngagementKey,
                                                std::nullopt};
const EntityCodec<Opening> kOpeningsCodec{
    EntityKind::kOpenings,
    &kOpeningsTable,
    &FirmData::openings,
    &EncodeOpening,
    &DecodeOpening,
    &OpeningKey,
    ChildCodec<Opening>{&kOpeningRequirementsTable, &EncodeOpeningRequirements,
                        &DecodeOpeningRequirement}};
const EntityCodec<Assignment> kAssignmentsCodec{EntityKind::kAssignments,
                                                &kAssignmentsTable,
                                                &FirmData::assignments,
                                                &EncodeAssignment,
                                                &DecodeAssignment,
                                                &AssignmentKey,
                                                std::nullopt};
const EntityCodec<Team> kTeamsCodec{
    EntityKind::kTeams,
    &kTeamsTable,
    &FirmData::teams,
    &EncodeTeam,
    &DecodeTeam,
    &TeamKey,
    ChildCodec<Team>{&kTeamMembersTable, &EncodeTeamMembers, &DecodeTeamMember}};
const EntityCodec<TimeEntry> kTimeEntriesCodec{EntityKind::kTimeEntries,
                                               &kTimeEntriesTable,
                                               &FirmData::time_entries,
                                               &EncodeTimeEntry,
                                               &DecodeTimeEntry,
                                               &TimeEntryKey,
                                               std::nullopt};
const EntityCodec<SkillHistoryEntry> kSkillHistoryCodec{EntityKind::kSkillHistory,
                                                        &kSkillHistoryTable,
                                                        &FirmData::skill_history,
                                                        &EncodeSkillHistory,
                                                        &DecodeSkillHistory,
                                                        &SkillHistoryKey,
                                                        std::nullopt};

const EntityCodec<OpeningPreference> kOpeningPreferencesCodec{EntityKind::kOpeningPreferences,
                                                              &kOpeningPreferencesTable,
                                                              &FirmData::opening_preferences,
                                                              &EncodeOpeningPreference,
                                                              &DecodeOpeningPreference,
                                                              &OpeningPreferenceKey,
                                                              std::nullopt};

const EntityCodec<Goal> kGoalsCodec{
    EntityKind::kGoals,
    &kGoalsTable,
    &FirmData::goals,
    &EncodeGoal,
    &DecodeGoal,
    &GoalKey,
    ChildCodec<Goal>{&kGoalRaciTable, &EncodeRaci<Goal>, &DecodeRaci<Goal, kGoalRaciTable>}};
const EntityCodec<GoalUpdate> kGoalUpdatesCodec{EntityKind::kGoalUpdates,
                                                &kGoalUpdatesTable,
                                                &FirmData::goal_updates,
                                                &EncodeGoalUpdate,
                                                &DecodeGoalUpdate,
                                                &GoalUpdateKey,
                                                std::nullopt};
const EntityCodec<Deliverable> kDeliverablesCodec{
    EntityKind::kDeliverables,
    &kDeliverablesTable,
    &FirmData::deliverables,
    &EncodeDeliverable,
    &DecodeDeliverable,
    &DeliverableKey,
    ChildCodec<Deliverable>{&kDeliverableRaciTable, &EncodeRaci<Deliverable>,
                            &DecodeRaci<Deliverable, kDeliverableRaciTable>}};
const EntityCodec<ClientRelationship> kClientRelationshipsCodec{
    EntityKind::kClientRelationships,
    &kClientRelationshipsTable,
    &FirmData::client_relationships,
    &EncodeClientRelationship,
    &DecodeClientRelationship,
    &ClientRelationshipKey,
    ChildCodec<ClientRelationship>{&kClientRelationshipRaciTable, &EncodeRaci<ClientRelationship>,
                                   &DecodeRaci<ClientRelationship, kClientRelationshipRaciTable>}};
const EntityCodec<PurposeChange> kPurposeChangesCodec{EntityKind::kPurposeChanges,
                                                      &kPurposeChangesTable,
                                                      &FirmData::purpose_changes,
                                                      &EncodePurposeChange,
                                                      &DecodePurposeChange,
                                                      &PurposeChangeKey,
                                                      std::nullopt};
const EntityCodec<ClientLogEntry> kClientLogCodec{
    EntityKind::kClientLog, &kClientLogTable,   &FirmData::client_log, &EncodeClientLogEntry,
    &DecodeClientLogEntry,  &ClientLogEntryKey, std::nullopt};

}  // namespace guild::store::internal
