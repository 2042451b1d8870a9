// The deterministic simulator: n real chain nodes in one thread over a virtual
// network and a virtual clock, driven by one seed. Same seed, same run.
#pragma once

#include <memory>
#include <string>
#include <vector>

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

  bool passed(const Scenario& s) const;
  std::string to_json() const;
  std::string to_text() const;
};

class Simulation {
 public:
  explicit Simulation(Scenario s);
  ~Simulation();
  Result<Report> run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace consortia::sim
