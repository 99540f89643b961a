// The staffing solver: candidate generation, Lagrangian bound, regret
// construction and local search over a Problem (groups of identical seats).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/staffing/internal/context.h"

namespace guild::staffing::internal {

struct Cand {
  uint32_t person = 0;
  uint32_t agent = 0;  //!< dense index among the problem's candidate people
  double cost = 0;
  int8_t stretch_req = -1;  //!< requirement stretched, or -1
  bool pinned = false;
};

//! The seats of one opening.
struct Group {
  OpeningFacts facts;
  std::vector<Cand> cands;  //!< by cost ascending, distinct people
  int first_seat = 0;
  int seats = 0;
  size_t cand_offset = 0;           //!< position of cands[0] among all candidates
  std::string no_candidate_reason;  //!< when cands is empty
};

struct Problem {
  const Context* ctx = nullptr;
  std::vector<Opening> owned_openings;  //!< incremental: the opening asked about
  std::vector<Group> groups;
  std::vector<uint32_t> seat_group;
  std::vector<uint32_t> agent_person;
  std::unordered_map<uint32_t, uint32_t> agent_of;  //!< person -> agent
  std::vector<float> agent_free;                    //!< [a * weeks + w]
  std::unordered_map<uint32_t, std::vector<uint32_t>> groups_of_engagement;
  std::vector<ConstraintIssue> issues;  //!< pins that cannot be met
  int64_t candidate_count = 0;
  // What the bounds solve for: the seats the pins leave (FinishProblem sets
  // them to the whole problem, RecordPins takes the seated pins out).
  std::vector<int> free_seats;      //!< per group: seats not held by a pin
  std::vector<float> bound_free;    //!< [a * weeks + w]: free hours less the pins' hours
  std::vector<uint8_t> pinned_out;  //!< per candidate (cand_offset + k): left out by the pins
  double pinned_cost = 0;           //!< the seated pins' cost
  //! (agent, weeks past the horizon) of each seated pin whose seat runs past it.
  std::vector<std::pair<uint32_t, Booking>> pinned_late;
};

//! Per seat: index into its group's cands, or -1.
struct State {
  std::vector<int> pick;
  std::vector<uint8_t> fixed;  //!< pinned seats never move
  std::vector<float> used;     //!< [a * weeks + w] planned hours
  std::vector<std::vector<uint32_t>> seats_of_agent;
  double objective = 0;
};

using SteadyClock = std::chrono::steady_clock;

//! Adds a group for `facts` with its candidates to `problem`.
void AddGroup(Problem& problem, OpeningFacts facts);
//! Gives agents their numbers and free hours once every group is added.
void FinishProblem(Problem& problem);

//! Empty state: every seat unfilled.
State EmptyState(const Problem& problem);
//! Seats pinned candidates first (fixed); records pins that cannot be met.
int PlacePins(Problem& problem, State& state);
//! Takes the pins `state` seats (fixed seats) out of what the bounds solve:
//! every plan PlanAll can return seats them (H4), so the bounds count their
//! cost, their hours and their seats as given; a pinned stretch person also
//! leaves the opening's other stretch candidates out (one stretch person).
void RecordPins(Problem& problem, const State& state);
//! Regret greedy over the remaining seats, on `adjusted` costs (indexed by
//! cand_offset + k; null = the real costs). Returns seats filled.
int ConstructRegret(const Problem& problem, State& state,
                    const std::vector<double>* adjusted = nullptr);
//! Shift / swap / ejection descent keeping every hard constraint. Returns
//! the number of improving moves.
int64_t LocalSearch(const Problem& problem, State& state, SteadyClock::time_point deadline);
//! Ruin and recreate around unfilled seats until the deadline: frees the
//! seats held by an unfilled seat's candidates, refills them in a random
//! order and descends; keeps the result only when the objective drops.
//! Returns the number of kept rounds.
int64_t RuinRecreate(const Problem& problem, State& state, SteadyClock::time_point deadline,
                     uint64_t seed);
//! Per candidate (cand_offset + k): 0 when no plan can seat it - a stretch
//! candidate whose engagement has no static coach for the skill and no
//! candidate on any of its openings who could coach it. The bounds leave
//! those out (still valid: no feasible plan uses them).
std::vector<uint8_t> SeatableCandidates(const Problem& problem);
//! Lagrangian lower bound (relaxing person-week capacities). When
//! `adjusted` is set, it receives the candidates' costs plus their capacity
//! prices at the best multipliers (for a Lagrangian construction). When
//! `seat_prices` is set, it receives per group the seat price those
//! multipliers imply (a warm start for KnapsackBound).
double LagrangianBound(const Problem& problem, double upper, int iterations,
                       SteadyClock::time_point deadline, std::vector<double>* adjusted = nullptr,
                       std::vector<double>* seat_prices = nullptr);

struct KnapsackResult {
  double bound = 0;                //!< best K(mu), at most `upper`
  double uncapped = 0;             //!< best K(mu) itself (above `upper` only if invalid)
  double first = 0;                //!< K at the warm start
  double after_ascent = 0;         //!< best K after the block-coordinate ascent
  int ascent_passes = 0;           //!< passes of block-coordinate ascent over the openings
  int iterations = 0;              //!< evaluations of K
  int64_t inexact_people = 0;      //!< at the best mu: people bounded, not solved exactly
  double after_columns = 0;        //!< best K after the column generation
  int column_rounds = 0;           //!< restricted master LPs solved
  int64_t columns = 0;             //!< patterns the pricing added
  bool columns_converged = false;  //!< no pattern left to add: max K reached
  double master_value = 0;         //!< the last restricted master's value (not a bound)
};
//! Lagrangian lower bound relaxing the seat rows instead (one price per
//! group): one exact multi-week knapsack per person. Can exceed the LP
//! relaxation. `warm`: initial prices per group (empty = zero); `upper`: the
//! best known objective (the Polyak target).
//! When `adjusted` is set, it receives per candidate (cand_offset + k) its
//! cost plus the person's opportunity cost of the seat at the best prices:
//! their best other seats with its hours reserved minus without (a guide for
//! a Lagrangian construction).
KnapsackResult KnapsackBound(const Problem& problem, double upper, const std::vector<double>& warm,
                             int iterations, SteadyClock::time_point deadline,
                             std::vector<double>* adjusted = nullptr);
//! Objective of `state` recomputed.
double Objective(const Problem& problem, const State& state);
//! The first rule that keeps a candidate off a seat in a state.
struct Blocker {
  enum Rule {
    kNone,         //!< the candidate can take the seat
    kSameOpening,  //!< they hold another seat of the opening (H5)
    kOneStretch,   //!< the opening has its one stretch person (H3)
    kCapacity,     //!< no room in `week` after the seats they hold (H1)
    kNoCoach,      //!< a stretch seat without a coach on the engagement (H3)
  };
  Rule rule = kNone;
  int week = -1;  //!< kCapacity: the first week without room
};
//! Why candidate `c` of seat `s`'s group cannot take the seat now.
Blocker FirstBlocker(const Problem& problem, const State& state, uint32_t seat, int c);
//! `b` in words, for `cand` on `seat`, naming them `who` ("capacity: Ana
//! Ruiz (p1) has no free hours in the week of 2026-04-06 after the rest of
//! the plan"; `plural` when `who` names several); empty for kNone.
std::string DescribeBlocker(const Problem& problem, uint32_t seat, const Cand& cand,
                            const Blocker& b, const std::string& who, bool plural);
//! Whether candidate `c` of seat `s`'s group can take the seat now.
bool CanTake(const Problem& problem, const State& state, uint32_t seat, int c);
//! The planned or static coach of a stretch pick (kNoIndex when none).
uint32_t CoachOf(const Problem& problem, const State& state, uint32_t seat, int c);
//! Late parts (weeks past the horizon) of the seats `agent` holds in `state`.
std::vector<Booking> PlannedPastHorizon(const Problem& problem, const State& state, uint32_t agent);
//! The first week past the horizon in which `cand` has no room for `seat`
//! after the seats they hold in `state`, or -1 (also when the seat ends
//! inside the horizon, whose weeks the agent grids check).
int FirstWeekOverPastHorizon(const Problem& problem, const State& state, uint32_t seat,
                             const Cand& cand);
void Place(const Problem& problem, State& state, uint32_t seat, int c);
void Remove(const Problem& problem, State& state, uint32_t seat);

}  // namespace guild::staffing::internal
