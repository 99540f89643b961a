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

//! True for "local@domain.tld"-shaped text (no spaces, one '@', a dot after it).
bool LooksLikeEmail(std::string_view email);
//! Lower-cases ASCII letters; emails compare case-insensitively.
std::string NormalizeEmail(std::string_view email);

}  // namespace guild
