// Compact proposals (protocol 3 on). A leader's proposal goes to every peer
// as the block's header and its transactions' ids: the peers hold the
// transactions already from gossip, so a block costs its leader 32 bytes per
// transaction and peer instead of the whole transaction. Each peer rebuilds
// the block from its mempool and asks the sender for the transactions it
// lacks; only whole blocks reach the consensus core. On a rate-limited link
// this is what keeps a leader's turn short enough to finish within a view.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_set>
#include <optional>
#include <unordered_map>

#include "consensus/hotstuff.h"
#include "mempool/mempool.h"

namespace consortia {

// Blocks rebuilt from compact proposals, by hash, shared by the nodes of
// one process (the simulator's): a hundred nodes then hold one copy of each
// block, as they did when blocks travelled whole. Sound because a block's
// transactions are checked against its header's root before it is built.
class BlockInterner {
 public:
  BlockPtr intern(BlockPtr b);
  // The block with this hash if one is interned and still held, else null.
  BlockPtr find(const Hash32& hash);
  // An interned block, still held, whose transactions have this root.
  BlockPtr find_by_tx_root(const Hash32& tx_root);
  // Told the bytes a node did not hash because it found the block here, so
  // the simulator can still charge the node's clock for them.
  std::function<void(uint64_t bytes)> skipped_hashing;
  // How many times intern() swept out blocks nobody holds any more (for tests).
  uint64_t sweeps() const { return sweeps_; }

 private:
  std::mutex mu_;
  std::unordered_map<Hash32, std::weak_ptr<const Block>> blocks_;
  std::unordered_map<Hash32, std::weak_ptr<const Block>> by_tx_root_;
  // The next sweep comes when the table has grown to this size: twice what
  // survived the last one, so interning stays O(1) amortised while every
  // node's store keeps its committed blocks alive.
  size_t sweep_at_ = kFirstSweep;
  uint64_t sweeps_ = 0;
  static constexpr size_t kFirstSweep = 8192;
};

class BlockRelay {
 public:
  static constexpr size_t kMaxPending = 8;   // proposals waiting for transactions
  static constexpr size_t kMaxPendingPerPeer = 2;
  static constexpr int kMaxAsks = 4;
  static constexpr TimeMs kAskAgainMs = 250;

  BlockRelay(const CryptoSuite& suite, const Mempool& mempool, BlockInterner* interner = nullptr)
      : suite_(suite), mempool_(mempool), interner_(interner) {}

  // Transactions that reached us this recently go whole in our proposals of
  // small blocks (a fast network, blocks close together): peers may still be
  // waiting for them from gossip. Large blocks (a slow network) go as ids.
  static constexpr TimeMs kFreshMs = 60;
  static constexpr size_t kPrefillUpTo = 32;
  void arrived(const Hash32& tx_id, TimeMs now);

  // The message as it goes on the wire: a proposal to every peer, of
  // protocol 3 or later, travels compact. One sent again to a single peer
  // goes whole: that peer may lack its transactions too.
  MessagePtr for_wire(const Outgoing& o, TimeMs now);

  // A compact proposal from a peer, for a view we may still vote in (the
  // node checks that): the whole proposal when every transaction is at
  // hand, otherwise nothing yet (a request is sent). Its leaves must make
  // its header's tx_root, and a peer has at most kMaxPendingPerPeer waiting;
  // the consensus core checks the rest once it is whole.
  std::optional<Proposal> on_compact(const NodeId& from, const CompactProposal& p, TimeMs now,
                                     std::vector<Outgoing>& out, std::vector<std::string>& rejections);
  // Transactions for a block being rebuilt, from any peer: each must match
  // its leaf, so a wrong one is simply not taken.
  std::optional<Proposal> on_response(const BlockTxResponse& r);
  // Answers a peer's request from a block we hold (nullptr: we do not), at
  // most a few answers a second per peer and kMaxAnswerBytes each.
  static constexpr size_t kMaxAnswerBytes = 8 << 20;
  void on_request(const NodeId& from, const BlockTxRequest& r, const BlockPtr& block, TimeMs now,
                  std::vector<Outgoing>& out);
  // Asks again what did not arrive; gives up after a few tries (the block
  // then comes by block sync once a certificate names it).
  void on_tick(TimeMs now, std::vector<Outgoing>& out);
  TimeMs next_deadline() const;
  // Blocks at or below the committed height need no rebuilding.
  void committed(uint64_t height);
  size_t pending() const { return pending_.size(); }

 private:
  struct Pending {
    NodeId from;
    CompactProposal proposal;
    std::vector<TxPtr> txs;  // by position; null where missing
    TimeMs asked = 0;
    int asks = 0;
  };
  void ask(const Hash32& hash, Pending& p, TimeMs now, std::vector<Outgoing>& out);
  // The proposal once every transaction is there.
  std::optional<Proposal> complete(const Hash32& hash);

  BlockPtr build(const BlockHeader& h, std::vector<TxPtr> txs) const;
  const CryptoSuite& suite_;
  const Mempool& mempool_;
  BlockInterner* interner_;
  std::map<Hash32, Pending> pending_;
  std::deque<std::pair<TimeMs, Hash32>> fresh_;
  std::unordered_multiset<Hash32, DigestHash> fresh_ids_;
  struct Bucket {
    double tokens = 0;
    TimeMs at = 0;
  };
  std::unordered_map<NodeId, Bucket> serve_;
};

}  // namespace consortia
