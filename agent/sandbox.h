#pragma once

#include <string>

#include "network.h"
#include "sandbox_launcher.h"

namespace consortia::agent {

struct SandboxOptions {
  int nodes = 4;
  std::string dir;  // empty: the user's data directory
  std::string suite = "ed25519-sha256";
  bool simulated = false;  // one process: a consortia-sim network in real time
  double tps = 20;         // simulated: the background workload
  uint32_t protocol_version = kMaxProtocolVersion;  // of a new network's genesis
};

// Creates (or resumes) the network and runs its agents until SIGINT/SIGTERM.
int run_sandbox(const SandboxOptions& o);

}  // namespace consortia::agent
