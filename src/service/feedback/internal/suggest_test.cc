// SuggestReviewers against a brute-force reference (every person, every day
// of the window, every entry scanned again) on small random firms, and a
// hand-made case.
#include "service/feedback/internal/suggest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace guild::feedback::internal {
namespace {

constexpr int kWindow = 14;

Person Named(int i, std::optional<Date> end = std::nullopt) {
  Person p;
  p.id = "p" + std::to_string(i);
  p.name = std::string(1, static_cast<char>('A' + (i * 7) % 5)) + std::to_string(i % 3);
  p.end_date = end;
  return p;
}

// The reference: the rule of suggest.h read literally.
std::vector<std::pair<std::string, double>> Reference(const FirmData& d, const SuggestQuery& q) {
  auto engagement_of_opening = [&](const std::string& opening) -> std::string {
    for (const Opening& o : d.openings) {
      if (o.id == opening) return o.engagement_id;
    }
    return "";
  };
  auto worked_on = [&](const std::string& person, const std::string& engagement) {
    for (const Assignment& a : d.assignments) {
      if (a.person_id == person && a.start <= q.event_date && q.event_date <= a.end &&
          engagement_of_opening(a.opening_id) == engagement) {
        return true;
      }
    }
    for (const TimeEntry& t : d.time_entries) {
      if (t.person_id == person && t.engagement_id == engagement &&
          std::abs(t.date.days - q.event_date.days) <= q.window_days) {
        return true;
      }
    }
    return false;
  };
  std::set<std::string> all_engagements;
  for (const Engagement& e : d.engagements) all_engagements.insert(e.id);
  std::set<std::string> engagements;
  for (const std::string& e : all_engagements) {
    if (q.engagement_id.empty() ? worked_on(q.requester_id, e) : e == q.engagement_id) {
      engagements.insert(e);
    }
  }
  auto hours_on = [&](const std::string& person, const std::string& engagement, int day) {
    double sum = 0;
    for (const TimeEntry& t : d.time_entries) {
      if (t.person_id == person && t.engagement_id == engagement && t.date.days == day) {
        sum += t.hours;
      }
    }
    return sum;
  };
  std::vector<std::tuple<double, std::string, std::string>> rows;
  for (const Person& p : d.people) {
    if (p.id == q.requester_id || (p.end_date && *p.end_date < q.today)) continue;
    bool any = false;
    double shared = 0;
    for (const std::string& e : engagements) {
      if (!worked_on(p.id, e)) continue;
      any = true;
      for (int day = q.event_date.days - q.window_days; day <= q.event_date.days + q.window_days;
           ++day) {
        shared += std::min(hours_on(p.id, e, day), hours_on(q.requester_id, e, day));
      }
    }
    if (any) rows.emplace_back(-shared, p.name, p.id);
  }
  std::sort(rows.begin(), rows.end());
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [minus, name, id] : rows) out.emplace_back(id, -minus);
  return out;
}

std::vector<std::pair<std::string, double>> Suggested(const FirmData& d, const SuggestQuery& q) {
  std::vector<std::pair<std::string, double>> out;
  for (const Suggestion& s : SuggestReviewers(d, q))
    out.emplace_back(d.people[s.person].id, s.shared_hours);
  return out;
}

FirmData RandomFirm(std::mt19937& rng) {
  std::uniform_int_distribution<int> person(0, 7), engagement(0, 2), day(70, 130), len(0, 40);
  std::uniform_int_distribution<int> half_hours(1, 16);
  FirmData d;
  for (int i = 0; i < 8; ++i) {
    d.people.push_back(Named(i, i == 5 ? std::optional<Date>(Date{90}) : std::nullopt));
  }
  for (int e = 0; e < 3; ++e) {
    d.engagements.push_back(
        {"e" + std::to_string(e), "c", "E", "", Date{0}, Date{400}, EngagementStatus::kConfirmed});
    d.openings.push_back(
        {"o" + std::to_string(e), "e" + std::to_string(e), "seat", {}, 10, Date{0}, Date{400}});
  }
  for (int a = 0; a < 6; ++a) {
    const int start = day(rng);
    d.assignments.push_back({"a" + std::to_string(a), "p" + std::to_string(person(rng)),
                             "o" + std::to_string(engagement(rng)), 10, Date{start},
                             Date{start + len(rng)}, AssignmentStatus::kConfirmed});
  }
  for (int t = 0; t < 60; ++t) {
    d.time_entries.push_back({"t" + std::to_string(t), "p" + std::to_string(person(rng)),
                              Date{day(rng)}, half_hours(rng) / 2.0, TimeCategory::kBillable,
                              t % 10 == 0 ? "" : "e" + std::to_string(engagement(rng))});
  }
  return d;
}

TEST(SuggestReviewers, MatchesTheBruteForceReference) {
  std::mt19937 rng(25);
  std::uniform_int_distribution<int> day(80, 120), person(0, 7), engagement(-1, 2);
  int non_empty = 0;
  for (int round = 0; round < 300; ++round) {
    const FirmData d = RandomFirm(rng);
    const int e = engagement(rng);
    const SuggestQuery q{"p" + std::to_string(person(rng)), Date{day(rng)},
                         e < 0 ? "" : "e" + std::to_string(e), Date{100}, kWindow};
    const auto expected = Reference(d, q);
    ASSERT_EQ(Suggested(d, q), expected) << "round " << round;
    if (!expected.empty()) ++non_empty;
  }
  EXPECT_GT(non_empty, 100);  // the firms are dense enough to test something
}

TEST(SuggestReviewers, OrdersByOverlapThenName) {
  FirmData d;
  d.people = {Named(0), Named(1), Named(2), Named(3), Named(4, Date{50})};
  d.people.mut()[1].name = "Zed";
  d.people.mut()[2].name = "Amy";
  d.people.mut()[3].name = "Bob";
  d.engagements = {{"e1", "c", "E", "", Date{0}, Date{400}, EngagementStatus::kConfirmed}};
  d.openings = {{"o1", "e1", "seat", {}, 10, Date{0}, Date{400}}};
  // p2 (Amy) only assigned; p1 (Zed) and p3 (Bob) log time beside p0;
  // p4 has left; time 20 or 30 days away (t4, t5, t7) does not count.
  d.assignments = {{"a1", "p2", "o1", 10, Date{95}, Date{105}, AssignmentStatus::kTentative}};
  d.time_entries = {{"t1", "p0", Date{100}, 8, TimeCategory::kBillable, "e1"},
                    {"t2", "p1", Date{100}, 3, TimeCategory::kBillable, "e1"},
                    {"t3", "p3", Date{100}, 5, TimeCategory::kBillable, "e1"},
                    {"t4", "p3", Date{120}, 5, TimeCategory::kBillable, "e1"},
                    {"t5", "p0", Date{120}, 1, TimeCategory::kBillable, "e1"},
                    {"t6", "p4", Date{100}, 8, TimeCategory::kBillable, "e1"},
                    {"t7", "p1", Date{130}, 8, TimeCategory::kBillable, "e1"}};
  const SuggestQuery q{"p0", Date{100}, "e1", Date{100}, kWindow};
  using Row = std::pair<std::string, double>;
  EXPECT_EQ(Suggested(d, q), (std::vector<Row>{{"p3", 5}, {"p1", 3}, {"p2", 0}}));
  // Without an engagement: the ones p0 worked on in the window (e1).
  EXPECT_EQ(Suggested(d, SuggestQuery{"p0", Date{100}, "", Date{100}, kWindow}), Suggested(d, q));
  // Another engagement nobody worked on: nobody.
  EXPECT_TRUE(Suggested(d, SuggestQuery{"p0", Date{100}, "e9", Date{100}, kWindow}).empty());
}

}  // namespace
}  // namespace guild::feedback::internal
