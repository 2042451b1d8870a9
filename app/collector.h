// Polls every agent of a network for its status and publishes network
// snapshots. Threading contract: a Collector lives on its own QThread; every
// public slot runs there, through that thread's event loop; gRPC calls block
// only that thread (each has a deadline). Signals reach the GUI thread
// queued.
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "chain/evidence_proof.h"
#include "consortia/v1/agent.pb.h"
#include "core/alerts.h"
#include "core/analysis.h"
#include "core/network_state.h"

namespace consortia::agent {
struct ClientIdentity;
}

namespace consortia::console {

class History;

struct Endpoint {
  std::string name, organisation, api_address, metrics_address, id_hex;
};

// What the node detail shows beyond status, fetched when asked.
struct NodeDetail {
  int node = -1;
  std::vector<std::string> log, audit;  // newest last
  std::string log_level;
  std::string error;                    // why something could not be read
  v1::HostInfo host;
  std::vector<v1::BlockInfo> blocks;    // newest first
};

// One explorer lookup: a block, a transaction, or an evidence proof checked
// against the validator keys the console trusts (the network's genesis).
struct ExplorerResult {
  enum class Kind { kNone, kBlock, kTransaction, kEvidence } kind = Kind::kNone;
  std::string query, node, error;
  v1::BlockInfo block;
  v1::TransactionInfo tx;
  std::string evidence_digest_hex;  // a transaction's evidence record
  EvidenceProof proof;
  ProofVerdict verdict;
};

// Alerts as the Alerts tab shows them: what holds now and the recent record.
struct AlertsView {
  std::vector<AlertRecord> records;  // newest first; cleared_ms 0 = active
  AlertRules rules;
};

class Collector : public QObject {
  Q_OBJECT
 public:
  // `viewer` reads; `operator_for` gives the operator identity for a node's
  // organisation (control calls), or null when the console has none.
  using OperatorFor = std::function<std::shared_ptr<const agent::ClientIdentity>(const std::string& organisation)>;
  Collector(std::vector<Endpoint> endpoints, std::shared_ptr<const agent::ClientIdentity> identity,
            OperatorFor operator_for = {});
  // Every snapshot is recorded under `network` (used on this thread only).
  void set_history(std::shared_ptr<History> history, std::string network);
  // The validator keys evidence proofs are checked against.
  void set_trusted_validators(std::vector<Bytes> keys, const CryptoSuite* suite);
  void set_alert_rules_now(const AlertRules& r);
  ~Collector() override;

 public slots:
  void start(int interval_ms);
  void poll_now();
  // Applies a netem-style rule on a node's egress to all its peers (an
  // operator call); the outcome comes back as control_done.
  void apply_fault(int node, QString rule);
  void clear_faults(int node);
  // The rule on the link from `node` to one peer only (its egress).
  void apply_link_fault(int node, QString peer_hex, QString rule);
  // Cuts the nodes in `group` from all the others, both ways (each side
  // drops the other's traffic); clear_all_faults heals it.
  void partition(QList<int> group);
  void clear_all_faults();
  // Log tail (at `min_level`), audit entries, host info and recent blocks.
  void fetch_detail(int node, QString min_level);
  void set_log_level(int node, QString level);
  // A height, a block hash or transaction id (64 hex), or with `evidence`
  // a document digest, looked up on `node`.
  void explore(int node, QString query, bool evidence);
  void set_alert_rules(consortia::console::AlertRules rules);
  // Charts cover the last `range_ms`.
  void set_chart_range(qint64 range_ms);
  // The network as history saw it at `t_ms` (replay), and what history covers.
  void replay_at(qint64 t_ms);
  void query_time_range();

 signals:
  void detail(consortia::console::NodeDetail d);
  void explored(consortia::console::ExplorerResult r);
  void alerts(consortia::console::AlertsView v);
  void replayed(consortia::console::NetworkState s);
  void time_range(qint64 first_ms, qint64 last_ms);
  void snapshot(consortia::console::NetworkState state);
  // The fault analysis of the latest snapshot (and of recent history).
  void findings(std::vector<consortia::console::Finding> found);
  // The last ten minutes of samples per node (from history), every few seconds.
  void series(std::map<std::string, std::vector<consortia::console::Sample>> by_node);
  // ok, and a message for the user (the agent's reason code on failure).
  void control_done(bool ok, QString message);

 private:
  void analyse(const NetworkState& s);
  void check_alerts(const NetworkState& s, const std::map<std::string, std::vector<Sample>>& recent);
  static constexpr double kStormPerMinute = 10;
  int64_t last_series_ = 0;
  int64_t chart_range_ms_ = 600'000;
  int64_t last_alerts_emit_ = 0;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  QTimer* timer_ = nullptr;
};

}  // namespace consortia::console

Q_DECLARE_METATYPE(consortia::console::NetworkState)
Q_DECLARE_METATYPE(std::vector<consortia::console::Finding>)
Q_DECLARE_METATYPE(consortia::console::NodeDetail)
Q_DECLARE_METATYPE(consortia::console::ExplorerResult)
Q_DECLARE_METATYPE(consortia::console::AlertsView)
Q_DECLARE_METATYPE(consortia::console::AlertRules)
