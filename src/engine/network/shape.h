// The shape of a team's network: wagon wheel, org chart or network.
//
// A team whose every line runs through one person is a wagon wheel; one whose
// lines run down a hierarchy without cross-links is an org chart; one whose
// members work with each other, in clusters, is a network. The rule, applied
// to the team's subgraph (members with a tie are "connected"; hub = the
// node of highest degree, the leader first among equals, then the lowest
// NodeId):
//  1. fewer than rule.min_connected (3) connected members: kNone, too few
//     ties to have a shape;
//  2. the hub is on at least rule.wheel_hub_share (1/2) of the ties AND the
//     Freeman degree centralization of the connected members (isolates left
//     out) is at least rule.wheel_centralization (1/2): kWagonWheel;
//  3. transitivity below rule.chart_transitivity (0.1), i.e. fewer than one
//     in ten of the connected triples closes into a triangle: kOrgChart (a
//     tree-like hierarchy of one-to-one lines);
//  4. otherwise kNetwork.
// `reason` states the numbers that decided, e.g. "wagon wheel: the hub is on
// 80% of the 10 ties (>= 50%) and degree centralization is 0.83 (>= 0.5)".
//
// Roles in the picture: hubs are nodes whose degree is at least
// rule.hub_degree_factor (2) times the mean degree of the connected members
// and at least 3; brokers are the (up to rule.brokers, 3) nodes of highest
// betweenness above 0; isolates have no tie.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/network/graph.h"
#include "engine/network/metrics.h"

namespace guild::network {

enum class Shape { kNone, kWagonWheel, kOrgChart, kNetwork };
//! "none", "wagon_wheel", "org_chart", "network".
std::string_view ToString(Shape shape);

struct ShapeRule {
  uint32_t min_connected = 3;
  double wheel_hub_share = 0.5;
  double wheel_centralization = 0.5;
  double chart_transitivity = 0.1;
  double hub_degree_factor = 2;
  uint32_t brokers = 3;
};

struct ShapeReport {
  Shape shape = Shape::kNone;
  std::string reason;
  uint32_t connected = 0;        //!< members with at least one tie
  std::optional<NodeId> hub;     //!< none when there is no tie
  double hub_share = 0;          //!< the hub's ties / all ties
  double centralization = 0;     //!< of the connected members
  double transitivity = 0;       //!< of the graph
  std::optional<NodeId> leader;  //!< as given
  double leader_share = 0;       //!< the leader's ties / all ties
  std::vector<NodeId> hubs;      //!< by degree, descending
  std::vector<NodeId> brokers;   //!< by betweenness, descending
  std::vector<NodeId> isolates;  //!< ascending
};

//! Classifies `graph` with its `metrics` (ComputeMetrics of the same graph).
//! `leader`, when given, must be a node of the graph.
ShapeReport ClassifyShape(const Graph& graph, const NetworkMetrics& metrics,
                          std::optional<NodeId> leader, const ShapeRule& rule = {});

}  // namespace guild::network
