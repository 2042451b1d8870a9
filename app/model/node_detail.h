// What the node detail page shows beyond status, fetched when asked: the
// log tail, audit entries, the host and the recent blocks. Toolkit-free
// model types (the agents' API messages stop at agents/api_adapter.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace consortia::console {

struct BlockSummary {
  uint64_t height = 0, view = 0, timestamp_ms = 0;
  std::string hash_hex, parent_hash_hex, proposer_hex, state_root_hex, tx_root_hex, validator_set_hash_hex;
  uint32_t protocol_version = 0;
  uint32_t qc_signatures = 0;  // votes in its parent's certificate
  std::vector<std::string> tx_ids_hex;
};

struct HostFacts {
  std::string hostname, agent_version, suite;
  bool simulated = false;  // a consortia-sim node served by a simulated sandbox
  uint32_t min_protocol_version = 0, max_protocol_version = 0;
  uint32_t cpus = 0;
  double load_1m = 0;
  uint64_t memory_total_bytes = 0, memory_available_bytes = 0, process_rss_bytes = 0;
  uint64_t disk_total_bytes = 0, disk_free_bytes = 0, data_dir_bytes = 0;
  uint64_t uptime_s = 0;
  bool known() const { return !agent_version.empty(); }
};

// One control call as the agent's audit log keeps it.
struct AuditEntry {
  int64_t time_ms = 0;
  std::string time, who, organisation, role, call, detail, result;  // result: "ok" or a reason code
};

struct NodeDetail {
  int node = -1;
  std::vector<std::string> log;   // newest last
  std::vector<AuditEntry> audit;  // newest last
  std::string error;              // why something could not be read
  HostFacts host;
  std::vector<BlockSummary> blocks;  // newest first
};

}  // namespace consortia::console
