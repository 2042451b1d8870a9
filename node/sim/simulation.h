// The deterministic simulator: n real chain nodes in one thread over a virtual
// network and a virtual clock, driven by one seed. Same seed, same run.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chain/genesis.h"
#include "net/netem_rule.h"
#include "sim/scenario.h"

namespace consortia {
class BlockStore;
class CryptoSuite;
class Node;
struct Commit;
}  // namespace consortia

namespace consortia::sim {

struct Violation {
  std::string kind;  // fork, state_root, applied_twice, acknowledged_lost, liveness
  double at_s = 0;
  uint64_t height = 0;
  std::string detail;
};

struct Report {
  int nodes = 0;  // validators
  int instances = 0;
  uint64_t seed = 0;
  std::string scenario;
  std::string suite;
  bool modelled_crypto = false;
  double simulated_seconds = 0;
  double wall_seconds = 0;
  uint64_t committed_blocks = 0;
  uint64_t committed_txs = 0;
  uint64_t submitted_txs = 0;
  double throughput_tps = 0;
  double latency_p50_ms = 0, latency_p99_ms = 0, latency_max_ms = 0;
  uint64_t view_changes = 0;
  double messages_per_block = 0;
  double bytes_per_block = 0;
  uint64_t consensus_messages = 0;
  uint64_t consensus_bytes = 0;
  uint64_t dropped = 0, duplicated = 0, corrupted = 0, corrupted_rejected = 0;
  uint64_t rejected_inputs = 0;
  uint64_t equivocations_detected = 0;
  uint64_t refused_txs = 0;  // committed with a refusal receipt (e.g. a double spend)
  uint64_t crashes = 0, restarts = 0;
  uint64_t events = 0;
  uint64_t trace_digest = 0xcbf29ce484222325ULL;  // every event, folded (FNV-1a)
  std::vector<Violation> safety_violations;
  bool liveness_ok = true;
  std::string liveness_detail;
  uint64_t min_honest_height = 0;
  // governance: each proposal with its outcome ("enacted", "open",
  // "refused:<reason>"), a readable log, and how the run ended
  std::vector<std::pair<std::string, std::string>> governance;
  std::vector<std::string> log;
  std::vector<std::pair<int, std::string>> halted;  // instance, reason
  uint32_t final_version = 1;
  size_t final_validators = 0;
  std::vector<uint64_t> qc_signatures;  // per instance: votes in committed certificates
  // With Scenario::keep_chains: each instance's name and committed block
  // hashes from height 1.
  std::vector<std::pair<std::string, std::vector<Hash32>>> chains;

  bool passed(const Scenario& s) const;
  std::string to_json() const;
  std::string to_text() const;
};

// A network given from outside, for running live (the agent's simulated
// sandbox): its genesis and each member's private key, validators then
// observers in genesis order. Nodes' clocks read epoch_ms + simulated time.
struct LiveNetwork {
  Genesis genesis;
  std::vector<Bytes> private_keys;
  int64_t epoch_ms = 0;
};

// Traffic on the link from one instance to another so far.
struct LinkStats {
  double base_rtt_ms = 0;  // the link's latency both ways, before any rule
  uint64_t messages = 0, dropped = 0, bytes = 0;
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
  using LinkPolicy = std::function<std::optional<LinkRule>(int from, int to)>;
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
