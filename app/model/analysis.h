// Fault analysis rules, toolkit-free and tested on fixtures. A finding is
// data: its kind, severity, cause, the nodes concerned, the figures that
// show it and the time range (the console links it to its charts). Only the
// UI words it, in the user's language (analysis/finding_text.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/history.h"
#include "model/network_state.h"

namespace consortia::console {

enum class Severity { kInfo, kWarning, kCritical };

struct Finding {
  enum class Kind { kFork, kLagging, kViewChangeStorm, kUnreachableAgent, kHalted, kDuplicateIdentity };
  // Why: for kLagging, the likely reason it is behind; for
  // kUnreachableAgent, whether the agent or only its node is down.
  enum class Cause { kNone, kDiskFull, kNoPeers, kPeersBehind, kSyncing, kNodeDown, kAgentDown };
  Kind kind = Kind::kLagging;
  Severity severity = Severity::kWarning;
  Cause cause = Cause::kNone;
  std::vector<std::string> nodes;  // the node(s) concerned
  int64_t from_ms = 0, to_ms = 0;  // the time range that shows it
  // kFork: first divergent height; kLagging, kHalted: blocks behind.
  uint64_t height = 0;
  // kFork: the height all agree at; kLagging: the best peer height;
  // kViewChangeStorm: view changes per minute; kLagging with kDiskFull: disk use %.
  double figure = 0;
  // The agent's error (kUnreachableAgent) or the node's halt reason (kHalted), as given;
  // kDuplicateIdentity: the two addresses, space-separated.
  std::string detail;
  // kViewChangeStorm: the validators likely causing it.
  std::vector<std::string> suspects;
};

// Stable names for reports and scripts ("fork", "critical", "disk_full"…).
const char* finding_kind_name(Finding::Kind k);
const char* severity_name(Severity s);
const char* cause_name(Finding::Cause c);

// The block hash a node reports at a height, or nullopt if it cannot say
// (unreachable, or not that high).
using HashAt = std::function<std::optional<std::string>(size_t node, uint64_t height)>;

// Compares block hashes across nodes and bisects to the first height where
// they differ: O(log h) queries per node. The odd nodes are those outside
// the largest group agreeing at that height. Needs the nodes to agree at
// some height below (genesis always does).
std::optional<Finding> find_fork(const std::vector<std::string>& names, uint64_t up_to, const HashAt& hash_at);

// A volume this full cannot be trusted to take the next blocks.
inline constexpr double kDiskFullPercent = 98;

// Lagging nodes and the likely cause: disk full, no peers, halted for an
// upgrade, the sync source behind too, or simply behind by N; and
// unreachable agents, told apart from agents whose node is down.
std::vector<Finding> lagging_nodes(const NetworkState& s);

// View changes per minute above `per_minute` over a node's samples, naming
// the window. A counter that goes back (an agent restarted, a simulated
// network started afresh) is a reset, not a rate.
std::optional<Finding> view_change_storm(const std::string& node, const std::vector<Sample>& samples,
                                         double per_minute);

// One node identity connecting from two addresses at once (a migrated
// node's old copy started again, a copied key): critical, naming both.
std::vector<Finding> duplicate_identities(const NetworkState& s);

// Who likely causes view changes: validators that are unreachable, halted,
// behind, or connected to fewer than half their peers (their turns as
// leader time out), by name.
std::vector<std::string> storm_suspects(const NetworkState& s);

}  // namespace consortia::console
