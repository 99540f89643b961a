// Guild's domain model: plain typed values, no I/O, no JSON.
//
// Every entity has a string `id` that is its stable external key (the id an
// HR system or a file gives it). References between entities use those ids.
// Validation (domain/validate.h) states the rules each field must meet; the
// store and the importers rely on values having passed it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "domain/shared_vector.h"

namespace guild {

//! Grades of the default ladder, most senior first. Firms may use their own
//! ladder: `Person::grade` is free text, and these are only the defaults.
inline constexpr std::string_view kDefaultGrades[] = {"partner", "director", "manager", "senior",
                                                      "associate"};

struct Person {
  std::string id;                       //!< external id, unique, non-empty
  std::string name;                     //!< display name, non-empty
  std::string email;                    //!< unique (case-insensitive), "local@domain"
  std::string title;                    //!< job title, free text
  std::string grade;                    //!< ladder step, e.g. "partner" ... "associate"
  std::string practice;                 //!< e.g. "Tax", "Litigation"
  std::string office;                   //!< e.g. "London"
  std::string manager_id;               //!< Person id of the manager, or empty
  double weekly_capacity_hours = 40.0;  //!< 0 < hours <= 168
  std::optional<Date> start_date;
  std::optional<Date> end_date;  //!< when set, >= start_date
  std::vector<std::string> tags;
  std::optional<double> cost_rate;  //!< internal cost per hour, >= 0, when known
};

enum class SkillSource { kOnet, kEsco, kFirm };
enum class SkillKind { kSkill, kKnowledge, kTechnology };

struct Skill {
  std::string id;    //!< e.g. "onet:2.A.1.a", "esco:<uuid>", "firm:tax-structuring"
  std::string name;  //!< non-empty
  std::string description;
  std::string broader_id;  //!< parent skill in the tree, or empty for a root
  std::vector<std::string> synonyms;
  SkillSource source = SkillSource::kFirm;
  SkillKind kind = SkillKind::kSkill;
};

//! Proficiency levels 1..5 with their written meaning (domain/model.cc).
inline constexpr int kMinLevel = 1;
inline constexpr int kMaxLevel = 5;
//! "Awareness", "Working", "Practitioner", "Advanced", "Expert".
std::string_view LevelName(int level);
//! One sentence saying what a person at `level` can do.
std::string_view LevelMeaning(int level);

//! Who gave a rating. Precedence: assessed > manager > peer > self.
enum class RatingSource { kSelf = 0, kPeer = 1, kManager = 2, kAssessed = 3 };
//! Higher wins when two ratings of the same person and skill disagree.
inline int Precedence(RatingSource s) { return static_cast<int>(s); }

struct PersonSkill {
  std::string person_id;
  std::string skill_id;
  RatingSource source = RatingSource::kSelf;  //!< (person, skill, source) is the key
  int level = 1;                              //!< kMinLevel..kMaxLevel
  bool wants_to_grow = false;
  std::optional<Date> last_used;
  std::optional<Date> rated_on;  //!< when this rating was given
};

//! One recorded level of a person's skill at a date. The history lets Guild
//! find role models: people whose skills went from where I am to where I want
//! to be. (person_id, skill_id, date) is the key.
struct SkillHistoryEntry {
  std::string person_id;
  std::string skill_id;
  Date date;
  int level = 1;  //!< kMinLevel..kMaxLevel, the effective level from that date on
};

enum class RoleSource { kFirm, kOnet, kEsco };

struct RoleSkill {
  std::string skill_id;
  int level = 1;            //!< required level, kMinLevel..kMaxLevel
  double importance = 3.0;  //!< 1..5 (O*NET importance scale); orders gaps
  bool essential = true;    //!< ESCO essential vs optional
};

struct Role {
  std::string id;  //!< e.g. "onet:15-1251.00", "esco:<uuid>", "firm:senior-manager"
  std::string name;
  std::string description;
  RoleSource source = RoleSource::kFirm;
  std::vector<RoleSkill> skills;  //!< each skill_id at most once
};

struct Client {
  std::string id;
  std::string name;
  std::string industry;
  bool key_client = false;  //!< key clients keep >= 2 partners who served them
};

enum class EngagementStatus { kTentative, kConfirmed, kComplete, kCancelled };

struct Engagement {
  std::string id;
  std::string client_id;
  std::string name;
  std::string leader_id;  //!< the single accountable lead (Person id), or empty
  Date start;
  Date end;  //!< >= start
  EngagementStatus status = EngagementStatus::kTentative;
};

struct SkillRequirement {
  std::string skill_id;
  int min_level = 1;  //!< kMinLevel..kMaxLevel
};

//! An unfilled seat (or several identical seats) on an engagement.
struct Opening {
  std::string id;
  std::string engagement_id;
  std::string title;
  std::vector<SkillRequirement> required;  //!< each skill_id at most once
  double hours_per_week = 0;               //!< 0 < hours <= 168
  Date start;
  Date end;           //!< >= start
  int headcount = 1;  //!< >= 1
  //! This seat is the engagement's single accountable lead. At most one lead
  //! opening per engagement, headcount 1, and only on an engagement whose
  //! leader_id is empty (the staffing engine fills it).
  bool lead = false;
};

//! What an engagement leader (or the person) said about one person for one
//! opening. (opening_id, person_id) is the key.
enum class PreferenceKind {
  kVolunteer,  //!< the person asked for this opening (self-selection)
  kPinned,     //!< the leader wants this person on it: the plan must seat them
  kExcluded,   //!< the leader does not want this person on it: never seated
};
struct OpeningPreference {
  std::string opening_id;
  std::string person_id;
  PreferenceKind kind = PreferenceKind::kVolunteer;
  std::string note;  //!< free text, e.g. why
};

enum class AssignmentStatus { kTentative, kConfirmed };

struct Assignment {
  std::string id;
  std::string person_id;
  std::string opening_id;
  double hours_per_week = 0;  //!< 0 < hours <= 168
  Date start;
  Date end;  //!< >= start
  AssignmentStatus status = AssignmentStatus::kTentative;
};

struct TeamMember {
  std::string person_id;
  std::string role;  //!< free text: "lead", "member", "coach", ...
};

//! What a team is. Goals align upwards through these levels: an engagement
//! team's goals to its account team's, those to a practice's, those to the
//! firm's (docs/GOALS.md).
enum class TeamKind { kOther, kEngagement, kAccount, kPractice, kFirm };

struct Team {
  std::string id;
  std::string name;
  //! The end the team serves for the client or the firm, not a list of
  //! activities. Changes through the services are kept in PurposeChange.
  std::string purpose;
  std::string leader_id;  //!< Person id, or empty
  std::string client_id;  //!< for account teams, or empty
  bool leadership_team = false;
  std::vector<TeamMember> members;  //!< each person at most once
  TeamKind kind = TeamKind::kOther;
  std::string engagement_id;  //!< an engagement team's engagement, or empty
  //! Days between the team's check-ins: 7 weekly (the default), 14
  //! fortnightly, any 1..kMaxCheckinCadenceDays; 0 when the team runs no
  //! check-ins (docs/CHECKINS.md).
  int checkin_cadence_days = 7;
};

inline constexpr int kDefaultCheckinCadenceDays = 7;
inline constexpr int kMaxCheckinCadenceDays = 91;

enum class TimeCategory {
  kBillable,
  kClientDevelopment,
  kLeadership,
  kAdmin,
  kTraining,
  kOther,
  kTimeOff,  //!< leave or absence; future-dated entries are planned time off
};

struct TimeEntry {
  std::string id;
  std::string person_id;
  Date date;
  double hours = 0;  //!< 0 < hours <= 24
  TimeCategory category = TimeCategory::kBillable;
  std::string engagement_id;  //!< for billable time, or empty
};

// ---- Purpose, goals and roles (docs/GOALS.md) ------------------------------

//! One edit of a team's purpose. (team_id, at) is the key.
struct PurposeChange {
  std::string team_id;
  int64_t at = 0;         //!< seconds since the epoch (UTC)
  std::string author_id;  //!< the Person who made it, or empty (an administrator, an import)
  std::string before;
  std::string after;
};

//! Responsible, Accountable, Consulted, Informed: a person's part in one row
//! of a team's responsibility matrix (a goal, a deliverable, a client
//! relationship).
enum class RaciRole { kResponsible, kAccountable, kConsulted, kInformed };

struct RaciEntry {
  std::string person_id;
  RaciRole role = RaciRole::kResponsible;
};

enum class GoalDirection {
  kUp,    //!< success is reaching a value at or above the target
  kDown,  //!< success is reaching a value at or below the target
};

//! A measurable goal of a team, or a personal goal (team_id empty).
//! Progress is measured by updates (GoalUpdate); the goal keeps the latest.
struct Goal {
  std::string id;
  std::string team_id;  //!< the team whose goal it is; empty for a personal goal
  std::string title;    //!< non-empty, e.g. "Acme renews the audit for three years"
  std::string metric;   //!< what is measured, non-empty, e.g. "client satisfaction"
  std::string unit;     //!< e.g. "points", "%", "k EUR"; may be empty
  double start_value = 0;
  double target_value = 1;  //!< != start_value, on the side `direction` says
  GoalDirection direction = GoalDirection::kUp;
  Date start_date;  //!< when the goal was set; the expectation starts here
  Date due_date;    //!< > start_date
  //! The one accountable person: on the team for a team goal; the person
  //! whose goal it is for a personal goal.
  std::string owner_id;
  //! Contributors (responsible), consulted and informed people; never the
  //! owner, never accountable, each person at most once.
  std::vector<RaciEntry> raci;
  std::string parent_id;  //!< the goal this one aligns to, or empty
  //! Personal goals: visible beyond the person and their leaders (docs/GOALS.md).
  bool shared = false;
  //! The latest progress update's value and date; both unset before the first.
  std::optional<double> current_value;
  std::optional<Date> measured_on;
};

//! One progress measurement of a goal. (goal_id, date) is the key: a later
//! update on the same day replaces the earlier one.
struct GoalUpdate {
  std::string goal_id;
  Date date;
  double value = 0;
  std::string comment;
  std::string author_id;  //!< Person id, or empty
};

enum class DeliverableStatus { kPlanned, kInProgress, kDone, kCancelled };

//! Something a team owes, with who is responsible and accountable for it.
struct Deliverable {
  std::string id;
  std::string team_id;
  std::string name;
  Date due_date;
  DeliverableStatus status = DeliverableStatus::kPlanned;
  std::vector<RaciEntry> raci;  //!< each person at most once; at most one accountable
};

//! A relationship the team holds with a client (e.g. with its CFO), with who
//! is responsible and accountable for it.
struct ClientRelationship {
  std::string id;
  std::string team_id;
  std::string client_id;
  std::string contact;          //!< who at the client, e.g. "CFO, Jane Roe"; may be empty
  std::vector<RaciEntry> raci;  //!< each person at most once; at most one accountable
};

//! A progress note on an engagement: what changed for the client, issues
//! spotted and how they will be resolved.
struct ClientLogEntry {
  std::string id;
  std::string engagement_id;
  Date date;
  std::string author_id;  //!< Person id, or empty
  std::string changed;    //!< non-empty
  std::string issues;
  std::string resolution;
};

// Check-ins and feedback (docs/CHECKINS.md). Every kind below is store-only
// (Residence::kStoreOnly): read with Store::Select by its indexes.

//! A member's check-in with one team for one cycle of the team's cadence.
//! (person_id, team_id, cycle_start) is unique. A draft until submitted_at
//! is set; a draft is visible to its author only.
struct Checkin {
  std::string id;
  std::string team_id;
  std::string person_id;                //!< the author, a member of the team
  Date cycle_start;                     //!< first day of the team's cycle (CheckinCycleStart)
  std::string client_change;            //!< what changed for the client
  std::string note;                     //!< a free note
  int64_t updated_at = 0;               //!< seconds since the epoch of the last save
  std::optional<int64_t> submitted_at;  //!< unset while a draft
};

//! Something blocking a member's work, raised in a check-in and carried
//! over to the next ones until marked resolved.
struct CheckinBlocker {
  std::string id;
  std::string team_id;
  std::string person_id;   //!< who is blocked
  std::string checkin_id;  //!< the check-in that raised it
  std::string text;        //!< non-empty
  Date opened_on;
  std::optional<Date> resolved_on;  //!< >= opened_on when set
};

//! The one question that would save time, routed from a check-in to the
//! team's leader or to a teammate, and its answer.
struct CheckinQuestion {
  std::string id;
  std::string checkin_id;
  std::string team_id;
  std::string asker_id;      //!< the check-in's author
  std::string addressee_id;  //!< the leader or a member of the team, not the asker
  std::string text;          //!< non-empty
  int64_t asked_at = 0;      //!< seconds since the epoch
  std::string answer;        //!< empty until answered
  std::optional<int64_t> answered_at;
};

enum class FeedbackEventKind { kPitch, kDeliverable, kMeeting, kOther };

//! A person asks named colleagues about a named event. The reviewers are
//! the request's FeedbackAnswer rows (1..kMaxFeedbackReviewers).
struct FeedbackRequest {
  std::string id;
  std::string requester_id;
  FeedbackEventKind event_kind = FeedbackEventKind::kOther;
  std::string event;  //!< non-empty, e.g. "Pitch to Acme's audit committee"
  Date event_date;
  std::string engagement_id;  //!< the engagement it was on, or empty
  int64_t asked_at = 0;       //!< seconds since the epoch
  Date expires_on;            //!< no answers after this day; >= event_date
};

inline constexpr int kMaxFeedbackReviewers = 5;

enum class FeedbackAnswerStatus { kPending, kAnswered, kDeclined };

//! One reviewer's answer to a feedback request: the one thing the requester
//! did that was most effective, and one thing to do better next time. Key
//! (request_id, reviewer_id). Visible to the requester and the reviewer;
//! the requester may share it with one of their leaders (recorded).
struct FeedbackAnswer {
  std::string request_id;
  std::string reviewer_id;  //!< never the requester
  FeedbackAnswerStatus status = FeedbackAnswerStatus::kPending;
  std::string most_effective;           //!< non-empty when answered
  std::string do_better;                //!< non-empty when answered
  std::optional<int64_t> responded_at;  //!< set when answered or declined
  std::string shared_with_id;           //!< the leader it was shared with, or empty
  std::optional<int64_t> shared_at;     //!< set with shared_with_id
};

enum class InboxItemKind {
  kNudge,
  kQuestion,
  kAnswer,
  kFeedbackRequest,
  kFeedbackAnswer,
  kMentorshipRequest,  //!< to the mentor: someone asks them to mentor
  kMentorshipAnswer,   //!< to the mentee: the mentor accepted or declined
};

//! One entry of a person's in-app inbox: a nudge to check in, a question
//! routed to them, the answer to their question, a feedback request asked
//! of them or an answer to theirs. Due check-ins are computed, not stored.
struct InboxItem {
  std::string id;
  std::string person_id;  //!< whose inbox
  InboxItemKind kind = InboxItemKind::kNudge;
  std::string ref_id;   //!< the team, question, feedback request or mentorship it is about
  std::string from_id;  //!< who caused it (Person id), or empty
  std::string text;     //!< one line to show
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

enum class MentorshipStatus { kRequested, kActive, kDeclined, kEnded };

//! A mentee asks a colleague to mentor them in named skills; the mentor
//! accepts (active, with a start and a review date) or declines; either of
//! the two ends an active one. Seen by the two and by administrators only.
struct Mentorship {
  std::string id;
  std::string mentee_id;               //!< who asked
  std::string mentor_id;               //!< who was asked; never the mentee
  std::vector<std::string> skill_ids;  //!< 1..kMaxMentorshipSkills distinct skills
  MentorshipStatus status = MentorshipStatus::kRequested;
  int64_t asked_at = 0;            //!< seconds since the epoch
  std::optional<Date> started_on;  //!< the day it was accepted; set once active (or ended)
  std::optional<Date> review_on;   //!< set with started_on, on or after it
  std::string message;             //!< the mentee's note, at most kMaxMentorshipMessageBytes
  std::optional<Date> ended_on;    //!< set when ended (or declined), on or after started_on
};

inline constexpr size_t kMaxMentorshipSkills = 10;
inline constexpr size_t kMaxMentorshipMessageBytes = 1000;
//! A review date left unset on accept is the start plus this many days.
inline constexpr int kMentorshipReviewDays = 90;

//! The kinds of entity that can be stored, imported and exported.
enum class EntityKind {
  kPeople,
  kSkills,
  kPersonSkills,
  kRoles,
  kClients,
  kEngagements,
  kOpenings,
  kAssignments,
  kTeams,
  kTimeEntries,
  kSkillHistory,
  kOpeningPreferences,
  kGoals,
  kGoalUpdates,
  kDeliverables,
  kClientRelationships,
  kPurposeChanges,
  kClientLog,
  kCheckins,
  kCheckinBlockers,
  kCheckinQuestions,
  kFeedbackRequests,
  kFeedbackAnswers,
  kInboxItems,
  kMentorships,
};
inline constexpr EntityKind kAllEntityKinds[] = {
    EntityKind::kPeople,
    EntityKind::kSkills,
    EntityKind::kPersonSkills,
    EntityKind::kRoles,
    EntityKind::kClients,
    EntityKind::kEngagements,
    EntityKind::kOpenings,
    EntityKind::kAssignments,
    EntityKind::kTeams,
    EntityKind::kTimeEntries,
    EntityKind::kSkillHistory,
    EntityKind::kOpeningPreferences,
    EntityKind::kGoals,
    EntityKind::kGoalUpdates,
    EntityKind::kDeliverables,
    EntityKind::kClientRelationships,
    EntityKind::kPurposeChanges,
    EntityKind::kClientLog,
    EntityKind::kCheckins,
    EntityKind::kCheckinBlockers,
    EntityKind::kCheckinQuestions,
    EntityKind::kFeedbackRequests,
    EntityKind::kFeedbackAnswers,
    EntityKind::kInboxItems,
    EntityKind::kMentorships,
};

//! Where the entities of a kind are read from. kMemory: every server keeps
//! them in its in-memory snapshot (LoadOptions{} loads them). kStoreOnly: too
//! many to keep in memory (years of weekly check-ins): read from the store
//! by indexed columns (Store::Select), never loaded whole by default.
enum class Residence { kMemory, kStoreOnly };
Residence ResidenceOf(EntityKind kind);

//! A set of entities: a whole firm, or a batch of changes to apply at once.
//! Each kind is a SharedVector: a copy of a FirmData shares every kind's
//! storage until that kind is changed (domain/shared_vector.h), which is how
//! a new snapshot shares the kinds a write did not touch with the old one.
//! Read through the const accessors; change with push_back, insert, erase,
//! assignment or `mut()`.
struct FirmData {
  SharedVector<Person> people;
  SharedVector<Skill> skills;
  SharedVector<PersonSkill> person_skills;
  SharedVector<Role> roles;
  SharedVector<Client> clients;
  SharedVector<Engagement> engagements;
  SharedVector<Opening> openings;
  SharedVector<Assignment> assignments;
  SharedVector<Team> teams;
  SharedVector<TimeEntry> time_entries;
  SharedVector<SkillHistoryEntry> skill_history;
  SharedVector<OpeningPreference> opening_preferences;
  SharedVector<Goal> goals;
  SharedVector<GoalUpdate> goal_updates;
  SharedVector<Deliverable> deliverables;
  SharedVector<ClientRelationship> client_relationships;
  SharedVector<PurposeChange> purpose_changes;
  SharedVector<ClientLogEntry> client_log;
  SharedVector<Checkin> checkins;
  SharedVector<CheckinBlocker> checkin_blockers;
  SharedVector<CheckinQuestion> checkin_questions;
  SharedVector<FeedbackRequest> feedback_requests;
  SharedVector<FeedbackAnswer> feedback_answers;
  SharedVector<InboxItem> inbox_items;
  SharedVector<Mentorship> mentorships;

  //! Number of entities of `kind`.
  [[nodiscard]] size_t Count(EntityKind kind) const;
  //! Total number of entities of every kind.
  [[nodiscard]] size_t TotalCount() const;
  //! true when this data's `kind` and `other`'s hold the same storage
  //! (SharedVector::SharesWith): one is an unchanged copy of the other's.
  [[nodiscard]] bool SharesStorage(const FirmData& other, EntityKind kind) const;
};

// Names used on the command line, in files and in APIs. Each Parse* returns
// nullopt for text that is not one of the names.
std::string_view ToString(EntityKind k);  //!< "people", "person-skills", ...
std::optional<EntityKind> ParseEntityKind(std::string_view s);
std::string_view ToString(SkillSource s);  //!< "onet", "esco", "firm"
std::optional<SkillSource> ParseSkillSource(std::string_view s);
std::string_view ToString(SkillKind k);  //!< "skill", "knowledge", "technology"
std::optional<SkillKind> ParseSkillKind(std::string_view s);
std::string_view ToString(RatingSource s);  //!< "self", "peer", "manager", "assessed"
std::optional<RatingSource> ParseRatingSource(std::string_view s);
std::string_view ToString(RoleSource s);  //!< "firm", "onet", "esco"
std::optional<RoleSource> ParseRoleSource(std::string_view s);
std::string_view ToString(
    EngagementStatus s);  //!< "tentative", "confirmed", "complete", "cancelled"
std::optional<EngagementStatus> ParseEngagementStatus(std::string_view s);
std::string_view ToString(AssignmentStatus s);  //!< "tentative", "confirmed"
std::optional<AssignmentStatus> ParseAssignmentStatus(std::string_view s);
//! "billable", "client-development", "leadership", "admin", "training", "other", "time-off"
std::string_view ToString(TimeCategory c);
std::optional<TimeCategory> ParseTimeCategory(std::string_view s);
std::string_view ToString(PreferenceKind k);  //!< "volunteer", "pinned", "excluded"
std::optional<PreferenceKind> ParsePreferenceKind(std::string_view s);
//! "other", "engagement", "account", "practice", "firm"
std::string_view ToString(TeamKind k);
std::optional<TeamKind> ParseTeamKind(std::string_view s);
//! "R", "A", "C", "I"; Parse also takes the letters in lower case and
//! "responsible", "accountable", "consulted", "informed".
std::string_view ToString(RaciRole r);
std::optional<RaciRole> ParseRaciRole(std::string_view s);
std::string_view ToString(GoalDirection d);  //!< "up", "down"
std::optional<GoalDirection> ParseGoalDirection(std::string_view s);
//! "planned", "in-progress", "done", "cancelled"
std::string_view ToString(DeliverableStatus s);
std::optional<DeliverableStatus> ParseDeliverableStatus(std::string_view s);
std::string_view ToString(FeedbackEventKind k);  //!< "pitch", "deliverable", "meeting", "other"
std::optional<FeedbackEventKind> ParseFeedbackEventKind(std::string_view s);
std::string_view ToString(FeedbackAnswerStatus s);  //!< "pending", "answered", "declined"
std::optional<FeedbackAnswerStatus> ParseFeedbackAnswerStatus(std::string_view s);
//! "nudge", "question", "answer", "feedback-request", "feedback-answer",
//! "mentorship-request", "mentorship-answer"
std::string_view ToString(InboxItemKind k);
std::optional<InboxItemKind> ParseInboxItemKind(std::string_view s);
std::string_view ToString(MentorshipStatus s);  //!< "requested", "active", "declined", "ended"
std::optional<MentorshipStatus> ParseMentorshipStatus(std::string_view s);

//! First day of the check-in cycle of a team with `cadence_days` (> 0) that
//! holds `day`. Cycles are counted from Monday 2001-01-01, so a weekly
//! cycle starts on a Monday and cycles of one cadence never overlap.
Date CheckinCycleStart(Date day, int cadence_days);

}  // namespace guild
