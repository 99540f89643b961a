#include "service/staffing/staffing_plan_codec.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace guild {
namespace {

using namespace ::guild::staffing;

// Every field set to a value other than its default, so a field the codec
// forgets shows up as a difference.
EncodedPlanParts FullParts() {
  EncodedPlanParts parts;
  parts.mode = 1;
  parts.opening_id = "o-7";
  StaffingOptions& o = parts.options;
  o.horizon_weeks = 9;
  o.capacity_ceiling = 0.85;
  o.weights.unfilled = 999.5;
  o.weights.base = 101;
  o.weights.skill_fit = 21;
  o.weights.growth = 16;
  o.weights.volunteer = 22;
  o.weights.continuity = 11;
  o.weights.worked_together = 6;
  o.weights.idle = 14;
  o.weights.load = 26;
  o.weights.load_threshold = 0.75;
  o.weights.cost = 9;
  o.weights.reference_rate = 250;
  o.weights.key_client_partner = 31;
  o.candidates_per_seat = 5;
  o.max_scan = 123;
  o.time_limit_seconds = 0.1;  // not exact in binary: needs round-trip form
  o.lead_grades = {"partner", "senior director"};
  o.partner_grades = {"partner", ""};
  o.stretch_min_group = 4;
  o.max_tentative_moves = 2;
  o.runner_ups = 1;
  o.explain = false;
  o.bound_iterations = 77;
  StaffingPlan& p = parts.plan;
  p.today = Date{20500};
  p.objective = 1234.5678901234;
  p.bound = 1200.25;
  p.gap = 1.0 / 3.0;
  p.gap_assignable = 2.0 / 7.0;
  p.seats = 42;
  p.candidates = 4242;
  ProposedAssignment a;
  a.seat_id = "o-7#2";
  a.assignment = {
      "stf-1", "p-1", "o-7", 12.5, Date{20501}, Date{20600}, AssignmentStatus::kConfirmed};
  a.moved_from_person_id = "p-9";
  a.stretch = true;
  a.cost = 88.125;
  a.explanation.fit = {{"onet:1", 3, 2}, {"esco:x;y:z", 2, 4}};
  a.explanation.stretch_skill_id = "onet:1";
  a.explanation.coach_id = "p-3";
  a.explanation.load_before = 0.5;
  a.explanation.load_after = 0.95;
  a.explanation.continuity = true;
  a.explanation.volunteer = false;
  a.explanation.pinned = true;
  a.explanation.key_client_partner = true;
  a.explanation.worked_with = 3;
  a.explanation.runner_ups = {{"p-4", 90.5, "cost 90.5 vs 88.1: lower fit"}, {"p-5", 91, ""}};
  p.assignments = {a, ProposedAssignment{}};
  p.unfilled = {{"o-8#1", "o-8", "no candidate: nobody holds onet:9 at level 4"}};
  p.issues = {{"key_client", "c-1", "keeps 1 partner\nof 2"}};
  p.steps = {{"construct", 0.125, "seated 40"}, {"explain", 1e-9, ""}};
  return parts;
}

void ExpectSameOptions(const StaffingOptions& a, const StaffingOptions& b) {
  EXPECT_EQ(a.horizon_weeks, b.horizon_weeks);
  EXPECT_EQ(a.capacity_ceiling, b.capacity_ceiling);
  EXPECT_EQ(a.weights.unfilled, b.weights.unfilled);
  EXPECT_EQ(a.weights.base, b.weights.base);
  EXPECT_EQ(a.weights.skill_fit, b.weights.skill_fit);
  EXPECT_EQ(a.weights.growth, b.weights.growth);
  EXPECT_EQ(a.weights.volunteer, b.weights.volunteer);
  EXPECT_EQ(a.weights.continuity, b.weights.continuity);
  EXPECT_EQ(a.weights.worked_together, b.weights.worked_together);
  EXPECT_EQ(a.weights.idle, b.weights.idle);
  EXPECT_EQ(a.weights.load, b.weights.load);
  EXPECT_EQ(a.weights.load_threshold, b.weights.load_threshold);
  EXPECT_EQ(a.weights.cost, b.weights.cost);
  EXPECT_EQ(a.weights.reference_rate, b.weights.reference_rate);
  EXPECT_EQ(a.weights.key_client_partner, b.weights.key_client_partner);
  EXPECT_EQ(a.candidates_per_seat, b.candidates_per_seat);
  EXPECT_EQ(a.max_scan, b.max_scan);
  EXPECT_EQ(a.time_limit_seconds, b.time_limit_seconds);
  EXPECT_EQ(a.lead_grades, b.lead_grades);
  EXPECT_EQ(a.partner_grades, b.partner_grades);
  EXPECT_EQ(a.stretch_min_group, b.stretch_min_group);
  EXPECT_EQ(a.max_tentative_moves, b.max_tentative_moves);
  EXPECT_EQ(a.runner_ups, b.runner_ups);
  EXPECT_EQ(a.explain, b.explain);
  EXPECT_EQ(a.bound_iterations, b.bound_iterations);
}

TEST(StaffingPlanCodec, RoundTripsEveryField) {
  const EncodedPlanParts in = FullParts();
  auto out = DecodeStaffingPlan(EncodeStaffingPlan(in));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->mode, 1);
  EXPECT_EQ(out->opening_id, "o-7");
  ExpectSameOptions(in.options, out->options);
  const StaffingPlan& a = in.plan;
  const StaffingPlan& b = out->plan;
  EXPECT_EQ(a.today, b.today);
  EXPECT_EQ(a.objective, b.objective);
  EXPECT_EQ(a.bound, b.bound);
  EXPECT_EQ(a.gap, b.gap);
  EXPECT_EQ(a.gap_assignable, b.gap_assignable);
  EXPECT_EQ(a.seats, b.seats);
  EXPECT_EQ(a.candidates, b.candidates);
  ASSERT_EQ(b.assignments.size(), 2u);
  const ProposedAssignment& x = a.assignments[0];
  const ProposedAssignment& y = b.assignments[0];
  EXPECT_EQ(x.seat_id, y.seat_id);
  EXPECT_EQ(x.assignment.id, y.assignment.id);
  EXPECT_EQ(x.assignment.person_id, y.assignment.person_id);
  EXPECT_EQ(x.assignment.opening_id, y.assignment.opening_id);
  EXPECT_EQ(x.assignment.hours_per_week, y.assignment.hours_per_week);
  EXPECT_EQ(x.assignment.start, y.assignment.start);
  EXPECT_EQ(x.assignment.end, y.assignment.end);
  EXPECT_EQ(y.assignment.status, AssignmentStatus::kConfirmed);
  EXPECT_EQ(x.moved_from_person_id, y.moved_from_person_id);
  EXPECT_EQ(x.stretch, y.stretch);
  EXPECT_EQ(x.cost, y.cost);
  const Explanation& e = x.explanation;
  const Explanation& f = y.explanation;
  ASSERT_EQ(f.fit.size(), 2u);
  EXPECT_EQ(f.fit[1].skill_id, "esco:x;y:z");
  EXPECT_EQ(f.fit[1].required, 2);
  EXPECT_EQ(f.fit[1].level, 4);
  EXPECT_EQ(e.stretch_skill_id, f.stretch_skill_id);
  EXPECT_EQ(e.coach_id, f.coach_id);
  EXPECT_EQ(e.load_before, f.load_before);
  EXPECT_EQ(e.load_after, f.load_after);
  EXPECT_EQ(f.continuity, true);
  EXPECT_EQ(f.volunteer, false);
  EXPECT_EQ(f.pinned, true);
  EXPECT_EQ(f.key_client_partner, true);
  EXPECT_EQ(e.worked_with, f.worked_with);
  ASSERT_EQ(f.runner_ups.size(), 2u);
  EXPECT_EQ(f.runner_ups[0].person_id, "p-4");
  EXPECT_EQ(f.runner_ups[0].cost, 90.5);
  EXPECT_EQ(f.runner_ups[0].why_lost, e.runner_ups[0].why_lost);
  EXPECT_EQ(b.assignments[1].seat_id, "");
  ASSERT_EQ(b.unfilled.size(), 1u);
  EXPECT_EQ(b.unfilled[0].reason, a.unfilled[0].reason);
  ASSERT_EQ(b.issues.size(), 1u);
  EXPECT_EQ(b.issues[0].message, "keeps 1 partner\nof 2");
  ASSERT_EQ(b.steps.size(), 2u);
  EXPECT_EQ(b.steps[1].seconds, 1e-9);
  // Encoding the decoded plan gives the same text.
  EXPECT_EQ(EncodeStaffingPlan(*out), EncodeStaffingPlan(in));
}

TEST(StaffingPlanCodec, EveryTruncationIsAnErrorNamingTheByte) {
  const std::string text = EncodeStaffingPlan(FullParts());
  for (size_t n = 0; n < text.size(); ++n) {
    auto out = DecodeStaffingPlan(std::string_view(text).substr(0, n));
    ASSERT_FALSE(out.ok()) << "prefix of " << n << " bytes decoded";
    EXPECT_NE(out.status().message().find("byte "), std::string::npos);
  }
  EXPECT_FALSE(DecodeStaffingPlan(text + "1;").ok());  // trailing bytes
}

TEST(StaffingPlanCodec, CorruptBytesNeverCrash) {
  const std::string text = EncodeStaffingPlan(FullParts());
  std::mt19937 rng(7);
  int errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bad = text;
    const size_t at = rng() % bad.size();
    bad[at] = "0123456789;:-x9"[rng() % 15];
    auto out = DecodeStaffingPlan(bad);
    errors += out.ok() ? 0 : 1;
  }
  EXPECT_GT(errors, 0);
  // A huge count is refused before anything is allocated for it.
  auto huge = DecodeStaffingPlan("guild-plan/1;0;0:99999999999;");
  EXPECT_FALSE(huge.ok());
  EXPECT_FALSE(DecodeStaffingPlan("not a plan").ok());
}

}  // namespace
}  // namespace guild
