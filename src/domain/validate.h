// Validation rules of the domain model.
//
// Each Validate* checks one value on its own (no references to other
// entities) and appends one FieldError per broken rule, so that a caller can
// report every problem at once. References between entities are checked by
// ValidateReferences against a set of known ids.
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

//! True for "local@domain.tld"-shaped text (no spaces, one '@', a dot after it).
bool LooksLikeEmail(std::string_view email);
//! Lower-cases ASCII letters; emails compare case-insensitively.
std::string NormalizeEmail(std::string_view email);

}  // namespace guild
