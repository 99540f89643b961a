// Free hours of person-weeks: inside the horizon from the load grids, past
// it from each person's bookings (few per person), so that capacity holds in
// every week a seat touches however far it runs.
#include <algorithm>
#include <boost/container/small_vector.hpp>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr float kHoursEps = 1e-4f;
//! Bookings or week points kept without a heap allocation (the hot paths
//! see a handful per person).
constexpr size_t kInline = 16;
template <typename T>
using Small = boost::container::small_vector<T, kInline>;

// Appends the late parts of the seats `agent` holds to `out`.
template <typename Out>
void AppendPlannedLate(const Problem& p, const State& s, uint32_t agent, Out& out) {
  const int weeks = p.ctx->weeks;
  for (uint32_t t : s.seats_of_agent[agent]) {
    const OpeningFacts& f = p.groups[p.seat_group[t]].facts;
    if (f.end_week > weeks) {
      out.push_back({std::max(f.first_week, weeks), f.end_week,
                     static_cast<float>(f.opening->hours_per_week)});
    }
  }
}

float Covering(std::span<const Booking> list, int w) {
  float sum = 0;
  for (const Booking& b : list) {
    if (b.w0 <= w && w < b.w1) sum += b.hours;
  }
  return sum;
}

// Calls fn(w) for `lo` and every booking boundary inside (lo, hi): past the
// horizon the booked hours change only there.
template <typename F>
void ForChangePoints(std::span<const Booking> a, std::span<const Booking> b, int lo, int hi,
                     F&& fn) {
  fn(lo);
  for (auto list : {a, b}) {
    for (const Booking& k : list) {
      if (k.w0 > lo && k.w0 < hi) fn(k.w0);
      if (k.w1 > lo && k.w1 < hi) fn(k.w1);
    }
  }
}

}  // namespace

float Context::Booked(uint32_t person, int w, std::span<const Booking> extra) const {
  float sum = Covering(extra, w);
  if (w < weeks) {
    const size_t k = static_cast<size_t>(person) * weeks + w;
    return sum + load[k] + time_off[k];
  }
  return sum + Covering(late.Row(person), w);
}

int Context::FirstWeekOver(uint32_t person, int w0, int w1, double hours,
                           std::span<const Booking> extra) const {
  const float limit = static_cast<float>(options.capacity_ceiling * capacity[person]) -
                      static_cast<float>(hours) + kHoursEps;
  for (int w = w0; w < std::min(w1, weeks); ++w) {
    if (Booked(person, w, extra) > limit) return w;
  }
  const int lo = std::max(w0, weeks);
  if (lo >= w1) return -1;
  int first = -1;
  ForChangePoints(late.Row(person), extra, lo, w1, [&](int w) {
    if ((first < 0 || w < first) && Booked(person, w, extra) > limit) first = w;
  });
  return first;
}

Context::Utilisation Context::UtilisationOver(uint32_t person, int w0, int w1,
                                              std::span<const Booking> extra) const {
  Utilisation u;
  if (w1 <= w0) return u;
  double sum = 0;
  auto add = [&](int w, int span) {
    const double x = Booked(person, w, extra) / capacity[person];
    u.peak = std::max(u.peak, x);
    sum += std::min(1.0, x) * span;
  };
  for (int w = w0; w < std::min(w1, weeks); ++w) add(w, 1);
  const int lo = std::max(w0, weeks);
  if (lo < w1) {
    Small<int> points{w1};
    ForChangePoints(late.Row(person), extra, lo, w1, [&](int w) { points.push_back(w); });
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    for (size_t i = 0; i + 1 < points.size(); ++i) add(points[i], points[i + 1] - points[i]);
  }
  u.mean = sum / (w1 - w0);
  return u;
}

bool Context::Fits(const OpeningFacts& f, uint32_t person) const {
  return FirstWeekOver(person, f.first_week, f.end_week, f.opening->hours_per_week) < 0;
}

std::vector<Booking> PlannedPastHorizon(const Problem& p, const State& s, uint32_t agent) {
  std::vector<Booking> out;
  AppendPlannedLate(p, s, agent, out);
  return out;
}

int FirstWeekOverPastHorizon(const Problem& p, const State& s, uint32_t seat, const Cand& cand) {
  const OpeningFacts& f = p.groups[p.seat_group[seat]].facts;
  const int weeks = p.ctx->weeks;
  if (f.end_week <= weeks) return -1;
  Small<Booking> planned;  // CanTake's hot path: no allocation
  AppendPlannedLate(p, s, cand.agent, planned);
  return p.ctx->FirstWeekOver(cand.person, std::max(f.first_week, weeks), f.end_week,
                              f.opening->hours_per_week, {planned.data(), planned.size()});
}

}  // namespace guild::staffing::internal
