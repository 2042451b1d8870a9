// `consortia-agent sandbox --simulated N`: a consortia-sim network of N nodes
// running in real time inside one process, serving the same AgentService for
// each node on the address its agent would have. The console, the load tool
// and tests see N agents; the nodes are the real chain node code over the
// simulator's network, so 101+ nodes fit on one machine.
#pragma once

#include "sandbox.h"

namespace consortia::agent {

// Runs until SIGINT/SIGTERM (or `stop` turns true).
int run_simulated_sandbox(const SandboxOptions& o);

}  // namespace consortia::agent
