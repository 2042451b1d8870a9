// One simulated node instance: the real Node over an in-memory store, with
// what the simulator keeps about it (its CPU clock, skew, software version,
// Byzantine role). Validators are instances 0..n-1 in genesis order,
// observers follow, then the twins of twinned validators.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "chain/node.h"
#include "sim/scenario.h"
#include "storage/block_store.h"

namespace consortia::sim {

// The seed of a run's key number `i` of a kind ("validator", "observer",
// "client", "admin").
inline Hash32 key_seed(uint64_t run_seed, const std::string& what, int i) {
  return sha256(as_bytes("consortia-sim/" + std::to_string(run_seed) + "/" + what + "/" + std::to_string(i)));
}

// The chain the simulated clients sign for: its id, and the protocol of
// its next block (which transaction version), as a running node says.
using ChainOf = std::function<TxChain()>;

struct Instance {
  int index = 0;
  int validator = 0;  // the member it runs as (a twin shares its validator's)
  Hash32 seed;
  NodeId id;
  ByzantineKind byz = ByzantineKind::kNone;
  std::unique_ptr<MemoryBlockStore> store;
  std::unique_ptr<Node> node;
  std::unique_ptr<Signer> signer;  // the same key, for crafting Byzantine messages
  bool up = false;
  uint64_t incarnation = 0;   // bumped by a crash: events for an earlier life are stale
  int64_t busy_until = 0;     // its CPU is busy until then (us)
  int64_t skew_us = 0;        // its clock's offset
  int64_t tick_at = -1;       // the tick event in the queue, if any
  uint64_t height = 0;        // committed, as it last said
  uint64_t debug_timeouts = 0;
  uint32_t max_version = kMaxProtocolVersion;  // the software it runs
  uint64_t qc_signatures = 0;  // votes of this node in committed certificates
  int64_t busy_total_us = 0;   // CPU time charged so far
  double latency_ms = 0;       // live: moving mean commit latency of the workload it took
  Bytes private_key;           // live: the member's own key instead of one from the seed

  bool honest() const { return byz == ByzantineKind::kNone; }
  std::unique_ptr<Signer> key(const CryptoSuite& c) const {
    if (private_key.empty()) return c.signer_from_seed(seed);
    auto s = c.signer_from_private(private_key);
    return s ? std::move(*s) : nullptr;
  }
};

}  // namespace consortia::sim
