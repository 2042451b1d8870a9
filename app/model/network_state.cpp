#include "network_state.h"

#include <algorithm>

namespace consortia::console {

const char* health_name(Health h) {
  switch (h) {
    case Health::kSynced: return "synced";
    case Health::kLagging: return "lagging";
    case Health::kHalted: return "halted";
    case Health::kUnreachable: return "unreachable";
  }
  return "unreachable";
}

uint64_t NodeState::sent_bytes() const {
  uint64_t b = 0;
  for (const auto& p : peers) b += p.sent_bytes;
  return b;
}

uint64_t NodeState::received_bytes() const {
  uint64_t b = 0;
  for (const auto& p : peers) b += p.received_bytes;
  return b;
}

int NodeState::connected_peers() const {
  int c = 0;
  for (const auto& p : peers) c += p.connected;
  return c;
}

uint64_t NetworkState::max_height() const {
  // The reachable nodes' best; with none reachable, the best remembered.
  uint64_t h = 0, remembered = 0;
  bool any = false;
  for (const auto& n : nodes) {
    remembered = std::max(remembered, n.height);
    if (n.reachable) {
      any = true;
      h = std::max(h, n.height);
    }
  }
  return any ? h : remembered;
}

Health health_of(const NodeState& n, uint64_t network_height, int64_t now_ms) {
  if (!n.reachable || n.polled_ms == 0 || now_ms - n.polled_ms > kStaleMs) return Health::kUnreachable;
  if (!n.halted.empty()) return Health::kHalted;
  if (network_height > n.height + kLagBlocks) return Health::kLagging;
  return Health::kSynced;
}

std::string consensus_leader(const NetworkState& s) {
  std::map<std::string, int> votes;
  for (const auto& n : s.nodes)
    if (n.reachable && !n.leader_hex.empty()) ++votes[n.leader_hex];
  std::string best;
  int most = 0;
  for (const auto& [id, v] : votes)
    if (v > most) best = id, most = v;
  return best;
}

std::string natural_key(const std::string& name) {
  std::string key;
  for (size_t i = 0; i < name.size();) {
    if (name[i] < '0' || name[i] > '9') {
      key += name[i++];
      continue;
    }
    size_t j = i;
    while (j < name.size() && name[j] >= '0' && name[j] <= '9') ++j;
    if (j - i < 12) key.append(12 - (j - i), '0');
    key.append(name, i, j - i);
    i = j;
  }
  return key;
}

FaultSummary fault_summary(const NodeState& n) {
  FaultSummary f;
  for (const auto& p : n.peers) {
    // A peer's rule reads "rule; rule; partitioned" (netem words, joined).
    size_t start = 0;
    while (start <= p.fault_rule.size()) {
      size_t end = p.fault_rule.find("; ", start);
      std::string part = p.fault_rule.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (part == "partitioned" || part == "partition")
        ++f.partitioned_peers;
      else if (!part.empty() && std::find(f.rules.begin(), f.rules.end(), part) == f.rules.end())
        f.rules.push_back(part);
      if (end == std::string::npos) break;
      start = end + 2;
    }
  }
  return f;
}

}  // namespace consortia::console
