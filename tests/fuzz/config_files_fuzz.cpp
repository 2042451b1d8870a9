// libFuzzer: the configuration files an agent and its clients read from a
// directory an operator may have edited by hand: a node's agent.json (first
// byte even) and a network's network.json (odd), the rest of the input being
// the file. Anything is refused with an error or read; an agent.json read
// writes back to text that reads the same.
// Run: scripts/fuzz.sh (seeds in tests/fuzz/corpus/config_files/).
#include <cstdlib>
#include <string>

#include "network.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace consortia::agent;
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    auto c = parse_agent_config(text, "/fuzz/nodes/node-0", "agent.json");
    if (!c) return 0;
    const std::string written = agent_config_text(*c);
    auto again = parse_agent_config(written, "/fuzz/nodes/node-0", "agent.json");
    if (!again || agent_config_text(*again) != written) std::abort();
    if (again->peers.size() != c->peers.size()) std::abort();
  } else {
    auto n = parse_network_json(text, "/fuzz/network");
    if (!n) return 0;
    if (n->dir != "/fuzz/network" || n->chain_id) std::abort();  // no genesis is read from the text alone
  }
  return 0;
}
