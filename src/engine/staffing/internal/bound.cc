// Lagrangian relaxation of the person-week capacities.
//
// L(lambda) = sum over openings of the `seats` smallest distinct-person
// reduced costs min(U, cost + hours * sum_{w in seat weeks} lambda[a][w])
//           - sum_{a, w} lambda[a][w] * free[a][w]
// is a lower bound on the optimum over the generated candidates for any
// lambda >= 0 (the stretch, coach and lead rules are relaxed too, which
// only lowers it; stretch candidates no plan can seat are left out). Seats,
// costs and free hours are those the pins PlanAll seats first leave
// (RecordPins), plus the pins' cost.
// Subgradient steps with Polyak's rule maximise it.
#include <algorithm>
#include <cmath>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr double kInitialTheta = 2.0;
constexpr int kPatience = 8;  //!< iterations without progress before theta halves

struct Relaxed {
  double value = 0;
  std::vector<double> g;  //!< subgradient [a * weeks + w]
};

Relaxed Evaluate(const Problem& p, const std::vector<uint8_t>& seatable,
                 const std::vector<double>& lambda) {
  const int weeks = p.ctx->weeks;
  const double unfilled = p.ctx->options.weights.unfilled;
  const size_t agents = p.agent_person.size();
  std::vector<double> prefix(agents * (weeks + 1), 0);
  Relaxed r;
  r.g.assign(agents * weeks, 0);
  for (size_t a = 0; a < agents; ++a) {
    for (int w = 0; w < weeks; ++w) {
      const size_t k = a * weeks + w;
      prefix[a * (weeks + 1) + w + 1] = prefix[a * (weeks + 1) + w] + lambda[k];
      r.value -= lambda[k] * p.bound_free[k];
      r.g[k] = -p.bound_free[k];
    }
  }
  std::vector<std::pair<double, uint32_t>> rc;
  r.value += p.pinned_cost;
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    const int seats = p.free_seats[gi];
    const double h = g.facts.opening->hours_per_week;
    rc.clear();
    for (size_t k = 0; k < g.cands.size(); ++k) {
      if (!seatable[g.cand_offset + k]) continue;
      const Cand& c = g.cands[k];
      const size_t base = static_cast<size_t>(c.agent) * (weeks + 1);
      rc.push_back({c.cost + h * (prefix[base + g.facts.w1] - prefix[base + g.facts.w0]), c.agent});
    }
    const size_t take = std::min(rc.size(), static_cast<size_t>(seats));
    std::partial_sort(rc.begin(), rc.begin() + static_cast<std::ptrdiff_t>(take), rc.end());
    size_t used = 0;
    for (; used < take && rc[used].first < unfilled; ++used) {
      r.value += rc[used].first;
      for (int w = g.facts.w0; w < g.facts.w1; ++w) {
        r.g[static_cast<size_t>(rc[used].second) * weeks + w] += h;
      }
    }
    r.value += unfilled * static_cast<double>(seats - static_cast<int>(used));
  }
  return r;
}

}  // namespace

std::vector<uint8_t> SeatableCandidates(const Problem& p) {
  std::vector<uint8_t> out;
  for (const Group& g : p.groups) {
    for (const Cand& c : g.cands) {
      if (p.pinned_out[out.size()]) {
        out.push_back(0);
        continue;
      }
      bool ok = c.stretch_req < 0;
      if (!ok) {
        const auto [skill, min] = g.facts.required[static_cast<size_t>(c.stretch_req)];
        ok = p.ctx->StaticCoach(g.facts.engagement, skill, min + 1, nullptr);
        auto it = p.groups_of_engagement.find(g.facts.engagement);
        if (!ok && it != p.groups_of_engagement.end()) {
          for (size_t i = 0; i < it->second.size() && !ok; ++i) {
            for (const Cand& d : p.groups[it->second[i]].cands) {
              if (d.person != c.person && p.ctx->Level(d.person, skill) >= min + 1) {
                ok = true;
                break;
              }
            }
          }
        }
      }
      out.push_back(ok ? 1 : 0);
    }
  }
  return out;
}

// Seat prices implied by `lambda`: per opening, U minus the first reduced
// cost it leaves out (0 when it takes every candidate) - the price at which
// its seat row stops binding, a warm start for KnapsackBound.
static void SeatPrices(const Problem& p, const std::vector<uint8_t>& seatable,
                       const std::vector<double>& lambda, std::vector<double>& out) {
  const int weeks = p.ctx->weeks;
  const double unfilled = p.ctx->options.weights.unfilled;
  out.assign(p.groups.size(), 0);
  std::vector<double> rc;
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    const double h = g.facts.opening->hours_per_week;
    rc.clear();
    for (size_t k = 0; k < g.cands.size(); ++k) {
      if (!seatable[g.cand_offset + k]) continue;
      const Cand& c = g.cands[k];
      double price = 0;
      for (int w = g.facts.w0; w < g.facts.w1; ++w) {
        price += lambda[static_cast<size_t>(c.agent) * weeks + w];
      }
      rc.push_back(c.cost + h * price);
    }
    const int seats = p.free_seats[gi];
    if (rc.size() <= static_cast<size_t>(seats)) continue;
    std::nth_element(rc.begin(), rc.begin() + seats, rc.end());
    out[gi] = std::max(0.0, unfilled - rc[static_cast<size_t>(seats)]);
  }
}

static void Adjust(const Problem& p, const std::vector<double>& lambda, std::vector<double>& out) {
  const int weeks = p.ctx->weeks;
  out.clear();
  for (const Group& g : p.groups) {
    const double h = g.facts.opening->hours_per_week;
    for (const Cand& c : g.cands) {
      double price = 0;
      for (int w = g.facts.w0; w < g.facts.w1; ++w) {
        price += lambda[static_cast<size_t>(c.agent) * weeks + w];
      }
      out.push_back(c.cost + h * price);
    }
  }
}

double LagrangianBound(const Problem& p, double upper, int iterations,
                       SteadyClock::time_point deadline, std::vector<double>* adjusted,
                       std::vector<double>* seat_prices) {
  const std::vector<uint8_t> seatable = SeatableCandidates(p);
  std::vector<double> lambda(p.agent_person.size() * p.ctx->weeks, 0), best_lambda;
  double best = -1e300, theta = kInitialTheta;
  int stale = 0;
  for (int it = 0; it <= iterations; ++it) {
    Relaxed r = Evaluate(p, seatable, lambda);
    if (r.value > best + 1e-9) {
      best = r.value;
      stale = 0;
      if (adjusted || seat_prices) best_lambda = lambda;
    } else if (++stale >= kPatience) {
      theta /= 2;
      stale = 0;
    }
    if (it == iterations || SteadyClock::now() > deadline || upper - best < 1e-9) break;
    double norm = 0;
    for (size_t k = 0; k < lambda.size(); ++k) {
      if (lambda[k] <= 0 && r.g[k] < 0) r.g[k] = 0;
      norm += r.g[k] * r.g[k];
    }
    if (norm == 0) break;  // the relaxed solution is feasible: best is optimal
    const double step = theta * std::max(upper - r.value, 1e-6) / norm;
    for (size_t k = 0; k < lambda.size(); ++k) lambda[k] = std::max(0.0, lambda[k] + step * r.g[k]);
  }
  if (adjusted) Adjust(p, best_lambda.empty() ? lambda : best_lambda, *adjusted);
  if (seat_prices) {
    SeatPrices(p, seatable, best_lambda.empty() ? lambda : best_lambda, *seat_prices);
  }
  return std::min(best, upper);
}

}  // namespace guild::staffing::internal
