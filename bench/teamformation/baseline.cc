#include "bench/teamformation/baseline.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>

namespace guild::bench {

namespace {

constexpr Length kInf = network::kUnreachable;
constexpr uint64_t kDeadlineCheckEvery = 1024;

Length Add(Length a, Length b) { return (a == kInf || b == kInf) ? kInf : a + b; }

}  // namespace

std::vector<Length> Distances::Run(const std::vector<NodeId>& sources) const {
  const network::Graph& g = net_.graph();
  std::vector<Length> dist(g.node_count(), kInf);
  using Item = std::pair<Length, NodeId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  for (NodeId s : sources) {
    dist[s] = 0;
    queue.push({0, s});
  }
  while (!queue.empty()) {
    auto [du, u] = queue.top();
    queue.pop();
    if (du > dist[u]) continue;
    auto row = g.neighbors(u);
    for (size_t i = 0; i < row.size(); ++i) {
      const Length dv = du + net_.lengths()[g.arc_begin(u) + i];
      if (dv < dist[row[i]]) {
        dist[row[i]] = dv;
        queue.push({dv, row[i]});
      }
    }
  }
  return dist;
}

const std::vector<Length>& Distances::Row(NodeId source) {
  auto it = rows_.find(source);
  if (it != rows_.end()) return *it->second;
  auto row = std::make_unique<std::vector<Length>>(Run({source}));
  return *rows_.emplace(source, std::move(row)).first->second;
}

std::vector<Length> Distances::ToNearest(const std::vector<NodeId>& sources) const {
  return Run(sources);
}

std::vector<NodeId> RarestFirst(const Task& task, Distances& d) {
  const size_t k = task.holders.size();
  size_t rare = 0;
  for (size_t a = 1; a < k; ++a) {
    if (task.holders[a].size() < task.holders[rare].size()) rare = a;
  }
  std::vector<NodeId> best;
  Length best_radius = kInf;
  for (NodeId i : task.holders[rare]) {
    const std::vector<Length>& row = d.Row(i);
    std::vector<NodeId> cover(k);
    Length radius = 0;
    for (size_t a = 0; a < k; ++a) {
      if (a == rare) {
        cover[a] = i;
        continue;
      }
      NodeId nearest = task.holders[a].front();
      for (NodeId j : task.holders[a]) {
        if (row[j] < row[nearest]) nearest = j;
      }
      cover[a] = nearest;
      radius = std::max(radius, row[nearest]);
    }
    if (radius < best_radius) {
      best_radius = radius;
      best = std::move(cover);
    }
  }
  return best;
}

Length Diameter(const std::vector<NodeId>& cover, Distances& d) {
  Length out = 0;
  for (size_t i = 0; i < cover.size(); ++i) {
    const std::vector<Length>& row = d.Row(cover[i]);
    for (size_t j = i + 1; j < cover.size(); ++j) out = std::max(out, row[cover[j]]);
  }
  return out;
}

Length SumOfDistances(const std::vector<NodeId>& cover, Distances& d) {
  Length out = 0;
  for (size_t i = 0; i < cover.size(); ++i) {
    const std::vector<Length>& row = d.Row(cover[i]);
    for (size_t j = i + 1; j < cover.size(); ++j) out = Add(out, row[cover[j]]);
  }
  return out;
}

namespace {

// State shared by both exact searches.
struct SearchBase {
  const Task& task;
  Distances& d;
  Deadline deadline;
  size_t k;
  std::vector<std::vector<Length>> near;   // near[j][v] = d(v, S(j))
  std::vector<std::vector<Length>> apart;  // apart[j][l] = d(S(j), S(l))
  std::vector<std::vector<NodeId>> pool;   // candidates per skill, after filtering
  std::vector<size_t> order;               // skills by pool size
  std::vector<NodeId> cover;               // by position in `order`
  Exact result;
  bool out_of_time = false;

  SearchBase(const Task& t, Distances& dist, Deadline dl)
      : task(t), d(dist), deadline(dl), k(t.holders.size()) {
    for (const auto& h : task.holders) near.push_back(d.ToNearest(h));
    apart.assign(k, std::vector<Length>(k, 0));
    for (size_t j = 0; j < k; ++j) {
      for (size_t l = 0; l < k; ++l) {
        Length m = kInf;
        for (NodeId h : task.holders[l]) m = std::min(m, near[j][h]);
        apart[j][l] = m;
      }
    }
  }

  bool Tick() {
    if (++result.nodes % kDeadlineCheckEvery == 0 && std::chrono::steady_clock::now() > deadline) {
      out_of_time = true;
    }
    return !out_of_time;
  }

  void Record() {
    result.cover.assign(k, 0);
    for (size_t a = 0; a < k; ++a) result.cover[order[a]] = cover[a];
  }

  void SortSkillsByPool() {
    order.resize(k);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return pool[a].size() < pool[b].size(); });
    cover.assign(k, 0);
  }
};

struct DiameterSearch : SearchBase {
  using SearchBase::SearchBase;

  void Run(Length upper) {
    result.cost = upper;
    pool.assign(k, {});
    for (size_t j = 0; j < k; ++j) {
      for (NodeId h : task.holders[j]) {
        Length r = 0;
        for (size_t i = 0; i < k; ++i) r = std::max(r, near[i][h]);
        if (r < upper) pool[j].push_back(h);
      }
    }
    SortSkillsByPool();
    Dfs(0, 0);
    result.proven = !out_of_time;
  }

  void Dfs(size_t t, Length diameter) {
    if (!Tick()) return;
    if (t == k) {
      result.cost = diameter;  // below the previous cost, by the pruning
      Record();
      return;
    }
    const size_t skill = order[t];
    std::vector<std::pair<Length, NodeId>> next;
    for (NodeId h : pool[skill]) {
      Length worst = diameter;
      for (size_t i = 0; i < t && worst < result.cost; ++i) {
        worst = std::max(worst, d.Row(cover[i])[h]);
      }
      if (worst < result.cost) next.emplace_back(worst, h);
    }
    std::sort(next.begin(), next.end());
    for (const auto& [worst, h] : next) {
      if (worst >= result.cost || out_of_time) break;
      cover[t] = h;
      Dfs(t + 1, worst);
    }
  }
};

struct SumSearch : SearchBase {
  using SearchBase::SearchBase;

  Length rest_apart_ = 0;

  void Run(Length upper) {
    result.cost = upper;
    Length all_apart = 0;
    for (size_t a = 0; a < k; ++a) {
      for (size_t b = a + 1; b < k; ++b) all_apart = Add(all_apart, apart[a][b]);
    }
    pool.assign(k, {});
    for (size_t j = 0; j < k; ++j) {
      // Pairs with j cost at least near[i][h]; the other pairs at least apart.
      Length others = all_apart;
      for (size_t i = 0; i < k; ++i) {
        if (i != j) others -= apart[std::min(i, j)][std::max(i, j)];
      }
      for (NodeId h : task.holders[j]) {
        Length lb = others;
        for (size_t i = 0; i < k; ++i) {
          if (i != j) lb = Add(lb, near[i][h]);
        }
        if (lb < upper) pool[j].push_back(h);
      }
    }
    SortSkillsByPool();
    Dfs(0, 0);
    result.proven = !out_of_time;
  }

  // A lower bound on the pairs among skills order[t..k) and between them and
  // the assigned cover[0..t).
  Length Remaining(size_t t) const {
    Length lb = 0;
    for (size_t a = t; a < k; ++a) {
      for (size_t b = a + 1; b < k; ++b) lb = Add(lb, apart[order[a]][order[b]]);
      for (size_t i = 0; i < t; ++i) lb = Add(lb, near[order[a]][cover[i]]);
    }
    return lb;
  }

  void Dfs(size_t t, Length partial) {
    if (!Tick()) return;
    if (t == k) {
      result.cost = partial;
      Record();
      return;
    }
    const size_t skill = order[t];
    struct Next {
      Length lb;
      NodeId h;
      Length cross;
      bool operator<(const Next& o) const { return lb != o.lb ? lb < o.lb : h < o.h; }
    };
    std::vector<Next> next;
    for (NodeId h : pool[skill]) {
      Length cross = 0;
      for (size_t i = 0; i < t; ++i) cross = Add(cross, d.Row(cover[i])[h]);
      cover[t] = h;
      const Length lb = Add(Add(partial, cross), Remaining(t + 1));
      if (lb < result.cost) next.push_back({lb, h, cross});
    }
    std::sort(next.begin(), next.end());
    for (const Next& n : next) {
      if (n.lb >= result.cost || out_of_time) break;
      cover[t] = n.h;
      Dfs(t + 1, Add(partial, n.cross));
    }
  }
};

}  // namespace

Exact ExactDiameter(const Task& task, Length upper, Distances& d, Deadline deadline) {
  DiameterSearch s(task, d, deadline);
  s.Run(upper);
  return s.result;
}

Exact ExactSum(const Task& task, Length upper, Distances& d, Deadline deadline) {
  SumSearch s(task, d, deadline);
  s.Run(upper);
  return s.result;
}

Length ExactLeader(const Task& task, const Distances& d, uint32_t nodes) {
  std::vector<Length> total(nodes, 0);
  for (const auto& holders : task.holders) {
    std::vector<Length> near = d.ToNearest(holders);
    for (NodeId v = 0; v < nodes; ++v) total[v] = Add(total[v], near[v]);
  }
  return *std::min_element(total.begin(), total.end());
}

Length Enumerate(const Task& task, int objective, Distances& d) {
  const size_t k = task.holders.size();
  std::vector<NodeId> cover(k);
  Length best = kInf;
  std::function<void(size_t)> choose = [&](size_t i) {
    if (i == k) {
      best = std::min(best, objective == 0 ? Diameter(cover, d) : SumOfDistances(cover, d));
      return;
    }
    for (NodeId h : task.holders[i]) {
      cover[i] = h;
      choose(i + 1);
    }
  };
  choose(0);
  return best;
}

}  // namespace guild::bench
