// The replicated state: an ordered key/value map held as immutable snapshots.
// Executing a block is a pure function of (parent snapshot, transactions), so
// a snapshot may be shared by every node (and every simulated node) that
// executes the same block on the same parent.
//
// Keys: "n/<sender id hex>" -> nonce of the next transaction (8 bytes LE)
//       "k/<sender id hex>/<key>" -> value written by a put transaction
// The state root is the Merkle root over the sorted entries'
// leaves H(0x00 || len(key) || key || value).
#pragma once

#include <map>
#include <optional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/transaction.h"
#include "state/governance.h"

namespace consortia {

class StateSnapshot;
using StatePtr = std::shared_ptr<const StateSnapshot>;

class StateSnapshot {
 public:
  struct Entry {
    Bytes value;
    Hash32 leaf;
  };

  static StatePtr empty(const CryptoSuite& suite);
  // Rebuilds a snapshot from stored entries (storage reload).
  static StatePtr from_entries(const CryptoSuite& suite, std::map<std::string, Bytes> entries);

  const Hash32& root() const { return root_; }
  const std::map<std::string, Entry>& entries() const { return entries_; }
  // Keys written by the block that produced this snapshot (for storage).
  const std::vector<std::string>& touched() const { return touched_; }
  uint64_t next_nonce(const NodeId& sender) const;
  const Bytes* get(const std::string& key) const;

  // An inclusion proof for one entry against root(): the entry's leaf, its
  // Merkle path and the entry count the root commits to.
  struct Proof {
    Bytes value;
    MerkleProof path;
  };
  std::optional<Proof> prove(const CryptoSuite& suite, const std::string& key) const;
  static Hash32 leaf(const CryptoSuite& suite, const std::string& key, ByteView value);
  // root = H(0x02 || entry count || Merkle root of the leaves): the count is
  // bound, so a proof cannot be replayed against another tree shape.
  static Hash32 root_of(const CryptoSuite& suite, const Hash32& merkle_root, uint64_t count);
  static bool verify(const CryptoSuite& suite, const Hash32& root, const std::string& key,
                     ByteView value, const MerkleProof& path);

  static std::string nonce_key(const NodeId& sender);
  static std::string receipt_key(const Hash32& tx_id) { return "x/" + tx_id.hex(); }
  static std::string data_key(const NodeId& sender, std::string_view key);

 private:
  friend class StateMachine;
  std::map<std::string, Entry> entries_;
  std::unordered_map<NodeId, uint64_t> nonces_;  // index over the "n/" entries
  std::vector<std::string> touched_;
  Hash32 root_;
  void recompute_root(const CryptoSuite& suite);
};

struct StateLimits {
  static constexpr uint64_t kMaxNonceGap = 1024;
};

// What a block contributes to its execution besides its transactions.
struct BlockContext {
  uint64_t height = 0;
  uint32_t protocol_version = 1;
  NodeId proposer;  // recorded as alive (governance liveness); zero: not recorded
  uint64_t timestamp_ms = 0;
  // Leader reputation (protocol 3 on, state/leader_activity.h): who signed
  // the certificate the block carries, the leaders of the views it skipped,
  // and how many validators the block's rules have.
  std::vector<NodeId> voters;
  std::vector<NodeId> failed_leaders;
  uint32_t validators = 0;
  auto operator<=>(const BlockContext&) const = default;
};

// Applies transactions. Refuses a block whose transaction has a nonce other
// than the sender's next nonce or a malformed payload: such a block is
// invalid, so a transaction can never be applied twice. A well-formed
// transaction that its contract refuses (e.g. a digest anchored before)
// consumes its nonce and leaves a receipt "x/<tx id>" holding the ErrorCode.
class StateMachine {
 public:
  // `configs`: where decoded chain configurations are kept (none: decoded
  // each time they are needed).
  explicit StateMachine(const CryptoSuite& suite, ConfigCache* configs = nullptr)
      : suite_(suite), configs_(configs) {}
  Result<StatePtr> apply(const StatePtr& parent, const std::vector<TxPtr>& txs,
                         const BlockContext& ctx = {}) const;
  // Checks one transaction against a state without applying it.
  Status check(const StateSnapshot& state, const Transaction& tx) const;
  // Checks a transaction's payload on its own (admission and block validity).
  static Status check_payload(const Transaction& tx);

 private:
  const CryptoSuite& suite_;
  ConfigCache* configs_;
};

// Memoises StateMachine::apply by (parent root, tx root), and holds the
// decoded chain configurations. Sharing one cache between nodes is sound
// because execution is a pure function of its inputs.
class ExecutionCache {
 public:
  ConfigCache& configs() { return configs_; }
  explicit ExecutionCache(size_t capacity = 256) : capacity_(capacity) {}
  Result<StatePtr> apply(const StateMachine& sm, const StatePtr& parent, const Hash32& tx_root,
                         const std::vector<TxPtr>& txs, const BlockContext& ctx = {});
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  struct Key {
    Hash32 parent, txs;
    BlockContext ctx;
    auto operator<=>(const Key&) const = default;
  };
  size_t capacity_;
  ConfigCache configs_;
  std::map<Key, StatePtr> map_;
  std::vector<Key> order_;
  size_t next_evict_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace consortia
