// The deterministic simulator: n real chain nodes in one thread over a virtual
// network and a virtual clock, driven by one seed. Same seed, same run.
//
// The parts, one file each: the event queue (event.h), the virtual network
// (network.h, with the shared netem link model), Byzantine behaviours
// (byzantine.h), the checkers (checkers.h), the clients (workload.h), the
// governance driver (governance_driver.h) and the report (report.h). This
// file's Simulation puts them together: instances, their clocks and CPU, the
// fault timeline, and the live mode the agent's simulated sandbox uses.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chain/genesis.h"
#include "net/netem_rule.h"
#include "sim/network.h"
#include "sim/report.h"
#include "sim/scenario.h"

namespace consortia {
class BlockStore;
class CryptoSuite;
class Node;
struct Commit;
}  // namespace consortia

namespace consortia::sim {

// A network given from outside, for running live (the agent's simulated
// sandbox): its genesis and each member's private key, validators then
// observers in genesis order. Nodes' clocks read epoch_ms + simulated time.
struct LiveNetwork {
  Genesis genesis;
  std::vector<Bytes> private_keys;
  int64_t epoch_ms = 0;
};

class Simulation {
 public:
  explicit Simulation(Scenario s);
  Simulation(Scenario s, LiveNetwork net);
  ~Simulation();
  // A whole run, as the scenario says.
  Result<Report> run();

  // Live: set up once, then advance with the caller's clock. Between calls
  // the caller may look at and feed the nodes (one thread at a time).
  Status start();
  void advance_to(double seconds);
  double now_s() const;
  int instances() const;
  NodeId id(int instance) const;
  Node* node(int instance);  // nullptr while it is down
  BlockStore& store(int instance);
  const CryptoSuite& crypto() const;
  double busy_seconds(int instance) const;  // CPU time the simulator charged it
  // Moving mean commit latency of the workload transactions it took (live runs).
  double commit_latency_ms(int instance) const;
  // Hands a transaction to a node at the current time (it gossips it on).
  Status submit(int instance, const TxPtr& tx);
  // Rules for links on top of the scenario's: for (from, to) the rule to add,
  // or nullopt to drop the message.
  using LinkPolicy = VirtualNetwork::LinkPolicy;
  void set_link_policy(LinkPolicy p);
  LinkStats link_stats(int from, int to) const;
  // Called for every block an instance commits, as it commits it.
  using CommitObserver = std::function<void(int instance, const Commit& c)>;
  void set_commit_observer(CommitObserver o);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace consortia::sim
