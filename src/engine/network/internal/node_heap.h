// A 4-ary min-heap of nodes with decrease-key, keyed by (distance, origin):
// Dijkstra's queue without stale entries. Keys are kept in the heap entries
// (not looked up by node), so sifting touches contiguous memory.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/network/distance.h"

namespace guild::network::internal {

class NodeHeap {
 public:
  explicit NodeHeap(uint32_t nodes) : position_(nodes, kAbsent) {}

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] bool Contains(NodeId v) const { return position_[v] != kAbsent; }
  //! Inserts v with this key, or lowers v's key to it. REQUIRES: when v is
  //! present, the new key is not greater than its key.
  void Push(NodeId v, Length distance, NodeId origin) {
    uint32_t at = position_[v];
    if (at == kAbsent) {
      at = static_cast<uint32_t>(heap_.size());
      heap_.push_back({});
    }
    Up(at, {distance, origin, v});
  }
  //! Removes and returns the node of least key.
  NodeId Pop() {
    const NodeId top = heap_.front().node;
    position_[top] = kAbsent;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) Down(0, last);
    return top;
  }
  //! Empties the heap (O(size)).
  void Clear() {
    for (const Entry& e : heap_) position_[e.node] = kAbsent;
    heap_.clear();
  }

 private:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();
  static constexpr uint32_t kArity = 4;

  struct Entry {
    Length distance;
    NodeId origin;
    NodeId node;
    bool operator<(const Entry& o) const {
      return distance != o.distance ? distance < o.distance : origin < o.origin;
    }
  };

  void Place(uint32_t at, const Entry& e) {
    heap_[at] = e;
    position_[e.node] = at;
  }
  void Up(uint32_t at, const Entry& e) {
    while (at > 0) {
      const uint32_t parent = (at - 1) / kArity;
      if (!(e < heap_[parent])) break;
      Place(at, heap_[parent]);
      at = parent;
    }
    Place(at, e);
  }
  void Down(uint32_t at, const Entry& e) {
    const uint32_t size = static_cast<uint32_t>(heap_.size());
    while (true) {
      const uint32_t first = at * kArity + 1;
      if (first >= size) break;
      uint32_t best = first;
      const uint32_t end = first + kArity < size ? first + kArity : size;
      for (uint32_t c = first + 1; c < end; ++c) {
        if (heap_[c] < heap_[best]) best = c;
      }
      if (!(heap_[best] < e)) break;
      Place(at, heap_[best]);
      at = best;
    }
    Place(at, e);
  }

  std::vector<uint32_t> position_;
  std::vector<Entry> heap_;
};

}  // namespace guild::network::internal
