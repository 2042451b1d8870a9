// Prometheus metrics on /metrics (prometheus-cpp). Labels stay bounded: peer
// labels are node names from the chain configuration, message types are the
// seven chain message kinds.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/bytes.h"

namespace prometheus {
class Exposer;
class Registry;
class Gauge;
class Counter;
class Histogram;
template <class T>
class Family;
}  // namespace prometheus

namespace consortia::agent {

class Agent;

class Metrics {
 public:
  // Starts serving on `address` (host:port).
  Metrics(const std::string& address, Agent& agent);
  ~Metrics();
  std::string bound_address() const;

  void on_block(uint64_t height, uint64_t view, size_t txs, double interval_s);
  void on_commit_latency(double seconds);
  void on_traffic(const NodeId& peer, const char* type, size_t bytes, bool sent);
  // Periodic: consensus, mempool, peers, sync, faults, process and disk.
  void refresh();

 private:
  Agent& agent_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  prometheus::Gauge *height_, *view_, *validators_, *missing_, *mempool_, *peers_, *syncing_,
      *faults_, *cpu_, *rss_, *disk_, *halted_;
  prometheus::Counter *rounds_, *view_changes_, *txs_;
  prometheus::Gauge *audit_seq_, *equivocations_;
  prometheus::Family<prometheus::Gauge>* cert_expiry_;
  prometheus::Counter *sig_pool_, *sig_node_, *sig_remembered_;
  uint64_t last_sig_pool_ = 0, last_sig_node_ = 0, last_sig_remembered_ = 0;
  prometheus::Counter* reoffered_;
  uint64_t last_reoffered_ = 0;
  prometheus::Counter *dropped_queue_, *dropped_signatures_, *dropped_not_validator_, *dropped_inbox_,
      *dropped_evidence_;
  uint64_t last_dropped_queue_ = 0, last_dropped_signatures_ = 0, last_dropped_not_validator_ = 0,
           last_dropped_inbox_ = 0, last_dropped_evidence_ = 0;
  prometheus::Histogram *interval_, *latency_;
  prometheus::Family<prometheus::Counter>*send_, *receive_;
  std::mutex mu_;
  std::map<std::pair<NodeId, std::string>, prometheus::Counter*> sent_by_, received_by_;
  uint64_t last_view_changes_ = 0;
  uint64_t last_view_ = 0;
};

}  // namespace consortia::agent
