// SolveGap: runs the named pipeline steps in order, timing each one.
#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include "engine/gap/gap.h"
#include "engine/gap/internal/problem.h"
#include "engine/gap/internal/state.h"
#include "engine/gap/internal/steps.h"

namespace guild::gap {

namespace {

using internal::Context;
using internal::Problem;

enum class Kind { kAlways, kOptional };

struct StepDef {
  const char* name;
  bool enabled;
  Kind kind;
  std::string (*run)(Context&);
};

// A reason when some job can obviously not be placed, else empty.
std::string PrecheckReason(const Problem& p) {
  for (int j = 0; j < p.jobs; ++j) {
    if (p.start[j] == p.start[j + 1]) return "job " + std::to_string(j) + " has no candidate agent";
    bool fits = false;
    for (int k = p.start[j]; k < p.start[j + 1]; ++k) {
      fits = fits || p.weight[k] <= p.capacity[p.agent[k]];
    }
    if (!fits) {
      return "job " + std::to_string(j) + " does not fit any candidate agent's capacity";
    }
  }
  return "";
}

std::string SkipNote(const Context& ctx, Kind kind) {
  if (ctx.proven_infeasible) return "skipped: infeasible";
  if (ctx.optimal) return "skipped: optimal";
  if (ctx.HasBest() && ctx.best_cost <= ctx.options.stop_at_objective) return "skipped: target met";
  if (kind == Kind::kOptional && ctx.deadline.Expired()) return "skipped: time limit";
  return "";
}

GapStepReport RunStep(Context& ctx, const StepDef& step) {
  GapStepReport report;
  report.name = step.name;
  double start = ctx.deadline.Elapsed();
  report.note = SkipNote(ctx, step.kind);
  report.skipped = !report.note.empty();
  ctx.report = &report;
  if (!report.skipped) report.note = step.run(ctx);
  ctx.report = nullptr;
  report.seconds = ctx.deadline.Elapsed() - start;
  report.has_objective = ctx.HasBest();
  report.objective = ctx.HasBest() ? ctx.best_cost : 0;
  report.lower_bound = ctx.lower_bound;
  return report;
}

// Most overloaded agent of the working attempt, for the failure reason.
std::string OverloadReason(const Context& ctx) {
  internal::State state(ctx.problem, ctx.working);
  int worst = 0;
  for (int i = 0; i < ctx.problem.agents; ++i) {
    if (state.Over(i) > state.Over(worst)) worst = i;
  }
  return "no feasible assignment found within the time limit; the best attempt overloads " +
         std::to_string(state.TotalOverload()) + " units in total, agent " + std::to_string(worst) +
         " by " + std::to_string(state.Over(worst));
}

void Finish(const Context& ctx, GapSolution& solution) {
  const Problem& p = ctx.problem;
  // Without any bound step (e.g. an obviously infeasible instance) report 0.
  solution.lower_bound = ctx.lower_bound == INT64_MIN ? 0 : ctx.lower_bound;
  solution.proven_infeasible = ctx.proven_infeasible;
  solution.reason = ctx.reason;
  const std::vector<int>& choice = ctx.HasBest() ? ctx.best : ctx.working;
  solution.assignment.assign(p.jobs, -1);
  solution.objective = 0;
  for (int j = 0; j < static_cast<int>(choice.size()); ++j) {
    solution.assignment[j] = p.agent[choice[j]];
    solution.objective += p.cost[choice[j]];
  }
  solution.feasible = ctx.HasBest();
  solution.optimal = ctx.optimal;
  if (!solution.feasible && solution.reason.empty() && !ctx.working.empty()) {
    solution.reason = OverloadReason(ctx);
  }
}

Status ValidateOptions(const GapOptions& options) {
  if (options.threads != 1) return InvalidArgument("threads: only 1 is supported");
  if (!(options.time_limit_seconds >= 0)) return InvalidArgument("time limit must be >= 0");
  return OkStatus();
}

}  // namespace

Result<GapSolution> SolveGap(const GapInstance& instance, const GapOptions& options) {
  RETURN_IF_ERROR(ValidateGapInstance(instance));
  RETURN_IF_ERROR(ValidateOptions(options));
  Problem problem = internal::Compile(instance);
  Context ctx(problem, options);
  GapSolution solution;
  ctx.reason = PrecheckReason(problem);
  if (!ctx.reason.empty()) {
    ctx.proven_infeasible = true;
    Finish(ctx, solution);
    return solution;
  }
  ctx.OfferMultipliers(std::vector<double>(problem.agents, 0.0));
  const StepDef steps[] = {
      {"lp_bound", options.lp_bound, Kind::kOptional, internal::LpBoundStep},
      {"lagrangian_bound", options.lagrangian_bound, Kind::kOptional, internal::LagrangianStep},
      {"construct", true, Kind::kAlways, internal::ConstructStep},
      {"repair", true, Kind::kAlways, internal::RepairStep},
      {"local_search", options.local_search, Kind::kOptional, internal::LocalSearchStep},
      {"knapsack_bound", options.knapsack_bound, Kind::kOptional, internal::KnapsackStep},
      {"branch_and_bound", options.branch_and_bound, Kind::kOptional, internal::BranchAndBoundStep},
      {"knapsack_search", options.knapsack_search, Kind::kOptional, internal::KnapsackSearchStep},
      {"metaheuristic", options.metaheuristic, Kind::kOptional, internal::MetaheuristicStep},
      {"subset_search", options.subset_search, Kind::kOptional, internal::SubsetSearchStep},
  };
  for (const StepDef& step : steps) {
    if (step.enabled) solution.steps.push_back(RunStep(ctx, step));
  }
  Finish(ctx, solution);
  return solution;
}

}  // namespace guild::gap
