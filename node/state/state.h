// The replicated state: an ordered key/value map held as immutable snapshots.
// Executing a block is a pure function of (parent snapshot, transactions), so
// a snapshot may be shared by every node (and every simulated node) that
// executes the same block on the same parent.
//
// Keys: "n/<sender id hex>" -> nonce of the next transaction (8 bytes LE)
//       "k/<sender id hex>/<key>" -> value written by a put transaction
// Entries live in a StateTree, shared between snapshots; the state root
// commits to them as the block's protocol version says (StateCommitment).
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/transaction.h"
#include "state/governance.h"
#include "state/state_tree.h"

namespace consortia {

class StateSnapshot;
using StatePtr = std::shared_ptr<const StateSnapshot>;

// How a state root commits to the entries. Protocol versions up to 3 use
// the Merkle root over the sorted entries' leaves (a write moves the leaves
// after it, so the root costs O(n) each block); from version 4 the root is
// the state trie's (state/state_tree.h), O(log n) per write.
enum class StateCommitment : uint8_t { kSortedLeaves, kTrie };
inline constexpr uint32_t kFirstTrieProtocolVersion = 4;
inline StateCommitment commitment_for(uint32_t protocol_version) {
  return protocol_version >= kFirstTrieProtocolVersion ? StateCommitment::kTrie
                                                       : StateCommitment::kSortedLeaves;
}

class StateSnapshot {
 public:
  using Entry = StateTree::Entry;

  // The empty state and a state rebuilt from stored entries (genesis,
  // storage reload), committed to as `protocol_version` says.
  static StatePtr empty(const CryptoSuite& suite, uint32_t protocol_version);
  static StatePtr from_entries(const CryptoSuite& suite, std::map<std::string, Bytes> entries,
                               uint32_t protocol_version);

  const Hash32& root() const { return root_; }
  StateCommitment commitment() const { return commitment_; }
  size_t size() const { return tree_.size(); }
  // Calls f(entry) for the entries whose key starts with `prefix`, in key
  // order, until f returns false.
  template <class F>
  void scan(std::string_view prefix, F&& f) const {
    tree_.scan(prefix, std::forward<F>(f));
  }
  // Keys written by the block that produced this snapshot (for storage), in
  // key order, and beside each the entry it holds now (null: deleted), so
  // storage need not look them up again.
  const std::vector<std::string>& touched() const { return touched_; }
  const std::vector<Ref<Entry>>& touched_entries() const { return touched_entries_; }
  uint64_t next_nonce(const NodeId& sender) const;
  // Pointers returned by get, find and floor, and a scan in progress, stay
  // valid as long as the snapshot does, except within StateMachine::apply,
  // where a write to the snapshot being built may free what they point to.
  const Bytes* get(std::string_view key) const;
  const Entry* find(std::string_view key) const { return tree_.find(key); }
  // The entry with the greatest key not above `key`.
  const Entry* floor(std::string_view key) const { return tree_.floor(key); }
  // What keeping this snapshot costs beyond its parent, in bytes.
  uint64_t own_bytes() const;

  // An inclusion proof for one entry against root(). Sorted leaves: the
  // entry's index, the leaf count and the audit path; trie: the sibling
  // hashes from the entry up (index and leaf_count zero).
  struct Proof {
    Bytes value;
    MerkleProof path;
  };
  // O(log n) with the trie commitment, O(n) with sorted leaves. Safe to call
  // from any thread: a snapshot never changes.
  std::optional<Proof> prove(const CryptoSuite& suite, const std::string& key) const;
  static Hash32 leaf(const CryptoSuite& suite, const std::string& key, ByteView value);
  // Sorted leaves: root = H(0x02 || entry count || Merkle root of the leaves),
  // so a proof cannot be replayed against another tree shape.
  static Hash32 root_of(const CryptoSuite& suite, const Hash32& merkle_root, uint64_t count);
  // Trie: root = H(0x04 || trie root).
  static Hash32 trie_root_of(const CryptoSuite& suite, const Hash32& trie_root);
  static bool verify(const CryptoSuite& suite, StateCommitment commitment, const Hash32& root,
                     const std::string& key, ByteView value, const MerkleProof& path);

  static std::string nonce_key(const NodeId& sender);
  static std::string receipt_key(const Hash32& tx_id) { return "x/" + tx_id.hex(); }
  static std::string data_key(const NodeId& sender, std::string_view key);

 private:
  friend class StateMachine;
  StateTree tree_;
  std::vector<std::string> touched_;
  std::vector<Ref<Entry>> touched_entries_;
  Hash32 root_;
  StateCommitment commitment_ = StateCommitment::kSortedLeaves;
  void seal(const CryptoSuite& suite);
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
// because execution is a pure function of its inputs. It keeps at most
// `capacity` results and at most `byte_budget` bytes of what they hold
// beyond their parents (snapshots share the rest), evicting the oldest.
class ExecutionCache {
 public:
  static constexpr uint64_t kDefaultBytes = 64ull << 20;
  ConfigCache& configs() { return configs_; }
  explicit ExecutionCache(size_t capacity = 256, uint64_t byte_budget = kDefaultBytes)
      : capacity_(capacity), byte_budget_(byte_budget) {}
  Result<StatePtr> apply(const StateMachine& sm, const StatePtr& parent, const Hash32& tx_root,
                         const std::vector<TxPtr>& txs, const BlockContext& ctx = {});
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }
  size_t entries() const { return map_.size(); }
  uint64_t bytes() const { return bytes_; }

 private:
  struct Key {
    Hash32 parent, txs;
    BlockContext ctx;
    auto operator<=>(const Key&) const = default;
  };
  size_t capacity_;
  uint64_t byte_budget_;
  ConfigCache configs_;
  std::map<Key, StatePtr> map_;
  std::deque<Key> order_;  // oldest first
  uint64_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace consortia
