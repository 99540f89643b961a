#include "engine/skills/skill_index.h"

#include <gtest/gtest.h>

#include "engine/skills/search.h"

namespace guild::skills {
namespace {

FirmData SmallFirm() {
  FirmData firm;
  firm.skills = {{"firm:prog", "Programming", "", "", {"Coding"}},
                 {"firm:python", "Python", "", "firm:prog", {"py"}},
                 {"firm:tax", "Tax Structuring", "", "", {}},
                 {"firm:vat", "VAT Advice", "", "firm:tax", {}}};
  firm.people = {{.id = "p1", .name = "Ada Lovelace", .practice = "Tech", .office = "London"},
                 {.id = "p2", .name = "Grace Hopper", .practice = "Tech", .office = "Paris"},
                 {.id = "p3", .name = "Pat Python", .practice = "Tax", .office = "London"}};
  firm.person_skills = {
      {"p1", "firm:python", RatingSource::kSelf, 5, false, {}, {}},
      {"p1", "firm:python", RatingSource::kManager, 3, true, {}, {}},
      {"p2", "firm:prog", RatingSource::kSelf, 4, false, {}, {}},
      {"p3", "firm:vat", RatingSource::kAssessed, 4, false, {}, {}},
  };
  return firm;
}

TEST(SkillIndex, EffectiveRatingFollowsPrecedenceAndWantsFromAnyRating) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  auto held = index->Held(*index->FindPerson("p1"), *index->FindSkill("python"));
  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(held->level, 3);  // manager beats self
  EXPECT_EQ(held->source, RatingSource::kManager);
  EXPECT_TRUE(held->wants_to_grow);
}

TEST(SkillIndex, ResolvesIdsNamesAndSynonymsCaseInsensitively) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  const SkillRef prog = *index->FindSkill("firm:prog");
  EXPECT_EQ(index->FindSkill("PROGRAMMING"), prog);
  EXPECT_EQ(index->FindSkill("coding"), prog);
  EXPECT_FALSE(index->FindSkill("Cobol").has_value());
}

TEST(SkillIndex, DidYouMeanForMisspeltSkill) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  auto suggestions = index->SuggestSkills("Pyhton", 3);
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions[0].text, "Python");
  SkillQuery q;
  q.needs = {{"Progamming", 2}};
  auto result = FindPeople(*index, q);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
  EXPECT_NE(result.status().message().find("did you mean: Programming"), std::string::npos)
      << result.status().message();
}

TEST(SkillIndex, UnknownPracticeGetsSuggestions) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  SkillQuery q;
  q.needs = {{"Python", 1}};
  q.practice = "Tecj";
  auto result = FindPeople(*index, q);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("did you mean: Tech"), std::string::npos);
}

TEST(SkillIndex, TypeAheadOverSkillsSynonymsAndPeople) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  auto got = index->Complete("py", {});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, CompletionKind::kSkill);  // "py" synonym: whole-text, shortest
  EXPECT_EQ(got[0].label, "Python");
  EXPECT_EQ(got[1].kind, CompletionKind::kPerson);  // "Pat Python": word prefix
  EXPECT_TRUE(got[1].word_prefix);
  auto people_only = index->Complete("gra", {.limit = 5, .skills = false, .people = true});
  ASSERT_EQ(people_only.size(), 1u);
  EXPECT_EQ(people_only[0].label, "Grace Hopper");
  EXPECT_TRUE(index->Complete("zz", {}).empty());
}

TEST(SkillIndex, NarrowerMeetsBroaderButNotTheOtherWayByDefault) {
  auto index = SkillIndex::Build(SmallFirm());
  ASSERT_TRUE(index.ok());
  SkillQuery q;
  q.needs = {{"Programming", 3}};
  auto broad = FindPeople(*index, q);
  ASSERT_TRUE(broad.ok());
  ASSERT_EQ(broad->hits.size(), 2u);  // p2 exact at 4, p1 via Python at 3
  EXPECT_EQ(index->person_id(broad->hits[0].person), "p2");
  EXPECT_EQ(broad->hits[1].matches[0].via, MatchVia::kNarrower);
  q.needs = {{"Python", 3}};
  auto narrow = FindPeople(*index, q);
  ASSERT_TRUE(narrow.ok());
  ASSERT_EQ(narrow->hits.size(), 1u);  // p2's Programming does not count
  q.expansion = TaxonomyExpansion::kBothWays;
  auto both = FindPeople(*index, q);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->hits.size(), 2u);
  auto lines = ExplainHit(*index, broad->hits[1], false);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Programming >= 3: via narrower Python at 3 (manager)");
}

TEST(SkillIndex, RejectsBadInputNamingTheField) {
  FirmData firm = SmallFirm();
  firm.person_skills.push_back({"p9", "firm:tax", RatingSource::kSelf, 2, false, {}, {}});
  auto index = SkillIndex::Build(firm);
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().message(), "person_skills[4].person_id: unknown person 'p9'");
  firm = SmallFirm();
  firm.skills.mut()[0].broader_id = "firm:python";
  EXPECT_NE(SkillIndex::Build(firm).status().message().find("cycle"), std::string::npos);
}

TEST(SkillIndex, FreeHoursCountWholeWeeks) {
  FirmData firm = SmallFirm();
  const Date monday{20094};
  firm.assignments = {{"a1", "p1", "o1", 30, monday, AddDays(monday, 9)},
                      {"a2", "p1", "o1", 20, monday, AddDays(monday, 2)}};
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  const PersonRef p1 = *index->FindPerson("p1");
  EXPECT_DOUBLE_EQ(index->WeekLoad(p1, monday), 50);
  // Week 1: 40 - min(40, 50) = 0; week 2: 40 - 30 = 10; week 3: 40.
  EXPECT_DOUBLE_EQ(index->FreeHours(p1, AddDays(monday, 3), AddDays(monday, 15)), 50);
}

}  // namespace
}  // namespace guild::skills
