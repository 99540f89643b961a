// Validation of check-ins, blockers, routed questions, feedback requests and
// answers, and inbox items (validate.h).
#include "domain/internal/validate_rules.h"
#include "domain/validate.h"

namespace guild {

namespace {

using internal::Blank;
using internal::LimitText;
using internal::Require;
using internal::RequireId;

constexpr const char* kTextLimit = "text of at most 4000 bytes";

void RequireCheckinText(const std::string& text, const char* field, const char* expected,
                        std::vector<FieldError>& errors) {
  internal::RequireText(text, kMaxCheckinTextBytes, field, expected, errors);
}

}  // namespace

void ValidateCheckin(const Checkin& c, std::vector<FieldError>& errors) {
  RequireId(c.id, "id", errors);
  RequireId(c.team_id, "team_id", errors);
  RequireId(c.person_id, "person_id", errors);
  LimitText(c.client_change, kMaxCheckinTextBytes, "client_change", kTextLimit, errors);
  LimitText(c.note, kMaxCheckinTextBytes, "note", kTextLimit, errors);
  Require(c.updated_at >= 0, "updated_at", "a time at or after 1970-01-01T00:00:00Z", errors);
  Require(!c.submitted_at || *c.submitted_at >= 0, "submitted_at",
          "a time at or after 1970-01-01T00:00:00Z", errors);
}

void ValidateCheckinBlocker(const CheckinBlocker& b, std::vector<FieldError>& errors) {
  RequireId(b.id, "id", errors);
  RequireId(b.team_id, "team_id", errors);
  RequireId(b.person_id, "person_id", errors);
  RequireId(b.checkin_id, "checkin_id", errors);
  RequireCheckinText(b.text, "text", "a non-empty blocker of at most 4000 bytes", errors);
  Require(!b.resolved_on || *b.resolved_on >= b.opened_on, "resolved_on",
          "a date on or after opened_on", errors);
}

void ValidateCheckinQuestion(const CheckinQuestion& q, std::vector<FieldError>& errors) {
  RequireId(q.id, "id", errors);
  RequireId(q.checkin_id, "checkin_id", errors);
  RequireId(q.team_id, "team_id", errors);
  RequireId(q.asker_id, "asker_id", errors);
  RequireId(q.addressee_id, "addressee_id", errors);
  Require(q.addressee_id != q.asker_id, "addressee_id",
          "the team's leader or a teammate, not the person asking", errors);
  RequireCheckinText(q.text, "text", "a non-empty question of at most 4000 bytes", errors);
  LimitText(q.answer, kMaxCheckinTextBytes, "answer", kTextLimit, errors);
  Require(q.answered_at.has_value() == !Blank(q.answer), "answer",
          "an answer and answered_at together, or neither", errors);
}

void ValidateFeedbackRequest(const FeedbackRequest& r, std::vector<FieldError>& errors) {
  RequireId(r.id, "id", errors);
  RequireId(r.requester_id, "requester_id", errors);
  Require(ParseFeedbackEventKind(ToString(r.event_kind)).has_value(), "event_kind",
          "one of pitch, deliverable, meeting, other", errors);
  internal::RequireText(r.event, kMaxShortTextBytes, "event",
                        "a non-empty name of the event of at most 2000 bytes", errors);
  Require(r.expires_on >= r.event_date, "expires_on", "a date on or after event_date", errors);
}

void ValidateFeedbackAnswer(const FeedbackAnswer& a, std::vector<FieldError>& errors) {
  RequireId(a.request_id, "request_id", errors);
  RequireId(a.reviewer_id, "reviewer_id", errors);
  const bool answered = a.status == FeedbackAnswerStatus::kAnswered;
  Require(ParseFeedbackAnswerStatus(ToString(a.status)).has_value(), "status",
          "one of pending, answered, declined", errors);
  if (answered) {
    RequireCheckinText(a.most_effective, "most_effective",
                       "the one thing that was most effective, non-empty, at most 4000 bytes",
                       errors);
    RequireCheckinText(a.do_better, "do_better",
                       "one thing to do better next time, non-empty, at most 4000 bytes", errors);
  } else {
    Require(a.most_effective.empty() && a.do_better.empty(), "status",
            "answered when most_effective or do_better is set", errors);
  }
  Require((a.status == FeedbackAnswerStatus::kPending) != a.responded_at.has_value(),
          "responded_at", "set exactly when the answer is answered or declined", errors);
  Require(a.shared_with_id.empty() != a.shared_at.has_value(), "shared_at",
          "set exactly when shared_with_id is set", errors);
  Require(a.shared_with_id.empty() || answered, "shared_with_id",
          "empty unless the answer is answered", errors);
}

void ValidateInboxItem(const InboxItem& i, std::vector<FieldError>& errors) {
  RequireId(i.id, "id", errors);
  RequireId(i.person_id, "person_id", errors);
  Require(ParseInboxItemKind(ToString(i.kind)).has_value(), "kind",
          "one of nudge, question, answer, feedback-request, feedback-answer, "
          "mentorship-request, mentorship-answer",
          errors);
  LimitText(i.text, kMaxShortTextBytes, "text", "text of at most 2000 bytes", errors);
  Require(!i.read_at || *i.read_at >= i.created_at, "read_at", "a time at or after created_at",
          errors);
}

}  // namespace guild
