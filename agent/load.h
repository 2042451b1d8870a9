#pragma once

#include <string>
#include <vector>

namespace consortia::agent {

struct LoadOptions {
  std::string network_dir;          // --sandbox DIR (any network directory)
  std::vector<std::string> agents;  // --agent ADDR: only these (default: all)
  bool noop = false;
  double tps = 0;                   // 0: as fast as possible
  double seconds = 10;
  bool json = false;
  int clients = 64;
  size_t batch = 250;               // transactions per stream message
};

// Submits signed transactions and reports a Caliper-style summary.
int run_load(const LoadOptions& o);

}  // namespace consortia::agent
