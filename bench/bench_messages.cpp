// Consensus messages and bytes per committed block at n = 4, 31, 101 (and any
// sizes given on the command line). Linear protocols grow ~2n per block;
// all-to-all voting (PBFT) grows ~n^2.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/simulation.h"

int main(int argc, char** argv) {
  using namespace consortia::sim;
  std::vector<int> sizes = {4, 31, 101};
  if (argc > 1) {
    sizes.clear();
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  }
  std::printf("%6s %8s %14s %12s %10s %16s %14s\n", "nodes", "blocks", "msgs/block", "msgs/block/n",
              "KiB/block", "view changes", "wall s");
  for (int n : sizes) {
    Scenario s;
    s.nodes = n;
    s.seconds = 60;
    s.tps = 200;
    s.seed = 1;
    s.modelled_crypto = true;
    s.latency_min_ms = 5;
    s.latency_max_ms = 30;
    Simulation sim(s);
    auto started = std::chrono::steady_clock::now();
    auto r = sim.run();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().to_string().c_str());
      return 2;
    }
    std::printf("%6d %8llu %14.1f %12.2f %10.1f %16llu %14.2f\n", n,
                static_cast<unsigned long long>(r->committed_blocks), r->messages_per_block,
                r->messages_per_block / n, r->bytes_per_block / 1024,
                static_cast<unsigned long long>(r->view_changes), wall);
    if (!r->passed(s)) {
      std::fprintf(stderr, "checks failed at n=%d seed %llu\n", n,
                   static_cast<unsigned long long>(s.seed));
      return 1;
    }
  }
  return 0;
}
