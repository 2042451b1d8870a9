// The wall clock in milliseconds since the epoch, as the console's records
// (history, runbooks, hosts) and its polls stamp time.
#pragma once

#include <chrono>
#include <cstdint>

namespace consortia::console {

inline int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace consortia::console
