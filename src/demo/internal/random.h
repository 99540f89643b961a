// A small, portable pseudo-random generator for the demo firm.
//
// std:: distributions differ between standard libraries, so the demo uses its
// own: SplitMix64 to seed xoshiro256**, integer ranges by rejection, and only
// arithmetic (no libm) so the same seed gives the same firm everywhere.
#pragma once

#include <cstdint>
#include <span>

namespace guild::demo::internal {

//! One SplitMix64 step: advances `state` and returns the next output.
uint64_t SplitMix64(uint64_t& state);

class Random {
 public:
  explicit Random(uint64_t seed);

  //! 64 uniformly random bits.
  uint64_t Next();
  //! Uniform integer in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n);
  //! Uniform integer in [lo, hi]. REQUIRES: lo <= hi.
  int Range(int lo, int hi);
  //! Uniform double in [0, 1), 53 random bits.
  double Unit();
  //! Uniform double in [lo, hi).
  double Real(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  //! True with probability p.
  bool Chance(double p) { return Unit() < p; }
  //! Index i with probability weights[i] / sum(weights). REQUIRES: a positive sum.
  size_t Weighted(std::span<const double> weights);
  //! An independent generator for a sub-task, derived from this one.
  Random Fork();

 private:
  uint64_t s_[4];
};

}  // namespace guild::demo::internal
