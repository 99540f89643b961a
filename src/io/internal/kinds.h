// What import and export need to know about each entity type: its layout
// (Fields), where it lives in FirmData, its validation rule, its key (for
// duplicates inside a file) and its references to other entities.
//
// Kind<E> is specialised for every entity type E. Row is what one line of a
// file reads into: E itself, except for people (PersonRow carries the HR
// columns first/last name and manager email, resolved after reading).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "domain/validate.h"
#include "io/internal/field.h"

namespace guild::io::internal {

//! Identifies an entity for duplicate detection; views into the entity.
struct RowKey {
  std::string_view a;
  std::string_view b;
  int64_t n = 0;
  bool operator==(const RowKey&) const = default;
};

struct RowKeyHash {
  size_t operator()(const RowKey& k) const {
    size_t h = std::hash<std::string_view>()(k.a);
    h = h * 31 + std::hash<std::string_view>()(k.b);
    return h * 31 + std::hash<int64_t>()(k.n);
  }
};

//! Called once per reference: (field name, kind referred to, id; may be empty).
using ReferenceFn = std::function<void(std::string_view, EntityKind, const std::string&)>;

//! A people row: the person plus HR-export columns.
struct PersonRow {
  Person person;
  std::string first_name;
  std::string last_name;
  std::string manager_email;
};

template <typename E>
struct Kind;

//! Members shared by every kind whose row is the entity itself.
template <typename E>
struct PlainRow {
  using Row = E;
  static E& EntityOf(Row& row) { return row; }
  static Row ToRow(const E& entity) { return entity; }
};

template <>
struct Kind<Person> {
  using Row = PersonRow;
  static constexpr EntityKind kKind = EntityKind::kPeople;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Person>& Items(FirmData& d) { return d.people; }
  static void Validate(const Person& e, std::vector<FieldError>& out) { ValidatePerson(e, out); }
  static RowKey Key(const Person& e) { return {e.id, {}, 0}; }
  static void References(const Person& e, const ReferenceFn& fn) {
    fn("manager_id", EntityKind::kPeople, e.manager_id);
  }
  static Person& EntityOf(Row& row) { return row.person; }
  static Row ToRow(const Person& entity) { return {entity, {}, {}, {}}; }
};

template <>
struct Kind<Skill> : PlainRow<Skill> {
  static constexpr EntityKind kKind = EntityKind::kSkills;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Skill>& Items(FirmData& d) { return d.skills; }
  static void Validate(const Skill& e, std::vector<FieldError>& out) { ValidateSkill(e, out); }
  static RowKey Key(const Skill& e) { return {e.id, {}, 0}; }
  static void References(const Skill& e, const ReferenceFn& fn) {
    fn("broader_id", EntityKind::kSkills, e.broader_id);
  }
};

template <>
struct Kind<PersonSkill> : PlainRow<PersonSkill> {
  static constexpr EntityKind kKind = EntityKind::kPersonSkills;
  static constexpr std::string_view kKeyFields = "person_id, skill_id and source";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<PersonSkill>& Items(FirmData& d) { return d.person_skills; }
  static void Validate(const PersonSkill& e, std::vector<FieldError>& out) {
    ValidatePersonSkill(e, out);
  }
  static RowKey Key(const PersonSkill& e) {
    return {e.person_id, e.skill_id, static_cast<int64_t>(e.source)};
  }
  static void References(const PersonSkill& e, const ReferenceFn& fn) {
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("skill_id", EntityKind::kSkills, e.skill_id);
  }
};

template <>
struct Kind<Role> : PlainRow<Role> {
  static constexpr EntityKind kKind = EntityKind::kRoles;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Role>& Items(FirmData& d) { return d.roles; }
  static void Validate(const Role& e, std::vector<FieldError>& out) { ValidateRole(e, out); }
  static RowKey Key(const Role& e) { return {e.id, {}, 0}; }
  static void References(const Role& e, const ReferenceFn& fn) {
    for (const auto& s : e.skills) fn("skills", EntityKind::kSkills, s.skill_id);
  }
};

template <>
struct Kind<Client> : PlainRow<Client> {
  static constexpr EntityKind kKind = EntityKind::kClients;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Client>& Items(FirmData& d) { return d.clients; }
  static void Validate(const Client& e, std::vector<FieldError>& out) { ValidateClient(e, out); }
  static RowKey Key(const Client& e) { return {e.id, {}, 0}; }
  static void References(const Client&, const ReferenceFn&) {}
};

template <>
struct Kind<Engagement> : PlainRow<Engagement> {
  static constexpr EntityKind kKind = EntityKind::kEngagements;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Engagement>& Items(FirmData& d) { return d.engagements; }
  static void Validate(const Engagement& e, std::vector<FieldError>& out) {
    ValidateEngagement(e, out);
  }
  static RowKey Key(const Engagement& e) { return {e.id, {}, 0}; }
  static void References(const Engagement& e, const ReferenceFn& fn) {
    fn("client_id", EntityKind::kClients, e.client_id);
    fn("leader_id", EntityKind::kPeople, e.leader_id);
  }
};

template <>
struct Kind<Opening> : PlainRow<Opening> {
  static constexpr EntityKind kKind = EntityKind::kOpenings;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Opening>& Items(FirmData& d) { return d.openings; }
  static void Validate(const Opening& e, std::vector<FieldError>& out) { ValidateOpening(e, out); }
  static RowKey Key(const Opening& e) { return {e.id, {}, 0}; }
  static void References(const Opening& e, const ReferenceFn& fn) {
    fn("engagement_id", EntityKind::kEngagements, e.engagement_id);
    for (const auto& r : e.required) fn("required", EntityKind::kSkills, r.skill_id);
  }
};

template <>
struct Kind<Assignment> : PlainRow<Assignment> {
  static constexpr EntityKind kKind = EntityKind::kAssignments;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Assignment>& Items(FirmData& d) { return d.assignments; }
  static void Validate(const Assignment& e, std::vector<FieldError>& out) {
    ValidateAssignment(e, out);
  }
  static RowKey Key(const Assignment& e) { return {e.id, {}, 0}; }
  static void References(const Assignment& e, const ReferenceFn& fn) {
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("opening_id", EntityKind::kOpenings, e.opening_id);
  }
};

template <>
struct Kind<Team> : PlainRow<Team> {
  static constexpr EntityKind kKind = EntityKind::kTeams;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Team>& Items(FirmData& d) { return d.teams; }
  static void Validate(const Team& e, std::vector<FieldError>& out) { ValidateTeam(e, out); }
  static RowKey Key(const Team& e) { return {e.id, {}, 0}; }
  static void References(const Team& e, const ReferenceFn& fn) {
    fn("leader_id", EntityKind::kPeople, e.leader_id);
    fn("client_id", EntityKind::kClients, e.client_id);
    for (const auto& m : e.members) fn("members", EntityKind::kPeople, m.person_id);
    fn("engagement_id", EntityKind::kEngagements, e.engagement_id);
  }
};

template <>
struct Kind<TimeEntry> : PlainRow<TimeEntry> {
  static constexpr EntityKind kKind = EntityKind::kTimeEntries;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<TimeEntry>& Items(FirmData& d) { return d.time_entries; }
  static void Validate(const TimeEntry& e, std::vector<FieldError>& out) {
    ValidateTimeEntry(e, out);
  }
  static RowKey Key(const TimeEntry& e) { return {e.id, {}, 0}; }
  static void References(const TimeEntry& e, const ReferenceFn& fn) {
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("engagement_id", EntityKind::kEngagements, e.engagement_id);
  }
};

template <>
struct Kind<SkillHistoryEntry> : PlainRow<SkillHistoryEntry> {
  static constexpr EntityKind kKind = EntityKind::kSkillHistory;
  static constexpr std::string_view kKeyFields = "person_id, skill_id and date";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<SkillHistoryEntry>& Items(FirmData& d) { return d.skill_history; }
  static void Validate(const SkillHistoryEntry& e, std::vector<FieldError>& out) {
    ValidateSkillHistoryEntry(e, out);
  }
  static RowKey Key(const SkillHistoryEntry& e) { return {e.person_id, e.skill_id, e.date.days}; }
  static void References(const SkillHistoryEntry& e, const ReferenceFn& fn) {
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("skill_id", EntityKind::kSkills, e.skill_id);
  }
};

template <>
struct Kind<OpeningPreference> : PlainRow<OpeningPreference> {
  static constexpr EntityKind kKind = EntityKind::kOpeningPreferences;
  static constexpr std::string_view kKeyFields = "opening_id and person_id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<OpeningPreference>& Items(FirmData& d) { return d.opening_preferences; }
  static void Validate(const OpeningPreference& e, std::vector<FieldError>& out) {
    ValidateOpeningPreference(e, out);
  }
  static RowKey Key(const OpeningPreference& e) { return {e.opening_id, e.person_id, 0}; }
  static void References(const OpeningPreference& e, const ReferenceFn& fn) {
    fn("opening_id", EntityKind::kOpenings, e.opening_id);
    fn("person_id", EntityKind::kPeople, e.person_id);
  }
};

template <>
struct Kind<Goal> : PlainRow<Goal> {
  static constexpr EntityKind kKind = EntityKind::kGoals;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Goal>& Items(FirmData& d) { return d.goals; }
  static void Validate(const Goal& e, std::vector<FieldError>& out) { ValidateGoal(e, out); }
  static RowKey Key(const Goal& e) { return {e.id, {}, 0}; }
  static void References(const Goal& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("owner_id", EntityKind::kPeople, e.owner_id);
    fn("parent_id", EntityKind::kGoals, e.parent_id);
    for (const auto& r : e.raci) fn("raci", EntityKind::kPeople, r.person_id);
  }
};

template <>
struct Kind<GoalUpdate> : PlainRow<GoalUpdate> {
  static constexpr EntityKind kKind = EntityKind::kGoalUpdates;
  static constexpr std::string_view kKeyFields = "goal_id and date";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<GoalUpdate>& Items(FirmData& d) { return d.goal_updates; }
  static void Validate(const GoalUpdate& e, std::vector<FieldError>& out) {
    ValidateGoalUpdate(e, out);
  }
  static RowKey Key(const GoalUpdate& e) { return {e.goal_id, {}, e.date.days}; }
  static void References(const GoalUpdate& e, const ReferenceFn& fn) {
    fn("goal_id", EntityKind::kGoals, e.goal_id);
    fn("author_id", EntityKind::kPeople, e.author_id);
  }
};

template <>
struct Kind<Deliverable> : PlainRow<Deliverable> {
  static constexpr EntityKind kKind = EntityKind::kDeliverables;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Deliverable>& Items(FirmData& d) { return d.deliverables; }
  static void Validate(const Deliverable& e, std::vector<FieldError>& out) {
    ValidateDeliverable(e, out);
  }
  static RowKey Key(const Deliverable& e) { return {e.id, {}, 0}; }
  static void References(const Deliverable& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    for (const auto& r : e.raci) fn("raci", EntityKind::kPeople, r.person_id);
  }
};

template <>
struct Kind<ClientRelationship> : PlainRow<ClientRelationship> {
  static constexpr EntityKind kKind = EntityKind::kClientRelationships;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<ClientRelationship>& Items(FirmData& d) { return d.client_relationships; }
  static void Validate(const ClientRelationship& e, std::vector<FieldError>& out) {
    ValidateClientRelationship(e, out);
  }
  static RowKey Key(const ClientRelationship& e) { return {e.id, {}, 0}; }
  static void References(const ClientRelationship& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("client_id", EntityKind::kClients, e.client_id);
    for (const auto& r : e.raci) fn("raci", EntityKind::kPeople, r.person_id);
  }
};

template <>
struct Kind<PurposeChange> : PlainRow<PurposeChange> {
  static constexpr EntityKind kKind = EntityKind::kPurposeChanges;
  static constexpr std::string_view kKeyFields = "team_id and at";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<PurposeChange>& Items(FirmData& d) { return d.purpose_changes; }
  static void Validate(const PurposeChange& e, std::vector<FieldError>& out) {
    ValidatePurposeChange(e, out);
  }
  static RowKey Key(const PurposeChange& e) { return {e.team_id, {}, e.at}; }
  static void References(const PurposeChange& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("author_id", EntityKind::kPeople, e.author_id);
  }
};

template <>
struct Kind<ClientLogEntry> : PlainRow<ClientLogEntry> {
  static constexpr EntityKind kKind = EntityKind::kClientLog;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<ClientLogEntry>& Items(FirmData& d) { return d.client_log; }
  static void Validate(const ClientLogEntry& e, std::vector<FieldError>& out) {
    ValidateClientLogEntry(e, out);
  }
  static RowKey Key(const ClientLogEntry& e) { return {e.id, {}, 0}; }
  static void References(const ClientLogEntry& e, const ReferenceFn& fn) {
    fn("engagement_id", EntityKind::kEngagements, e.engagement_id);
    fn("author_id", EntityKind::kPeople, e.author_id);
  }
};

// Check-ins and feedback (kinds_checkins.cc).

template <>
struct Kind<Checkin> : PlainRow<Checkin> {
  static constexpr EntityKind kKind = EntityKind::kCheckins;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Checkin>& Items(FirmData& d) { return d.checkins; }
  static void Validate(const Checkin& e, std::vector<FieldError>& out) { ValidateCheckin(e, out); }
  static RowKey Key(const Checkin& e) { return {e.id, {}, 0}; }
  static void References(const Checkin& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("person_id", EntityKind::kPeople, e.person_id);
  }
};

template <>
struct Kind<CheckinBlocker> : PlainRow<CheckinBlocker> {
  static constexpr EntityKind kKind = EntityKind::kCheckinBlockers;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<CheckinBlocker>& Items(FirmData& d) { return d.checkin_blockers; }
  static void Validate(const CheckinBlocker& e, std::vector<FieldError>& out) {
    ValidateCheckinBlocker(e, out);
  }
  static RowKey Key(const CheckinBlocker& e) { return {e.id, {}, 0}; }
  static void References(const CheckinBlocker& e, const ReferenceFn& fn) {
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("checkin_id", EntityKind::kCheckins, e.checkin_id);
  }
};

template <>
struct Kind<CheckinQuestion> : PlainRow<CheckinQuestion> {
  static constexpr EntityKind kKind = EntityKind::kCheckinQuestions;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<CheckinQuestion>& Items(FirmData& d) { return d.checkin_questions; }
  static void Validate(const CheckinQuestion& e, std::vector<FieldError>& out) {
    ValidateCheckinQuestion(e, out);
  }
  static RowKey Key(const CheckinQuestion& e) { return {e.id, {}, 0}; }
  static void References(const CheckinQuestion& e, const ReferenceFn& fn) {
    fn("checkin_id", EntityKind::kCheckins, e.checkin_id);
    fn("team_id", EntityKind::kTeams, e.team_id);
    fn("asker_id", EntityKind::kPeople, e.asker_id);
    fn("addressee_id", EntityKind::kPeople, e.addressee_id);
  }
};

template <>
struct Kind<FeedbackRequest> : PlainRow<FeedbackRequest> {
  static constexpr EntityKind kKind = EntityKind::kFeedbackRequests;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<FeedbackRequest>& Items(FirmData& d) { return d.feedback_requests; }
  static void Validate(const FeedbackRequest& e, std::vector<FieldError>& out) {
    ValidateFeedbackRequest(e, out);
  }
  static RowKey Key(const FeedbackRequest& e) { return {e.id, {}, 0}; }
  static void References(const FeedbackRequest& e, const ReferenceFn& fn) {
    fn("requester_id", EntityKind::kPeople, e.requester_id);
    fn("engagement_id", EntityKind::kEngagements, e.engagement_id);
  }
};

template <>
struct Kind<FeedbackAnswer> : PlainRow<FeedbackAnswer> {
  static constexpr EntityKind kKind = EntityKind::kFeedbackAnswers;
  static constexpr std::string_view kKeyFields = "request_id and reviewer_id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<FeedbackAnswer>& Items(FirmData& d) { return d.feedback_answers; }
  static void Validate(const FeedbackAnswer& e, std::vector<FieldError>& out) {
    ValidateFeedbackAnswer(e, out);
  }
  static RowKey Key(const FeedbackAnswer& e) { return {e.request_id, e.reviewer_id, 0}; }
  static void References(const FeedbackAnswer& e, const ReferenceFn& fn) {
    fn("request_id", EntityKind::kFeedbackRequests, e.request_id);
    fn("reviewer_id", EntityKind::kPeople, e.reviewer_id);
    fn("shared_with_id", EntityKind::kPeople, e.shared_with_id);
  }
};

template <>
struct Kind<InboxItem> : PlainRow<InboxItem> {
  static constexpr EntityKind kKind = EntityKind::kInboxItems;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<InboxItem>& Items(FirmData& d) { return d.inbox_items; }
  static void Validate(const InboxItem& e, std::vector<FieldError>& out) {
    ValidateInboxItem(e, out);
  }
  static RowKey Key(const InboxItem& e) { return {e.id, {}, 0}; }
  static void References(const InboxItem& e, const ReferenceFn& fn) {
    fn("person_id", EntityKind::kPeople, e.person_id);
    fn("from_id", EntityKind::kPeople, e.from_id);
  }
};

template <>
struct Kind<Mentorship> : PlainRow<Mentorship> {
  static constexpr EntityKind kKind = EntityKind::kMentorships;
  static constexpr std::string_view kKeyFields = "id";
  static const std::vector<Field<Row>>& Fields();
  static SharedVector<Mentorship>& Items(FirmData& d) { return d.mentorships; }
  static void Validate(const Mentorship& e, std::vector<FieldError>& out) {
    ValidateMentorship(e, out);
  }
  static RowKey Key(const Mentorship& e) { return {e.id, {}, 0}; }
  static void References(const Mentorship& e, const ReferenceFn& fn) {
    fn("mentee_id", EntityKind::kPeople, e.mentee_id);
    fn("mentor_id", EntityKind::kPeople, e.mentor_id);
    for (const std::string& skill : e.skill_ids) fn("skill_ids", EntityKind::kSkills, skill);
  }
};

//! The entities of type E in `data`.
template <typename E>
const std::vector<E>& ItemsOf(const FirmData& data) {
  return Kind<E>::Items(const_cast<FirmData&>(data)).get();  // only reads
}

//! Calls fn.template operator()<E>() with the entity type of `kind`.
template <typename Fn>
decltype(auto) VisitKind(EntityKind kind, Fn&& fn) {
  switch (kind) {
    case EntityKind::kPeople: return fn.template operator()<Person>();
    case EntityKind::kSkills: return fn.template operator()<Skill>();
    case EntityKind::kPersonSkills: return fn.template operator()<PersonSkill>();
    case EntityKind::kRoles: return fn.template operator()<Role>();
    case EntityKind::kClients: return fn.template operator()<Client>();
    case EntityKind::kEngagements: return fn.template operator()<Engagement>();
    case EntityKind::kOpenings: return fn.template operator()<Opening>();
    case EntityKind::kAssignments: return fn.template operator()<Assignment>();
    case EntityKind::kTeams: return fn.template operator()<Team>();
    case EntityKind::kTimeEntries: return fn.template operator()<TimeEntry>();
    case EntityKind::kSkillHistory: return fn.template operator()<SkillHistoryEntry>();
    case EntityKind::kOpeningPreferences: return fn.template operator()<OpeningPreference>();
    case EntityKind::kGoals: return fn.template operator()<Goal>();
    case EntityKind::kGoalUpdates: return fn.template operator()<GoalUpdate>();
    case EntityKind::kDeliverables: return fn.template operator()<Deliverable>();
    case EntityKind::kClientRelationships: return fn.template operator()<ClientRelationship>();
    case EntityKind::kPurposeChanges: return fn.template operator()<PurposeChange>();
    case EntityKind::kClientLog: return fn.template operator()<ClientLogEntry>();
    case EntityKind::kCheckins: return fn.template operator()<Checkin>();
    case EntityKind::kCheckinBlockers: return fn.template operator()<CheckinBlocker>();
    case EntityKind::kCheckinQuestions: return fn.template operator()<CheckinQuestion>();
    case EntityKind::kFeedbackRequests: return fn.template operator()<FeedbackRequest>();
    case EntityKind::kFeedbackAnswers: return fn.template operator()<FeedbackAnswer>();
    case EntityKind::kInboxItems: return fn.template operator()<InboxItem>();
    case EntityKind::kMentorships: return fn.template operator()<Mentorship>();
  }
  return fn.template operator()<Person>();
}

}  // namespace guild::io::internal
