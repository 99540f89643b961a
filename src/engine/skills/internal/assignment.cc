#include "engine/skills/internal/assignment.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

namespace guild::skills::internal {

namespace {

constexpr int32_t kUnmatched = -1;

// Successive shortest paths. Nodes: mentees (0..left-1), mentors
// (left..left+right-1) and the sink. Residual arcs (cost = -benefit forward):
//   mentee m -> mentor r   for each arc of m except the one m uses, cost -b
//   mentor r -> mentee m   when m uses an arc to r, cost +b
//   mentee m -> sink       when m uses an arc (m may drop it), cost 0
//   mentor r -> sink       when r has a free slot, cost 0
// Arcs out of the sink never lie on a path to it and are left out.
// Reduced cost of u -> v: cost + h[u] - h[v] >= 0 for every residual arc.
// The sink's potential stays 0; a settled node's potential drops by
// (distance to the sink - its distance), which is the textbook update
// h += min(d, D) shifted by the constant -D.
class Solver {
 public:
  explicit Solver(const AssignmentProblem& p)
      : p_(p),
        nodes_(static_cast<size_t>(p.left) + p.right),
        match_(p.left, kUnmatched),
        slots_(static_cast<size_t>(p.right) * p.capacity, kUnmatched),
        pred_arc_(p.right, kUnmatched),
        load_(p.right, 0) {
    int32_t max_benefit = 0;
    for (int32_t b : p.benefit) max_benefit = std::max(max_benefit, b);
    buckets_.resize(static_cast<size_t>(max_benefit) + 1);
  }

  std::vector<int32_t> Run() {
    for (int32_t m = 0; m < p_.left; ++m) {
      if (p_.offsets[m] == p_.offsets[m + 1]) continue;
      AddMentee(m);
    }
    return match_;
  }

 private:
  // What a relaxation reads, in 16 aligned bytes: one cache line per node.
  struct alignas(16) Node {
    int64_t h = 0;      // potential
    int32_t dist = 0;   // valid when reached in this search
    uint32_t mark = 0;  // 2*epoch: reached; 2*epoch+1: settled
  };

  int32_t MentorNode(int32_t r) const { return p_.left + r; }
  bool Settled(const Node& n) const { return n.mark == reached_ + 1; }

  // Starts loading the mentors of m's arcs: a mentee's arcs point all over
  // the mentor array, and fetching them in parallel hides most of the misses.
  void Prefetch(int32_t m) const {
    for (int64_t a = p_.offsets[m]; a < p_.offsets[m + 1]; ++a) {
      __builtin_prefetch(&nodes_[MentorNode(p_.to[a])]);
    }
  }

  void AddMentee(int32_t source) {
    Prefetch(source);
    int64_t top = 0;  // relative to the sink's potential, which stays 0
    for (int64_t a = p_.offsets[source]; a < p_.offsets[source + 1]; ++a) {
      top = std::max(top, p_.benefit[a] + nodes_[MentorNode(p_.to[a])].h);
    }
    nodes_[source].h = top;  // every arc out of the new mentee has reduced cost >= 0
    if (top > 0 && TakeFreeTightMentor(source, top)) return;
    reached_ += 2;
    settled_.clear();
    best_ = static_cast<int32_t>(top);  // source -> sink: stay unmatched
    sink_pred_ = source;
    used_max_ = 0;
    if (best_ > 0) Reach(nodes_[source], source, 0);
    Search();
    for (int32_t v : settled_) nodes_[v].h += nodes_[v].dist - best_;
    Augment(source);
  }

  // The shortcut most additions take: an arc of reduced cost 0 (benefit +
  // mentor potential == top) to a mentor with a free slot is a path of
  // reduced length 0 to the sink, the least any path can have, so it is a
  // shortest path. Dijkstra would settle only nodes at distance 0 = the
  // sink's, whose potentials would not change, so augmenting along it
  // directly leaves the same potentials and keeps the flow optimal; only the
  // choice among equally short paths may differ. True when it augmented.
  bool TakeFreeTightMentor(int32_t source, int64_t top) {
    for (int64_t a = p_.offsets[source]; a < p_.offsets[source + 1]; ++a) {
      const int32_t r = p_.to[a];
      if (load_[r] >= p_.capacity || p_.benefit[a] + nodes_[MentorNode(r)].h != top) continue;
      // A mentor with a free slot has potential 0: its arc to the sink needs
      // h >= 0, and potentials only ever decrease from 0.
      assert(nodes_[MentorNode(r)].h == 0);
      Slot(r, source);
      match_[source] = static_cast<int32_t>(a);
      return true;
    }
    return false;
  }

  // Offers distance d < best_ to node v; true when it improved v.
  bool Reach(Node& n, int32_t v, int32_t d) {
    if (n.mark == reached_ + 1 || (n.mark == reached_ && n.dist <= d)) return false;
    n.mark = reached_;
    n.dist = d;
    buckets_[d].push_back(v);
    used_max_ = std::max(used_max_, d);
    return true;
  }

  void ReachSink(int32_t from, int64_t d) {
    if (d >= best_) return;
    best_ = static_cast<int32_t>(d);
    sink_pred_ = from;
  }

  // Dijkstra from the source until the sink is settled.
  void Search() {
    for (int32_t d = 0; d < best_; ++d) {
      for (size_t i = 0; i < buckets_[d].size() && d < best_; ++i) {
        const int32_t v = buckets_[d][i];
        Node& n = nodes_[v];
        if (Settled(n) || n.dist != d) continue;
        n.mark = reached_ + 1;
        settled_.push_back(v);
        if (v < p_.left) {
          ExpandMentee(v, n.h, d);
        } else {
          ExpandMentor(v - p_.left, n, d);
        }
      }
    }
    for (int32_t d = 0; d <= used_max_; ++d) buckets_[d].clear();
  }

  void ExpandMentee(int32_t m, int64_t hm, int32_t d) {
    if (match_[m] != kUnmatched) ReachSink(m, d + hm);
    // Mentor potentials are <= 0 (the sink's), so d - b + hm bounds the
    // distance through an arc of benefit b before its mentor is read.
    const int64_t limit = best_ - d - hm;  // arcs with -b >= limit cannot help
    const int32_t own = match_[m];
    Prefetch(m);
    for (int64_t a = p_.offsets[m]; a < p_.offsets[m + 1]; ++a) {
      const int32_t benefit = p_.benefit[a];
      if (-benefit >= limit || a == own) continue;
      const int32_t r = MentorNode(p_.to[a]);
      Node& n = nodes_[r];
      const int64_t nd = d - benefit + hm - n.h;
      assert(nd >= d);
      if (nd >= best_) continue;
      const int32_t mentor = r - p_.left;
      if (n.h == 0 && load_[mentor] < p_.capacity) {
        // A free slot: the sink at nd (r -> sink has reduced cost h = 0),
        // offered now rather than when r is settled. That tightens best_, and
        // with it every later pruning, at once; r itself need not be
        // settled, since r -> sink is at least as short as any path on from
        // r. Later offers to r that are not shorter fail nd < best_ above,
        // so pred_arc_ stays the arc of the path best_ describes.
        assert(nd + n.h < best_);
        pred_arc_[mentor] = static_cast<int32_t>(a);
        ReachSink(r, nd);
        continue;
      }
      if (Reach(n, r, static_cast<int32_t>(nd))) pred_arc_[mentor] = static_cast<int32_t>(a);
    }
  }

  void ExpandMentor(int32_t r, const Node& mentor, int32_t d) {
    if (load_[r] < p_.capacity) ReachSink(MentorNode(r), d + mentor.h);
    for (int32_t j = 0; j < p_.capacity; ++j) {
      const int32_t m = slots_[static_cast<size_t>(r) * p_.capacity + j];
      if (m == kUnmatched) continue;
      Node& n = nodes_[m];
      const int64_t nd = d + p_.benefit[match_[m]] + mentor.h - n.h;
      assert(nd >= d);
      if (nd < best_) Reach(n, m, static_cast<int32_t>(nd));
    }
  }

  void Unslot(int32_t r, int32_t m) {
    int32_t* slot = &slots_[static_cast<size_t>(r) * p_.capacity];
    *std::find(slot, slot + p_.capacity, m) = kUnmatched;
    --load_[r];
  }

  void Slot(int32_t r, int32_t m) {
    int32_t* slot = &slots_[static_cast<size_t>(r) * p_.capacity];
    *std::find(slot, slot + p_.capacity, kUnmatched) = m;
    ++load_[r];
  }

  // Flips the path source -> ... -> sink_pred_ -> sink.
  void Augment(int32_t source) {
    int32_t v = sink_pred_;
    if (v == source) return;  // the new mentee stays unmatched
    int32_t r;
    if (v < p_.left) {  // a matched mentee gives up its mentor
      r = p_.to[match_[v]];
      Unslot(r, v);
      match_[v] = kUnmatched;
    } else {
      r = v - p_.left;
    }
    while (true) {  // r takes the mentee it was reached from
      const int32_t a = pred_arc_[r];
      const auto m = static_cast<int32_t>(
          std::upper_bound(p_.offsets.begin(), p_.offsets.end(), a) - p_.offsets.begin() - 1);
      const int32_t previous = match_[m];
      Slot(r, m);
      match_[m] = a;
      if (m == source) return;
      r = p_.to[previous];
      Unslot(r, m);
    }
  }

  const AssignmentProblem& p_;
  std::vector<Node> nodes_;        // mentees, then mentors; the sink is implicit
  std::vector<int32_t> match_;     // per mentee: its arc or kUnmatched
  std::vector<int32_t> slots_;     // per mentor: `capacity` mentees or kUnmatched
  std::vector<int32_t> pred_arc_;  // per mentor: the arc it was reached by
  std::vector<int32_t> load_;      // per mentor: mentees taken
  std::vector<std::vector<int32_t>> buckets_;
  std::vector<int32_t> settled_;
  uint32_t reached_ = 0;  // this search's mark for a reached node; +1 when settled
  int32_t best_ = 0;      // shortest distance to the sink found so far
  int32_t sink_pred_ = 0;
  int32_t used_max_ = 0;
};

}  // namespace

std::vector<int32_t> SolveAssignment(const AssignmentProblem& problem) {
  return Solver(problem).Run();
}

std::optional<int64_t> AssignmentOptimumByFlow(const AssignmentProblem& p,
                                               FlowAlgorithm algorithm) {
  const int32_t sink = p.left + p.right;
  std::vector<FlowArc> arcs;
  for (int32_t l = 0; l < p.left; ++l) {
    for (int64_t a = p.offsets[l]; a < p.offsets[l + 1]; ++a) {
      arcs.push_back({l, p.left + p.to[a], 1, -p.benefit[a]});
    }
  }
  const size_t pair_arcs = arcs.size();
  std::vector<int32_t> supply(sink + 1, 0);
  for (int32_t l = 0; l < p.left; ++l) {
    arcs.push_back({l, sink, 1, 0});  // unmatched
    supply[l] = 1;
  }
  for (int32_t r = 0; r < p.right; ++r) arcs.push_back({p.left + r, sink, p.capacity, 0});
  supply[sink] = -p.left;
  std::vector<int32_t> flow;
  if (!SolveMinCostFlow(sink + 1, arcs, supply, algorithm, flow)) return std::nullopt;
  int64_t total = 0;
  for (size_t i = 0; i < pair_arcs; ++i) total -= flow[i] * arcs[i].cost;
  return total;
}

}  // namespace guild::skills::internal
