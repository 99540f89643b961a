#include "service/staffing/staffing_service.h"

#include <gtest/gtest.h>

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

class StaffingServiceTest : public ::testing::Test {
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

TEST_F(StaffingServiceTest, PlanIsWhatIfAndAcceptWritesAllTentative) {
  StaffingService service(firm_, kToday, {});
  auto plan = service.Plan();
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->assignments.size(), 2u);
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 0);  // what-if never writes
  auto explained = StaffingService::Explain(*plan, "p3");  // p2 and p3 hold the two seats
  ASSERT_TRUE(explained.ok());
  EXPECT_EQ(explained->assignment.opening_id, "o1");
  EXPECT_EQ(explained->explanation.fit[0].level, 5);
  ASSERT_EQ(explained->explanation.runner_ups.size(), 1u);
  EXPECT_EQ(explained->explanation.runner_ups[0].person_id, "p1");  // level 3: lower fit
  EXPECT_TRUE(StaffingService::Explain(*plan, explained->seat_id).ok());
  EXPECT_EQ(StaffingService::Explain(*plan, "nobody").status().code(), StatusCode::kNotFound);

  auto report = StaffingService::Accept(*store_, *plan, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->created, 2);
  auto after = store_->Load({});
  ASSERT_EQ(after->assignments.size(), 2u);
  for (const Assignment& a : after->assignments) EXPECT_EQ(a.status, AssignmentStatus::kTentative);

  // Accepting the same plan again breaks the seat count and the ids: nothing written.
  auto again = StaffingService::Accept(*store_, *plan, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("already exists"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 2);
}

TEST_F(StaffingServiceTest, AcceptRefusesAPlanThatNoLongerFits) {
  StaffingService service(firm_, kToday, {});
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
  auto report = StaffingService::Accept(*store_, *plan, {});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("capacity p3"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(*store_->Count(EntityKind::kAssignments), 1);
}

TEST_F(StaffingServiceTest, IncrementalAndMarket) {
  StaffingService service(firm_, kToday, {});
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

}  // namespace
}  // namespace guild
