#include "engine/network/internal/exact_search.h"

#include <algorithm>
#include <numeric>

namespace guild::network::internal {

namespace {

Length Add(Length a, Length b) {
  return (a == kUnreachable || b == kUnreachable) ? kUnreachable : a + b;
}

class BranchAndBound {
 public:
  BranchAndBound(const ExactSearch& s, Length best)
      : s_(s),
        k_(s.task.holders.size()),
        diameter_(s.objective == Objective::kDiameter),
        work_at_start_(s.pairs.work()) {
    out_.cost = best;
  }

  ExactOutcome Run() {
    Apart();
    if (!Pools()) {
      out_.complete = true;  // some skill has no holder that could do better
      return out_;
    }
    order_.resize(k_);
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(),
                     [&](size_t a, size_t b) { return pool_[a].size() < pool_[b].size(); });
    chosen_.assign(k_, 0);
    Dfs(0, 0);
    out_.complete = !out_of_budget_;
    return out_;
  }

 private:
  [[nodiscard]] Length D(size_t skill, NodeId v) const { return s_.near[skill].distance[v]; }

  // apart_[j][l]: the least distance between a holder of j and one of l.
  void Apart() {
    apart_.assign(k_, std::vector<Length>(k_, 0));
    for (size_t j = 0; j < k_; ++j) {
      for (size_t l = 0; l < k_; ++l) {
        if (j == l) continue;
        Length m = kUnreachable;
        for (NodeId h : s_.task.holders[l]) m = std::min(m, D(j, h));
        apart_[j][l] = m;
      }
    }
  }

  // Candidates per skill that the nearest-holder bounds leave in; false when
  // a skill has none.
  bool Pools() {
    Length all_apart = 0;
    for (size_t a = 0; a < k_; ++a) {
      for (size_t b = a + 1; b < k_; ++b) all_apart = Add(all_apart, apart_[a][b]);
    }
    pool_.assign(k_, {});
    for (size_t j = 0; j < k_; ++j) {
      Length others = all_apart;
      for (size_t i = 0; i < k_ && others != kUnreachable; ++i) {
        if (i != j) others -= apart_[std::min(i, j)][std::max(i, j)];
      }
      std::vector<std::pair<Length, NodeId>> ranked;
      for (NodeId h : s_.task.holders[j]) {
        Length key = diameter_ ? 0 : others;
        for (size_t i = 0; i < k_; ++i) {
          if (i == j) continue;
          key = diameter_ ? std::max(key, D(i, h)) : Add(key, D(i, h));
        }
        if (key < out_.cost) ranked.emplace_back(key, h);
      }
      if (ranked.empty()) return false;
      std::sort(ranked.begin(), ranked.end());
      for (const auto& [key, h] : ranked) pool_[j].push_back(h);
    }
    return true;
  }

  // Cheap lower bound with h on skill order_[t]: each pair with a chosen
  // member, and each pair with a skill still open, is at least the nearest
  // holder distance either way.
  Length QuickBound(size_t t, NodeId h, Length partial) const {
    const size_t skill = order_[t];
    Length lb = partial;
    for (size_t a = 0; a < t; ++a) {
      const Length d = std::max(D(skill, chosen_[a]), D(order_[a], h));
      lb = diameter_ ? std::max(lb, d) : Add(lb, d);
    }
    for (size_t j = t + 1; j < k_; ++j) {
      Length to_open = D(order_[j], h);
      for (size_t a = 0; a < t; ++a) {
        to_open = diameter_ ? std::max(to_open, D(order_[j], chosen_[a]))
                            : Add(to_open, D(order_[j], chosen_[a]));
      }
      lb = diameter_ ? std::max(lb, to_open) : Add(lb, to_open);
      if (!diameter_) {
        for (size_t l = j + 1; l < k_; ++l) lb = Add(lb, apart_[order_[j]][order_[l]]);
      }
    }
    return lb;
  }

  void Dfs(size_t t, Length partial) {
    if (t == k_) {
      out_.cost = partial;  // below the previous best, by the bounds
      out_.cover.assign(k_, 0);
      for (size_t a = 0; a < k_; ++a) out_.cover[order_[a]] = chosen_[a];
      return;
    }
    std::vector<std::pair<Length, NodeId>> next;
    for (NodeId h : pool_[order_[t]]) {
      const Length lb = QuickBound(t, h, partial);
      if (lb < out_.cost) next.emplace_back(lb, h);
    }
    std::sort(next.begin(), next.end());
    const std::span<const NodeId> assigned(chosen_.data(), t);
    for (const auto& [lb, h] : next) {
      if (lb >= out_.cost || out_of_budget_) return;
      ++out_.checks;
      if (s_.pairs.work() - work_at_start_ > s_.budget) {
        out_of_budget_ = true;
        return;
      }
      // Exact distances to the members chosen so far, within what is left.
      const Length room = diameter_ ? out_.cost - 1 : out_.cost - 1 - partial;
      s_.pairs.From(h, assigned, room, found_);
      Length cost = partial;
      bool within = true;
      for (size_t a = 0; a < t && within; ++a) {
        within = found_[a] != kUnreachable;
        cost = diameter_ ? std::max(cost, found_[a]) : Add(cost, found_[a]);
      }
      if (!within || cost >= out_.cost) continue;
      chosen_[t] = h;
      Dfs(t + 1, cost);
    }
  }

  const ExactSearch& s_;
  const size_t k_;
  const bool diameter_;
  const uint64_t work_at_start_;
  std::vector<std::vector<Length>> apart_;
  std::vector<std::vector<NodeId>> pool_;
  std::vector<size_t> order_;
  std::vector<NodeId> chosen_;
  std::vector<Length> found_;
  ExactOutcome out_;
  bool out_of_budget_ = false;
};

}  // namespace

ExactOutcome SearchBelow(const ExactSearch& search, Length best) {
  BranchAndBound b(search, best);
  return b.Run();
}

}  // namespace guild::network::internal
