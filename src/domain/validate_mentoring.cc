// Validation of mentorships (validate.h).
#include <set>

#include "domain/internal/validate_rules.h"
#include "domain/validate.h"

namespace guild {

namespace {

using internal::Require;
using internal::RequireId;

void ValidateMentorshipSkills(const std::vector<std::string>& skill_ids,
                              std::vector<FieldError>& errors) {
  const std::set<std::string> distinct(skill_ids.begin(), skill_ids.end());
  const bool blank = distinct.count("") > 0;
  Require(!skill_ids.empty() && skill_ids.size() <= kMaxMentorshipSkills && !blank &&
              distinct.size() == skill_ids.size(),
          "skill_ids", "1 to 10 distinct skill ids", errors);
}

void ValidateMentorshipDates(const Mentorship& m, std::vector<FieldError>& errors) {
  const bool started =
      m.status == MentorshipStatus::kActive || m.status == MentorshipStatus::kEnded;
  Require(m.started_on.has_value() == started, "started_on",
          "set exactly when the mentorship is active or ended", errors);
  Require(m.review_on.has_value() == m.started_on.has_value(), "review_on",
          "set exactly when started_on is set", errors);
  Require(!m.review_on || !m.started_on || *m.review_on >= *m.started_on, "review_on",
          "a date on or after started_on", errors);
  Require(m.ended_on.has_value() == (m.status == MentorshipStatus::kEnded), "ended_on",
          "set exactly when the mentorship is ended", errors);
  Require(!m.ended_on || !m.started_on || *m.ended_on >= *m.started_on, "ended_on",
          "a date on or after started_on", errors);
}

}  // namespace

void ValidateMentorship(const Mentorship& m, std::vector<FieldError>& errors) {
  RequireId(m.id, "id", errors);
  RequireId(m.mentee_id, "mentee_id", errors);
  RequireId(m.mentor_id, "mentor_id", errors);
  Require(m.mentor_id != m.mentee_id, "mentor_id", "a person other than the mentee", errors);
  ValidateMentorshipSkills(m.skill_ids, errors);
  Require(ParseMentorshipStatus(ToString(m.status)).has_value(), "status",
          "one of requested, active, declined, ended", errors);
  Require(m.asked_at >= 0, "asked_at", "a time at or after 1970-01-01T00:00:00Z", errors);
  internal::LimitText(m.message, kMaxMentorshipMessageBytes, "message",
                      "text of at most 1000 bytes", errors);
  ValidateMentorshipDates(m, errors);
}

}  // namespace guild
