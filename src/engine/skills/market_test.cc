#include "engine/skills/market.h"

#include <gtest/gtest.h>

namespace guild::skills {
namespace {

constexpr Date kMonday{20094};  // 2025-01-06

void Rate(FirmData& firm, const std::string& person, const std::string& skill, int level,
          bool wants = false) {
  firm.person_skills.push_back({person, skill, RatingSource::kManager, level, wants, {}, {}});
}

FirmData MarketFirm() {
  FirmData firm;
  firm.skills = {
      {"audit", "Audit", "", "", {}}, {"ip", "IP law", "", "", {}}, {"tax", "Tax", "", "", {}}};
  for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
    firm.people.push_back({.id = id, .name = id, .weekly_capacity_hours = 40});
  }
  Rate(firm, "a", "tax", 4);
  Rate(firm, "b", "tax", 3);
  Rate(firm, "c", "tax", 2, true);
  Rate(firm, "d", "ip", 5);
  for (const char* id : {"e", "f", "g", "h"}) Rate(firm, id, "ip", 1, true);
  Rate(firm, "h", "audit", 2, true);
  firm.engagements = {
      {"e1", "c1", "E1", "", kMonday, AddDays(kMonday, 90), EngagementStatus::kConfirmed},
      {"e2", "c1", "E2", "", kMonday, AddDays(kMonday, 90), EngagementStatus::kCancelled}};
  // o1: tax, 20h x 2 seats in weeks 1-2; o2: ip, 10h in week 1; o3 is cancelled.
  firm.openings = {{"o1", "e1", "", {{"tax", 3}}, 20, kMonday, AddDays(kMonday, 13), 2},
                   {"o2", "e1", "", {{"ip", 4}}, 10, kMonday, AddDays(kMonday, 4), 1},
                   {"o3", "e2", "", {{"tax", 3}}, 40, kMonday, AddDays(kMonday, 27), 5}};
  firm.assignments = {{"x", "b", "o9", 10, kMonday, AddDays(kMonday, 13)}};
  return firm;
}

TEST(BuildMarket, SupplyDemandKeyPeopleAndTeachingOnHandBuiltFirm) {
  FirmData firm = MarketFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MarketOptions options;
  options.from = AddDays(kMonday, 2);  // rounds to the Monday
  options.periods = 2;
  options.period_weeks = 2;
  auto report = BuildMarket(*index, firm, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->balances.size(), 2u);
  // ip: supply d 80 + 80 = 160, demand 10 -> surplus 150, listed first.
  const SkillBalance& ip = report->balances[0];
  EXPECT_EQ(index->skill_id(ip.skill), "ip");
  EXPECT_DOUBLE_EQ(ip.supply_hours, 160);
  EXPECT_DOUBLE_EQ(ip.demand_hours, 10);
  // tax: a 80 + b (30 + 30) = 140 then 160; demand 2 x 20 x 2 weeks = 80 then 0.
  const SkillBalance& tax = report->balances[1];
  EXPECT_EQ(index->skill_id(tax.skill), "tax");
  ASSERT_EQ(tax.periods.size(), 2u);
  EXPECT_EQ(tax.periods[0].start, kMonday);
  EXPECT_DOUBLE_EQ(tax.periods[0].supply_hours, 140);
  EXPECT_DOUBLE_EQ(tax.periods[0].demand_hours, 80);
  EXPECT_DOUBLE_EQ(tax.periods[1].supply_hours, 160);
  EXPECT_DOUBLE_EQ(tax.periods[1].demand_hours, 0);
  EXPECT_EQ(tax.holders, 2);
  // Key-person risk: ip rests on d alone; tax has two holders at 3+.
  ASSERT_EQ(report->key_person.size(), 1u);
  EXPECT_EQ(index->skill_id(report->key_person[0].skill), "ip");
  ASSERT_EQ(report->key_person[0].holders.size(), 1u);
  EXPECT_EQ(index->person_id(report->key_person[0].holders[0]), "d");
  // Teaching gap: 4 want to grow ip, 1 teacher (4 > 1 * 3); audit has 1 grower only.
  ASSERT_EQ(report->teaching.size(), 1u);
  EXPECT_EQ(report->teaching[0].growers, 4);
  EXPECT_EQ(report->teaching[0].teachers, 1);
}

TEST(BuildMarket, RejectsBadOptions) {
  FirmData firm = MarketFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MarketOptions options;
  options.periods = 0;
  EXPECT_EQ(BuildMarket(*index, firm, options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace guild::skills
