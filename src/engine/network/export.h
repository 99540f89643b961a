// Writing a graph and its metrics for Gephi, Cytoscape and other tools.
//
// GraphML (graphml.graphdrawing.org) and GEXF 1.3 (gexf.net), undirected,
// nodes by name with a `label` and, when metrics are given, `betweenness`
// (normalized), `clustering` and `community` (position in
// NetworkMetrics::communities, largest first; -1 when none); edges with their
// `weight`. Numbers are written with 17 significant digits, so they read
// back exactly. Text is XML-escaped.
#pragma once

#include <span>
#include <string>

#include "engine/network/graph.h"
#include "engine/network/metrics.h"

namespace guild::network {

struct ExportOptions {
  //! Display labels per node; empty: the node names.
  std::span<const std::string> labels;
  //! Node metrics to attach; nullptr: none.
  const NetworkMetrics* metrics = nullptr;
};

std::string WriteGraphml(const Graph& graph, const ExportOptions& options);
//! The edges as an edge list (edge_list.h): "source<TAB>target<TAB>weight",
//! each edge once, weights with 17 significant digits.
std::string WriteEdgeList(const Graph& graph);
std::string WriteGexf(const Graph& graph, const ExportOptions& options);

}  // namespace guild::network
