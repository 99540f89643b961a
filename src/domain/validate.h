// Validation rules of the domain model.
//
// Each Validate* checks one value on its own (no references to other
// entities) and appends one FieldError per broken rule, so that a caller can
// report every problem at once. Rules between entities (lead openings,
// opening preferences' references) are checked by ValidateFirmRules.
#pragma once

#include <string>
#include <vector>

#include "domain/model.h"

namespace guild {

//! One broken rule: which field, and what was expected there.
struct FieldError {
  std::string field;     //!< field name as in files, e.g. "email", "weekly_capacity_hours"
  std::string expected;  //!< the expected form, e.g. "an email address like name@firm.com"
};

void ValidatePerson(const Person& p, std::vector<FieldError>& errors);
void ValidateSkill(const Skill& s, std::vector<FieldError>& errors);
void ValidatePersonSkill(const PersonSkill& ps, std::vector<FieldError>& errors);
void ValidateRole(const Role& r, std::vector<FieldError>& errors);
void ValidateClient(const Client& c, std::vector<FieldError>& errors);
void ValidateEngagement(const Engagement& e, std::vector<FieldError>& errors);
void ValidateOpening(const Opening& o, std::vector<FieldError>& errors);
void ValidateAssignment(const Assignment& a, std::vector<FieldError>& errors);
void ValidateTeam(const Team& t, std::vector<FieldError>& errors);
void ValidateTimeEntry(const TimeEntry& t, std::vector<FieldError>& errors);
void ValidateSkillHistoryEntry(const SkillHistoryEntry& h, std::vector<FieldError>& errors);
//! Ids set, kind one of the three, note at most kMaxPreferenceNoteBytes.
void ValidateOpeningPreference(const OpeningPreference& p, std::vector<FieldError>& errors);

//! Longest accepted OpeningPreference::note, in bytes.
inline constexpr size_t kMaxPreferenceNoteBytes = 2000;

// Purpose, goals and roles (validate_goals.cc; docs/GOALS.md).

//! Longest accepted purpose, goal title, metric, unit, deliverable name and
//! client contact, in bytes.
inline constexpr size_t kMaxShortTextBytes = 2000;
//! Longest accepted progress comment and client log text, in bytes.
inline constexpr size_t kMaxLongTextBytes = 8000;

//! Id, title and metric set; target differs from start on the side
//! `direction` names; due after start; an owner; RACI entries other than
//! the owner, never accountable, each person once; not its own parent;
//! current value and its date both set or both unset, numbers finite.
void ValidateGoal(const Goal& g, std::vector<FieldError>& errors);
void ValidateGoalUpdate(const GoalUpdate& u, std::vector<FieldError>& errors);
//! Ids and name set; RACI entries each person once, at most one accountable.
void ValidateDeliverable(const Deliverable& d, std::vector<FieldError>& errors);
void ValidateClientRelationship(const ClientRelationship& r, std::vector<FieldError>& errors);
void ValidatePurposeChange(const PurposeChange& c, std::vector<FieldError>& errors);
//! Ids set, `changed` non-empty, texts at most kMaxLongTextBytes.
void ValidateClientLogEntry(const ClientLogEntry& e, std::vector<FieldError>& errors);

// Check-ins and feedback (validate_checkins.cc; docs/CHECKINS.md).

//! Longest accepted check-in field (what changed, note, blocker, question,
//! answer) and feedback answer, in bytes.
inline constexpr size_t kMaxCheckinTextBytes = 4000;

//! Ids set; texts at most kMaxCheckinTextBytes; cycle_start set by the
//! service (CheckinCycleStart); submitted_at, when set, not before 0.
void ValidateCheckin(const Checkin& c, std::vector<FieldError>& errors);
//! Ids set; text non-empty; resolved_on, when set, not before opened_on.
void ValidateCheckinBlocker(const CheckinBlocker& b, std::vector<FieldError>& errors);
//! Ids set; text non-empty; addressee differs from the asker; an answered
//! question has a non-empty answer and answered_at, an open one neither.
void ValidateCheckinQuestion(const CheckinQuestion& q, std::vector<FieldError>& errors);
//! Ids and event set; expires_on not before event_date.
void ValidateFeedbackRequest(const FeedbackRequest& r, std::vector<FieldError>& errors);
//! Ids set; an answered answer has both texts and responded_at; a pending
//! one no texts; shared_with_id and shared_at set together, only when
//! answered.
void ValidateFeedbackAnswer(const FeedbackAnswer& a, std::vector<FieldError>& errors);
void ValidateInboxItem(const InboxItem& i, std::vector<FieldError>& errors);

// Mentorships (validate_mentoring.cc).

//! Ids set, mentor not the mentee; 1..kMaxMentorshipSkills distinct skill
//! ids; message at most kMaxMentorshipMessageBytes; started_on and
//! review_on set exactly when active or ended (review_on on or after
//! started_on); ended_on set exactly when ended, on or after started_on.
void ValidateMentorship(const Mentorship& m, std::vector<FieldError>& errors);

//! One broken rule that involves several entities.
struct RecordError {
  EntityKind kind;      //!< kind of the offending entity
  std::string id;       //!< its key (for preferences "opening_id/person_id")
  std::string field;    //!< field name as in files
  std::string message;  //!< e.g. "opening o7: engagement e2 already has lead p4"
};

//! The rules between entities of one firm (or of a batch together with the
//! stored entities it touches), appended to `errors` in input order:
//!  - a lead opening is on an engagement whose leader_id is empty
//!    ("opening O: engagement E already has lead P"), and at most one lead
//!    opening per engagement ("opening O: engagement E already has lead
//!    opening O2");
//!  - an opening preference refers to an opening and a person in `data`
//!    (only checked when `check_references`).
//! Openings whose engagement is not in `data` are not checked against it.
void ValidateFirmRules(const FirmData& data, bool check_references,
                       std::vector<RecordError>& errors);

//! The rules of goals and responsibility rows between entities, over `data`
//! (a whole firm, or a batch together with the stored entities it touches),
//! appended to `errors` in input order:
//!  - a team goal's owner is on its team (a member or its leader_id):
//!    field "owner_id", "goal G: owner P is not on team T";
//!  - the accountable person of a deliverable or client relationship is on
//!    its team: field "raci";
//!  - a goal's parent is a team goal ("goal G: parent G2 is a personal
//!    goal"), and following parents never leads back to the goal: field
//!    "parent_id", "goal G: aligning to G2 makes a cycle (G -> G2 -> G)",
//!    reported for every goal on the cycle.
//! Entities whose team or parent is not in `data` are not checked against it.
void ValidateGoalRules(const FirmData& data, std::vector<RecordError>& errors);

//! True when `person_id` is on `team`: one of its members or its leader_id.
bool OnTeam(const Team& team, std::string_view person_id);

//! True for "local@domain.tld"-shaped text (no spaces, one '@', a dot after it).
bool LooksLikeEmail(std::string_view email);
//! Lower-cases ASCII letters; emails compare case-insensitively.
std::string NormalizeEmail(std::string_view email);

}  // namespace guild
