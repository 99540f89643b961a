#include "engine/gap/internal/local_search.h"

namespace guild::gap::internal {

namespace {

//! Smallest change of f counted as an improvement.
constexpr double kImprovement = 1e-7;
//! Jobs examined between two deadline checks.
constexpr int kDeadlineStride = 64;
//! Candidates per job the construction, repair and knapsack descents use.
constexpr int kDescentCap = 32;
//! Their core (ActiveCandidates): the kDescentCore * jobs candidates of
//! least capacity reduced cost.
constexpr double kDescentCore = 3.0;

struct Move {
  double delta = -kImprovement;
  int job1 = -1, to1 = -1, job2 = -1, to2 = -1;
};

class Descent {
 public:
  Descent(const Problem& p, State& s, const Penalty& pen, const ActiveLists& active)
      : p_(p), s_(s), pen_(pen), active_(active) {}

  // Best shift or ejection chain starting with `job`; job1 < 0 if none.
  Move BestFrom(int job) const {
    Move best;
    BestShift(job, best);
    BestChain(job, best);
    return best;
  }

  void Apply(const Move& m) {
    s_.Move(m.job1, m.to1);
    if (m.job2 >= 0) s_.Move(m.job2, m.to2);
  }

 private:
  double Pen(int agent, int64_t delta) const {
    return pen_.Delta(p_, agent, s_.load(agent), delta);
  }

  void BestShift(int j, Move& best) const {
    int k0 = s_.choice()[j];
    int i1 = p_.agent[k0];
    double leave = Pen(i1, -p_.weight[k0]) - static_cast<double>(p_.cost[k0]);
    for (int k : active_[j]) {
      int i2 = p_.agent[k];
      if (i2 == i1) continue;
      double delta = leave + static_cast<double>(p_.cost[k]) + Pen(i2, p_.weight[k]);
      if (delta < best.delta) best = {delta, j, k, -1, -1};
    }
  }

  void BestChain(int j1, Move& best) const {
    int k0 = s_.choice()[j1];
    int i1 = p_.agent[k0];
    for (int k1 : active_[j1]) {
      int i2 = p_.agent[k1];
      if (i2 == i1) continue;
      double base = static_cast<double>(p_.cost[k1] - p_.cost[k0]);
      for (int j2 : s_.JobsOn(i2)) ChainSecond(j1, k0, k1, j2, base, best);
    }
  }

  void ChainSecond(int j1, int k0, int k1, int j2, double base, Move& best) const {
    int i1 = p_.agent[k0];
    int i2 = p_.agent[k1];
    int kc = s_.choice()[j2];
    double second = base - static_cast<double>(p_.cost[kc]);
    double pen_i2 = Pen(i2, p_.weight[k1] - p_.weight[kc]);
    double pen_i1 = Pen(i1, -p_.weight[k0]);
    for (int k2 : active_[j2]) {
      int i3 = p_.agent[k2];
      if (i3 == i2) continue;
      double delta = second + static_cast<double>(p_.cost[k2]) + pen_i2;
      if (i3 == i1) {
        delta += Pen(i1, p_.weight[k2] - p_.weight[k0]);
      } else {
        delta += pen_i1 + Pen(i3, p_.weight[k2]);
      }
      if (delta < best.delta) best = {delta, j1, k1, j2, k2};
    }
  }

  const Problem& p_;
  State& s_;
  const Penalty& pen_;
  const ActiveLists& active_;
};

bool Touches(const Problem& p, const State& s, const ActiveLists& active, int j,
             const std::vector<char>& dirty) {
  if (dirty[s.AgentOf(j)]) return true;
  for (int k : active[j]) {
    if (dirty[p.agent[k]]) return true;
  }
  return false;
}

void MarkMove(const Problem& p, const State& s, const Move& m, std::vector<char>& flags) {
  flags[s.AgentOf(m.job1)] = 1;
  flags[p.agent[m.to1]] = 1;
  if (m.job2 >= 0) flags[p.agent[m.to2]] = 1;
}

}  // namespace

int64_t Descend(const Problem& p, State& s, const Penalty& pen, const ActiveLists& active,
                std::vector<char> dirty, const Deadline& deadline) {
  Descent descent(p, s, pen, active);
  int64_t moves = 0;
  int64_t examined = 0;
  bool changed = true;
  while (changed) {
    changed = false;
    std::vector<char> next(p.agents, 0);
    for (int j = 0; j < p.jobs; ++j) {
      if (++examined % kDeadlineStride == 0 && deadline.Expired()) return moves;
      if (!Touches(p, s, active, j, dirty)) continue;
      Move m = descent.BestFrom(j);
      if (m.job1 < 0) continue;
      MarkMove(p, s, m, next);
      MarkMove(p, s, m, dirty);
      descent.Apply(m);
      ++moves;
      changed = true;
    }
    dirty.swap(next);
  }
  return moves;
}

int64_t DescendAll(const Problem& p, State& s, const Penalty& pen, const ActiveLists& active,
                   const Deadline& deadline) {
  return Descend(p, s, pen, active, std::vector<char>(p.agents, 1), deadline);
}

ActiveLists DescentLists(const Context& context) {
  return ActiveCandidates(context, kDescentCap, kDescentCore);
}

}  // namespace guild::gap::internal
