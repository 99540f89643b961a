// The firm-wide mentoring round: candidate arcs, then min-cost flow.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>

#include "engine/skills/internal/mentor_common.h"
#include "engine/skills/internal/min_cost_flow.h"
#include "engine/skills/mentoring.h"

namespace guild::skills {

namespace {

constexpr int kScanFactor = 4;
constexpr uint64_t kMixMultiplier = 0x9E3779B97F4A7C15ull;

// Eligible mentors of one skill: (person, level), level descending.
std::vector<std::vector<Posting>> MentorLists(const SkillIndex& index,
                                              const std::vector<internal::MentorAvailability>& av,
                                              int mentor_min_level) {
  std::vector<std::vector<Posting>> lists(index.skill_count());
  for (SkillRef s = 0; s < index.skill_count(); ++s) {
    for (const Posting& p : index.holders(s, mentor_min_level)) {
      if (av[p.person].eligible) lists[s].push_back(p);
    }
  }
  return lists;
}

// Candidate pairs of one mentee on one growth skill, appended to `out`.
void SkillCandidates(const SkillIndex& index, PersonRef mentee, const HeldSkill& h,
                     const std::vector<Posting>& mentors,
                     const std::vector<internal::MentorAvailability>& av, int per_mentee,
                     std::vector<MentorPair>& out) {
  // Mentors above the mentee's level form a prefix of the level-sorted list.
  const auto above =
      static_cast<size_t>(std::find_if(mentors.begin(), mentors.end(),
                                       [&](const Posting& p) { return p.level <= h.level; }) -
                          mentors.begin());
  if (above == 0) return;
  const size_t scan = per_mentee == 0 ? above : std::min(above, size_t(per_mentee) * kScanFactor);
  const size_t start = per_mentee == 0 ? 0 : (uint64_t(mentee) * kMixMultiplier >> 32) % above;
  std::vector<MentorPair> found;
  for (size_t i = 0; i < scan; ++i) {
    const Posting& m = mentors[(start + i) % above];
    if (m.person == mentee) continue;
    found.push_back(internal::MakePair(index, mentee, h.level, m.person, m.level, h.skill,
                                       av[m.person].free_per_week));
  }
  if (per_mentee > 0 && found.size() > size_t(per_mentee)) {
    std::partial_sort(found.begin(), found.begin() + per_mentee, found.end(), internal::BetterPair);
    found.resize(per_mentee);
  }
  out.insert(out.end(), found.begin(), found.end());
}

// Keeps, per (mentee, mentor), the pair with the highest benefit.
void Dedupe(std::vector<MentorPair>& pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const MentorPair& a, const MentorPair& b) {
    return std::make_tuple(a.mentee, a.mentor, -a.benefit, a.skill) <
           std::make_tuple(b.mentee, b.mentor, -b.benefit, b.skill);
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const MentorPair& a, const MentorPair& b) {
                            return a.mentee == b.mentee && a.mentor == b.mentor;
                          }),
              pairs.end());
}

}  // namespace

std::vector<MentorPair> CandidatePairs(const SkillIndex& index, const RoundOptions& options) {
  std::vector<internal::MentorAvailability> av(index.person_count());
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    av[p] = internal::Availability(index, p, options.mentoring);
  }
  const auto lists = MentorLists(index, av, options.mentoring.mentor_min_level);
  std::vector<MentorPair> pairs;
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    const size_t before = pairs.size();
    for (const HeldSkill& h : index.skills_of(p)) {
      if (!h.wants_to_grow) continue;
      SkillCandidates(index, p, h, lists[h.skill], av, options.candidates_per_mentee, pairs);
    }
    if (pairs.size() - before > 1) {
      std::vector<MentorPair> mine(pairs.begin() + before, pairs.end());
      Dedupe(mine);
      pairs.resize(before);
      pairs.insert(pairs.end(), mine.begin(), mine.end());
    }
  }
  return pairs;
}

Result<RoundResult> MentoringRound(const SkillIndex& index, const RoundOptions& options) {
  if (options.mentees_per_mentor < 1) {
    return InvalidArgument("mentoring round: mentees per mentor (k) expected >= 1");
  }
  const std::vector<MentorPair> arcs = CandidatePairs(index, options);
  const int n = index.person_count();
  // Only people on some arc get a node: first mentees, then mentors, then the sink.
  std::vector<int32_t> mentee_node(n, -1), mentor_node(n, -1);
  RoundResult result;
  for (const MentorPair& a : arcs) {
    if (mentee_node[a.mentee] < 0) mentee_node[a.mentee] = result.mentees++;
  }
  for (const MentorPair& a : arcs) {
    if (mentor_node[a.mentor] < 0) mentor_node[a.mentor] = result.mentees + result.mentors++;
  }
  const int32_t sink = result.mentees + result.mentors;
  std::vector<internal::FlowArc> network;
  network.reserve(arcs.size() + sink);
  for (const MentorPair& a : arcs) {
    network.push_back({mentee_node[a.mentee], mentor_node[a.mentor], 1, -a.benefit});
  }
  std::vector<int32_t> supply(sink + 1, 0);
  for (int32_t v = 0; v < sink; ++v) {
    const bool mentee = v < result.mentees;  // a mentee's arc to the sink: stays unmatched
    network.push_back({v, sink, mentee ? 1 : options.mentees_per_mentor, 0});
    supply[v] = mentee ? 1 : 0;
  }
  supply[sink] = -result.mentees;
  std::vector<int32_t> flow;
  const auto algorithm = options.solver == FlowSolver::kCostScaling
                             ? internal::FlowAlgorithm::kCostScaling
                             : internal::FlowAlgorithm::kNetworkSimplex;
  if (!internal::SolveMinCostFlow(sink + 1, network, supply, algorithm, flow)) {
    return Internal("mentoring round: the min-cost flow found no optimal solution");
  }
  for (size_t i = 0; i < arcs.size(); ++i) {
    if (flow[i] == 0) continue;
    result.pairs.push_back(arcs[i]);
    result.total_benefit += arcs[i].benefit;
  }
  result.candidate_arcs = static_cast<int64_t>(arcs.size());
  return result;
}

}  // namespace guild::skills
