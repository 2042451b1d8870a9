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

// Degraded networks that do not heal: up to f silent validators plus
// crash-restarts (never more than f down at once), on links with packet
// loss or message drop or a rate limit down to 1 Mbit/s, under normal load
// or overload, at 4 to 31 nodes. The chain must stay safe and keep
// committing until the end. The envelope is what the chain is known to live
// through; docs/benchmarks.md lists seeds outside it that still stall.
struct DegradedShape {
  std::vector<int> sizes{4, 7, 13, 31};
  double seconds = 60;
  double tps = 50;
  double overload_tps = 1000;
  double max_loss_percent = 20;
};
Scenario degraded_schedule(uint64_t seed, const DegradedShape& shape = {});
// A one-line description, printed next to the seed when a run fails.
std::string describe(const Scenario& s);

}  // namespace consortia::sim
