#include "network_state.h"

#include <algorithm>
#include <string_view>

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

bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      size_t ie = i, je = j;
      while (ie < a.size() && a[ie] >= '0' && a[ie] <= '9') ++ie;
      while (je < b.size() && b[je] >= '0' && b[je] <= '9') ++je;
      std::string_view x(a.data() + i, ie - i), y(b.data() + j, je - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
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
