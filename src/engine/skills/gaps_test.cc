// Gap analysis against hand-worked examples from the real O*NET 29.2 data.
//
// The roles are read from the O*NET ratings Guild ships
// (data/taxonomy/onet_ratings.tsv, one row per occupation and element, the
// same values as O*NET's Skills.txt; see data/ATTRIBUTION.md): the skill
// elements (2.A basic, 2.B cross-functional), rows marked not relevant left
// out, levels mapped as taxonomy.h documents for OnetLevelToGuild:
//   [0,1.5)->1  [1.5,3)->2  [3,4.5)->3  [4.5,5.5)->4  [5.5,7]->5
// The expected gaps below were worked out by hand from those rows.
#include "engine/skills/gaps.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace guild::skills {
namespace {

int MapOnetLevel(double lv) {
  if (lv < 1.5) return 1;
  if (lv < 3.0) return 2;
  if (lv < 4.5) return 3;
  if (lv < 5.5) return 4;
  return 5;
}

// Reads the role of O*NET occupation `soc` and adds its skills to `firm`.
// Columns: code, element_id, importance, level, not_relevant, suppress.
Role ReadOnetRole(const std::string& soc, FirmData& firm) {
  std::ifstream in(std::string(GUILD_TEST_TAXONOMY_DIR) + "/onet_ratings.tsv");
  EXPECT_TRUE(in.good()) << "cannot read " << GUILD_TEST_TAXONOMY_DIR << "/onet_ratings.tsv";
  Role role{"onet:" + soc, soc, "", RoleSource::kOnet, {}};
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) f.push_back(cell);
    const bool skill_element = f.size() >= 5 && (f[1].starts_with("2.A.") || f[1].starts_with("2.B."));
    if (!skill_element || f[0] != soc) continue;
    const std::string id = "onet:" + f[1];
    firm.skills.push_back({id, f[1], "", "", {}, SkillSource::kOnet, SkillKind::kSkill});
    if (f[4] == "Y") continue;  // not relevant to this occupation
    role.skills.push_back({id, MapOnetLevel(std::stod(f[3])), std::stod(f[2]), true});
  }
  return role;
}

void Rate(FirmData& firm, const std::string& person, const std::string& skill, int level,
          RatingSource source = RatingSource::kAssessed) {
  firm.person_skills.push_back({person, skill, source, level, false, {}, {}});
}

std::vector<std::tuple<std::string, int, int>> Rows(const std::vector<SkillGap>& gaps) {
  std::vector<std::tuple<std::string, int, int>> out;
  out.reserve(gaps.size());
  for (const SkillGap& g : gaps) out.emplace_back(g.skill_id, g.required, g.have);
  return out;
}

TEST(PersonRoleGaps, ComputerProgrammersHandWorked) {
  FirmData firm;
  firm.people.push_back({.id = "dev", .name = "Dev"});
  Role role = ReadOnetRole("15-1251.00", firm);
  ASSERT_GT(role.skills.size(), 20u);
  Rate(firm, "dev", "onet:2.B.3.e", 3);                          // Programming
  Rate(firm, "dev", "onet:2.A.1.b", 2);                          // Active Listening
  Rate(firm, "dev", "onet:2.A.2.a", 4);                          // Critical Thinking
  Rate(firm, "dev", "onet:2.B.2.i", 2, RatingSource::kSelf);     // Complex Problem Solving:
  Rate(firm, "dev", "onet:2.B.2.i", 3, RatingSource::kManager);  //   the manager's 3 wins
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  auto report = PersonRoleGaps(*index, "dev", role, {.min_importance = 3.5});
  ASSERT_TRUE(report.ok());
  // IM >= 3.5: Programming IM 4.75 LV 4.88 -> 4; Active Listening 3.75, LV 4.00 -> 3;
  // Critical Thinking 3.75, 3.88 -> 3; Complex Problem Solving 3.75, 3.88 -> 3;
  // Quality Control Analysis 3.50, 3.50 -> 3.
  using Row = std::tuple<std::string, int, int>;
  EXPECT_EQ(
      Rows(report->gaps),
      (std::vector<Row>{{"onet:2.B.3.e", 4, 3}, {"onet:2.A.1.b", 3, 2}, {"onet:2.B.3.m", 3, 0}}));
  EXPECT_EQ(report->gaps[2].kind, GapKind::kMissing);
  EXPECT_EQ(report->gaps[0].kind, GapKind::kBelowLevel);
  // Met, same order: CPS (3 of 3, gap 0) before Critical Thinking (4 of 3, gap -1).
  EXPECT_EQ(Rows(report->met), (std::vector<Row>{{"onet:2.B.2.i", 3, 3}, {"onet:2.A.2.a", 3, 4}}));
}

TEST(PersonRoleGaps, LawyersHandWorkedWithNarrowerFirmSkill) {
  FirmData firm;
  firm.people.push_back({.id = "jl", .name = "Junior Lawyer"});
  Role role = ReadOnetRole("23-1011.00", firm);
  firm.skills.push_back({"firm:contract-negotiation",
                         "Contract negotiation",
                         "",
                         "onet:2.B.1.d",
                         {},
                         SkillSource::kFirm,
                         SkillKind::kSkill});
  Rate(firm, "jl", "onet:2.A.1.a", 4);               // Reading Comprehension
  Rate(firm, "jl", "onet:2.A.1.b", 3);               // Active Listening
  Rate(firm, "jl", "onet:2.A.1.c", 4);               // Writing
  Rate(firm, "jl", "onet:2.A.1.d", 3);               // Speaking
  Rate(firm, "jl", "onet:2.A.2.a", 3);               // Critical Thinking
  Rate(firm, "jl", "onet:2.B.1.c", 2);               // Persuasion
  Rate(firm, "jl", "firm:contract-negotiation", 4);  // narrower than Negotiation
  Rate(firm, "jl", "onet:2.B.2.i", 3);               // Complex Problem Solving
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  auto report = PersonRoleGaps(*index, "jl", role, {.min_importance = 4.0});
  ASSERT_TRUE(report.ok());
  // IM >= 4.0, by importance: Speaking 4.62 (LV 4.88 -> 4); Reading 4.50 (4.88 -> 4),
  // Active Listening 4.50 (5.00 -> 4), Critical Thinking 4.50 (5.00 -> 4); Writing 4.25
  // (4.88 -> 4); CPS 4.12 (4.25 -> 3), Judgment 4.12 (4.38 -> 3); Persuasion 4.00
  // (5.00 -> 4), Negotiation 4.00 (4.38 -> 3).
  using Row = std::tuple<std::string, int, int>;
  EXPECT_EQ(Rows(report->gaps), (std::vector<Row>{{"onet:2.A.1.d", 4, 3},
                                                  {"onet:2.A.1.b", 4, 3},
                                                  {"onet:2.A.2.a", 4, 3},
                                                  {"onet:2.B.4.e", 3, 0},
                                                  {"onet:2.B.1.c", 4, 2}}));
  EXPECT_EQ(Rows(report->met), (std::vector<Row>{{"onet:2.A.1.a", 4, 4},
                                                 {"onet:2.A.1.c", 4, 4},
                                                 {"onet:2.B.2.i", 3, 3},
                                                 {"onet:2.B.1.d", 3, 4}}));
  EXPECT_EQ(index->skill_id(report->met[3].held_as), "firm:contract-negotiation");
  // Exact matching only: Negotiation becomes a missing skill.
  auto exact = PersonRoleGaps(*index, "jl", role, {TaxonomyExpansion::kExactSkillOnly, 4.0});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->gaps.size(), 6u);
  EXPECT_FALSE(PersonRoleGaps(*index, "nobody", role, {}).ok());
}

FirmData TeamFirm() {
  FirmData firm;
  firm.skills = {{"tax", "Tax", "", "", {}},
                 {"vat", "VAT", "", "tax", {}},
                 {"ip", "IP law", "", "", {}},
                 {"audit", "Audit", "", "", {}}};
  for (const char* id : {"a", "b", "c", "d", "e"}) {
    firm.people.push_back({.id = id, .name = std::string("P") + id});
  }
  Rate(firm, "a", "tax", 4);
  Rate(firm, "b", "vat", 3);
  Rate(firm, "c", "ip", 4);
  Rate(firm, "d", "audit", 4);  // outside the team: can be redeployed
  firm.person_skills.push_back({"e", "audit", RatingSource::kSelf, 2, true, {}, {}});
  firm.assignments.push_back({"x", "d", "o", 10, Date{20094}, Date{20100}});
  return firm;
}

TEST(TeamCoverage, LackingSinglePersonAndCovered) {
  FirmData firm = TeamFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  const std::vector<std::string> team{"a", "b", "c"};
  const std::vector<SkillRequirement> needs{{"tax", 3}, {"ip", 3}, {"audit", 3}};
  auto coverage = TeamCoverage(*index, team, needs, {});
  ASSERT_TRUE(coverage.ok());
  ASSERT_EQ(coverage->size(), 3u);
  EXPECT_EQ((*coverage)[0].skill_id, "audit");
  EXPECT_EQ((*coverage)[0].coverage, Coverage::kLacking);
  EXPECT_EQ((*coverage)[1].skill_id, "ip");
  EXPECT_EQ((*coverage)[1].coverage, Coverage::kSinglePerson);
  EXPECT_EQ((*coverage)[2].skill_id, "tax");  // a at 4, b via VAT at 3
  EXPECT_EQ((*coverage)[2].holders.size(), 2u);
}

TEST(RemediesFor, RedeployDevelopOrHire) {
  FirmData firm = TeamFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  RemedyOptions options;
  options.exclude = {"a", "b", "c"};
  options.window = AvailabilityWindow{Date{20094}, Date{20107}, 40};
  Remedies audit = RemediesFor(*index, *index->FindSkill("audit"), 3, options);
  ASSERT_EQ(audit.redeploy.size(), 1u);  // d: 30 + 40 free >= 40
  EXPECT_EQ(index->person_id(audit.redeploy[0].person), "d");
  EXPECT_DOUBLE_EQ(audit.redeploy[0].free_hours, 70);
  ASSERT_EQ(audit.develop.size(), 1u);  // e wants to grow audit from 2
  EXPECT_FALSE(audit.hire);
  Remedies ip = RemediesFor(*index, *index->FindSkill("ip"), 5, options);
  EXPECT_TRUE(ip.hire);  // c is excluded, nobody else
}

TEST(EngagementNeeds, MergesOpeningsAtTheirHighestLevel) {
  FirmData firm;
  firm.openings = {{"o1", "e1", "", {{"tax", 2}, {"ip", 3}}, 10, {}, {}, 1},
                   {"o2", "e1", "", {{"tax", 4}}, 10, {}, {}, 1},
                   {"o3", "e2", "", {{"audit", 5}}, 10, {}, {}, 1}};
  auto needs = EngagementNeeds(firm, "e1");
  ASSERT_EQ(needs.size(), 2u);
  EXPECT_EQ(needs[0].skill_id, "ip");
  EXPECT_EQ(needs[1].skill_id, "tax");
  EXPECT_EQ(needs[1].min_level, 4);
}

}  // namespace
}  // namespace guild::skills
