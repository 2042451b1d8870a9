// Pending transactions. Admission checks everything that does not depend on
// ordering (signature, size, nonce window, duplicates, capacity); a
// transaction's signature is verified once per node and remembered, so a
// block carrying it later costs no second verification.
#pragma once

#include <functional>
#include <map>
#include <unordered_set>

#include <absl/container/btree_map.h>
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>

#include "state/state.h"

namespace consortia {

// A transaction id is a digest, but of content its sender chooses: ids
// ground to share their first bytes would crowd one slot of a table hashed
// by those bytes. Abseil's hash is keyed per process, so a peer cannot know
// which ids collide on a node. For tables nothing iterates (the key would
// otherwise make simulator runs differ).
struct DigestHash {
  size_t operator()(const Hash32& h) const {
    return absl::Hash<std::pair<uint64_t, uint64_t>>{}({h.word(0), h.word(1)});
  }
};

struct MempoolConfig {
  size_t max_txs = 200000;
  size_t max_tx_bytes = 96 * 1024;
  size_t max_block_txs = 2000;
  size_t signature_cache = 400000;
  // How far past a sender's committed nonce a transaction gossiped by a peer
  // is held. Wider than the chain's window (StateLimits::kMaxNonceGap),
  // which clients submitting here get: the entry node checked it against its
  // own committed state, which may be a block or two ahead of this one, and
  // a transaction refused here would be held by its entry node alone, waiting
  // for that node's turn to lead. Held is not proposed: select() takes only
  // the next nonce of each sender.
  uint64_t peer_nonce_gap = 4 * StateLimits::kMaxNonceGap;
  // A sender whose lowest pending nonce is past its next one cannot be
  // proposed until the missing one arrives: held. Held queues are dropped
  // after held_ttl_ms (expire()), and a full pool makes room for a
  // transaction that is ready by dropping a held one. Without these, keys
  // made for the purpose could fill every node's pool for good.
  int64_t held_ttl_ms = 60'000;
  size_t expire_batch = 20'000;  // senders looked at per expire()
};

class Mempool {
 public:
  // chain_id: the chain whose transactions it holds (version 2 transactions
  // sign it). It admits version 1 transactions until set_tx_version() says
  // otherwise.
  Mempool(const CryptoSuite& suite, MempoolConfig cfg, const Hash32& chain_id = Hash32{})
      : suite_(suite), cfg_(cfg), chain_id_(chain_id) {}

  // The transaction version the chain's protocol takes now
  // (Transaction::version_for): others are refused, and those pending are
  // dropped when it changes. Returns how many were dropped.
  size_t set_tx_version(uint8_t version);
  uint8_t tx_version() const { return tx_version_; }

  // committed: the state after the last committed block (for nonce checks).
  // A client's transaction, within the chain's nonce window.
  Status add(const TxPtr& tx, const StateSnapshot& committed) { return add(tx, committed, StateLimits::kMaxNonceGap); }
  // A transaction a peer passed on, within MempoolConfig::peer_nonce_gap.
  Status add_from_peer(const TxPtr& tx, const StateSnapshot& committed) {
    return add(tx, committed, cfg_.peer_nonce_gap);
  }
  // Transactions that can follow parent_state, in per-sender nonce order:
  // at most max of them and max_bytes encoded (a sender's run stops at the
  // first that does not fit; other senders' smaller ones may still), and of
  // `version` only (0: the one set_tx_version() gave) — the block that
  // activates a protocol may take another version than the committed one.
  std::vector<TxPtr> select(const StateSnapshot& parent_state, size_t max, size_t max_bytes = SIZE_MAX,
                            uint8_t version = 0) const;
  bool has_ready(const StateSnapshot& parent_state) const;
  // Drops what a committed block included and what its state made stale.
  void on_commit(const std::vector<TxPtr>& txs, const StateSnapshot& committed);
  // Drops the queues of senders held for held_ttl_ms or more (see
  // MempoolConfig); looks at expire_batch senders per call, in turn.
  // Returns how many transactions it dropped.
  size_t expire(const StateSnapshot& committed, int64_t now_ms);
  uint64_t evicted() const { return evicted_; }

  // Verifies a transaction's signature unless this node already did.
  bool verify_cached(const Transaction& tx);
  // Leaves whose signatures this process checked elsewhere (SignaturePool),
  // taken as verified until the call with null: only for the message or
  // submission they came with, so what the node does not keep is not
  // remembered (a peer replaying old transactions cannot flush the cache).
  void set_prechecked(const std::unordered_set<Hash32>* leaves) { prechecked_ = leaves; }
  // Told the leaf of every signature this mempool verifies itself and finds
  // valid, so a host that checks arriving transactions elsewhere need not
  // check that one again when it arrives later (gossip after a proposal).
  void set_verified_hook(std::function<void(const Hash32&)> f) { verified_hook_ = std::move(f); }

  // A client's transaction this node admitted itself (Node::submit). Seeing
  // it committed is this node's charge: if its gossip was lost and this node
  // does not lead (a validator whose votes come last may never be chosen),
  // no other node would ever propose it.
  void mark_local(const TxPtr& tx);
  // This node's own transactions to offer to the peers again. A sender is
  // stuck when its next nonce on `committed` did not move while `patience`
  // committed blocks with room to spare went by (`room_blocks` counts them
  // since the node started): the leaders had space and did not take it, so
  // they lack it. Where a stuck sender's next transaction is this node's own,
  // its own ones in the run of consecutive nonces held here from that one
  // on are returned, within max transactions and max_bytes in all. Each
  // offer doubles the sender's patience (up to 64 times), until it moves.
  // Full blocks (a backlog) and a slow chain make no sender stuck. Walks
  // only the senders with transactions of this node's own.
  std::vector<TxPtr> stuck_local(const StateSnapshot& committed, uint64_t room_blocks, uint64_t patience,
                                 size_t max, size_t max_bytes);
  size_t local() const { return local_.size(); }

  size_t size() const { return by_id_.size(); }
  // The first nonce at or after `from` that no pending transaction of
  // `sender` holds: the next one a signer elsewhere should use.
  uint64_t next_free_nonce(const NodeId& sender, uint64_t from) const {
    auto s = by_sender_.find(sender);
    if (s == by_sender_.end()) return from;
    for (auto it = s->second.lower_bound(from); it != s->second.end() && it->first == from; ++it) ++from;
    return from;
  }
  // Senders with transactions pending.
  size_t senders() const { return by_sender_.size(); }
  // A pending transaction by its Merkle leaf (which covers its signature), or null.
  TxPtr find_by_leaf(const Hash32& leaf) const {
    auto it = by_leaf_.find(leaf);
    return it == by_leaf_.end() ? nullptr : it->second;
  }
  uint64_t verifications() const { return verifications_; }

 private:
  void remove(const TxPtr& tx);
  void drop_sender(std::map<NodeId, absl::btree_map<uint64_t, TxPtr>>::iterator s);
  // Drops the newest transaction of a held sender other than `except`;
  // false when none was found among the senders probed.
  bool evict_held(const StateSnapshot& committed, const NodeId& except);
  Status add(const TxPtr& tx, const StateSnapshot& committed, uint64_t max_gap);
  const CryptoSuite& suite_;
  MempoolConfig cfg_;
  Hash32 chain_id_;
  uint8_t tx_version_ = Transaction::kVersionUnbound;
  // Open-addressing tables and B-trees: every node admits and later drops
  // every transaction, so these are among a node's hottest structures.
  absl::flat_hash_map<Hash32, TxPtr, DigestHash> by_id_;
  absl::flat_hash_map<Hash32, TxPtr, DigestHash> by_leaf_;  // the same transactions
  std::map<NodeId, absl::btree_map<uint64_t, TxPtr>> by_sender_;
  absl::flat_hash_set<Hash32, DigestHash> verified_;  // leaves verified outside the pool (e.g. in blocks)
  const std::unordered_set<Hash32>* prechecked_ = nullptr;
  // Checked already: by this mempool, or by the host for the current call.
  bool known_valid(const Hash32& leaf) const {
    return verified_.count(leaf) || (prechecked_ && prechecked_->count(leaf));
  }
  struct NonceMemo {
    Hash32 root, sender;
    uint64_t next = 0;
  } nonce_memo_;  // the committed next nonce of the last sender admitted
  uint64_t verifications_ = 0;
  absl::flat_hash_set<Hash32, DigestHash> local_;  // ids: see mark_local
  absl::btree_map<NodeId, size_t> local_senders_;  // how many of local_ each sender has
  struct Watch {
    uint64_t next, since;  // the sender's next nonce, and room_blocks when it was first seen there
    uint32_t offers = 0;   // since it last moved
  };
  std::map<NodeId, Watch> watched_;  // senders whose next transaction is ours, at the last stuck_local()
  std::function<void(const Hash32&)> verified_hook_;
  mutable NodeId cursor_;  // select() starts after the last sender served: no starvation
  std::map<NodeId, int64_t> held_since_;  // senders seen held by expire(), since when
  NodeId expire_cursor_, evict_cursor_;
  uint64_t evicted_ = 0;
};

}  // namespace consortia
