// Transaction signature checks on worker threads, for a process that hosts a
// node (the agent). Transactions arrive on API and peer threads; checking
// their signatures there, split over one worker per core, keeps the node's
// single event thread for consensus and execution, and lets one node use
// every core of its host for the part of its work that grows with load.
//
// The pool remembers the Merkle leaves it found valid (a leaf covers the
// whole transaction, signature included), so a transaction that arrives
// again, by another relay or inside a block, is not checked a second time;
// the node is told which leaves are valid (Node::with_prechecked) and skips
// them. A transaction that fails is not remembered: the node checks it again
// and refuses it with its own error.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "ledger/transaction.h"

namespace consortia {

class SignaturePool {
 public:
  // threads = 0: one per core (the calling thread works too, so a
  // single-core host gets no extra thread).
  // chain_id: the chain whose version 2 transactions it checks.
  SignaturePool(const CryptoSuite& suite, const Hash32& chain_id, unsigned threads = 0,
                size_t remembered = 400000);
  ~SignaturePool();
  SignaturePool(const SignaturePool&) = delete;
  SignaturePool& operator=(const SignaturePool&) = delete;

  // Checks the transactions' signatures, in parallel, and returns the leaves
  // of those that are valid (in no particular order). Safe from any thread;
  // returns when all are checked, or, with stop_at_bad, soon after one is
  // found bad (what was not checked is left out). A check that fails for
  // want of memory counts as not valid: the node checks it again.
  std::vector<Hash32> check(const std::vector<TxPtr>& txs, bool stop_at_bad = false);
  // Remembers a leaf found valid elsewhere (by the node's own check).
  void remember(const Hash32& leaf);
  // Whether a check of this leaf would be answered from memory (free).
  bool remembered(const Hash32& leaf) const;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()); }
  // Signatures actually verified, and those answered from memory.
  uint64_t verified() const;
  uint64_t remembered_hits() const;

 private:
  void work();
  bool known(const Hash32& leaf) const;
  void remember_locked(const Hash32& leaf);  // with mu_ held

  const CryptoSuite& suite_;
  const Hash32 chain_id_;
  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stop_ = false;
  std::unordered_set<Hash32> valid_;  // bounded: cleared when full
  uint64_t verified_ = 0, hits_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace consortia
