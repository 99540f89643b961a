// Depth-first branch and bound with the capacity-relaxed Lagrangian bound:
// for any complete feasible assignment, cost = L(u) + sum of the chosen
// reduced costs + sum_i u_i * slack_i >= L(u) + sum of reduced costs, so a
// partial assignment whose reduced costs already reach the incumbent is cut.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/gap/internal/steps.h"

namespace guild::gap::internal {

namespace {

constexpr int64_t kDeadlineStride = 1024;

class Search {
 public:
  explicit Search(Context& ctx)
      : ctx_(ctx), p_(ctx.problem), lists_(ActiveCandidates(ctx, 0)), residual_(p_.capacity) {
    order_.resize(p_.jobs);
    for (int j = 0; j < p_.jobs; ++j) order_[j] = j;
    std::stable_sort(order_.begin(), order_.end(),
                     [&](int a, int b) { return lists_[a].size() < lists_[b].size(); });
    choice_.assign(p_.jobs, -1);
  }

  //! Returns true when the search finished within the node budget.
  bool Run() {
    Visit(0, 0.0);
    return !aborted_;
  }
  [[nodiscard]] int64_t nodes() const { return nodes_; }

 private:
  bool Cut(double reduced_sum) const {
    return ctx_.HasBest() && IntegerBound(ctx_.lagrangian_value + reduced_sum) >= ctx_.best_cost;
  }

  void Visit(int depth, double reduced_sum) {
    bool target_met = ctx_.HasBest() && ctx_.best_cost <= ctx_.options.stop_at_objective;
    if (++nodes_ > ctx_.options.bb_node_limit || target_met ||
        (nodes_ % kDeadlineStride == 0 && ctx_.deadline.Expired())) {
      aborted_ = true;
      return;
    }
    if (depth == p_.jobs) {
      ctx_.OfferSolution(choice_);
      return;
    }
    int j = order_[depth];
    for (int k : lists_[j]) {
      if (aborted_ || Cut(reduced_sum + ctx_.reduced_cost[k])) return;  // Lists ascend.
      int i = p_.agent[k];
      if (p_.weight[k] > residual_[i]) continue;
      residual_[i] -= p_.weight[k];
      choice_[j] = k;
      Visit(depth + 1, reduced_sum + ctx_.reduced_cost[k]);
      residual_[i] += p_.weight[k];
    }
    choice_[j] = -1;
  }

  Context& ctx_;
  const Problem& p_;
  std::vector<std::vector<int>> lists_;
  std::vector<int64_t> residual_;
  std::vector<int> order_;
  std::vector<int> choice_;
  int64_t nodes_ = 0;
  bool aborted_ = false;
};

}  // namespace

std::string BranchAndBoundStep(Context& ctx) {
  if (ctx.reduced_cost.empty()) return ctx.Skip("no Lagrangian multipliers");
  Search search(ctx);
  bool finished = search.Run();
  std::string nodes = std::to_string(search.nodes()) + " nodes";
  if (!finished) return nodes + ", budget reached";
  if (ctx.HasBest()) {
    ctx.optimal = true;
    ctx.lower_bound = ctx.best_cost;
    ctx.report->proved_optimal = true;
    return nodes + ", optimality proven";
  }
  ctx.proven_infeasible = true;
  ctx.report->proved_infeasible = true;
  ctx.reason = "exhaustive search: no assignment of the jobs fits the agents' capacities";
  return nodes + ", infeasibility proven";
}

}  // namespace guild::gap::internal
