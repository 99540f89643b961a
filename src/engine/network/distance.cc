#include "engine/network/distance.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "engine/network/internal/radix_heap.h"

namespace guild::network {

Length EdgeLength(double w, const LengthOptions& options) {
  switch (options.model) {
    case LengthModel::kOneMinusSimilarity:
      return std::llround((1.0 - std::min(w, 1.0)) * kLengthUnit);
    case LengthModel::kSaturating:
      return std::llround(options.saturation / (w + options.saturation) * kLengthUnit);
    case LengthModel::kUnit: return kLengthUnit;
  }
  return kLengthUnit;
}

std::vector<Length> ArcLengths(const Graph& graph, const LengthOptions& options) {
  std::vector<Length> out(2 * graph.edge_count());
  for (uint64_t arc = 0; arc < out.size(); ++arc) {
    out[arc] = EdgeLength(graph.arc_weight(arc), options);
  }
  return out;
}

ShortestPaths::ShortestPaths(const Graph& graph, std::span<const Length> lengths)
    : graph_(graph),
      lengths_(lengths),
      distance_(graph.node_count(), kUnreachable),
      origin_(graph.node_count(), kNoNode),
      is_target_(graph.node_count(), 0),
      settled_(graph.node_count(), 0),
      heap_(std::make_unique<internal::RadixHeap>()) {
  assert(lengths.size() == 2 * graph.edge_count());
}

ShortestPaths::~ShortestPaths() = default;

void ShortestPaths::Reset() {
  for (NodeId v : touched_) {
    distance_[v] = kUnreachable;
    origin_[v] = kNoNode;
    settled_[v] = 0;
  }
  touched_.clear();
  heap_->Clear();
}

void ShortestPaths::Start(NodeId source) {
  distance_[source] = 0;
  origin_[source] = source;
  touched_.push_back(source);
  heap_->Push(0, source);
}

bool ShortestPaths::SkipStale() {
  while (!heap_->empty()) {
    const internal::RadixHeap::Entry& top = heap_->Top();
    if (!settled_[top.node] && top.distance == distance_[top.node]) return true;
    heap_->Pop();
  }
  return false;
}

// Nodes are settled in order of distance (the radix heap). A node's origin
// is the lowest among its nearest sources: an equally near path from a lower
// origin (only through zero-length arcs once the node is settled) updates it
// and settles the node again, so that its neighbours get the lower origin
// too. With a single source this never happens.
void ShortestPaths::Relax(NodeId v, Length dv) {
  const NodeId ov = origin_[v];
  const uint64_t end = graph_.arc_begin(v + 1);
  for (uint64_t arc = graph_.arc_begin(v); arc < end; ++arc) {
    const NodeId w = graph_.arc_target(arc);
    const Length d = dv + lengths_[arc];
    if (d > distance_[w] || (d == distance_[w] && ov >= origin_[w])) continue;
    if (distance_[w] == kUnreachable) touched_.push_back(w);
    distance_[w] = d;
    origin_[w] = ov;
    settled_[w] = 0;
    heap_->Push(d, w);
  }
}

// With `targets` > 0, stops once that many nodes marked in is_target_ are
// settled. Equally distant nodes are settled lowest first (RadixHeap::Pop),
// so that a search stopped among them has settled the same ones whatever the
// heap's layout.
void ShortestPaths::Settle(Length bound, uint32_t targets) {
  while (SkipStale()) {
    const NodeId v = heap_->Pop().node;
    settled_[v] = 1;
    ++settled_total_;
    const Length dv = distance_[v];
    if (dv > bound) break;
    if (targets > 0 && is_target_[v] && --targets == 0) break;
    Relax(v, dv);
  }
}

// Settles everything, equally distant nodes in any order (cheaper): the
// distances and lowest origins do not depend on it.
void ShortestPaths::SettleAll() {
  while (!heap_->empty()) {
    const auto [dv, v] = heap_->PopAny();
    if (settled_[v] || dv != distance_[v]) continue;  // stale
    settled_[v] = 1;
    ++settled_total_;
    Relax(v, dv);
  }
}

std::span<const Length> ShortestPaths::From(NodeId source, Length bound) {
  Reset();
  Start(source);
  Settle(bound);
  return distance_;
}

void ShortestPaths::ToTargets(NodeId source, std::span<const NodeId> targets, Length bound,
                              std::span<Length> out) {
  Reset();
  uint32_t distinct = 0;
  for (NodeId t : targets) {
    if (!is_target_[t]) ++distinct;
    is_target_[t] = 1;
  }
  Start(source);
  Settle(bound, distinct);
  for (size_t i = 0; i < targets.size(); ++i) {
    // Settled targets are exact; a tentative distance <= bound is exact too
    // only when settled, so anything not settled counts as beyond the bound.
    const Length d = distance_[targets[i]];
    out[i] = d <= bound && settled(targets[i]) ? d : kUnreachable;
  }
  for (NodeId t : targets) is_target_[t] = 0;
}

Length ShortestPaths::Ball(NodeId source, std::span<const NodeId> targets, Length grow_to,
                           Length bound, std::vector<NodeId>& nodes,
                           std::vector<Length>& distances) {
  Reset();
  uint32_t left = 0;
  for (NodeId t : targets) {
    if (!is_target_[t]) ++left;
    is_target_[t] = 1;
  }
  Start(source);
  Length radius = kUnreachable;
  while (SkipStale()) {
    // Every node nearer than the heap's top is settled: integer lengths make
    // the radius top - 1.
    const Length top = heap_->Top().distance;
    if (top > bound || (left == 0 && top > grow_to)) {
      radius = top - 1;
      break;
    }
    const NodeId v = heap_->Pop().node;
    settled_[v] = 1;
    ++settled_total_;
    if (is_target_[v]) --left;
    Relax(v, top);
  }
  for (NodeId t : targets) is_target_[t] = 0;
  std::vector<NodeId>& inside = scratch_;
  inside.clear();
  for (NodeId v : touched_) {
    if (settled(v)) inside.push_back(v);  // all within the radius, and ties at its edge
  }
  std::sort(inside.begin(), inside.end());
  nodes.assign(inside.begin(), inside.end());
  distances.resize(inside.size());
  for (size_t i = 0; i < inside.size(); ++i) distances[i] = distance_[inside[i]];
  return radius;
}

ShortestPaths::Nearest ShortestPaths::FromNearest(std::span<const NodeId> sources) {
  Reset();
  for (NodeId s : sources) {
    if (distance_[s] == kUnreachable) touched_.push_back(s);
    distance_[s] = 0;
    origin_[s] = std::min(origin_[s], s);
    heap_->Push(0, s);
  }
  SettleAll();
  return {distance_, origin_};
}

}  // namespace guild::network
