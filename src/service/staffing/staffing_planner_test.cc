#include "service/staffing/staffing_planner.h"

#include <gtest/gtest.h>

#include "service/staffing/staffing_accept.h"

namespace guild {
namespace {

const Date kToday = *ParseDate("2026-03-02");

FirmData SmallFirm() {
  FirmData f;
  f.skills.push_back({"firm:tax", "Tax", "", "", {}, SkillSource::kFirm, SkillKind::kSkill});
  f.clients.push_back({"c1", "Acme", "retail", false});
  Engagement e;
  e.id = "e1";
  e.client_id = "c1";
  e.name = "Audit";
  e.start = AddDays(kToday, -10);
  e.end = AddDays(kToday, 90);
  e.status = EngagementStatus::kConfirmed;
  f.engagements.push_back(e);
  for (int i = 1; i <= 3; ++i) {
    Person p;
    p.id = "p" + std::to_string(i);
    p.name = "Person " + std::to_string(i);
    p.email = p.id + "@firm.com";
    p.grade = "senior";
    f.people.push_back(p);
    PersonSkill ps;
    ps.person_id = p.id;
    ps.skill_id = "firm:tax";
    ps.level = 2 + i;
    f.person_skills.push_back(ps);
  }
  Opening o;
  o.id = "o1";
  o.engagement_id = "e1";
  o.title = "Tax senior";
  o.required = {{"firm:tax", 3}};
  o.hours_per_week = 20;
  o.start = kToday;
  o.end = AddDays(kToday, 60);
  o.headcount = 2;
  f.openings.push_back(o);
  return f;
}

class StaffingPlannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore({.url = ":memory:"});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Upsert(SmallFirm()).ok());
    auto loaded = store_->Load({});
    ASSERT_TRUE(loaded.ok());
    firm_ = std::move(*loaded);
  }
  std::unique_ptr<Store> store_;
  FirmData firm_;
};

TEST_F(StaffingPlannerTest, PlanIsWhatIfAndAcceptWritesAllTentative) {
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->assignments.size(), 2u);
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 0);  // what-if never writes
  auto explained = StaffingPlanner::Explain(*plan, "p3");  // p2 and p3 hold the two seats
  ASSERT_TRUE(explained.ok());
  EXPECT_EQ(explained->assignment.opening_id, "o1");
  EXPECT_EQ(explained->explanation.fit[0].level, 5);
  ASSERT_EQ(explained->explanation.runner_ups.size(), 1u);
  EXPECT_EQ(explained->explanation.runner_ups[0].person_id, "p1");  // level 3: lower fit
  EXPECT_TRUE(StaffingPlanner::Explain(*plan, explained->seat_id).ok());
  EXPECT_EQ(StaffingPlanner::Explain(*plan, "nobody").status().code(), StatusCode::kNotFound);

  auto report = AcceptStaffingEntries(*store_, {*plan, {}, kToday, {}});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->created, 2);
  auto after = store_->Load({});
  ASSERT_EQ(after->assignments.size(), 2u);
  for (const Assignment& a : after->assignments) EXPECT_EQ(a.status, AssignmentStatus::kTentative);

  // Accepting the same plan again breaks the seat count and the ids: nothing written.
  auto again = AcceptStaffingEntries(*store_, {*plan, {}, kToday, {}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("already exists"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 2);
}

TEST_F(StaffingPlannerTest, AcceptRefusesAPlanThatNoLongerFits) {
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  // Meanwhile p3 was booked full time elsewhere.
  FirmData change;
  Opening other = firm_.openings[0];
  other.id = "o2";
  change.openings.push_back(other);
  change.assignments.push_back(
      {"x", "p3", "o2", 40, kToday, AddDays(kToday, 60), AssignmentStatus::kConfirmed});
  ASSERT_TRUE(store_->Upsert(change).ok());
  auto report = AcceptStaffingEntries(*store_, {*plan, {}, kToday, {}});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("capacity: Person 3 (p3) would be above their capacity"),
            std::string::npos)
      << report.status().message();
  EXPECT_NE(report.status().message().find("(booked 60.0 h against a ceiling of 40.0 h)"),
            std::string::npos)
      << report.status().message();
  // Told to someone who may not read p3's loads: the same conflict, no figures.
  auto hidden = AcceptStaffingEntries(
      *store_, {*plan, {}, kToday, [](std::string_view person) { return person != "p3"; }});
  ASSERT_FALSE(hidden.ok());
  EXPECT_NE(hidden.status().message().find("p3"), std::string::npos);
  EXPECT_EQ(hidden.status().message().find("booked"), std::string::npos)
      << hidden.status().message();
  EXPECT_EQ(hidden.status().message().find("40"), std::string::npos) << hidden.status().message();
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 1);
}

TEST_F(StaffingPlannerTest, IncrementalAndMarket) {
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Incremental("o1");
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->assignments.size(), 2u);
  EXPECT_EQ(service.Incremental("nope").status().code(), StatusCode::kNotFound);
  auto market = service.Market({.weeks = 4}, &*plan);
  ASSERT_TRUE(market.ok());
  ASSERT_EQ(market->skills.size(), 1u);
  EXPECT_DOUBLE_EQ(market->skills[0].demand_hours, 2 * 20 * 4);
  EXPECT_EQ(service.Market({.weeks = 0}, nullptr).status().code(), StatusCode::kInvalidArgument);
}

// Accept re-checks each entry against the stored seat, the firm's options
// and the firm's date, whatever the plan file says.
TEST_F(StaffingPlannerTest, AcceptTrustsNothingThePlanSays) {
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->assignments.size(), 2u);
  auto refused = [&](const staffing::StaffingPlan& edited, staffing::StaffingOptions options,
                     const std::string& rule) {
    auto r = AcceptStaffingEntries(*store_, {edited, options, kToday, {}});
    EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition) << rule;
    EXPECT_NE(r.status().message().find(rule + ": "), std::string::npos) << r.status().message();
    EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 0);
  };
  staffing::StaffingPlan edited = *plan;
  edited.assignments[0].assignment.hours_per_week = 5;  // below the seat's 20
  refused(edited, {}, "hours");
  edited = *plan;
  edited.assignments[0].assignment.end = AddDays(kToday, 20);  // shortened
  refused(edited, {}, "dates");
  // The person of the first entry now holds 30 h from week 2: with their
  // 20 h seat that is 50 h of 40. A file's ceiling of 2.0 or horizon of one
  // week changes nothing: the caller's options decide, and the board and the
  // CLI pass the firm's.
  FirmData busy;
  Opening other = firm_.openings[0];
  other.id = "o2";
  busy.openings.push_back(other);
  busy.assignments.push_back({"x", edited.assignments[0].assignment.person_id, "o2", 30,
                              AddDays(kToday, 14), AddDays(kToday, 60),
                              AssignmentStatus::kConfirmed});
  ASSERT_TRUE(store_->Upsert(busy).ok());
  staffing::StaffingOptions lenient;
  lenient.capacity_ceiling = 2.0;
  lenient.horizon_weeks = 1;
  auto firm_rules = AcceptStaffingEntries(*store_, {*plan, {}, kToday, {}});
  EXPECT_EQ(firm_rules.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 1);
  ASSERT_TRUE(AcceptStaffingEntries(*store_, {*plan, lenient, kToday, {}}).ok());
}

// A plan made on an earlier day is accepted from today: its entries start
// today; a plan dated after today starts later than its seats do.
TEST_F(StaffingPlannerTest, AcceptStartsEntriesFromTheFirmsDate) {
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  const Date later = AddDays(kToday, 3);
  auto done = AcceptStaffingEntries(*store_, {*plan, {}, later, {}});
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  auto stored = store_->Load({.kinds = {EntityKind::kAssignments}});
  for (const Assignment& a : stored->assignments) EXPECT_EQ(a.start, later);
  StaffingPlanner future(firm_, AddDays(kToday, 7), {});
  auto ahead = future.Incremental("o1");
  ASSERT_TRUE(ahead.ok());
  ASSERT_TRUE(store_->Delete(EntityKind::kAssignments, done->assignment_ids).ok());
  auto refused = AcceptStaffingEntries(*store_, {*ahead, {}, kToday, {}});
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("its seat runs 2026-03-02"), std::string::npos)
      << refused.status().message();
}

// Part of a plan is written when it breaks no rule; the refusal names the
// entries that do.
TEST_F(StaffingPlannerTest, AcceptsASelectionAndNamesTheEntriesThatBreakARule) {
  FirmData pin;
  pin.opening_preferences.push_back({"o1", "p1", PreferenceKind::kPinned, ""});
  ASSERT_TRUE(store_->Upsert(pin).ok());
  firm_ = *store_->Load({});
  StaffingPlanner service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->assignments.size(), 2u);
  const staffing::ProposedAssignment* ordinary = nullptr;
  for (const auto& pa : plan->assignments) {
    if (pa.assignment.person_id != "p1") ordinary = &pa;
  }
  ASSERT_NE(ordinary, nullptr);
  staffing::StaffingPlan one;
  one.today = plan->today;
  one.assignments = {*ordinary};  // the pinned person's entry left out: fine
  auto done = AcceptStaffingEntries(*store_, {one, {}, kToday, {}});
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->created, 1);
  // Now a second ordinary person on o1 would take the pin's last seat.
  staffing::StaffingPlan last = one;
  last.assignments[0].assignment.id = "stf-another";
  last.assignments[0].assignment.person_id = ordinary->assignment.person_id == "p2" ? "p3" : "p2";
  auto refused = AcceptStaffingEntries(*store_, {last, {}, kToday, {}});
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("pinned: the entries fill the last seat of o1 without "
                                            "pinned person Person 1 (p1)"),
            std::string::npos)
      << refused.status().message();
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 1);
}

}  // namespace
}  // namespace guild
