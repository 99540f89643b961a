// The demo firm's check-ins and feedback (issue 25): who checks in with
// whom, a year of check-ins with realistic gaps, blockers, routed
// questions, feedback requests and the inbox, checked against the rules and
// the shares the brief states.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "demo/demo.h"
#include "demo/testing/demo_firm.h"
#include "domain/validate.h"

namespace guild {
namespace {

using demo::testing::GenerateDemo;
using demo::testing::kDemoToday;

constexpr int64_t kDay = 86400;
const int64_t kNow = int64_t{kDemoToday.days} * kDay + 17 * 3600;

const FirmData& Firm(int people) {
  static std::map<int, FirmData> cache;
  auto it = cache.find(people);
  if (it == cache.end()) it = cache.emplace(people, GenerateDemo(people, 1)).first;
  return it->second;
}

template <typename T>
void ExpectValid(const SharedVector<T>& items, void (*validate)(const T&, std::vector<FieldError>&),
                 const char* kind) {
  for (const auto& item : items) {
    std::vector<FieldError> errors;
    validate(item, errors);
    ASSERT_TRUE(errors.empty()) << kind << ": " << errors[0].field << " expected "
                                << errors[0].expected;
  }
}

// The people teams (cadence > 0) by id, and the one each person checks in with.
struct Teams {
  std::unordered_map<std::string, const Team*> by_id;
  std::unordered_map<std::string, const Team*> of_member;  // non-leading members only
  explicit Teams(const FirmData& f) {
    for (const Team& t : f.teams) {
      by_id[t.id] = &t;
      if (t.checkin_cadence_days == 0) continue;
      for (const TeamMember& m : t.members) {
        if (m.person_id == t.leader_id) continue;
        EXPECT_TRUE(of_member.emplace(m.person_id, &t).second)
            << m.person_id << " checks in with two teams";
      }
    }
  }
};

const std::vector<int> kSizes = {60, 400, 3000};

TEST(DemoCheckins, EveryEntityValidates) {
  for (int people : kSizes) {
    SCOPED_TRACE(people);
    const FirmData& f = Firm(people);
    ASSERT_FALSE(f.checkins.empty());
    ExpectValid(f.teams, &ValidateTeam, "team");
    ExpectValid(f.checkins, &ValidateCheckin, "check-in");
    ExpectValid(f.checkin_blockers, &ValidateCheckinBlocker, "blocker");
    ExpectValid(f.checkin_questions, &ValidateCheckinQuestion, "question");
    ExpectValid(f.feedback_requests, &ValidateFeedbackRequest, "feedback request");
    ExpectValid(f.feedback_answers, &ValidateFeedbackAnswer, "feedback answer");
    ExpectValid(f.inbox_items, &ValidateInboxItem, "inbox item");
    std::vector<RecordError> errors;
    ValidateFirmRules(f, /*check_references=*/true, errors);
    for (const RecordError& e : errors) ADD_FAILURE() << e.message;
  }
}

// Everyone but the partners checks in with exactly one people team of at
// most 10 members, led by a manager, director or partner of their practice
// who leads at most two and takes at most 20 check-ins a week.
TEST(DemoCheckins, PeopleTeamsHoldEveryoneButPartnersOnce) {
  for (int people : kSizes) {
    SCOPED_TRACE(people);
    const FirmData& f = Firm(people);
    const Teams teams(f);
    std::unordered_map<std::string, const Person*> person;
    for (const Person& p : f.people) person[p.id] = &p;
    for (const Person& p : f.people) {
      EXPECT_EQ(teams.of_member.count(p.id), p.grade == "partner" ? 0u : 1u) << p.id;
    }
    std::map<std::string, double> load;
    std::map<std::string, int> led;
    int small = 0, people_teams = 0;
    for (const Team& t : f.teams) {
      if (t.checkin_cadence_days == 0) continue;
      ++people_teams;
      EXPECT_EQ(t.kind, TeamKind::kOther) << t.id;
      EXPECT_TRUE(t.checkin_cadence_days == 7 || t.checkin_cadence_days == 14) << t.id;
      EXPECT_FALSE(t.purpose.empty()) << t.id;
      const Person& leader = *person.at(t.leader_id);
      EXPECT_NE(leader.grade, "senior") << t.id;
      EXPECT_NE(leader.grade, "associate") << t.id;
      const int members = static_cast<int>(t.members.size()) - 1;  // the leader is listed
      EXPECT_LE(members, 10) << t.id;
      small += members < 4 ? 1 : 0;
      for (const TeamMember& m : t.members) {
        if (m.person_id == t.leader_id) continue;
        EXPECT_EQ(person.at(m.person_id)->practice, leader.practice) << t.id;
        EXPECT_EQ(person.at(m.person_id)->office,
                  t.members.size() > 1 ? person.at(t.members[1].person_id)->office : "")
            << t.id;
      }
      load[t.leader_id] += members * 7.0 / t.checkin_cadence_days;
      ++led[t.leader_id];
    }
    for (const auto& [id, weekly] : load) EXPECT_LE(weekly, 20.0) << id;
    for (const auto& [id, count] : led) EXPECT_LE(count, 2) << id;
    EXPECT_LE(small, people_teams / 5 + 2);  // only where an office's practice is tiny
  }
}

TEST(DemoCheckins, CheckinsFollowTheCadenceOncePerCycle) {
  for (int people : kSizes) {
    SCOPED_TRACE(people);
    const FirmData& f = Firm(people);
    const Teams teams(f);
    std::unordered_map<std::string, const Person*> person;
    for (const Person& p : f.people) person[p.id] = &p;
    std::set<std::tuple<std::string, std::string, int>> seen;
    int thursday_friday = 0;
    for (const Checkin& c : f.checkins) {
      auto it = teams.of_member.find(c.person_id);
      ASSERT_NE(it, teams.of_member.end()) << c.id;
      const Team& t = *it->second;
      EXPECT_EQ(c.team_id, t.id);
      const Date day{static_cast<int32_t>(c.updated_at / kDay)};
      EXPECT_EQ(c.cycle_start, CheckinCycleStart(day, t.checkin_cadence_days)) << c.id;
      EXPECT_LE(c.updated_at, kNow);
      EXPECT_TRUE(seen.insert({c.person_id, c.team_id, c.cycle_start.days}).second) << c.id;
      const Person& p = *person.at(c.person_id);
      if (p.start_date) {
        EXPECT_GE(AddDays(c.cycle_start, t.checkin_cadence_days), *p.start_date) << c.id;
      }
      if (c.submitted_at) {
        EXPECT_EQ(*c.submitted_at, c.updated_at);
      }
      const int weekday = Weekday(day);
      thursday_friday += (weekday == 3 || weekday == 4) ? 1 : 0;
    }
    EXPECT_GT(thursday_friday, static_cast<int>(f.checkins.size()) * 6 / 10);
  }
}

// About 1 cycle in 12 skipped, ~3 % chronically overdue (under half the
// cycles), the current cycle partly submitted with drafts.
TEST(DemoCheckins, RealisticGaps) {
  const FirmData& f = Firm(3000);
  const Teams teams(f);
  std::map<std::string, std::set<int>> cycles;  // person -> cycle starts with a check-in
  int drafts = 0, current_submitted = 0, current_people = 0;
  for (const Checkin& c : f.checkins) {
    cycles[c.person_id].insert(c.cycle_start.days);
    const Team& t = *teams.of_member.at(c.person_id);
    if (c.cycle_start == CheckinCycleStart(kDemoToday, t.checkin_cadence_days)) {
      drafts += c.submitted_at ? 0 : 1;
      current_submitted += c.submitted_at ? 1 : 0;
    } else {
      EXPECT_TRUE(c.submitted_at.has_value()) << "past draft " << c.id;
    }
  }
  const Date year_ago = AddDays(kDemoToday, -7 * 51);
  int64_t expected = 0, submitted = 0, chronic = 0, people = 0;
  for (const Person& p : f.people) {
    auto t = teams.of_member.find(p.id);
    if (t == teams.of_member.end()) continue;
    const int cadence = t->second->checkin_cadence_days;
    const Date current = CheckinCycleStart(kDemoToday, cadence);
    ++current_people;
    if (p.start_date && *p.start_date > year_ago) continue;  // full year only
    int due = 0, done = 0;
    for (Date d = CheckinCycleStart(AddDays(WeekStart(kDemoToday), -7 * 51), cadence); d < current;
         d = AddDays(d, cadence)) {
      ++due;
      done += cycles[p.id].count(d.days) ? 1 : 0;
    }
    expected += due;
    submitted += done;
    chronic += done * 2 < due ? 1 : 0;
    ++people;
  }
  const double skipped = 1 - static_cast<double>(submitted) / expected;
  EXPECT_GT(skipped, 0.06);
  EXPECT_LT(skipped, 0.14);
  const double chronic_share = static_cast<double>(chronic) / people;
  EXPECT_GT(chronic_share, 0.015);
  EXPECT_LT(chronic_share, 0.05);
  EXPECT_GT(drafts, current_people / 10);
  EXPECT_GT(current_submitted, current_people / 3);
  EXPECT_LT(current_submitted + drafts, current_people * 9 / 10);
}

TEST(DemoCheckins, BlockersAndQuestions) {
  for (int people : kSizes) {
    SCOPED_TRACE(people);
    const FirmData& f = Firm(people);
    const Teams teams(f);
    std::unordered_map<std::string, const Checkin*> checkin;
    size_t submitted = 0;
    for (const Checkin& c : f.checkins) {
      checkin[c.id] = &c;
      submitted += c.submitted_at ? 1 : 0;
    }
    int lingering = 0;
    for (const CheckinBlocker& b : f.checkin_blockers) {
      const Checkin& c = *checkin.at(b.checkin_id);
      EXPECT_EQ(b.person_id, c.person_id);
      EXPECT_EQ(b.team_id, c.team_id);
      const int cadence = teams.by_id.at(b.team_id)->checkin_cadence_days;
      const Date until = b.resolved_on.value_or(kDemoToday);
      lingering += until.days - b.opened_on.days > 2 * cadence ? 1 : 0;
    }
    int answered = 0;
    for (const CheckinQuestion& q : f.checkin_questions) {
      const Checkin& c = *checkin.at(q.checkin_id);
      EXPECT_EQ(q.asker_id, c.person_id);
      EXPECT_EQ(q.team_id, c.team_id);
      EXPECT_EQ(q.asked_at, *c.submitted_at);
      const Team& t = *teams.by_id.at(q.team_id);
      bool on_team = false;
      for (const TeamMember& m : t.members) on_team |= m.person_id == q.addressee_id;
      EXPECT_TRUE(on_team || q.addressee_id == t.leader_id) << q.id;
      EXPECT_NE(q.addressee_id, q.asker_id);
      if (q.answered_at) {
        ++answered;
        EXPECT_GT(*q.answered_at, q.asked_at);
        EXPECT_LE(*q.answered_at, kNow);
      }
    }
    if (people < 3000) continue;
    const double blockers = static_cast<double>(f.checkin_blockers.size()) / submitted;
    EXPECT_NEAR(blockers, 1.0 / 6, 0.03);
    EXPECT_GT(static_cast<double>(lingering) / f.checkin_blockers.size(), 0.08);
    EXPECT_LT(static_cast<double>(lingering) / f.checkin_blockers.size(), 0.35);
    const double questions = static_cast<double>(f.checkin_questions.size()) / submitted;
    EXPECT_NEAR(questions, 1.0 / 5, 0.03);
    const double answered_share = static_cast<double>(answered) / f.checkin_questions.size();
    EXPECT_GT(answered_share, 0.7);
    EXPECT_LT(answered_share, 0.95);
  }
}

TEST(DemoCheckins, FeedbackAskedOfColleaguesMostlyAnswered) {
  for (int people : kSizes) {
    SCOPED_TRACE(people);
    const FirmData& f = Firm(people);
    std::unordered_map<std::string, const FeedbackRequest*> request;
    for (const FeedbackRequest& r : f.feedback_requests) {
      EXPECT_TRUE(request.emplace(r.id, &r).second) << r.id;
      EXPECT_LE(r.event_date, kDemoToday);
      EXPECT_LE(r.asked_at, kNow);
      EXPECT_GE(r.asked_at, int64_t{r.event_date.days} * kDay);
    }
    std::map<std::string, int> reviewers;
    std::map<FeedbackAnswerStatus, int> status;
    int expired = 0, shared = 0;
    for (const FeedbackAnswer& a : f.feedback_answers) {
      const FeedbackRequest& r = *request.at(a.request_id);
      EXPECT_NE(a.reviewer_id, r.requester_id);
      ++reviewers[a.request_id];
      ++status[a.status];
      if (a.status == FeedbackAnswerStatus::kPending && r.expires_on < kDemoToday) ++expired;
      if (a.responded_at) {
        EXPECT_LE(*a.responded_at, kNow);
      }
      if (!a.shared_with_id.empty()) {
        ++shared;
        EXPECT_NE(a.shared_with_id, r.requester_id);
      }
    }
    for (const FeedbackRequest& r : f.feedback_requests) {
      EXPECT_GE(reviewers[r.id], 1) << r.id;
      EXPECT_LE(reviewers[r.id], kMaxFeedbackReviewers) << r.id;
    }
    if (people < 3000) continue;
    // About one request per person and quarter.
    EXPECT_NEAR(static_cast<double>(f.feedback_requests.size()) / f.people.size(), 4, 0.8);
    const double n = static_cast<double>(f.feedback_answers.size());
    EXPECT_GT(status[FeedbackAnswerStatus::kAnswered] / n, 0.55);
    EXPECT_LT(status[FeedbackAnswerStatus::kAnswered] / n, 0.8);
    EXPECT_GT(status[FeedbackAnswerStatus::kDeclined] / n, 0.03);
    EXPECT_LT(status[FeedbackAnswerStatus::kDeclined] / n, 0.15);
    EXPECT_GT(status[FeedbackAnswerStatus::kPending] / n, 0.1);
    EXPECT_LT(status[FeedbackAnswerStatus::kPending] / n, 0.35);
    EXPECT_GT(expired, 0);
    EXPECT_GT(shared, 0);
  }
}

// Reviewers on an engagement were staffed on it within two weeks of the
// event, billed time to it, or lead it.
TEST(DemoCheckins, EngagementReviewersWorkedOnIt) {
  const FirmData& f = Firm(400);
  std::unordered_map<std::string, std::string> engagement_of_opening;
  for (const Opening& o : f.openings) engagement_of_opening[o.id] = o.engagement_id;
  std::set<std::pair<std::string, std::string>> billed;  // (engagement, person)
  for (const TimeEntry& t : f.time_entries) {
    if (!t.engagement_id.empty()) billed.insert({t.engagement_id, t.person_id});
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<Date, Date>>> spans;
  for (const Assignment& a : f.assignments) {
    spans[{engagement_of_opening[a.opening_id], a.person_id}].push_back({a.start, a.end});
  }
  std::unordered_map<std::string, std::string> leader;
  for (const Engagement& e : f.engagements) leader[e.id] = e.leader_id;
  std::unordered_map<std::string, const FeedbackRequest*> request;
  for (const FeedbackRequest& r : f.feedback_requests) request[r.id] = &r;
  int on_engagement = 0;
  for (const FeedbackAnswer& a : f.feedback_answers) {
    const FeedbackRequest& r = *request.at(a.request_id);
    if (r.engagement_id.empty()) continue;
    ++on_engagement;
    if (leader[r.engagement_id] == a.reviewer_id) continue;
    if (billed.count({r.engagement_id, a.reviewer_id})) continue;
    bool around = false;
    for (const auto& [start, end] : spans[{r.engagement_id, a.reviewer_id}]) {
      around |= AddDays(start, -14) <= r.event_date && AddDays(end, 14) >= r.event_date;
    }
    EXPECT_TRUE(around) << r.id << " " << a.reviewer_id;
  }
  EXPECT_GT(on_engagement, static_cast<int>(f.feedback_answers.size()) / 4);
}

TEST(DemoCheckins, InboxCoversTheLastWeeksMostOlderItemsRead) {
  const FirmData& f = Firm(3000);
  ASSERT_FALSE(f.inbox_items.empty());
  std::set<InboxItemKind> kinds;
  int old = 0, old_read = 0;
  std::unordered_set<std::string> ids;
  for (const InboxItem& i : f.inbox_items) {
    EXPECT_TRUE(ids.insert(i.id).second) << i.id;
    EXPECT_GE(i.created_at, kNow - 28 * kDay);
    EXPECT_LE(i.created_at, kNow);
    if (i.read_at) {
      EXPECT_LE(*i.read_at, kNow);
    }
    kinds.insert(i.kind);
    if (i.created_at < kNow - 3 * kDay) {
      ++old;
      old_read += i.read_at ? 1 : 0;
    }
  }
  EXPECT_EQ(kinds.size(), 5u);
  EXPECT_GT(old_read, old * 8 / 10);
}

TEST(DemoCheckins, SameSeedSameHistory) {
  const FirmData a = GenerateDemo(200, 9);
  const FirmData b = GenerateDemo(200, 9);
  ASSERT_EQ(a.checkins.size(), b.checkins.size());
  for (size_t i = 0; i < a.checkins.size(); ++i) {
    EXPECT_EQ(a.checkins[i].id, b.checkins[i].id);
    EXPECT_EQ(a.checkins[i].updated_at, b.checkins[i].updated_at);
    EXPECT_EQ(a.checkins[i].client_change, b.checkins[i].client_change);
  }
  EXPECT_EQ(a.checkin_questions.size(), b.checkin_questions.size());
  EXPECT_EQ(a.feedback_answers.size(), b.feedback_answers.size());
  EXPECT_EQ(a.inbox_items.size(), b.inbox_items.size());
  const FirmData c = GenerateDemo(200, 10);
  EXPECT_NE(a.checkins.size(), c.checkins.size());
}

}  // namespace
}  // namespace guild

namespace guild {
namespace {

// Every moment the history stamps, with what it is.
std::vector<std::pair<int64_t, std::string>> Stamps(const FirmData& f) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const Checkin& c : f.checkins) {
    out.push_back({c.updated_at, "check-in " + c.id + " updated_at"});
    if (c.submitted_at) out.push_back({*c.submitted_at, "check-in " + c.id + " submitted_at"});
  }
  for (const CheckinQuestion& q : f.checkin_questions) {
    out.push_back({q.asked_at, "question " + q.id + " asked_at"});
    if (q.answered_at) out.push_back({*q.answered_at, "question " + q.id + " answered_at"});
  }
  for (const FeedbackRequest& r : f.feedback_requests) {
    out.push_back({r.asked_at, "feedback request " + r.id + " asked_at"});
  }
  for (const FeedbackAnswer& a : f.feedback_answers) {
    if (a.responded_at) out.push_back({*a.responded_at, "answer to " + a.request_id});
    if (a.shared_at) out.push_back({*a.shared_at, "answer shared " + a.request_id});
  }
  for (const InboxItem& i : f.inbox_items) {
    out.push_back({i.created_at, "inbox " + i.id + " created_at"});
    if (i.read_at) out.push_back({*i.read_at, "inbox " + i.id + " read_at"});
  }
  return out;
}

// A demo generated in the morning stamps nothing later that day: its "now"
// is the clock's time of day (the default 17:00 would stamp the afternoon).
TEST(DemoCheckins, NothingStampedAfterTheClocksTimeOfDay) {
  const int64_t morning = int64_t{kDemoToday.days} * kDay + 9 * 3600 + 30 * 60;
  const FakeClock clock(morning);
  EXPECT_EQ(DemoTimeOfDay(clock), 9 * 3600 + 30 * 60);
  auto firm = GenerateDemoFirm(
      {.people = 400, .seed = 1, .today = clock.Today(), .time_of_day = DemoTimeOfDay(clock)},
      demo::testing::ShippedTaxonomy());
  ASSERT_TRUE(firm.ok()) << firm.status().ToString();
  int today = 0;
  for (const auto& [at, what] : Stamps(*firm)) {
    ASSERT_LE(at, morning) << what;
    today += at >= morning - 9 * 3600 - 30 * 60;
  }
  EXPECT_GT(today, 0);  // the morning itself is used
  for (const CheckinBlocker& b : firm->checkin_blockers) EXPECT_LE(b.opened_on, kDemoToday);
  // The same firm at 17:00 has stamps in the afternoon: the bound above bites.
  int afternoon = 0;
  for (const auto& [at, what] : Stamps(Firm(400))) afternoon += at > morning;
  EXPECT_GT(afternoon, 0);
}

TEST(DemoCheckins, TimeOfDayOutOfRangeIsRefused) {
  for (int seconds : {-1, 86400}) {
    auto firm = GenerateDemoFirm({.people = 100, .today = kDemoToday, .time_of_day = seconds},
                                 demo::testing::ShippedTaxonomy());
    ASSERT_EQ(firm.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(firm.status().message().find("time_of_day"), std::string::npos);
  }
  EXPECT_EQ(DemoTimeOfDay(FakeClock(-1)), 86399);
}

}  // namespace
}  // namespace guild
