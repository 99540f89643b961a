// FindPeople against a brute-force scan of the raw FirmData.
#include "engine/skills/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "engine/skills/testing/random_firm.h"

namespace guild::skills {
namespace {

using testing::RandomFirm;
using testing::RandomFirmEpoch;

// ---- The reference: straight from the definitions, over raw FirmData. ----

struct RefRating {
  int level = 0;
  bool wants = false;
};

std::map<std::pair<std::string, std::string>, RefRating> EffectiveRatings(const FirmData& firm) {
  std::map<std::pair<std::string, std::string>, const PersonSkill*> best;
  std::map<std::pair<std::string, std::string>, RefRating> out;
  for (const PersonSkill& ps : firm.person_skills) {
    auto key = std::make_pair(ps.person_id, ps.skill_id);
    out[key].wants = out[key].wants || ps.wants_to_grow;
    const PersonSkill*& b = best[key];
    if (!b || std::make_tuple(Precedence(ps.source), ps.rated_on, ps.level) >
                  std::make_tuple(Precedence(b->source), b->rated_on, b->level)) {
      b = &ps;
    }
  }
  for (auto& [key, ps] : best) out[key].level = ps->level;
  return out;
}

bool IsAncestor(const FirmData& firm, const std::string& ancestor, std::string skill) {
  while (true) {
    auto it = std::find_if(firm.skills.begin(), firm.skills.end(),
                           [&](const Skill& s) { return s.id == skill; });
    if (it->broader_id.empty()) return false;
    if (it->broader_id == ancestor) return true;
    skill = it->broader_id;
  }
}

bool CanMeet(const FirmData& firm, const std::string& need, const std::string& held,
             TaxonomyExpansion e) {
  if (need == held) return true;
  if (e == TaxonomyExpansion::kExactSkillOnly) return false;
  if (IsAncestor(firm, need, held)) return true;
  return e == TaxonomyExpansion::kBothWays && IsAncestor(firm, held, need);
}

double RefFreeHours(const FirmData& firm, const Person& p, Date from, Date to) {
  double free = 0;
  for (Date w = WeekStart(from); w <= to; w = AddDays(w, 7)) {
    double load = 0;
    for (const Assignment& a : firm.assignments) {
      if (a.person_id == p.id && a.start <= AddDays(w, 6) && a.end >= w) load += a.hours_per_week;
    }
    free += std::max(0.0, p.weekly_capacity_hours - load);
  }
  return free;
}

std::string ResolveRef(const FirmData& firm, std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), ::tolower);
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    return s;
  };
  for (const Skill& s : firm.skills) {
    if (lower(s.id) == name) return s.id;
  }
  for (const Skill& s : firm.skills) {
    if (lower(s.name) == name) return s.id;
  }
  for (const Skill& s : firm.skills) {
    for (const auto& syn : s.synonyms) {
      if (lower(syn) == name) return s.id;
    }
  }
  return "";
}

struct RefHit {
  std::string person;
  int met = 0;
  int surplus = 0;
  double free = 0;
  std::vector<std::pair<std::string, int>> matches;  // matched skill id, level
};

std::optional<RefHit> RefScore(const FirmData& firm, const Person& p, const SkillQuery& q,
                               const std::map<std::pair<std::string, std::string>, RefRating>& r) {
  auto eq = [](std::string a, std::string b) {
    std::transform(a.begin(), a.end(), a.begin(), ::tolower);
    std::transform(b.begin(), b.end(), b.begin(), ::tolower);
    return a == b;
  };
  if ((!q.practice.empty() && !eq(q.practice, p.practice)) ||
      (!q.office.empty() && !eq(q.office, p.office)) ||
      (!q.grade.empty() && !eq(q.grade, p.grade))) {
    return std::nullopt;
  }
  RefHit hit{p.id, 0, 0, 0, {}};
  bool wants = false;
  for (const SkillNeed& need : q.needs) {
    const std::string skill = ResolveRef(firm, need.skill);
    std::pair<std::string, int> best{"", 0};
    for (const auto& [key, rating] : r) {
      if (key.first != p.id || !CanMeet(firm, skill, key.second, q.expansion)) continue;
      wants = wants || rating.wants;
      const bool better =
          rating.level > best.second || (rating.level == best.second && best.first != skill &&
                                         (key.second == skill || key.second < best.first));
      if (better) best = {key.second, rating.level};
    }
    hit.matches.push_back(best);
    if (best.second >= need.min_level) {
      ++hit.met;
      hit.surplus += best.second - need.min_level;
    } else if (q.mode == MatchMode::kAllOf) {
      return std::nullopt;
    }
  }
  if (hit.met == 0) return std::nullopt;
  if (q.wants_to_grow == WantsToGrowFilter::kRequired && !wants) return std::nullopt;
  if (q.availability) {
    hit.free = RefFreeHours(firm, p, q.availability->from, q.availability->to);
    if (hit.free < q.availability->min_free_hours) return std::nullopt;
  }
  return hit;
}

std::vector<RefHit> RefSearch(const FirmData& firm, const SkillQuery& q) {
  auto ratings = EffectiveRatings(firm);
  std::vector<RefHit> hits;
  for (const Person& p : firm.people) {
    if (auto h = RefScore(firm, p, q, ratings)) hits.push_back(*h);
  }
  std::sort(hits.begin(), hits.end(), [](const RefHit& a, const RefHit& b) {
    return std::make_tuple(-a.met, -a.surplus, -a.free, a.person) <
           std::make_tuple(-b.met, -b.surplus, -b.free, b.person);
  });
  if (q.limit > 0 && hits.size() > static_cast<size_t>(q.limit)) hits.resize(q.limit);
  return hits;
}

// ---- Random queries. ----

std::string RandomCase(std::mt19937& rng, std::string s) {
  for (char& c : s) {
    if (std::uniform_int_distribution<int>(0, 1)(rng)) c = static_cast<char>(::toupper(c));
  }
  return s;
}

SkillQuery RandomQuery(std::mt19937& rng, const FirmData& firm) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  SkillQuery q;
  const int needs = pick(1, 3);
  for (int i = 0; i < needs; ++i) {
    const Skill& s = firm.skills[pick(0, static_cast<int>(firm.skills.size()) - 1)];
    std::string name = s.id;
    if (pick(0, 2) == 1) name = s.name;
    if (pick(0, 2) == 2 && !s.synonyms.empty()) name = s.synonyms[0];
    q.needs.push_back({RandomCase(rng, name), pick(1, 5)});
  }
  q.mode = pick(0, 1) ? MatchMode::kAnyOf : MatchMode::kAllOf;
  q.expansion = static_cast<TaxonomyExpansion>(pick(0, 2));
  if (pick(0, 2) == 0) q.practice = RandomCase(rng, "tax");
  if (pick(0, 3) == 0) q.office = "London";
  if (pick(0, 4) == 0) q.grade = "manager";
  if (pick(0, 3) == 0) q.wants_to_grow = WantsToGrowFilter::kRequired;
  if (pick(0, 1)) {
    const Date from = AddDays(RandomFirmEpoch(), pick(-30, 30));
    q.availability = AvailabilityWindow{from, AddDays(from, pick(0, 40)), double(pick(0, 80))};
  }
  q.limit = pick(0, 2) == 0 ? 0 : pick(1, 8);
  return q;
}

TEST(ParseSkillNeed, LevelAfterTheLastColonWhenAllDigits) {
  auto plain = ParseSkillNeed("Tax law");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->skill, "Tax law");
  EXPECT_EQ(plain->min_level, kMinLevel);
  auto leveled = ParseSkillNeed("esco:abc-123:4");
  ASSERT_TRUE(leveled.ok());
  EXPECT_EQ(leveled->skill, "esco:abc-123");
  EXPECT_EQ(leveled->min_level, 4);
  // An id with a ':' and no level is a skill, not a level.
  auto id = ParseSkillNeed("firm:tax");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->skill, "firm:tax");
  EXPECT_EQ(id->min_level, kMinLevel);
}

TEST(ParseSkillNeed, RefusesLevelsOutOfRangeAndEmptySkillsNamingTheField) {
  for (const char* bad : {"", "Tax:0", "Tax:6", "Tax:99999999999", ":3"}) {
    auto need = ParseSkillNeed(bad, "--skill");
    ASSERT_FALSE(need.ok()) << bad;
    EXPECT_EQ(need.status().code(), StatusCode::kInvalidArgument) << bad;
    ASSERT_NE(need.status().where(), nullptr) << bad;
    EXPECT_EQ(need.status().where()->field, "--skill") << bad;
    EXPECT_EQ(need.status().message().rfind("--skill: expected SKILL[:LEVEL]", 0), 0u)
        << need.status().message();
  }
}

TEST(FindPeople, MatchesBruteForceOnRandomFirmsAndQueries) {
  std::mt19937 rng(7);
  int compared_hits = 0;
  for (uint32_t seed = 1; seed <= 60; ++seed) {
    FirmData firm = RandomFirm(seed, {});
    auto index = SkillIndex::Build(firm);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    for (int k = 0; k < 40; ++k) {
      SkillQuery q = RandomQuery(rng, firm);
      auto got = FindPeople(*index, q);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      auto want = RefSearch(firm, q);
      ASSERT_EQ(got->hits.size(), want.size()) << "seed " << seed << " query " << k;
      for (size_t i = 0; i < want.size(); ++i) {
        const SearchHit& h = got->hits[i];
        EXPECT_EQ(index->person_id(h.person), want[i].person) << "seed " << seed << " rank " << i;
        EXPECT_EQ(h.needs_met, want[i].met);
        EXPECT_EQ(h.surplus, want[i].surplus);
        EXPECT_DOUBLE_EQ(h.free_hours, want[i].free);
        for (size_t n = 0; n < h.matches.size(); ++n) {
          EXPECT_EQ(h.matches[n].level, want[i].matches[n].second);
          if (h.matches[n].matched != kNone) {
            EXPECT_EQ(index->skill_id(h.matches[n].matched), want[i].matches[n].first);
          }
        }
        ++compared_hits;
      }
    }
  }
  EXPECT_GT(compared_hits, 1000);  // the random queries are not all empty
}

// Few skills and many people: every skill is dense, so all-of queries take
// both intersection paths (bitset marking and per-person lookups) before
// scoring. Checks the hits and the total before the limit.
TEST(FindPeople, DenseSkillsIntersectExactlyAndCountTotal) {
  std::mt19937 rng(17);
  int compared_hits = 0;
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    FirmData firm =
        RandomFirm(seed, {.people = 600, .skills = 5, .ratings_per_person = 3, .assignments = 200});
    auto index = SkillIndex::Build(firm);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    for (int k = 0; k < 30; ++k) {
      SkillQuery q = RandomQuery(rng, firm);
      q.mode = k % 4 == 0 ? MatchMode::kAnyOf : MatchMode::kAllOf;
      auto got = FindPeople(*index, q);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      SkillQuery all = q;
      all.limit = 0;
      const auto want = RefSearch(firm, all);
      EXPECT_EQ(got->total, static_cast<int64_t>(want.size())) << "seed " << seed << " query " << k;
      ASSERT_LE(got->hits.size(), want.size());
      for (size_t i = 0; i < got->hits.size(); ++i) {
        EXPECT_EQ(index->person_id(got->hits[i].person), want[i].person)
            << "seed " << seed << " query " << k << " rank " << i;
        EXPECT_EQ(got->hits[i].surplus, want[i].surplus);
        ++compared_hits;
      }
    }
  }
  EXPECT_GT(compared_hits, 300);
}

}  // namespace
}  // namespace guild::skills
