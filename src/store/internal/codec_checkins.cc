// Codecs of the check-in and feedback kinds (docs/CHECKINS.md): timestamps
// as integer seconds, unset optional ones and references as NULL,
// enumerations by name.
#include <string>

#include "store/internal/codec.h"
#include "store/internal/codec_values.h"

namespace guild::store::internal {

namespace {

// --- check-ins ----------------------------------------------------------------

void EncodeCheckin(const Checkin& c, RowSink& s) {
  s.Text(c.id);
  s.Text(c.team_id);
  s.Text(c.person_id);
  s.DateValue(c.cycle_start);
  s.Text(c.client_change);
  s.Text(c.note);
  s.Int(c.updated_at);
  s.OptionalInt(c.submitted_at);
}

Status DecodeCheckin(const RowSource& r, Checkin& c) {
  c.id = Str(r, 0);
  c.team_id = Str(r, 1);
  c.person_id = Str(r, 2);
  RETURN_IF_ERROR(ReadDate(kCheckinsTable, r, 3, c.cycle_start));
  c.client_change = Str(r, 4);
  c.note = Str(r, 5);
  c.updated_at = r.Int(6);
  c.submitted_at = OptionalInt(r, 7);
  return OkStatus();
}

void CheckinKey(const Checkin& c, std::string& out) { out = c.id; }

void EncodeCheckinBlocker(const CheckinBlocker& b, RowSink& s) {
  s.Text(b.id);
  s.Text(b.team_id);
  s.Text(b.person_id);
  s.Text(b.checkin_id);
  s.Text(b.text);
  s.DateValue(b.opened_on);
  s.OptionalDate(b.resolved_on);
}

Status DecodeCheckinBlocker(const RowSource& r, CheckinBlocker& b) {
  b.id = Str(r, 0);
  b.team_id = Str(r, 1);
  b.person_id = Str(r, 2);
  b.checkin_id = Str(r, 3);
  b.text = Str(r, 4);
  RETURN_IF_ERROR(ReadDate(kCheckinBlockersTable, r, 5, b.opened_on));
  return ReadOptionalDate(kCheckinBlockersTable, r, 6, b.resolved_on);
}

void CheckinBlockerKey(const CheckinBlocker& b, std::string& out) { out = b.id; }

void EncodeCheckinQuestion(const CheckinQuestion& q, RowSink& s) {
  s.Text(q.id);
  s.Text(q.checkin_id);
  s.Text(q.team_id);
  s.Text(q.asker_id);
  s.Text(q.addressee_id);
  s.Text(q.text);
  s.Int(q.asked_at);
  s.Text(q.answer);
  s.OptionalInt(q.answered_at);
}

Status DecodeCheckinQuestion(const RowSource& r, CheckinQuestion& q) {
  q.id = Str(r, 0);
  q.checkin_id = Str(r, 1);
  q.team_id = Str(r, 2);
  q.asker_id = Str(r, 3);
  q.addressee_id = Str(r, 4);
  q.text = Str(r, 5);
  q.asked_at = r.Int(6);
  q.answer = Str(r, 7);
  q.answered_at = OptionalInt(r, 8);
  return OkStatus();
}

void CheckinQuestionKey(const CheckinQuestion& q, std::string& out) { out = q.id; }

// --- feedback -------------------------------------------------------------------

void EncodeFeedbackRequest(const FeedbackRequest& f, RowSink& s) {
  s.Text(f.id);
  s.Text(f.requester_id);
  s.Text(ToString(f.event_kind));
  s.Text(f.event);
  s.DateValue(f.event_date);
  s.OptionalText(f.engagement_id);
  s.Int(f.asked_at);
  s.DateValue(f.expires_on);
}

Status DecodeFeedbackRequest(const RowSource& r, FeedbackRequest& f) {
  f.id = Str(r, 0);
  f.requester_id = Str(r, 1);
  RETURN_IF_ERROR(ReadEnum(kFeedbackRequestsTable, r, 2, &ParseFeedbackEventKind, f.event_kind));
  f.event = Str(r, 3);
  RETURN_IF_ERROR(ReadDate(kFeedbackRequestsTable, r, 4, f.event_date));
  f.engagement_id = Str(r, 5);
  f.asked_at = r.Int(6);
  return ReadDate(kFeedbackRequestsTable, r, 7, f.expires_on);
}

void FeedbackRequestKey(const FeedbackRequest& f, std::string& out) { out = f.id; }

void EncodeFeedbackAnswer(const FeedbackAnswer& a, RowSink& s) {
  s.Text(a.request_id);
  s.Text(a.reviewer_id);
  s.Text(ToString(a.status));
  s.Text(a.most_effective);
  s.Text(a.do_better);
  s.OptionalInt(a.responded_at);
  s.OptionalText(a.shared_with_id);
  s.OptionalInt(a.shared_at);
}

Status DecodeFeedbackAnswer(const RowSource& r, FeedbackAnswer& a) {
  a.request_id = Str(r, 0);
  a.reviewer_id = Str(r, 1);
  RETURN_IF_ERROR(ReadEnum(kFeedbackAnswersTable, r, 2, &ParseFeedbackAnswerStatus, a.status));
  a.most_effective = Str(r, 3);
  a.do_better = Str(r, 4);
  a.responded_at = OptionalInt(r, 5);
  a.shared_with_id = Str(r, 6);
  a.shared_at = OptionalInt(r, 7);
  return OkStatus();
}

void FeedbackAnswerKey(const FeedbackAnswer& a, std::string& out) {
  out.assign(a.request_id).append("/").append(a.reviewer_id);
}

// --- inbox ----------------------------------------------------------------------

void EncodeInboxItem(const InboxItem& i, RowSink& s) {
  s.Text(i.id);
  s.Text(i.person_id);
  s.Text(ToString(i.kind));
  s.Text(i.ref_id);
  s.OptionalText(i.from_id);
  s.Text(i.text);
  s.Int(i.created_at);
  s.OptionalInt(i.read_at);
}

Status DecodeInboxItem(const RowSource& r, InboxItem& i) {
  i.id = Str(r, 0);
  i.person_id = Str(r, 1);
  RETURN_IF_ERROR(ReadEnum(kInboxItemsTable, r, 2, &ParseInboxItemKind, i.kind));
  i.ref_id = Str(r, 3);
  i.from_id = Str(r, 4);
  i.text = Str(r, 5);
  i.created_at = r.Int(6);
  i.read_at = OptionalInt(r, 7);
  return OkStatus();
}

void InboxItemKey(const InboxItem& i, std::string& out) { out = i.id; }

// --- mentorships --------------------------------------------------------------

void EncodeMentorship(const Mentorship& m, RowSink& s) {
  s.Text(m.id);
  s.Text(m.mentee_id);
  s.Text(m.mentor_id);
  s.Text(ToString(m.status));
  s.Int(m.asked_at);
  s.OptionalDate(m.started_on);
  s.OptionalDate(m.review_on);
  s.Text(m.message);
  s.OptionalDate(m.ended_on);
}

Status DecodeMentorship(const RowSource& r, Mentorship& m) {
  m.id = Str(r, 0);
  m.mentee_id = Str(r, 1);
  m.mentor_id = Str(r, 2);
  RETURN_IF_ERROR(ReadEnum(kMentorshipsTable, r, 3, &ParseMentorshipStatus, m.status));
  m.asked_at = r.Int(4);
  RETURN_IF_ERROR(ReadOptionalDate(kMentorshipsTable, r, 5, m.started_on));
  RETURN_IF_ERROR(ReadOptionalDate(kMentorshipsTable, r, 6, m.review_on));
  m.message = Str(r, 7);
  return ReadOptionalDate(kMentorshipsTable, r, 8, m.ended_on);
}

Status EncodeMentorshipSkills(const Mentorship& m, RowSink& s) {
  for (size_t i = 0; i < m.skill_ids.size(); ++i) {
    s.Text(m.id);
    s.Int(static_cast<int64_t>(i));
    s.Text(m.skill_ids[i]);
    RETURN_IF_ERROR(s.EndRow());
  }
  return OkStatus();
}

Status DecodeMentorshipSkill(const RowSource& r, Mentorship& m) {
  m.skill_ids.push_back(Str(r, 2));
  return OkStatus();
}

void MentorshipKey(const Mentorship& m, std::string& out) { out = m.id; }

}  // namespace

const EntityCodec<Checkin> kCheckinsCodec{
    EntityKind::kCheckins, &kCheckinsTable, &FirmData::checkins, &EncodeCheckin,
    &DecodeCheckin,        &CheckinKey,     std::nullopt};
const EntityCodec<CheckinBlocker> kCheckinBlockersCodec{EntityKind::kCheckinBlockers,
                                                        &kCheckinBlockersTable,
                                                        &FirmData::checkin_blockers,
                                                        &EncodeCheckinBlocker,
                                                        &DecodeCheckinBlocker,
                                                        &CheckinBlockerKey,
                                                        std::nullopt};
const EntityCodec<CheckinQuestion> kCheckinQuestionsCodec{EntityKind::kCheckinQuestions,
                                                          &kCheckinQuestionsTable,
                                                          &FirmData::checkin_questions,
                                                          &EncodeCheckinQuestion,
                                                          &DecodeCheckinQuestion,
                                                          &CheckinQuestionKey,
                                                          std::nullopt};
const EntityCodec<FeedbackRequest> kFeedbackRequestsCodec{EntityKind::kFeedbackRequests,
                                                          &kFeedbackRequestsTable,
                                                          &FirmData::feedback_requests,
                                                          &EncodeFeedbackRequest,
                                                          &DecodeFeedbackRequest,
                                                          &FeedbackRequestKey,
                                                          std::nullopt};
const EntityCodec<FeedbackAnswer> kFeedbackAnswersCodec{EntityKind::kFeedbackAnswers,
                                                        &kFeedbackAnswersTable,
                                                        &FirmData::feedback_answers,
                                                        &EncodeFeedbackAnswer,
                                                        &DecodeFeedbackAnswer,
                                                        &FeedbackAnswerKey,
                                                        std::nullopt};
const EntityCodec<InboxItem> kInboxItemsCodec{EntityKind::kInboxItems,
                                              &kInboxItemsTable,
                                              &FirmData::inbox_items,
                                              &EncodeInboxItem,
                                              &DecodeInboxItem,
                                              &InboxItemKey,
                                              std::nullopt};
const EntityCodec<Mentorship> kMentorshipsCodec{
    EntityKind::kMentorships,
    &kMentorshipsTable,
    &FirmData::mentorships,
    &EncodeMentorship,
    &DecodeMentorship,
    &MentorshipKey,
    ChildCodec<Mentorship>{&kMentorshipSkillsTable, &EncodeMentorshipSkills,
                           &DecodeMentorshipSkill}};

}  // namespace guild::store::internal
