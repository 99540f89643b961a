// Internal: the compiled instance and the state shared by the pipeline steps.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/gap/gap.h"

namespace guild::gap::internal {

//! Good feasible solutions: (cost, candidate per job), distinct costs.
using SolutionPool = std::vector<std::pair<int64_t, std::vector<int>>>;

//! Keeps (cost, choice) in a pool of at most `size` solutions of distinct
//! cost: added while there is room, else in place of the worst if cheaper.
void KeepInPool(SolutionPool& pool, int size, int64_t cost, std::vector<int> choice);

//! Candidates in compressed rows: job j owns indices [start[j], start[j+1]).
struct Problem {
  int agents = 0;
  int jobs = 0;
  std::vector<int64_t> capacity;
  std::vector<int> start;
  std::vector<int> agent;
  std::vector<int64_t> cost;
  std::vector<int64_t> weight;
  std::vector<int> job_of;  //!< Job owning each candidate.

  [[nodiscard]] int64_t Candidates() const { return static_cast<int64_t>(agent.size()); }
};

//! REQUIRES: ValidateGapInstance(instance).ok().
Problem Compile(const GapInstance& instance);

//! Wall-clock limit measured from construction.
class Deadline {
 public:
  explicit Deadline(double seconds) : start_(std::chrono::steady_clock::now()), limit_(seconds) {}
  [[nodiscard]] double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  [[nodiscard]] bool Expired() const { return Elapsed() >= limit_; }
  [[nodiscard]] double Remaining() const { return limit_ - Elapsed(); }

 private:
  std::chrono::steady_clock::time_point start_;
  double limit_;
};

//! Lagrangian relaxation of the capacity constraints at multipliers u >= 0:
//! L(u) = sum_j min_k (c_k + u_a(k) w_k) - sum_i u_i b_i <= optimum.
//! `best_candidate` (optional) receives each job's minimising candidate.
double LagrangianValue(const Problem& problem, const std::vector<double>& u,
                       std::vector<int>* best_candidate);

//! Largest integer-valued bound implied by a real lower bound on an
//! integer-cost problem (ceil with a tolerance for rounding error).
int64_t IntegerBound(double value);

//! State shared by the steps; each step reads and improves it.
struct Context {
  Context(const Problem& p, const GapOptions& o)
      : problem(p), options(o), deadline(o.time_limit_seconds), rng(o.seed) {}

  const Problem& problem;
  const GapOptions& options;
  Deadline deadline;
  std::mt19937_64 rng;

  std::vector<double> multipliers;   //!< Lagrangian u, one per agent.
  double lagrangian_value = -1e300;  //!< L(multipliers).
  int64_t lower_bound = INT64_MIN;   //!< Best valid integer lower bound.
  std::vector<double> lp_values;     //!< LP x per candidate, empty if no LP.
  std::vector<double> reduced_cost;  //!< Per candidate, at `multipliers`.
  //! Knapsack Lagrangian (assignment constraints relaxed; KnapsackStep):
  //! its value, and per candidate how much forcing it raises the value
  //! (empty when not computed). Not additive over jobs.
  double knapsack_value = -1e300;
  std::vector<double> knapsack_reduced;
  std::vector<double> knapsack_lambda;  //!< Its best multipliers, one per job.

  std::vector<int> working;  //!< Candidate per job (may overload).
  std::vector<int> best;     //!< Best feasible, candidate per job.
  //! Good feasible solutions (cost, choice) other steps found, for the
  //! metaheuristic to restart from.
  SolutionPool seeds;
  int64_t best_cost = INT64_MAX;
  //! The running step's report: steps set its typed fields (SolveGap sets
  //! the name, time, objective, bound and note).
  GapStepReport* report = nullptr;
  bool optimal = false;
  bool proven_infeasible = false;
  std::string reason;

  [[nodiscard]] bool HasBest() const { return !best.empty(); }
  //! Marks the running step skipped; returns "skipped: " + why (its note).
  std::string Skip(const std::string& why);
  //! Sets multipliers (and L, reduced costs, bound) if L(u) is not worse.
  void OfferMultipliers(const std::vector<double>& u);
  //! Keeps `choice` as best if it is complete, within capacity and cheaper.
  bool OfferSolution(const std::vector<int>& choice);
  //! True when the search can stop: optimal, infeasible or out of time.
  [[nodiscard]] bool Done() const {
    return optimal || proven_infeasible || deadline.Expired() ||
           (HasBest() && best_cost <= options.stop_at_objective);
  }
};

//! Candidates of each job that may still appear in a solution of cost <=
//! the best known (reduced-cost fixing with the capacity Lagrangian and,
//! once computed, the knapsack one), ascending capacity reduced cost; at most
//! `cap` per job (cap <= 0: no cap). Without a best solution, every
//! candidate passes the cost test.
//!
//! With `core` > 0 (and capacity reduced costs known), the lists are cut to
//! a core problem (on more than 2 * core agents), a heuristic restriction
//! and not a proof: a job keeps its first candidate and those whose reduced
//! cost is at most the (core * jobs)-th least reduced cost of the whole
//! instance. Jobs whose alternatives are all costly keep one candidate
//! (they are fixed), jobs with near-ties keep them all. On the large type D
//! instances (many exact ties at reduced cost 0, a Lagrangian bound within
//! 0.01 % of the optimum) descents in this core reach much better local
//! optima.
std::vector<std::vector<int>> ActiveCandidates(const Context& context, int cap, double core = 0);

//! How many candidates in all pass the fixing tests of ActiveCandidates.
int64_t CandidatesLeft(const Context& context);

}  // namespace guild::gap::internal
