#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace guild {
namespace {

// A reference written independently of the threshold table.
int ReferenceLevel(double lv) {
  if (lv < 1.5) return 1;
  if (lv < 3.0) return 2;
  if (lv < 4.5) return 3;
  if (lv < 5.5) return 4;
  return 5;
}

TEST(OnetLevelToGuild, MatchesReferenceOnAFineGrid) {
  for (int i = -10; i <= 80; ++i) {
    double lv = i / 10.0;
    EXPECT_EQ(OnetLevelToGuild(lv), ReferenceLevel(lv)) << lv;
  }
}

TEST(OnetLevelToGuild, AnchorsTwoFourSixLandOnDistinctLevels) {
  EXPECT_EQ(OnetLevelToGuild(2), 2);
  EXPECT_EQ(OnetLevelToGuild(4), 3);
  EXPECT_EQ(OnetLevelToGuild(6), 5);
  EXPECT_EQ(OnetLevelToGuild(0), kMinLevel);
  EXPECT_EQ(OnetLevelToGuild(7), kMaxLevel);
}

TEST(OnetLevelToGuild, FloorIsTheInverse) {
  for (int level = kMinLevel; level <= kMaxLevel; ++level) {
    EXPECT_EQ(OnetLevelToGuild(GuildLevelOnetFloor(level)), level);
    if (level > kMinLevel) {
      EXPECT_EQ(OnetLevelToGuild(GuildLevelOnetFloor(level) - 0.01), level - 1);
    }
  }
}

std::string ShippedDir() { return GUILD_TEST_TAXONOMY_DIR; }

std::vector<std::vector<std::string>> ReadRows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (!line.empty() && line.back() == '\t') f.push_back("");
    rows.push_back(f);
  }
  return rows;
}

class ShippedTaxonomy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadTaxonomy(TaxonomyOptions{.directory = ShippedDir()});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    data_ = new FirmData(std::move(r).value());
  }
  static void TearDownTestSuite() { delete data_; }
  static const Role* FindRole(const std::string& id) {
    for (const auto& r : data_->roles) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
  static FirmData* data_;  // NOLINT(readability-identifier-naming): a static member, not a variable
};
FirmData* ShippedTaxonomy::data_ = nullptr;  // NOLINT(readability-identifier-naming)

TEST_F(ShippedTaxonomy, CountsMatchTheFiles) {
  size_t skills = ReadRows(ShippedDir() + "/onet_elements.tsv").size() +
                  ReadRows(ShippedDir() + "/esco_skills.tsv").size() +
                  ReadRows(ShippedDir() + "/esco_skill_groups.tsv").size();
  size_t roles = ReadRows(ShippedDir() + "/onet_occupations.tsv").size() +
                 ReadRows(ShippedDir() + "/esco_occupations.tsv").size();
  EXPECT_EQ(data_->skills.size(), skills);
  EXPECT_EQ(data_->roles.size(), roles);
}

TEST_F(ShippedTaxonomy, OnetRoleSkillsFollowTheRatingsFile) {
  // Reference: recompute Computer Programmers' skills straight from the file.
  std::map<std::string, std::pair<int, double>> expected;
  for (const auto& f : ReadRows(ShippedDir() + "/onet_ratings.tsv")) {
    if (f[0] != "15-1251.00" || f[4] == "Y" || f[5] == "Y" || std::stod(f[2]) < 2.0) continue;
    expected["onet:" + f[1]] = {ReferenceLevel(std::stod(f[3])), std::stod(f[2])};
  }
  const Role* role = FindRole("onet:15-1251.00");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->name, "Computer Programmers");
  ASSERT_EQ(role->skills.size(), expected.size());
  for (const auto& rs : role->skills) {
    ASSERT_TRUE(expected.count(rs.skill_id)) << rs.skill_id;
    EXPECT_EQ(rs.level, expected[rs.skill_id].first) << rs.skill_id;
    EXPECT_DOUBLE_EQ(rs.importance, expected[rs.skill_id].second) << rs.skill_id;
  }
}

TEST_F(ShippedTaxonomy, EscoSoftwareDeveloperHasEssentialAndOptionalSkills) {
  const Role* role = FindRole("esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1");
  ASSERT_NE(role, nullptr);
  int essential = 0, optional = 0;
  for (const auto& rs : role->skills) {
    (rs.essential ? essential : optional)++;
    EXPECT_EQ(rs.level, rs.essential ? 3 : 2);
  }
  EXPECT_EQ(essential, 24);
  EXPECT_EQ(optional, 80);
}

TEST_F(ShippedTaxonomy, TreeHasOnetAndEscoParents) {
  std::map<std::string, const Skill*> by_id;
  for (const auto& s : data_->skills) by_id[s.id] = &s;
  EXPECT_EQ(by_id.at("onet:2.B.3.e")->broader_id, "onet:2.B.3");
  EXPECT_EQ(by_id.at("onet:2.B.3")->broader_id, "onet:2.B");
  EXPECT_EQ(by_id.at("onet:2.B")->broader_id, "");
  EXPECT_EQ(by_id.at("onet:2.C.1.a")->kind, SkillKind::kKnowledge);
  EXPECT_NE(by_id.at("onet:2.B.3.e")->description.find("Level examples"), std::string::npos);
  int esco_roots = 0;
  for (const auto& s : data_->skills) {
    if (!s.broader_id.empty()) {
      EXPECT_TRUE(by_id.count(s.broader_id)) << s.id;
    }
    if (s.source == SkillSource::kEsco && s.broader_id.empty()) ++esco_roots;
  }
  EXPECT_GT(esco_roots, 0);
  EXPECT_LT(esco_roots, 10);  // the ESCO pillars, not thousands of orphans
}

TEST(FindTaxonomyDirectory, PicksTheFirstFolderWithTheFiles) {
  auto found = FindTaxonomyDirectory({"/nonexistent/guild", ShippedDir()});
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*found, ShippedDir());
  auto missing = FindTaxonomyDirectory({"/nonexistent/a", "/nonexistent/b"});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/b"), std::string::npos);
  // The built-in search path ends with this source tree's data/taxonomy.
  EXPECT_TRUE(FindTaxonomyDirectory(TaxonomySearchPath("/nonexistent")).ok());
}

// --- Hand-made taxonomies in a temp dir -------------------------------------

class TinyTaxonomy : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/guild_tax_XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    Write("onet_elements.tsv",
          "element_id\tname\tkind\tdescription\n2.A\tBasic Skills\tskill\td\n"
          "2.A.1.a\tReading\tskill\td\n2.C.1.a\tAdmin\tknowledge\td\n");
    Write("onet_level_anchors.tsv", "element_id\tanchor_value\tdescription\n2.A.1.a\t2\tRead\n");
    Write("onet_occupations.tsv", "code\ttitle\tdescription\n1-1\tClerk\td\n");
    Write("onet_ratings.tsv",
          "code\telement_id\timportance\tlevel\tnot_relevant\tsuppress\n"
          "1-1\t2.A.1.a\t4.0\t4.9\tN\tN\n1-1\t2.C.1.a\t3.0\t1.0\tY\tN\n");
    Write("esco_skills.tsv",
          "id\tskill_type\treuse_level\tlabel\talt_labels\tcollections\tdescription\n"
          "s1\tknowledge\t\tlaw\tlegal | law\t\td\ns2\tskill/competence\t\tcontracts\t\t\td\n");
    Write("esco_skill_groups.tsv", "id\tcode\tlabel\tdescription\ng1\tS1\tgroup\td\n");
    Write("esco_broader.tsv", "id\tbroader_id\ns1\tg1\ns2\tg1\ns2\ts1\n");
    Write("esco_occupations.tsv",
          "id\tisco_group\tcode\tlabel\talt_labels\tdescription\no1\t2611\t2611.1\tlawyer\t\td\n");
    Write("esco_occupation_skills.tsv",
          "occupation_id\trelation\tskill_id\no1\tessential\ts1\no1\toptional\ts2\n");
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }
  Result<FirmData> Load() { return LoadTaxonomy(TaxonomyOptions{.directory = dir_}); }
  std::string dir_;
};

TEST_F(TinyTaxonomy, LoadsAndPrefersBroaderSkillOverGroup) {
  auto r = Load();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::map<std::string, Skill> by_id;
  for (const auto& s : r->skills) by_id[s.id] = s;
  EXPECT_EQ(by_id.at("esco:s2").broader_id, "esco:s1");
  EXPECT_EQ(by_id.at("esco:s1").broader_id, "esco:g1");
  EXPECT_EQ(by_id.at("esco:s1").synonyms, std::vector<std::string>{"legal"});
  EXPECT_EQ(by_id.at("onet:2.A.1.a").broader_id, "onet:2.A");
  ASSERT_EQ(r->roles.size(), 2u);
  const Role& clerk = r->roles[1].id == "onet:1-1" ? r->roles[1] : r->roles[0];
  ASSERT_EQ(clerk.skills.size(), 1u);  // the Not Relevant row is left out
  EXPECT_EQ(clerk.skills[0].level, 4);
}

TEST_F(TinyTaxonomy, BadNumberNamesFileLineAndColumn) {
  Write(
      "onet_ratings.tsv",
      "code\telement_id\timportance\tlevel\tnot_relevant\tsuppress\n1-1\t2.A.1.a\thigh\t4\tN\tN\n");
  auto r = Load();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "onet_ratings.tsv:2: column 3 (importance): expected a number from 1 to 5, got 'high'");
}

TEST_F(TinyTaxonomy, DanglingReferencesAreErrors) {
  Write("esco_occupation_skills.tsv", "occupation_id\trelation\tskill_id\no1\tessential\tzz\n");
  auto r = Load();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("esco_occupation_skills.tsv:2: column 3 (skill_id)"),
            std::string::npos)
      << r.status().message();
}

TEST_F(TinyTaxonomy, CycleIsAnError) {
  Write("esco_broader.tsv", "id\tbroader_id\ns1\ts2\ns2\ts1\n");
  auto r = Load();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cycle"), std::string::npos) << r.status().message();
}

TEST_F(TinyTaxonomy, MissingFileIsNotFound) {
  std::remove((dir_ + "/esco_skills.tsv").c_str());
  EXPECT_EQ(Load().status().code(), StatusCode::kNotFound);
  TaxonomyOptions onet_only{.directory = dir_, .include_esco = false};
  EXPECT_TRUE(LoadTaxonomy(onet_only).ok());
}

}  // namespace
}  // namespace guild
