// Alert rules: thresholds an operator sets, checked on every snapshot against
// each node's state and recent history. Toolkit-free; the collector keeps
// what they raise and clear in history.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/history.h"
#include "model/network_state.h"

namespace consortia::console {

struct AlertRules {
  int64_t stalled_after_s = 30;           // height unchanged this long
  uint64_t max_lag = 10;                  // blocks behind the network
  double max_view_changes_per_min = 10;
  int min_peers = 2;                      // connected peers
  double max_disk_percent = 90;           // of the file system holding its data
  int certificate_days = 30;              // its certificate or its CA expires within
};

// Rule names as history stores them.
inline constexpr const char* kAlertStalled = "height_stalled";
inline constexpr const char* kAlertLag = "lag";
inline constexpr const char* kAlertViewChanges = "view_changes";
inline constexpr const char* kAlertPeers = "peers";
inline constexpr const char* kAlertDisk = "disk";
inline constexpr const char* kAlertCertificate = "certificate_expiry";  // value: days left (negative: expired)
inline constexpr const char* kAlertUnreachable = "unreachable";  // for kStaleMs or more
inline constexpr const char* kAlertDuplicateIdentity = "duplicate_identity";  // one node id from two addresses
// A validator some node holds equivocation evidence against, raised for
// that validator while it is one; value: the view of the newest evidence.
inline constexpr const char* kAlertEquivocation = "equivocation";

struct Alert {
  std::string node, rule;
  double value = 0;  // what was measured (seconds, blocks, per minute, peers, percent)
};

// The alerts that hold now. `recent` holds each node's samples of at least
// the last few minutes, oldest first.
std::vector<Alert> evaluate_alerts(const AlertRules& rules, const NetworkState& s,
                                   const std::map<std::string, std::vector<Sample>>& recent);

}  // namespace consortia::console
