// Layouts of check-ins, their blockers and routed questions, feedback
// requests and answers, inbox items and mentorships (docs/IMPORT_FORMATS.md). Times are
// UTC like 2024-03-31T09:30:00Z; an optional time is empty (CSV) or null
// (JSON) when unset.
#include "io/internal/kinds.h"

namespace guild::io::internal {

namespace {

constexpr std::string_view kEventKindNames = "one of pitch, deliverable, meeting, other";
constexpr std::string_view kAnswerStatusNames = "one of pending, answered, declined";
constexpr std::string_view kInboxKindNames =
    "one of nudge, question, answer, feedback-request, feedback-answer, mentorship-request, "
    "mentorship-answer";
constexpr std::string_view kMentorshipStatusNames = "one of requested, active, declined, ended";

}  // namespace

const std::vector<Field<Checkin>>& Kind<Checkin>::Fields() {
  using S = Checkin;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      DateField<S>("cycle_start", &S::cycle_start, Need::kRequired),
      TextField<S>("client_change", &S::client_change),
      TextField<S>("note", &S::note),
      TimestampField<S>("updated_at", &S::updated_at, Need::kRequired),
      OptionalTimestampField<S>("submitted_at", &S::submitted_at),
  });
  return fields;
}

const std::vector<Field<CheckinBlocker>>& Kind<CheckinBlocker>::Fields() {
  using S = CheckinBlocker;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      TextField<S>("checkin_id", &S::checkin_id, Need::kRequired),
      TextField<S>("text", &S::text, Need::kRequired),
      DateField<S>("opened_on", &S::opened_on, Need::kRequired),
      OptionalDateField<S>("resolved_on", &S::resolved_on),
  });
  return fields;
}

const std::vector<Field<CheckinQuestion>>& Kind<CheckinQuestion>::Fields() {
  using S = CheckinQuestion;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("checkin_id", &S::checkin_id, Need::kRequired),
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TextField<S>("asker_id", &S::asker_id, Need::kRequired),
      TextField<S>("addressee_id", &S::addressee_id, Need::kRequired),
      TextField<S>("text", &S::text, Need::kRequired),
      TimestampField<S>("asked_at", &S::asked_at, Need::kRequired),
      TextField<S>("answer", &S::answer),
      OptionalTimestampField<S>("answered_at", &S::answered_at),
  });
  return fields;
}

const std::vector<Field<FeedbackRequest>>& Kind<FeedbackRequest>::Fields() {
  using S = FeedbackRequest;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("requester_id", &S::requester_id, Need::kRequired),
      Required(EnumField<S, FeedbackEventKind>("event_kind", &S::event_kind, ParseFeedbackEventKind,
                                               kEventKindNames)),
      TextField<S>("event", &S::event, Need::kRequired),
      DateField<S>("event_date", &S::event_date, Need::kRequired),
      TextField<S>("engagement_id", &S::engagement_id),
      TimestampField<S>("asked_at", &S::asked_at, Need::kRequired),
      DateField<S>("expires_on", &S::expires_on, Need::kRequired),
  });
  return fields;
}

const std::vector<Field<FeedbackAnswer>>& Kind<FeedbackAnswer>::Fields() {
  using S = FeedbackAnswer;
  static const auto& fields = Keep<S>({
      TextField<S>("request_id", &S::request_id, Need::kRequired),
      TextField<S>("reviewer_id", &S::reviewer_id, Need::kRequired),
      Required(EnumField<S, FeedbackAnswerStatus>("status", &S::status, ParseFeedbackAnswerStatus,
                                                  kAnswerStatusNames)),
      TextField<S>("most_effective", &S::most_effective),
      TextField<S>("do_better", &S::do_better),
      OptionalTimestampField<S>("responded_at", &S::responded_at),
      TextField<S>("shared_with_id", &S::shared_with_id),
      OptionalTimestampField<S>("shared_at", &S::shared_at),
  });
  return fields;
}

const std::vector<Field<InboxItem>>& Kind<InboxItem>::Fields() {
  using S = InboxItem;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      Required(EnumField<S, InboxItemKind>("kind", &S::kind, ParseInboxItemKind, kInboxKindNames)),
      TextField<S>("ref_id", &S::ref_id, Need::kRequired),
      TextField<S>("from_id", &S::from_id),
      TextField<S>("text", &S::text),
      TimestampField<S>("created_at", &S::created_at, Need::kRequired),
      OptionalTimestampField<S>("read_at", &S::read_at),
  });
  return fields;
}

const std::vector<Field<Mentorship>>& Kind<Mentorship>::Fields() {
  using S = Mentorship;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("mentee_id", &S::mentee_id, Need::kRequired),
      TextField<S>("mentor_id", &S::mentor_id, Need::kRequired),
      ListField<S>("skill_ids", &S::skill_ids),
      Required(EnumField<S, MentorshipStatus>("status", &S::status, ParseMentorshipStatus,
                                              kMentorshipStatusNames)),
      TimestampField<S>("asked_at", &S::asked_at, Need::kRequired),
      OptionalDateField<S>("started_on", &S::started_on),
      OptionalDateField<S>("review_on", &S::review_on),
      TextField<S>("message", &S::message),
      OptionalDateField<S>("ended_on", &S::ended_on),
  });
  return fields;
}

}  // namespace guild::io::internal
