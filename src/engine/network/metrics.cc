#include "engine/network/metrics.h"

#include <algorithm>
#include <cmath>

#include "engine/network/internal/betweenness.h"
#include "engine/network/internal/communities.h"

namespace guild::network {

namespace {

// Triangles through each node: counts, and for weighted clustering the sum of
// the geometric means of the normalised weights of those triangles.
struct Triangles {
  std::vector<double> count;
  std::vector<double> weighted;
};

// Forward algorithm: orient each edge towards the endpoint of higher
// (degree, id) rank, so that every triangle is found once, from its
// lowest-ranked corner.
Triangles CountTriangles(const Graph& g, Weighting weighting) {
  const uint32_t n = g.node_count();
  Triangles t{std::vector<double>(n, 0), std::vector<double>(n, 0)};
  const bool weighted = weighting == Weighting::kWeighted;
  const double max_weight = weighted ? g.max_weight() : 1;
  auto ranks_below = [&](NodeId a, NodeId b) {
    return g.degree(a) != g.degree(b) ? g.degree(a) < g.degree(b) : a < b;
  };
  std::vector<uint64_t> out_begin(n + 1, 0);
  std::vector<NodeId> out;
  std::vector<double> out_weight;
  out.reserve(g.edge_count());
  out_weight.reserve(g.edge_count());
  for (NodeId u = 0; u < n; ++u) {
    auto row = g.neighbors(u);
    auto w = g.weights(u);
    for (size_t i = 0; i < row.size(); ++i) {
      if (!ranks_below(u, row[i])) continue;
      out.push_back(row[i]);
      out_weight.push_back(w[i] / max_weight);
    }
    out_begin[u + 1] = out.size();
  }
  constexpr double kUnmarked = -1;
  std::vector<double> mark(n, kUnmarked);  // weight of the edge u-x for x in out(u)
  for (NodeId u = 0; u < n; ++u) {
    for (uint64_t i = out_begin[u]; i < out_begin[u + 1]; ++i) mark[out[i]] = out_weight[i];
    for (uint64_t i = out_begin[u]; i < out_begin[u + 1]; ++i) {
      const NodeId v = out[i];
      for (uint64_t j = out_begin[v]; j < out_begin[v + 1]; ++j) {
        const NodeId w = out[j];
        if (mark[w] == kUnmarked) continue;
        t.count[u] += 1;
        t.count[v] += 1;
        t.count[w] += 1;
        if (weighted) {
          const double gm = std::cbrt(out_weight[i] * out_weight[j] * mark[w]);
          t.weighted[u] += gm;
          t.weighted[v] += gm;
          t.weighted[w] += gm;
        }
      }
    }
    for (uint64_t i = out_begin[u]; i < out_begin[u + 1]; ++i) mark[out[i]] = kUnmarked;
  }
  return t;
}

// Sorts node sets largest first, each ascending, ties by the lowest node.
void SortSets(NodeSets& sets) {
  for (auto& s : sets) std::sort(s.begin(), s.end());
  std::sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a.front() < b.front();
  });
}

}  // namespace

double Density(const Graph& graph) {
  const double n = graph.node_count();
  if (n <= 1) return 0;
  return static_cast<double>(graph.edge_count()) / (n * (n - 1) / 2);
}

std::vector<double> LocalClustering(const Graph& graph, Weighting weighting) {
  Triangles t = CountTriangles(graph, weighting);
  const std::vector<double>& sums = weighting == Weighting::kWeighted ? t.weighted : t.count;
  std::vector<double> out(graph.node_count(), 0);
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    const double d = graph.degree(v);
    if (d >= 2 && sums[v] != 0) out[v] = 2 * sums[v] / (d * (d - 1));
  }
  return out;
}

double Transitivity(const Graph& graph) {
  Triangles t = CountTriangles(graph, Weighting::kUnweighted);
  double triangles = 0, triads = 0;
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    const double d = graph.degree(v);
    triangles += 2 * t.count[v];
    triads += d * (d - 1);
  }
  return triangles == 0 ? 0 : triangles / triads;
}

double DegreeCentralization(const Graph& graph) {
  const uint32_t n = graph.node_count();
  if (n <= 2) return 0;
  uint32_t max_degree = 0;
  for (NodeId v = 0; v < n; ++v) max_degree = std::max(max_degree, graph.degree(v));
  double sum = 0;
  for (NodeId v = 0; v < n; ++v) sum += max_degree - graph.degree(v);
  return sum / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
}

std::vector<double> Betweenness(const Graph& graph, const MetricsOptions& options,
                                uint32_t* sources_used) {
  return internal::Betweenness(graph, options, sources_used);
}

NodeSets ConnectedComponents(const Graph& graph) {
  const uint32_t n = graph.node_count();
  std::vector<bool> seen(n, false);
  NodeSets out;
  std::vector<NodeId> queue;
  for (NodeId s = 0; s < n; ++s) {
    if (seen[s]) continue;
    seen[s] = true;
    queue.assign(1, s);
    for (size_t head = 0; head < queue.size(); ++head) {
      for (NodeId w : graph.neighbors(queue[head])) {
        if (!seen[w]) {
          seen[w] = true;
          queue.push_back(w);
        }
      }
    }
    out.push_back(queue);
  }
  SortSets(out);
  return out;
}

Result<NodeSets> DetectCommunities(const Graph& graph, const MetricsOptions& options) {
  if (options.communities == CommunityMethod::kNone || graph.edge_count() == 0) {
    return ConnectedComponents(graph);
  }
  ASSIGN_OR_RETURN(std::vector<uint32_t> membership, internal::CommunityMembership(graph, options));
  uint32_t count = 0;
  for (uint32_t c : membership) count = std::max(count, c + 1);
  NodeSets out(count);
  for (NodeId v = 0; v < graph.node_count(); ++v) out[membership[v]].push_back(v);
  std::erase_if(out, [](const auto& s) { return s.empty(); });
  SortSets(out);
  return out;
}

double Modularity(const Graph& graph, const NodeSets& communities, Weighting weighting) {
  const bool weighted = weighting == Weighting::kWeighted;
  std::vector<uint32_t> community(graph.node_count(), 0);
  for (uint32_t c = 0; c < communities.size(); ++c) {
    for (NodeId v : communities[c]) community[v] = c;
  }
  std::vector<double> inside(communities.size(), 0), degree_sum(communities.size(), 0);
  double total = 0;  // the sum of degrees (strengths): 2m
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    auto row = graph.neighbors(v);
    auto w = graph.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      const double weight = weighted ? w[i] : 1;
      total += weight;
      degree_sum[community[v]] += weight;
      if (row[i] > v && community[row[i]] == community[v]) inside[community[v]] += weight;
    }
  }
  if (total == 0) return 0;
  const double m = total / 2;
  double q = 0;
  for (size_t c = 0; c < communities.size(); ++c) {
    q += inside[c] / m - degree_sum[c] * degree_sum[c] / (total * total);
  }
  return q;
}

Result<NetworkMetrics> ComputeMetrics(const Graph& graph, const MetricsOptions& options) {
  NetworkMetrics out;
  out.nodes = graph.node_count();
  out.edges = graph.edge_count();
  out.density = Density(graph);
  Triangles t = CountTriangles(graph, options.weighting);
  const bool weighted = options.weighting == Weighting::kWeighted;
  out.clustering.assign(out.nodes, 0);
  double triangles = 0, triads = 0, clustering_sum = 0;
  for (NodeId v = 0; v < out.nodes; ++v) {
    const double d = graph.degree(v);
    const double sum = weighted ? t.weighted[v] : t.count[v];
    if (d >= 2 && sum != 0) out.clustering[v] = 2 * sum / (d * (d - 1));
    clustering_sum += out.clustering[v];
    triangles += 2 * t.count[v];
    triads += d * (d - 1);
  }
  out.avg_clustering = out.nodes == 0 ? 0 : clustering_sum / out.nodes;
  out.transitivity = triangles == 0 ? 0 : triangles / triads;
  out.degree_centralization = DegreeCentralization(graph);
  out.betweenness = Betweenness(graph, options, &out.betweenness_sources);
  out.components = ConnectedComponents(graph);
  if (options.communities != CommunityMethod::kNone) {
    ASSIGN_OR_RETURN(out.communities, DetectCommunities(graph, options));
    out.modularity = Modularity(graph, out.communities, options.weighting);
  }
  return out;
}

}  // namespace guild::network
