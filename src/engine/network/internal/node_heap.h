// A 4-ary min-heap of nodes with decrease-key, keyed by (distance, origin):
// Dijkstra's queue without stale entries. Each entry is one 128-bit integer,
// distance << 64 | origin << 32 | node, so that comparing keys is one
// branch-free integer comparison (distances are >= 0 and below 2^63) and
// sifting touches contiguous memory.
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
    Up(at, Key(distance, origin, v));
  }
  //! The least key's distance. REQUIRES: not empty.
  [[nodiscard]] Length TopDistance() const { return static_cast<Length>(heap_.front() >> 64); }
  //! Removes and returns the node of least key.
  NodeId Pop() {
    const NodeId top = NodeOf(heap_.front());
    position_[top] = kAbsent;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) Down(0, last);
    return top;
  }
  //! Empties the heap (O(size)).
  void Clear() {
    for (const Entry& e : heap_) position_[NodeOf(e)] = kAbsent;
    heap_.clear();
  }

 private:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();
  static constexpr uint32_t kArity = 4;

  using Entry = unsigned __int128;
  static Entry Key(Length distance, NodeId origin, NodeId node) {
    return (static_cast<Entry>(static_cast<uint64_t>(distance)) << 64) |
           (static_cast<Entry>(origin) << 32) | node;
  }
  static NodeId NodeOf(Entry e) { return static_cast<NodeId>(e); }

  void Place(uint32_t at, const Entry& e) {
    heap_[at] = e;
    position_[NodeOf(e)] = at;
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
      for (uint32_t c = first + 1; c < end; ++c) best = heap_[c] < heap_[best] ? c : best;
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
