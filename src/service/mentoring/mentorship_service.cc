#include "service/mentoring/mentorship_service.h"

#include <algorithm>
#include <set>

#include "domain/validate.h"
#include "service/accounts/crypto.h"

namespace guild {

namespace {

constexpr size_t kGeneratedIdChars = 12;

std::string NewId(std::string_view prefix) {
  return std::string(prefix) + GenerateToken("").substr(0, kGeneratedIdChars);
}

Status NoMentorship(std::string_view id) {
  return NotFound("no mentorship '" + std::string(id) + "'");
}

bool IsOpen(const Mentorship& m) {
  return m.status == MentorshipStatus::kRequested || m.status == MentorshipStatus::kActive;
}

std::string NameOf(const FirmSnapshot& s, std::string_view id) {
  const Person* p = s.FindPerson(id);
  return p == nullptr ? std::string(id) : p->name;
}

// The mentor: an existing person, not the asker, with no open request or
// active pair with the asker either way round.
Status CheckMentor(const FirmSnapshot& s, const std::string& mentee, const std::string& mentor) {
  constexpr const char* kField = "mentor_id";
  if (mentor.empty()) return InvalidField(kField, "the person id of the colleague to ask");
  if (mentor == mentee) return InvalidField(kField, "a colleague other than yourself", mentor);
  if (s.FindPerson(mentor) == nullptr) {
    return InvalidField(kField, "the id of an existing person", mentor);
  }
  for (const Mentorship& m : s.data().mentorships) {
    const bool same_pair = (m.mentee_id == mentee && m.mentor_id == mentor) ||
                           (m.mentee_id == mentor && m.mentor_id == mentee);
    if (same_pair && IsOpen(m)) {
      return InvalidField(kField,
                          "someone you have no open request or active mentorship with (" + m.id +
                              " is " + std::string(ToString(m.status)) + ")",
                          mentor);
    }
  }
  return OkStatus();
}

Status CheckSkills(const FirmSnapshot& s, const std::vector<std::string>& skill_ids) {
  constexpr const char* kField = "skill_ids";
  if (skill_ids.empty() || skill_ids.size() > kMaxMentorshipSkills) {
    return InvalidField(kField, "1 to 10 skill ids", std::to_string(skill_ids.size()) + " ids");
  }
  std::set<std::string_view> seen;
  for (const std::string& id : skill_ids) {
    if (!seen.insert(id).second) return InvalidField(kField, "each skill once", id);
    if (s.FindSkill(id) == nullptr) return InvalidField(kField, "ids of known skills", id);
  }
  return OkStatus();
}

Status FirstFieldError(const std::vector<FieldError>& errors) {
  if (errors.empty()) return OkStatus();
  return InvalidField(errors.front().field, errors.front().expected);
}

Status CheckReviewDate(Date review_on, Date today) {
  if (review_on < today) {
    return InvalidField("review_on", "a date on or after today (" + FormatDate(today) + ")",
                        FormatDate(review_on));
  }
  return OkStatus();
}

InboxItem Notice(std::string person, InboxItemKind kind, const Mentorship& m, std::string from,
                 std::string text, int64_t now) {
  return InboxItem{NewId("in-"),    std::move(person), kind, m.id,
                   std::move(from), std::move(text),   now,  std::nullopt};
}

}  // namespace

MentorshipService::MentorshipService(SnapshotHolder& snapshots, FirmWriter& writer,
                                     const Clock& clock)
    : snapshots_(snapshots), writer_(writer), clock_(clock) {}

Result<std::shared_ptr<const FirmSnapshot>> MentorshipService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<Mentorship> MentorshipService::Visible(const FirmSnapshot& s, const Principal& viewer,
                                              std::string_view id) {
  const auto& all = s.data().mentorships.get();
  auto it = std::find_if(all.begin(), all.end(), [&](const Mentorship& m) { return m.id == id; });
  if (it == all.end() || !Authorizer(s).CanReadMentorship(viewer, *it)) return NoMentorship(id);
  return *it;
}

Status MentorshipService::Commit(const Principal& actor, const Mentorship& m,
                                 std::optional<InboxItem> notice, std::string_view action,
                                 std::string detail) {
  std::vector<FieldError> errors;
  ValidateMentorship(m, errors);
  RETURN_IF_ERROR(FirstFieldError(errors));
  FirmChange change;
  change.upserts.mentorships.push_back(m);
  if (notice) change.upserts.inbox_items.push_back(std::move(*notice));
  WriteRequest request{
      std::move(change),
      AuditEntry{0, 0, actor.user_id, std::string(action), "mentorship", m.id, std::move(detail)},
      ""};
  return writer_.Commit(request).status();
}

Result<Mentorship> MentorshipService::Ask(const Principal& actor, const MentorshipDraft& draft) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  if (actor.person_id.empty() || s.FindPerson(actor.person_id) == nullptr) {
    return PermissionDenied("your account is linked to no person, so it asks no one to mentor");
  }
  std::lock_guard lock(write_mu_);
  RETURN_IF_ERROR(CheckMentor(s, actor.person_id, draft.mentor_id));
  RETURN_IF_ERROR(CheckSkills(s, draft.skill_ids));
  if (draft.message.size() > kMaxMentorshipMessageBytes) {
    return InvalidField("message", "a note of at most 1000 bytes",
                        std::to_string(draft.message.size()) + " bytes");
  }
  const int64_t now = clock_.NowSeconds();
  Mentorship m{.id = NewId("mt-"),
               .mentee_id = actor.person_id,
               .mentor_id = draft.mentor_id,
               .skill_ids = draft.skill_ids,
               .asked_at = now,
               .message = draft.message};
  InboxItem notice = Notice(m.mentor_id, InboxItemKind::kMentorshipRequest, m, actor.person_id,
                            NameOf(s, actor.person_id) + " asks you to mentor them", now);
  RETURN_IF_ERROR(Commit(actor, m, std::move(notice), "mentorship.ask", m.mentor_id));
  return m;
}

Result<MyMentorships> MentorshipService::Mine(const Principal& viewer) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (viewer.person_id.empty()) return NotFound("your account is linked to no person");
  MyMentorships out;
  for (const Mentorship& m : snapshot->data().mentorships) {
    if (m.mentee_id == viewer.person_id) out.as_mentee.push_back(m);
    if (m.mentor_id != viewer.person_id) continue;
    (m.status == MentorshipStatus::kRequested ? out.asked_of_me : out.as_mentor).push_back(m);
  }
  const auto newest_first = [](const Mentorship& a, const Mentorship& b) {
    return a.asked_at != b.asked_at ? a.asked_at > b.asked_at : a.id > b.id;
  };
  for (auto* list : {&out.asked_of_me, &out.as_mentee, &out.as_mentor}) {
    std::sort(list->begin(), list->end(), newest_first);
  }
  return out;
}

Result<Mentorship> MentorshipService::Get(const Principal& viewer, std::string_view id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  return Visible(*snapshot, viewer, id);
}

Result<Mentorship> MentorshipService::Answer(const Principal& actor, std::string_view id,
                                             std::optional<Date> review_on, bool accept) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(Mentorship m, Visible(*snapshot, actor, id));
  if (!Authorizer(*snapshot).CanAnswerMentorship(actor, m)) {
    return PermissionDenied("only the person asked to mentor accepts or declines");
  }
  if (m.status != MentorshipStatus::kRequested) {
    return FailedPrecondition("this mentorship is " + std::string(ToString(m.status)) +
                              "; only a request is accepted or declined");
  }
  const Date today = clock_.Today();
  if (accept) {
    const Date review = review_on.value_or(AddDays(today, kMentorshipReviewDays));
    RETURN_IF_ERROR(CheckReviewDate(review, today));
    m.status = MentorshipStatus::kActive;
    m.started_on = today;
    m.review_on = review;
  } else {
    m.status = MentorshipStatus::kDeclined;
  }
  const std::string text = NameOf(*snapshot, m.mentor_id) +
                           (accept ? " accepted to mentor you" : " declined to mentor you");
  InboxItem notice = Notice(m.mentee_id, InboxItemKind::kMentorshipAnswer, m, m.mentor_id, text,
                            clock_.NowSeconds());
  RETURN_IF_ERROR(
      Commit(actor, m, std::move(notice), accept ? "mentorship.accept" : "mentorship.decline", ""));
  return m;
}

Result<Mentorship> MentorshipService::Accept(const Principal& actor, std::string_view id,
                                             std::optional<Date> review_on) {
  return Answer(actor, id, review_on, true);
}

Result<Mentorship> MentorshipService::Decline(const Principal& actor, std::string_view id) {
  return Answer(actor, id, std::nullopt, false);
}

Result<Mentorship> MentorshipService::Change(const Principal& actor, std::string_view id,
                                             std::optional<Date> review_on) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(Mentorship m, Visible(*snapshot, actor, id));
  if (!Authorizer(*snapshot).CanChangeMentorship(actor, m)) {
    return PermissionDenied("only the mentee and the mentor change a mentorship");
  }
  if (m.status != MentorshipStatus::kActive) {
    return FailedPrecondition("this mentorship is " + std::string(ToString(m.status)) +
                              "; only an active one is ended or reviewed");
  }
  const Date today = clock_.Today();
  if (review_on) {
    RETURN_IF_ERROR(CheckReviewDate(*review_on, today));
    m.review_on = *review_on;
    RETURN_IF_ERROR(Commit(actor, m, std::nullopt, "mentorship.review", FormatDate(*review_on)));
    return m;
  }
  m.status = MentorshipStatus::kEnded;
  m.ended_on = today;
  RETURN_IF_ERROR(Commit(actor, m, std::nullopt, "mentorship.end", ""));
  return m;
}

Result<Mentorship> MentorshipService::End(const Principal& actor, std::string_view id) {
  return Change(actor, id, std::nullopt);
}

Result<Mentorship> MentorshipService::SetReviewDate(const Principal& actor, std::string_view id,
                                                    Date review_on) {
  return Change(actor, id, review_on);
}

}  // namespace guild
