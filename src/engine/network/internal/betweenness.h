// Brandes' algorithm for betweenness (metrics.h states the definition).
#pragma once

#include <vector>

#include "engine/network/metrics.h"

namespace guild::network::internal {

//! Normalized betweenness of every node; see network::Betweenness.
std::vector<double> Betweenness(const Graph& graph, const MetricsOptions& options,
                                uint32_t* sources_used);

}  // namespace guild::network::internal
