// The knapsack Lagrangian (see knapsack.h) and KnapsackStep: subgradient
// ascent on lambda. Its bound is at least the LP bound (the knapsacks lack
// the integrality property), and each round's knapsacks pack every agent
// tightly: a good start for a primal solution on tight instances (type D).
// Rounds close to a feasible assignment are assembled into one, repaired
// and polished by descent, and offered; the best few seed the
// metaheuristic's elite pool. At the end, reduced costs at the best lambda
// sharpen the candidate fixing of the later steps.
#include "engine/gap/internal/knapsack.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/gap/internal/local_search.h"
#include "engine/gap/internal/placement.h"
#include "engine/gap/internal/state.h"
#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

//! Share of the time limit the step may use: kTimeShareSmall up to
//! kSmallJobs jobs, where rounds are cheap, else kTimeShareLarge (the
//! metaheuristic needs the time there).
constexpr int kSmallJobs = 400;
constexpr double kTimeShareSmall = 0.4;
constexpr double kTimeShareLarge = 0.1;
//! Most dynamic-programming cells (items x capacity) per round; above it
//! the step is skipped (capacities too large for the exact knapsacks).
//! SolveOne keeps a byte per cell of one agent, so at most 200 MB.
constexpr int64_t kMaxCellsPerRound = 200'000'000;
//! Most cells of each of the two tables Reduced builds for one agent.
constexpr size_t kMaxReducedCells = size_t{8} << 20;
constexpr double kInitialStep = 1.0;
constexpr double kMinStep = 1e-4;
constexpr int kStallRounds = 10;
constexpr double kTargetMargin = 0.02;
constexpr double kRepairNormSlack = 1.5;
//! One repair (assembly and descent) is worth about jobs / kRepairBudget
//! rounds of knapsacks.
constexpr int64_t kRepairBudget = 40;

//! Solutions the step keeps to seed the metaheuristic's elite pool.
constexpr int kSeeds = 5;

}  // namespace

Knapsacks::Knapsacks(const Problem& p) : p_(p), by_agent_(p.agents) {
  for (int64_t k = 0; k < p.Candidates(); ++k) by_agent_[p.agent[k]].push_back(static_cast<int>(k));
}

int64_t Knapsacks::MaxCells() const {
  int64_t cells = 0;
  for (int i = 0; i < p_.agents; ++i) {
    cells += static_cast<int64_t>(by_agent_[i].size()) * (p_.capacity[i] + 1);
  }
  return cells;
}

std::vector<double> Knapsacks::ReducedCosts(const std::vector<double>& lambda) {
  std::vector<double> reduced(p_.Candidates(), 0.0), removal(p_.Candidates(), 0.0);
  Tables tables;  // Reused across agents, freed on return.
  for (int i = 0; i < p_.agents; ++i) Reduced(i, lambda, &tables, &reduced, &removal);
  // Forcing job j to agent i also takes j out of every other knapsack.
  for (int j = 0; j < p_.jobs; ++j) {
    double total = 0;
    for (int k = p_.start[j]; k < p_.start[j + 1]; ++k) total += removal[k];
    for (int k = p_.start[j]; k < p_.start[j + 1]; ++k) reduced[k] += total - removal[k];
  }
  return reduced;
}

double Knapsacks::Solve(const std::vector<double>& lambda, std::vector<int>* taken) {
  taken->clear();
  double value = 0;
  for (double l : lambda) value += l;
  for (int i = 0; i < p_.agents; ++i) value -= SolveOne(i, lambda, taken);
  return value;
}

void Knapsacks::CollectItems(int i, const std::vector<double>& lambda) {
  items_.clear();
  for (int k : by_agent_[i]) {
    double profit = lambda[p_.job_of[k]] - static_cast<double>(p_.cost[k]);
    if (profit > 0 && p_.weight[k] <= p_.capacity[i]) {
      items_.push_back({p_.job_of[k], k, p_.weight[k], profit});
    }
  }
}

namespace {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GUILD_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define GUILD_VECTOR_CLONES
#endif

// One row of the 0-1 knapsack recurrence: next[c] = best of prev[c] and
// prev[c - w] + profit; keep[c] (unless null) = 1 where the item is taken.
// Two arrays (no in-place update) so that the loops vectorise; built for
// AVX2 too, chosen at run time.
GUILD_VECTOR_CLONES
void AddItem(const double* __restrict prev, double* __restrict next, uint8_t* __restrict keep,
             size_t width, size_t weight, double profit) {
  const size_t low = std::min(weight, width);
  for (size_t c = 0; c < low; ++c) next[c] = prev[c];
  if (keep != nullptr) {
    for (size_t c = 0; c < low; ++c) keep[c] = 0;
    for (size_t c = weight; c < width; ++c) {
      const double with = prev[c - weight] + profit;
      keep[c] = with > prev[c] ? 1 : 0;
      next[c] = with > prev[c] ? with : prev[c];
    }
    return;
  }
  for (size_t c = weight; c < width; ++c) {
    const double with = prev[c - weight] + profit;
    next[c] = with > prev[c] ? with : prev[c];
  }
}

// max over c in [0, n) of a[c] + b[n - 1 - c], with four running maxima so
// that the additions do not wait on one another.
GUILD_VECTOR_CLONES
double MaxOfSums(const double* __restrict a, const double* __restrict b, size_t n) {
  double m[4] = {-1e300, -1e300, -1e300, -1e300};
  size_t c = 0;
  for (; c + 4 <= n; c += 4) {
    for (size_t l = 0; l < 4; ++l) {
      const double v = a[c + l] + b[n - 1 - c - l];
      m[l] = v > m[l] ? v : m[l];
    }
  }
  for (; c < n; ++c) m[0] = std::max(m[0], a[c] + b[n - 1 - c]);
  return std::max(std::max(m[0], m[1]), std::max(m[2], m[3]));
}

}  // namespace

double Knapsacks::SolveOne(int i, const std::vector<double>& lambda, std::vector<int>* taken) {
  const int64_t cap = p_.capacity[i];
  CollectItems(i, lambda);
  if (items_.empty()) return 0;
  const size_t width = static_cast<size_t>(cap) + 1;
  best_.assign(2 * width, 0.0);
  keep_.resize(items_.size() * width);
  double* rows[2] = {best_.data(), best_.data() + width};
  for (size_t t = 0; t < items_.size(); ++t) {
    AddItem(rows[t & 1], rows[(t + 1) & 1], &keep_[t * width], width,
            static_cast<size_t>(items_[t].weight), items_[t].profit);
  }
  int64_t c = cap;
  for (size_t t = items_.size(); t-- > 0;) {
    if (keep_[t * width + static_cast<size_t>(c)] != 0) {
      taken->push_back(items_[t].candidate);
      c -= items_[t].weight;
    }
  }
  return rows[items_.size() & 1][cap];
}

// Per candidate of agent i, how much L(lambda) rises at least when the
// candidate is forced into its knapsack: K_i minus the best knapsack that
// holds it. The forward table F[t][c] (items before t, capacity c) and the
// backward table B[t][c] (items from t on) give the best knapsack without
// item t at capacity r as max_c F[t][c] + B[t+1][r-c].
// `removal` receives, per item, how much K_i falls without it.
void Knapsacks::Reduced(int i, const std::vector<double>& lambda, Tables* tables,
                        std::vector<double>* reduced, std::vector<double>* removal) {
  const int64_t cap = p_.capacity[i];
  CollectItems(i, lambda);
  const size_t n = items_.size();
  const size_t width = static_cast<size_t>(cap) + 1;
  if ((n + 1) * width > kMaxReducedCells) return;  // No information: 0 stays valid.
  tables->forward.assign((n + 1) * width, 0.0);
  tables->backward.assign((n + 1) * width, 0.0);
  double* f = tables->forward.data();
  double* b = tables->backward.data();
  for (size_t t = 0; t < n; ++t) {
    AddItem(&f[t * width], &f[(t + 1) * width], nullptr, width,
            static_cast<size_t>(items_[t].weight), items_[t].profit);
  }
  // b[t] covers items t..n-1; b[n] is all zero.
  for (size_t t = n; t-- > 0;) {
    AddItem(&b[(t + 1) * width], &b[t * width], nullptr, width,
            static_cast<size_t>(items_[t].weight), items_[t].profit);
  }
  const double whole = f[n * width + cap];
  for (size_t t = 0; t < n; ++t) {
    const int64_t r = cap - items_[t].weight;
    const double* before = &f[t * width];
    const double* after = &b[(t + 1) * width];
    const double without_full = std::max(0.0, MaxOfSums(before, after, width));
    const double without =
        r < 0 ? 0.0 : std::max(0.0, MaxOfSums(before, after, static_cast<size_t>(r) + 1));
    (*reduced)[items_[t].candidate] = std::max(0.0, whole - (items_[t].profit + without));
    (*removal)[items_[t].candidate] = std::max(0.0, whole - without_full);
  }
  for (int k : by_agent_[i]) {
    double profit = lambda[p_.job_of[k]] - static_cast<double>(p_.cost[k]);
    if (profit > 0 && p_.weight[k] <= cap) continue;  // An item: done above.
    if (p_.weight[k] > cap) {
      (*reduced)[k] = std::numeric_limits<double>::infinity();
      continue;
    }
    (*reduced)[k] = std::max(0.0, whole - (profit + f[n * width + (cap - p_.weight[k])]));
  }
}

std::vector<double> LambdaFromCapacityMultipliers(const Problem& p, const std::vector<double>& u) {
  std::vector<double> lambda(p.jobs, std::numeric_limits<double>::infinity());
  for (int64_t k = 0; k < p.Candidates(); ++k) {
    const double price = u.empty() ? 0.0 : u[p.agent[k]];
    const double g = static_cast<double>(p.cost[k]) + price * static_cast<double>(p.weight[k]);
    lambda[p.job_of[k]] = std::min(lambda[p.job_of[k]], g);
  }
  return lambda;
}

double Subgradient(const Problem& p, const std::vector<int>& taken, std::vector<double>* g) {
  g->assign(p.jobs, 1.0);
  for (int k : taken) (*g)[p.job_of[k]] -= 1.0;
  double norm = 0;
  for (double x : *g) norm += x * x;
  return norm;
}

std::vector<int> AssembleFromKnapsacks(const Problem& p, const std::vector<int>& taken) {
  std::vector<int> choice(p.jobs, -1);
  for (int k : taken) {
    int j = p.job_of[k];
    if (choice[j] < 0 || p.cost[k] < p.cost[choice[j]]) choice[j] = k;
  }
  std::vector<int64_t> residual = p.capacity;
  std::vector<int> open;
  for (int j = 0; j < p.jobs; ++j) {
    if (choice[j] >= 0) {
      residual[p.agent[choice[j]]] -= p.weight[choice[j]];
    } else {
      open.push_back(j);
    }
  }
  auto cost = [&](int k) { return static_cast<double>(p.cost[k]); };
  std::vector<double> regret(p.jobs, 0);
  for (int j : open) regret[j] = CostRegret(p, j, cost);
  std::stable_sort(open.begin(), open.end(), [&](int a, int b) { return regret[a] > regret[b]; });
  for (int j : open) {
    choice[j] = CheapestPlace(p, j, residual, cost);
    residual[p.agent[choice[j]]] -= p.weight[choice[j]];
  }
  return choice;
}

std::string KnapsackStep(Context& ctx) {
  const Problem& p = ctx.problem;
  Knapsacks knapsacks(p);
  if (knapsacks.MaxCells() > kMaxCellsPerRound) {
    return ctx.Skip("capacities too large for exact knapsacks");
  }
  std::vector<double> lambda = LambdaFromCapacityMultipliers(p, ctx.multipliers);
  const double share = p.jobs <= kSmallJobs ? kTimeShareSmall : kTimeShareLarge;
  const double budget = std::min(ctx.deadline.Remaining(), share * ctx.options.time_limit_seconds);
  const double stop_at = ctx.deadline.Elapsed() + budget;
  ActiveLists lists = DescentLists(ctx);
  Penalty hard{std::vector<double>(p.agents, kHardPenalty)};
  std::vector<int> taken;
  std::vector<double> g;
  double step = kInitialStep, best_value = -1e300;
  std::vector<double> best_lambda;
  int stall = 0, rounds = 0, offered = 0, repairs = 0;
  double least_norm = std::numeric_limits<double>::infinity();
  const int64_t start_cost = ctx.HasBest() ? ctx.best_cost : INT64_MAX;
  while (!ctx.Done() && ctx.deadline.Elapsed() < stop_at && step > kMinStep) {
    ++rounds;
    double value = knapsacks.Solve(lambda, &taken);
    if (value > best_value + 1e-9) {
      best_value = value;
      best_lambda = lambda;
      stall = 0;
      int64_t bound = IntegerBound(value);
      if (bound > ctx.lower_bound) ctx.lower_bound = bound;
      if (ctx.HasBest() && ctx.best_cost <= ctx.lower_bound) ctx.optimal = true;
    } else if (++stall >= kStallRounds) {
      step /= 2;
      stall = 0;
    }
    const double norm = Subgradient(p, taken, &g);
    // The repair costs more than the knapsacks on large instances: it runs
    // on the rounds closest to a feasible assignment so far (fewest jobs
    // taken other than once), within a budget counted in rounds (not time,
    // so that reruns are bit-exact): repairs * jobs <= rounds * kRepairBudget.
    least_norm = std::min(least_norm, norm);
    if (norm <= kRepairNormSlack * least_norm &&
        int64_t{repairs} * p.jobs <= int64_t{rounds} * kRepairBudget) {
      State state(p, AssembleFromKnapsacks(p, taken));
      DescendAll(p, state, hard, lists, ctx.deadline);
      if (state.TotalOverload() == 0) {
        KeepInPool(ctx.seeds, kSeeds, state.cost(), state.choice());
        if (ctx.OfferSolution(state.choice())) {
          ++offered;
          lists = DescentLists(ctx);
        }
      }
      ++repairs;
    }
    if (norm == 0) break;  // Every job taken once: the knapsacks are optimal.
    double target = ctx.HasBest() ? static_cast<double>(ctx.best_cost)
                                  : value + std::max(1.0, kTargetMargin * std::fabs(value));
    double t = step * std::max(target - value, 1e-6) / norm;
    for (int j = 0; j < p.jobs; ++j) lambda[j] += t * g[j];
  }
  if (!best_lambda.empty() && !ctx.Done()) {
    ctx.knapsack_reduced = knapsacks.ReducedCosts(best_lambda);
    ctx.knapsack_value = best_value;
    ctx.knapsack_lambda = best_lambda;
  }
  const int64_t kept = CandidatesLeft(ctx);
  ctx.report->improvements = offered;
  std::string note = std::to_string(rounds) + " rounds (" + std::to_string(repairs) +
                     " repaired), L = " + std::to_string(best_value) + ", " +
                     std::to_string(offered) + " better solutions, " + std::to_string(kept) +
                     " of " + std::to_string(p.Candidates()) + " candidates left by fixing";
  if (start_cost != INT64_MAX && ctx.HasBest()) {
    note += " (" + std::to_string(start_cost) + " -> " + std::to_string(ctx.best_cost) + ")";
  }
  return note;
}

}  // namespace guild::gap::internal
