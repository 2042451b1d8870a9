#include "analysis.h"

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
  Finding f{Finding::Kind::kFork, Severity::kCritical, {}, "", "", 0, 0, hi, "", static_cast<double>(lo), ""};
  for (const auto& [hash, members] : groups) {
    if (&members == largest) continue;
    for (size_t i : members) f.nodes.push_back(names[i]);
  }
  f.evidence = "block hashes differ from height " + std::to_string(hi) + " (" + std::to_string(groups.size()) +
               " versions); they agree at " + std::to_string(lo);
  f.action = "Stop the odd node(s), keep their data for investigation, and resync them from the majority; check "
             "for more than f Byzantine validators or a software difference.";
  return f;
}

std::vector<Finding> lagging_nodes(const NetworkState& s) {
  std::vector<Finding> out;
  uint64_t top = s.max_height();
  for (const auto& n : s.nodes) {
    Health h = health_of(n, top, s.at_ms);
    if (h == Health::kUnreachable) {
      // The agent answering "unavailable" is up; its node is not.
      bool node_down = n.error.rfind("unavailable:", 0) == 0;
      out.push_back({Finding::Kind::kUnreachableAgent, node_down ? Severity::kCritical : Severity::kWarning, {n.name},
                     (node_down ? "the agent answers but its node is not running: " : "the agent did not answer: ") +
                         n.error,
                     node_down ? "Look at the node's log through its agent and restart the node."
                               : "Check the agent process and the network path to it; the node itself may still run.",
                     n.polled_ms, s.at_ms, 0, node_down ? "node_down" : "agent_down", 0, n.error});
      continue;
    }
    if (h == Health::kHalted) {
      out.push_back({Finding::Kind::kHalted, Severity::kCritical, {n.name}, n.halted,
                     "Install the release that implements the upgrade and restart the node on its data.",
                     n.polled_ms, s.at_ms, top - n.height, "", 0, n.halted});
      continue;
    }
    if (h != Health::kLagging) continue;
    uint64_t behind = top - n.height;
    int up = 0;
    for (const auto& p : n.peers) up += p.connected;
    std::string cause, action, code;
    double disk_used = n.disk_total_bytes ? 100.0 * static_cast<double>(n.disk_total_bytes - n.disk_free_bytes) /
                                                static_cast<double>(n.disk_total_bytes)
                                          : 0;
    if (disk_used >= kDiskFullPercent) {
      code = "disk_full";
      cause = "its disk is " + std::to_string(static_cast<int>(disk_used)) + "% full";
      action = "Free or grow the volume holding its data directory; it cannot store new blocks.";
    } else if (up == 0) {
      code = "no_peers";
      cause = "it has no connected peers";
      action = "Check its network, firewall and certificates; its log says why peers refuse it.";
    } else if (n.best_peer_height + kLagBlocks < top) {
      code = "peers_behind";
      cause = "its peers are behind too (best peer height " + std::to_string(n.best_peer_height) + ")";
      action = "Its sync sources are slow or partitioned: check the links of its organisation.";
    } else {
      code = "syncing";
      cause = "it is syncing from peers " + std::to_string(n.best_peer_height - n.height) + " blocks ahead";
      action = "Watch that the gap closes; if not, check its disk and CPU.";
    }
    out.push_back({Finding::Kind::kLagging, behind > 100 ? Severity::kCritical : Severity::kWarning, {n.name},
                   "behind by " + std::to_string(behind) + " blocks: " + cause, action, n.polled_ms, s.at_ms, behind,
                   code, static_cast<double>(n.best_peer_height), ""});
  }
  return out;
}

std::optional<Finding> view_change_storm(const std::string& node, const std::vector<Sample>& samples,
                                         double per_minute) {
  // The worst one-minute window by view changes.
  double worst = 0;
  int64_t from = 0, to = 0;
  size_t j = 0;
  for (size_t i = 0; i < samples.size(); ++i) {
    while (samples[i].t_ms - samples[j].t_ms > 60'000) ++j;
    if (samples[i].t_ms == samples[j].t_ms) continue;
    double changes = static_cast<double>(samples[i].view_changes - samples[j].view_changes);
    double minutes = static_cast<double>(samples[i].t_ms - samples[j].t_ms) / 60'000.0;
    double rate = changes / std::max(minutes, 1.0 / 6);  // at least ten seconds of evidence
    if (rate > worst) worst = rate, from = samples[j].t_ms, to = samples[i].t_ms;
  }
  if (worst <= per_minute) return std::nullopt;
  return Finding{Finding::Kind::kViewChangeStorm, Severity::kWarning, {node},
                 std::to_string(static_cast<int>(worst)) + " view changes per minute (threshold " +
                     std::to_string(static_cast<int>(per_minute)) + ")",
                 "Look for a leader that is down or slow and for lossy links around it; apply no faults there.",
                 from, to, 0, "", worst, ""};
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
