// A chain node: the consensus core, the mempool, the state machine and the
// block store put together. Still free of clocks, threads and sockets: the
// real agent and the simulator drive it with messages, ticks and client
// transactions, and deliver the messages it returns.
#pragma once

#include <deque>
#include <memory>

#include "chain/block_relay.h"
#include "chain/evidence_proof.h"
#include "chain/genesis.h"
#include "consensus/hotstuff.h"
#include "mempool/mempool.h"

namespace consortia {

struct NodeConfig {
  ConsensusConfig consensus;
  MempoolConfig mempool;
  TimeMs gossip_interval_ms = 20;  // transactions are gossiped in batches
  size_t gossip_batch = 1000;
  // From protocol 3, a network of more members than this gossips through
  // relays: about sqrt(members) of them, each passing a batch to its share
  // of the rest (NodeConfig, not a chain rule: any mix of choices interoperates).
  size_t relay_above_members = 8;
  // How often the node looks for its clients' transactions that are stuck
  // (Mempool::stuck_local), after how many committed blocks with room to
  // spare (fewer transactions than the leader's block size allowed) it takes
  // a sender that did not move as stuck (doubling with each offer), and at
  // most how many transactions and bytes it offers to its peers again each
  // time (one batch, far below the transport's frame limit).
  TimeMs reoffer_interval_ms = 1000;
  uint64_t reoffer_after_blocks = 12;
  size_t reoffer_max = 1024;
  size_t reoffer_max_bytes = 1 << 20;
  CertificateMemo* certificate_memo = nullptr;  // simulator only: shared between nodes
  BlockInterner* block_interner = nullptr;      // simulator only: shared between nodes
  // Protocol versions this node implements (the simulator lowers the
  // maximum to model a node still running old software).
  uint32_t min_protocol_version = kMinProtocolVersion;
  uint32_t max_protocol_version = kMaxProtocolVersion;
  // Bytes of transactions in a block this node builds (validators vote for
  // no more: MessageLimits::kMaxBlockTxBytes). Larger only in tests, to play
  // a faulty leader.
  size_t max_block_tx_bytes = MessageLimits::kMaxBlockTxBytes;
};

// Equivocation evidence a node holds: found itself or received, verified.
struct HeldEquivocation {
  Equivocation evidence;
  Bytes offender_key;  // the key it verified with (the offender may be removed since)
  NodeId reported_by;  // this node, or the peer it came from
  TimeMs held_since = 0;
};

struct NodeOutput {
  std::vector<Outgoing> messages;
  std::vector<Commit> commits;  // durably stored before they appear here
  std::vector<HeldEquivocation> equivocations;  // new to this node
  std::vector<std::string> rejections;
};

struct NodeStatus {
  NodeId id;
  bool validator = false;
  uint64_t height = 0;
  uint64_t view = 0;
  NodeId leader;
  uint64_t high_qc_view = 0;
  size_t mempool_size = 0;
  uint64_t views_by_timeout = 0;
  uint32_t protocol_version = 0;  // of the next block
  std::string halted;  // empty while running; e.g. "upgrade needed: plan X, version N"
};

class Node final : private BlockBuilder, private CommittedBlockSource {
 public:
  // Opens the node on its store: resumes from the last committed block and
  // the persisted safety state.
  static Result<std::unique_ptr<Node>> open(const Genesis& genesis, NodeConfig cfg,
                                            const CryptoSuite& suite,
                                            std::unique_ptr<Signer> signer, BlockStore& store,
                                            std::shared_ptr<ExecutionCache> cache, TimeMs now);

  void on_message(const NodeId& from, const Message& msg, TimeMs now, NodeOutput& out);
  void on_tick(TimeMs now, NodeOutput& out);
  // A client's transaction: admitted to the mempool and gossiped.
  Status submit(const TxPtr& tx, TimeMs now, NodeOutput& out);
  // Runs fn (on_message or submit calls) with these transactions (by Merkle
  // leaf) taken as signature-checked: the host checked them off this thread
  // (SignaturePool).
  template <class F>
  void with_prechecked(const std::vector<Hash32>& leaves, F&& fn) {
    if (leaves.empty()) return fn();
    std::unordered_set<Hash32> set(leaves.begin(), leaves.end());
    mempool_.set_prechecked(&set);
    struct Reset {
      Mempool& m;
      ~Reset() { m.set_prechecked(nullptr); }
    } reset{mempool_};
    fn();
  }
  TimeMs next_deadline() const;

  NodeStatus status() const;
  // A proof that the record with this digest is in the committed state,
  // certified by a quorum: kNotFound if it is not anchored (yet), or if the
  // committed tip's certificate has not arrived yet (ask again shortly).
  Result<EvidenceProof> prove_evidence(const Hash32& digest) const;
  // What a proof is made from, taken in O(1) (the snapshot is shared, never
  // copied), so the proof itself can be made off the node's thread.
  struct ProofSource {
    const CryptoSuite* suite = nullptr;
    Hash32 chain_id;
    StatePtr state;
    BlockPtr tip;
    std::optional<QuorumCertificate> certificate;
    std::shared_ptr<const ValidatorSet> validators;
    Result<EvidenceProof> prove(const Hash32& digest) const;
  };
  ProofSource proof_source() const;
  // Why a transaction committed without effect (its receipt), if it did.
  std::optional<ErrorCode> receipt(const Hash32& tx_id) const;
  const NodeId& id() const { return id_; }
  const Hash32& chain_id() const { return chain_id_; }
  // The protocol of the next block (which transaction version it takes).
  uint32_t next_protocol_version() const;
  // Whether a write its store could not make (a full disk, an I/O error)
  // halted the node: it then sends nothing, and opened again on the store
  // it continues from what is durable.
  bool halted_by_storage() const { return storage_io_failure_; }
  static constexpr std::string_view kStorageFailure = "storage failure: ";
  const HotStuffCore& consensus() const { return *core_; }
  // Client transactions offered to the peers again because their sender was
  // stuck on them (NodeConfig::reoffer_interval_ms).
  uint64_t reoffered() const { return reoffered_; }
  const Mempool& mempool() const { return mempool_; }
  // Called on the node's thread with the leaf of each transaction signature
  // the node verified itself and found valid.
  void on_signature_verified(std::function<void(const Hash32&)> f) {
    mempool_.set_verified_hook(std::move(f));
  }
  // The validators of the current view.
  const ValidatorSet& validators() const { return core_->validators(); }
  // The chain configuration in the committed state (governance).
  std::shared_ptr<const ChainConfig> config() const;

  // Equivocation evidence this node holds, in the order it came. Evidence
  // against one offender for one view and kind is kept once; at most
  // kMaxEvidencePerOffender pieces per offender (more proves nothing more)
  // and kMaxEvidence in all.
  static constexpr size_t kMaxEvidence = 1024;
  static constexpr size_t kMaxEvidencePerOffender = 16;
  std::vector<HeldEquivocation> equivocations() const;
  // The newest piece against each offender, at most `offenders` of them,
  // validators of the committed configuration first (for status).
  std::vector<HeldEquivocation> equivocation_summary(size_t offenders) const;
  size_t equivocation_count() const { return evidence_.size(); }
  // Evidence from a peer: verified against the key of a validator in the
  // committed configuration, kept when new (then in out.equivocations) and
  // passed on to every peer from protocol 7. kOk also for evidence already
  // held, or against an offender with enough held; an error for evidence
  // that does not verify (remembered, so a repeat costs no check) or when
  // kMaxEvidence pieces are held.
  Status add_equivocation(const Equivocation& e, const NodeId& from, TimeMs now, NodeOutput& out);
  // Evidence this node held before a restart, with the key it was verified
  // with: verified again with that key (which must hash to the offender's
  // id), so evidence against a validator removed since is kept too.
  Status restore_equivocation(const HeldEquivocation& h);

 private:
  Node(const Genesis& genesis, NodeConfig cfg, const CryptoSuite& suite,
       std::unique_ptr<Signer> signer, BlockStore& store, std::shared_ptr<ExecutionCache> cache);

  // BlockBuilder
  Result<Built> build(const BlockPtr& parent, const StatePtr& parent_state, BlockHeader header,
                      const BlockRules& rules) override;
  Result<StatePtr> execute(const Block& block, const StatePtr& parent_state,
                           const BlockRules& rules) override;
  bool has_work(const StatePtr& parent_state) const override;
  // CommittedBlockSource
  BlockPtr committed_block(const Hash32& hash) override;

  size_t block_size_for(const Block& parent, const BlockHeader& next, const BlockRules& rules) const;
  // The shortest interval between the last kRoundWindow committed blocks
  // when they vary little: what a round costs on these links whatever a
  // block carries (0 while they vary, or until half the window is known).
  TimeMs round_floor() const;
  void note_committed_interval(const Block& b);
  void finish(ConsensusOutput& co, NodeOutput& out);
  Status save_certified_chain();
  void flush_gossip(NodeOutput& out);
  void reoffer(NodeOutput& out);
  // A proposal rebuilt from a compact one goes to the core as if it had come whole.
  void deliver_proposal(const NodeId& from, std::optional<Proposal> p, TimeMs now, NodeOutput& out);

  NodeConfig cfg_;
  const CryptoSuite& suite_;
  std::unique_ptr<Signer> signer_;
  NodeId id_;
  BlockStore& store_;
  std::shared_ptr<ExecutionCache> cache_;  // before the two that keep its configurations
  GovernedSchedule schedule_;
  BlockPtr genesis_;
  Hash32 chain_id_;
  bool storage_io_failure_ = false;  // see halted_by_storage
  void halt_on_storage(const Error& e);
  StateMachine sm_;
  Mempool mempool_;
  BlockRelay relay_{suite_, mempool_, cfg_.block_interner};
  std::unique_ptr<HotStuffCore> core_;
  std::vector<TxPtr> gossip_;
  size_t gossip_bytes_ = 0;  // encoded, of gossip_: a batch stays under MessageLimits::kMaxGossipBytes
  TimeMs gossip_due_ = 0;
  TimeMs expire_due_ = 0;       // next look for held transactions to drop (Mempool::expire)
  uint64_t gossip_rounds_ = 0;  // rotates the relays
  static constexpr size_t kReofferLeaders = 4;  // the next leaders a re-offer goes to
  TimeMs reoffer_due_ = 0;      // next look for stuck client transactions; 0: none held
  uint64_t reoffered_ = 0;
  uint64_t blocks_with_room_ = 0;  // committed blocks the leader could have filled more
  BlockPtr last_committed_;        // the parent of the next block committed, once one was
  // Relays and the peers they serve, kept while the rotation and the
  // membership stay the same.
  struct RelayPlan {
    std::shared_ptr<const ValidatorSet> validators;
    std::vector<uint32_t> rotation;
    std::shared_ptr<const ChainConfig> config;
    std::vector<NodeId> relays, rest;
  } relay_plan_;
  TimeMs now_ = 0;              // of the input being handled
  std::map<std::tuple<NodeId, uint64_t, Equivocation::Kind>, HeldEquivocation> evidence_;
  std::map<NodeId, size_t> evidence_per_offender_;
  std::vector<std::tuple<NodeId, uint64_t, Equivocation::Kind>> evidence_order_;
  // Digests of evidence refused, the newest kMaxEvidence: a peer sending
  // the same bad piece again costs no signature check.
  std::unordered_set<Hash32> refused_evidence_;
  std::deque<Hash32> refused_evidence_order_;
  // Holds verified evidence within the caps; true when it was new.
  bool hold_equivocation(HeldEquivocation held);
  // The same, announcing it (out.equivocations) and passing it on from protocol 7.
  bool keep_equivocation(const Equivocation& e, const Bytes& key, const NodeId& from, TimeMs now, NodeOutput& out);
  std::string halted_;
  static constexpr size_t kRoundWindow = 16;
  std::deque<TimeMs> recent_rounds_;  // from each committed block to the next
  TimeMs last_commit_ms_ = -1;
  Hash32 saved_high_block_;  // last high-QC block written with save_pending
};

}  // namespace consortia
