// KnapsackSearchStep: depth-first branch and bound with the knapsack
// Lagrangian (see knapsack.h) as the bound at every node, searching for a
// plan cheaper than the best known one (target z = best cost - 1, lowered
// at each find).
//
// A node is a set of allowed candidates per job. Jobs left with one
// candidate are packed in advance (their cost counted, their weight taken
// off the agent's capacity); the free jobs form a smaller GAP whose knapsack
// Lagrangian is optimised by a few subgradient rounds, warm-started from the
// parent's multipliers. The node is cut when the bound exceeds z, or closed
// when the knapsacks take every free job exactly once (that plan is feasible
// and costs exactly the bound, so nothing below it is cheaper). Otherwise
// every candidate whose fixing cost (Knapsacks::ReducedCosts) lifts the bound
// above z is removed, and the search branches on the free job with the
// fewest candidates left, cheapest fixing cost first.
//
// On type D instances of 100-200 jobs, where the bound is within about
// 0.1 % of the optimum, this dives straight to exactly packed plans that the
// tabu search finds rarely. A search that ends without running out of time
// has proven its last plan optimal. Its plans become the best solution (the
// metaheuristic starts from it) but do not enter the elite pool, which keeps
// the knapsack step's distinct seeds. Measured with scripts/gap-ab.py, 10 s
// runs (bench/results/gap.md, session 12): five type D of 100-200 jobs,
// seeds 1-2, mean gap 0.156 % without the step, 0.107 % with it and its
// plans in the pool, 0.095 % without; six C and E of that size 0.053 ->
// 0.025 / 0.018 %. Time shares of 20, 30 and 45 % were alike.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/gap/internal/knapsack.h"
#include "engine/gap/internal/steps.h"

namespace guild::engine::gap::internal {

namespace {

//! The step runs only where one round of knapsacks is cheap: at most this
//! many dynamic-programming cells (items x capacity over all agents). The
//! benchmark's 100- and 200-job instances have up to 1.6 million; on 400
//! jobs (6.4 million) a node costs too much for the search to get deep.
constexpr int64_t kMaxCells = 2'000'000;
//! Nor on more jobs than this: the search recurses once per branching, and
//! each level keeps a copy of the allowed candidates and the multipliers.
constexpr int kMaxJobs = 1000;
//! Fixing costs at or above this are "cannot be forced" (ReducedCosts gives
//! infinity where a candidate does not fit at all).
constexpr double kNoFit = 1e18;
//! Share of the time limit the step may use (20 % and 45 % did as well).
constexpr double kTimeShare = 0.3;
//! Subgradient rounds at the root (warm-started from the knapsack step's
//! multipliers when it ran) and at every other node, with their first step
//! sizes (as a fraction of the Polyak step).
constexpr int kRootRounds = 100;
constexpr double kRootStep = 0.5;
constexpr int kNodeRounds = 5;
constexpr double kNodeStep = 0.3;
constexpr int kStallRounds = 5;
constexpr double kMinStep = 1e-4;

class Search {
 public:
  Search(Context& ctx, double stop_at) : ctx_(ctx), p_(ctx.problem), stop_at_(stop_at) {}

  //! Returns true when the whole tree was searched (not stopped by time).
  bool Run(std::vector<double> lambda) {
    return Visit(std::move(lambda), std::vector<char>(p_.Candidates(), 1), kRootRounds, kRootStep);
  }
  [[nodiscard]] int64_t nodes() const { return nodes_; }
  [[nodiscard]] int found() const { return found_; }

 private:
  [[nodiscard]] int64_t Target() const { return ctx_.best_cost - 1; }
  //! True when a lower bound of `value` rules out every plan under target.
  [[nodiscard]] bool Exceeds(double value) const {
    return value >= kNoFit || IntegerBound(value) > Target();
  }

  //! The free jobs' GAP at a node: forced jobs packed, the rest kept.
  struct Node {
    Problem sub;
    std::vector<int> free_jobs;  //!< Original job of each sub job.
    std::vector<int> original;   //!< Original candidate of each sub candidate.
    std::vector<int> forced;     //!< Per original job, its only candidate or -1.
    int64_t fixed_cost = 0;
  };

  //! False when some job has no candidate or forced jobs overload an agent.
  bool Build(const std::vector<char>& allowed, Node& node) const {
    node.sub.agents = p_.agents;
    node.sub.capacity = p_.capacity;
    node.sub.start.assign(1, 0);
    node.forced.assign(p_.jobs, -1);
    for (int j = 0; j < p_.jobs; ++j) {
      int count = 0, last = -1;
      for (int k = p_.start[j]; k < p_.start[j + 1]; ++k) {
        if (allowed[k] != 0) {
          ++count;
          last = k;
        }
      }
      if (count == 0) return false;
      if (count == 1) {
        node.forced[j] = last;
        node.sub.capacity[p_.agent[last]] -= p_.weight[last];
        node.fixed_cost += p_.cost[last];
        continue;
      }
      const int sub_job = static_cast<int>(node.free_jobs.size());
      node.free_jobs.push_back(j);
      for (int k = p_.start[j]; k < p_.start[j + 1]; ++k) {
        if (allowed[k] == 0) continue;
        node.sub.agent.push_back(p_.agent[k]);
        node.sub.cost.push_back(p_.cost[k]);
        node.sub.weight.push_back(p_.weight[k]);
        node.sub.job_of.push_back(sub_job);
        node.original.push_back(k);
      }
      node.sub.start.push_back(static_cast<int>(node.sub.agent.size()));
    }
    node.sub.jobs = static_cast<int>(node.free_jobs.size());
    return std::all_of(node.sub.capacity.begin(), node.sub.capacity.end(),
                       [](int64_t c) { return c >= 0; });
  }

  void Offer(const Node& node, const std::vector<int>& sub_choice) {
    std::vector<int> choice = node.forced;
    for (size_t q = 0; q < sub_choice.size(); ++q) {
      choice[node.free_jobs[q]] = node.original[sub_choice[q]];
    }
    if (ctx_.OfferSolution(choice)) {
      ++found_;
    }
  }

  //! Time share used, time limit reached or the caller's target met.
  [[nodiscard]] bool OutOfTime() const {
    return ctx_.deadline.Elapsed() >= stop_at_ || ctx_.Done();
  }

  //! Subgradient rounds on the node's free jobs from `mu` (per sub job).
  //! Returns true when the node is done: its bound exceeds the target, or
  //! the knapsacks took every free job once (that plan is offered). Else
  //! `best_value` and `mu` hold the best bound and its multipliers.
  bool Ascend(const Node& node, Knapsacks& knapsacks, int rounds, double step,
              std::vector<double>& mu, double& best_value) {
    std::vector<int> taken;
    std::vector<double> g;
    std::vector<double> best_mu = mu;
    best_value = -1e300;
    int stall = 0;
    for (int r = 0; r < rounds && step > kMinStep; ++r) {
      const double value = static_cast<double>(node.fixed_cost) + knapsacks.Solve(mu, &taken);
      if (value > best_value + 1e-9) {
        best_value = value;
        best_mu = mu;
        stall = 0;
      } else if (++stall >= kStallRounds) {
        step /= 2;
        stall = 0;
      }
      if (Exceeds(value)) return true;
      const double norm = Subgradient(node.sub, taken, &g);
      if (norm == 0) {  // Feasible, and it costs exactly the bound.
        std::vector<int> sub_choice(node.sub.jobs);
        for (int k : taken) sub_choice[node.sub.job_of[k]] = k;
        Offer(node, sub_choice);
        return true;
      }
      const double t = step * std::max(static_cast<double>(Target() + 1) - value, 1e-3) / norm;
      for (int q = 0; q < node.sub.jobs; ++q) mu[q] += t * g[q];
    }
    mu = std::move(best_mu);
    return false;
  }

  //! Searches the node; returns false when stopped by time.
  bool Visit(std::vector<double> lambda, std::vector<char> allowed, int rounds, double step) {
    ++nodes_;
    if (OutOfTime()) return false;
    Node node;
    if (!Build(allowed, node)) return true;
    if (node.sub.jobs == 0) {
      Offer(node, {});
      return true;
    }
    Knapsacks knapsacks(node.sub);
    std::vector<double> best_mu(node.sub.jobs);
    for (int q = 0; q < node.sub.jobs; ++q) best_mu[q] = lambda[node.free_jobs[q]];
    double best_value = 0;
    if (Ascend(node, knapsacks, rounds, step, best_mu, best_value)) return true;
    for (int q = 0; q < node.sub.jobs; ++q) lambda[node.free_jobs[q]] = best_mu[q];
    // Fixing: drop candidates whose forcing lifts the bound above the target.
    std::vector<double> sub_reduced = knapsacks.ReducedCosts(best_mu);
    std::vector<double> reduced(p_.Candidates(), 0.0);
    for (size_t t = 0; t < node.original.size(); ++t) {
      reduced[node.original[t]] = sub_reduced[t];
      if (Exceeds(best_value + sub_reduced[t])) allowed[node.original[t]] = 0;
    }
    int branch = -1, fewest = 0;
    for (int j : node.free_jobs) {
      int left = 0;
      for (int k = p_.start[j]; k < p_.start[j + 1]; ++k) left += allowed[k];
      if (left == 0) return true;
      if (left >= 2 && (branch < 0 || left < fewest)) {
        branch = j;
        fewest = left;
      }
    }
    if (branch < 0) return Visit(std::move(lambda), std::move(allowed), kNodeRounds, kNodeStep);
    std::vector<int> order;
    for (int k = p_.start[branch]; k < p_.start[branch + 1]; ++k) {
      if (allowed[k] != 0) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return reduced[a] < reduced[b]; });
    for (int k : order) {
      if (Exceeds(best_value + reduced[k])) continue;  // The target fell.
      std::vector<char> child = allowed;
      for (int other = p_.start[branch]; other < p_.start[branch + 1]; ++other) {
        child[other] = static_cast<char>(other == k);
      }
      if (!Visit(lambda, std::move(child), kNodeRounds, kNodeStep)) return false;
    }
    return true;
  }

  Context& ctx_;
  const Problem& p_;
  double stop_at_;
  int64_t nodes_ = 0;
  int found_ = 0;
};

}  // namespace

std::string KnapsackSearchStep(Context& ctx) {
  const Problem& p = ctx.problem;
  if (!ctx.HasBest()) return "skipped: no feasible solution to improve";
  if (p.jobs > kMaxJobs || Knapsacks(p).MaxCells() > kMaxCells) {
    return "skipped: too large for a tree search";
  }
  std::vector<double> lambda = ctx.knapsack_lambda;
  if (lambda.empty()) {  // Without the knapsack step: lambda_j = least cost.
    lambda.assign(p.jobs, 0.0);
    for (int j = 0; j < p.jobs; ++j) {
      lambda[j] = static_cast<double>(
          *std::min_element(p.cost.begin() + p.start[j], p.cost.begin() + p.start[j + 1]));
    }
  }
  const int64_t start_cost = ctx.best_cost;
  const double budget =
      std::min(ctx.deadline.Remaining(), kTimeShare * ctx.options.time_limit_seconds);
  Search search(ctx, ctx.deadline.Elapsed() + budget);
  const bool complete = search.Run(std::move(lambda));
  std::string note = std::to_string(search.nodes()) + " nodes, " + std::to_string(search.found()) +
                     " better solutions";
  if (search.found() > 0) {
    note += " (" + std::to_string(start_cost) + " -> " + std::to_string(ctx.best_cost) + ")";
  }
  if (!complete) {
    return note +
           (ctx.best_cost <= ctx.options.stop_at_objective ? ", target met" : ", time share used");
  }
  ctx.optimal = true;
  ctx.lower_bound = ctx.best_cost;
  return note + ", optimality proven";
}

}  // namespace guild::engine::gap::internal
