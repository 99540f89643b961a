// Lagrangian relaxation of the seat rows ("an opening takes at most `seats`
// distinct people; each empty seat costs U").
//
// With x[g, c] = 1 when candidate c takes a seat of opening g, the objective
// is U * seats_total + sum x[g, c] (cost - U). Pricing each opening's row
// sum_c x[g, c] <= seats_g with mu_g >= 0 gives
//
//   K(mu) = U * seats_total - sum_g mu_g seats_g
//         + sum over people a of min { sum_{i in S} (cost_i - U + mu_g(i)) :
//                                      S a subset of a's candidates that fits
//                                      a's free hours in every week }
//
// a lower bound on the optimum over the generated candidates for any mu >= 0.
// The stretch, coach, pin and lead rules are relaxed (only lowers it). Each
// person's subproblem is a small multi-week knapsack solved exactly by depth
// first branch and bound; when a person's node budget runs out, the smallest
// bound of the unexplored branches is used instead (still a lower bound).
// Unlike the capacity relaxation, this subproblem lacks the integrality
// property, so K can exceed the LP relaxation (a 40 h person cannot take two
// 32 h seats). Polyak subgradient steps, warm started from the seat prices
// implied by the capacity relaxation's multipliers, maximise it.
#include <algorithm>
#include <cmath>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr double kInitialTheta = 2.0;
constexpr int kPatience = 6;            //!< iterations without progress before theta halves
constexpr double kMinTheta = 1e-4;      //!< stop when steps are this small
constexpr int64_t kNodeBudget = 20000;  //!< branch-and-bound nodes per person and evaluation
// More permissive than CanTake's 1e-4, so every feasible primal subset fits.
constexpr double kHoursSlack = 1e-3;

struct Item {
  uint32_t group = 0;
  int w0 = 0, w1 = 0;
  double hours = 0;
  double base = 0;  //!< cost - U
};

struct Model {
  std::vector<uint32_t> offsets{0};  //!< per agent: its items
  std::vector<Item> items;
  double constant = 0;  //!< U * seats_total
};

Model BuildModel(const Problem& p) {
  const double unfilled = p.ctx->options.weights.unfilled;
  std::vector<uint32_t> count(p.agent_person.size() + 1, 0);
  for (const Group& g : p.groups)
    for (const Cand& c : g.cands) ++count[c.agent + 1];
  Model m;
  m.offsets.assign(p.agent_person.size() + 1, 0);
  for (size_t a = 0; a < p.agent_person.size(); ++a) m.offsets[a + 1] = m.offsets[a] + count[a + 1];
  m.items.resize(m.offsets.back());
  std::vector<uint32_t> fill(m.offsets.begin(), m.offsets.end() - 1);
  for (uint32_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    m.constant += unfilled * g.seats;
    for (const Cand& c : g.cands)
      m.items[fill[c.agent]++] = {gi, g.facts.w0, g.facts.w1, g.facts.opening->hours_per_week,
                                  c.cost - unfilled};
  }
  return m;
}

// Exact (or, past the node budget, bounded-below) minimum of one person's
// knapsack over items with negative reduced cost, sorted ascending.
struct Knapsack {
  const std::vector<const Item*>* items = nullptr;
  const std::vector<double>* value = nullptr;
  std::vector<double> rest;  //!< rest[i] = sum of value[i..n)
  std::vector<double> used;  //!< per week
  const float* free = nullptr;
  std::vector<uint8_t> pick, best_pick;
  double best = 0, lower = 0;
  int64_t nodes = 0;
  bool aborted = false;

  bool Fits(const Item& it) const {
    for (int w = it.w0; w < it.w1; ++w)
      if (used[w] + it.hours > free[w] + kHoursSlack) return false;
    return true;
  }
  void Add(const Item& it, double sign) {
    for (int w = it.w0; w < it.w1; ++w) used[w] += sign * it.hours;
  }
  void Search(size_t i, double cur) {
    const size_t n = items->size();
    if (cur + rest[i] >= best - 1e-12) return;  // cannot beat the best
    if (aborted) {
      lower = std::min(lower, cur + rest[i]);
      return;
    }
    if (i == n) {
      best = cur;
      best_pick = pick;
      return;
    }
    if (++nodes > kNodeBudget) {
      aborted = true;
      lower = std::min(lower, cur + rest[i]);
      return;
    }
    const Item& it = *(*items)[i];
    if (Fits(it)) {
      Add(it, 1);
      pick[i] = 1;
      Search(i + 1, cur + (*value)[i]);
      pick[i] = 0;
      Add(it, -1);
    }
    Search(i + 1, cur);
  }
};

struct Relaxed {
  double value = 0;
  std::vector<double> g;  //!< subgradient per group
  int64_t inexact = 0;    //!< people whose budget ran out
};

Relaxed Evaluate(const Problem& p, const Model& m, const std::vector<double>& mu) {
  const int weeks = p.ctx->weeks;
  Relaxed r;
  r.value = m.constant;
  r.g.assign(p.groups.size(), 0);
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    r.value -= mu[gi] * p.groups[gi].seats;
    r.g[gi] = -p.groups[gi].seats;
  }
  std::vector<std::pair<double, const Item*>> neg;
  std::vector<const Item*> items;
  std::vector<double> value;
  Knapsack k;
  k.items = &items;
  k.value = &value;
  k.used.assign(static_cast<size_t>(weeks), 0);
  for (size_t a = 0; a + 1 < m.offsets.size(); ++a) {
    neg.clear();
    for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
      const double v = m.items[i].base + mu[m.items[i].group];
      if (v < 0) neg.push_back({v, &m.items[i]});
    }
    if (neg.empty()) continue;
    std::sort(neg.begin(), neg.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    items.clear();
    value.clear();
    for (const auto& [v, it] : neg) {
      items.push_back(it);
      value.push_back(v);
    }
    const size_t n = items.size();
    k.rest.assign(n + 1, 0);
    for (size_t i = n; i-- > 0;) k.rest[i] = k.rest[i + 1] + value[i];
    k.free = p.agent_free.data() + a * static_cast<size_t>(weeks);
    k.pick.assign(n, 0);
    k.best_pick.assign(n, 0);
    k.best = 0;
    k.lower = 0;
    k.nodes = 0;
    k.aborted = false;
    k.Search(0, 0);
    r.value += k.aborted ? std::min(k.best, k.lower) : k.best;
    r.inexact += k.aborted;
    for (size_t i = 0; i < n; ++i)
      if (k.best_pick[i]) r.g[items[i]->group] += 1;
  }
  return r;
}

}  // namespace

KnapsackResult KnapsackBound(const Problem& p, double upper, const std::vector<double>& warm,
                             int iterations, Clock::time_point deadline) {
  const Model m = BuildModel(p);
  const double unfilled = p.ctx->options.weights.unfilled;
  // Prices above U - (cheapest candidate) only lower K: cap there.
  std::vector<double> cap(p.groups.size(), 0);
  for (size_t gi = 0; gi < p.groups.size(); ++gi)
    if (!p.groups[gi].cands.empty())
      cap[gi] = std::max(0.0, unfilled - p.groups[gi].cands.front().cost);
  std::vector<double> mu(p.groups.size(), 0);
  if (warm.size() == mu.size())
    for (size_t gi = 0; gi < mu.size(); ++gi) mu[gi] = std::clamp(warm[gi], 0.0, cap[gi]);
  KnapsackResult out;
  out.bound = -1e300;
  double theta = kInitialTheta;
  int stale = 0;
  for (int it = 0; it <= iterations; ++it) {
    Relaxed r = Evaluate(p, m, mu);
    ++out.iterations;
    if (it == 0) out.first = r.value;
    if (r.value > out.bound + 1e-9) {
      out.bound = r.value;
      out.inexact_people = r.inexact;
      stale = 0;
    } else if (++stale >= kPatience) {
      theta /= 2;
      stale = 0;
    }
    if (it == iterations || Clock::now() > deadline || upper - out.bound < 1e-9 ||
        theta < kMinTheta)
      break;
    double norm = 0;
    for (size_t gi = 0; gi < mu.size(); ++gi) {
      if ((mu[gi] <= 0 && r.g[gi] < 0) || (mu[gi] >= cap[gi] && r.g[gi] > 0)) r.g[gi] = 0;
      norm += r.g[gi] * r.g[gi];
    }
    if (norm == 0) break;  // the relaxed solution is feasible and complementary: optimal
    const double step = theta * std::max(upper - r.value, 1e-6) / norm;
    for (size_t gi = 0; gi < mu.size(); ++gi)
      mu[gi] = std::clamp(mu[gi] + step * r.g[gi], 0.0, cap[gi]);
  }
  out.uncapped = out.bound;
  out.bound = std::min(out.bound, upper);
  return out;
}

}  // namespace guild::staffing::internal
