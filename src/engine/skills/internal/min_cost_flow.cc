#include "engine/skills/internal/min_cost_flow.h"

#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace guild::skills::internal {

namespace {

using Graph = lemon::SmartDigraph;

template <typename Solver>
bool Run(const Graph& graph, const Graph::ArcMap<int32_t>& capacity,
         const Graph::ArcMap<int64_t>& cost, const Graph::NodeMap<int32_t>& supply,
         std::vector<int32_t>& flow) {
  Solver solver(graph);
  solver.upperMap(capacity).costMap(cost).supplyMap(supply);
  if (solver.run() != Solver::OPTIMAL) return false;
  for (Graph::ArcIt arc(graph); arc != lemon::INVALID; ++arc) {
    flow[graph.id(arc)] = static_cast<int32_t>(solver.flow(arc));
  }
  return true;
}

}  // namespace

bool SolveMinCostFlow(int32_t nodes, const std::vector<FlowArc>& arcs,
                      const std::vector<int32_t>& supply, FlowAlgorithm algorithm,
                      std::vector<int32_t>& flow) {
  Graph graph;
  graph.reserveNode(nodes);
  graph.reserveArc(static_cast<int>(arcs.size()));
  for (int32_t i = 0; i < nodes; ++i) graph.addNode();
  Graph::ArcMap<int32_t> capacity(graph);
  Graph::ArcMap<int64_t> cost(graph);
  Graph::NodeMap<int32_t> node_supply(graph, 0);
  for (const FlowArc& a : arcs) {
    Graph::Arc arc = graph.addArc(graph.nodeFromId(a.from), graph.nodeFromId(a.to));
    capacity[arc] = a.capacity;
    cost[arc] = a.cost;
  }
  for (int32_t i = 0; i < nodes; ++i) node_supply[graph.nodeFromId(i)] = supply[i];
  flow.assign(arcs.size(), 0);
  if (algorithm == FlowAlgorithm::kCostScaling) {
    return Run<lemon::CostScaling<Graph, int32_t, int64_t>>(graph, capacity, cost, node_supply,
                                                            flow);
  }
  return Run<lemon::NetworkSimplex<Graph, int32_t, int64_t>>(graph, capacity, cost, node_supply,
                                                             flow);
}

}  // namespace guild::skills::internal
