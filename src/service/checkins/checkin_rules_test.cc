#include "service/checkins/checkin_rules.h"

#include <gtest/gtest.h>

#include <random>

namespace guild::checkins {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TEST(CycleOf, StartsOnTheCycleStartAndIsDueOnItsLastDay) {
  // 2026-12-07 is a Monday: a weekly cycle runs Monday..Sunday.
  EXPECT_EQ(CycleOf(D("2026-12-09"), 7), (Cycle{D("2026-12-07"), D("2026-12-13")}));
  EXPECT_EQ(CycleOf(D("2026-12-13"), 7), (Cycle{D("2026-12-07"), D("2026-12-13")}));
  EXPECT_EQ(CycleOf(D("2026-12-14"), 7).start, D("2026-12-14"));
  for (int cadence : {1, 7, 14, 30}) {
    for (int day = 9000; day < 9100; ++day) {
      const Cycle c = CycleOf(Date{day}, cadence);
      EXPECT_LE(c.start.days, day);
      EXPECT_GE(c.due.days, day);
      EXPECT_EQ(c.due.days - c.start.days, cadence - 1);
    }
  }
}

Person Someone(double capacity = 40) {
  Person p;
  p.id = "p";
  p.weekly_capacity_hours = capacity;
  return p;
}

TEST(ExclusionOf, HalfTheCapacityOfTimeOffExcludes) {
  const Cycle week = CycleOf(D("2026-12-07"), 7);
  EXPECT_EQ(ExclusionOf(Someone(), 0, week, 7), Exclusion::kNone);
  EXPECT_EQ(ExclusionOf(Someone(), 19.5, week, 7), Exclusion::kNone);
  EXPECT_EQ(ExclusionOf(Someone(), 20, week, 7), Exclusion::kTimeOff);
  // Fortnightly: half of 80 hours.
  const Cycle fortnight = CycleOf(D("2026-12-07"), 14);
  EXPECT_EQ(ExclusionOf(Someone(), 20, fortnight, 14), Exclusion::kNone);
  EXPECT_EQ(ExclusionOf(Someone(), 40, fortnight, 14), Exclusion::kTimeOff);
  // Part time: 20 hours a week, 10 off is half.
  EXPECT_EQ(ExclusionOf(Someone(20), 10, week, 7), Exclusion::kTimeOff);
}

TEST(ExclusionOf, NewJoinersGetTheirFirstCycleAndLeaversAreNotExpected) {
  const Cycle week = CycleOf(D("2026-12-07"), 7);
  Person p = Someone();
  p.start_date = D("2026-12-07");  // first day of the cycle: still their first cycle
  EXPECT_EQ(ExclusionOf(p, 0, week, 7), Exclusion::kJoined);
  p.start_date = D("2027-01-04");  // joins later
  EXPECT_EQ(ExclusionOf(p, 0, week, 7), Exclusion::kJoined);
  p.start_date = D("2026-12-06");  // joined the day before
  EXPECT_EQ(ExclusionOf(p, 0, week, 7), Exclusion::kNone);
  p.end_date = D("2026-12-12");  // leaves before the due day
  EXPECT_EQ(ExclusionOf(p, 0, week, 7), Exclusion::kLeft);
  p.end_date = D("2026-12-13");  // works through the due day
  EXPECT_EQ(ExclusionOf(p, 0, week, 7), Exclusion::kNone);
}

// TimeOff against summing every entry per person and cycle; entries of
// people without a position ("c") are left out.
TEST(TimeOff, SumsTheTimeOffOfThePeopleInEachCycle) {
  std::mt19937 rng(3);
  const char* ids[] = {"a", "b", "c"};
  std::vector<TimeEntry> entries;
  for (int i = 0; i < 300; ++i) {
    entries.push_back({"t", ids[rng() % 3], Date{9000 + static_cast<int>(rng() % 60)},
                       1.0 + rng() % 8,
                       rng() % 2 ? TimeCategory::kTimeOff : TimeCategory::kBillable, ""});
  }
  const auto position_of = [](std::string_view id) -> std::optional<uint32_t> {
    if (id == "a") return 0;
    if (id == "b") return 1;
    return std::nullopt;
  };
  const TimeOff off(entries, 2, position_of);
  for (int start = 8996; start < 9067; start += 7) {
    const Cycle cycle{Date{start}, Date{start + 6}};
    for (uint32_t p = 0; p < 3; ++p) {
      double want = 0;
      for (const TimeEntry& e : entries) {
        const bool counted = p < 2 && e.person_id == ids[p] &&
                             e.category == TimeCategory::kTimeOff && e.date >= cycle.start &&
                             e.date <= cycle.due;
        if (counted) want += e.hours;
      }
      EXPECT_DOUBLE_EQ(off.HoursIn(p, cycle), want) << ids[p] << " " << start;
    }
  }
  EXPECT_EQ(TimeOff().HoursIn(0, Cycle{Date{9000}, Date{9006}}), 0);
}

TEST(StatusOf, SubmittedThenExcludedThenOverdueThenDraftOrDue) {
  const Cycle week = CycleOf(D("2026-12-07"), 7);
  const Date in = D("2026-12-13"), after = D("2026-12-14");
  using P = Progress;
  using E = Exclusion;
  using S = MemberStatus;
  EXPECT_EQ(StatusOf(P::kSubmitted, E::kTimeOff, week, after), S::kSubmitted);
  EXPECT_EQ(StatusOf(P::kDraft, E::kTimeOff, week, after), S::kExcluded);
  EXPECT_EQ(StatusOf(P::kNone, E::kNone, week, in), S::kDue);
  EXPECT_EQ(StatusOf(P::kDraft, E::kNone, week, in), S::kDraft);
  EXPECT_EQ(StatusOf(P::kNone, E::kNone, week, after), S::kOverdue);
  EXPECT_EQ(StatusOf(P::kDraft, E::kNone, week, after), S::kOverdue);
  EXPECT_TRUE(NeedsNudge(S::kDue));
  EXPECT_TRUE(NeedsNudge(S::kDraft));
  EXPECT_TRUE(NeedsNudge(S::kOverdue));
  EXPECT_FALSE(NeedsNudge(S::kSubmitted));
  EXPECT_FALSE(NeedsNudge(S::kExcluded));
}

TEST(CyclesOpen, CountsWholeCyclesSinceTheBlockersCycle) {
  const Date current = D("2026-12-07");
  EXPECT_EQ(CyclesOpen(D("2026-12-09"), current, 7), 0);
  EXPECT_EQ(CyclesOpen(D("2026-12-06"), current, 7), 1);
  EXPECT_EQ(CyclesOpen(D("2026-11-23"), current, 7), 2);
  EXPECT_EQ(CyclesOpen(D("2026-11-22"), current, 7), 3);
}

TEST(Median, OddEvenEmpty) {
  std::vector<double> none, odd{5, 1, 3}, even{4, 1, 3, 2};
  EXPECT_FALSE(Median(none));
  EXPECT_EQ(*Median(odd), 3);
  EXPECT_EQ(*Median(even), 2.5);
}

// The trends against a reference that walks every cycle and every record.
TEST(CycleTrends, MatchAWalkOverEveryCycle) {
  std::mt19937 rng(7);
  const int cadence = 7;
  const Date first = D("2026-10-05");
  std::vector<Date> starts;
  for (int i = 0; i < 8; ++i) starts.push_back(AddDays(first, i * cadence));
  std::vector<MemberCycle> members;
  const MemberStatus statuses[] = {MemberStatus::kSubmitted, MemberStatus::kExcluded,
                                   MemberStatus::kOverdue, MemberStatus::kDraft,
                                   MemberStatus::kDue};
  for (Date s : starts) {
    for (int m = 0; m < 6; ++m) members.push_back({s, statuses[rng() % 5]});
  }
  std::vector<CheckinQuestion> questions;
  std::vector<CheckinBlocker> blockers;
  for (int i = 0; i < 60; ++i) {
    // Some before the first cycle and after the last, to be left out.
    const int day = first.days - 10 + static_cast<int>(rng() % 80);
    CheckinQuestion q;
    q.asked_at = int64_t{day} * 86400 + rng() % 86400;
    if (rng() % 3 != 0) q.answered_at = q.asked_at + rng() % (5 * 86400);
    questions.push_back(q);
    CheckinBlocker b;
    b.opened_on = Date{day};
    if (rng() % 2 == 0) b.resolved_on = Date{day + static_cast<int>(rng() % 20)};
    blockers.push_back(b);
  }
  const auto trends = CycleTrends(starts, cadence, members, questions, blockers);
  ASSERT_EQ(trends.size(), starts.size());
  for (size_t i = 0; i < starts.size(); ++i) {
    const Date from = starts[i], to = AddDays(from, cadence - 1);
    const auto in = [&](Date d) { return d >= from && d <= to; };
    int expected = 0, submitted = 0, opened = 0, resolved = 0;
    for (const MemberCycle& m : members) {
      if (m.cycle_start != from) continue;
      expected += m.status != MemberStatus::kExcluded;
      submitted += m.status == MemberStatus::kSubmitted;
    }
    std::vector<double> hours;
    for (const CheckinQuestion& q : questions) {
      if (q.answered_at && in(Date{static_cast<int32_t>(q.asked_at / 86400)})) {
        hours.push_back((*q.answered_at - q.asked_at) / 3600.0);
      }
    }
    for (const CheckinBlocker& b : blockers) {
      opened += in(b.opened_on);
      resolved += b.resolved_on && in(*b.resolved_on);
    }
    EXPECT_EQ(trends[i].cycle_start, from);
    EXPECT_EQ(trends[i].expected, expected);
    EXPECT_EQ(trends[i].submitted, submitted);
    if (expected > 0) {
      EXPECT_DOUBLE_EQ(*trends[i].completion, double(submitted) / expected);
    } else {
      EXPECT_FALSE(trends[i].completion);
    }
    EXPECT_EQ(trends[i].median_hours_to_answer, Median(hours));
    EXPECT_EQ(trends[i].blockers_opened, opened);
    EXPECT_EQ(trends[i].blockers_resolved, resolved);
  }
}

}  // namespace
}  // namespace guild::checkins
