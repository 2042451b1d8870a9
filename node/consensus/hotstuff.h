// The consensus core: chained HotStuff with two-chain commit (Jolteon /
// HotStuff-2 family), rotating leaders, votes to the next leader (linear in the
// normal case), timeouts broadcast and aggregated into timeout certificates.
//
// Pure: no clocks, threads, sockets or files. Inputs are messages and ticks
// with the current time; outputs are messages to send, blocks committed,
// equivocation evidence and a flag that the safety state must be persisted
// before any of the messages leave. The same object runs under the real
// transport and under the simulator.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "consensus/certificates.h"
#include "consensus/equivocation.h"
#include "consensus/pacemaker.h"
#include "consensus/safety_rules.h"
#include "state/state.h"
#include "storage/block_store.h"

namespace consortia {

struct ConsensusConfig {
  PacemakerConfig pacemaker;
  TimeMs min_block_interval_ms = 20;    // spacing of consecutive block timestamps
  TimeMs idle_block_interval_ms = 500;  // a leader with nothing to order waits this long
  TimeMs max_clock_drift_ms = 5000;     // how far ahead of our clock a timestamp may be
  uint32_t sync_batch = 32;
  TimeMs sync_retry_ms = 400;
};

// Block contents come from the chain layer (mempool and state machine).
class BlockBuilder {
 public:
  virtual ~BlockBuilder() = default;
  struct Built {
    BlockPtr block;
    StatePtr state;
  };
  virtual Result<Built> build(const BlockPtr& parent, const StatePtr& parent_state,
                              BlockHeader header, const BlockRules& rules) = 0;
  // Checks a received block's contents (signatures, execution, state root)
  // against its parent's state and returns the state it produces.
  virtual Result<StatePtr> execute(const Block& block, const StatePtr& parent_state,
                                   const BlockRules& rules) = 0;
  virtual bool has_work(const StatePtr& parent_state) const = 0;
};

// Committed blocks no longer held in memory, for serving peers that sync.
class CommittedBlockSource {
 public:
  virtual ~CommittedBlockSource() = default;
  virtual BlockPtr committed_block(const Hash32& hash) = 0;
};

struct Outgoing {
  std::optional<NodeId> to;  // nullopt: every peer
  MessagePtr msg;
  bool bulk = false;  // a repeat: it yields to fresh consensus messages on a busy link
};

struct Commit {
  BlockPtr block;
  StatePtr state;
};

struct ConsensusOutput {
  std::vector<Outgoing> messages;
  std::vector<Commit> commits;
  std::vector<Equivocation> equivocations;
  std::vector<std::string> rejections;  // why an input was refused (for logs and metrics)
  bool safety_changed = false;          // persist before sending messages
};

struct ConsensusStats {
  uint64_t views_by_timeout = 0;
  uint64_t proposals = 0;
  uint64_t votes_sent = 0;
  uint64_t timeouts_sent = 0;
  uint64_t sync_requests = 0;
  uint64_t conflicting_certificates = 0;
};

class HotStuffCore {
 public:
  static constexpr uint64_t kViewWindow = 64;  // how far ahead of our view we keep votes/timeouts
  // `tip_anchor` and `tip_child_anchor`: the anchors of the committed tip and
  // of a block extending it (see anchor_below).
  HotStuffCore(ConsensusConfig cfg, CertificateContext ctx, const ChainSchedule& schedule,
               const Signer& signer, BlockBuilder& builder, CommittedBlockSource& source,
               BlockPtr committed_tip, StatePtr committed_state, uint64_t tip_anchor,
               uint64_t tip_child_anchor, const SafetyState& restored, TimeMs now);

  // Anchors. A block's anchor is the highest ancestor that the block's own
  // ancestry proves committed: the parent of the highest ancestor-or-parent
  // whose view directly follows its parent's (a two-chain). The rules of a
  // block come from its anchor's configuration, so a reconfiguration takes
  // effect only on blocks whose history shows it committed, and every node
  // derives the same rules for the same block. This walks down from `b`
  // (inclusive) and returns the anchor of b's children; `parent_of` loads a
  // block's parent (nullptr at genesis).
  template <class ParentOf>
  static uint64_t anchor_below(BlockPtr b, ParentOf parent_of) {
    while (b && b->height() > 0) {
      BlockPtr p = parent_of(*b);
      if (!p) return 0;
      if (b->view() == p->view() + 1) return p->height();
      b = std::move(p);
    }
    return 0;
  }

  // Certified blocks kept across a restart (BlockStore::load_pending): those
  // that extend the committed chain are validated and put back in the tree.
  // Blocks the highest certificate commits are committed again into `out`
  // (a crash may have come between persisting the certificate and the commit).
  void restore_pending(std::vector<BlockPtr> blocks, TimeMs now, ConsensusOutput& out);
  // The QC that certifies the committed tip (carried by a child in the tree),
  // if a child has arrived.
  std::optional<QuorumCertificate> certificate_of_committed_tip() const {
    for (const auto& [h, e] : tree_)
      if (e.block->parent_hash() == committed_->hash()) return e.block->header().justify;
    return std::nullopt;
  }
  // An uncommitted block in the tree, or nullptr.
  BlockPtr pending_block(const Hash32& hash) const {
    auto* e = find(hash);
    return e ? e->block : nullptr;
  }

  void on_message(const NodeId& from, const Message& msg, TimeMs now, ConsensusOutput& out);
  void on_tick(TimeMs now, ConsensusOutput& out);
  // New work arrived (e.g. transactions): a waiting leader may propose now.
  void on_work(TimeMs now, ConsensusOutput& out);
  TimeMs next_deadline() const;

  SafetyState safety_state() const;
  uint64_t view() const { return pm_.view(); }
  uint64_t committed_height() const { return committed_->height(); }
  const BlockPtr& committed_tip() const { return committed_; }
  const StatePtr& committed_state() const { return committed_state_; }
  const QuorumCertificate& high_qc() const { return high_qc_; }
  NodeId leader() const { return current_rules().leader(pm_.view()); }
  bool is_validator() const { return validators().contains(my_id_); }
  // The validators of the current view (those of a block extending the
  // highest certified block).
  const ValidatorSet& validators() const { return *current_rules().validators; }
  const BlockRules& current_rules_ref() const { return current_rules(); }
  // Rules of the committed tip (whose validators sign its certificate).
  const BlockRules& committed_rules() const { return *committed_e_.rules; }
  // Why the node stopped, e.g. "upgrade needed: plan X, version N", or a
  // certified chain that conflicts with the committed one; empty while running. A halted core takes no input and produces nothing.
  const std::string& halted() const { return halted_; }
  const ConsensusStats& stats() const { return stats_; }
  const Pacemaker& pacemaker() const { return pm_; }
  size_t pending_blocks() const { return tree_.size(); }
  std::string debug_string() const;

 private:
  struct Entry {
    BlockPtr block;
    StatePtr state;
    RulesPtr rules;          // this block's
    uint64_t child_anchor = 0;
    RulesPtr child_rules;    // a child's (computed once)
  };
  struct SyncWant {
    NodeId peer;
    TimeMs sent = 0;
    uint32_t attempts = 0;
    uint32_t count = 1;  // blocks asked for (the block and its ancestors)
    // Named by a certificate that checked out (or our own chain); else by
    // what a peer claimed and we could not check (sync_unverified), which
    // is asked of that peer only, briefly, in few places.
    bool verified = true;
    NodeId origin;
    // Asked again after the retry interval, doubled at each attempt: an
    // answer on a slow link takes long, and asking twice only slows it.
    TimeMs retry_at(TimeMs base) const { return sent + (base << std::min<uint32_t>(attempts - 1, 4)); }
  };
  struct TimeoutSet {
    std::map<NodeId, TimeoutCertificate::Entry> entries;
    std::map<NodeId, QuorumCertificate> high_qcs;
    size_t count_in(const ValidatorSet& set) const {
      size_t n = 0;
      for (const auto& [id, e] : entries) n += set.contains(id);
      return n;
    }
  };

  const BlockRules& current_rules() const {
    if (const Entry* e = find_any(high_qc_.block_hash)) return *e->child_rules;
    return *committed_e_.child_rules;
  }
  const Entry* find(const Hash32& hash) const;
  // The tree or the committed tip.
  const Entry* find_any(const Hash32& hash) const {
    if (hash == committed_->hash()) return &committed_e_;
    return find(hash);
  }
  // Rules for a child of `e`, or halts (returns nullptr) if this software
  // lacks their protocol version.
  const BlockRules* child_rules_or_halt(const Entry& e);
  void apply_committed_params();
  // The validator sets that may be current: ours first, then those of the
  // committed tip's and the pending blocks' children (they differ only
  // around a reconfiguration).
  std::vector<const ValidatorSet*> candidate_sets() const;
  bool in_any_set() const;

  void handle_proposal(const NodeId& from, const Proposal& p, TimeMs now, ConsensusOutput& out);
  void handle_vote(const NodeId& from, const Vote& v, TimeMs now, ConsensusOutput& out);
  void handle_timeout(const NodeId& from, const TimeoutMsg& t, TimeMs now, ConsensusOutput& out);
  void handle_sync_info(const NodeId& from, const SyncInfo& s, TimeMs now, ConsensusOutput& out);

  // ---- block sync (consensus/block_sync.cpp) ----
  void handle_block_request(const NodeId& from, const BlockRequest& r, TimeMs now, ConsensusOutput& out);
  void handle_block_response(const NodeId& from, const BlockResponse& r, TimeMs now, ConsensusOutput& out);
  // Asks `peer` (or, for ourselves, the next leaders) for a block we lack.
  // `height`: the block's, when known; then only the blocks between it and
  // what we committed are asked for.
  // `verified`: see SyncWant; a verified want displaces an unverified one
  // when the table is full.
  void request_block(const Hash32& hash, const NodeId& peer, TimeMs now, ConsensusOutput& out,
                     uint64_t height = 0, bool verified = true);
  // A certificate we could not check may be from validators we do not know
  // yet (we are behind a reconfiguration): fetch the block from the sender.
  void sync_unverified(const NodeId& from, const Hash32& hash, uint64_t height, TimeMs now,
                       ConsensusOutput& out);
  // Inserts fetched blocks and stashed proposals whose parent `hash` is now known.
  void connect_descendants(const Hash32& hash, TimeMs now, ConsensusOutput& out);
  void resume_sync(const NodeId& peer, TimeMs now, ConsensusOutput& out);
  // Asks again, of another validator, what a peer did not answer in time.
  void retry_sync(TimeMs now, ConsensusOutput& out);

  Status check_qc(const QuorumCertificate& qc);
  Status check_tc(const TimeoutCertificate& tc);
  void process_qc(const QuorumCertificate& qc, const NodeId& from, TimeMs now,
                  ConsensusOutput& out);
  void process_tc(const TimeoutCertificate& tc, TimeMs now, ConsensusOutput& out);
  void enter_view(TimeMs now, ConsensusOutput& out);
  // Validates and adds a block whose parent is known; returns false if refused.
  bool insert_block(const BlockPtr& b, TimeMs now, bool fresh, ConsensusOutput& out);
  void try_vote(const Proposal& p, TimeMs now, ConsensusOutput& out);
  void try_commit(const Hash32& certified, TimeMs now, ConsensusOutput& out);
  void commit_up_to(const Entry& target, ConsensusOutput& out);
  // Stops the node: a certified chain conflicts with the committed one.
  void halt_on_conflict(const Block& b);
  void maybe_propose(TimeMs now, ConsensusOutput& out);
  void local_timeout(TimeMs now, ConsensusOutput& out);
  void send(std::optional<NodeId> to, Message m, ConsensusOutput& out);
  void prune_old_views();
  bool uncommitted_txs(const Hash32& tip) const;
  // How long the next leader may wait before it proposes a child of `e`:
  // its idle wait when neither the chain above the committed tip nor this
  // node's mempool has anything to order, else nothing. Resends and this
  // node's view timer leave it that long first, or an idle chain would
  // resend every vote and time out the view of every proposer.
  TimeMs idle_allowance(const Entry& e) const;

  ConsensusConfig cfg_;
  CertificateContext ctx_;
  const ChainSchedule& schedule_;
  const Signer& signer_;
  NodeId my_id_;
  BlockBuilder& builder_;
  CommittedBlockSource& source_;

  Pacemaker pm_;
  SafetyRules safety_;
  QuorumCertificate high_qc_;
  std::optional<TimeoutCertificate> high_tc_;
  BlockPtr committed_;
  StatePtr committed_state_;
  Entry committed_e_;  // the committed tip with its rules
  std::string halted_;

  std::unordered_map<Hash32, Entry> tree_;          // uncommitted blocks above committed_
  std::deque<BlockPtr> recent_committed_;           // served to syncing peers
  std::unordered_map<Hash32, BlockPtr> recent_index_;
  std::unordered_map<Hash32, BlockPtr> fetched_;    // verified by certificate, parent unknown
  // Of fetched_: answers to unverified wants, with who gave them and when.
  struct Unvouched {
    NodeId origin;
    TimeMs at = 0;
  };
  std::unordered_map<Hash32, Unvouched> fetched_unverified_;
  void drop_unvouched(TimeMs now);  // what did not connect in time
  std::unordered_multimap<Hash32, Hash32> waiting_children_;  // parent -> fetched child
  // Proposals waiting for their parent, by parent hash (several per parent).
  std::multimap<Hash32, std::pair<NodeId, Proposal>> pending_proposals_;
  std::map<Hash32, SyncWant> sync_wants_;
  // Certificates verified before, compared in full (a look-alike with other
  // votes or another height is verified afresh); bounded, oldest views go.
  std::map<std::pair<uint64_t, Hash32>, QuorumCertificate> verified_qcs_;
  std::map<std::pair<uint64_t, Hash32>, TimeoutCertificate> verified_tcs_;
  void remember_qc(const QuorumCertificate& qc);
  bool known_qc(const QuorumCertificate& qc) const;

  // view -> (block, height) -> voter -> signature
  std::map<uint64_t, std::map<std::pair<Hash32, uint64_t>, std::map<NodeId, Bytes>>> votes_;
  struct Signed {
    Hash32 block;
    uint64_t height = 0;
    Bytes signature;
    std::optional<BlockHeader> header;  // proposals: evidence needs what the hash covers
  };
  std::map<std::pair<uint64_t, NodeId>, Signed> first_vote_;
  std::map<std::pair<uint64_t, NodeId>, Signed> first_proposal_;
  std::map<uint64_t, TimeoutSet> timeouts_;
  std::optional<TimeoutMsg> my_timeout_;  // retransmitted until the view ends
  // Block requests served per peer: a token bucket, so one peer cannot turn
  // small requests into an unbounded stream of large answers.
  struct ServeBucket {
    double tokens = 0;
    TimeMs at = 0;
  };
  std::unordered_map<NodeId, ServeBucket> serve_budget_;
  uint64_t last_proposed_view_ = 0;
  // False until the first tick: a node (re)starting as its view's leader
  // proposes from that tick, so it must come at once, not at the view's end.
  bool ticked_ = false;
  // Our certificates for a validator whose timeout shows it behind, at most
  // once per resend interval each (the answer may be lost too).
  std::unordered_map<NodeId, TimeMs> sync_info_sent_;
  // Our vote of the current view, sent again while the view lasts: on a
  // lossy network a lost vote would otherwise cost the whole view. Identical
  // bytes, so a copy that arrives twice is ignored. Our proposal goes again
  // to a validator whose timeout shows it gave up on our view.
  struct Resend {
    std::optional<NodeId> to;
    MessagePtr msg;
    uint64_t view = 0;
    TimeMs at = 0;
    int left = 0;
  };
  std::optional<Resend> vote_resend_, proposal_resend_;
  struct MyProposal {
    MessagePtr msg;
    uint64_t view = 0;
    std::set<NodeId> resent_to;
  };
  std::optional<MyProposal> my_proposal_;
  // The proposal of the current view as we received it. If we are the next
  // leader and half the view has passed without a quorum of votes for it,
  // we send it to the validators whose votes are missing, and again, at
  // growing intervals, while they are missing (up to kMaxRelays): on a lossy
  // link they may never have had it, and on a slow one the leader's copy may
  // still be queued behind its other peers'.
  struct Relayable {
    MessagePtr msg;
    uint64_t view = 0;
    TimeMs next_at = 0;  // the next relay: half the view at first
    int left = kMaxRelays;
  };
  static constexpr int kMaxRelays = 4;
  static constexpr int kMaxVoteResends = 8;
  std::optional<Relayable> current_proposal_;
  void relay_for_missing_votes(TimeMs now, ConsensusOutput& out);
  TimeMs resend_interval() const { return std::max<TimeMs>(pm_.base_timeout() / 4, 20); }
  void resend(std::optional<Resend>& r, TimeMs now, ConsensusOutput& out, bool bulk = false);
  TimeMs propose_at_ = 0;  // 0: nothing scheduled
  ConsensusStats stats_;
};

}  // namespace consortia
