// Lagrangian relaxation of the seat rows ("an opening takes at most `seats`
// distinct people; each empty seat costs U").
//
// With x[g, c] = 1 when candidate c takes a seat of opening g, the objective
// is U * seats_total + sum x[g, c] (cost - U). Pricing each opening's row
// sum_c x[g, c] <= seats_g with mu_g >= 0 and, where it can bind, its
// stretch row sum_{stretch c} x[g, c] <= 1 with nu_g >= 0 gives
//
//   K(mu, nu) = U * seats_total - sum_g (mu_g seats_g + nu_g)
//         + sum over people a of min { sum_{i in S} (cost_i - U + mu_g(i)
//                                        [+ nu_g(i) for a stretch item]) :
//                                      S a subset of a's candidates that fits
//                                      a's free hours in every week }
//
// a lower bound on the optimum over the generated candidates for any
// mu, nu >= 0 (seats, costs and hours counted after the pins PlanAll seats
// first, RecordPins). The coach, pin and lead rules are relaxed (only lowers it);
// stretch candidates no plan can seat are left out (SeatableCandidates). Each
// person's subproblem is a small multi-week knapsack solved exactly by depth
// first branch and bound; when a person's node budget runs out, the smallest
// bound of the unexplored branches is used instead (still a lower bound).
// A person's free hours hold in every week their seats touch: the horizon's
// weeks and, past it, stretches of weeks where nothing changes (AddSlots).
// Unlike the capacity relaxation, this subproblem lacks the integrality
// property, so K can exceed the LP relaxation (a 40 h person cannot take two
// 32 h seats). From the seat prices implied by the capacity relaxation's
// multipliers, block-coordinate ascent (AscentPass), column generation on
// the Dantzig-Wolfe master (ColumnGeneration) and then Polyak subgradient
// steps maximise it.
#include <algorithm>
#include <cmath>
#include <coin/ClpSimplex.hpp>
#include <functional>
#include <limits>
#include <span>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr double kInitialTheta = 2.0;
constexpr int kPatience = 6;                 //!< iterations without progress before theta halves
constexpr double kMinTheta = 1e-4;           //!< stop when steps are this small
constexpr int64_t kNodeBudget = 20000;       //!< branch-and-bound nodes per person and evaluation
constexpr int64_t kAscentNodeBudget = 2000;  //!< per threshold: an estimate suffices there
constexpr int kMaxAscentPasses = 50;
constexpr double kTiePoint = 0.5;
constexpr int kAscentRowRounds = 3;  //!< alternations of seat and stretch price per opening
//! Ascent stops when a pass gains less than this share of the remaining gap.
constexpr double kAscentMinGain = 1e-3;
//! Initial Polyak factor after the ascent (near a maximum, long steps overshoot).
constexpr double kThetaAfterAscent = 0.5;
// More permissive than CanTake's 1e-4, so every feasible primal subset fits.
constexpr double kHoursSlack = 1e-3;

//! Share of the step's remaining time the first restricted master LP may use.
constexpr double kFirstLpShare = 0.5;

constexpr uint32_t kNoRow = UINT32_MAX;

struct Item {
  uint32_t group = 0;
  uint32_t stretch_row = kNoRow;  //!< a stretch candidate: its opening's stretch row
  int w0 = 0, w1 = 0;             //!< the agent's slots [w0, w1) the seat covers
  double hours = 0;
  double base = 0;  //!< cost - U
};

struct Model {
  std::vector<uint32_t> offsets{0};  //!< per agent: its items
  std::vector<Item> items;
  std::vector<uint32_t> group_offsets{0};                  //!< per group: its rows in group_items
  std::vector<std::pair<uint32_t, uint32_t>> group_items;  //!< (agent, item index)
  std::vector<uint32_t> group_cand;      //!< per group_items row: the candidate's k in its group
  double constant = 0;                   //!< the pins' cost + U * the seats they leave
  std::vector<uint8_t> stretch_limited;  //!< per group: has a stretch row (2+ stretch items)
  //! Per agent, its capacity slots: the horizon's weeks, then the stretches
  //! of weeks past it in which neither their bookings nor their items change.
  std::vector<uint32_t> slot_offsets{0};
  std::vector<float> slot_free;  //!< free hours per slot (the least of its weeks: all equal)
  int max_slots = 0;
  [[nodiscard]] const float* Free(size_t a) const { return slot_free.data() + slot_offsets[a]; }
};

// An item's price: its opening's seat row plus, for a stretch candidate, its
// opening's stretch row (rows are numbered: groups, then stretch rows).
double Price(const Item& it, const std::vector<double>& mu) {
  return mu[it.group] + (it.stretch_row != kNoRow ? mu[it.stretch_row] : 0.0);
}

// Capacity holds in every week a seat touches, past the horizon too: per
// agent, the horizon's weeks are its first slots (free hours less the seated
// pins'), and the weeks past it, up to the end of their last item, are cut
// where a booking, a pinned seat or an item starts or ends, so that booked
// hours are the same in every week of a slot. Items' weeks become slots.
void AddSlots(const Problem& p, Model& m) {
  const Context& ctx = *p.ctx;
  const int weeks = ctx.weeks;
  const size_t agents = m.offsets.size() - 1;
  std::vector<const Booking*> pinned(agents + 1, nullptr);
  std::vector<uint32_t> pin_start(agents + 1, 0);
  for (const auto& [agent, b] : p.pinned_late) ++pin_start[agent + 1];
  for (size_t a = 0; a < agents; ++a) pin_start[a + 1] += pin_start[a];
  std::vector<Booking> pins(p.pinned_late.size());
  {
    std::vector<uint32_t> fill(pin_start.begin(), pin_start.end() - 1);
    for (const auto& [agent, b] : p.pinned_late) pins[fill[agent]++] = b;
  }
  std::vector<int> cuts;
  m.slot_offsets.assign(1, 0);
  m.slot_free.clear();
  for (size_t a = 0; a < agents; ++a) {
    const uint32_t person = p.agent_person[a];
    const float* horizon = p.bound_free.data() + a * static_cast<size_t>(weeks);
    m.slot_free.insert(m.slot_free.end(), horizon, horizon + weeks);
    cuts.clear();
    int end = weeks;
    for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
      const OpeningFacts& f = p.groups[m.items[i].group].facts;
      if (f.end_week <= weeks) continue;
      cuts.push_back(std::max(f.first_week, weeks));
      cuts.push_back(f.end_week);
      end = std::max(end, f.end_week);
    }
    const std::span<const Booking> late = ctx.late.Row(person);
    const std::span<const Booking> pinned_late(pins.data() + pin_start[a],
                                               pin_start[a + 1] - pin_start[a]);
    if (end > weeks) {
      for (auto list : {late, pinned_late}) {
        for (const Booking& b : list) {
          if (b.w0 > weeks && b.w0 < end) cuts.push_back(b.w0);
          if (b.w1 > weeks && b.w1 < end) cuts.push_back(b.w1);
        }
      }
      cuts.push_back(weeks);
      std::sort(cuts.begin(), cuts.end());
      cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      const float limit = static_cast<float>(ctx.options.capacity_ceiling * ctx.capacity[person]);
      for (size_t c = 0; c + 1 < cuts.size(); ++c) {
        float booked = 0;
        for (auto list : {late, pinned_late}) {
          for (const Booking& b : list) {
            if (b.w0 <= cuts[c] && cuts[c] < b.w1) booked += b.hours;
          }
        }
        m.slot_free.push_back(limit - booked);
      }
      // Items' late weeks as slots (a slot per cut interval, after the horizon's).
      for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
        Item& it = m.items[i];
        const OpeningFacts& f = p.groups[it.group].facts;
        if (f.end_week <= weeks) continue;
        auto slot = [&](int w) {
          return weeks +
                 static_cast<int>(std::lower_bound(cuts.begin(), cuts.end(), w) - cuts.begin());
        };
        if (f.first_week >= weeks) it.w0 = slot(f.first_week);
        it.w1 = slot(f.end_week);
      }
    }
    m.slot_offsets.push_back(static_cast<uint32_t>(m.slot_free.size()));
    m.max_slots =
        std::max(m.max_slots, static_cast<int>(m.slot_offsets[a + 1] - m.slot_offsets[a]));
  }
}

Model BuildModel(const Problem& p) {
  const double unfilled = p.ctx->options.weights.unfilled;
  const std::vector<uint8_t> seatable = SeatableCandidates(p);
  std::vector<uint32_t> count(p.agent_person.size() + 1, 0);
  for (const Group& g : p.groups) {
    for (size_t k = 0; k < g.cands.size(); ++k) {
      if (seatable[g.cand_offset + k]) ++count[g.cands[k].agent + 1];
    }
  }
  Model m;
  m.constant = p.pinned_cost;
  m.offsets.assign(p.agent_person.size() + 1, 0);
  for (size_t a = 0; a < p.agent_person.size(); ++a) m.offsets[a + 1] = m.offsets[a] + count[a + 1];
  m.items.resize(m.offsets.back());
  m.group_items.reserve(m.items.size());
  m.group_offsets.reserve(p.groups.size() + 1);
  m.stretch_limited.assign(p.groups.size(), 0);
  const uint32_t groups = static_cast<uint32_t>(p.groups.size());
  std::vector<uint32_t> fill(m.offsets.begin(), m.offsets.end() - 1);
  for (uint32_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    m.constant += unfilled * p.free_seats[gi];
    int stretchers = 0;
    for (size_t k = 0; k < g.cands.size(); ++k) {
      stretchers += seatable[g.cand_offset + k] && g.cands[k].stretch_req >= 0;
    }
    // At most one stretch person per opening (existing ones leave no stretch
    // candidates): a row that can bind only with two or more stretch items and
    // two or more seats.
    m.stretch_limited[gi] = stretchers >= 2 && p.free_seats[gi] >= 2;
    for (size_t k = 0; k < g.cands.size(); ++k) {
      if (!seatable[g.cand_offset + k]) continue;
      const Cand& c = g.cands[k];
      m.group_cand.push_back(static_cast<uint32_t>(k));
      m.group_items.push_back({c.agent, fill[c.agent]});
      m.items[fill[c.agent]++] = {
          gi,
          m.stretch_limited[gi] && c.stretch_req >= 0 ? groups + gi : kNoRow,
          g.facts.w0,
          g.facts.w1,
          g.facts.opening->hours_per_week,
          c.cost - unfilled};
    }
    m.group_offsets.push_back(static_cast<uint32_t>(m.group_items.size()));
  }
  AddSlots(p, m);
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
  int64_t nodes = 0, budget = kNodeBudget;
  bool aborted = false;

  bool Fits(const Item& it) const {
    for (int w = it.w0; w < it.w1; ++w) {
      if (used[w] + it.hours > free[w] + kHoursSlack) return false;
    }
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
    if (++nodes > budget) {
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

// One person's subproblem at prices mu, with scratch space reused across
// people.
struct PersonSolver {
  std::vector<std::pair<double, const Item*>> neg;
  std::vector<const Item*> items;
  std::vector<double> value;
  Knapsack k;

  explicit PersonSolver(int slots) {
    k.items = &items;
    k.value = &value;
    k.used.assign(static_cast<size_t>(slots), 0);
  }

  // Minimum over the subsets of agent a's items other than `skip` (an index
  // into m.items, or UINT32_MAX) that fit its free hours, less `reserve`'s
  // hours when set (+infinity when `reserve` alone does not fit). A lower
  // bound when the node budget runs out (`k.aborted`); k.best_pick then
  // marks the best subset found, indexed like `items`.
  double Solve(const Problem& p, const Model& m, const std::vector<double>& mu, size_t a,
               uint32_t skip, const Item* reserve, int64_t budget) {
    k.free = m.Free(a);
    neg.clear();
    for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
      if (i == skip) continue;
      const double v = m.items[i].base + Price(m.items[i], mu);
      if (v < 0) neg.push_back({v, &m.items[i]});
    }
    items.clear();
    value.clear();
    k.aborted = false;
    k.best = 0;
    k.lower = 0;
    if (reserve != nullptr) {
      if (!k.Fits(*reserve)) return std::numeric_limits<double>::infinity();
      k.Add(*reserve, 1);
    }
    if (!neg.empty()) {
      std::sort(neg.begin(), neg.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [v, it] : neg) {
        items.push_back(it);
        value.push_back(v);
      }
      const size_t n = items.size();
      k.rest.assign(n + 1, 0);
      for (size_t i = n; i-- > 0;) k.rest[i] = k.rest[i + 1] + value[i];
      k.pick.assign(n, 0);
      k.best_pick.assign(n, 0);
      k.nodes = 0;
      k.budget = budget;
      k.Search(0, 0);
    } else {
      k.best_pick.clear();
    }
    if (reserve != nullptr) k.Add(*reserve, -1);
    return k.aborted ? std::min(k.best, k.lower) : k.best;
  }
};

struct Relaxed {
  double value = 0;
  std::vector<double> g;  //!< subgradient per group
  int64_t inexact = 0;    //!< people whose budget ran out
};

Relaxed Evaluate(const Problem& p, const Model& m, const std::vector<double>& mu,
                 PersonSolver& solver) {
  Relaxed r;
  r.value = m.constant;
  const size_t groups = p.groups.size();
  r.g.assign(2 * groups, 0);
  for (size_t gi = 0; gi < groups; ++gi) {
    r.value -= mu[gi] * p.free_seats[gi];
    r.g[gi] = -p.free_seats[gi];
    if (m.stretch_limited[gi]) {
      r.value -= mu[groups + gi];  // at most one stretch person
      r.g[groups + gi] = -1;
    }
  }
  for (size_t a = 0; a + 1 < m.offsets.size(); ++a) {
    r.value += solver.Solve(p, m, mu, a, UINT32_MAX, nullptr, kNodeBudget);
    r.inexact += solver.k.aborted;
    for (size_t i = 0; i < solver.k.best_pick.size(); ++i) {
      if (solver.k.best_pick[i]) {
        r.g[solver.items[i]->group] += 1;
        if (solver.items[i]->stretch_row != kNoRow) r.g[solver.items[i]->stretch_row] += 1;
      }
    }
  }
  return r;
}

// The price of a row that admits `limit` takers, given each candidate's
// threshold (the row price below which they take it): any price between the
// (limit+1)-th and the limit-th largest threshold maximises K along this
// row; kTiePoint picks where. 0 when the row cannot bind.
double RowPrice(std::vector<double>& values, size_t limit, double cap) {
  if (values.size() <= limit) return 0;
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(limit);
  std::nth_element(values.begin(), nth, values.end(), std::greater<>());
  const double lo = *nth;
  const double hi = limit == 0 ? lo : *std::min_element(values.begin(), nth);
  return std::clamp(lo + kTiePoint * (hi - lo), 0.0, cap);
}

// One pass of block-coordinate ascent: for each opening in turn, with the
// other openings' prices fixed, K is concave and piecewise linear in its seat
// price mu_g (and its stretch price nu_g): each candidate person a
// contributes min(A_a, B_a + mu_g [+ nu_g]), where A_a is their best subset
// without this opening and B_a their best subset with it (its hours
// reserved, its cost - U counted). A person holds one item per opening, so
// their threshold t_a = A_a - B_a does not depend on this opening's prices.
// K's slope in mu_g is -seats plus the number of people whose t_a (less nu_g
// for stretch candidates) is above mu_g, so RowPrice maximises it; likewise
// nu_g over the stretch candidates' t_a - mu_g with limit 1. Updates
// alternate a few times; none lowers K. Thresholds from a budget-cut
// knapsack are only approximate, which can cost ascent but never validity:
// the bound reported is always a full evaluation of K at the final prices.
void AscentPass(const Problem& p, const Model& m, const std::vector<double>& cap,
                std::vector<double>& mu, PersonSolver& solver,
                std::vector<std::pair<double, bool>>& thresholds, std::vector<double>& values,
                SteadyClock::time_point deadline) {
  const size_t groups = p.groups.size();
  for (size_t gi = 0; gi < groups; ++gi) {
    if ((gi & 1023) == 0 && SteadyClock::now() > deadline) return;
    const size_t seats = static_cast<size_t>(p.free_seats[gi]);
    const uint32_t b = m.group_offsets[gi], e = m.group_offsets[gi + 1];
    const bool limited = m.stretch_limited[gi] != 0;
    if (e - b <= seats && !limited) {
      mu[gi] = 0;  // every candidate fits in: the row never binds
      continue;
    }
    thresholds.clear();
    for (uint32_t r = b; r < e; ++r) {
      const auto [a, item] = m.group_items[r];
      const Item& it = m.items[item];
      const double without = solver.Solve(p, m, mu, a, item, nullptr, kAscentNodeBudget);
      const double with = solver.Solve(p, m, mu, a, item, &it, kAscentNodeBudget);
      if (with == std::numeric_limits<double>::infinity()) continue;
      thresholds.push_back({without - (with + it.base), it.stretch_row != kNoRow});
    }
    for (int round = 0; round < (limited ? kAscentRowRounds : 1); ++round) {
      values.clear();
      for (const auto& [t, stretch] : thresholds) {
        values.push_back(stretch ? t - mu[groups + gi] : t);
      }
      mu[gi] = RowPrice(values, seats, cap[gi]);
      if (!limited) break;
      values.clear();
      for (const auto& [t, stretch] : thresholds) {
        if (stretch) values.push_back(t - mu[gi]);
      }
      mu[groups + gi] = RowPrice(values, 1, cap[gi]);
    }
  }
}

// Per candidate (indexed by cand_offset + k): its cost plus what its seat
// costs the person at prices mu - their best subset of other seats with the
// seat's hours reserved, minus their best subset without it.
void OpportunityCosts(const Problem& p, const Model& m, const std::vector<double>& mu,
                      PersonSolver& solver, std::vector<double>& out) {
  out.clear();
  for (const Group& g : p.groups) {
    for (const Cand& c : g.cands) out.push_back(c.cost);  // unseatable ones keep their cost
  }
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    for (uint32_t r = m.group_offsets[gi]; r < m.group_offsets[gi + 1]; ++r) {
      const auto [a, item] = m.group_items[r];
      const double without = solver.Solve(p, m, mu, a, item, nullptr, kAscentNodeBudget);
      const double with = solver.Solve(p, m, mu, a, item, &m.items[item], kAscentNodeBudget);
      out[g.cand_offset + m.group_cand[r]] += std::max(0.0, with - without);
    }
  }
}

// Column generation on the Dantzig-Wolfe master of this relaxation: a
// column is one person's subset of items that fits their free hours (a
// pattern); the master LP picks at most one pattern per person (fractional
// in the LP) under the seat and stretch rows. Its optimum equals max K, and
// its row duals are seat and stretch prices. A person whose items all fit
// together at once needs no patterns: the convex hull of their subsets is
// the unit box, so their items are columns of their own, bounded by 1. The
// others get a convexity row and, to start, each item that fits alone and
// the best pattern at the starting prices; each round solves the LP, prices
// every person's knapsack at its duals (which is an evaluation of K: the
// bound taken is that, never the LP value) and adds the patterns whose
// reduced cost is negative. Stops when none is (the LP value then equals K),
// or at the deadline.
// Whether agent a's items, all taken, fit their free hours in every week.
bool AllFit(const Problem& p, const Model& m, size_t a, std::vector<double>& used) {
  const int slots = static_cast<int>(m.slot_offsets[a + 1] - m.slot_offsets[a]);
  const float* free = m.Free(a);
  std::fill(used.begin(), used.end(), 0.0);
  for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
    for (int w = m.items[i].w0; w < m.items[i].w1; ++w) used[w] += m.items[i].hours;
  }
  for (int w = 0; w < slots; ++w) {
    if (used[w] > free[w] + kHoursSlack) return false;
  }
  return true;
}

struct ColumnResult {
  int rounds = 0;       //!< LP solves
  int64_t columns = 0;  //!< patterns added after the first LP
  bool converged = false;
  double lp_value = 0;  //!< the last restricted master's value
};

// Appends to `rows`/`values` the rows of a pattern: its items' seat (and
// stretch) rows, and the agent's convexity row when it has one.
void PatternRows(const std::vector<const Item*>& items, int conv_row, std::vector<int>& rows,
                 std::vector<double>& values, double& cost) {
  rows.clear();
  values.clear();
  cost = 0;
  for (const Item* it : items) {
    rows.push_back(static_cast<int>(it->group));
    if (it->stretch_row != kNoRow) rows.push_back(static_cast<int>(it->stretch_row));
    cost += it->base;
  }
  if (conv_row >= 0) rows.push_back(conv_row);
  values.assign(rows.size(), 1.0);
}

ColumnResult ColumnGeneration(const Problem& p, const Model& m, std::vector<double>& mu,
                              PersonSolver& solver, SteadyClock::time_point deadline,
                              KnapsackResult& out, std::vector<double>& best_mu) {
  ColumnResult res;
  const size_t groups = p.groups.size();
  const size_t agents = m.offsets.size() - 1;
  std::vector<int> conv_row(agents, -1);
  std::vector<double> used(static_cast<size_t>(m.max_slots), 0.0);
  int rows = static_cast<int>(2 * groups);
  for (size_t a = 0; a < agents; ++a) {
    if (m.offsets[a + 1] - m.offsets[a] >= 2 && !AllFit(p, m, a, used)) conv_row[a] = rows++;
  }
  std::vector<double> row_lower(rows, -COIN_DBL_MAX), row_upper(rows, 1.0);
  for (size_t gi = 0; gi < groups; ++gi) {
    row_upper[gi] = p.free_seats[gi];
    row_upper[groups + gi] = m.stretch_limited[gi] ? 1.0 : COIN_DBL_MAX;
  }
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.resize(rows, 0);
  for (int r = 0; r < rows; ++r) {
    lp.setRowLower(r, row_lower[r]);
    lp.setRowUpper(r, row_upper[r]);
  }
  // Columns are gathered here and added to the LP in batches.
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> col_rows;
  std::vector<double> col_values, col_cost, col_lower, col_upper;
  std::vector<int> rows_buf;
  std::vector<double> values_buf;
  std::vector<const Item*> pattern;
  auto add = [&](int conv, double cost) {
    col_rows.insert(col_rows.end(), rows_buf.begin(), rows_buf.end());
    col_values.insert(col_values.end(), values_buf.begin(), values_buf.end());
    starts.push_back(static_cast<CoinBigIndex>(col_rows.size()));
    col_cost.push_back(cost);
    col_lower.push_back(0.0);
    col_upper.push_back(conv >= 0 ? COIN_DBL_MAX : 1.0);  // the convexity row bounds patterns
  };
  auto flush = [&] {
    const int n = static_cast<int>(col_cost.size());
    if (n == 0) return;
    lp.addColumns(n, col_lower.data(), col_upper.data(), col_cost.data(), starts.data(),
                  col_rows.data(), col_values.data());
    starts.assign(1, 0);
    col_rows.clear();
    col_values.clear();
    col_cost.clear();
    col_lower.clear();
    col_upper.clear();
  };
  // Each item alone (if it fits), then the best pattern at the starting prices.
  for (size_t a = 0; a < agents; ++a) {
    const float* free = m.Free(a);
    for (uint32_t i = m.offsets[a]; i < m.offsets[a + 1]; ++i) {
      const Item& it = m.items[i];
      bool fits = true;
      for (int w = it.w0; w < it.w1; ++w) fits = fits && it.hours <= free[w] + kHoursSlack;
      if (!fits) continue;
      pattern.assign(1, &it);
      double cost = 0;
      PatternRows(pattern, conv_row[a], rows_buf, values_buf, cost);
      add(conv_row[a], cost);
    }
  }
  flush();
  // Prices each person at mu (duals pi for the convexity rows); adds
  // patterns of negative reduced cost; returns K(mu).
  auto price = [&](const std::vector<double>& prices, const double* pi, int64_t& added) {
    double value = m.constant;
    for (size_t gi = 0; gi < groups; ++gi) {
      value -= prices[gi] * p.free_seats[gi];
      if (m.stretch_limited[gi]) value -= prices[groups + gi];
    }
    int64_t inexact = 0;
    for (size_t a = 0; a < agents; ++a) {
      const double v = solver.Solve(p, m, prices, a, UINT32_MAX, nullptr, kNodeBudget);
      value += v;
      inexact += solver.k.aborted;
      if (conv_row[a] < 0) continue;
      pattern.clear();
      for (size_t i = 0; i < solver.k.best_pick.size(); ++i) {
        if (solver.k.best_pick[i]) pattern.push_back(solver.items[i]);
      }
      if (pattern.size() < 2) continue;  // singletons are in from the start
      const double dual = pi != nullptr ? pi[conv_row[a]] : 0.0;  // <= 0
      if (solver.k.best >= dual - 1e-7) continue;                 // no negative reduced cost
      double cost = 0;
      PatternRows(pattern, conv_row[a], rows_buf, values_buf, cost);
      add(conv_row[a], cost);
      ++added;
    }
    if (value > out.bound) {
      out.bound = value;
      out.inexact_people = inexact;
      best_mu = prices;
    }
    return value;
  };
  int64_t added = 0;
  price(mu, nullptr, added);
  flush();
  std::vector<double> prices(2 * groups, 0);
  for (;;) {
    double left = std::chrono::duration<double>(deadline - SteadyClock::now()).count();
    if (left <= 0) break;
    // The first LP (from no basis) is the long one: when it cannot finish in
    // its share, the subgradient steps get the rest.
    if (res.rounds == 0) left *= kFirstLpShare;
    lp.setMaximumWallSeconds(left);
    lp.setMaximumSeconds(left);
    lp.primal();
    ++res.rounds;
    if (!lp.isProvenOptimal()) break;
    res.lp_value = m.constant + lp.objectiveValue();
    const double* duals = lp.dualRowSolution();
    for (size_t r = 0; r < 2 * groups; ++r) prices[r] = std::max(0.0, -duals[r]);
    added = 0;
    price(prices, duals, added);
    ++out.iterations;
    res.columns += added;
    if (added == 0) {
      res.converged = true;
      break;
    }
    flush();
  }
  mu = best_mu;
  return res;
}

}  // namespace

KnapsackResult KnapsackBound(const Problem& p, double upper, const std::vector<double>& warm,
                             int iterations, SteadyClock::time_point deadline,
                             std::vector<double>* adjusted) {
  const Model m = BuildModel(p);
  const double unfilled = p.ctx->options.weights.unfilled;
  // Prices above U - (cheapest candidate) only lower K: cap there.
  // Rows: seat rows, then stretch rows (same cap).
  const size_t groups = p.groups.size();
  std::vector<double> cap(2 * groups, 0);
  for (size_t gi = 0; gi < groups; ++gi) {
    if (!p.groups[gi].cands.empty()) {
      cap[gi] = std::max(0.0, unfilled - p.groups[gi].cands.front().cost);
    }
  }
  for (size_t gi = 0; gi < groups; ++gi) cap[groups + gi] = m.stretch_limited[gi] ? cap[gi] : 0;
  std::vector<double> mu(2 * groups, 0);
  if (warm.size() == groups) {
    for (size_t gi = 0; gi < groups; ++gi) mu[gi] = std::clamp(warm[gi], 0.0, cap[gi]);
  }
  PersonSolver solver(m.max_slots);
  KnapsackResult out;
  Relaxed r = Evaluate(p, m, mu, solver);
  out.iterations = 1;
  out.first = r.value;
  out.bound = r.value;
  out.inexact_people = r.inexact;
  std::vector<double> best_mu = mu;
  // Block-coordinate ascent until a pass gains little.
  std::vector<std::pair<double, bool>> thresholds;
  std::vector<double> values;
  for (int pass = 0;
       pass < kMaxAscentPasses && SteadyClock::now() < deadline && upper - out.bound > 1e-9;
       ++pass) {
    AscentPass(p, m, cap, mu, solver, thresholds, values, deadline);
    ++out.ascent_passes;
    r = Evaluate(p, m, mu, solver);
    ++out.iterations;
    const double gain = r.value - out.bound;
    if (r.value > out.bound) {
      out.bound = r.value;
      out.inexact_people = r.inexact;
      best_mu = mu;
    }
    if (gain < kAscentMinGain * std::max(1.0, upper - out.bound)) break;
  }
  out.after_ascent = out.bound;
  // Then column generation from the ascent's prices.
  if (SteadyClock::now() < deadline && upper - out.bound > 1e-9) {
    mu = best_mu;
    const ColumnResult c = ColumnGeneration(p, m, mu, solver, deadline, out, best_mu);
    out.column_rounds = c.rounds;
    out.columns = c.columns;
    out.columns_converged = c.converged;
    out.master_value = c.lp_value;
    mu = best_mu;
    r = Evaluate(p, m, mu, solver);
  }
  out.after_columns = out.bound;
  // Then Polyak subgradient steps from the ascent's prices.
  double theta = out.ascent_passes > 0 ? kThetaAfterAscent : kInitialTheta;
  int stale = 0;
  for (int it = 0;; ++it) {
    if (it > 0) {
      r = Evaluate(p, m, mu, solver);
      ++out.iterations;
      if (r.value > out.bound + 1e-9) {
        out.bound = r.value;
        out.inexact_people = r.inexact;
        best_mu = mu;
        stale = 0;
      } else if (++stale >= kPatience) {
        theta /= 2;
        stale = 0;
      }
    }
    if (it == iterations || SteadyClock::now() > deadline || upper - out.bound < 1e-9 ||
        theta < kMinTheta) {
      break;
    }
    double norm = 0;
    for (size_t gi = 0; gi < mu.size(); ++gi) {
      if ((mu[gi] <= 0 && r.g[gi] < 0) || (mu[gi] >= cap[gi] && r.g[gi] > 0)) r.g[gi] = 0;
      norm += r.g[gi] * r.g[gi];
    }
    if (norm == 0) break;  // the relaxed solution is feasible and complementary: optimal
    const double step = theta * std::max(upper - r.value, 1e-6) / norm;
    for (size_t gi = 0; gi < mu.size(); ++gi) {
      mu[gi] = std::clamp(mu[gi] + step * r.g[gi], 0.0, cap[gi]);
    }
  }
  out.uncapped = out.bound;
  out.bound = std::min(out.bound, upper);
  if (adjusted) OpportunityCosts(p, m, best_mu, solver, *adjusted);
  return out;
}

}  // namespace guild::staffing::internal
