// The console's memory: what it saw of each node, kept in SQLite so the
// console opens with the last state when agents are unreachable and can look
// back. Samples are kept at full rate (about 1 s) for an hour, then one per
// minute for 30 days; older ones go. Toolkit-free; one writer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/network_state.h"

struct sqlite3;

namespace consortia::console {

struct Sample {
  int64_t t_ms = 0;
  uint64_t height = 0, view = 0, view_changes = 0, mempool = 0;
  bool reachable = false;
  std::string halted;
  uint64_t committed_txs = 0;
  double latency_ms = 0, cpu_percent = 0;
  uint64_t rss_bytes = 0, disk_used_bytes = 0, sent_bytes = 0, received_bytes = 0;
  int peers = 0;  // connected
};

// An alert as history keeps it: raised, and cleared when the rule stopped holding.
struct AlertRecord {
  std::string node, rule, detail;
  int64_t raised_ms = 0, cleared_ms = 0;  // 0: still active
  double value = 0;
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
  // The network as history saw it at `t_ms`: each node's latest sample no
  // older than `window_ms` before then (older: unreachable). No peer links.
  NetworkState state_at(const std::string& network, int64_t t_ms, int64_t window_ms = 5000) const;
  // First and last sample time of a network (0, 0 if none).
  std::pair<int64_t, int64_t> time_range(const std::string& network) const;
  // Alerts: raising one that is active already changes nothing.
  bool raise_alert(const std::string& network, const AlertRecord& a);
  bool clear_alert(const std::string& network, const std::string& node, const std::string& rule, int64_t at_ms);
  std::vector<AlertRecord> alerts(const std::string& network, int64_t since_ms, size_t limit = 500) const;
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
