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
// Where the knapsack bound is tight, this dives straight to exactly packed
// plans that the tabu search finds rarely. A search of the whole problem
// that ends without running out of time has proven its last plan optimal.
// Its plans become the best solution (the metaheuristic starts from it) but
// do not enter the elite pool, which keeps the knapsack step's distinct
// seeds. It takes kTimeShare of the time limit. Where a round of knapsacks
// costs too much for that, the same search runs on a core problem of 2-3
// candidates per job (see kCoreCandidates). Why these choices:
// bench/results/gap.md, "Where the constants come from".
//
// SubsetSearchStep uses the same search as a large-neighbourhood move: the
// jobs of a few related agents (a random one, then those its jobs' cheapest
// other candidates point to) are re-split exactly among those agents, with
// the rest of the plan fixed; subsets of about 80 jobs keep the knapsack
// bound tight enough for most searches to end.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/gap/internal/knapsack.h"
#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

//! The step searches the whole problem only where one round of knapsacks
//! is cheap: at most GapOptions::knapsack_search_max_cells dynamic-
//! programming cells (items x capacity over all agents; 2 million by
//! default). The benchmark's 100- and 200-job instances have up to 1.6
//! million; on 400 jobs (6.4 million) a node costs too much for the search
//! to get deep. Above it, the step searches a core problem: each job's
//! candidates cut to those among the kCoreCandidates * jobs least capacity
//! reduced costs (ActiveCandidates; it always keeps each job's least one),
//! for kCoreTimeShare of the time limit, when that core has at most
//! kMaxCoreCells cells. Its plans are valid plans of the whole problem, but
//! a core searched to the end proves nothing about the whole problem.
constexpr double kCoreCandidates = 3.0;
//! With at least kManyJobsPerAgent jobs per agent, the core keeps
//! kManyJobsCoreCandidates per job instead: with more jobs per agent, more
//! packings reach the bound, and a smaller core still holds good ones while
//! its tree is smaller (below kManyJobsPerAgent, 2 was worse).
constexpr int kManyJobsPerAgent = 20;
constexpr double kManyJobsCoreCandidates = 2.0;
constexpr double kCoreTimeShare = 0.3;
constexpr int64_t kMaxCoreCells = 8'000'000;
//! The step runs on at most this many jobs: the search recurses once per
//! branching, and each level keeps a copy of the allowed candidates and the
//! multipliers.
constexpr int kMaxJobs = 1000;
//! Fixing costs at or above this are "cannot be forced" (ReducedCosts gives
//! infinity where a candidate does not fit at all).
constexpr double kNoFit = 1e18;
//! Share of the time limit the step may use searching the whole problem:
//! where that search runs, the metaheuristic after it finds little, so the
//! step takes most of the time (never the subset search's share).
constexpr double kTimeShare = 0.6;
//! Subgradient rounds at the root (warm-started from the knapsack step's
//! multipliers when it ran) and at every other node, with their first step
//! sizes (as a fraction of the Polyak step).
constexpr int kRootRounds = 100;
constexpr double kRootStep = 0.5;
constexpr int kNodeRounds = 5;
constexpr double kNodeStep = 0.3;
constexpr int kStallRounds = 5;
constexpr double kMinStep = 1e-4;

//! Appends job j of `p` to `sub` (as its next job) with the candidates
//! `keep(k)` accepts, each on agent `agent_of(k)` of `sub`; `original`
//! receives their indices in `p`.
template <typename Keep, typename AgentOf>
void AppendJob(const Problem& p, int j, Keep keep, AgentOf agent_of, Problem& sub,
               std::vector<int>& original) {
  const int q = static_cast<int>(sub.start.size()) - 1;
  for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
    if (!keep(k)) continue;
    sub.agent.push_back(agent_of(k));
    sub.cost.push_back(p.cost[k]);
    sub.weight.push_back(p.weight[k]);
    sub.job_of.push_back(q);
    original.push_back(k);
  }
  sub.start.push_back(static_cast<int>(sub.agent.size()));
}

//! Depth-first search of one Problem for plans cheaper than `best_cost`.
//! Every cheaper plan goes to `found` (a plan: one candidate per job); when
//! it returns true, the target falls below that plan's cost. `stop` is
//! asked at every node.
class Search {
 public:
  using Found = std::function<bool(const std::vector<int>& choice)>;
  Search(const Problem& p, int64_t best_cost, std::function<bool()> stop, Found found)
      : p_(p), best_cost_(best_cost), stop_(std::move(stop)), found_plan_(std::move(found)) {}

  //! Returns true when the whole tree was searched (not stopped by time).
  bool Run(std::vector<double> lambda) {
    return Visit(std::move(lambda), std::vector<char>(p_.Candidates(), 1), kRootRounds, kRootStep);
  }
  [[nodiscard]] int64_t nodes() const { return nodes_; }
  [[nodiscard]] int found() const { return found_; }

 private:
  [[nodiscard]] int64_t Target() const { return best_cost_ - 1; }
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
      node.free_jobs.push_back(j);
      AppendJob(
          p_, j, [&](int k) { return allowed[k] != 0; }, [&](int k) { return p_.agent[k]; },
          node.sub, node.original);
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
    int64_t cost = 0;
    for (int k : choice) cost += p_.cost[k];
    if (cost < best_cost_ && found_plan_(choice)) {
      best_cost_ = cost;
      ++found_;
    }
  }

  [[nodiscard]] bool OutOfTime() const { return stop_(); }

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

  const Problem& p_;
  int64_t best_cost_;
  std::function<bool()> stop_;
  Found found_plan_;
  int64_t nodes_ = 0;
  int found_ = 0;
};

//! When a search given `share` of the time limit stops: at the deadline, or
//! where the subset search's share at the end begins.
double StopAt(const Context& ctx, double share) {
  const double limit = ctx.options.time_limit_seconds;
  const double budget = std::min(ctx.deadline.Remaining(), share * limit);
  return std::min(ctx.deadline.Elapsed() + budget, limit * (1.0 - SubsetSearchShare(ctx)));
}

//! The search's counts and, when it found any, "(start -> best)".
std::string SearchNote(const Search& search, int64_t start_cost, const Context& ctx) {
  std::string note = std::to_string(search.nodes()) + " nodes, " + std::to_string(search.found()) +
                     " better solutions";
  if (search.found() > 0) {
    note += " (" + std::to_string(start_cost) + " -> " + std::to_string(ctx.best_cost) + ")";
  }
  return note;
}

//! The search's first multipliers, one per job of `problem` (the jobs of
//! ctx.problem): the knapsack step's best ones or, without that step,
//! lambda_j = the least cost of job j.
std::vector<double> FirstMultipliers(const Context& ctx, const Problem& problem) {
  if (!ctx.knapsack_lambda.empty()) return ctx.knapsack_lambda;
  return LambdaFromCapacityMultipliers(problem, {});
}

//! The tree search on a core problem (see kCoreCandidates).
std::string CoreSearch(Context& ctx) {
  const Problem& p = ctx.problem;
  const double per_job =
      p.jobs >= kManyJobsPerAgent * p.agents ? kManyJobsCoreCandidates : kCoreCandidates;
  const std::vector<std::vector<int>> lists = ActiveCandidates(ctx, 0, per_job);
  std::vector<char> in_core(p.Candidates(), 0);
  for (const std::vector<int>& list : lists) {
    for (int k : list) in_core[k] = 1;
  }
  Problem core;
  core.agents = p.agents;
  core.capacity = p.capacity;
  core.start.assign(1, 0);
  std::vector<int> original;  // Candidate of p for each candidate of core.
  for (int j = 0; j < p.jobs; ++j) {
    AppendJob(
        p, j, [&](int k) { return in_core[k] != 0; }, [&](int k) { return p.agent[k]; }, core,
        original);
  }
  core.jobs = p.jobs;
  if (Knapsacks(core).MaxCells() > kMaxCoreCells) {
    return ctx.Skip("too large for a tree search, even on a core");
  }
  const int64_t start_cost = ctx.best_cost;
  const double stop_at = StopAt(ctx, kCoreTimeShare);
  std::vector<int> choice(p.jobs);
  Search search(
      core, ctx.best_cost, [&] { return ctx.deadline.Elapsed() >= stop_at || ctx.Done(); },
      [&](const std::vector<int>& core_choice) {
        for (int j = 0; j < p.jobs; ++j) choice[j] = original[core_choice[j]];
        return ctx.OfferSolution(choice);
      });
  const bool ended = search.Run(FirstMultipliers(ctx, core));
  ctx.report->improvements = search.found();
  ctx.report->core_searched = ended;
  return "on a core of " + std::to_string(core.Candidates()) + " of " +
         std::to_string(p.Candidates()) + " candidates: " + SearchNote(search, start_cost, ctx) +
         (ended ? ", core searched to the end" : ", time share used");
}

}  // namespace

std::string KnapsackSearchStep(Context& ctx) {
  const Problem& p = ctx.problem;
  if (!ctx.HasBest()) return ctx.Skip("no feasible solution to improve");
  if (p.jobs > kMaxJobs) return ctx.Skip("too large for a tree search");
  if (Knapsacks(p).MaxCells() > ctx.options.knapsack_search_max_cells) return CoreSearch(ctx);
  const int64_t start_cost = ctx.best_cost;
  const double stop_at = StopAt(ctx, kTimeShare);
  Search search(
      p, ctx.best_cost, [&] { return ctx.deadline.Elapsed() >= stop_at || ctx.Done(); },
      [&](const std::vector<int>& choice) { return ctx.OfferSolution(choice); });
  const bool complete = search.Run(FirstMultipliers(ctx, p));
  ctx.report->improvements = search.found();
  std::string note = SearchNote(search, start_cost, ctx);
  if (!complete) {
    return note +
           (ctx.best_cost <= ctx.options.stop_at_objective ? ", target met" : ", time share used");
  }
  ctx.optimal = true;
  ctx.lower_bound = ctx.best_cost;
  ctx.report->proved_optimal = true;
  return note + ", optimality proven";
}

namespace {

//! Subsets start at about this many jobs. The size then adapts: times
//! kGrow after a subset whose search ended, times kShrink after one that ran
//! out of time (so about 70 % end), within [kLeastJobs, kMostJobs].
constexpr double kSubsetJobs = 80;
constexpr double kGrow = 1.02;
constexpr double kShrink = 0.95;
constexpr double kLeastJobs = 20;
constexpr double kMostJobs = 400;
//! Each job on the subset so far votes for the agents of its kRelated
//! cheapest other candidates (capacity reduced cost); the next agent is
//! the one with most votes, ties broken at random.
constexpr int kRelated = 3;
//! Share of the time limit for the step (taken from the metaheuristic).
constexpr double kSubsetShare = 0.3;
//! Time for one subset's search, as a share of the time limit.
constexpr double kSubsetSeconds = 0.015;

//! Agents to hold about `jobs` jobs (at least 2, at most all but one).
int SubsetAgents(const Problem& p, double jobs) {
  if (p.jobs == 0) return 0;
  const auto k = static_cast<int>(std::lround(jobs * p.agents / p.jobs));
  return std::clamp(k, 2, p.agents - 1);
}

//! Per job, the agents of its kRelated + 1 cheapest candidates (capacity
//! reduced cost, else cost): one may be its own agent.
std::vector<std::vector<int>> RelatedAgents(const Context& ctx) {
  const Problem& p = ctx.problem;
  auto value = [&](int k) {
    return ctx.reduced_cost.empty() ? static_cast<double>(p.cost[k]) : ctx.reduced_cost[k];
  };
  std::vector<std::vector<int>> related(p.jobs);
  std::vector<int> ks;
  for (int j = 0; j < p.jobs; ++j) {
    ks.clear();
    for (int k = p.start[j]; k < p.start[j + 1]; ++k) ks.push_back(k);
    std::stable_sort(ks.begin(), ks.end(), [&](int a, int b) { return value(a) < value(b); });
    for (size_t t = 0; t < ks.size() && t < kRelated + 1; ++t) related[j].push_back(p.agent[ks[t]]);
  }
  return related;
}

//! `size` agents: a random one, then one at a time the agent with most
//! votes from the jobs `best` puts on the agents chosen so far (each job
//! votes for up to kRelated of its related agents not yet chosen; random
//! tie-breaks). `in` receives one flag per agent.
std::vector<int> ChooseAgents(const Problem& p, const std::vector<int>& best,
                              const std::vector<std::vector<int>>& related, int size,
                              std::mt19937_64& rng, std::vector<char>& in) {
  std::uniform_real_distribution<double> noise(0.0, 1.0);
  std::vector<double> votes(p.agents);
  in.assign(p.agents, 0);
  std::vector<int> agents{static_cast<int>(rng() % static_cast<uint64_t>(p.agents))};
  in[agents[0]] = 1;
  while (static_cast<int>(agents.size()) < size) {
    for (int i = 0; i < p.agents; ++i) votes[i] = noise(rng);
    for (int j = 0; j < p.jobs; ++j) {
      if (in[p.agent[best[j]]] == 0) continue;
      int counted = 0;
      for (int i : related[j]) {
        if (in[i] == 0 && counted < kRelated) {
          votes[i] += 1;
          ++counted;
        }
      }
    }
    int next = -1;
    for (int i = 0; i < p.agents; ++i) {
      if (in[i] == 0 && (next < 0 || votes[i] > votes[next])) next = i;
    }
    in[next] = 1;
    agents.push_back(next);
  }
  return agents;
}

//! The GAP of the jobs `best` puts on `agents` (flagged in `in`), each job
//! with its candidates among those agents.
struct Subset {
  Problem sub;
  std::vector<int> jobs;      //!< Original job of each sub job.
  std::vector<int> original;  //!< Original candidate of each sub candidate.
  int64_t cost = 0;           //!< What those jobs cost in `best`.
};

Subset BuildSubset(const Problem& p, const std::vector<int>& best, const std::vector<int>& agents,
                   const std::vector<char>& in) {
  Subset s;
  std::vector<int> index(p.agents, -1);
  for (size_t t = 0; t < agents.size(); ++t) index[agents[t]] = static_cast<int>(t);
  s.sub.agents = static_cast<int>(agents.size());
  for (int i : agents) s.sub.capacity.push_back(p.capacity[i]);
  s.sub.start.push_back(0);
  for (int j = 0; j < p.jobs; ++j) {
    if (in[p.agent[best[j]]] == 0) continue;
    s.jobs.push_back(j);
    s.cost += p.cost[best[j]];
    AppendJob(
        p, j, [&](int k) { return in[p.agent[k]] != 0; }, [&](int k) { return index[p.agent[k]]; },
        s.sub, s.original);
  }
  s.sub.jobs = static_cast<int>(s.jobs.size());
  return s;
}

}  // namespace

double SubsetSearchShare(const Context& ctx) {
  // Not in iteration-limited runs: they are meant to be bit-exact, and the
  // subset search is limited by time only.
  if (!ctx.options.subset_search || ctx.options.max_iterations > 0 || ctx.problem.agents < 3 ||
      ctx.problem.jobs == 0) {
    return 0;
  }
  return kSubsetShare;
}

std::string SubsetSearchStep(Context& ctx) {
  const Problem& p = ctx.problem;
  if (!ctx.HasBest()) return ctx.Skip("no feasible solution to improve");
  if (SubsetSearchShare(ctx) <= 0) {
    if (ctx.options.max_iterations > 0) return ctx.Skip("iteration-limited run");
    return ctx.Skip(p.jobs == 0 ? "no jobs" : "fewer than three agents");
  }
  double size_jobs = kSubsetJobs;
  int size = SubsetAgents(p, size_jobs);
  int least_size = size, most_size = size;
  const std::vector<std::vector<int>> related = RelatedAgents(ctx);
  const int64_t start_cost = ctx.best_cost;
  int64_t subsets = 0, finished = 0, better = 0;
  std::vector<char> in;
  const int64_t max_subsets = ctx.options.subset_search_max_subsets;
  while (!ctx.Done() && (max_subsets <= 0 || subsets < max_subsets)) {
    const std::vector<int>& best = ctx.best;
    const std::vector<int> agents = ChooseAgents(p, best, related, size, ctx.rng, in);
    const Subset subset = BuildSubset(p, best, agents, in);
    ++subsets;
    if (subset.sub.jobs == 0) continue;
    std::vector<double> u;  // The subset's capacity multipliers, if any.
    if (!ctx.multipliers.empty()) {
      for (int i : agents) u.push_back(ctx.multipliers[i]);
    }
    std::vector<int> sub_best;
    const double stop_at = ctx.deadline.Elapsed() + kSubsetSeconds * ctx.options.time_limit_seconds;
    Search search(
        subset.sub, subset.cost, [&] { return ctx.deadline.Elapsed() >= stop_at || ctx.Done(); },
        [&](const std::vector<int>& choice) {
          sub_best = choice;
          return true;
        });
    const bool ended = search.Run(LambdaFromCapacityMultipliers(subset.sub, u));
    if (ended) ++finished;
    size_jobs = std::clamp(size_jobs * (ended ? kGrow : kShrink), kLeastJobs, kMostJobs);
    size = SubsetAgents(p, size_jobs);
    least_size = std::min(least_size, size);
    most_size = std::max(most_size, size);
    if (sub_best.empty()) continue;
    std::vector<int> choice = best;  // Copied before OfferSolution changes ctx.best.
    for (int q = 0; q < subset.sub.jobs; ++q) choice[subset.jobs[q]] = subset.original[sub_best[q]];
    if (ctx.OfferSolution(choice)) ++better;
  }
  ctx.report->improvements = better;
  ctx.report->subsets = subsets;
  ctx.report->subsets_ended = finished;
  ctx.report->subset_agents_min = least_size;
  ctx.report->subset_agents_max = most_size;
  std::string note = std::to_string(subsets) + " subsets of " + std::to_string(least_size) +
                     (most_size > least_size ? "-" + std::to_string(most_size) : std::string()) +
                     " agents (" + std::to_string(finished) + " searched to the end), " +
                     std::to_string(better) + " better solutions";
  if (better > 0) {
    note += " (" + std::to_string(start_cost) + " -> " + std::to_string(ctx.best_cost) + ")";
  }
  return note;
}

}  // namespace guild::gap::internal
