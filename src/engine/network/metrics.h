// Network metrics with the definitions NetworkX uses (networkx 2.8), so that
// figures agree with the tools analysts already trust. Unweighted unless
// options.weighted is set. For a graph with n nodes and m edges:
//  - density: 2m / (n (n - 1)); 0 when n <= 1 (nx.density).
//  - local clustering c(v) = 2 T(v) / (d(v) (d(v) - 1)), T(v) the triangles
//    through v, 0 when d(v) < 2. Weighted (Onnela et al., nx.clustering with a
//    weight): T(v) becomes the sum over those triangles of the geometric mean
//    of their three weights, each divided by the graph's largest weight.
//  - average clustering: the mean of c(v) over all n nodes, zeros included
//    (nx.average_clustering); 0 for an empty graph.
//  - transitivity: 3 x triangles / connected triples (nx.transitivity;
//    always unweighted); 0 when there is no triangle.
//  - degree centralization (Freeman 1979): sum over v of (d_max - d(v)),
//    divided by (n - 1)(n - 2), the value of a star; 0 when n <= 2. It equals
//    sum(max(dc) - dc(v)) / (n - 2) for nx.degree_centrality's dc.
//  - betweenness: nx.betweenness_centrality(normalized=True): for each v, the
//    sum over pairs {s, t} not containing v of the share of shortest s-t
//    paths through v, times 2 / ((n - 1)(n - 2)) (n > 2). Weighted: paths are
//    measured by arc lengths (distance.h; a zero length counts as one Length
//    unit so that shortest paths stay finite in number). With
//    betweenness_samples = k > 0 and k < n, the sum runs over k source nodes
//    drawn from the seed and is scaled by n / k (nx's `k` argument).
//  - connected components: sets of nodes, largest first.
//  - communities: Louvain (Blondel et al. 2008; igraph's multilevel) or
//    Leiden (Traag et al. 2019, optimising modularity), from a seed; lists of
//    nodes, largest first.
//  - modularity (nx.community.modularity, resolution 1):
//    sum over communities c of L_c / m - (D_c / 2m)^2, with L_c the edges (or
//    weight) inside c and D_c the sum of degrees (or strengths) in c; 0 when
//    m = 0.
// Ties in every ordering are broken by the lowest NodeId.
//
// Thread safety: the functions may run concurrently; community detection
// serialises its calls into igraph (which keeps global state) internally.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "common/status.h"
#include "engine/network/distance.h"
#include "engine/network/graph.h"

namespace guild::network {

enum class Weighting { kUnweighted, kWeighted };
enum class CommunityMethod { kLouvain, kLeiden, kNone };

struct MetricsOptions {
  //! kWeighted: weighted clustering, betweenness on lengths, and
  //! communities and modularity on weights.
  Weighting weighting = Weighting::kUnweighted;
  //! How weights become lengths for weighted betweenness.
  LengthOptions lengths;
  CommunityMethod communities = CommunityMethod::kLouvain;
  //! Seeds community detection and betweenness sampling.
  uint64_t seed = 1;
  //! 0: exact betweenness; k > 0: k sampled sources when k < n.
  uint32_t betweenness_samples = 0;
  //! Threads for betweenness (1 = the calling thread only).
  int threads = 1;
  //! Called now and then from the calling thread with (sources done, total)
  //! while betweenness runs; may be empty.
  std::function<void(uint64_t, uint64_t)> progress;
};

using NodeSets = std::vector<std::vector<NodeId>>;

struct NetworkMetrics {
  uint32_t nodes = 0;
  uint64_t edges = 0;
  double density = 0;
  double avg_clustering = 0;
  double transitivity = 0;
  double degree_centralization = 0;
  std::vector<double> clustering;    //!< c(v) per node
  std::vector<double> betweenness;   //!< normalized, per node
  uint32_t betweenness_sources = 0;  //!< sources used: n when exact
  NodeSets components;
  NodeSets communities;  //!< empty with CommunityMethod::kNone
  double modularity = 0;
};

//! Every metric above. Errors: kInternal when community detection fails.
Result<NetworkMetrics> ComputeMetrics(const Graph& graph, const MetricsOptions& options);

// The metrics one by one (ComputeMetrics calls these).
double Density(const Graph& graph);
std::vector<double> LocalClustering(const Graph& graph, Weighting weighting);
double Transitivity(const Graph& graph);
double DegreeCentralization(const Graph& graph);
//! Normalized betweenness; `sources_used` receives the number of sources.
std::vector<double> Betweenness(const Graph& graph, const MetricsOptions& options,
                                uint32_t* sources_used = nullptr);
NodeSets ConnectedComponents(const Graph& graph);
//! Communities by options.communities (kNone gives one community per component).
Result<NodeSets> DetectCommunities(const Graph& graph, const MetricsOptions& options);
//! REQUIRES: `communities` partition the nodes.
double Modularity(const Graph& graph, const NodeSets& communities, Weighting weighting);

}  // namespace guild::network
