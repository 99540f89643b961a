// Incremental mode: seat one new or changed opening, reusing the engine's
// indexes; confirmed assignments never move, at most max_tentative_moves
// tentative ones move to another person to make room.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "domain/validate.h"
#include "engine/staffing/internal/plan_build.h"
#include "engine/staffing/internal/solver.h"
#include "engine/staffing/staffing.h"

namespace guild::staffing {

using internal::Context;
using internal::kNoIndex;
using internal::SteadyClock;

namespace {

// Hours the incremental plan books (or, negative, frees) per person, in
// every week, inside the horizon and past it.
class Overlay {
 public:
  explicit Overlay(const Context& c) : c_(c) {}
  void Add(uint32_t p, std::pair<int, int> weeks, double hours) {
    extra_[p].push_back({weeks.first, weeks.second, static_cast<float>(hours)});
  }
  //! Whether `p` can take `hours` more in every week of `weeks`, with
  //! `also` (e.g. an assignment moved away, negative) booked as well.
  [[nodiscard]] bool Fits(uint32_t p, std::pair<int, int> weeks, double hours,
                          std::optional<internal::Booking> also = std::nullopt) const {
    std::vector<internal::Booking> list;
    if (auto it = extra_.find(p); it != extra_.end()) list = it->second;
    if (also) list.push_back(*also);
    return c_.FirstWeekOver(p, weeks.first, weeks.second, hours, list) < 0;
  }

 private:
  const Context& c_;
  std::unordered_map<uint32_t, std::vector<internal::Booking>> extra_;
};

// Every week [first, end) from today on that `start`..`end` touches.
std::pair<int, int> WeeksOf(const Context& c, Date start, Date end) {
  const int first = std::max(0, c.WeekOf(std::max(start, c.today)));
  return {first, std::max(first, c.WeekOf(end) + 1)};
}

std::pair<int, int> SeatWeeks(const internal::OpeningFacts& f) {
  return {f.first_week, f.end_week};
}

struct Blocked {
  uint32_t person;
  double cost;
  int stretch_req;
};

// People eligible for `f` on skills and dates but without free hours.
std::vector<Blocked> CapacityBlocked(const Context& c, const internal::OpeningFacts& f,
                                     const std::unordered_set<uint32_t>& in_plan) {
  std::vector<Blocked> out;
  if (f.required.empty()) return out;
  const auto [skill, min] = f.required[0];
  auto row = f.opening->lead ? c.lead_postings.Row(skill) : c.postings.Row(skill);
  int scanned = 0;
  for (const internal::Holder& h : row) {
    if (h.level < min - 1 || ++scanned > c.options.max_scan) break;
    if (in_plan.count(h.person) || c.Fits(f, h.person)) continue;
    internal::CandidateFacts cf = c.Candidate(f, h.person);
    if (cf.eligible && cf.stretch_req < 0) out.push_back({h.person, cf.cost, cf.stretch_req});
  }
  std::sort(out.begin(), out.end(), [](const Blocked& a, const Blocked& b) {
    return a.cost < b.cost || (a.cost == b.cost && a.person < b.person);
  });
  return out;
}

// Best person for existing assignment `a`'s opening other than `skip` and
// the people already in the plan, using the overlay.
uint32_t Replacement(const Context& c, const Assignment& a, uint32_t skip,
                     const std::unordered_set<uint32_t>& in_plan, const Overlay& overlay) {
  auto oi = c.opening_index.find(a.opening_id);
  if (oi == c.opening_index.end()) return kNoIndex;
  const Opening& o = c.firm->openings[oi->second];
  internal::OpeningFacts f = c.Facts(o, c.assigned_count[oi->second]);
  if (!f.blocked.empty() || f.required.empty()) return kNoIndex;
  const std::pair<int, int> weeks = WeeksOf(c, a.start, a.end);
  const auto [skill, min] = f.required[0];
  uint32_t best = kNoIndex;
  double best_cost = 0;
  int scanned = 0;
  for (const internal::Holder& h : c.postings.Row(skill)) {
    if (h.level < min || ++scanned > c.options.max_scan) break;
    if (h.person == skip || in_plan.count(h.person)) continue;
    if (!overlay.Fits(h.person, weeks, a.hours_per_week)) continue;
    internal::CandidateFacts cf = c.Candidate(f, h.person);
    if (!cf.eligible || cf.stretch_req >= 0) continue;
    if (best == kNoIndex || cf.cost < best_cost) best = h.person, best_cost = cf.cost;
  }
  return best;
}

// Frees `p` for the seat by moving one of their tentative assignments.
bool TryMove(const Context& c, const internal::OpeningFacts& f, const Blocked& b,
             std::unordered_set<uint32_t>& in_plan, Overlay& overlay, StaffingPlan& plan) {
  const double need = f.opening->hours_per_week;
  for (uint32_t ai : c.assignments_of.Row(b.person)) {
    const Assignment& a = c.firm->assignments[ai];
    if (a.status != AssignmentStatus::kTentative || a.start < c.today) continue;  // not started
    const std::pair<int, int> moved_weeks = WeeksOf(c, a.start, a.end);
    const internal::Booking freed{moved_weeks.first, moved_weeks.second,
                                  -static_cast<float>(a.hours_per_week)};
    if (!overlay.Fits(b.person, SeatWeeks(f), need, freed)) continue;
    const uint32_t r = Replacement(c, a, b.person, in_plan, overlay);
    if (r == kNoIndex) continue;
    overlay.Add(b.person, moved_weeks, -a.hours_per_week);
    overlay.Add(r, moved_weeks, a.hours_per_week);
    overlay.Add(b.person, SeatWeeks(f), need);
    in_plan.insert(b.person);
    in_plan.insert(r);
    ProposedAssignment moved;
    moved.seat_id = a.opening_id + "@" + a.id;
    moved.assignment = a;
    moved.assignment.person_id = c.firm->people[r].id;
    moved.moved_from_person_id = c.firm->people[b.person].id;
    // The replacement's peak load over the moved weeks, before and with them.
    const internal::Booking taken{moved_weeks.first, moved_weeks.second,
                                  static_cast<float>(a.hours_per_week)};
    moved.explanation.load_before =
        c.UtilisationOver(r, moved_weeks.first, moved_weeks.second).peak;
    moved.explanation.load_after =
        c.UtilisationOver(r, moved_weeks.first, moved_weeks.second, {&taken, 1}).peak;
    plan.assignments.push_back(std::move(moved));
    return true;
  }
  return false;
}

void MakeRoom(const Context& c, const internal::Problem& p, const internal::State& s,
              StaffingPlan& plan) {
  const internal::Group& g = p.groups[0];
  std::unordered_set<uint32_t> in_plan;
  Overlay overlay(c);
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] < 0) continue;
    const uint32_t person = g.cands[static_cast<size_t>(s.pick[seat])].person;
    in_plan.insert(person);
    overlay.Add(person, SeatWeeks(g.facts), g.facts.opening->hours_per_week);
  }
  int moves = 0;
  std::vector<UnfilledSeat> still;
  std::vector<Blocked> blocked = CapacityBlocked(c, g.facts, in_plan);
  size_t next = 0;
  for (const UnfilledSeat& u : plan.unfilled) {
    bool done = false;
    while (!done && moves < c.options.max_tentative_moves && next < blocked.size()) {
      const Blocked& b = blocked[next++];
      if (in_plan.count(b.person)) continue;
      const size_t before = plan.assignments.size();
      if (!TryMove(c, g.facts, b, in_plan, overlay, plan)) continue;
      const Assignment& freed = plan.assignments.back().assignment;
      const std::pair<int, int> freed_weeks = WeeksOf(c, freed.start, freed.end);
      ++moves;
      ProposedAssignment pa;
      pa.seat_id = u.seat_id;
      pa.assignment.id = "stf-" + u.seat_id;
      std::replace(pa.assignment.id.begin(), pa.assignment.id.end(), '#', '-');
      pa.assignment.person_id = c.firm->people[b.person].id;
      pa.assignment.opening_id = g.facts.opening->id;
      pa.assignment.hours_per_week = g.facts.opening->hours_per_week;
      pa.assignment.start = g.facts.start;
      pa.assignment.end = g.facts.end;
      pa.cost = b.cost;
      // The person's peak load over the seat's weeks: before (with the
      // assignment that moves away), and after (without it, with the seat).
      const internal::Booking change[] = {
          {freed_weeks.first, freed_weeks.second, -static_cast<float>(freed.hours_per_week)},
          {g.facts.first_week, g.facts.end_week,
           static_cast<float>(g.facts.opening->hours_per_week)}};
      pa.explanation.load_before =
          c.UtilisationOver(b.person, g.facts.first_week, g.facts.end_week).peak;
      pa.explanation.load_after =
          c.UtilisationOver(b.person, g.facts.first_week, g.facts.end_week, change).peak;
      plan.assignments.insert(plan.assignments.begin() + static_cast<std::ptrdiff_t>(before), pa);
      plan.objective += b.cost - c.options.weights.unfilled;
      done = true;
    }
    if (!done) still.push_back(u);
  }
  if (moves > 0) {
    plan.steps.push_back({"tentative_moves", 0,
                          std::to_string(moves) + " tentative assignments moved to make room"});
  }
  plan.unfilled = std::move(still);
}

}  // namespace

Result<StaffingPlan> StaffingEngine::PlanOpening(const Opening& opening) const {
  const Context& c = *ctx_;
  std::vector<FieldError> errors;
  ValidateOpening(opening, errors);
  if (!errors.empty()) {
    return InvalidArgument("opening " + opening.id + ": " + errors[0].field + ": expected " +
                           errors[0].expected);
  }
  if (!c.engagement_index.count(opening.engagement_id)) {
    return NotFound("opening " + opening.id + ": engagement " + opening.engagement_id +
                    " not found");
  }
  const auto t0 = SteadyClock::now();
  const auto deadline = t0 + std::chrono::duration_cast<SteadyClock::duration>(
                                 std::chrono::duration<double>(c.options.time_limit_seconds));
  internal::Problem p;
  p.ctx = &c;
  p.owned_openings.push_back(opening);
  auto existing = c.opening_index.find(opening.id);
  const int assigned = existing == c.opening_index.end() ? 0 : c.assigned_count[existing->second];
  internal::AddGroup(p, c.Facts(p.owned_openings[0], assigned));
  internal::FinishProblem(p);
  StaffingPlan plan;
  plan.today = c.today;
  plan.steps.push_back({"candidates",
                        std::chrono::duration<double>(SteadyClock::now() - t0).count(),
                        std::to_string(p.candidate_count) + " candidates for " +
                            std::to_string(p.seat_group.size()) + " seats"});
  internal::State s = internal::EmptyState(p);
  internal::PlacePins(p, s);
  internal::ConstructRegret(p, s);
  internal::LocalSearch(p, s, deadline);
  plan.objective = internal::Objective(p, s);
  plan.bound = internal::LagrangianBound(p, plan.objective, c.options.bound_iterations, deadline);
  const double no_cand =
      p.groups[0].cands.empty() ? c.options.weights.unfilled * p.groups[0].seats : 0;
  plan.gap = plan.objective > 0 ? (plan.objective - plan.bound) / plan.objective : 0;
  plan.gap_assignable =
      plan.objective - no_cand > 0 ? (plan.objective - plan.bound) / (plan.objective - no_cand) : 0;
  plan.seats = static_cast<int64_t>(p.seat_group.size());
  plan.candidates = p.candidate_count;
  internal::ExtractPlan(p, s, plan);
  if (c.options.explain) internal::Explain(p, s, plan);
  if (!plan.unfilled.empty() && c.options.max_tentative_moves > 0 &&
      p.groups[0].facts.blocked.empty()) {
    MakeRoom(c, p, s, plan);
  }
  // Moves change the capacities the bound was computed on: never report a
  // bound above the objective reached.
  plan.bound = std::min(plan.bound, plan.objective);
  plan.gap = plan.objective > 0 ? (plan.objective - plan.bound) / plan.objective : 0;
  plan.gap_assignable =
      plan.objective - no_cand > 0 ? (plan.objective - plan.bound) / (plan.objective - no_cand) : 0;
  plan.steps.push_back({"solve", std::chrono::duration<double>(SteadyClock::now() - t0).count(),
                        std::to_string(plan.assignments.size()) + " assignments"});
  return plan;
}

}  // namespace guild::staffing
