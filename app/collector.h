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
  ~Collector() override;

 public slots:
  void start(int interval_ms);
  void poll_now();
  // Applies a netem-style rule on a node's egress to all its peers (an
  // operator call); the outcome comes back as control_done.
  void apply_fault(int node, QString rule);
  void clear_faults(int node);
  // Cuts the nodes in `group` from all the others, both ways (each side
  // drops the other's traffic); clear_all_faults heals it.
  void partition(QList<int> group);
  void clear_all_faults();

 signals:
  void snapshot(consortia::console::NetworkState state);
  // The fault analysis of the latest snapshot (and of recent history).
  void findings(std::vector<consortia::console::Finding> found);
  // The last ten minutes of samples per node (from history), every few seconds.
  void series(std::map<std::string, std::vector<consortia::console::Sample>> by_node);
  // ok, and a message for the user (the agent's reason code on failure).
  void control_done(bool ok, QString message);

 private:
  void analyse(const NetworkState& s);
  static constexpr double kStormPerMinute = 10;
  int64_t last_series_ = 0;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  QTimer* timer_ = nullptr;
};

}  // namespace consortia::console

Q_DECLARE_METATYPE(consortia::console::NetworkState)
Q_DECLARE_METATYPE(std::vector<consortia::console::Finding>)
