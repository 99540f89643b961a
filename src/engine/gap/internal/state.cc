#include "engine/gap/internal/state.h"

namespace guild::gap::internal {

State::State(const Problem& problem, const std::vector<int>& choice)
    : problem_(&problem),
      choice_(choice),
      load_(problem.agents, 0),
      on_agent_(problem.agents),
      slot_(problem.jobs, 0) {
  for (int j = 0; j < problem.jobs; ++j) {
    int k = choice_[j];
    int i = problem.agent[k];
    load_[i] += problem.weight[k];
    cost_ += problem.cost[k];
    slot_[j] = static_cast<int>(on_agent_[i].size());
    on_agent_[i].push_back(j);
  }
}

void State::Move(int job, int candidate) {
  int old = choice_[job];
  int from = problem_->agent[old];
  int to = problem_->agent[candidate];
  load_[from] -= problem_->weight[old];
  load_[to] += problem_->weight[candidate];
  cost_ += problem_->cost[candidate] - problem_->cost[old];
  choice_[job] = candidate;
  if (from == to) return;
  std::vector<int>& source = on_agent_[from];
  int last = source.back();
  source[slot_[job]] = last;
  slot_[last] = slot_[job];
  source.pop_back();
  slot_[job] = static_cast<int>(on_agent_[to].size());
  on_agent_[to].push_back(job);
}

int64_t State::TotalOverload() const {
  int64_t total = 0;
  for (int i = 0; i < problem_->agents; ++i) total += Over(i);
  return total;
}

double Penalty::Value(const Problem& p, const State& s) const {
  double value = static_cast<double>(s.cost());
  for (int i = 0; i < p.agents; ++i) value += alpha[i] * static_cast<double>(s.Over(i));
  return value;
}

}  // namespace guild::gap::internal
