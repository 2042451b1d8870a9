#include "model/analysis.h"

#include <set>

#include <algorithm>
#include <map>

namespace consortia::console {
namespace {

// Groups of nodes by the hash they report at a height (unknown: left out).
std::map<std::string, std::vector<size_t>> groups_at(size_t n, uint64_t height, const HashAt& hash_at) {
  std::map<std::string, std::vector<size_t>> g;
  for (size_t i = 0; i < n; ++i)
    if (auto h = hash_at(i, height)) g[*h].push_back(i);
  return g;
}

}  // namespace

const char* finding_kind_name(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::kFork: return "fork";
    case Finding::Kind::kLagging: return "lagging";
    case Finding::Kind::kViewChangeStorm: return "view_change_storm";
    case Finding::Kind::kUnreachableAgent: return "unreachable";
    case Finding::Kind::kHalted: return "halted";
    case Finding::Kind::kDuplicateIdentity: return "duplicate_identity";
  }
  return "unknown";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kCritical: return "critical";
  }
  return "unknown";
}

const char* cause_name(Finding::Cause c) {
  switch (c) {
    case Finding::Cause::kNone: return "";
    case Finding::Cause::kDiskFull: return "disk_full";
    case Finding::Cause::kNoPeers: return "no_peers";
    case Finding::Cause::kPeersBehind: return "peers_behind";
    case Finding::Cause::kSyncing: return "syncing";
    case Finding::Cause::kNodeDown: return "node_down";
    case Finding::Cause::kAgentDown: return "agent_down";
  }
  return "unknown";
}

std::optional<Finding> find_fork(const std::vector<std::string>& names, uint64_t up_to, const HashAt& hash_at) {
  if (names.size() < 2 || up_to == 0) return std::nullopt;
  if (groups_at(names.size(), up_to, hash_at).size() <= 1) return std::nullopt;  // agree at the top
  // Invariant: they agree at lo (genesis, 0) and disagree at hi.
  uint64_t lo = 0, hi = up_to;
  while (hi - lo > 1) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (groups_at(names.size(), mid, hash_at).size() > 1) hi = mid;
    else lo = mid;
  }
  auto groups = groups_at(names.size(), hi, hash_at);
  const std::vector<size_t>* largest = nullptr;
  for (const auto& [hash, members] : groups)
    if (!largest || members.size() > largest->size()) largest = &members;
  Finding f;
  f.kind = Finding::Kind::kFork;
  f.severity = Severity::kCritical;
  f.height = hi;
  f.figure = static_cast<double>(lo);
  for (const auto& [hash, members] : groups) {
    if (&members == largest) continue;
    for (size_t i : members) f.nodes.push_back(names[i]);
  }
  return f;
}

std::vector<Finding> duplicate_identities(const NetworkState& s) {
  std::vector<Finding> out;
  std::set<std::string> seen;
  for (const auto& n : s.nodes) {
    if (!n.reachable) continue;
    for (const auto& p : n.peers) {
      if (p.duplicate_address.empty() || !seen.insert(p.name).second) continue;
      Finding f;
      f.kind = Finding::Kind::kDuplicateIdentity;
      f.severity = Severity::kCritical;
      f.nodes = {p.name};
      f.detail = (p.address.empty() ? std::string("?") : p.address) + " " + p.duplicate_address;
      f.from_ms = f.to_ms = s.at_ms;
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<Finding> lagging_nodes(const NetworkState& s) {
  std::vector<Finding> out;
  uint64_t top = s.max_height();
  for (const auto& n : s.nodes) {
    Health h = health_of(n, top, s.at_ms);
    Finding f;
    f.nodes = {n.name};
    f.from_ms = n.polled_ms;
    f.to_ms = s.at_ms;
    if (h == Health::kUnreachable) {
      // The agent answering "unavailable" is up; its node is not.
      bool node_down = n.error.rfind("unavailable:", 0) == 0;
      f.kind = Finding::Kind::kUnreachableAgent;
      f.severity = node_down ? Severity::kCritical : Severity::kWarning;
      f.cause = node_down ? Finding::Cause::kNodeDown : Finding::Cause::kAgentDown;
      f.detail = n.error;
      out.push_back(std::move(f));
      continue;
    }
    if (h == Health::kHalted) {
      f.kind = Finding::Kind::kHalted;
      f.severity = Severity::kCritical;
      f.height = top - n.height;
      f.detail = n.halted;
      out.push_back(std::move(f));
      continue;
    }
    if (h != Health::kLagging) continue;
    uint64_t behind = top - n.height;
    double disk_used = n.disk_total_bytes ? 100.0 * static_cast<double>(n.disk_total_bytes - n.disk_free_bytes) /
                                                static_cast<double>(n.disk_total_bytes)
                                          : 0;
    f.kind = Finding::Kind::kLagging;
    f.severity = behind > 100 ? Severity::kCritical : Severity::kWarning;
    f.height = behind;
    f.figure = static_cast<double>(n.best_peer_height);
    if (disk_used >= kDiskFullPercent) {
      f.cause = Finding::Cause::kDiskFull;
      f.figure = disk_used;
    } else if (n.connected_peers() == 0) {
      f.cause = Finding::Cause::kNoPeers;
    } else if (n.best_peer_height + kLagBlocks < top) {
      f.cause = Finding::Cause::kPeersBehind;
    } else {
      f.cause = Finding::Cause::kSyncing;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<Finding> view_change_storm(const std::string& node, const std::vector<Sample>& samples,
                                         double per_minute) {
  // The worst one-minute window by view changes. Changes are summed from one
  // sample to the next, so a counter that went back counts nothing there.
  std::vector<uint64_t> since_first(samples.size(), 0);
  for (size_t i = 1; i < samples.size(); ++i) {
    uint64_t before = samples[i - 1].view_changes, now = samples[i].view_changes;
    since_first[i] = since_first[i - 1] + (now >= before ? now - before : 0);
  }
  double worst = 0;
  int64_t from = 0, to = 0;
  size_t j = 0;
  for (size_t i = 0; i < samples.size(); ++i) {
    while (samples[i].t_ms - samples[j].t_ms > 60'000) ++j;
    if (samples[i].t_ms == samples[j].t_ms) continue;
    double changes = static_cast<double>(since_first[i] - since_first[j]);
    double minutes = static_cast<double>(samples[i].t_ms - samples[j].t_ms) / 60'000.0;
    double rate = changes / std::max(minutes, 1.0 / 6);  // at least ten seconds of evidence
    if (rate > worst) worst = rate, from = samples[j].t_ms, to = samples[i].t_ms;
  }
  if (worst <= per_minute) return std::nullopt;
  Finding f;
  f.kind = Finding::Kind::kViewChangeStorm;
  f.severity = Severity::kWarning;
  f.nodes = {node};
  f.from_ms = from;
  f.to_ms = to;
  f.figure = worst;
  return f;
}

std::vector<std::string> storm_suspects(const NetworkState& s) {
  std::vector<std::string> out;
  uint64_t top = s.max_height();
  for (const auto& n : s.nodes) {
    if (n.role == "observer") continue;
    // Cut off from most of its peers, a leader cannot gather a quorum even
    // while the stalled chain leaves it no further behind than the rest.
    int connected = n.connected_peers();
    bool cut_off = n.reachable && !n.peers.empty() && 2 * static_cast<size_t>(connected) < n.peers.size();
    if (health_of(n, top, s.at_ms) != Health::kSynced || cut_off) out.push_back(n.name);
  }
  return out;
}

}  // namespace consortia::console
