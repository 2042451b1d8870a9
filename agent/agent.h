// One node's agent: the chain node on its SQLite store, driven by one event
// thread; the P2P transport; the fault layer; the AgentService API; the
// metrics endpoint; logs and the audit log.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <map>
#include <unordered_map>

#include "chain/node.h"
#include "mempool/signature_pool.h"
#include "peer_budget.h"
#include "fault_layer.h"
#include "host_stats.h"
#include "log.h"
#include "network.h"
#include "node_host.h"
#include "storage/sqlite_block_store.h"
#include "transport.h"

namespace grpc {
class Server;
}

namespace consortia::agent {

class Metrics;

class Agent final : public NodeHost {
 public:
  static Result<std::unique_ptr<Agent>> open(const AgentConfig& config);
  ~Agent() override;
  Status start();
  void stop();  // graceful: stops the API, the transport, then the node

  // Runs `fn` on the node's thread and returns its result.
  template <class F>
  auto on_node(F&& fn) -> decltype(fn(std::declval<Node&>())) {
    using R = decltype(fn(std::declval<Node&>()));
    auto task = std::make_shared<std::packaged_task<R()>>([&] { return fn(*node_); });
    auto fut = task->get_future();
    post([task] { (*task)(); });
    return fut.get();
  }
  // NodeHost: what the API serves.
  const std::string& node_name() const override { return config_.name; }
  const std::string& organisation() const override { return config_.organisation; }
  std::string organisation_ca(const std::string& organisation) const override;
  const CryptoSuite& suite() const override { return *suite_; }
  const Genesis& genesis() const override { return genesis_; }
  Log& log() override { return *log_; }
  AuditLog& audit() override { return *audit_; }
  FaultLayer& faults() override { return faults_; }
  Status with_node(const std::function<void(Node&, BlockStore&)>& fn) override;
  std::vector<PeerSnapshot> peers() override { return transport_->peers(); }
  // What more than f connected validators claim (the claims are unsigned:
  // one peer alone cannot make this node look behind, nor can a member's
  // observers, which anyone's governance vote may add).
  uint64_t best_peer_height() override {
    uint32_t n = validators_;
    auto counted = voters_.load();
    return transport_->best_peer_height(n ? (n - 1) / 3 : 0, counted.get());
  }
  std::vector<Status> submit(std::vector<TxPtr> txs) override;
  Result<TxPtr> make_and_submit(const std::function<TxPtr(Node&)>& make,
                                const std::function<void(const TxPtr&)>& admitted) override;
  std::string data_dir() const override { return config_.path(config_.data_dir); }
  std::chrono::steady_clock::time_point started() const override { return started_; }
  NodeResources resources() override;
  std::optional<int64_t> certificate_expires() const override { return certificate_expires_; }
  bool certificate_revoked(const Hash32& fingerprint) const override {
    auto r = revoked_.load();
    return r && std::binary_search(r->begin(), r->end(), fingerprint);
  }

  const AgentConfig& config() const { return config_; }
  const Hash32& chain_id() const { return chain_id_; }
  Transport& transport() { return *transport_; }
  SqliteBlockStore& store() { return *store_; }
  uint64_t height() const { return height_; }
  const SignaturePool& signature_pool() const { return *signatures_; }
  struct DroppedPeerMessages {
    uint64_t queue, signatures, not_validator, inbox, evidence;
  };
  DroppedPeerMessages dropped_peer_messages() const {
    return {dropped_over_queue_, dropped_over_signatures_, dropped_not_validator_, inbox_dropped_, dropped_evidence_};
  }
  std::string api_address() const { return api_bound_; }
  size_t equivocations_held() const { return equivocations_held_; }

 private:
  explicit Agent(AgentConfig c);
  void post(std::function<void()> fn);
  // Writes DATA/health.json for the supervisor (supervisor.h).
  void report_health();
  void loop();
  void handle(NodeOutput& out);
  TimeMs now_ms() const;

  AgentConfig config_;
  const CryptoSuite* suite_ = nullptr;
  Genesis genesis_;
  Hash32 chain_id_;
  std::unique_ptr<Log> log_;
  std::unique_ptr<AuditLog> audit_;
  FaultLayer faults_;
  std::unique_ptr<SqliteBlockStore> store_;
  std::unique_ptr<Node> node_;
  std::unique_ptr<SignaturePool> signatures_;  // transactions' signatures, off the node's thread
  std::unique_ptr<Transport> transport_;
  std::unique_ptr<Metrics> metrics_;
  std::shared_ptr<void> api_service_;  // outlives the server that calls it
  std::unique_ptr<grpc::Server> api_;
  std::string api_bound_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> inbox_;
  std::atomic<bool> stopping_{false};   // stop() was called
  std::atomic<bool> loop_stop_{false};  // the node thread may end (after the API and peers)
  std::thread thread_;
  std::thread metrics_thread_;  // metrics and the health report, once a second
  bool health_warned_ = false;
  std::mutex metrics_mu_;  // the metrics thread sleeps on metrics_cv_ between refreshes
  std::condition_variable metrics_cv_;
  std::atomic<uint64_t> height_{0};
  std::atomic<uint32_t> validators_{0};  // of the committed configuration
  std::atomic<std::shared_ptr<const std::set<NodeId>>> voters_;  // their ids
  Hash32 voters_hash_;  // the validator set they are of (node thread)
  void note_validators();  // on the node's thread
  TimeMs last_block_ms_ = 0;


  // Submission times of our clients' transactions, for commit latency.
  std::unordered_map<Hash32, std::chrono::steady_clock::time_point> submitted_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  // Members (node id -> organisation) as of the committed state, for peers.
  std::atomic<std::shared_ptr<const std::map<NodeId, std::string>>> members_;
  std::atomic<uint64_t> inbox_dropped_{0};
  std::atomic<size_t> equivocations_held_{0};
  PeerBudget budget_{PeerBudgetLimits::for_host(std::thread::hardware_concurrency())};  // per peer
  // Peer messages dropped before the node's thread, by why.
  std::atomic<uint64_t> dropped_over_queue_{0}, dropped_over_signatures_{0}, dropped_not_validator_{0},
      dropped_evidence_{0};
  std::atomic<int64_t> budget_logged_ms_{0};
  enum class DropReason { kQueue, kSignatures, kNotValidator, kEvidence };
  void note_dropped(const NodeId& from, DropReason why);
  // Equivocation evidence (DATA/equivocations.jsonl), on the node's thread.
  std::string equivocations_path() const;
  void keep_equivocations(const std::vector<HeldEquivocation>& fresh);
  void load_equivocations();
  std::optional<int64_t> certificate_expires_;  // read at start: see NodeHost
  // Certificates revoked by governance, sorted (ChainConfig::revoked).
  std::atomic<std::shared_ptr<const std::vector<Hash32>>> revoked_;
  void note_revoked();     // on the node's thread: from the committed configuration
  void note_membership();  // the same, members (links to the others end) and revocations
  std::unique_ptr<Signer> spare_signer_;  // the node key again: see resume_after_storage_failure
  TimeMs storage_retry_ms_ = 0;
  bool storage_waiting_logged_ = false;
  void hook_node();
  void resume_after_storage_failure();  // on the node's thread
  // Gossiped transactions dropped for a bad signature (a faulty peer's).
  void note_bad_gossip(const NodeId& from, size_t count);
  std::atomic<uint64_t> bad_gossip_{0};
  std::atomic<int64_t> bad_gossip_logged_ms_{-60'000};
  std::atomic<uint64_t> committed_txs_{0};
  std::atomic<double> latency_ms_{0};  // moving mean of commit latency
  CpuShare cpu_;
  friend class Metrics;
};

}  // namespace consortia::agent
