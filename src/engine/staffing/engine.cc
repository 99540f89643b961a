// StaffingEngine: the solve pipeline (candidates, pins, construct, bound,
// local search, explain), each step timed and reported.
#include <algorithm>
#include <cstdio>

#include "domain/validate.h"
#include "engine/staffing/internal/plan_build.h"
#include "engine/staffing/internal/solver.h"
#include "engine/staffing/staffing.h"

namespace guild::staffing {

using internal::Context;
using internal::Problem;
using internal::State;
using internal::SteadyClock;

namespace {

//! Share of the time limit the bound may use.
constexpr double kBoundTimeShare = 0.3;
//! Share of the time limit kept for the knapsack bound after the search.
constexpr double kKnapsackTimeShare = 0.3;
//! Share of the time limit kept after the knapsack bound for the construction
//! and search on its opportunity-priced costs.
constexpr double kKnapsackConstructTimeShare = 0.1;
//! Knapsack bound iterations per `bound_iterations` (each is cheaper).
constexpr int kKnapsackIterationFactor = 3;

std::string Num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

class Steps {
 public:
  Steps(StaffingPlan& plan, const StaffingOptions& o) : plan_(plan), options_(o) {}
  template <typename F>
  void Run(const std::string& name, F&& body) {
    if (options_.progress) options_.progress(name, 0);
    const auto t0 = SteadyClock::now();
    std::string effect = body();
    plan_.steps.push_back(
        {name, std::chrono::duration<double>(SteadyClock::now() - t0).count(), std::move(effect)});
    if (options_.progress) options_.progress(name, 1);
  }

 private:
  StaffingPlan& plan_;
  const StaffingOptions& options_;
};

// Runs pins, construct, bound, local search and explain on a built problem.
StaffingPlan Solve(Problem& p, StaffingPlan plan, SteadyClock::time_point deadline) {
  const StaffingOptions& o = p.ctx->options;
  Steps steps(plan, o);
  State s = internal::EmptyState(p);
  int64_t no_cand_seats = 0;
  for (const internal::Group& g : p.groups) {
    if (g.cands.empty()) no_cand_seats += g.seats;
  }
  steps.Run("pins", [&] {
    const int placed = internal::PlacePins(p, s);
    internal::RecordPins(p, s);
    return std::to_string(placed) + " pinned people seated, " + std::to_string(p.issues.size()) +
           " pins cannot be met";
  });
  steps.Run("construct", [&] {
    const int filled = internal::ConstructRegret(p, s);
    return "regret greedy seated " + std::to_string(filled) + " seats, objective " +
           Num(s.objective);
  });
  double bound = 0;
  std::vector<double> adjusted, seat_prices;
  const auto bound_deadline = std::min(
      deadline, SteadyClock::now() +
                    std::chrono::duration_cast<SteadyClock::duration>(
                        std::chrono::duration<double>(kBoundTimeShare * o.time_limit_seconds)));
  steps.Run("lagrangian_bound", [&] {
    bound = internal::LagrangianBound(p, s.objective, o.bound_iterations, bound_deadline, &adjusted,
                                      &seat_prices);
    return "bound " + Num(bound);
  });
  // A second plan from scratch on the current `adjusted` (priced) costs.
  auto construct_priced = [&] {
    State again = internal::EmptyState(p);
    const size_t issues = p.issues.size();
    internal::PlacePins(p, again);
    p.issues.resize(issues);  // the same pins as before: reported once
    internal::ConstructRegret(p, again, &adjusted);
    return again;
  };
  steps.Run("lagrangian_construct", [&] {
    State again = construct_priced();
    const double other = again.objective;
    const bool better = other < s.objective - 1e-9;
    if (better) s = std::move(again);
    return "regret greedy on capacity-priced costs: objective " + Num(other) +
           (better ? " (kept)" : " (not better)");
  });
  // The search leaves kKnapsackTimeShare of the limit to the knapsack bound.
  const auto search_deadline =
      deadline - std::chrono::duration_cast<SteadyClock::duration>(
                     std::chrono::duration<double>(kKnapsackTimeShare * o.time_limit_seconds));
  steps.Run("local_search", [&] {
    const double before = s.objective;
    const int64_t moves = internal::LocalSearch(p, s, search_deadline);
    return std::to_string(moves) + " improving shift/swap/ejection moves, objective " +
           Num(before) + " -> " + Num(s.objective);
  });
  steps.Run("ruin_recreate", [&] {
    const double before = s.objective;
    const int64_t kept = internal::RuinRecreate(p, s, search_deadline, 1);
    internal::LocalSearch(p, s, search_deadline);
    return std::to_string(kept) + " rounds kept, objective " + Num(before) + " -> " +
           Num(s.objective);
  });
  const auto knapsack_deadline =
      deadline - std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(
                     kKnapsackConstructTimeShare * o.time_limit_seconds));
  steps.Run("knapsack_bound", [&] {
    const internal::KnapsackResult k = internal::KnapsackBound(
        p, s.objective, seat_prices, kKnapsackIterationFactor * o.bound_iterations,
        knapsack_deadline, &adjusted);
    const double was = bound;
    bound = std::max(bound, k.bound);
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "bound %.6f (uncapped %.6f, warm start %.6f, after %d ascent passes %.6f, "
                  "after %d column rounds %.6f (%lld patterns, %s, master %.2f), "
                  "%d evaluations, %lld people bounded not solved); best bound %.2f -> %.2f",
                  k.bound, k.uncapped, k.first, k.ascent_passes, k.after_ascent, k.column_rounds,
                  k.after_columns, static_cast<long long>(k.columns),
                  k.columns_converged ? "converged" : "not converged", k.master_value, k.iterations,
                  static_cast<long long>(k.inexact_people), was, bound);
    return std::string(buf);
  });
  steps.Run("knapsack_construct", [&] {
    State again = construct_priced();
    const double built = again.objective;
    internal::LocalSearch(p, again, deadline);
    const double searched = again.objective;
    // Ruin and recreate on whichever plan is better now, until the deadline.
    const bool better = searched < s.objective - 1e-9;
    if (better) s = std::move(again);
    const double before = s.objective;
    const int64_t kept = internal::RuinRecreate(p, s, deadline, 2);
    internal::LocalSearch(p, s, deadline);
    return "regret greedy on opportunity-priced costs then local search: objective " + Num(built) +
           " -> " + Num(searched) + (better ? " (kept)" : " (not better)") +
           "; ruin and recreate " + std::to_string(kept) + " rounds kept, " + Num(before) + " -> " +
           Num(s.objective);
  });
  plan.objective = internal::Objective(p, s);
  plan.bound = std::min(bound, plan.objective);
  const double assignable =
      plan.objective - o.weights.unfilled * static_cast<double>(no_cand_seats);
  plan.gap = plan.objective > 0 ? (plan.objective - plan.bound) / plan.objective : 0;
  plan.gap_assignable = assignable > 0 ? (plan.objective - plan.bound) / assignable : 0;
  plan.seats = static_cast<int64_t>(p.seat_group.size());
  plan.candidates = p.candidate_count;
  steps.Run("extract", [&] {
    internal::ExtractPlan(p, s, plan);
    return std::to_string(plan.assignments.size()) + " assignments, " +
           std::to_string(plan.unfilled.size()) + " unfilled, " +
           std::to_string(plan.issues.size()) + " issues";
  });
  if (o.explain) {
    steps.Run("explain", [&] {
      internal::Explain(p, s, plan);
      return "explanations for " + std::to_string(plan.assignments.size()) + " assignments";
    });
  }
  return plan;
}

// Engagements that have no accountable lead and no lead opening to fill.
void MissingLeads(const Context& c, StaffingPlan& plan) {
  std::vector<uint8_t> has_lead_opening(c.firm->engagements.size(), 0);
  for (const Opening& o : c.firm->openings) {
    auto e = c.engagement_index.find(o.engagement_id);
    if (o.lead && e != c.engagement_index.end()) has_lead_opening[e->second] = 1;
  }
  for (size_t e = 0; e < c.firm->engagements.size(); ++e) {
    const Engagement& eng = c.firm->engagements[e];
    if (!c.Live(eng) || !eng.leader_id.empty() || has_lead_opening[e] || c.lead_assigned[e] > 0) {
      continue;
    }
    plan.issues.push_back(
        {"lead", eng.id,
         "engagement " + eng.id + " has no accountable lead and no lead opening to fill"});
  }
}

}  // namespace

StaffingEngine::StaffingEngine(std::unique_ptr<Context> context) : ctx_(std::move(context)) {}
StaffingEngine::~StaffingEngine() = default;
const StaffingOptions& StaffingEngine::options() const { return ctx_->options; }
Date StaffingEngine::today() const { return ctx_->today; }

Result<std::unique_ptr<StaffingEngine>> StaffingEngine::Build(const FirmData& firm, Date today,
                                                              const StaffingOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<Context> ctx, internal::BuildContext(firm, today, options));
  return std::unique_ptr<StaffingEngine>(new StaffingEngine(std::move(ctx)));
}

namespace {

void BuildAllGroups(const Context& c, Problem& p) {
  for (size_t i = 0; i < c.firm->openings.size(); ++i) {
    const Opening& o = c.firm->openings[i];
    internal::OpeningFacts f = c.Facts(o, c.assigned_count[i]);
    if (f.open_seats == 0) continue;
    if (f.engagement != internal::kNoIndex && !c.Live(c.firm->engagements[f.engagement])) continue;
    if (f.engagement != internal::kNoIndex && f.end < c.today) continue;
    internal::AddGroup(p, std::move(f));
    if (c.options.progress && (i & 1023) == 0) {
      c.options.progress("candidates",
                         static_cast<double>(i) / static_cast<double>(c.firm->openings.size()));
    }
  }
  internal::FinishProblem(p);
}

}  // namespace

CandidateModel StaffingEngine::Candidates() const {
  const Context& c = *ctx_;
  Problem p;
  p.ctx = &c;
  BuildAllGroups(c, p);
  CandidateModel m;
  m.weeks = c.weeks;
  m.unfilled = c.options.weights.unfilled;
  for (uint32_t person : p.agent_person) m.person_ids.push_back(c.firm->people[person].id);
  m.free = p.agent_free;
  const std::vector<uint8_t> seatable = internal::SeatableCandidates(p);
  State pins = internal::EmptyState(p);
  internal::PlacePins(p, pins);
  for (const internal::Group& g : p.groups) {
    CandidateModel::Group mg{g.facts.opening->id, g.seats,    g.facts.opening->hours_per_week,
                             g.facts.w0,          g.facts.w1, {}};
    for (size_t k = 0; k < g.cands.size(); ++k) {
      const internal::Cand& cand = g.cands[k];
      bool pinned = false;
      for (int seat = g.first_seat; seat < g.first_seat + g.seats; ++seat) {
        pinned = pinned || (pins.fixed[static_cast<size_t>(seat)] &&
                            pins.pick[static_cast<size_t>(seat)] == static_cast<int>(k));
      }
      mg.candidates.push_back({static_cast<int32_t>(cand.agent), cand.cost, cand.stretch_req >= 0,
                               seatable[g.cand_offset + k] != 0, pinned});
    }
    m.groups.push_back(std::move(mg));
  }
  return m;
}

Result<StaffingPlan> StaffingEngine::PlanAll() const {
  const Context& c = *ctx_;
  StaffingPlan plan;
  plan.today = c.today;
  Problem p;
  p.ctx = &c;
  Steps steps(plan, c.options);
  steps.Run("candidates", [&] {
    BuildAllGroups(c, p);
    return std::to_string(p.seat_group.size()) + " seats of " + std::to_string(p.groups.size()) +
           " openings, " + std::to_string(p.candidate_count) + " candidates over " +
           std::to_string(p.agent_person.size()) + " people";
  });
  // The time limit is for the optimisation steps after candidate generation.
  const auto deadline =
      SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                               std::chrono::duration<double>(c.options.time_limit_seconds));
  plan = Solve(p, std::move(plan), deadline);
  MissingLeads(c, plan);
  return plan;
}

}  // namespace guild::staffing
