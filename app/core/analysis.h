// Fault analysis rules, toolkit-free and tested on fixtures: each finding
// has a severity, the evidence, a suggested action and the time range that
// shows it (the console links it to its charts).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/network_state.h"

namespace consortia::console {

enum class Severity { kInfo, kWarning, kCritical };

struct Finding {
  enum class Kind { kFork, kLagging, kViewChangeStorm, kUnreachableAgent, kHalted };
  Kind kind;
  Severity severity;
  std::vector<std::string> nodes;  // the node(s) concerned
  std::string evidence;            // English; the console words it per kind
  std::string action;
  int64_t from_ms = 0, to_ms = 0;  // the time range that shows it
  uint64_t height = 0;             // fork: first divergent height; lagging: blocks behind
  // For wording in the user's language: the cause ("no_peers",
  // "peers_behind", "syncing"), a number it needs (best peer height, view
  // changes per minute) and the agent's error or the node's halt reason.
  std::string cause;
  double figure = 0;
  std::string detail;
};

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
// the window.
std::optional<Finding> view_change_storm(const std::string& node, const std::vector<Sample>& samples,
                                         double per_minute);

// Who likely causes view changes: validators that are unreachable, halted,
// behind, or connected to fewer than half their peers (their turns as
// leader time out), by name.
std::vector<std::string> storm_suspects(const NetworkState& s);

}  // namespace consortia::console
