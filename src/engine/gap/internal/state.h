// Internal: a complete assignment that may overload agents, with loads, cost
// and the jobs held by each agent kept up to date under moves.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/gap/internal/problem.h"

namespace guild::gap::internal {

class State {
 public:
  //! REQUIRES: choice[j] is a candidate of job j for every j.
  State(const Problem& problem, const std::vector<int>& choice);

  //! Gives job `job` its candidate `candidate`.
  void Move(int job, int candidate);

  [[nodiscard]] const std::vector<int>& choice() const { return choice_; }
  [[nodiscard]] int AgentOf(int job) const { return problem_->agent[choice_[job]]; }
  [[nodiscard]] int64_t cost() const { return cost_; }
  [[nodiscard]] int64_t load(int agent) const { return load_[agent]; }
  [[nodiscard]] int64_t Over(int agent) const {
    int64_t over = load_[agent] - problem_->capacity[agent];
    return over > 0 ? over : 0;
  }
  [[nodiscard]] int64_t TotalOverload() const;
  [[nodiscard]] const std::vector<int>& JobsOn(int agent) const { return on_agent_[agent]; }

 private:
  const Problem* problem_;
  std::vector<int> choice_;
  std::vector<int64_t> load_;
  std::vector<std::vector<int>> on_agent_;
  std::vector<int> slot_;  //!< Position of each job in on_agent_[its agent].
  int64_t cost_ = 0;
};

//! Capacity penalty weights: f(s) = cost(s) + sum_i alpha_i * over_i(s).
struct Penalty {
  std::vector<double> alpha;

  //! Change of agent i's penalty when its load goes from `load` by `delta`.
  [[nodiscard]] double Delta(const Problem& p, int agent, int64_t load, int64_t delta) const {
    int64_t before = load - p.capacity[agent];
    int64_t after = before + delta;
    return alpha[agent] * static_cast<double>((after > 0 ? after : 0) - (before > 0 ? before : 0));
  }
  [[nodiscard]] double Value(const Problem& p, const State& s) const;
};

}  // namespace guild::gap::internal
