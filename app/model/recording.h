// A recorded moment of a network as the console saw it: its state, each
// node's recent samples and, where known, each node's chain of block hashes.
// Saved as JSON (`consortia --record FILE`, `consortia-sim --chains FILE`);
// tests replay the analysis rules on such recordings (tests/fixtures/).
// Toolkit-free.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/history.h"
#include "model/network_state.h"

namespace consortia::console {

struct Recording {
  std::string note;  // how it was recorded
  NetworkState state;
  std::map<std::string, std::vector<Sample>> samples;
  // node -> block hash (hex) by height, from height 1
  std::map<std::string, std::vector<std::string>> chains;
  // what the recorder's own checker said (e.g. the simulator's fork heights)
  std::vector<uint64_t> fork_heights;
};

std::string recording_to_json(const Recording& r);
std::optional<Recording> recording_from_json(const std::string& text, std::string* error);

}  // namespace consortia::console
