// What the console knows about a network at one moment, and how it judges
// each node's health. Toolkit-free: the Qt layer only renders it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace consortia::console {

enum class Health { kSynced, kLagging, kHalted, kUnreachable };
const char* health_name(Health h);

struct PeerState {
  std::string id_hex, name;
  bool connected = false;
  double rtt_ms = 0;
  double loss = 0;  // share of pings unanswered, recent
  uint64_t sent_bytes = 0, received_bytes = 0, dropped = 0;
  std::string fault_rule;
  // Another address this node id connected from at the same time (the same
  // identity on two hosts), as the reporting node saw it; empty when none.
  std::string duplicate_address;
  std::string address;  // where the reporting node dials it
};

// Equivocation evidence a node holds, as its agent reports it (the console
// checks the evidence itself before acting on it: NetworkAccess).
struct EquivocationReport {
  std::string offender_hex, offender_name, organisation, kind;  // kind: proposal or vote
  uint64_t view = 0;
  bool offender_is_validator = false;
  bool operator==(const EquivocationReport&) const = default;
};

struct NodeState {
  // From the inventory.
  std::string name, organisation, api_address, metrics_address, id_hex;
  // From the agent's last answer.
  bool reachable = false;
  std::string error;            // why the last poll failed
  int64_t polled_ms = 0;        // when the last answer came (0: never)
  std::string role;             // validator / observer
  uint64_t height = 0, view = 0, view_changes = 0, mempool = 0;
  uint64_t best_peer_height = 0;
  bool syncing = false;         // fetching blocks it is behind on
  uint32_t protocol_version = 0, validators = 0;
  std::string leader_hex, block_hash_hex, halted;
  int64_t last_block_time_ms = 0;
  std::vector<PeerState> peers;
  double tps = 0;               // committed transactions per second, from successive polls
  uint64_t committed_txs = 0;   // since the agent started
  double latency_ms = 0;        // commit latency of what was submitted there, recent mean
  double cpu_percent = 0;       // of one CPU
  uint64_t rss_bytes = 0, disk_used_bytes = 0, disk_free_bytes = 0, disk_total_bytes = 0;
  // Unix seconds: when the first of its TLS certificate and its
  // organisation's CA expires; 0 when the agent does not say.
  int64_t certificate_expires_s = 0;
  std::vector<EquivocationReport> equivocations;  // the newest it holds
  // A simulated node (a simulated sandbox): no process of its own; its
  // share of the simulator process's memory instead.
  bool simulated = false;
  uint64_t memory_share_bytes = 0;
  // What runs there (upgrades): the agent's version, its binary's SHA-256,
  // the protocol range it implements, the binaries staged beside it, and
  // whether a supervisor runs it (it can switch binaries).
  std::string agent_version, binary_sha256;
  uint32_t min_protocol = 0, max_protocol = 0;
  std::vector<std::string> staged_versions;
  bool supervised = false;
  uint64_t sent_bytes() const;
  uint64_t received_bytes() const;
  int connected_peers() const;
};

struct NetworkState {
  int64_t at_ms = 0;
  int64_t poll_ms = 0;  // how long asking every agent took
  std::vector<NodeState> nodes;
  uint64_t max_height() const;
};

// Behind by more than this many blocks counts as lagging.
inline constexpr uint64_t kLagBlocks = 3;
// An answer older than this counts as unreachable.
inline constexpr int64_t kStaleMs = 5000;

Health health_of(const NodeState& n, uint64_t network_height, int64_t now_ms);

// The leader most reachable nodes name (hex id), or empty.
std::string consensus_leader(const NetworkState& s);

// A name's key for natural order (node-2 before node-10): each run of digits
// padded to 12, so keys compare as plain strings.
std::string natural_key(const std::string& name);

// The faults in force on a node's links: its distinct rules, and how many
// peers it is partitioned from.
struct FaultSummary {
  std::vector<std::string> rules;
  int partitioned_peers = 0;
  bool empty() const { return rules.empty() && partitioned_peers == 0; }
};
FaultSummary fault_summary(const NodeState& n);

}  // namespace consortia::console
