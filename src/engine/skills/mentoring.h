// Follow, lead, walk with: role models, mentors, mentees, peers, a person's
// advisory circle, and the firm-wide mentoring round.
//
// Definitions:
//  - A person's growth skills are the skills they hold with wants_to_grow.
//  - An eligible mentor is a person whose free hours in the window
//    [today, today + window_weeks weeks) are at least
//    mentor_hours_per_week * window_weeks and whose load is at or below
//    weekly capacity in every week of that window (not overloaded).
//  - A mentor for skill S holds S at mentor_min_level or above, strictly
//    above the mentee's level on S.
//  - Benefit of mentor r for mentee m on skill S (an integer, larger is better):
//        100                                   (m wants to grow S)
//      + 20 * min(level_r - level_m, 3)        (room to learn, capped)
//      + 15 if same office + 10 if same practice
//      + min(floor(r's free hours per week in the window), 10)  (availability)
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

struct MentoringOptions {
  Date today;                        //!< injected; the window starts here
  int mentor_min_level = 4;          //!< Advanced
  int window_weeks = 4;              //!< >= 1
  double mentor_hours_per_week = 2;  //!< time a mentor must have free
  int peer_level_distance = 1;       //!< peers sit within this many levels
  //! Role models: the level to reach; 0 = max(my level + 1, mentor_min_level).
  int target_level = 0;
  int limit = 10;  //!< rows returned per list; 0 = all
};

struct RoleModel {
  PersonRef person = kNone;
  SkillRef skill = kNone;
  int from_level = 0;
  Date from_date;
  int to_level = 0;
  Date to_date;
};

//! People whose recorded history on one of my growth skills went from my
//! level or below (level 1 or below when I hold none) to the target or above,
//! later. Ranked by the shortest journey, then most recent arrival, then id.
Result<std::vector<RoleModel>> FindRoleModels(const SkillIndex& index,
                                              std::span<const SkillHistoryEntry> history,
                                              std::string_view person_id,
                                              const MentoringOptions& options);

//! A possible mentoring pair and its benefit.
struct MentorPair {
  PersonRef mentee = kNone;
  PersonRef mentor = kNone;
  SkillRef skill = kNone;
  int mentee_level = 0;
  int mentor_level = 0;
  bool same_office = false;
  bool same_practice = false;
  double mentor_free_hours_per_week = 0;
  int benefit = 0;
};

//! Eligible mentors for my growth skills, best benefit first (then mentor
//! id, then skill). Errors: kNotFound for an unknown person.
Result<std::vector<MentorPair>> FindMentors(const SkillIndex& index, std::string_view person_id,
                                            const MentoringOptions& options);

//! Eligible mentors for one skill, whether or not I want to grow it (a gap
//! to a role): holders at mentor_min_level or above and strictly above my
//! level on it (0 when I hold none), with the benefit defined above; best
//! first (then mentor id). Errors: kNotFound for an unknown person.
Result<std::vector<MentorPair>> FindMentorsFor(const SkillIndex& index, std::string_view person_id,
                                               SkillRef skill, const MentoringOptions& options);

//! People who want to grow a skill I hold at mentor_min_level or above, from
//! a lower level; best benefit first, each person once (with the skill of
//! their best pair). Requires nothing of my availability.
Result<std::vector<MentorPair>> FindMentees(const SkillIndex& index, std::string_view person_id,
                                            const MentoringOptions& options);

struct Peer {
  PersonRef person = kNone;
  std::vector<SkillRef> shared;  //!< growth skills we share, within the level distance
  int level_distance = 0;        //!< sum over shared skills of |their level - mine|
};

//! People growing the same skills from a similar level: most shared skills
//! first, then smallest level distance, then id.
Result<std::vector<Peer>> FindPeers(const SkillIndex& index, std::string_view person_id,
                                    const MentoringOptions& options);

struct CircleMember {
  PersonRef person = kNone;
  std::string reason;
};

//! Someone senior, a peer and someone junior, and when to consult them next.
struct AdvisoryCircle {
  std::optional<CircleMember> senior;
  std::optional<CircleMember> peer;
  std::optional<CircleMember> junior;
  Date next_review;  //!< first day of the calendar quarter after options.today
};

//! `ladder` lists grades most senior first (case-insensitive). Senior: the
//! nearest grade above, preferring someone who holds one of my growth skills
//! at mentor_min_level, then my practice. Peer: my grade, preferring shared
//! growth skills, then my practice. Junior: the nearest grade below,
//! preferring someone growing a skill I hold at mentor_min_level, then my
//! practice. Errors: kNotFound for an unknown person; kFailedPrecondition
//! when the person's grade is not on the ladder.
Result<AdvisoryCircle> BuildAdvisoryCircle(const SkillIndex& index, std::string_view person_id,
                                           std::span<const std::string_view> ladder,
                                           const MentoringOptions& options);

//! First day of the calendar quarter after `today`.
Date NextQuarterStart(Date today);

//! How the round's min-cost flow is solved; all three are exact and give the
//! same total benefit (the chosen pairs may differ among equal optima).
enum class FlowSolver {
  kCostScaling,     //!< LEMON's CostScaling (general min-cost flow)
  kNetworkSimplex,  //!< LEMON's NetworkSimplex (general min-cost flow)
  //! Successive shortest paths specialised to this bipartite problem
  //! (internal/assignment.h): mentees added one at a time, each augmenting
  //! along a shortest path found by Dijkstra with potentials. Seconds at
  //! firm scale where the general solvers take minutes.
  kShortestPaths,
};

struct RoundOptions {
  MentoringOptions mentoring;
  int mentees_per_mentor = 3;  //!< k >= 1
  //! Candidate mentors per mentee and growth skill: the best C of up to 4C
  //! eligible mentors read from a mentee-specific rotated start of the
  //! skill's mentor list (spreading load). 0 = every eligible mentor.
  int candidates_per_mentee = 8;
  FlowSolver solver = FlowSolver::kShortestPaths;  //!< the fastest at firm scale
  //! (mentee, skill) pairs already in an active mentorship, sorted: the
  //! mentee is offered no mentor for that skill (it is not a growth skill of
  //! theirs in this round). Empty: none.
  std::vector<std::pair<PersonRef, SkillRef>> mentored;
};

//! The candidate arcs of a round: per (mentee, mentor), the skill with the
//! highest benefit (ties: lowest SkillRef). Ordered by mentee, then mentor.
std::vector<MentorPair> CandidatePairs(const SkillIndex& index, const RoundOptions& options);

struct RoundResult {
  std::vector<MentorPair> pairs;  //!< ordered by mentee
  int64_t total_benefit = 0;
  int64_t candidate_arcs = 0;
  int32_t mentees = 0;  //!< people with at least one candidate mentor
  int32_t mentors = 0;  //!< people who appear as a candidate mentor
};

//! A firm-wide mentoring round: each mentee gets at most one mentor (for one
//! skill) per round, each mentor at most mentees_per_mentor (k) mentees.
//!
//! What the optimum is over: exactly the arcs CandidatePairs returns, i.e.
//! per mentee m and growth skill S (not in options.mentored), the skill's eligible mentors (level
//! >= mentor_min_level, sorted level descending, practice, PersonRef) cut to those strictly above
//! m's level on S; from a start fixed by m
//! ((m * 0x9E3779B97F4A7C15 >> 32) mod their count), up to 4C of them are
//! read cyclically (C = candidates_per_mentee; m itself skipped) and the best
//! C kept (benefit descending, then mentor PersonRef); then per (mentee,
//! mentor) only the skill of highest benefit (ties: lowest SkillRef). The
//! pairs returned have the largest total benefit of any assignment over those
//! arcs respecting both limits (unmatched mentees add 0); every solver reaches
//! that total, ties between equal optima may be broken differently. With
//! candidates_per_mentee = 0 the arcs are every eligible (mentee, mentor) pair
//! and the round is optimal over all of them. The work is one global problem,
//! not split into components. Errors: kInvalidArgument for k < 1 or more than
//! 2^31 - 1 arcs; kInternal when a LEMON solver fails.
Result<RoundResult> MentoringRound(const SkillIndex& index, const RoundOptions& options);

//! "Ada (Python 2) with Grace (Python 5): +3 levels to learn, same office, 6h/week free".
std::string ExplainPair(const SkillIndex& index, const MentorPair& pair);

}  // namespace guild::skills
