#include "model/alerts.h"

#include <algorithm>

#include "model/analysis.h"

namespace consortia::console {

std::vector<Alert> evaluate_alerts(const AlertRules& rules, const NetworkState& s,
                                   const std::map<std::string, std::vector<Sample>>& recent) {
  std::vector<Alert> out;
  uint64_t top = s.max_height();
  // Raised for the node whose identity runs twice, as its peers see it.
  for (const auto& f : duplicate_identities(s)) out.push_back({f.nodes.front(), kAlertDuplicateIdentity, 0});
  // Equivocation: each offender once, named as the network knows it.
  std::map<std::string, double> offenders;  // name -> newest view
  for (const auto& n : s.nodes) {
    if (!n.reachable) continue;
    for (const auto& e : n.equivocations) {
      if (!e.offender_is_validator) continue;
      // Named as the console knows the id, never by the agent's word.
      std::string name = "node " + e.offender_hex.substr(0, 16);
      for (const auto& m : s.nodes)
        if (m.id_hex == e.offender_hex) name = m.name;
      double& view = offenders[name];
      view = std::max(view, static_cast<double>(e.view));
    }
  }
  for (const auto& [name, view] : offenders) out.push_back({name, kAlertEquivocation, view});
  for (const auto& n : s.nodes) {
    if (!n.reachable) {
      // One missed answer is not an outage: unreachable for the stale time.
      bool never = n.polled_ms == 0 && !n.error.empty();
      if (never || (n.polled_ms > 0 && s.at_ms - n.polled_ms >= kStaleMs))
        out.push_back({n.name, kAlertUnreachable, n.polled_ms > 0 ? static_cast<double>(s.at_ms - n.polled_ms) / 1000.0 : 0});
      continue;
    }
    if (top > n.height && top - n.height > rules.max_lag)
      out.push_back({n.name, kAlertLag, static_cast<double>(top - n.height)});
    if (n.connected_peers() < rules.min_peers)
      out.push_back({n.name, kAlertPeers, static_cast<double>(n.connected_peers())});
    if (n.disk_total_bytes > 0) {
      double used = 100.0 * static_cast<double>(n.disk_total_bytes - n.disk_free_bytes) /
                    static_cast<double>(n.disk_total_bytes);
      if (used > rules.max_disk_percent) out.push_back({n.name, kAlertDisk, used});
    }
    if (n.certificate_expires_s > 0) {
      double days_left = (static_cast<double>(n.certificate_expires_s) * 1000.0 - static_cast<double>(s.at_ms)) / 86'400'000.0;
      if (days_left < rules.certificate_days) out.push_back({n.name, kAlertCertificate, days_left});
    }
    auto it = recent.find(n.name);
    if (it == recent.end() || it->second.empty()) continue;
    const auto& samples = it->second;
    // Stalled: a sample at least the stall time old already had this height,
    // and every sample since (the node answered throughout).
    int64_t stall_ms = rules.stalled_after_s * 1000;
    int64_t oldest_same = 0;
    for (auto r = samples.rbegin(); r != samples.rend() && r->height == n.height; ++r) oldest_same = r->t_ms;
    if (oldest_same && n.polled_ms - oldest_same >= stall_ms)
      out.push_back({n.name, kAlertStalled, static_cast<double>(n.polled_ms - oldest_same) / 1000.0});
    // View changes in the last minute.
    const Sample* minute_ago = nullptr;
    for (const auto& x : samples)
      if (x.t_ms >= n.polled_ms - 60'000) {
        minute_ago = &x;
        break;
      }
    if (minute_ago && n.polled_ms - minute_ago->t_ms >= 30'000 && n.view_changes >= minute_ago->view_changes) {
      double per_min = static_cast<double>(n.view_changes - minute_ago->view_changes) * 60'000.0 /
                       static_cast<double>(n.polled_ms - minute_ago->t_ms);
      if (per_min > rules.max_view_changes_per_min) out.push_back({n.name, kAlertViewChanges, per_min});
    }
  }
  return out;
}

}  // namespace consortia::console
