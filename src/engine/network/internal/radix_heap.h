// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990) of nodes keyed by
// distance, for Dijkstra's algorithm: keys popped never decrease, so an entry
// sits in the bucket of the highest bit where its key differs from the last
// key popped, and each entry moves down at most 64 times. There is no
// decrease-key: improved nodes are pushed again and the caller skips entries
// that are stale (whose distance is no longer the node's, or whose node was
// already settled). Among entries of equal distance the lowest node comes
// first (the order of a binary heap keyed by (distance, node)), so that a
// search stopped among equally distant nodes has settled the same ones: the
// least distance's bucket is kept as a small binary heap by node.
// Used by ShortestPaths (distance.h) and weighted betweenness.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/network/distance.h"

namespace guild::network::internal {

class RadixHeap {
 public:
  struct Entry {
    Length distance;
    NodeId node;
  };
  [[nodiscard]] bool empty() const { return size_ == 0; }
  //! REQUIRES: distance >= the last popped (or topped) distance.
  void Push(Length distance, NodeId node) {
    const size_t b = Bucket(distance);
    buckets_[b].push_back({distance, node});
    if (b == 0) std::push_heap(buckets_[0].begin(), buckets_[0].end(), LaterNode);
    ++size_;
  }
  //! The entry of least (distance, node), left in the heap. REQUIRES: not
  //! empty.
  const Entry& Top() {
    if (buckets_[0].empty()) Refill();
    return buckets_[0].front();
  }
  //! Removes and returns the entry of least (distance, node). REQUIRES: not
  //! empty.
  Entry Pop() {
    if (buckets_[0].empty()) Refill();
    std::pop_heap(buckets_[0].begin(), buckets_[0].end(), LaterNode);
    const Entry e = buckets_[0].back();
    buckets_[0].pop_back();
    --size_;
    return e;
  }
  //! Removes and returns an entry of least distance, whichever node (cheaper
  //! than Pop). REQUIRES: not empty.
  Entry PopAny() {
    if (buckets_[0].empty()) Refill();
    const Entry e = buckets_[0].back();  // a leaf: the rest stays a heap
    buckets_[0].pop_back();
    --size_;
    return e;
  }
  void Clear() {
    for (std::vector<Entry>& b : buckets_) b.clear();
    size_ = 0;
    last_ = 0;
  }

 private:
  // Bucket 0 (the entries of the least distance) is a min-heap by node.
  static bool LaterNode(const Entry& a, const Entry& b) { return a.node > b.node; }

  // Moves the lowest non-empty bucket's entries down, around its least key.
  void Refill() {
    size_t i = 1;
    while (buckets_[i].empty()) ++i;
    std::vector<Entry>& from = buckets_[i];
    Length least = from.front().distance;
    for (const Entry& e : from) least = std::min(least, e.distance);
    last_ = least;
    for (const Entry& e : from) buckets_[Bucket(e.distance)].push_back(e);
    from.clear();
    std::make_heap(buckets_[0].begin(), buckets_[0].end(), LaterNode);
  }
  [[nodiscard]] size_t Bucket(Length distance) const {
    const auto diff = static_cast<uint64_t>(distance ^ last_);
    return diff == 0 ? 0 : 64 - static_cast<size_t>(__builtin_clzll(diff));
  }
  std::array<std::vector<Entry>, 65> buckets_;
  Length last_ = 0;
  size_t size_ = 0;
};

}  // namespace guild::network::internal
