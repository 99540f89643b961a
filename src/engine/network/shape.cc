#include "engine/network/shape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace guild::network {

namespace {

std::string Percent(double share) {
  return std::to_string(static_cast<int>(std::lround(100 * share))) + "%";
}

std::string Fixed(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// The hub: highest degree, the leader first among equals, then lowest id.
std::optional<NodeId> FindHub(const Graph& g, std::optional<NodeId> leader) {
  std::optional<NodeId> hub;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (g.degree(v) == 0) continue;
    if (!hub || g.degree(v) > g.degree(*hub)) hub = v;
  }
  if (hub && leader && g.degree(*leader) == g.degree(*hub)) hub = leader;
  return hub;
}

double ConnectedCentralization(const Graph& g, uint32_t connected) {
  if (connected <= 2) return 0;
  uint32_t max_degree = 0;
  for (NodeId v = 0; v < g.node_count(); ++v) max_degree = std::max(max_degree, g.degree(v));
  double sum = 0;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (g.degree(v) > 0) sum += max_degree - g.degree(v);
  }
  const double c = connected;
  return sum / ((c - 1) * (c - 2));
}

void FindRoles(const Graph& g, const NetworkMetrics& metrics, const ShapeRule& rule,
               ShapeReport& report) {
  constexpr uint32_t kMinHubDegree = 3;
  const double mean_degree =
      report.connected == 0 ? 0 : 2.0 * static_cast<double>(g.edge_count()) / report.connected;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (g.degree(v) == 0) report.isolates.push_back(v);
    if (g.degree(v) >= kMinHubDegree && g.degree(v) >= rule.hub_degree_factor * mean_degree) {
      report.hubs.push_back(v);
    }
    if (metrics.betweenness[v] > 0) report.brokers.push_back(v);
  }
  std::stable_sort(report.hubs.begin(), report.hubs.end(),
                   [&](NodeId a, NodeId b) { return g.degree(a) > g.degree(b); });
  std::stable_sort(report.brokers.begin(), report.brokers.end(), [&](NodeId a, NodeId b) {
    return metrics.betweenness[a] > metrics.betweenness[b];
  });
  if (report.brokers.size() > rule.brokers) report.brokers.resize(rule.brokers);
}

}  // namespace

std::string_view ToString(Shape shape) {
  switch (shape) {
    case Shape::kNone: return "none";
    case Shape::kWagonWheel: return "wagon_wheel";
    case Shape::kOrgChart: return "org_chart";
    case Shape::kNetwork: return "network";
  }
  return "none";
}

ShapeReport ClassifyShape(const Graph& graph, const NetworkMetrics& metrics,
                          std::optional<NodeId> leader, const ShapeRule& rule) {
  ShapeReport r;
  r.leader = leader;
  for (NodeId v = 0; v < graph.node_count(); ++v) r.connected += graph.degree(v) > 0 ? 1 : 0;
  const double ties = static_cast<double>(graph.edge_count());
  r.hub = FindHub(graph, leader);
  if (r.hub) r.hub_share = graph.degree(*r.hub) / ties;
  if (leader && ties > 0) r.leader_share = graph.degree(*leader) / ties;
  r.centralization = ConnectedCentralization(graph, r.connected);
  r.transitivity = metrics.transitivity;
  FindRoles(graph, metrics, rule, r);

  const std::string counts = std::to_string(graph.edge_count()) + " ties";
  if (r.connected < rule.min_connected) {
    r.shape = Shape::kNone;
    r.reason = "none: only " + std::to_string(r.connected) + " of " +
               std::to_string(graph.node_count()) + " members have a tie (a shape needs " +
               std::to_string(rule.min_connected) + ")";
  } else if (r.hub_share >= rule.wheel_hub_share && r.centralization >= rule.wheel_centralization) {
    r.shape = Shape::kWagonWheel;
    r.reason = "wagon wheel: the hub is on " + Percent(r.hub_share) + " of the " + counts +
               " (>= " + Percent(rule.wheel_hub_share) + ") and degree centralization is " +
               Fixed(r.centralization, 2) + " (>= " + Fixed(rule.wheel_centralization, 2) + ")";
  } else if (r.transitivity < rule.chart_transitivity) {
    r.shape = Shape::kOrgChart;
    r.reason = "org chart: transitivity is " + Fixed(r.transitivity, 2) + " (< " +
               Fixed(rule.chart_transitivity, 2) +
               "): lines run one to one, almost no triangles; the hub is on " +
               Percent(r.hub_share) + " of the " + counts;
  } else {
    r.shape = Shape::kNetwork;
    r.reason = "network: transitivity is " + Fixed(r.transitivity, 2) +
               " (>= " + Fixed(rule.chart_transitivity, 2) + ") and the hub is on " +
               Percent(r.hub_share) + " of the " + counts +
               " (wagon wheel needs >= " + Percent(rule.wheel_hub_share) +
               " and centralization >= " + Fixed(rule.wheel_centralization, 2) + ", here " +
               Fixed(r.centralization, 2) + ")";
  }
  return r;
}

}  // namespace guild::network
