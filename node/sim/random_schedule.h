// Seeded random fault schedules for sweeps: a network size, Byzantine roles,
// crashes, link faults and partitions drawn from one seed, all healed by a
// fixed time so that liveness can be checked afterwards.
#pragma once

#include "sim/scenario.h"

namespace consortia::sim {

struct SweepShape {
  std::vector<int> sizes{4, 7, 10};
  double seconds = 90;
  double heal_at = 20;
  double tps = 30;
};

Scenario random_schedule(uint64_t seed, const SweepShape& shape = {});
// A one-line description, printed next to the seed when a run fails.
std::string describe(const Scenario& s);

}  // namespace consortia::sim
