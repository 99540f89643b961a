// Tabu search with strategic oscillation. Each iteration applies the best
// admissible shift (job -> other agent) or swap (two jobs exchange agents;
// on instances of up to kChainJobs jobs, the wider ejection chain: a job
// moves to an agent that passes one of its jobs to a third agent or back)
// under f = cost + sum_i alpha_i * overload_i. The per-agent weights alpha
// rise while an agent is overloaded and fall while the solution is
// feasible, so the walk crosses the capacity boundary back and forth. Moving
// a job off an agent forbids its return there for a random tenure unless
// the move yields a new best feasible solution (aspiration). Candidate lists
// are cut by Lagrangian reduced-cost fixing and shrink whenever the best
// solution improves; each new best is polished by ejection-chain descent.
// After kRestartIterations iterations without a new best, the walk restarts
// from the best solution or from one of a few good solutions of earlier
// walks or earlier steps (the elite pool; the knapsack step's seed it).
// On small instances half the restarts then walk part of the way towards
// another of those solutions (path relinking, see Relink). After
// kPoolResetRestarts restarts without a new best, the pool is set back to
// the knapsack step's seeds.
// Each walk draws its candidate lists: the core problem of kWalkCore
// candidates per job (ActiveCandidates) or the full capped lists.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/gap/internal/local_search.h"
#include "engine/gap/internal/state.h"
#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

constexpr int kActiveCap = 6;
constexpr double kPenaltyUp = 1.02;
constexpr double kPenaltyDown = 0.98;
constexpr double kPenaltyFloor = 1e-3;
constexpr double kPenaltyCeiling = 1e9;
// Short tabu tenures (1..(1 + jobs / kTenureJobsPerStep)) and a restart
// after kRestartIterations iterations without a new best.
constexpr int kTenureMin = 1;
constexpr int kTenureJobsPerStep = 100;
constexpr int64_t kRestartIterations = 250;
// A restart starts from the best solution or, with equal chance each, one of
// up to kElite good feasible solutions met by earlier walks (the best of each
// walk between restarts, distinct costs, the worst replaced first).
constexpr int kElite = 5;
// Path relinking: on up to kRelinkJobs jobs, a restart (when the pool has a
// solution) draws, with kRelinkPercent % chance, a guide from the pool and
// the best solution; when it differs from the restart solution, a greedy
// walk moves between kRelinkFromPercent and kRelinkToPercent % of the jobs
// where the two differ to the guide's agent, each time the one whose move
// changes cost + penalty least.
constexpr int kRelinkJobs = 200;
constexpr uint64_t kRelinkPercent = 50;
constexpr size_t kRelinkFromPercent = 25;
constexpr size_t kRelinkToPercent = 75;
// After this many restarts in a row without a new best solution, the elite
// pool is set back to what it held at the start (the knapsack step's seeds),
// so that restarts return to those distinct starts with new random draws.
constexpr int64_t kPoolResetRestarts = 150;
// Each walk searches, with equal chance, the core of kWalkCore candidates
// per job (ActiveCandidates) or the full capped lists; the first walk the
// core.
constexpr double kWalkCore = 3.0;
// Above this many jobs, swaps are evaluated each iteration only from jobs on
// overloaded agents plus one job in kSwapStride chosen at random; shifts are
// always evaluated in full. This trades neighbourhood size for iterations.
constexpr int kSwapFullJobs = 200;
constexpr uint64_t kSwapStride = 4;
// Up to this many jobs, the swap neighbourhood is replaced by ejection chains
// (which include every swap). With each job's best exits computed once per
// iteration (Exits), that is about 2 * (active cap) * jobs^2 / agents chain
// evaluations per iteration.
constexpr int kChainJobs = 1600;
constexpr int64_t kNoExit = INT64_MAX;

// Above this many (job, agent) pairs (a 16 MB table), swap partners are
// found by binary search in the job's candidate list instead of a dense
// agent x job table.
constexpr int64_t kDenseSwapPairs = int64_t{1} << 22;

//! A job as the second link of a chain: its current candidate and best
//! exits, packed per agent once per iteration (Exits) so the chain loop
//! reads one record per job instead of several scattered arrays.
struct ChainJob {
  int job = -1;
  int kc = -1;            //!< Current candidate.
  int exit1 = -1;         //!< Best free exit, or -1.
  int exit2 = -1;         //!< Second best free exit, or -1.
  int exit1_agent = -1;   //!< Agent of exit1, or -1.
  int64_t weight = 0;     //!< Weight of kc.
  int64_t cost = 0;       //!< Cost of kc.
  int64_t tabu_cost = 0;  //!< Least cost of a tabu exit, or kNoExit.
  double value1 = 0;      //!< Cost + penalty change of exit1.
  double value2 = 0;      //!< Same for exit2.
};

struct TabuMove {
  double delta = std::numeric_limits<double>::infinity();
  int job1 = -1, to1 = -1, job2 = -1, to2 = -1;
};

class Tabu {
 public:
  explicit Tabu(Context& ctx)
      : ctx_(ctx),
        p_(ctx.problem),
        state_(p_, ctx.HasBest() ? ctx.best : ctx.working),
        tabu_until_(p_.Candidates(), 0) {
    SetActive(ActiveCandidates(ctx, kActiveCap, kWalkCore));
    penalty_.alpha.resize(p_.agents);
    for (int i = 0; i < p_.agents; ++i) penalty_.alpha[i] = std::max(1.0, 2 * ctx.multipliers[i]);
    // Good solutions of earlier steps (the knapsack step's) start the pool.
    for (const auto& seed : ctx.seeds) {
      KeepInPool(elite_, kElite, seed.first, seed.second);
    }
    initial_pool_ = elite_;
  }

  //! One iteration; returns true when the best solution improved.
  bool Step() {
    ++iteration_;
    TabuMove m = BestMove();
    if (m.job1 < 0) return false;
    Apply(m);
    Adapt();
    bool feasible = state_.TotalOverload() == 0;
    bool improved = feasible && Offer();
    if (feasible && state_.cost() < segment_cost_) {
      segment_cost_ = state_.cost();
      segment_best_ = state_.choice();
    }
    last_improvement_ = improved ? iteration_ : last_improvement_;
    if (improved) idle_restarts_ = 0;
    if (iteration_ - last_improvement_ > kRestartIterations && ctx_.HasBest()) {
      Remember();
      if (++idle_restarts_ >= kPoolResetRestarts && !initial_pool_.empty()) {
        elite_ = initial_pool_;
        idle_restarts_ = 0;
        ++pool_resets_;
      }
      size_t pick = ctx_.rng() % (elite_.size() + 1);
      state_ = State(p_, pick == elite_.size() ? ctx_.best : elite_[pick].second);
      if (p_.jobs <= kRelinkJobs && !elite_.empty() && ctx_.rng() % 100 < kRelinkPercent) {
        size_t guide = ctx_.rng() % (elite_.size() + 1);
        if (guide != pick) Relink(guide == elite_.size() ? ctx_.best : elite_[guide].second);
      }
      // The lists change only with the draw: the best cost (their fixing
      // test) changes only in Offer, which rebuilds them.
      bool core = (ctx_.rng() & 1) != 0;
      if (core != core_) {
        core_ = core;
        SetActive(ActiveCandidates(ctx_, kActiveCap, core_ ? kWalkCore : 0));
      }
      ++restarts_;
      elite_restarts_ += pick == elite_.size() ? 0 : 1;
      last_improvement_ = iteration_;
    }
    return improved;
  }

  //! Moves part of the way from state_ to `guide` (see kRelinkJobs): each
  //! step moves, of the jobs where the two differ, the one whose move to the
  //! guide's candidate changes cost + penalty least (ties at random), and
  //! forbids its return for one iteration longer than any tenure.
  void Relink(const std::vector<int>& guide) {
    std::vector<int> differ;
    for (int j = 0; j < p_.jobs; ++j) {
      if (state_.choice()[j] != guide[j]) differ.push_back(j);
    }
    if (differ.size() < 2) return;
    const size_t lo = differ.size() * kRelinkFromPercent / 100;
    const size_t hi = differ.size() * kRelinkToPercent / 100;
    const size_t steps = lo + (hi > lo ? ctx_.rng() % (hi - lo + 1) : 0);
    if (steps == 0) return;
    ++relinks_;
    const int64_t tenure = kTenureMin + TenureSpan();
    for (size_t step = 0; step < steps; ++step) {
      double least = std::numeric_limits<double>::infinity();
      size_t at = 0;
      for (size_t x = 0; x < differ.size(); ++x) {
        double v = ShiftValue(state_.choice()[differ[x]], guide[differ[x]]);
        if (v < least || (v == least && (ctx_.rng() & 1))) {
          least = v;
          at = x;
        }
      }
      int j = differ[at];
      tabu_until_[state_.choice()[j]] = iteration_ + tenure;
      state_.Move(j, guide[j]);
      differ[at] = differ.back();
      differ.pop_back();
    }
  }

  //! Iterations verified by the check_moves debug mode, and failures.
  [[nodiscard]] int64_t checked() const { return checked_; }
  [[nodiscard]] int64_t mismatches() const { return mismatches_; }
  //! Restarts, and of those the ones from an elite solution (not the best).
  [[nodiscard]] int64_t restarts() const { return restarts_; }
  [[nodiscard]] int64_t elite_restarts() const { return elite_restarts_; }
  //! Of restarts, those that walked towards another solution (Relink).
  [[nodiscard]] int64_t relinks() const { return relinks_; }
  //! Times the elite pool was set back to its start (kPoolResetRestarts).
  [[nodiscard]] int64_t pool_resets() const { return pool_resets_; }

 private:
  double Pen(int agent, int64_t delta) const {
    return penalty_.Delta(p_, agent, state_.load(agent), delta);
  }
  //! Cost + penalty change of moving a job from candidate k0 to k.
  double ShiftValue(int k0, int k) const {
    return static_cast<double>(p_.cost[k] - p_.cost[k0]) + Pen(p_.agent[k0], -p_.weight[k0]) +
           Pen(p_.agent[k], p_.weight[k]);
  }
  //! Tabu tenures are drawn from kTenureMin + [0, TenureSpan()).
  [[nodiscard]] int64_t TenureSpan() const { return 1 + p_.jobs / kTenureJobsPerStep; }
  int64_t OverDelta(int agent, int64_t delta) const {
    int64_t before = state_.load(agent) - p_.capacity[agent];
    return std::max<int64_t>(0, before + delta) - std::max<int64_t>(0, before);
  }
  bool Allowed(int candidate, int64_t new_cost, int64_t new_over) const {
    if (tabu_until_[candidate] < iteration_) return true;
    return new_over == 0 && (!ctx_.HasBest() || new_cost < ctx_.best_cost);
  }
  void Consider(const TabuMove& m, TabuMove& best) {
    if (m.delta < best.delta || (m.delta == best.delta && (ctx_.rng() & 1))) best = m;
  }

  TabuMove BestMove() {
    TabuMove best;
    over_ = state_.TotalOverload();
    sampled_ = p_.jobs > kSwapFullJobs;
    chains_ = p_.jobs <= kChainJobs;
    if (chains_) Exits();
    for (int j = 0; j < p_.jobs; ++j) {
      Shifts(j, best);
      if (chains_) {
        Chains(j, best);
      } else if (!sampled_ || state_.Over(state_.AgentOf(j)) > 0 || ctx_.rng() % kSwapStride == 0) {
        Swaps(j, best);
      }
    }
    if (chains_ && ctx_.options.check_moves) Check(best);
    return best;
  }

  // Debug check (GapOptions::check_moves): the least value over every
  // admissible shift and chain, each evaluated from scratch with no pruning,
  // packed records or look-up tables, must equal the chosen move's value.
  void Check(const TabuMove& chosen) {
    double least = std::numeric_limits<double>::infinity();
    int64_t over = state_.TotalOverload();
    for (int j1 = 0; j1 < p_.jobs; ++j1) {
      int k0 = state_.choice()[j1];
      int i1 = p_.agent[k0];
      for (int k1 : active_[j1]) {
        int i2 = p_.agent[k1];
        if (i2 == i1) continue;
        int64_t dcost = p_.cost[k1] - p_.cost[k0];
        int64_t new_over = over + OverDelta(i1, -p_.weight[k0]) + OverDelta(i2, p_.weight[k1]);
        if (Allowed(k1, state_.cost() + dcost, new_over)) {
          least = std::min(
              least, static_cast<double>(dcost) + Pen(i1, -p_.weight[k0]) + Pen(i2, p_.weight[k1]));
        }
        for (int j2 : state_.JobsOn(i2)) {
          int kc = state_.choice()[j2];
          for (int k2 : active_[j2]) {
            int i3 = p_.agent[k2];
            if (i3 == i2) continue;
            // Load changes per agent: i1 loses k0 (and gains k2 when i3 == i1).
            int64_t d1 = -p_.weight[k0] + (i3 == i1 ? p_.weight[k2] : 0);
            int64_t d2 = p_.weight[k1] - p_.weight[kc];
            int64_t chain_cost = dcost + p_.cost[k2] - p_.cost[kc];
            int64_t chain_over = over + OverDelta(i1, d1) + OverDelta(i2, d2) +
                                 (i3 == i1 ? 0 : OverDelta(i3, p_.weight[k2]));
            int64_t new_cost = state_.cost() + chain_cost;
            if (!Allowed(k1, new_cost, chain_over) || !Allowed(k2, new_cost, chain_over)) continue;
            double value = static_cast<double>(chain_cost) + Pen(i1, d1) + Pen(i2, d2) +
                           (i3 == i1 ? 0.0 : Pen(i3, p_.weight[k2]));
            least = std::min(least, value);
          }
        }
      }
    }
    ++checked_;
    bool same = std::isinf(least) ? chosen.job1 < 0
                                  : chosen.job1 >= 0 && std::abs(chosen.delta - least) <=
                                                            1e-9 * (1.0 + std::abs(least));
    if (!same) ++mismatches_;
  }

  void Shifts(int j, TabuMove& best) {
    int k0 = state_.choice()[j];
    int i1 = p_.agent[k0];
    int64_t over = over_;
    for (int k : active_[j]) {
      int i2 = p_.agent[k];
      if (i2 == i1) continue;
      int64_t dcost = p_.cost[k] - p_.cost[k0];
      int64_t dover = OverDelta(i1, -p_.weight[k0]) + OverDelta(i2, p_.weight[k]);
      if (!Allowed(k, state_.cost() + dcost, over + dover)) continue;
      double delta = ShiftValue(k0, k);
      Consider({delta, j, k, -1, -1}, best);
    }
  }

  int CandidateAt(int job, int agent) const {
    const std::vector<int>& list = by_agent_[job];
    auto it = std::lower_bound(list.begin(), list.end(), agent,
                               [&](int k, int a) { return p_.agent[k] < a; });
    return it != list.end() && p_.agent[*it] == agent ? *it : -1;
  }

  //! Same as CandidateAt, from the dense table when there is one.
  int SwapAt(int job, int agent) const {
    if (swap_at_.empty()) return CandidateAt(job, agent);
    return swap_at_[static_cast<size_t>(agent) * static_cast<size_t>(p_.jobs) +
                    static_cast<size_t>(job)];
  }

  void SetActive(ActiveLists lists) {
    active_ = std::move(lists);
    by_agent_ = active_;
    for (std::vector<int>& list : by_agent_) {
      std::sort(list.begin(), list.end(), [&](int a, int b) { return p_.agent[a] < p_.agent[b]; });
    }
    swap_at_.clear();
    if (static_cast<int64_t>(p_.jobs) * p_.agents > kDenseSwapPairs) return;
    swap_at_.assign(static_cast<size_t>(p_.jobs) * static_cast<size_t>(p_.agents), -1);
    for (int j = 0; j < p_.jobs; ++j) {
      for (int k : active_[j]) {
        swap_at_[static_cast<size_t>(p_.agent[k]) * static_cast<size_t>(p_.jobs) +
                 static_cast<size_t>(j)] = k;
      }
    }
  }

  void Swaps(int j1, TabuMove& best) {
    int k0 = state_.choice()[j1];
    int i1 = p_.agent[k0];
    int64_t over = over_;
    for (int k1 : active_[j1]) {
      int i2 = p_.agent[k1];
      if (i2 == i1) continue;
      for (int j2 : state_.JobsOn(i2)) {
        if (!sampled_ && j2 < j1) continue;
        int k2 = SwapAt(j2, i1);
        if (k2 < 0) continue;
        int kc = state_.choice()[j2];
        int64_t d1 = p_.weight[k2] - p_.weight[k0], d2 = p_.weight[k1] - p_.weight[kc];
        int64_t dcost = p_.cost[k1] - p_.cost[k0] + p_.cost[k2] - p_.cost[kc];
        int64_t new_over = over + OverDelta(i1, d1) + OverDelta(i2, d2);
        int64_t new_cost = state_.cost() + dcost;
        if (!Allowed(k1, new_cost, new_over) || !Allowed(k2, new_cost, new_over)) continue;
        Consider({static_cast<double>(dcost) + Pen(i1, d1) + Pen(i2, d2), j1, k1, j2, k2}, best);
      }
    }
  }

  // Ejection chains from j1: j1 -> agent i2 (candidate k1), then one job j2
  // of i2 -> another agent i3 (candidate k2); i3 == i1 is a swap. When k1 is
  // not tabu and i3 is neither i1 nor i2, the best k2 depends on j2 alone
  // (agent i3's load is untouched by the first move): it is the first of
  // j2's two best non-tabu exits (see Exits) not on agent i1. Tabu exits
  // are tried (for aspiration) only when their cost allows a new best.
  void Chains(int j1, TabuMove& best) {
    int k0 = state_.choice()[j1];
    int i1 = p_.agent[k0];
    int64_t over = over_;
    double pen_leave = Pen(i1, -p_.weight[k0]);
    int64_t over_leave = OverDelta(i1, -p_.weight[k0]);
    int64_t before1 = state_.load(i1) - p_.capacity[i1];
    int64_t over_before1 = std::max<int64_t>(0, before1);
    double alpha1 = penalty_.alpha[i1];
    for (int k1 : active_[j1]) {
      int i2 = p_.agent[k1];
      if (i2 == i1) continue;
      bool k1_free = tabu_until_[k1] < iteration_;
      // Agent i2's load terms, hoisted: OverDelta(i2, d) and Pen(i2, d).
      int64_t before2 = state_.load(i2) - p_.capacity[i2];
      int64_t over_before2 = std::max<int64_t>(0, before2);
      double alpha2 = penalty_.alpha[i2];
      int64_t w1 = p_.weight[k1];
      int64_t head_cost = p_.cost[k1] - p_.cost[k0];
      for (const ChainJob& r : chain_jobs_[i2]) {
        int j2 = r.job;
        int64_t d2 = w1 - r.weight;
        int64_t base_cost = head_cost - r.cost;
        int64_t over_d2 = std::max<int64_t>(0, before2 + d2) - over_before2;
        double pen2 = alpha2 * static_cast<double>(over_d2);
        int64_t over2 = over + over_d2;
        auto consider = [&](int k2) {
          int i3 = p_.agent[k2];
          int64_t dcost = base_cost + p_.cost[k2];
          int64_t new_over = over2;
          double pen = pen2;
          if (i3 == i1) {
            int64_t d1 = p_.weight[k2] - p_.weight[k0];
            new_over += OverDelta(i1, d1);
            pen += Pen(i1, d1);
          } else {
            new_over += over_leave + OverDelta(i3, p_.weight[k2]);
            pen += pen_leave + Pen(i3, p_.weight[k2]);
          }
          // Consider does nothing with a worse move: skip the tabu tests.
          double delta = static_cast<double>(dcost) + pen;
          if (delta > best.delta) return;
          int64_t new_cost = state_.cost() + dcost;
          if (!Allowed(k1, new_cost, new_over) || !Allowed(k2, new_cost, new_over)) return;
          Consider({delta, j1, k1, j2, k2}, best);
        };
        if (!k1_free) {
          for (int k2 : active_[j2]) {
            if (p_.agent[k2] != i2) consider(k2);
          }
          continue;
        }
        int swap = SwapAt(j2, i1);
        if (swap >= 0) {
          // consider(swap) inlined (the hot case): i3 == i1.
          int64_t dcost = base_cost + p_.cost[swap];
          int64_t over_d1 =
              std::max<int64_t>(0, before1 + p_.weight[swap] - p_.weight[k0]) - over_before1;
          double delta =
              static_cast<double>(dcost) + (pen2 + alpha1 * static_cast<double>(over_d1));
          if (delta <= best.delta) {
            int64_t new_cost = state_.cost() + dcost;
            int64_t new_over = over2 + over_d1;
            if (Allowed(k1, new_cost, new_over) && Allowed(swap, new_cost, new_over)) {
              Consider({delta, j1, k1, j2, swap}, best);
            }
          }
        }
        // Tabu exits only by aspiration, which needs a new best cost.
        if (r.tabu_cost != kNoExit &&
            (!ctx_.HasBest() || state_.cost() + base_cost + r.tabu_cost < ctx_.best_cost)) {
          for (int k2 : active_[j2]) {
            int i3 = p_.agent[k2];
            if (i3 != i1 && i3 != i2 && tabu_until_[k2] >= iteration_) consider(k2);
          }
        }
        bool second = r.exit1_agent == i1;
        int exit = second ? r.exit2 : r.exit1;
        if (exit < 0) continue;
        // Both candidates are free: no tabu test, only the value.
        double delta =
            static_cast<double>(base_cost) + pen2 + pen_leave + (second ? r.value2 : r.value1);
        if (delta <= best.delta) Consider({delta, j1, k1, j2, exit}, best);
      }
    }
  }

  // Per job, its two non-tabu candidates off its current agent of least
  // cost + penalty change at the receiving agent (-1 when missing), and the
  // least cost of its tabu ones.
  void Exits() {
    exits_.resize(p_.jobs);
    for (int j = 0; j < p_.jobs; ++j) {
      int kc = state_.choice()[j];
      int i0 = p_.agent[kc];
      ChainJob& r = exits_[j];
      r = {j, kc, -1, -1, -1, p_.weight[kc], p_.cost[kc], kNoExit, 0, 0};
      double v1 = std::numeric_limits<double>::infinity(), v2 = v1;
      for (int k : active_[j]) {
        int i = p_.agent[k];
        if (i == i0) continue;
        if (tabu_until_[k] >= iteration_) {
          r.tabu_cost = std::min(r.tabu_cost, p_.cost[k]);
          continue;
        }
        double v = static_cast<double>(p_.cost[k]) + Pen(i, p_.weight[k]);
        // Ties broken at random, like Consider, for diversity.
        if (v < v1 || (v == v1 && (ctx_.rng() & 1))) {
          v2 = v1;
          r.exit2 = r.exit1;
          v1 = v;
          r.exit1 = k;
        } else if (v < v2 || (v == v2 && (ctx_.rng() & 1))) {
          v2 = v;
          r.exit2 = k;
        }
      }
      r.exit1_agent = r.exit1 >= 0 ? p_.agent[r.exit1] : -1;
      r.value1 = v1;
      r.value2 = v2;
    }
    chain_jobs_.resize(p_.agents);
    for (int i = 0; i < p_.agents; ++i) {
      std::vector<ChainJob>& rows = chain_jobs_[i];
      rows.clear();
      for (int j : state_.JobsOn(i)) rows.push_back(exits_[j]);
    }
  }

  void Apply(const TabuMove& m) {
    auto tenure = [&] {
      return kTenureMin + static_cast<int64_t>(ctx_.rng() % static_cast<uint64_t>(TenureSpan()));
    };
    tabu_until_[state_.choice()[m.job1]] = iteration_ + tenure();
    state_.Move(m.job1, m.to1);
    if (m.job2 < 0) return;
    tabu_until_[state_.choice()[m.job2]] = iteration_ + tenure();
    state_.Move(m.job2, m.to2);
  }

  // Keeps the segment's best feasible walk solution in the elite pool.
  void Remember() {
    int64_t c = segment_cost_;
    segment_cost_ = INT64_MAX;
    if (c == INT64_MAX) return;
    KeepInPool(elite_, kElite, c, std::move(segment_best_));
    segment_best_.clear();
  }

  void Adapt() {
    bool feasible = state_.TotalOverload() == 0;
    for (int i = 0; i < p_.agents; ++i) {
      double& a = penalty_.alpha[i];
      if (state_.Over(i) > 0) a = std::min(kPenaltyCeiling, a * kPenaltyUp);
      if (feasible) a = std::max(kPenaltyFloor, a * kPenaltyDown);
    }
  }

  bool Offer() {
    if (ctx_.HasBest() && state_.cost() >= ctx_.best_cost) return false;
    State polished = state_;
    Penalty hard{std::vector<double>(p_.agents, kHardPenalty)};
    DescendAll(p_, polished, hard, active_, ctx_.deadline);
    if (!ctx_.OfferSolution(polished.choice())) return false;
    SetActive(ActiveCandidates(ctx_, kActiveCap, core_ ? kWalkCore : 0));
    return true;
  }

  Context& ctx_;
  const Problem& p_;
  ActiveLists active_;
  ActiveLists by_agent_;  //!< active_ sorted by agent, for swap look-ups.
  //! Active candidate of job j at agent i at [i * jobs + j], or -1; empty
  //! above kDenseSwapPairs (then by_agent_ is searched).
  std::vector<int> swap_at_;
  std::vector<std::vector<ChainJob>> chain_jobs_;  //!< Per agent, its jobs (Exits).
  State state_;
  Penalty penalty_;
  std::vector<int64_t> tabu_until_;
  int64_t iteration_ = 0;
  int64_t over_ = 0;             //!< Total overload at the start of the iteration.
  bool chains_ = false;          //!< Ejection chains instead of swaps.
  bool core_ = true;             //!< This walk searches the core (kWalkCore).
  bool sampled_ = false;         //!< Swaps sampled this iteration (no j1 <= j2 cut).
  std::vector<ChainJob> exits_;  //!< Per job, its record (Exits), packed into chain_jobs_.
  int64_t last_improvement_ = 0;
  //! Good feasible solutions (cost, choice) to restart from; see kElite.
  SolutionPool elite_;
  std::vector<int> segment_best_;     //!< Best feasible since the last restart.
  int64_t segment_cost_ = INT64_MAX;  //!< Its cost, or INT64_MAX.
  int64_t restarts_ = 0;
  int64_t elite_restarts_ = 0;  //!< Of restarts_, those from an elite solution.
  int64_t relinks_ = 0;         //!< Of restarts_, those relinked (Relink).
  SolutionPool initial_pool_;   //!< elite_ as the search began (kPoolResetRestarts).
  int64_t idle_restarts_ = 0;   //!< Restarts since the last new best.
  int64_t pool_resets_ = 0;     //!< Times elite_ was set back to initial_pool_.
  int64_t checked_ = 0;         //!< Moves verified by Check.
  int64_t mismatches_ = 0;      //!< Of those, chosen value != least value.
};

}  // namespace

std::string MetaheuristicStep(Context& ctx) {
  if (ctx.problem.jobs == 0) return ctx.Skip("no jobs");
  Tabu search(ctx);
  int64_t rounds = 0, improvements = 0;
  const int64_t limit = ctx.options.max_iterations;
  const double stop_at = ctx.options.time_limit_seconds * (1.0 - SubsetSearchShare(ctx));
  while (!ctx.Done() && ctx.deadline.Elapsed() < stop_at && (limit <= 0 || rounds < limit)) {
    improvements += search.Step() ? 1 : 0;
    ++rounds;
  }
  GapStepReport& r = *ctx.report;
  r.improvements = improvements;
  r.restarts = search.restarts();
  r.elite_restarts = search.elite_restarts();
  r.relinked = search.relinks();
  r.pool_resets = search.pool_resets();
  r.moves_checked = search.checked();
  r.move_mismatches = search.mismatches();
  std::string note = std::to_string(rounds) + " iterations, " + std::to_string(improvements) +
                     " improvements, " + std::to_string(search.restarts()) + " restarts (" +
                     std::to_string(search.elite_restarts()) + " from the elite pool, " +
                     std::to_string(search.relinks()) + " relinked, " +
                     std::to_string(search.pool_resets()) + " pool resets), " +
                     std::to_string(CandidatesLeft(ctx)) + " candidates left by fixing";
  if (ctx.options.check_moves) {
    note += ", " + std::to_string(search.checked()) + " moves checked, " +
            std::to_string(search.mismatches()) + " mismatches";
  }
  return note;
}

}  // namespace guild::gap::internal
