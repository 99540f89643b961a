#include "engine/network/coverage.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/network/succession.h"

namespace guild::network {
namespace {

Date D(const char* text) { return *ParseDate(text); }

Person P(const char* id, const char* grade) {
  Person p;
  p.id = id;
  p.name = std::string("Name ") + id;
  p.email = std::string(id) + "@firm.test";
  p.grade = grade;
  return p;
}

Engagement E(const char* id, const char* client, const char* leader, const char* from,
             const char* to, EngagementStatus status = EngagementStatus::kConfirmed) {
  return {.id = id,
          .client_id = client,
          .name = id,
          .leader_id = leader,
          .start = D(from),
          .end = D(to),
          .status = status};
}

// Today is 2025-06-30. c1 (key) is held by partner p1 alone: p2 led an
// engagement that ended two years ago. c2 (key) is led by p1 and p2 now.
// c3 has a manager's assignment and no partner.
FirmData Firm() {
  FirmData f;
  f.people = {P("p1", "Partner"),  P("p2", "partner"),  P("m1", "manager"), P("a1", "associate"),
              P("d1", "director"), P("d2", "director"), P("d3", "director")};
  f.people.mut()[6].end_date = D("2025-01-31");  // d3 has left
  f.skills = {{.id = "s1", .name = "Audit"}, {.id = "s2", .name = "Tax"}};
  f.clients = {{.id = "c1", .name = "Acme", .key_client = true},
               {.id = "c2", .name = "Beta", .key_client = true},
               {.id = "c3", .name = "Gamma"}};
  f.engagements = {
      E("e1", "c1", "p1", "2025-01-01", "2025-12-31"),
      E("e2", "c1", "p2", "2023-01-01", "2023-06-30", EngagementStatus::kComplete),
      E("e3", "c2", "p2", "2025-01-01", "2025-12-31"),
      E("e4", "c2", "p1", "2025-01-01", "2025-12-31", EngagementStatus::kCancelled),
      E("e5", "c3", "", "2025-06-01", "2025-08-31"),
      E("e6", "c2", "p1", "2025-03-01", "2025-09-30"),
  };
  f.openings = {{.id = "o1", .engagement_id = "e1", .required = {{"s1", 3}, {"s2", 2}}},
                {.id = "o2", .engagement_id = "e2", .required = {{"s1", 3}}},
                {.id = "o5", .engagement_id = "e5"}};
  f.assignments = {{.id = "a",
                    .person_id = "m1",
                    .opening_id = "o5",
                    .hours_per_week = 40,
                    .start = D("2025-06-02"),
                    .end = D("2025-07-31")}};
  f.time_entries = {
      {.id = "t1", .person_id = "p1", .date = D("2025-06-20"), .hours = 20, .engagement_id = "e3"},
      {.id = "t2", .person_id = "p1", .date = D("2025-06-19"), .hours = 20, .engagement_id = "e3"}};
  f.person_skills = {{.person_id = "d1", .skill_id = "s1", .level = 4},
                     {.person_id = "d1", .skill_id = "s2", .level = 1},
                     {.person_id = "d2", .skill_id = "s1", .level = 4},
                     {.person_id = "d2", .skill_id = "s2", .level = 3},
                     {.person_id = "d3", .skill_id = "s1", .level = 5},
                     {.person_id = "d3", .skill_id = "s2", .level = 5},
                     {.person_id = "a1", .skill_id = "s1", .level = 5}};
  return f;
}

CoverageOptions Options() { return {.today = D("2025-06-30")}; }

TEST(CoverageTest, StrengthFromLeadershipWorkAndRecency) {
  FirmData firm = Firm();
  auto coverage = ComputeCoverage(firm, Options());
  ASSERT_EQ(coverage.size(), 3u);

  const ClientCoverage& c1 = coverage[0];
  ASSERT_EQ(c1.holders.size(), 2u);
  EXPECT_EQ(c1.holders[0].person, 0u);  // p1 leads e1 now: 2
  EXPECT_DOUBLE_EQ(c1.holders[0].score, 2.0);
  EXPECT_TRUE(c1.holders[0].partner);  // "Partner" matches case-insensitively
  EXPECT_EQ(c1.holders[0].strength, Strength::kStrong);
  // p2 led e2, which ended 731 days ago: 2 x 0.5^(731/365).
  EXPECT_NEAR(c1.holders[1].score, 2 * std::exp2(-731.0 / 365), 1e-12);
  EXPECT_EQ(c1.holders[1].strength, Strength::kWeak);
  EXPECT_EQ(c1.strong_partners, 1u);
  EXPECT_EQ(c1.risk, Risk::kSinglePartner);
  EXPECT_TRUE(c1.flagged);
  EXPECT_NE(c1.reason.find("key client with 1 strong partner relationship (needs 2)"),
            std::string::npos)
      << c1.reason;
  EXPECT_NE(c1.reason.find("Name p1 (2.0)"), std::string::npos) << c1.reason;

  const ClientCoverage& c2 = coverage[1];
  ASSERT_EQ(c2.holders.size(), 2u);
  // p1: leads e6 (2) plus 40 hours on e3, last 10 days ago (e4 is cancelled).
  EXPECT_EQ(c2.holders[0].person, 0u);
  EXPECT_NEAR(c2.holders[0].score, 2 + std::exp2(-10.0 / 365), 1e-12);
  EXPECT_EQ(c2.holders[0].engagements, 2u);
  EXPECT_EQ(c2.holders[0].led, 1u);
  EXPECT_DOUBLE_EQ(c2.holders[0].hours, 40);
  EXPECT_EQ(c2.strong_partners, 2u);
  EXPECT_EQ(c2.risk, Risk::kCovered);
  EXPECT_FALSE(c2.flagged);

  const ClientCoverage& c3 = coverage[2];
  ASSERT_EQ(c3.holders.size(), 1u);
  // m1: 29 days at 40 h a week = 165.7 h, full credit, working today.
  EXPECT_DOUBLE_EQ(c3.holders[0].score, 1.0);
  EXPECT_NEAR(c3.holders[0].hours, 40.0 * 29 / 7, 1e-9);
  EXPECT_EQ(c3.holders[0].strength, Strength::kModerate);
  EXPECT_EQ(c3.risk, Risk::kUncovered);
  EXPECT_FALSE(c3.flagged);  // not a key client
  EXPECT_NE(c3.reason.find("no partner holds a strong relationship"), std::string::npos);
}

TEST(CoverageTest, SuccessorsBySkillsCapacityAndTies) {
  FirmData firm = Firm();
  auto coverage = ComputeCoverage(firm, Options());
  auto index = skills::SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok()) << index.status().message();
  GraphBuilder b;
  for (const Person& p : firm.people) b.AddNode(p.id);
  b.AddEdge(0, 4, 40);  // p1 - d1: 40 hours together
  Graph graph = b.Build();
  SuccessionOptions options{.today = D("2025-06-30")};
  auto s = SuggestSuccessors(firm, *index, graph, coverage[0], options);
  ASSERT_TRUE(s.ok()) << s.status().message();
  // d2 meets all demand (s1 x2, s2 x1); d1 meets s1 only but has a tie to p1.
  // p2 (weak holder, partner) qualifies on grade; d3 has left; a1 is an
  // associate; p1 already holds the client strongly.
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ(firm.people[(*s)[0].person].id, "d2");
  EXPECT_DOUBLE_EQ((*s)[0].score, 0.5 + 0.2);
  EXPECT_EQ((*s)[0].skills, (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(firm.people[(*s)[1].person].id, "d1");
  EXPECT_NEAR((*s)[1].score, 0.5 * 2 / 3 + 0.2 + 0.3 * 0.5, 1e-12);
  EXPECT_EQ((*s)[1].tied_holder, 0u);
  EXPECT_NE((*s)[1].reason.find("40 hours of shared work with Name p1"), std::string::npos)
      << (*s)[1].reason;
  EXPECT_NE((*s)[1].reason.find("67% of the skill demand (1 of 2 skills: Audit)"),
            std::string::npos)
      << (*s)[1].reason;
  EXPECT_EQ(firm.people[(*s)[2].person].id, "p2");
  EXPECT_DOUBLE_EQ((*s)[2].free_hours_per_week, 40);
}

TEST(CoverageTest, NamesAreStable) {
  EXPECT_EQ(ToString(Risk::kSinglePartner), "single_partner");
  EXPECT_EQ(ToString(Strength::kModerate), "moderate");
}

}  // namespace
}  // namespace guild::network
