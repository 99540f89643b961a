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

// A candidate arc as generation produces it: 16 bytes instead of a
// MentorPair's 40; the mentee is implied by the CSR row it sits in and the
// mentor's free hours are read back from the availability table.
struct CompactArc {
  PersonRef mentor;
  int32_t benefit;
  SkillRef skill;
  int8_t mentee_level;
  int8_t mentor_level;
  bool same_office;
  bool same_practice;
};
static_assert(sizeof(CompactArc) == 16);

// Candidate pairs of one mentee on one growth skill, appended to `out`:
// the best `per_mentee` (benefit descending, then mentor) of the mentors
// scanned. `scratch` is reused between calls.
void SkillCandidates(const Mentee& mentee, const HeldSkill& h, const MentorList& list,
                     int per_mentee, std::vector<Scanned>& scratch, std::vector<CompactArc>& out) {
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
    std::partial_sort(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(keep),
                      scratch.end(), better);
  }
  for (size_t i = 0; i < keep; ++i) {
    const MentorEntry& m = *scratch[i].entry;
    out.push_back({m.person, scratch[i].benefit, h.skill, static_cast<int8_t>(h.level),
                   static_cast<int8_t>(m.level), m.office == mentee.office,
                   m.practice == mentee.practice});
  }
}

// Keeps, per mentor, the arc with the highest benefit (ties: lowest skill)
// among arcs[from..], all of one mentee; sorts them by mentor.
void Dedupe(std::vector<CompactArc>& arcs, size_t from) {
  const auto begin = arcs.begin() + static_cast<std::ptrdiff_t>(from);
  std::sort(begin, arcs.end(), [](const CompactArc& a, const CompactArc& b) {
    return std::make_tuple(a.mentor, -a.benefit, a.skill) <
           std::make_tuple(b.mentor, -b.benefit, b.skill);
  });
  arcs.erase(
      std::unique(begin, arcs.end(),
                  [](const CompactArc& a, const CompactArc& b) { return a.mentor == b.mentor; }),
      arcs.end());
}

// The candidate arcs in CSR by mentee: the arcs of mentees[i] are
// arcs[offsets[i] .. offsets[i + 1]), ordered by mentor. Only people with at
// least one arc are mentees.
struct CandidateSet {
  std::vector<PersonRef> mentees;
  std::vector<int64_t> offsets{0};
  std::vector<CompactArc> arcs;
  std::vector<internal::MentorAvailability> av;  // per person

  MentorPair Pair(size_t mentee, size_t arc) const {
    const CompactArc& a = arcs[arc];
    return {mentees[mentee], a.mentor,      a.skill,         a.mentee_level,
            a.mentor_level,  a.same_office, a.same_practice, av[a.mentor].free_per_week,
            a.benefit};
  }
};

// Whether the round offers `p` mentors for `h`: a growth skill not already
// in an active mentorship of theirs.
bool Offered(const RoundOptions& options, PersonRef p, const HeldSkill& h) {
  return h.wants_to_grow && !std::binary_search(options.mentored.begin(), options.mentored.end(),
                                                std::make_pair(p, h.skill));
}

CandidateSet Candidates(const SkillIndex& index, const RoundOptions& options) {
  CandidateSet set;
  set.av.resize(index.person_count());
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    set.av[p] = internal::Availability(index, p, options.mentoring);
  }
  const auto lists = MentorLists(index, set.av, options.mentoring.mentor_min_level);
  size_t most = 0;  // an upper bound on the arcs, to fill `arcs` without regrowing it
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    for (const HeldSkill& h : index.skills_of(p)) {
      if (!Offered(options, p, h)) continue;
      const auto above =
          static_cast<size_t>(lists[h.skill].above[std::clamp<int>(h.level, 0, kMaxLevel)]);
      most += options.candidates_per_mentee == 0
                  ? above
                  : std::min(above, static_cast<size_t>(options.candidates_per_mentee));
    }
  }
  set.arcs.reserve(most);
  std::vector<Scanned> scratch;
  for (PersonRef p = 0; p < index.person_count(); ++p) {
    const size_t before = set.arcs.size();
    const Mentee mentee{p, index.attribute(Attribute::kOffice, p),
                        index.attribute(Attribute::kPractice, p)};
    for (const HeldSkill& h : index.skills_of(p)) {
      if (!Offered(options, p, h)) continue;
      SkillCandidates(mentee, h, lists[h.skill], options.candidates_per_mentee, scratch, set.arcs);
    }
    if (set.arcs.size() == before) continue;
    if (set.arcs.size() - before > 1) Dedupe(set.arcs, before);
    set.mentees.push_back(p);
    set.offsets.push_back(static_cast<int64_t>(set.arcs.size()));
  }
  return set;
}

}  // namespace

std::vector<MentorPair> CandidatePairs(const SkillIndex& index, const RoundOptions& options) {
  const CandidateSet set = Candidates(index, options);
  std::vector<MentorPair> pairs;
  pairs.reserve(set.arcs.size());
  for (size_t m = 0; m < set.mentees.size(); ++m) {
    for (auto a = set.offsets[m]; a < set.offsets[m + 1]; ++a) pairs.push_back(set.Pair(m, a));
  }
  return pairs;
}

namespace {

// Mentor nodes in order of first appearance in the arcs (mentee nodes are
// the CSR rows); per arc, its mentor's node.
std::vector<int32_t> MentorNodes(int32_t people, const CandidateSet& set, RoundResult& result) {
  std::vector<int32_t> node(people, -1);
  std::vector<int32_t> to;
  to.reserve(set.arcs.size());
  for (const CompactArc& a : set.arcs) {
    if (node[a.mentor] < 0) node[a.mentor] = result.mentors++;
    to.push_back(node[a.mentor]);
  }
  return to;
}

// Min-cost flow with LEMON: per arc, 1 when the pair is chosen.
Result<std::vector<int32_t>> SolveWithLemon(const CandidateSet& set, const std::vector<int32_t>& to,
                                            const RoundResult& counts,
                                            const RoundOptions& options) {
  const int32_t sink = counts.mentees + counts.mentors;
  std::vector<internal::FlowArc> network;
  network.reserve(set.arcs.size() + sink);
  for (int32_t m = 0; m < counts.mentees; ++m) {
    for (auto a = set.offsets[m]; a < set.offsets[m + 1]; ++a) {
      network.push_back({m, counts.mentees + to[a], 1, -set.arcs[a].benefit});
    }
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
  flow.resize(set.arcs.size());
  return flow;
}

// Successive shortest paths (internal/assignment.h): per arc, 1 when chosen.
std::vector<int32_t> SolveWithShortestPaths(const CandidateSet& set, std::vector<int32_t> to,
                                            const RoundResult& counts,
                                            const RoundOptions& options) {
  internal::AssignmentProblem problem;
  problem.left = counts.mentees;
  problem.right = counts.mentors;
  problem.capacity = options.mentees_per_mentor;
  problem.offsets = set.offsets;
  problem.to = std::move(to);
  problem.benefit.reserve(set.arcs.size());
  for (const CompactArc& a : set.arcs) problem.benefit.push_back(a.benefit);
  std::vector<int32_t> chosen(set.arcs.size(), 0);
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
  const CandidateSet set = Candidates(index, options);
  if (set.arcs.size() >= static_cast<size_t>(INT32_MAX)) {
    return InvalidArgument("mentoring round: too many candidate arcs (" +
                           std::to_string(set.arcs.size()) + "); lower candidates_per_mentee");
  }
  RoundResult result;
  result.mentees = static_cast<int32_t>(set.mentees.size());
  std::vector<int32_t> to = MentorNodes(index.person_count(), set, result);
  std::vector<int32_t> chosen;
  if (options.solver == FlowSolver::kShortestPaths) {
    chosen = SolveWithShortestPaths(set, std::move(to), result, options);
  } else {
    ASSIGN_OR_RETURN(chosen, SolveWithLemon(set, to, result, options));
  }
  for (size_t m = 0; m < set.mentees.size(); ++m) {
    for (auto a = set.offsets[m]; a < set.offsets[m + 1]; ++a) {
      if (chosen[a] == 0) continue;
      result.pairs.push_back(set.Pair(m, a));
      result.total_benefit += set.arcs[a].benefit;
    }
  }
  result.candidate_arcs = static_cast<int64_t>(set.arcs.size());
  return result;
}

}  // namespace guild::skills
