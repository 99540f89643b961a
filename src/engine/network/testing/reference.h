// Independent, brute-force references for the network tests: small graphs
// only (dense matrices, path enumeration, exhaustive team search).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/network/distance.h"
#include "engine/network/graph.h"
#include "engine/network/metrics.h"
#include "engine/network/team_formation.h"

namespace guild::network::testing {

//! A graph from an edge list over nodes named "0".."n-1".
Graph MakeGraph(uint32_t n, const std::vector<std::pair<NodeId, NodeId>>& edges,
                const std::vector<double>& weights = {});
//! A random graph G(n, p) with weights drawn from {0.1, 0.2, ..., 1.0}.
Graph RandomGraph(uint32_t n, double p, std::mt19937_64& rng);

//! All-pairs shortest path lengths (Floyd-Warshall); kUnreachable when apart.
std::vector<std::vector<Length>> AllPairs(const Graph& g, const std::vector<Length>& lengths);

//! Betweenness by enumerating every simple path between every pair (lengths
//! per arc; unit lengths when empty), normalised as networkx does.
std::vector<double> BruteBetweenness(const Graph& g, const std::vector<Length>& lengths);
//! Local clustering from the adjacency matrix (weighted: Onnela, networkx).
std::vector<double> BruteClustering(const Graph& g, Weighting weighting);
//! 3 x triangles / connected triples, by enumerating triples.
double BruteTransitivity(const Graph& g);
//! (1 / 2m) sum_ij (A_ij - k_i k_j / 2m) [c_i = c_j].
double BruteModularity(const Graph& g, const NodeSets& communities, Weighting weighting);

//! The least cost of any cover of the task skills (one eligible holder per
//! skill; any leader for kLeaderDistance), by trying them all.
Length BruteTeamCost(const ExpertNetwork& net, const std::vector<std::string>& skills,
                     Objective objective);
//! Lappas et al.'s RarestFirst, written from the paper: for every holder i of
//! the rarest skill, the nearest holder of each other skill (lowest node on
//! ties); i with the least radius (lowest node on ties). Returns the cover.
std::vector<NodeId> RarestFirstCover(const ExpertNetwork& net,
                                     const std::vector<std::string>& skills);
//! Diameter and sum of a cover from a distance matrix.
Length CoverDiameter(const std::vector<std::vector<Length>>& d, const std::vector<NodeId>& cover);
Length CoverSum(const std::vector<std::vector<Length>>& d, const std::vector<NodeId>& cover);

}  // namespace guild::network::testing
