#include "engine/network/graph.h"

#include <algorithm>
#include <cassert>

namespace guild::network {

std::optional<NodeId> Graph::Find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint64_t> Graph::FindArc(NodeId u, NodeId v) const {
  std::span<const NodeId> row = neighbors(u);
  auto it = std::lower_bound(row.begin(), row.end(), v);
  if (it == row.end() || *it != v) return std::nullopt;
  return offsets_[u] + static_cast<uint64_t>(it - row.begin());
}

double Graph::max_weight() const {
  double best = 0;
  for (double w : weights_) best = std::max(best, w);
  return best;
}

NodeId GraphBuilder::AddNode(std::string_view name) {
  auto [it, added] = index_.try_emplace(std::string(name), static_cast<NodeId>(names_.size()));
  if (added) names_.emplace_back(name);
  return it->second;
}

void GraphBuilder::AddEdge(NodeId u, NodeId v, double weight, KindSet kinds) {
  assert(u != v && u < names_.size() && v < names_.size() && weight > 0);
  edges_.push_back({std::min(u, v), std::max(u, v), weight, kinds});
}

Graph GraphBuilder::Build() {
  std::sort(edges_.begin(), edges_.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return a.u != b.u ? a.u < b.u : a.v < b.v;
  });
  // Merge repeated pairs in place.
  size_t kept = 0;
  for (size_t i = 0; i < edges_.size(); ++i) {
    if (kept > 0 && edges_[kept - 1].u == edges_[i].u && edges_[kept - 1].v == edges_[i].v) {
      edges_[kept - 1].weight += edges_[i].weight;
      edges_[kept - 1].kinds |= edges_[i].kinds;
    } else {
      edges_[kept++] = edges_[i];
    }
  }
  edges_.resize(kept);

  Graph g;
  const size_t n = names_.size();
  g.offsets_.assign(n + 1, 0);
  for (const PendingEdge& e : edges_) {
    ++g.offsets_[e.u + 1];
    ++g.offsets_[e.v + 1];
  }
  for (size_t i = 0; i < n; ++i) g.offsets_[i + 1] += g.offsets_[i];
  g.targets_.resize(2 * kept);
  g.weights_.resize(2 * kept);
  g.kinds_.resize(2 * kept);
  std::vector<uint64_t> next(g.offsets_.begin(), g.offsets_.end() - 1);
  // Edges are sorted by (u, v): for each node, the arcs to lower neighbours
  // (filled when the node is the v side) come in ascending u order, before
  // the arcs to higher neighbours (filled when it is the u side), also in
  // order. Filling v sides first keeps every row sorted.
  for (const PendingEdge& e : edges_) {
    const uint64_t at = next[e.v]++;
    g.targets_[at] = e.u;
    g.weights_[at] = e.weight;
    g.kinds_[at] = e.kinds;
  }
  for (const PendingEdge& e : edges_) {
    const uint64_t at = next[e.u]++;
    g.targets_[at] = e.v;
    g.weights_[at] = e.weight;
    g.kinds_[at] = e.kinds;
  }
  g.names_ = std::move(names_);
  g.index_ = std::move(index_);
  names_.clear();
  index_.clear();
  edges_.clear();
  edges_.shrink_to_fit();
  return g;
}

Graph InducedSubgraph(const Graph& graph, std::span<const NodeId> nodes) {
  GraphBuilder builder;
  std::unordered_map<NodeId, NodeId> local;
  local.reserve(nodes.size());
  for (NodeId v : nodes) {
    local.emplace(v, builder.AddNode(graph.name(v)));
  }
  for (NodeId v : nodes) {
    std::span<const NodeId> row = graph.neighbors(v);
    std::span<const double> w = graph.weights(v);
    std::span<const KindSet> k = graph.kinds(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] <= v) continue;  // each edge once, from its lower end
      auto it = local.find(row[i]);
      if (it != local.end()) builder.AddEdge(local.at(v), it->second, w[i], k[i]);
    }
  }
  return builder.Build();
}

}  // namespace guild::network
