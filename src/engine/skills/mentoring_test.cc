#include "engine/skills/mentoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "engine/skills/testing/random_firm.h"

namespace guild::skills {
namespace {

constexpr Date kMonday{20094};  // 2025-01-06

// The best total benefit over all matchings that give each mentee at most one
// mentor and each mentor at most k mentees, by enumeration.
int64_t BruteForceOptimum(const std::vector<MentorPair>& arcs, int k) {
  std::vector<PersonRef> mentees;
  mentees.reserve(arcs.size());
  for (const MentorPair& a : arcs) mentees.push_back(a.mentee);
  mentees.erase(std::unique(mentees.begin(), mentees.end()), mentees.end());
  std::map<PersonRef, int> load;
  int64_t best = 0;
  std::function<void(size_t, int64_t)> go = [&](size_t i, int64_t total) {
    if (i == mentees.size()) {
      best = std::max(best, total);
      return;
    }
    go(i + 1, total);  // unmatched
    for (const MentorPair& a : arcs) {
      if (a.mentee != mentees[i] || load[a.mentor] >= k) continue;
      ++load[a.mentor];
      go(i + 1, total + a.benefit);
      --load[a.mentor];
    }
  };
  go(0, 0);
  return best;
}

// Candidate arcs straight from the definitions in mentoring.h.
std::set<std::tuple<PersonRef, PersonRef, int>> ReferenceArcs(const SkillIndex& index,
                                                              const MentoringOptions& o) {
  std::set<std::tuple<PersonRef, PersonRef, int>> arcs;
  for (PersonRef r = 0; r < index.person_count(); ++r) {
    double free = 0;
    bool overloaded = false;
    for (int w = 0; w < o.window_weeks; ++w) {
      const double load = index.WeekLoad(r, AddDays(kMonday, 7 * w));
      overloaded = overloaded || load > index.capacity(r);
      free += std::max(0.0, index.capacity(r) - load);
    }
    if (overloaded || free < o.mentor_hours_per_week * o.window_weeks) continue;
    for (PersonRef m = 0; m < index.person_count(); ++m) {
      int best = -1;
      for (const HeldSkill& h : index.skills_of(m)) {
        auto mine = index.Held(r, h.skill);
        if (m == r || !h.wants_to_grow || !mine || mine->level < o.mentor_min_level ||
            mine->level <= h.level) {
          continue;
        }
        int benefit =
            100 + 20 * std::min(mine->level - h.level, 3) +
            (index.attribute(Attribute::kOffice, m) == index.attribute(Attribute::kOffice, r) ? 15
                                                                                              : 0) +
            (index.attribute(Attribute::kPractice, m) == index.attribute(Attribute::kPractice, r)
                 ? 10
                 : 0) +
            std::min(static_cast<int>(free / o.window_weeks), 10);
        best = std::max(best, benefit);
      }
      if (best >= 0) arcs.insert({m, r, best});
    }
  }
  return arcs;
}

TEST(MentoringRound, MatchesBruteForceOptimumAndRespectsCapacity) {
  int rounds_with_pairs = 0;
  for (uint32_t seed = 1; seed <= 80; ++seed) {
    FirmData firm = testing::RandomFirm(
        seed, {.people = 7, .skills = 3, .ratings_per_person = 3, .assignments = 6});
    auto index = SkillIndex::Build(firm);
    ASSERT_TRUE(index.ok());
    RoundOptions options;
    options.mentoring.today = kMonday;
    options.mentoring.mentor_min_level = 3;
    options.mentees_per_mentor = 1 + static_cast<int>(seed % 2);
    options.candidates_per_mentee = 0;
    const auto arcs = CandidatePairs(*index, options);
    std::set<std::tuple<PersonRef, PersonRef, int>> got;
    for (const MentorPair& a : arcs) got.insert({a.mentee, a.mentor, a.benefit});
    ASSERT_EQ(got, ReferenceArcs(*index, options.mentoring)) << "seed " << seed;
    constexpr FlowSolver kSolvers[] = {FlowSolver::kShortestPaths, FlowSolver::kCostScaling,
                                       FlowSolver::kNetworkSimplex};
    options.solver = kSolvers[seed % 3];
    auto round = MentoringRound(*index, options);
    ASSERT_TRUE(round.ok());
    EXPECT_EQ(round->total_benefit, BruteForceOptimum(arcs, options.mentees_per_mentor))
        << "seed " << seed;
    std::map<PersonRef, int> load;
    std::set<PersonRef> mentees;
    for (const MentorPair& p : round->pairs) {
      EXPECT_LE(++load[p.mentor], options.mentees_per_mentor);
      EXPECT_TRUE(mentees.insert(p.mentee).second) << "a mentee got two mentors";
    }
    rounds_with_pairs += round->pairs.empty() ? 0 : 1;
  }
  EXPECT_GT(rounds_with_pairs, 40);
}

TEST(MentoringRound, LimitedCandidatesStillRespectCapacity) {
  FirmData firm = testing::RandomFirm(
      3, {.people = 300, .skills = 10, .ratings_per_person = 5, .assignments = 100});
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  RoundOptions options;
  options.mentoring.today = kMonday;
  options.mentees_per_mentor = 2;
  options.candidates_per_mentee = 2;
  auto round = MentoringRound(*index, options);
  ASSERT_TRUE(round.ok());
  ASSERT_FALSE(round->pairs.empty());
  std::map<PersonRef, int> load;
  for (const MentorPair& p : round->pairs) EXPECT_LE(++load[p.mentor], 2);
  EXPECT_FALSE(ExplainPair(*index, round->pairs[0]).empty());
  options.mentees_per_mentor = 0;
  EXPECT_FALSE(MentoringRound(*index, options).ok());
}

// The default solver (successive shortest paths) against LEMON's on firms
// too large for brute force, with limited and unlimited candidates.
TEST(MentoringRound, ShortestPathsMatchNetworkSimplexOnLargerFirms) {
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    FirmData firm = testing::RandomFirm(
        seed, {.people = 400, .skills = 12, .ratings_per_person = 5, .assignments = 150});
    auto index = SkillIndex::Build(firm);
    ASSERT_TRUE(index.ok());
    RoundOptions options;
    options.mentoring.today = kMonday;
    options.mentoring.mentor_min_level = 3;
    options.mentees_per_mentor = 1 + static_cast<int>(seed % 3);
    options.candidates_per_mentee = seed % 2 == 0 ? 0 : 3;
    options.solver = FlowSolver::kNetworkSimplex;
    auto reference = MentoringRound(*index, options);
    options.solver = FlowSolver::kShortestPaths;
    auto round = MentoringRound(*index, options);
    ASSERT_TRUE(reference.ok() && round.ok());
    ASSERT_GT(reference->pairs.size(), 20u) << "seed " << seed;
    EXPECT_EQ(round->total_benefit, reference->total_benefit) << "seed " << seed;
    EXPECT_EQ(round->candidate_arcs, reference->candidate_arcs);
    std::map<PersonRef, int> load;
    std::set<PersonRef> mentees;
    int64_t total = 0;
    for (const MentorPair& p : round->pairs) {
      EXPECT_LE(++load[p.mentor], options.mentees_per_mentor);
      EXPECT_TRUE(mentees.insert(p.mentee).second) << "a mentee got two mentors";
      total += p.benefit;
    }
    EXPECT_EQ(total, round->total_benefit);
  }
}

FirmData PeopleFirm() {
  FirmData firm;
  firm.skills = {{"py", "Python", "", "", {}}, {"tax", "Tax", "", "", {}}};
  auto person = [&](const char* id, const char* grade, const char* office) {
    firm.people.push_back({.id = id,
                           .name = id,
                           .grade = grade,
                           .practice = "Tech",
                           .office = office,
                           .weekly_capacity_hours = 40});
  };
  person("me", "senior", "London");
  person("guru", "partner", "London");   // python 5, free
  person("busy", "director", "London");  // python 5, overloaded
  person("far", "manager", "Paris");     // python 4, free
  person("pal", "senior", "Paris");      // grows python from 3
  person("kid", "associate", "London");  // grows tax from 1
  auto rate = [&](const char* p, const char* s, int level, bool wants) {
    firm.person_skills.push_back({p, s, RatingSource::kAssessed, level, wants, {}, {}});
  };
  rate("me", "py", 2, true);
  rate("me", "tax", 4, false);
  rate("guru", "py", 5, false);
  rate("busy", "py", 5, false);
  rate("far", "py", 4, false);
  rate("pal", "py", 3, true);
  rate("kid", "tax", 1, true);
  firm.assignments = {{"x", "busy", "o", 45, kMonday, AddDays(kMonday, 60)},
                      {"y", "guru", "o", 30, kMonday, AddDays(kMonday, 60)}};
  // far went from 2 to 4 in a year; guru from 1 to 5 over three years.
  firm.skill_history = {{"far", "py", Date{18000}, 2},
                        {"far", "py", Date{18365}, 4},
                        {"guru", "py", Date{17000}, 1},
                        {"guru", "py", Date{18100}, 5}};
  return firm;
}

TEST(FollowLeadWalkWith, MentorsMenteesPeersAndRoleModels) {
  FirmData firm = PeopleFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MentoringOptions options;
  options.today = kMonday;
  auto mentors = FindMentors(*index, "me", options);
  ASSERT_TRUE(mentors.ok());
  ASSERT_EQ(mentors->size(), 2u);  // busy is overloaded
  // guru: 100 + 20*3 + 15 + 10 + 10 = 195; far: 100 + 20*2 + 0 + 10 + 10 = 160.
  EXPECT_EQ(index->person_id((*mentors)[0].mentor), "guru");
  EXPECT_EQ((*mentors)[0].benefit, 195);
  EXPECT_EQ((*mentors)[1].benefit, 160);
  auto mentees = FindMentees(*index, "me", options);
  ASSERT_TRUE(mentees.ok());
  ASSERT_EQ(mentees->size(), 1u);
  EXPECT_EQ(index->person_id((*mentees)[0].mentee), "kid");
  auto peers = FindPeers(*index, "me", options);
  ASSERT_TRUE(peers.ok());
  ASSERT_EQ(peers->size(), 1u);
  EXPECT_EQ(index->person_id((*peers)[0].person), "pal");
  auto models = FindRoleModels(*index, firm.skill_history, "me", options);
  ASSERT_TRUE(models.ok());
  ASSERT_EQ(models->size(), 2u);  // target 4: far's one-year journey first
  EXPECT_EQ(index->person_id((*models)[0].person), "far");
  EXPECT_EQ((*models)[0].to_level, 4);
  options.target_level = 5;
  models = FindRoleModels(*index, firm.skill_history, "me", options);
  ASSERT_TRUE(models.ok());
  ASSERT_EQ(models->size(), 1u);
  EXPECT_EQ(index->person_id((*models)[0].person), "guru");
}

TEST(FollowLeadWalkWith, AMenteeIsListedOnceWithTheirBestSkill) {
  FirmData firm = PeopleFirm();
  firm.skills.push_back({"vat", "VAT", "", "", {}});
  // kid wants to grow tax (from 1) and VAT (from 2), both of which me can teach.
  firm.person_skills.push_back({"me", "vat", RatingSource::kAssessed, 4, false, {}, {}});
  firm.person_skills.push_back({"kid", "vat", RatingSource::kAssessed, 2, true, {}, {}});
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MentoringOptions options;
  options.today = kMonday;
  auto mentees = FindMentees(*index, "me", options);
  ASSERT_TRUE(mentees.ok());
  ASSERT_EQ(mentees->size(), 1u);  // not once per skill
  EXPECT_EQ(index->person_id((*mentees)[0].mentee), "kid");
  EXPECT_EQ(index->skill_id((*mentees)[0].skill), "tax");  // three levels to grow beat two
}

TEST(FollowLeadWalkWith, MentorsForOneSkillWhetherWantedOrNot) {
  FirmData firm = PeopleFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MentoringOptions options;
  options.today = kMonday;
  const SkillRef py = *index->FindSkill("py");
  const SkillRef tax = *index->FindSkill("tax");
  // far holds Python 4 and does not want to grow it: guru (5) is above, busy
  // (5) is overloaded, far's own level is not "strictly above".
  auto mentors = FindMentorsFor(*index, "far", py, options);
  ASSERT_TRUE(mentors.ok());
  ASSERT_EQ(mentors->size(), 1u);
  EXPECT_EQ(index->person_id((*mentors)[0].mentor), "guru");
  EXPECT_EQ((*mentors)[0].mentee_level, 4);
  // pal holds no Tax: me (Tax 4, free) can mentor from level 0.
  mentors = FindMentorsFor(*index, "pal", tax, options);
  ASSERT_TRUE(mentors.ok());
  ASSERT_EQ(mentors->size(), 1u);
  EXPECT_EQ(index->person_id((*mentors)[0].mentor), "me");
  EXPECT_EQ((*mentors)[0].mentee_level, 0);
  // Nobody holds Python above 5.
  mentors = FindMentorsFor(*index, "guru", py, options);
  ASSERT_TRUE(mentors.ok());
  EXPECT_TRUE(mentors->empty());
  EXPECT_EQ(FindMentorsFor(*index, "nobody", py, options).status().code(), StatusCode::kNotFound);
}

TEST(AdvisoryCircle, SeniorPeerJuniorAndQuarterlyReminder) {
  FirmData firm = PeopleFirm();
  auto index = SkillIndex::Build(firm);
  ASSERT_TRUE(index.ok());
  MentoringOptions options;
  options.today = *ParseDate("2025-02-14");
  std::vector<std::string_view> ladder(std::begin(kDefaultGrades), std::end(kDefaultGrades));
  auto circle = BuildAdvisoryCircle(*index, "me", ladder, options);
  ASSERT_TRUE(circle.ok()) << circle.status().ToString();
  ASSERT_TRUE(circle->senior && circle->peer && circle->junior);
  EXPECT_EQ(index->person_id(circle->senior->person), "far");  // one step up, holds python 4
  EXPECT_EQ(index->person_id(circle->peer->person), "pal");
  EXPECT_EQ(index->person_id(circle->junior->person), "kid");
  EXPECT_EQ(FormatDate(circle->next_review), "2025-04-01");
  EXPECT_EQ(FormatDate(NextQuarterStart(*ParseDate("2025-12-31"))), "2026-01-01");
  EXPECT_EQ(FormatDate(NextQuarterStart(*ParseDate("2025-10-01"))), "2026-01-01");
}

}  // namespace
}  // namespace guild::skills
