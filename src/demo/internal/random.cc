#include "demo/internal/random.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
constexpr int kMantissaBits = 53;
constexpr double kTwoToMinus53 = 1.0 / static_cast<double>(1ULL << kMantissaBits);

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += kGolden);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Random::Random(uint64_t seed) {
  for (auto& word : s_) word = SplitMix64(seed);
}

uint64_t Random::Next() {  // xoshiro256**
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

uint64_t Random::Below(uint64_t n) {
  // Rejects the top partial block so every residue is equally likely.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do {
    x = Next();
  } while (x >= limit);
  return x % n;
}

int Random::Range(int lo, int hi) {
  return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
}

double Random::Unit() {
  return static_cast<double>(Next() >> (64 - kMantissaBits)) * kTwoToMinus53;
}

size_t Random::Weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

Random Random::Fork() { return Random(Next()); }

}  // namespace guild::demo::internal
