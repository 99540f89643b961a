// Community detection through igraph (Louvain or Leiden).
//
// igraph 0.10 as Debian builds it keeps its error handler and random number
// generator in globals, so every call here holds one process-wide mutex and
// seeds igraph's generator from the options first: results are reproducible
// and calls from several threads are safe (but serialised).
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "engine/network/metrics.h"

namespace guild::network::internal {

//! The community of each node, numbered from 0. REQUIRES: options.communities
//! is kLouvain or kLeiden. Errors: kInternal when igraph fails.
Result<std::vector<uint32_t>> CommunityMembership(const Graph& graph,
                                                  const MetricsOptions& options);

}  // namespace guild::network::internal
