// The seeded random source every randomised decision of the node library
// takes as a parameter (the simulator's whole run, a link's fault model), so
// that one seed replays one run.
#pragma once

#include <cstdint>
#include <random>

namespace consortia {

class Rng {
 public:
  explicit Rng(uint64_t seed) : g_(seed) {}
  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
  // True with probability p (no draw when p <= 0).
  bool chance(double p) { return p > 0 && uniform() < p; }
  // Uniform in [0, n) (0 when n is 0, without a draw).
  uint64_t below(uint64_t n) { return n ? g_() % n : 0; }
  uint64_t next() { return g_(); }

 private:
  std::mt19937_64 g_;
};

}  // namespace consortia
