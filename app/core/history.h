// The console's memory: what it saw of each node, kept in SQLite so the
// console opens with the last state when agents are unreachable and can look
// back. Samples are kept at full rate (about 1 s) for an hour, then one per
// minute for 30 days; older ones go. Toolkit-free; one writer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/network_state.h"

struct sqlite3;

namespace consortia::console {

struct Sample {
  int64_t t_ms = 0;
  uint64_t height = 0, view = 0, view_changes = 0, mempool = 0;
  bool reachable = false;
  std::string halted;
};

class History {
 public:
  // Opens (creating) the file; fails with a reason on a damaged or foreign file.
  static std::unique_ptr<History> open(const std::string& path, std::string* error);
  ~History();

  // One sample per node of the snapshot, in one transaction.
  bool record(const std::string& network, const NetworkState& s);
  // The last state seen of each node of a network (empty if none).
  NetworkState last_state(const std::string& network) const;
  std::vector<Sample> samples(const std::string& network, const std::string& node, int64_t from_ms,
                              int64_t to_ms) const;
  // Thins samples older than an hour to one per minute, drops those older
  // than 30 days; returns how many rows went.
  int64_t downsample(int64_t now_ms);
  int64_t sample_count() const;

  static constexpr int64_t kFullRateMs = 3600'000;
  static constexpr int64_t kKeepMs = 30LL * 24 * 3600'000;

 private:
  explicit History(sqlite3* db) : db_(db) {}
  bool exec(const char* sql) const;
  sqlite3* db_;
};

}  // namespace consortia::console
