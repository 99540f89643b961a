// FeedbackService writes: asking, answering or declining, sharing. Each
// checks access and the rules, then commits one FirmChange (with the inbox
// items it causes) and its audit entry through the FirmWriter.
#include <algorithm>
#include <set>

#include "domain/validate.h"
#include "service/accounts/crypto.h"
#include "service/feedback/feedback_service.h"

namespace guild {

namespace {

constexpr size_t kGeneratedIdChars = 12;

std::string NewId(std::string_view prefix) {
  return std::string(prefix) + GenerateToken("").substr(0, kGeneratedIdChars);
}

Status FirstFieldError(const std::vector<FieldError>& errors) {
  if (errors.empty()) return OkStatus();
  return InvalidField(errors.front().field, errors.front().expected);
}

// At most `max` bytes of `text`, cut at a UTF-8 character boundary.
std::string Clip(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

bool HasLeft(const Person& p, Date today) { return p.end_date && *p.end_date < today; }

// The reviewers' rules: 1..kMaxFeedbackReviewers existing people who have
// not left, never the asker, each once.
Status CheckReviewers(const FirmSnapshot& s, const std::string& asker,
                      const std::vector<std::string>& reviewers, Date today) {
  constexpr const char* kField = "reviewer_ids";
  if (reviewers.empty() || reviewers.size() > static_cast<size_t>(kMaxFeedbackReviewers)) {
    return InvalidField(kField, "1 to 5 colleagues' person ids",
                        std::to_string(reviewers.size()) + " ids");
  }
  std::set<std::string_view> seen;
  for (const std::string& id : reviewers) {
    if (id == asker) return InvalidField(kField, "colleagues other than yourself", id);
    if (!seen.insert(id).second) return InvalidField(kField, "each colleague once", id);
    const Person* p = s.FindPerson(id);
    if (p == nullptr) return InvalidField(kField, "the ids of existing people", id);
    if (HasLeft(*p, today)) return InvalidField(kField, "people who have not left the firm", id);
  }
  return OkStatus();
}

Status CheckAnswerTexts(const FeedbackAnswerDraft& d) {
  if (d.decline) {
    if (!d.most_effective.empty() || !d.do_better.empty()) {
      return InvalidField("decline", "true with neither most_effective nor do_better");
    }
    return OkStatus();
  }
  const auto check = [](const std::string& text, const char* field) {
    if (text.empty() || text.size() > kMaxCheckinTextBytes) {
      return InvalidField(field, "a non-empty text of at most 4000 bytes",
                          std::to_string(text.size()) + " bytes");
    }
    return OkStatus();
  };
  RETURN_IF_ERROR(check(d.most_effective, "most_effective"));
  return check(d.do_better, "do_better");
}

// The request's expires_on: draft.expires_on, or today + expiry_days by
// default; an event date on or before today and an expiry from today to the
// default, or the field error.
Result<Date> ExpiryOf(const FeedbackRequestDraft& draft, Date today, int expiry_days) {
  if (!draft.event_date) return InvalidField("event_date", "the event's date, YYYY-MM-DD");
  if (*draft.event_date > today) {
    return InvalidField("event_date", "a date on or before today (" + FormatDate(today) + ")",
                        FormatDate(*draft.event_date));
  }
  const Date latest{today.days + expiry_days};
  const Date expires = draft.expires_on.value_or(latest);
  if (expires < today || expires > latest) {
    return InvalidField("expires_on",
                        "a date from today (" + FormatDate(today) + ") to " + FormatDate(latest),
                        FormatDate(expires));
  }
  return expires;
}

InboxItem Notice(std::string person, InboxItemKind kind, std::string ref, std::string from,
                 std::string text, int64_t now) {
  return InboxItem{NewId("in-"),
                   std::move(person),
                   kind,
                   std::move(ref),
                   std::move(from),
                   Clip(std::move(text), kMaxShortTextBytes),
                   now,
                   std::nullopt};
}

std::string NameOf(const FirmSnapshot& s, std::string_view id) {
  const Person* p = s.FindPerson(id);
  return p == nullptr ? std::string(id) : p->name;
}

}  // namespace

Status FeedbackService::Commit(const Principal& actor, FirmChange change, std::string_view action,
                               std::string_view entity_id, std::string_view detail) {
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, actor.user_id, std::string(action), "feedback-request",
                                  std::string(entity_id), std::string(detail)},
                       ""};
  return writer_.Commit(request).status();
}

Result<FeedbackRequestView> FeedbackService::Ask(const Principal& actor,
                                                 const FeedbackRequestDraft& draft) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  if (actor.person_id.empty() || !s.PersonIndex(actor.person_id)) {
    return PermissionDenied("your account is linked to no person, so it asks no one for feedback");
  }
  const Date today = clock_.Today();
  const int64_t now = clock_.NowSeconds();
  ASSIGN_OR_RETURN(const Date expires, ExpiryOf(draft, today, options_.expiry_days));
  if (!draft.engagement_id.empty() && !s.EngagementIndex(draft.engagement_id)) {
    return InvalidField("engagement_id", "the id of an existing engagement", draft.engagement_id);
  }
  RETURN_IF_ERROR(CheckReviewers(s, actor.person_id, draft.reviewer_ids, today));
  FeedbackRequest request{NewId("fb-"),
                          actor.person_id,
                          draft.event_kind,
                          draft.event,
                          *draft.event_date,
                          draft.engagement_id,
                          now,
                          expires};
  std::vector<FieldError> errors;
  ValidateFeedbackRequest(request, errors);
  RETURN_IF_ERROR(FirstFieldError(errors));

  FirmChange change;
  change.upserts.feedback_requests.push_back(request);
  const std::string text =
      NameOf(s, actor.person_id) + " asks for your feedback on " + request.event;
  for (const std::string& reviewer : draft.reviewer_ids) {
    change.upserts.feedback_answers.push_back(FeedbackAnswer{request.id, reviewer});
    change.upserts.inbox_items.push_back(
        Notice(reviewer, InboxItemKind::kFeedbackRequest, request.id, actor.person_id, text, now));
  }
  Loaded loaded{request, change.upserts.feedback_answers.get()};
  std::sort(loaded.answers.begin(), loaded.answers.end(),
            [](const FeedbackAnswer& a, const FeedbackAnswer& b) {
              return a.reviewer_id < b.reviewer_id;
            });
  RETURN_IF_ERROR(Commit(actor, std::move(change), "feedback.ask", request.id, request.event));
  Authorizer authorizer(s);
  return ViewOf(&authorizer, &actor, std::move(loaded));
}

Result<FeedbackAnswer> FeedbackService::Answer(const Principal& actor, std::string_view request_id,
                                               const FeedbackAnswerDraft& draft) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(Loaded loaded, Visible(authorizer, actor, request_id));
  auto mine =
      std::find_if(loaded.answers.begin(), loaded.answers.end(),
                   [&](const FeedbackAnswer& a) { return a.reviewer_id == actor.person_id; });
  if (mine == loaded.answers.end()) {
    return PermissionDenied("you were not asked for feedback on this request");
  }
  if (mine->status != FeedbackAnswerStatus::kPending) {
    return FailedPrecondition(
        "you already " +
        std::string(mine->status == FeedbackAnswerStatus::kAnswered ? "answered" : "declined") +
        " this request; an answer is final");
  }
  if (clock_.Today() > loaded.request.expires_on) {
    return FailedPrecondition("this request expired on " + FormatDate(loaded.request.expires_on) +
                              "; it takes no answers");
  }
  RETURN_IF_ERROR(CheckAnswerTexts(draft));
  const int64_t now = clock_.NowSeconds();
  FeedbackAnswer answer = *mine;
  answer.status = draft.decline ? FeedbackAnswerStatus::kDeclined : FeedbackAnswerStatus::kAnswered;
  answer.most_effective = draft.most_effective;
  answer.do_better = draft.do_better;
  answer.responded_at = now;
  std::vector<FieldError> errors;
  ValidateFeedbackAnswer(answer, errors);
  RETURN_IF_ERROR(FirstFieldError(errors));

  FirmChange change;
  change.upserts.feedback_answers.push_back(answer);
  const std::string text = NameOf(*snapshot, actor.person_id) +
                           (draft.decline ? " declined to give feedback on " : " answered on ") +
                           loaded.request.event;
  change.upserts.inbox_items.push_back(Notice(loaded.request.requester_id,
                                              InboxItemKind::kFeedbackAnswer, loaded.request.id,
                                              actor.person_id, text, now));
  RETURN_IF_ERROR(Commit(actor, std::move(change),
                         draft.decline ? "feedback.decline" : "feedback.answer", loaded.request.id,
                         ""));
  return answer;
}

Result<FeedbackAnswer> FeedbackService::Share(const Principal& actor, std::string_view request_id,
                                              std::string_view reviewer_id,
                                              std::string_view leader_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(Loaded loaded, Visible(authorizer, actor, request_id));
  if (!authorizer.CanShareFeedbackAnswer(actor, loaded.request.requester_id)) {
    return PermissionDenied("only the person who asked for feedback shares its answers");
  }
  auto it = std::find_if(loaded.answers.begin(), loaded.answers.end(),
                         [&](const FeedbackAnswer& a) { return a.reviewer_id == reviewer_id; });
  if (it == loaded.answers.end()) {
    return NotFound("no reviewer '" + std::string(reviewer_id) + "' on this request");
  }
  if (!authorizer.LeadsPerson(leader_id, actor.person_id)) {
    return InvalidField("leader_id", "your manager or the leader of a team you are on",
                        std::string(leader_id));
  }
  if (it->status != FeedbackAnswerStatus::kAnswered) {
    return FailedPrecondition("only an answered answer can be shared; this one is " +
                              std::string(ToString(it->status)));
  }
  if (it->shared_with_id == leader_id) return *it;
  if (!it->shared_with_id.empty()) {
    return FailedPrecondition("this answer is already shared with " +
                              NameOf(*snapshot, it->shared_with_id) +
                              "; an answer is shared with one leader");
  }
  FeedbackAnswer answer = *it;
  answer.shared_with_id = std::string(leader_id);
  answer.shared_at = clock_.NowSeconds();
  FirmChange change;
  change.upserts.feedback_answers.push_back(answer);
  RETURN_IF_ERROR(Commit(actor, std::move(change), "feedback.share", loaded.request.id,
                         std::string(reviewer_id) + " -> " + std::string(leader_id)));
  return answer;
}

}  // namespace guild
