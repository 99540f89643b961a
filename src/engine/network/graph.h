// Graph: an undirected, weighted, simple graph in compressed adjacency form,
// the one graph type every network computation in this module reads.
//
// Nodes are dense indexes 0..node_count()-1, each with a name (a person id,
// an author id). Each undirected edge {u, v} (u != v) is stored twice, as the
// arcs u->v and v->u, with the same weight and kinds; every node's neighbours
// are sorted ascending, so lookups are binary searches. No self-loops, no
// parallel edges: GraphBuilder merges repeated pairs (summing weights, joining
// kinds) and refuses self-loops.
//
// Weights are tie strengths (> 0; larger means closer). Kinds are a bit set
// of tie kinds (ties.h); graphs read from plain edge lists carry kind 0.
//
// Thread safety: a built Graph is immutable; any number of threads may read it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace guild::network {

using NodeId = uint32_t;
//! A set of tie kinds, one bit per kind (TieKinds in ties.h names them).
using KindSet = uint32_t;

class Graph {
 public:
  Graph() = default;

  [[nodiscard]] uint32_t node_count() const { return static_cast<uint32_t>(names_.size()); }
  //! Number of undirected edges.
  [[nodiscard]] uint64_t edge_count() const { return targets_.size() / 2; }
  [[nodiscard]] const std::string& name(NodeId v) const { return names_[v]; }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  //! The node called `name`; nullopt when absent. O(1).
  [[nodiscard]] std::optional<NodeId> Find(std::string_view name) const;

  [[nodiscard]] uint32_t degree(NodeId v) const { return offsets_[v + 1] - offsets_[v]; }
  //! Neighbours of v, ascending.
  [[nodiscard]] std::span<const NodeId> neighbors(NodeId v) const {
    return {targets_.data() + offsets_[v], degree(v)};
  }
  //! Weights of v's arcs, parallel to neighbors(v).
  [[nodiscard]] std::span<const double> weights(NodeId v) const {
    return {weights_.data() + offsets_[v], degree(v)};
  }
  //! Kinds of v's arcs, parallel to neighbors(v).
  [[nodiscard]] std::span<const KindSet> kinds(NodeId v) const {
    return {kinds_.data() + offsets_[v], degree(v)};
  }
  //! First arc of v: arcs of v are arc_begin(v) .. arc_begin(v + 1) - 1.
  [[nodiscard]] uint64_t arc_begin(NodeId v) const { return offsets_[v]; }
  [[nodiscard]] NodeId arc_target(uint64_t arc) const { return targets_[arc]; }
  [[nodiscard]] double arc_weight(uint64_t arc) const { return weights_[arc]; }
  //! The arc u->v; nullopt when u and v are not adjacent. O(log degree(u)).
  [[nodiscard]] std::optional<uint64_t> FindArc(NodeId u, NodeId v) const;
  //! Largest edge weight; 0 for a graph without edges.
  [[nodiscard]] double max_weight() const;

 private:
  friend class GraphBuilder;
  std::vector<std::string> names_;
  std::unordered_map<std::string, NodeId> index_;
  std::vector<uint64_t> offsets_{0};
  std::vector<NodeId> targets_;
  std::vector<double> weights_;
  std::vector<KindSet> kinds_;
};

//! Collects nodes and edges, then builds a Graph in O(n + m log m).
class GraphBuilder {
 public:
  //! The node called `name`, added when new.
  NodeId AddNode(std::string_view name);
  //! Adds weight to the edge {u, v}, creating it when new; kinds are joined.
  //! REQUIRES: u != v, both added, weight > 0.
  void AddEdge(NodeId u, NodeId v, double weight, KindSet kinds = 0);
  [[nodiscard]] uint32_t node_count() const { return static_cast<uint32_t>(names_.size()); }
  //! Builds the graph; the builder is left empty.
  Graph Build();

 private:
  struct PendingEdge {
    NodeId u;
    NodeId v;
    double weight;
    KindSet kinds;
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, NodeId> index_;
  std::vector<PendingEdge> edges_;
};

//! The subgraph induced by `nodes` (each at most once; their order is kept:
//! node i of the result is nodes[i]). O(sum of the nodes' degrees).
Graph InducedSubgraph(const Graph& graph, std::span<const NodeId> nodes);

}  // namespace guild::network
