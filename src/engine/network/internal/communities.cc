#include "engine/network/internal/communities.h"

#include <igraph/igraph.h>

#include <mutex>

namespace guild::network::internal {

namespace {

std::mutex& IgraphMutex() {
  static std::mutex mutex;
  return mutex;
}

// Owns igraph objects for the length of one call.
struct IgraphCall {
  igraph_t graph{};
  igraph_vector_int_t edges{};
  igraph_vector_t weights{};
  igraph_vector_t strengths{};
  igraph_vector_int_t membership{};
  bool has_graph = false;

  IgraphCall() {
    igraph_vector_int_init(&edges, 0);
    igraph_vector_init(&weights, 0);
    igraph_vector_init(&strengths, 0);
    igraph_vector_int_init(&membership, 0);
  }
  ~IgraphCall() {
    if (has_graph) igraph_destroy(&graph);
    igraph_vector_int_destroy(&edges);
    igraph_vector_destroy(&weights);
    igraph_vector_destroy(&strengths);
    igraph_vector_int_destroy(&membership);
  }
  IgraphCall(const IgraphCall&) = delete;
  IgraphCall& operator=(const IgraphCall&) = delete;
};

// Fills the edge list (each edge once) and, when weighted, the weights.
igraph_error_t Load(const Graph& g, bool weighted, IgraphCall& call) {
  IGRAPH_CHECK(
      igraph_vector_int_resize(&call.edges, static_cast<igraph_integer_t>(2 * g.edge_count())));
  IGRAPH_CHECK(igraph_vector_resize(&call.weights,
                                    weighted ? static_cast<igraph_integer_t>(g.edge_count()) : 0));
  igraph_integer_t e = 0;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    auto row = g.neighbors(v);
    auto w = g.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] < v) continue;
      VECTOR(call.edges)[2 * e] = v;
      VECTOR(call.edges)[2 * e + 1] = row[i];
      if (weighted) VECTOR(call.weights)[e] = w[i];
      ++e;
    }
  }
  IGRAPH_CHECK(igraph_create(&call.graph, &call.edges, g.node_count(), IGRAPH_UNDIRECTED));
  call.has_graph = true;
  return IGRAPH_SUCCESS;
}

// Leiden optimises modularity when node weights are degrees (strengths) and
// the resolution is 1 / 2m.
igraph_error_t Leiden(const Graph& g, bool weighted, IgraphCall& call) {
  IGRAPH_CHECK(igraph_vector_resize(&call.strengths, g.node_count()));
  double total = 0;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    double s = 0;
    for (double w : g.weights(v)) s += weighted ? w : 1;
    VECTOR(call.strengths)[v] = s;
    total += s;
  }
  constexpr igraph_real_t kBeta = 0.01;
  constexpr igraph_integer_t kUntilStable = -1;
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  return igraph_community_leiden(&call.graph, weighted ? &call.weights : nullptr, &call.strengths,
                                 1.0 / total, kBeta, false, kUntilStable, &call.membership,
                                 &clusters, &quality);
}

}  // namespace

Result<std::vector<uint32_t>> CommunityMembership(const Graph& graph,
                                                  const MetricsOptions& options) {
  const bool weighted = options.weighting == Weighting::kWeighted;
  std::lock_guard lock(IgraphMutex());
  igraph_error_handler_t* previous_error = igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_warning_handler_t* previous_warning =
      igraph_set_warning_handler(igraph_warning_handler_ignore);
  igraph_rng_seed(igraph_rng_default(), options.seed);
  igraph_error_t rc = IGRAPH_SUCCESS;
  std::vector<uint32_t> out;
  {
    IgraphCall call;
    rc = Load(graph, weighted, call);
    if (rc == IGRAPH_SUCCESS) {
      rc = options.communities == CommunityMethod::kLeiden
               ? Leiden(graph, weighted, call)
               : igraph_community_multilevel(&call.graph, weighted ? &call.weights : nullptr, 1.0,
                                             &call.membership, nullptr, nullptr);
    }
    if (rc == IGRAPH_SUCCESS) {
      out.resize(graph.node_count());
      for (NodeId v = 0; v < graph.node_count(); ++v) {
        out[v] = static_cast<uint32_t>(VECTOR(call.membership)[v]);
      }
    }
  }
  igraph_set_error_handler(previous_error);
  igraph_set_warning_handler(previous_warning);
  if (rc != IGRAPH_SUCCESS) {
    return Internal(std::string("igraph community detection failed: ") + igraph_strerror(rc));
  }
  return out;
}

}  // namespace guild::network::internal
