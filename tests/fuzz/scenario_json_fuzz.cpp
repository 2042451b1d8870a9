// libFuzzer: a simulator scenario file (consortia-sim --scenario, the lab's
// rounds). Anything is refused with an error or gives a scenario; none
// crashes the reader.
// Run: scripts/fuzz.sh (seeds: resources/scenarios/).
#include <string>

#include "sim/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace consortia::sim;
  (void)parse_scenario_json(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
