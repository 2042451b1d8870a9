#include "agents/collector.h"

#include <chrono>

#include "agents/api_adapter.h"

namespace consortia::console {

Collector::Collector(std::shared_ptr<AgentLinks> links) : links_(std::move(links)) {
  for (size_t i = 0; i < links_->size(); ++i) {
    const Endpoint& e = links_->endpoint(i);
    NodeState n;
    n.name = e.name;
    n.organisation = e.organisation;
    n.api_address = e.api_address;
    n.metrics_address = e.metrics_address;
    n.id_hex = e.id_hex;
    last_.nodes.push_back(n);
  }
}

void Collector::set_history(std::shared_ptr<History> history, std::string network) {
  history_ = std::move(history);
  network_ = std::move(network);
  NetworkState remembered = history_->last_state(network_);
  for (auto& n : last_.nodes)
    for (const auto& r : remembered.nodes)
      if (r.name == n.name) {
        std::string api = n.api_address, metrics = n.metrics_address, id = n.id_hex;
        n = r;
        n.api_address = api;
        n.metrics_address = metrics;
        n.id_hex = id;
      }
}

void Collector::start(int interval_ms) {
  timer_ = new QTimer(this);
  connect(timer_, &QTimer::timeout, this, &Collector::poll_now);
  timer_->start(interval_ms);
  poll_now();
}

void Collector::poll_now() {
  NetworkState s = last_;
  s.at_ms = wall_ms();
  auto poll_started = std::chrono::steady_clock::now();
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    NodeState& n = s.nodes[i];
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(800));
    v1::NodeStatus st;
    grpc::Status rc = links_->viewer(i).GetStatus(&ctx, v1::StatusRequest{}, &st);
    if (!rc.ok()) {
      n.reachable = false;
      n.error = rc.error_message();
      continue;
    }
    uint64_t before_txs = n.committed_txs;
    int64_t before_ms = n.reachable ? n.polled_ms : 0;
    n.reachable = true;
    n.error.clear();
    n.polled_ms = s.at_ms;
    apply_status(st, n);
    // An inventory network's agents say who they are (what they say now,
    // not what history remembers).
    links_->learn_identity(i, st.organisation(), hex_of(st.node_id()));
    // A counter that went back (a restarted agent) gives no rate.
    if (before_ms > 0 && s.at_ms > before_ms && n.committed_txs >= before_txs)
      n.tps = static_cast<double>(n.committed_txs - before_txs) * 1000.0 / static_cast<double>(s.at_ms - before_ms);
    else
      n.tps = 0;
  }
  s.poll_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - poll_started)
                  .count();
  last_ = s;
  auto recent = std::make_shared<SeriesByNode>();
  if (history_) {
    history_->record(network_, s);
    if (s.at_ms - last_downsample_ > 600'000) {  // every ten minutes
      history_->downsample(s.at_ms);
      last_downsample_ = s.at_ms;
    }
    for (const auto& n : s.nodes) (*recent)[n.name] = history_->samples(network_, n.name, s.at_ms - 600'000, s.at_ms);
  }
  emit snapshot(s);
  emit polled(s, recent);
}

}  // namespace consortia::console
