#include "engine/network/internal/betweenness.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <numeric>
#include <random>
#include <thread>

#include "engine/network/internal/radix_heap.h"

namespace guild::network::internal {

namespace {

// Scratch space of one thread: one single-source pass at a time. Unweighted
// passes count hops in 32 bits; weighted ones use the arc lengths.
template <bool kWeighted>
class Pass {
 public:
  using Distance = std::conditional_t<kWeighted, Length, int32_t>;
  static constexpr Distance kFar = std::numeric_limits<Distance>::max() / 2;

  Pass(const Graph& graph, const std::vector<Length>& lengths)
      : g_(graph),
        lengths_(lengths),
        sigma_(graph.node_count(), 0),
        delta_(graph.node_count(), 0),
        distance_(graph.node_count(), kFar),
        sum_(graph.node_count(), 0) {}

  // Adds the dependencies of every node on paths from s to sum_.
  void Run(NodeId s) {
    if constexpr (kWeighted) {
      Dijkstra(s);
    } else {
      Bfs(s);
    }
    Accumulate(s);
    for (NodeId v : order_) {
      sigma_[v] = 0;
      delta_[v] = 0;
      distance_[v] = kFar;
    }
    order_.clear();
  }

  [[nodiscard]] const std::vector<double>& sum() const { return sum_; }

 private:
  [[nodiscard]] Distance Step(uint64_t arc) const {
    if constexpr (kWeighted) {
      return lengths_[arc];
    } else {
      return 1;
    }
  }

  void Bfs(NodeId s) {
    distance_[s] = 0;
    sigma_[s] = 1;
    order_.push_back(s);
    for (size_t head = 0; head < order_.size(); ++head) {
      const NodeId v = order_[head];
      const Distance next = distance_[v] + 1;
      const double sv = sigma_[v];
      for (NodeId w : g_.neighbors(v)) {
        if (distance_[w] == kFar) {
          distance_[w] = next;
          order_.push_back(w);
        }
        if (distance_[w] == next) sigma_[w] += sv;
      }
    }
  }

  // Settles nodes in order of distance; a node's path count is final when it
  // is settled, since every arc is at least one unit long.
  void Dijkstra(NodeId s) {
    heap_.Clear();
    distance_[s] = 0;
    sigma_[s] = 1;
    heap_.Push(0, s);
    while (!heap_.empty()) {
      const auto [d, v] = heap_.PopAny();
      if (d != distance_[v]) continue;  // a stale entry: each node settles once
      order_.push_back(v);
      const double sv = sigma_[v];
      const uint64_t end = g_.arc_begin(v + 1);
      for (uint64_t arc = g_.arc_begin(v); arc < end; ++arc) {
        const NodeId w = g_.arc_target(arc);
        const Distance dw = d + Step(arc);
        if (dw < distance_[w]) {
          distance_[w] = dw;
          sigma_[w] = sv;
          heap_.Push(dw, w);
        } else if (dw == distance_[w]) {
          sigma_[w] += sv;
        }
      }
    }
  }

  // Dependencies in reverse order of distance: each node w passes
  // sigma(v) / sigma(w) * (1 + delta(w)) to every predecessor v (a neighbour
  // with d(v) + len(v, w) = d(w)); one division per node. Unreached
  // neighbours sit at kFar and never match.
  void Accumulate(NodeId s) {
    for (size_t i = order_.size(); i-- > 0;) {
      const NodeId w = order_[i];
      const double coeff = (1 + delta_[w]) / sigma_[w];
      const Distance dw = distance_[w];
      const uint64_t end = g_.arc_begin(w + 1);
      for (uint64_t arc = g_.arc_begin(w); arc < end; ++arc) {
        const NodeId v = g_.arc_target(arc);
        if (distance_[v] + Step(arc) == dw) delta_[v] += sigma_[v] * coeff;
      }
      if (w != s) sum_[w] += delta_[w];
    }
  }

  const Graph& g_;
  const std::vector<Length>& lengths_;
  std::vector<double> sigma_;
  std::vector<double> delta_;
  std::vector<Distance> distance_;
  std::vector<double> sum_;
  std::vector<NodeId> order_;
  RadixHeap heap_;  // weighted passes only
};

std::vector<NodeId> ChooseSources(uint32_t n, uint32_t samples, uint64_t seed) {
  std::vector<NodeId> all(n);
  std::iota(all.begin(), all.end(), 0);
  if (samples == 0 || samples >= n) return all;
  std::mt19937_64 rng(seed);
  for (uint32_t i = 0; i < samples; ++i) {
    const uint32_t j = i + static_cast<uint32_t>(rng() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(samples);
  std::sort(all.begin(), all.end());
  return all;
}

// Runs the passes over `sources` on `threads` threads; returns the sums.
template <bool kWeighted>
std::vector<double> SumDependencies(const Graph& graph, const std::vector<Length>& lengths,
                                    const std::vector<NodeId>& sources, int threads,
                                    const std::function<void(uint64_t, uint64_t)>& progress) {
  std::vector<Pass<kWeighted>> passes;
  passes.reserve(threads);
  for (int t = 0; t < threads; ++t) passes.emplace_back(graph, lengths);
  std::atomic<uint64_t> done{0};
  constexpr uint64_t kReportEvery = 64;
  auto work = [&](int t) {
    for (size_t i = t; i < sources.size(); i += threads) {
      passes[t].Run(sources[i]);
      const uint64_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (t == 0 && progress && d % kReportEvery < static_cast<uint64_t>(threads)) {
        progress(d, sources.size());
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& thread : pool) thread.join();
  std::vector<double> out(graph.node_count(), 0);
  for (const auto& pass : passes) {
    for (NodeId v = 0; v < graph.node_count(); ++v) out[v] += pass.sum()[v];
  }
  return out;
}

}  // namespace

std::vector<double> Betweenness(const Graph& graph, const MetricsOptions& options,
                                uint32_t* sources_used) {
  const uint32_t n = graph.node_count();
  const std::vector<NodeId> sources = ChooseSources(n, options.betweenness_samples, options.seed);
  if (sources_used) *sources_used = static_cast<uint32_t>(sources.size());
  const int threads =
      std::clamp<int>(options.threads, 1, std::max<int>(1, static_cast<int>(sources.size())));
  std::vector<double> out;
  if (options.weighting == Weighting::kWeighted) {
    std::vector<Length> lengths = ArcLengths(graph, options.lengths);
    for (Length& l : lengths) l = std::max<Length>(l, 1);
    out = SumDependencies<true>(graph, lengths, sources, threads, options.progress);
  } else {
    out = SumDependencies<false>(graph, {}, sources, threads, options.progress);
  }
  if (n <= 2) return std::vector<double>(n, 0);
  double scale = 1.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
  if (sources.size() < n) scale *= static_cast<double>(n) / static_cast<double>(sources.size());
  for (double& b : out) b *= scale;
  return out;
}

}  // namespace guild::network::internal
