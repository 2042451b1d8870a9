// What one peer may cost this node: bytes of its messages waiting for the
// node's thread, and transaction signatures its gossip makes the host check.
// A member (even an observer) could otherwise queue megabytes faster than
// the node consumes them, or keep the signature pool busy with batches of
// transactions from keys made for the purpose; with a budget each, one peer
// fills its own share and is named, and the others' messages still pass.
//
// Called on the transport's threads (one per peer stream) and the node's.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>

#include "core/bytes.h"

namespace consortia::agent {

struct PeerBudgetLimits {
  // Messages received and not yet handled by the node, in wire bytes.
  size_t queued_bytes_per_peer = 64u << 20;
  size_t queued_bytes_total = 256u << 20;
  // And in messages: small ones cost the node's thread a turn each.
  size_t queued_messages_per_peer = 10'000;
  // Gossiped transactions whose signatures are checked, per peer: a token
  // bucket. About what the host can check (for_host): an honest peer that
  // is every client's entry point relays no more than the chain commits,
  // and a chain commits no more than its hosts can check.
  double signatures_per_s = 20'000;
  double signature_burst = 40'000;
  // A transaction whose signature does not verify costs this many tokens:
  // a peer relays only what it admitted, so a bad one is its doing.
  double bad_signature_cost = 1'000;
  // Votes, timeouts and proposals from a member this node does not count as
  // a validator: a validator just promoted (its first statements may come
  // before this node commits the promotion) sends a few per view; an
  // observer sending them gets no more than this.
  double statements_per_s = 50;
  double statement_burst = 100;
  // Equivocation evidence: each node passes a piece on once, and holds at
  // most 16 against one offender, so an honest peer sends a few; each costs
  // the node's thread two signature checks.
  double evidence_per_s = 4;
  double evidence_burst = 64;

  // 10,000 signature checks a second per core of the host, a burst of two
  // seconds' worth.
  static PeerBudgetLimits for_host(unsigned cores) {
    PeerBudgetLimits l;
    l.signatures_per_s = 10'000.0 * std::max(1u, cores);
    l.signature_burst = 2 * l.signatures_per_s;
    return l;
  }
};

class PeerBudget {
 public:
  explicit PeerBudget(PeerBudgetLimits limits = {}) : limits_(limits) {}

  // Takes `bytes` and one message of queue for a message from `peer`: false
  // when that would pass the peer's bounds or the total of bytes (the
  // message is then dropped).
  bool enqueue(const NodeId& peer, size_t bytes);
  // Gives them back once the node handled the message.
  void dequeue(const NodeId& peer, size_t bytes);
  // Whether a non-validator's vote, timeout or proposal may pass now; takes it.
  bool take_statement(const NodeId& peer, int64_t now_ms);
  // Whether a piece of equivocation evidence from the peer may pass now; takes it.
  bool take_evidence(const NodeId& peer, int64_t now_ms);
  // Whether the peer's budget covers checking n signatures now; takes them.
  bool take_signatures(const NodeId& peer, size_t n, int64_t now_ms);
  // Charges the peer for transactions it sent whose signatures were bad.
  void charge_bad(const NodeId& peer, size_t n, int64_t now_ms);

  size_t queued_bytes() const;
  size_t queued_bytes(const NodeId& peer) const;
  const PeerBudgetLimits& limits() const { return limits_; }

 private:
  struct Bucket {
    bool filled = false;  // starts full
    double tokens = 0;
    int64_t refilled_ms = 0;
  };
  struct Peer {
    size_t queued = 0, messages = 0;
    Bucket statements, evidence;
    bool filled = false;  // the bucket starts full
    double tokens = 0;    // below zero: in debt for bad signatures
    int64_t refilled_ms = 0;
  };
  void refill(Peer& p, int64_t now_ms) const;
  bool take(Bucket& b, double rate, double burst, int64_t now_ms) const;

  const PeerBudgetLimits limits_;
  mutable std::mutex mu_;
  std::map<NodeId, Peer> peers_;  // members only: the transport admits no one else
  size_t queued_ = 0;
};

}  // namespace consortia::agent
