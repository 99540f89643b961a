// Edge lengths and shortest paths: how a tie's strength becomes a distance.
//
// Team formation (team_formation.h) and weighted betweenness measure paths by
// length, where a strong tie is short. The mappings from a weight w to a
// length:
//  - kOneMinusSimilarity: length = 1 - w, for weights that are similarities
//    in (0, 1] (the DBLP data set's Jaccard of two authors' papers, as in
//    Lappas, Liu and Terzi 2009 and Kargar and An 2011). w = 1 gives a zero
//    length: two people with identical work are at distance 0.
//  - kSaturating: length = H / (w + H), for the firm's own tie strengths,
//    which are hours of shared work (or their equivalent, ties.h). It is
//    1 - s for the similarity s = w / (w + H): H hours together (default 40,
//    one full-time week) give length 1/2, 4H hours give 1/5; it is in (0, 1)
//    for every w > 0, so paths through many weak ties are long.
//  - kUnit: every edge has length 1 (hop count).
// Lengths are kept as exact integers, in millionths (kLengthUnit = one), so
// sums and comparisons are exact: ties between equal paths are recognised
// however the sums are ordered, and two programs that add the same lengths
// agree. Distances between unreachable nodes are kUnreachable.
//
// Thread safety: ShortestPaths holds scratch state; use one per thread.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "engine/network/graph.h"

namespace guild::network {

namespace internal {
class RadixHeap;
}

using Length = int64_t;
//! One unit of weight or distance, in Length units.
inline constexpr Length kLengthUnit = 1'000'000;
inline constexpr Length kUnreachable = std::numeric_limits<Length>::max();

enum class LengthModel { kOneMinusSimilarity, kSaturating, kUnit };

struct LengthOptions {
  LengthModel model = LengthModel::kSaturating;
  //! H of kSaturating, in the weight's unit (hours).
  double saturation = 40;
};

//! The length of an edge of weight `w` (> 0; <= 1 for kOneMinusSimilarity,
//! larger values count as 1), rounded to the nearest Length unit.
Length EdgeLength(double w, const LengthOptions& options);
//! Lengths of every arc of `graph`, parallel to its arcs.
std::vector<Length> ArcLengths(const Graph& graph, const LengthOptions& options);
//! A length as a number of units (length / kLengthUnit).
inline double ToUnits(Length length) { return static_cast<double>(length) / kLengthUnit; }

//! Dijkstra's algorithm over a graph and its arc lengths (>= 0).
class ShortestPaths {
 public:
  //! `graph` and `lengths` must outlive this object.
  ShortestPaths(const Graph& graph, std::span<const Length> lengths);
  ~ShortestPaths();
  ShortestPaths(const ShortestPaths&) = delete;
  ShortestPaths& operator=(const ShortestPaths&) = delete;

  //! Distances from `source` to every node; stops settling nodes beyond
  //! `bound` (their distance is then kUnreachable or a value > bound).
  //! The span stays valid until the next call.
  std::span<const Length> From(NodeId source, Length bound = kUnreachable);

  //! Distances from `source` to each of `targets` (written to `out`, parallel
  //! to targets): exact when at most `bound`, else kUnreachable (meaning
  //! "more than bound"). Stops as soon as every target is settled, so the
  //! cost is that of the ball around `source` reaching the farthest target.
  void ToTargets(NodeId source, std::span<const NodeId> targets, Length bound,
                 std::span<Length> out);

  //! A ball around `source`: settles nodes in order of distance until the
  //! next one is farther than `bound`, or until every one of `targets` is
  //! settled and the next one is farther than `grow_to`. Writes every settled
  //! node with its distance to `nodes` and `distances` (parallel, ascending by
  //! node) and returns the ball's radius: every node at most that far is in
  //! it (kUnreachable when the source's whole component was settled). The
  //! radius is at least min(bound, grow_to), and at least bound unless every
  //! target is in the ball.
  Length Ball(NodeId source, std::span<const NodeId> targets, Length grow_to, Length bound,
              std::vector<NodeId>& nodes, std::vector<Length>& distances);

  //! Distances from the nearest of `sources` to every node, and which source
  //! is nearest (the lowest NodeId among equally near ones; kNoNode when
  //! unreachable). Both spans stay valid until the next call.
  struct Nearest {
    std::span<const Length> distance;
    std::span<const NodeId> source;
  };
  Nearest FromNearest(std::span<const NodeId> sources);

  static constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

  //! Nodes settled by every search so far: the work done.
  [[nodiscard]] uint64_t settled_total() const { return settled_total_; }

 private:
  void Reset();
  void Start(NodeId source);
  // Pops stale entries (a node already settled, or a distance no longer the
  // node's) off the heap; false when it is then empty.
  bool SkipStale();
  // Relaxes v's arcs (v settled at distance dv).
  void Relax(NodeId v, Length dv);
  void Settle(Length bound, uint32_t targets = 0);
  void SettleAll();
  [[nodiscard]] bool settled(NodeId v) const { return settled_[v] != 0; }

  const Graph& graph_;
  std::span<const Length> lengths_;
  std::vector<Length> distance_;
  std::vector<NodeId> origin_;
  std::vector<NodeId> touched_;
  std::vector<uint8_t> is_target_;
  std::vector<uint8_t> settled_;
  std::vector<NodeId> scratch_;
  uint64_t settled_total_ = 0;
  std::unique_ptr<internal::RadixHeap> heap_;
};

}  // namespace guild::network
