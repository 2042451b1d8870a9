#include "model/replay.h"

namespace consortia::console {

int64_t replay_window_ms(int64_t t_ms, int64_t now_ms) {
  return t_ms < now_ms - History::kFullRateMs ? 90'000 : 5'000;
}

NetworkState replay_view(const NetworkState& live, const NetworkState& past, int64_t t_ms) {
  NetworkState s;
  s.at_ms = t_ms;
  for (const auto& now : live.nodes) {
    NodeState n = now;
    n.reachable = false;
    n.peers.clear();
    n.error = "no sample at that time";
    for (const auto& p : past.nodes)
      if (p.name == now.name && p.reachable) {
        n.reachable = true;
        n.error.clear();
        n.polled_ms = p.polled_ms;
        n.height = p.height;
        n.view = p.view;
        n.view_changes = p.view_changes;
        n.halted = p.halted;
        n.mempool = p.mempool;
        n.committed_txs = p.committed_txs;
        n.cpu_percent = p.cpu_percent;
      }
    s.nodes.push_back(std::move(n));
  }
  return s;
}

}  // namespace consortia::console
