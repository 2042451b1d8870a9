// What a simulation run found: throughput, latency, traffic, faults seen and
// what the checkers said. Deterministic: the same seed gives the same report
// (no wall time in it; callers time runs themselves), including a digest of
// every event the run processed.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/bytes.h"
#include "sim/scenario.h"

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
  uint64_t committed_blocks = 0;
  uint64_t committed_txs = 0;
  uint64_t submitted_txs = 0;
  double throughput_tps = 0;
  double latency_p50_ms = 0, latency_p99_ms = 0, latency_max_ms = 0;
  // Transactions submitted after the first minute (runs longer than two
  // minutes): the chain once it has settled, e.g. the leader rotation has
  // learned which validators are silent.
  static constexpr double kWarmupSeconds = 60;
  struct Settled {
    bool measured = false;
    uint64_t submitted = 0, committed = 0;
    double p50_ms = 0, p99_ms = 0;
  } settled;
  uint64_t view_changes = 0;
  uint64_t reoffered_txs = 0;  // clients' transactions gossiped again (Node::reoffered), all nodes
  double messages_per_block = 0;
  double bytes_per_block = 0;
  // Every message sent, by type ("proposal", "tx_batch", ...): count and bytes.
  std::map<std::string, std::pair<uint64_t, uint64_t>> traffic_by_type;
  uint64_t consensus_messages = 0;
  uint64_t consensus_bytes = 0;
  uint64_t dropped = 0, duplicated = 0, corrupted = 0, corrupted_rejected = 0;
  uint64_t retransmitted = 0;
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
  std::vector<std::pair<int, std::string>> byzantine;  // validator index, behaviour
  // With Scenario::keep_chains: each instance's name and committed block
  // hashes from height 1.
  std::vector<std::pair<std::string, std::vector<Hash32>>> chains;

  bool passed(const Scenario& s) const;
  std::string to_json() const;
  // `wall_seconds` > 0: how long the run took, for people (not part of the report).
  std::string to_text(double wall_seconds = 0) const;
};

}  // namespace consortia::sim
