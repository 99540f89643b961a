// The firm-wide mentoring round: candidate arcs, then min-cost flow.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "engine/skills/internal/assignment.h"
#include "engine/skills/internal/mentor_common.h"
#include "engine/skills/internal/min_cost_flow.h"
#include "engine/skills/mentoring.h"

namespace guild::skills {

namespace {

constexpr int kScanFactor = 4;
constexpr uint64_t kMixMultiplier = 0x9E3779B97F4A7C15ull;

// An eligible mentor in a skill's list, with what a pair's benefit needs.
struct MentorEntry {
  PersonRef person;
  int32_t office;
  int32_t practice;
  int32_t level;
  double free_per_week;
};

// Eligible mentors of one skill, level descending (then practice, then
// PersonRef, as SkillIndex::holders), and per level L how many are above L.
struct MentorList {
  std::vector<MentorEntry> mentors;
  std::array<int32_t, kMaxLevel + 1> above{};  // above[L]: entries with level > L
};

std::vector<MentorList> MentorLists(const SkillIndex& index,
                                    const std::vector<internal::MentorAvailability>& av,
                                    int mentor_min_level) {
  std::vector<MentorList> lists(index.skill_count());
  for (SkillRef s = 0; s < index.skill_count(); ++s) {
    MentorList& list = lists[s];
    for (const Posting& p : index.holders(s, mentor_min_level)) {
      if (!av[p.person].eligible) continue;
      list.mentors.push_back({p.person, index.attribute(Attribute::kOffice, p.person), p.practice,
                              p.level, av[p.person].free_per_week});
    }
    for (int level = 0; level <= kMaxLevel; ++level) {
      list.above[level] = static_cast<int32_t>(
          std::partition_point(list.mentors.begin(), list.mentors.end(),
                               [&](const MentorEntry& m) { return m.level > level; }) -
          list.mentors.begin());
    }
  }
  return lists;
}

// The mentee's side of a pair.
struct Mentee {
  PersonRef person;
  int32_t office;
  int32_t practice;
};

struct Scanned {
  int benefit;
  PersonRef mentor;
  const MentorEntry* entry;
};

// Candidate pairs of one mentee on one growth skill, appended to `out`:
// the best `per_mentee` (benefit descending, then mentor) of the mentors
// scanned. `scratch` is reused between calls.
void SkillCandidates(const Mentee& mentee, const HeldSkill& h, const MentorList& list,
                     int per_mentee, std::vector<Scanned>& scratch, std::vector<MentorPair>& out) {
  // Mentors above the mentee's level form a prefix of the level-sorted list.
  const auto above = static_cast<size_t>(list.above[std::clamp<int>(h.level, 0, kMaxLevel)]);
  if (above == 0) return;
  const size_t scan = per_mentee == 0 ? above : std::min(above, size_t(per_mentee) * kScanFactor);
  const size_t start =
      per_mentee == 0 ? 0 : (uint64_t(mentee.person) * kMixMultiplier >> 32) % above;
  scratch.clear();
  for (size_t i = 0, at = start; i < scan; ++i, at = at + 1 == above ? 0 : at + 1) {
    const MentorEntry& m = list.mentors[at];
    if (m.person == mentee.person) continue;
    scratch.push_back({internal::PairBenefit(h.level, m.level, m.office == mentee.office,
                                             m.practice == mentee.practice, m.free_per_week),
                       m.person, &m});
  }
  auto better = [](const Scanned& a, const Scanned& b) {
    return a.benefit != b.benefit ? a.benefit > b.benefit : a.mentor < b.mentor;
  };
  size_t keep = scratch.size();
  if (per_mentee > 0 && keep > size_t(per_mentee)) {
    keep = per_mentee;
    std::partial_sort(scratch.begin(), scratch.begin() + keep, scratch.end(), better);
  }
  for (size_t i = 0; i < keep; ++i) {
    const MentorEntry& m = *scratch[i].entry;
    out.push_back({mentee.person, m.person, h.skill, h.level, m.level, m.office == mentee.office,
                   m.practice == mentee.practice, m.free_per_week, scratch[i].benefit});
  }
}

// Keeps, per (mentee, mentor), the pair with the highest benefit, among
// pairs[from..]; sorts them by mentor.
void Dedupe(std::vector<MentorPair>& pairs, size_t from) {
  const auto begin = pairs.begin() + static_cast<std::ptrdiff_t>(from);
  std::sort(begin, pairs.end(), [](const MentorPair& a, const MentorPair& b) {
    return std::make_tuple(a.mentee, a.mentor, -a.benefit, a.skill) <
           std::make_tuple(b.mentee, b.mentor, -b.benefit, b.skill);
  });
  pairs.erase(std::unique(begin, pairs.end(),
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
  size_t most = 0;  // an upper bound on the arcs, to fill `pairs` without regrowing it
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    for (const HeldSkill& h : index.skills_of(p)) {
      if (!h.wants_to_grow) continue;
      const auto above =
          static_cast<size_t>(lists[h.skill].above[std::clamp<int>(h.level, 0, kMaxLevel)]);
      most += options.candidates_per_mentee == 0
                  ? above
                  : std::min(above, static_cast<size_t>(options.candidates_per_mentee));
    }
  }
  std::vector<MentorPair> pairs;
  pairs.reserve(most);
  std::vector<Scanned> scratch;
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    const size_t before = pairs.size();
    const Mentee mentee{p, index.attribute(Attribute::kOffice, p),
                        index.attribute(Attribute::kPractice, p)};
    for (const HeldSkill& h : index.skills_of(p)) {
      if (!h.wants_to_grow) continue;
      SkillCandidates(mentee, h, lists[h.skill], options.candidates_per_mentee, scratch, pairs);
    }
    if (pairs.size() - before > 1) Dedupe(pairs, before);
  }
  return pairs;
}

namespace {

// Nodes for the people on some arc: mentees first (in arc order), then mentors.
struct Nodes {
  std::vector<int32_t> mentee, mentor;  // per person: node or -1
};

Nodes NumberNodes(int32_t people, const std::vector<MentorPair>& arcs, RoundResult& result) {
  Nodes nodes{std::vector<int32_t>(people, -1), std::vector<int32_t>(people, -1)};
  for (const MentorPair& a : arcs) {
    if (nodes.mentee[a.mentee] < 0) nodes.mentee[a.mentee] = result.mentees++;
  }
  for (const MentorPair& a : arcs) {
    if (nodes.mentor[a.mentor] < 0) nodes.mentor[a.mentor] = result.mentors++;
  }
  return nodes;
}

// Min-cost flow with LEMON: per arc, 1 when the pair is chosen.
Result<std::vector<int32_t>> SolveWithLemon(const std::vector<MentorPair>& arcs, const Nodes& nodes,
                                            const RoundResult& counts,
                                            const RoundOptions& options) {
  const int32_t sink = counts.mentees + counts.mentors;
  std::vector<internal::FlowArc> network;
  network.reserve(arcs.size() + sink);
  for (const MentorPair& a : arcs) {
    network.push_back(
        {nodes.mentee[a.mentee], counts.mentees + nodes.mentor[a.mentor], 1, -a.benefit});
  }
  std::vector<int32_t> supply(sink + 1, 0);
  for (int32_t v = 0; v < sink; ++v) {
    const bool mentee = v < counts.mentees;  // a mentee's arc to the sink: stays unmatched
    network.push_back({v, sink, mentee ? 1 : options.mentees_per_mentor, 0});
    supply[v] = mentee ? 1 : 0;
  }
  supply[sink] = -counts.mentees;
  std::vector<int32_t> flow;
  const auto algorithm = options.solver == FlowSolver::kCostScaling
                             ? internal::FlowAlgorithm::kCostScaling
                             : internal::FlowAlgorithm::kNetworkSimplex;
  if (!internal::SolveMinCostFlow(sink + 1, network, supply, algorithm, flow)) {
    return Internal("mentoring round: the min-cost flow found no optimal solution");
  }
  flow.resize(arcs.size());
  return flow;
}

// Successive shortest paths (internal/assignment.h): per arc, 1 when chosen.
std::vector<int32_t> SolveWithShortestPaths(const std::vector<MentorPair>& arcs, const Nodes& nodes,
                                            const RoundResult& counts,
                                            const RoundOptions& options) {
  internal::AssignmentProblem problem;
  problem.left = counts.mentees;
  problem.right = counts.mentors;
  problem.capacity = options.mentees_per_mentor;
  problem.offsets.assign(static_cast<size_t>(counts.mentees) + 1, 0);
  problem.to.reserve(arcs.size());
  problem.benefit.reserve(arcs.size());
  // Arcs are ordered by mentee and mentee nodes follow arc order, so they are CSR already.
  for (const MentorPair& a : arcs) {
    ++problem.offsets[nodes.mentee[a.mentee] + 1];
    problem.to.push_back(nodes.mentor[a.mentor]);
    problem.benefit.push_back(a.benefit);
  }
  for (int32_t m = 0; m < counts.mentees; ++m) problem.offsets[m + 1] += problem.offsets[m];
  std::vector<int32_t> chosen(arcs.size(), 0);
  for (int32_t arc : internal::SolveAssignment(problem)) {
    if (arc >= 0) chosen[arc] = 1;
  }
  return chosen;
}

}  // namespace

Result<RoundResult> MentoringRound(const SkillIndex& index, const RoundOptions& options) {
  if (options.mentees_per_mentor < 1) {
    return InvalidArgument("mentoring round: mentees per mentor (k) expected >= 1");
  }
  const std::vector<MentorPair> arcs = CandidatePairs(index, options);
  if (arcs.size() >= static_cast<size_t>(INT32_MAX)) {
    return InvalidArgument("mentoring round: too many candidate arcs (" +
                           std::to_string(arcs.size()) + "); lower candidates_per_mentee");
  }
  RoundResult result;
  const Nodes nodes = NumberNodes(index.person_count(), arcs, result);
  std::vector<int32_t> chosen;
  if (options.solver == FlowSolver::kShortestPaths) {
    chosen = SolveWithShortestPaths(arcs, nodes, result, options);
  } else {
    ASSIGN_OR_RETURN(chosen, SolveWithLemon(arcs, nodes, result, options));
  }
  for (size_t i = 0; i < arcs.size(); ++i) {
    if (chosen[i] == 0) continue;
    result.pairs.push_back(arcs[i]);
    result.total_benefit += arcs[i].benefit;
  }
  result.candidate_arcs = static_cast<int64_t>(arcs.size());
  return result;
}

}  // namespace guild::skills
