#include "metrics.h"

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include "agent.h"
#include "host_stats.h"
#include "network.h"
#include "pki.h"

namespace consortia::agent {
namespace {

prometheus::Gauge* gauge(prometheus::Registry& r, const std::string& name, const std::string& help) {
  return &prometheus::BuildGauge().Name(name).Help(help).Register(r).Add({});
}
prometheus::Counter* counter(prometheus::Registry& r, const std::string& name, const std::string& help) {
  return &prometheus::BuildCounter().Name(name).Help(help).Register(r).Add({});
}

}  // namespace

Metrics::Metrics(const std::string& address, Agent& agent)
    : agent_(agent), registry_(std::make_shared<prometheus::Registry>()) {
  auto& r = *registry_;
  height_ = gauge(r, "consortia_consensus_height", "Committed height");
  view_ = gauge(r, "consortia_consensus_view", "Current consensus view");
  validators_ = gauge(r, "consortia_consensus_validators", "Validators in the current configuration");
  missing_ = gauge(r, "consortia_consensus_missing_validators",
                   "Validators (other than this node) this node has no stream to");
  mempool_ = gauge(r, "consortia_mempool_size", "Transactions waiting in the mempool");
  peers_ = gauge(r, "consortia_p2p_peers", "Peers with a connected stream");
  syncing_ = gauge(r, "consortia_sync_syncing", "1 while behind the best peer height");
  faults_ = gauge(r, "consortia_fault_rules_active", "Fault rules and partitioned peers in force");
  halted_ = gauge(r, "consortia_node_halted", "1 when the node stopped (e.g. upgrade needed)");
  cpu_ = gauge(r, "consortia_process_cpu_seconds", "CPU time used by the agent process");
  rss_ = gauge(r, "consortia_process_resident_memory_bytes", "Resident memory of the agent process");
  disk_ = gauge(r, "consortia_data_dir_bytes", "Bytes used by the data directory");
  rounds_ = counter(r, "consortia_consensus_rounds_total", "Views entered");
  view_changes_ = counter(r, "consortia_consensus_view_changes_total", "Views ended by timeout");
  txs_ = counter(r, "consortia_committed_txs_total", "Transactions committed");
  // The audit log's last entry number: kept by Prometheus, it shows entries
  // removed from the end of the log (the number goes down after a restart).
  audit_seq_ = gauge(r, "consortia_audit_last_entry", "Number of the audit log's last entry (its seq)");
  equivocations_ = gauge(r, "consortia_equivocation_evidence",
                         "Pieces of equivocation evidence the node holds (validators that signed two statements for one view)");
  cert_expiry_ = &prometheus::BuildGauge()
                      .Name("consortia_certificate_expiry_timestamp_seconds")
                      .Help("When a certificate this agent uses expires (Unix time): its node certificate, "
                            "and each genesis organisation's CA")
                      .Register(r);
  {
    const AgentConfig& c = agent.config();
    if (auto pem = read_file(c.path(c.tls_certificate)))
      if (auto t = certificate_not_after(*pem))
        cert_expiry_->Add({{"certificate", "node"}, {"organisation", c.organisation}}).Set(static_cast<double>(*t));
    for (const auto& org : agent.genesis().organisations)
      if (auto t = certificate_not_after(agent.organisation_ca(org.id)))
        cert_expiry_->Add({{"certificate", "ca"}, {"organisation", org.id}}).Set(static_cast<double>(*t));
  }
  {
    auto& f = prometheus::BuildCounter()
                  .Name("consortia_tx_signature_checks_total")
                  .Help("Transaction signatures checked (valid or not), by where: as they arrive, on the "
                        "receiving thread and the worker pool (clients' submissions and peers' gossip), or "
                        "on the node's thread (transactions in blocks that did not come by gossip first)")
                  .Register(r);
    sig_pool_ = &f.Add({{"where", "arrival"}});
    sig_node_ = &f.Add({{"where", "node"}});
  }
  sig_remembered_ = counter(r, "consortia_tx_signature_checks_skipped_total",
                            "Transactions that arrived again after their signature was found valid, and "
                            "were not checked again (not in consortia_tx_signature_checks_total)");
  {
    auto& f = prometheus::BuildCounter()
                  .Name("consortia_p2p_messages_dropped_total")
                  .Help("Peer messages dropped before the node's thread, by reason: the peer's share of "
                        "the queue to it was full (queue), its gossip passed its budget of signature "
                        "checks (signatures), a vote, timeout or proposal from a peer that is not a "
                        "validator, past a few a second (not_validator), equivocation evidence past a few pieces a "
                        "second (evidence), or the node's inbox was full (inbox)")
                  .Register(r);
    dropped_queue_ = &f.Add({{"reason", "queue"}});
    dropped_signatures_ = &f.Add({{"reason", "signatures"}});
    dropped_not_validator_ = &f.Add({{"reason", "not_validator"}});
    dropped_inbox_ = &f.Add({{"reason", "inbox"}});
    dropped_evidence_ = &f.Add({{"reason", "evidence"}});
  }
  reoffered_ = counter(r, "consortia_tx_reoffered_total",
                       "Clients' transactions offered to peers again because their sender made no "
                       "progress (their first gossip was likely lost)");
  interval_ = &prometheus::BuildHistogram()
                   .Name("consortia_consensus_block_interval_seconds")
                   .Help("Time between consecutive committed blocks")
                   .Register(r)
                   .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10});
  latency_ = &prometheus::BuildHistogram()
                  .Name("consortia_tx_commit_latency_seconds")
                  .Help("Submit to commit, for transactions submitted to this agent")
                  .Register(r)
                  .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
  send_ = &prometheus::BuildCounter()
               .Name("consortia_p2p_message_send_bytes_total")
               .Help("Bytes sent to peers, by peer and message type")
               .Register(r);
  receive_ = &prometheus::BuildCounter()
                  .Name("consortia_p2p_message_receive_bytes_total")
                  .Help("Bytes received from peers, by peer and message type")
                  .Register(r);
  exposer_ = std::make_unique<prometheus::Exposer>(address);
  exposer_->RegisterCollectable(registry_);
}

Metrics::~Metrics() = default;

std::string Metrics::bound_address() const {
  auto ports = exposer_->GetListeningPorts();
  return ports.empty() ? "" : std::to_string(ports.front());
}

void Metrics::on_block(uint64_t height, uint64_t view, size_t txs, double interval_s) {
  height_->Set(static_cast<double>(height));
  view_->Set(static_cast<double>(view));
  txs_->Increment(static_cast<double>(txs));
  if (interval_s >= 0) interval_->Observe(interval_s);
}

void Metrics::on_commit_latency(double seconds) { latency_->Observe(seconds); }

void Metrics::on_traffic(const NodeId& peer, const char* type, size_t bytes, bool sent) {
  std::lock_guard lock(mu_);
  auto& cache = sent ? sent_by_ : received_by_;
  auto key = std::make_pair(peer, std::string(type));
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::string name = peer.short_hex();
    for (const auto& p : agent_.config().peers)
      if (p.id == peer) name = p.name;
    auto& c = (sent ? send_ : receive_)->Add({{"peer", name}, {"type", type}});
    it = cache.emplace(key, &c).first;
  }
  it->second->Increment(static_cast<double>(bytes));
}

void Metrics::refresh() {
  struct Snap {
    NodeId self;
    uint64_t height, view, timeouts;
    size_t mempool, validators;
    uint64_t node_verifications, reoffered;
    std::vector<NodeId> validator_ids;
    bool halted;
  };
  Snap s = agent_.on_node([](Node& n) {
    NodeStatus st = n.status();
    Snap x{n.id(), st.height, st.view, st.views_by_timeout, st.mempool_size, n.validators().size(),
           n.mempool().verifications(), n.reoffered(), {}, !st.halted.empty()};
    for (const auto& v : n.validators().members()) x.validator_ids.push_back(v.id);
    return x;
  });
  height_->Set(static_cast<double>(s.height));
  // Counters advance by what their source counted since this thread's own
  // last reading (not the gauge the node thread also sets).
  auto advance = [](prometheus::Counter* c, uint64_t now, uint64_t& last) {
    if (now > last) c->Increment(static_cast<double>(now - last));
    last = now;
  };
  advance(rounds_, s.view, last_view_);
  view_->Set(static_cast<double>(s.view));
  advance(view_changes_, s.timeouts, last_view_changes_);
  validators_->Set(static_cast<double>(s.validators));
  advance(sig_pool_, agent_.signature_pool().verified(), last_sig_pool_);
  advance(sig_remembered_, agent_.signature_pool().remembered_hits(), last_sig_remembered_);
  advance(sig_node_, s.node_verifications, last_sig_node_);
  advance(reoffered_, s.reoffered, last_reoffered_);
  auto d = agent_.dropped_peer_messages();
  advance(dropped_queue_, d.queue, last_dropped_queue_);
  advance(dropped_signatures_, d.signatures, last_dropped_signatures_);
  advance(dropped_not_validator_, d.not_validator, last_dropped_not_validator_);
  advance(dropped_inbox_, d.inbox, last_dropped_inbox_);
  advance(dropped_evidence_, d.evidence, last_dropped_evidence_);
  mempool_->Set(static_cast<double>(s.mempool));
  halted_->Set(s.halted ? 1 : 0);
  auto peers = agent_.transport().peers();
  size_t connected = 0, missing = 0;
  for (const auto& p : peers) connected += p.connected;
  for (const auto& id : s.validator_ids) {
    if (id == s.self) continue;
    bool up = false;
    for (const auto& p : peers)
      if (p.id == id && p.connected) up = true;
    missing += up ? 0 : 1;
  }
  peers_->Set(static_cast<double>(connected));
  missing_->Set(static_cast<double>(missing));
  syncing_->Set(agent_.best_peer_height() > s.height + 2 ? 1 : 0);
  faults_->Set(static_cast<double>(agent_.faults().active()));
  audit_seq_->Set(static_cast<double>(agent_.audit().head().seq));
  equivocations_->Set(static_cast<double>(agent_.equivocations_held()));
  cpu_->Set(process_cpu_seconds());
  rss_->Set(static_cast<double>(process_rss_bytes()));
  disk_->Set(static_cast<double>(directory_bytes(agent_.data_dir(), true)));
}

}  // namespace consortia::agent
