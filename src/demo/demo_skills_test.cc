// Skills follow the practice (issue 23): no person and no opening of a
// practice holds or asks for a kind of skill that practice does not sell.
//
// The kinds are written here, independently of the generator's pools
// (demo/internal/catalog.cc, skills.cc): by the ESCO group a skill sits
// under (its broader chain in the shipped taxonomy) and by name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/demo.h"
#include "demo/testing/demo_firm.h"

namespace guild {
namespace {

using demo::testing::GenerateDemo;
using demo::testing::ShippedTaxonomy;

struct Forbidden {
  const char* why;
  std::vector<std::string_view> groups;  //!< a skill under one of these ESCO groups
  std::vector<std::string_view> names;   //!< a skill of one of these names
  std::vector<std::string_view> parts;   //!< a skill whose name contains one (lower case)
};

// Software development: ESCO's ICT development groups, O*NET's programming
// and technology design, and programming languages by name.
const Forbidden kProgramming{
    "programming",
    {"software and applications development and analysis",
     "database and network design and administration"},
    {"Programming", "Technology Design", "Computers and Electronics", "Engineering and Technology",
     "JavaScript", "SQL", "C#", "C++", "Haskell", "PHP", "TypeScript", "Perl", "Python", "R",
     "Scala", "Swift", "Kotlin"},
    {"programming", "software design", "debug software"}};

// Pleading a case in court: what a litigator sells, nobody else.
const Forbidden kCourtroom{
    "courtroom advocacy",
    {},
    {"represent clients in courts", "court procedures", "present legal arguments",
     "negotiate lawyer's fee", "handle case evidence", "hear witness accounts"},
    {}};

// Keeping and auditing the books, preparing tax returns: what the
// accounting practices sell, not a law firm's lawyers.
const Forbidden kBookkeeping{
    "bookkeeping and tax returns",
    {"accounting and taxation"},
    {"conduct financial audits", "accounting entries", "bookkeeping regulations",
     "prepare tax returns forms", "calculate tax", "perform balance sheet operations",
     "prepare trial accounting balances"},
    {}};

// What each practice of the demo firm does not sell. Risk & Forensics
// (cyber risk, IT audit) and Technology Consulting sell technology.
const std::map<std::string, std::vector<const Forbidden*>>& NotSold() {
  static const auto* m = new std::map<std::string, std::vector<const Forbidden*>>{
      {"Audit", {&kProgramming, &kCourtroom}},       {"Tax", {&kProgramming, &kCourtroom}},
      {"Advisory", {&kProgramming, &kCourtroom}},    {"Deals", {&kProgramming, &kCourtroom}},
      {"Risk & Forensics", {&kCourtroom}},           {"Litigation", {&kProgramming, &kBookkeeping}},
      {"Corporate", {&kProgramming, &kBookkeeping}}, {"Technology Consulting", {&kCourtroom}},
  };
  return *m;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class SkillKinds {
 public:
  SkillKinds() {
    for (const Skill& s : ShippedTaxonomy().skills) by_id_[s.id] = &s;
  }
  //! The first kind in `kinds` that `skill_id` is of, or nullptr.
  const Forbidden* KindOf(const std::string& skill_id,
                          const std::vector<const Forbidden*>& kinds) const {
    auto it = by_id_.find(skill_id);
    if (it == by_id_.end()) return nullptr;
    const Skill& skill = *it->second;
    const std::string name = Lower(skill.name);
    std::vector<std::string> chain;
    for (const Skill* at = &skill; at != nullptr && chain.size() < 32;) {
      chain.push_back(at->name);
      auto up = by_id_.find(at->broader_id);
      at = up == by_id_.end() ? nullptr : up->second;
    }
    for (const Forbidden* kind : kinds) {
      for (std::string_view n : kind->names) {
        if (skill.name == n) return kind;
      }
      for (std::string_view part : kind->parts) {
        if (name.find(part) != std::string::npos) return kind;
      }
      for (std::string_view group : kind->groups) {
        if (std::find(chain.begin() + 1, chain.end(), group) != chain.end()) return kind;
      }
    }
    return nullptr;
  }
  std::string Name(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? id : it->second->name;
  }

 private:
  std::unordered_map<std::string, const Skill*> by_id_;
};

// The lists above do catch what they are meant to: the shipped taxonomy
// holds programming languages, courtroom and bookkeeping skills.
TEST(DemoSkills, TheForbiddenKindsExistInTheTaxonomy) {
  const SkillKinds kinds;
  std::map<std::string, int> found;
  for (const Skill& s : ShippedTaxonomy().skills) {
    for (const Forbidden* kind : {&kProgramming, &kCourtroom, &kBookkeeping}) {
      if (kinds.KindOf(s.id, {kind}) != nullptr) ++found[kind->why];
    }
  }
  EXPECT_GT(found["programming"], 100);  // ESCO lists hundreds of languages and tools
  EXPECT_GE(found["courtroom advocacy"], 4);
  EXPECT_GE(found["bookkeeping and tax returns"], 5);
  EXPECT_NE(kinds.KindOf("onet:2.B.3.e", {&kProgramming}), nullptr);  // O*NET Programming
}

TEST(DemoSkills, NoPracticeHoldsOrAsksForWhatItDoesNotSell) {
  const SkillKinds kinds;
  for (uint64_t seed : {1, 7}) {
    const FirmData firm = GenerateDemo(2000, seed);
    std::unordered_map<std::string, const Person*> people;
    for (const Person& p : firm.people) people[p.id] = &p;
    std::map<std::string, int> practices_seen;
    int checked = 0;
    for (const PersonSkill& ps : firm.person_skills) {
      const Person& p = *people.at(ps.person_id);
      ASSERT_TRUE(NotSold().count(p.practice))
          << "a practice the test does not know: " << p.practice;
      ++practices_seen[p.practice];
      ++checked;
      const Forbidden* kind = kinds.KindOf(ps.skill_id, NotSold().at(p.practice));
      EXPECT_EQ(kind, nullptr) << "seed " << seed << ": " << p.id << " (" << p.grade << ", "
                               << p.practice << ") holds " << kinds.Name(ps.skill_id) << ", "
                               << (kind ? kind->why : "");
    }
    EXPECT_EQ(practices_seen.size(), NotSold().size()) << "seed " << seed;
    std::unordered_map<std::string, const Engagement*> engagements;
    for (const Engagement& e : firm.engagements) engagements[e.id] = &e;
    int openings = 0;
    for (const Opening& o : firm.openings) {
      // An opening's practice, as the staffing board shows it: its
      // engagement leader's (a lead opening's engagement has none yet).
      const Engagement& e = *engagements.at(o.engagement_id);
      if (e.leader_id.empty()) continue;
      const Person& leader = *people.at(e.leader_id);
      ++openings;
      for (const SkillRequirement& r : o.required) {
        const Forbidden* kind = kinds.KindOf(r.skill_id, NotSold().at(leader.practice));
        EXPECT_EQ(kind, nullptr) << "seed " << seed << ": opening " << o.id << " ("
                                 << leader.practice << ") asks for " << kinds.Name(r.skill_id)
                                 << ", " << (kind ? kind->why : "");
      }
    }
    EXPECT_GT(checked, 10000);
    EXPECT_GT(openings, 100);
  }
}

}  // namespace
}  // namespace guild
