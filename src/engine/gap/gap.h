// Generalized Assignment Problem (GAP) solver for the public benchmark
// instances (OR-Library, Yagiura): `guild gap solve` and bench/gap. The
// staffing engine does not use it: a person's capacity there is a row per
// week and an opening's seats must go to distinct people, which this model
// (one capacity per agent, independent jobs) cannot state; it has its own
// solver (src/engine/staffing, docs/STAFFING.md).
//
// Model (minimisation): every job goes to exactly one of its candidate agents;
// the weights of the jobs given to an agent must not exceed its capacity;
// minimise the total cost. The instance is SPARSE: each job lists only the
// agents allowed for it. A dense benchmark file is the case where every
// agent is a candidate of every job (see ParseGapText).
//
// SolveGap runs a pipeline of named steps, each timed and reported:
//   lp_bound          LP relaxation with COIN-OR CLP; its capacity duals seed
//                     the Lagrangian multipliers. It may use 30% of the time
//                     limit (wall clock); past that the subgradient step
//                     alone computes the multipliers.
//   lagrangian_bound  Lagrangian relaxation of the capacity constraints,
//                     subgradient optimisation. The reported lower bound is
//                     always recomputed from multipliers, so it is valid
//                     whatever the LP solver's tolerances.
//   construct         Lagrangian-cost regret greedy.
//   repair            Penalised shift/swap descent that removes overload.
//   local_search      Shift, swap and ejection-chain descent (feasible).
//   knapsack_bound    Lagrangian relaxation of the assignment constraints:
//                     one exact 0-1 knapsack per agent (dynamic programming
//                     over its capacity; skipped when capacities make that
//                     too large), subgradient on the job multipliers. Its
//                     bound is at least the LP's. Rounds near a feasible
//                     assignment are assembled, repaired and polished; the
//                     best few seed the metaheuristic's elite pool; its
//                     per-candidate fixing costs cut the candidate lists.
//                     May use 40% of the time limit up to 400 jobs, else 10%.
//   branch_and_bound  Depth-first search with the Lagrangian bound and a node
//                     budget; proves optimality on small instances.
//   knapsack_search   Depth-first branch and bound with the knapsack
//                     Lagrangian re-optimised at every node (warm-started
//                     subgradient, forced jobs packed in advance) and
//                     reduced-cost fixing against the best cost - 1; its
//                     plans become the best solution. On up to 1000 jobs.
//                     Where a round of knapsacks is cheap (at most
//                     knapsack_search_max_cells dynamic-programming cells)
//                     it searches the whole instance for up to 60% of the
//                     time limit and proves optimality when its tree is
//                     exhausted; above, it searches a core problem (about 3
//                     candidates per job, 2 from 20 jobs per agent; the
//                     least capacity reduced costs), a heuristic
//                     restriction, for up to 30%. Never into the subset
//                     search's share.
//   metaheuristic     Tabu search over shifts and ejection chains with
//                     adaptive capacity penalties (strategic oscillation)
//                     over candidate lists cut by Lagrangian reduced-cost
//                     fixing; short walks restart from the best solution or
//                     a small elite pool (on up to 200 jobs, half of them
//                     then path-relinked part of the way towards another of
//                     those solutions; after 150 restarts without a new
//                     best the pool returns to the knapsack step's seeds);
//                     stops at 70% of the time limit when subset_search
//                     follows, else uses the time left.
//   subset_search     Large-neighbourhood search: a random agent and the
//                     agents most related to it (where its jobs' next
//                     cheapest candidates lie), about 80 jobs at first,
//                     then sized so that about 70% of the searches end;
//                     their jobs are re-split among them exactly by the
//                     knapsack_search tree search (1.5% of the time limit
//                     each) and any cheaper plan is kept; until the time
//                     limit, or subset_search_max_subsets subsets. Needs
//                     three agents; off in iteration-limited runs
//                     (max_iterations > 0).
//
// The descents of construct, repair, local_search and knapsack_bound, and
// about half the metaheuristic walks (drawn at random at each restart),
// search a core problem: each job's candidates cut to those among the
// 3 * jobs least capacity reduced costs of the instance (always keeping the
// job's least one; not on 5 or fewer agents). It is a heuristic
// restriction; bounds and fixing do not use it.
//
// Determinism: for a given instance, options and seed the result is the
// same on every run, as long as the time limit is not what stops a step
// (set max_iterations / bb_node_limit for bit-exact reruns). With a binding
// time limit, how far the metaheuristic gets depends on the machine.
//
// Thread safety: SolveGap is reentrant; it shares no state between calls.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace guild::gap {

//! One allowed (agent, cost, weight) option of a job.
struct GapCandidate {
  int agent = 0;       //!< 0-based agent index, < capacities.size().
  int64_t cost = 0;    //!< Cost of giving the job to this agent (any sign).
  int64_t weight = 0;  //!< Capacity the job uses at this agent, >= 0.
};

//! A GAP instance. Jobs and agents are identified by their 0-based index.
struct GapInstance {
  std::vector<int64_t> capacities;              //!< Per agent, >= 0.
  std::vector<std::vector<GapCandidate>> jobs;  //!< Per job, its candidates.
};

//! Solver options; defaults suit a 10-second interactive solve.
struct GapOptions {
  double time_limit_seconds = 10.0;  //!< Wall-clock limit for the whole pipeline.
  uint64_t seed = 1;                 //!< Seed of the pseudo-random generator.
  int threads = 1;                   //!< Only 1 is supported.
  bool lp_bound = true;              //!< Run the CLP LP relaxation step.
  bool lagrangian_bound = true;      //!< Run the subgradient step.
  bool local_search = true;          //!< Run the feasible descent step.
  bool knapsack_bound = true;        //!< Run the knapsack-Lagrangian step.
  bool branch_and_bound = true;      //!< Run the node-limited exact search.
  bool knapsack_search = true;       //!< Run the knapsack-bound tree search.
  bool metaheuristic = true;         //!< Run the iterated ejection-chain search.
  bool subset_search = true;         //!< Run the agent-subset neighbourhood search.
  //! The LP step is skipped above this many candidates (memory / time).
  int64_t lp_max_candidates = 4'000'000;
  //! Node budget of branch_and_bound; it proves optimality if it finishes.
  int64_t bb_node_limit = 200'000;
  //! knapsack_search searches the whole instance when a round of its
  //! knapsacks has at most this many dynamic-programming cells (items x
  //! capacity over all agents); above, a core of 2-3 candidates per job.
  int64_t knapsack_search_max_cells = 2'000'000;
  //! Rounds of the metaheuristic; 0 = until the time limit.
  int64_t max_iterations = 0;
  //! Subsets the subset search tries; 0 = until the time limit. With a
  //! budget the step's work does not depend on the machine's speed (as long
  //! as each subset's search ends within its 1.5 % of the time limit).
  int64_t subset_search_max_subsets = 0;
  //! Stop as soon as a feasible solution of at most this cost is found
  //! ("good enough"); INT64_MIN = never.
  int64_t stop_at_objective = INT64_MIN;
  //! Debug (slow): the metaheuristic re-evaluates its whole neighbourhood
  //! from scratch each iteration (instances of up to 1600 jobs) and its step
  //! note ends "N moves checked, M mismatches"; M > 0 means the fast move
  //! evaluation disagreed with the recomputation.
  bool check_moves = false;
};

//! What one pipeline step did.
struct GapStepReport {
  std::string name;            //!< e.g. "lp_bound", "construct".
  double seconds = 0;          //!< Wall time spent in the step.
  bool has_objective = false;  //!< A feasible solution exists after the step.
  int64_t objective = 0;       //!< Best feasible objective after the step.
  int64_t lower_bound = 0;     //!< Best lower bound after the step.
  std::string note;            //!< Short human-readable effect, may be empty.
  // What the step did, for programs (the note says the same for people).
  bool skipped = false;            //!< It did not run; the note says why.
  bool proved_optimal = false;     //!< Its search proved the best objective optimal.
  bool proved_infeasible = false;  //!< Its search proved that no assignment fits.
  //! knapsack_search on a core (a heuristic restriction): the core's tree
  //! was searched to the end, which proves nothing about the instance.
  bool core_searched = false;
  int64_t improvements = 0;  //!< Better feasible solutions the step found.
  // metaheuristic only:
  int64_t restarts = 0;         //!< Walks restarted.
  int64_t elite_restarts = 0;   //!< Of those, from the elite pool.
  int64_t relinked = 0;         //!< Of those, path-relinked.
  int64_t pool_resets = 0;      //!< Times the elite pool returned to its seeds.
  int64_t moves_checked = 0;    //!< With GapOptions::check_moves: moves recomputed.
  int64_t move_mismatches = 0;  //!< Of those, fast and full evaluation disagreed.
  // subset_search only:
  int64_t subsets = 0;        //!< Subsets searched.
  int64_t subsets_ended = 0;  //!< Of those, searched to the end.
  int subset_agents_min = 0;  //!< Fewest agents in a subset.
  int subset_agents_max = 0;  //!< Most agents in a subset.
};

//! The answer of SolveGap.
struct GapSolution {
  //! Agent of each job (same order as GapInstance::jobs); -1 when the job
  //! could not be placed. When feasible, every entry is a candidate agent of
  //! its job and no agent is above capacity.
  std::vector<int> assignment;
  int64_t objective = 0;             //!< Total cost of `assignment` (when feasible).
  int64_t lower_bound = 0;           //!< Valid lower bound on the optimum.
  bool feasible = false;             //!< `assignment` is complete and within capacity.
  bool optimal = false;              //!< objective == optimum is proven.
  bool proven_infeasible = false;    //!< No feasible assignment exists.
  std::string reason;                //!< Why not feasible (names the job/agent); else empty.
  std::vector<GapStepReport> steps;  //!< One entry per step run, in order.
};

//! Checks indices and signs. InvalidArgument names the job and candidate
//! ("job 4 candidate 2: agent 9 out of range [0, 5)").
Status ValidateGapInstance(const GapInstance& instance);

//! Solves `instance`. Returns InvalidArgument when ValidateGapInstance fails
//! or options are out of range. An instance that has no feasible assignment,
//! or for which none was found in time, is NOT an error: the solution has
//! feasible=false and a reason.
Result<GapSolution> SolveGap(const GapInstance& instance, const GapOptions& options);

//! Total cost of `assignment`, or InvalidArgument naming the first job whose
//! agent is not one of its candidates, or the first agent above capacity.
Result<int64_t> CheckGapAssignment(const GapInstance& instance, const std::vector<int>& assignment);

//! Parses a dense benchmark file: integer tokens `m n`, costs (m rows of n),
//! weights (m rows of n), capacities (m). Every agent becomes a candidate of
//! every job. `source` names the input in messages, which give the 1-based
//! token position and what was expected there.
Result<GapInstance> ParseGapText(std::string_view text, std::string_view source);

}  // namespace guild::gap
