// libFuzzer: genesis.json as an agent reads it at start. Anything either
// is refused with an error or gives a genesis that validates, builds its
// configuration and block, and writes back to JSON that reads the same.
// Run: scripts/fuzz.sh (seeds in tests/fuzz/corpus/genesis_json/).
#include <cstdlib>
#include <string>

#include "chain/genesis.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace consortia;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto g = genesis_from_json(text);
  if (!g) return 0;
  if (!g->validate()) std::abort();  // reading validates
  auto suite = suite_by_id(static_cast<uint8_t>(g->suite));
  if (!suite) return 0;
  (void)g->config(**suite);
  (void)g->block(**suite)->hash();
  auto again = genesis_from_json(genesis_to_json(*g));
  if (!again || genesis_to_json(*again) != genesis_to_json(*g)) std::abort();
  return 0;
}
