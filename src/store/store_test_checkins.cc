// Check-in and feedback rows for the store conformance suite.
#include "store/store_test_checkins.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

namespace guild::store::testing {

namespace {

Date D(const char* text) { return *ParseDate(text); }
std::string Quote(const std::string& s) { return "'" + s + "'"; }
std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }
std::string Opt(const std::optional<Date>& d) { return d ? FormatDate(*d) : "-"; }

template <typename T, typename Key>
void SortBy(SharedVector<T>& shared, Key key) {
  std::vector<T>& items = shared.mut();
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

void SetCadence(FirmData& f, const std::string& team_id, int days) {
  for (Team& t : f.teams.mut()) {
    if (t.id == team_id) t.checkin_cadence_days = days;
  }
}

void AddCheckinRows(FirmData& f) {
  f.checkins.push_back(Checkin{.id = "ci2",
                               .team_id = "t1",
                               .person_id = "p2",
                               .cycle_start = D("2024-05-06"),
                               .client_change = "New CFO 💼",
                               .note = "Tab\there\nand \"quotes\"",
                               .updated_at = 1'714'982'400,
                               .submitted_at = 1'714'986'000});
  f.checkins.push_back(Checkin{.id = "ci1",
                               .team_id = "t1",
                               .person_id = "p3",
                               .cycle_start = D("2024-05-06"),
                               .updated_at = 1'714'900'000});
  f.checkins.push_back(Checkin{.id = "ci3",
                               .team_id = "t1",
                               .person_id = "p2",
                               .cycle_start = D("2024-05-13"),
                               .client_change = "Budget cut",
                               .updated_at = 1'715'590'000,
                               .submitted_at = 1'715'590'000});
  f.checkins.push_back(Checkin{.id = "ci4",
                               .team_id = "t2",
                               .person_id = "p3",
                               .cycle_start = D("2024-05-13"),
                               .note = "Fortnightly",
                               .updated_at = 1'715'500'000,
                               .submitted_at = 1'715'500'100});
  f.checkin_blockers.push_back(CheckinBlocker{.id = "b2",
                                              .team_id = "t1",
                                              .person_id = "p2",
                                              .checkin_id = "ci3",
                                              .text = "No \"VPN\" access",
                                              .opened_on = D("2024-05-13")});
  f.checkin_blockers.push_back(CheckinBlocker{.id = "b1",
                                              .team_id = "t1",
                                              .person_id = "p2",
                                              .checkin_id = "ci2",
                                              .text = "Waiting for data",
                                              .opened_on = D("2024-05-06"),
                                              .resolved_on = D("2024-05-13")});
}

void AddQuestions(FirmData& f) {
  f.checkin_questions.push_back(CheckinQuestion{.id = "q2",
                                                .checkin_id = "ci2",
                                                .team_id = "t1",
                                                .asker_id = "p2",
                                                .addressee_id = "p1",
                                                .text = "Which format?",
                                                .asked_at = 1'714'986'000,
                                                .answer = "PDF,\tsigned",
                                                .answered_at = 1'714'990'000});
  f.checkin_questions.push_back(CheckinQuestion{.id = "q1",
                                                .checkin_id = "ci4",
                                                .team_id = "t2",
                                                .asker_id = "p3",
                                                .addressee_id = "p1",
                                                .text = "Who signs? 山田",
                                                .asked_at = 1'715'500'100});
  f.checkin_questions.push_back(CheckinQuestion{.id = "q3",
                                                .checkin_id = "ci3",
                                                .team_id = "t1",
                                                .asker_id = "p2",
                                                .addressee_id = "p3",
                                                .text = "Can you cover Friday?",
                                                .asked_at = 1'715'590'000});
}

void AddFeedback(FirmData& f) {
  f.feedback_requests.push_back(FeedbackRequest{.id = "fr2",
                                                .requester_id = "p2",
                                                .event_kind = FeedbackEventKind::kOther,
                                                .event = "Team offsite",
                                                .event_date = D("2024-05-10"),
                                                .asked_at = 1'715'400'000,
                                                .expires_on = D("2024-05-10")});
  f.feedback_requests.push_back(FeedbackRequest{.id = "fr1",
                                                .requester_id = "p3",
                                                .event_kind = FeedbackEventKind::kPitch,
                                                .event = "Pitch to Acme's board 🚀",
                                                .event_date = D("2024-05-02"),
                                                .engagement_id = "e1",
                                                .asked_at = 1'714'700'000,
                                                .expires_on = D("2024-06-01")});
  f.feedback_answers.push_back(FeedbackAnswer{.request_id = "fr2",
                                              .reviewer_id = "p3",
                                              .status = FeedbackAnswerStatus::kDeclined,
                                              .responded_at = 1'715'500'000});
  f.feedback_answers.push_back(FeedbackAnswer{.request_id = "fr1",
                                              .reviewer_id = "p2",
                                              .status = FeedbackAnswerStatus::kAnswered,
                                              .most_effective = "A clear story",
                                              .do_better = "Shorter deck;\nfewer slides",
                                              .responded_at = 1'714'800'000,
                                              .shared_with_id = "p1",
                                              .shared_at = 1'714'900'000});
  f.feedback_answers.push_back(FeedbackAnswer{.request_id = "fr1", .reviewer_id = "p1"});
}

void AddInbox(FirmData& f) {
  f.inbox_items.push_back(InboxItem{.id = "i2",
                                    .person_id = "p1",
                                    .kind = InboxItemKind::kQuestion,
                                    .ref_id = "q2",
                                    .from_id = "p2",
                                    .text = "Zoë asks: Which format?",
                                    .created_at = 1'714'986'000,
                                    .read_at = 1'714'990'000});
  f.inbox_items.push_back(InboxItem{.id = "i1",
                                    .person_id = "p2",
                                    .kind = InboxItemKind::kNudge,
                                    .ref_id = "t1",
                                    .text = "Check in for this week",
                                    .created_at = 1'715'000'000});
  f.inbox_items.push_back(InboxItem{.id = "i3",
                                    .person_id = "p2",
                                    .kind = InboxItemKind::kFeedbackRequest,
                                    .ref_id = "fr1",
                                    .from_id = "p3",
                                    .text = "Bo asks for feedback",
                                    .created_at = 1'714'700'000});
}

// An active pair with two skills and a message, a declined request without a
// message, and an ended pair (p2 earlier mentored by p1 in one skill). p3 is
// left out: a conformance test deletes that person.
void AddMentorships(FirmData& f) {
  f.mentorships.push_back(Mentorship{.id = "m2",
                                     .mentee_id = "p2",
                                     .mentor_id = "p1",
                                     .skill_ids = {"firm:tax", "onet:2.A.1.b"},
                                     .status = MentorshipStatus::kActive,
                                     .asked_at = 1'714'600'000,
                                     .started_on = D("2024-05-03"),
                                     .review_on = D("2024-08-01"),
                                     .message = "Could you help me with \"tax\"?"});
  f.mentorships.push_back(Mentorship{.id = "m1",
                                     .mentee_id = "p1",
                                     .mentor_id = "p2",
                                     .skill_ids = {"firm:tax"},
                                     .status = MentorshipStatus::kDeclined,
                                     .asked_at = 1'714'500'000});
  f.mentorships.push_back(Mentorship{.id = "m3",
                                     .mentee_id = "p2",
                                     .mentor_id = "p1",
                                     .skill_ids = {"onet:2.A.1.b"},
                                     .status = MentorshipStatus::kEnded,
                                     .asked_at = 1'714'400'000,
                                     .started_on = D("2024-04-30"),
                                     .review_on = D("2024-04-30"),
                                     .ended_on = D("2024-06-30")});
  f.inbox_items.push_back(InboxItem{.id = "i4",
                                    .person_id = "p1",
                                    .kind = InboxItemKind::kMentorshipRequest,
                                    .ref_id = "m2",
                                    .from_id = "p2",
                                    .text = "Zoë asks you to mentor them",
                                    .created_at = 1'714'600'000});
}

}  // namespace

void AddCheckins(FirmData& f) {
  SetCadence(f, "t0", 0);
  SetCadence(f, "t2", 14);
  AddCheckinRows(f);
  AddQuestions(f);
  AddFeedback(f);
  AddInbox(f);
  AddMentorships(f);
}

void SortCheckinsByKey(FirmData& f) {
  auto by_id = [](const auto& x) { return x.id; };
  SortBy(f.checkins, by_id);
  SortBy(f.checkin_blockers, by_id);
  SortBy(f.checkin_questions, by_id);
  SortBy(f.feedback_requests, by_id);
  SortBy(f.inbox_items, by_id);
  SortBy(f.mentorships, by_id);
  SortBy(f.feedback_answers,
         [](const FeedbackAnswer& a) { return std::make_tuple(a.request_id, a.reviewer_id); });
}

void DumpCheckins(const FirmData& f, std::ostringstream& out) {
  for (const Checkin& c : f.checkins) {
    out << "checkin " << Quote(c.id) << Quote(c.team_id) << Quote(c.person_id)
        << FormatDate(c.cycle_start) << " " << Quote(c.client_change) << Quote(c.note)
        << c.updated_at << " " << Opt(c.submitted_at) << "\n";
  }
  for (const CheckinBlocker& b : f.checkin_blockers) {
    out << "blocker " << Quote(b.id) << Quote(b.team_id) << Quote(b.person_id)
        << Quote(b.checkin_id) << Quote(b.text) << FormatDate(b.opened_on) << " "
        << Opt(b.resolved_on) << "\n";
  }
  for (const CheckinQuestion& q : f.checkin_questions) {
    out << "question " << Quote(q.id) << Quote(q.checkin_id) << Quote(q.team_id)
        << Quote(q.asker_id) << Quote(q.addressee_id) << Quote(q.text) << q.asked_at << " "
        << Quote(q.answer) << Opt(q.answered_at) << "\n";
  }
  for (const FeedbackRequest& r : f.feedback_requests) {
    out << "feedback-request " << Quote(r.id) << Quote(r.requester_id) << ToString(r.event_kind)
        << " " << Quote(r.event) << FormatDate(r.event_date) << " " << Quote(r.engagement_id)
        << r.asked_at << " " << FormatDate(r.expires_on) << "\n";
  }
  for (const FeedbackAnswer& a : f.feedback_answers) {
    out << "feedback-answer " << Quote(a.request_id) << Quote(a.reviewer_id) << ToString(a.status)
        << " " << Quote(a.most_effective) << Quote(a.do_better) << Opt(a.responded_at) << " "
        << Quote(a.shared_with_id) << Opt(a.shared_at) << "\n";
  }
  for (const InboxItem& i : f.inbox_items) {
    out << "inbox " << Quote(i.id) << Quote(i.person_id) << ToString(i.kind) << " "
        << Quote(i.ref_id) << Quote(i.from_id) << Quote(i.text) << i.created_at << " "
        << Opt(i.read_at) << "\n";
  }
  for (const Mentorship& m : f.mentorships) {
    out << "mentorship " << Quote(m.id) << Quote(m.mentee_id) << Quote(m.mentor_id);
    for (const std::string& skill : m.skill_ids) out << Quote(skill);
    out << ToString(m.status) << " " << m.asked_at << " " << Opt(m.started_on) << " "
        << Opt(m.review_on) << " " << Quote(m.message) << Opt(m.ended_on) << "\n";
  }
}

}  // namespace guild::store::testing
