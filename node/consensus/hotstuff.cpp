#include "consensus/hotstuff.h"

#include <algorithm>

namespace consortia {
namespace {
constexpr size_t kRecentCommitted = 512;
constexpr size_t kMaxPendingProposals = 16;
}  // namespace

HotStuffCore::HotStuffCore(ConsensusConfig cfg, CertificateContext ctx,
                           const ChainSchedule& schedule, const Signer& signer,
                           BlockBuilder& builder, CommittedBlockSource& source,
                           BlockPtr committed_tip, StatePtr committed_state,
                           uint64_t tip_anchor, uint64_t tip_child_anchor,
                           const SafetyState& restored, TimeMs now)
    : cfg_(cfg),
      ctx_(ctx),
      schedule_(schedule),
      signer_(signer),
      my_id_(ctx.suite.node_id(signer.public_key())),
      builder_(builder),
      source_(source),
      pm_(cfg.pacemaker),
      safety_(restored.last_voted_view),
      high_qc_(restored.high_qc),
      high_tc_(restored.high_tc),
      committed_(std::move(committed_tip)),
      committed_state_(std::move(committed_state)) {
  if (high_qc_.is_genesis() && high_qc_.block_hash.is_zero()) high_qc_ = genesis_qc(ctx_.genesis_hash);
  uint64_t view = std::max<uint64_t>({restored.current_view, high_qc_.view + 1,
                                      high_tc_ ? high_tc_->view + 1 : 1,
                                      committed_->view() + 1});
  pm_.restore(view, now);
  recent_committed_.push_back(committed_);
  recent_index_.emplace(committed_->hash(), committed_);
  committed_e_.block = committed_;
  committed_e_.state = committed_state_;
  committed_e_.rules = schedule_.rules(*committed_state_, tip_anchor, committed_->height());
  committed_e_.child_anchor = tip_child_anchor;
  committed_e_.child_rules =
      schedule_.rules(*committed_state_, tip_child_anchor, committed_->height() + 1);
  apply_committed_params();
}

std::vector<const ValidatorSet*> HotStuffCore::candidate_sets() const {
  std::vector<const ValidatorSet*> sets{&validators()};
  auto add = [&](const RulesPtr& r) {
    const ValidatorSet* v = r->validators.get();
    if (std::find_if(sets.begin(), sets.end(), [&](const ValidatorSet* x) { return x->hash() == v->hash(); }) ==
        sets.end())
      sets.push_back(v);
  };
  add(committed_e_.child_rules);
  for (const auto& [h, e] : tree_) add(e.child_rules);
  return sets;
}

bool HotStuffCore::in_any_set() const {
  for (const ValidatorSet* s : candidate_sets())
    if (s->contains(my_id_)) return true;
  return false;
}

void HotStuffCore::apply_committed_params() {
  // Timing comes from the chain, so every node paces blocks and views alike.
  const ChainParams& p = committed_e_.child_rules->params;
  cfg_.min_block_interval_ms = p.min_block_interval_ms;
  cfg_.idle_block_interval_ms = p.idle_block_interval_ms;
  pm_.set_base_timeout(p.base_timeout_ms);
}

const BlockRules* HotStuffCore::child_rules_or_halt(const Entry& e) {
  const BlockRules& r = *e.child_rules;
  if (schedule_.supports_protocol(r.version)) return &r;
  if (halted_.empty())
    halted_ = "upgrade needed: plan " + (r.plan.empty() ? std::string("genesis") : r.plan) +
              ", version " + std::to_string(r.version) + " from height " +
              std::to_string(e.block->height() + 1);
  return nullptr;
}

void HotStuffCore::restore_pending(std::vector<BlockPtr> blocks, TimeMs now,
                                   ConsensusOutput& out) {
  std::sort(blocks.begin(), blocks.end(),
            [](const BlockPtr& a, const BlockPtr& b) { return a->height() < b->height(); });
  ConsensusOutput ignored;
  for (const auto& b : blocks)
    if (b->height() > committed_->height())  // insert_block checks the certificate
      insert_block(b, now, false, ignored);
  // Each restored block's certificate, in height order, applies the commit rule.
  for (const auto& b : blocks)
    if (find(b->hash())) try_commit(b->header().justify.block_hash, now, out);
  if (find(high_qc_.block_hash)) try_commit(high_qc_.block_hash, now, out);
}

SafetyState HotStuffCore::safety_state() const {
  SafetyState s;
  s.last_voted_view = safety_.last_voted_view();
  s.current_view = pm_.view();
  s.high_qc = high_qc_;
  s.high_tc = high_tc_;
  return s;
}

const HotStuffCore::Entry* HotStuffCore::find(const Hash32& hash) const {
  auto it = tree_.find(hash);
  if (it != tree_.end()) return &it->second;
  return nullptr;
}

void HotStuffCore::send(std::optional<NodeId> to, Message m, ConsensusOutput& out) {
  out.messages.push_back({to, std::make_shared<const Message>(std::move(m))});
}

TimeMs HotStuffCore::next_deadline() const {
  if (!halted_.empty()) return kNoDeadline;  // on_tick runs no timer
  TimeMs d = pm_.deadline();
  if (!ticked_) d = std::min(d, pm_.view_started());
  if (propose_at_ > 0) d = std::min(d, propose_at_);
  for (const auto& [h, w] : sync_wants_) d = std::min(d, w.retry_at(cfg_.sync_retry_ms));
  if (vote_resend_) d = std::min(d, vote_resend_->at);
  if (proposal_resend_) d = std::min(d, proposal_resend_->at);
  if (current_proposal_ && current_proposal_->left > 0 && current_proposal_->view == pm_.view())
    d = std::min(d, current_proposal_->next_at);
  return d;
}

// ---- certificates --------------------------------------------------------

void HotStuffCore::remember_qc(const QuorumCertificate& qc) {
  verified_qcs_[{qc.view, qc.block_hash}] = qc;
  if (verified_qcs_.size() > 256) verified_qcs_.erase(verified_qcs_.begin());
}

bool HotStuffCore::known_qc(const QuorumCertificate& qc) const {
  auto it = verified_qcs_.find({qc.view, qc.block_hash});
  return it != verified_qcs_.end() && it->second == qc;
}

Status HotStuffCore::check_qc(const QuorumCertificate& qc) {
  if (qc.is_genesis()) return verify_qc(ctx_, validators(), qc);
  if (known_qc(qc)) return {};
  // Signed by the certified block's validators; for a block we do not have
  // yet, by the current ones (a node behind a reconfiguration learns the
  // block by sync and checks the certificate again when it inserts it).
  const Entry* e = find_any(qc.block_hash);
  Status st = e ? verify_qc(ctx_, *e->rules->validators, qc) : Status{};
  if (!e) {
    // Around a reconfiguration the block may be of either configuration.
    for (const ValidatorSet* set : candidate_sets())
      if ((st = verify_qc(ctx_, *set, qc))) break;
  }
  if (st) remember_qc(qc);
  return st;
}

Status HotStuffCore::check_tc(const TimeoutCertificate& tc) {
  auto key = std::make_pair(tc.view, tc.high_qc.block_hash);
  if (auto it = verified_tcs_.find(key); it != verified_tcs_.end() && it->second == tc) return {};
  // Timeouts are signed by the validators of the view; around a
  // reconfiguration that is either configuration (single-member changes keep
  // any two of their quorums intersecting in f+1 validators).
  Status st = make_error(ErrorCode::kBadCertificate, "no validator set");
  for (const ValidatorSet* set : candidate_sets())
    if ((st = verify_tc_timeouts(ctx_, *set, tc))) break;
  if (st) st = check_qc(tc.high_qc);
  if (st) {
    remember_qc(tc.high_qc);
    verified_tcs_[key] = tc;
    if (verified_tcs_.size() > 64) verified_tcs_.erase(verified_tcs_.begin());
  }
  return st;
}

void HotStuffCore::process_qc(const QuorumCertificate& qc, const NodeId& from, TimeMs now,
                              ConsensusOutput& out) {
  if (qc.view > high_qc_.view) {
    high_qc_ = qc;
    out.safety_changed = true;
  }
  if (pm_.advance_by_qc(qc.view, now)) enter_view(now, out);
  if (qc.height > committed_->height()) {
    if (find(qc.block_hash)) {
      try_commit(qc.block_hash, now, out);
    } else {
      request_block(qc.block_hash, from, now, out, qc.height);
    }
  }
}

void HotStuffCore::process_tc(const TimeoutCertificate& tc, TimeMs now, ConsensusOutput& out) {
  // The TC's highest QC (verified with it) is what a proposal after it must extend.
  if (tc.high_qc.view > high_qc_.view) process_qc(tc.high_qc, my_id_, now, out);
  if (!high_tc_ || tc.view > high_tc_->view) {
    high_tc_ = tc;
    out.safety_changed = true;
  }
  if (pm_.advance_by_tc(tc.view, now)) {
    ++stats_.views_by_timeout;
    enter_view(now, out);
  }
}

void HotStuffCore::enter_view(TimeMs now, ConsensusOutput& out) {
  out.safety_changed = true;  // current_view is part of the persisted state
  my_timeout_.reset();
  propose_at_ = 0;
  prune_old_views();
  // Timeouts for this view that arrived while we were still in an earlier
  // one: if f+1 validators of a set gave up on it already, so do we at once,
  // or two halves of the network entering views at different times would
  // keep missing each other by a whole back-off period.
  if (auto ts = timeouts_.find(pm_.view()); ts != timeouts_.end() && in_any_set()) {
    for (const ValidatorSet* set : candidate_sets()) {
      if (ts->second.count_in(*set) >= set->max_faulty() + 1) {
        local_timeout(now, out);
        return;
      }
    }
  }
  maybe_propose(now, out);
}

void HotStuffCore::prune_old_views() {
  uint64_t keep = pm_.view() > 2 ? pm_.view() - 2 : 0;
  votes_.erase(votes_.begin(), votes_.lower_bound(keep));
  timeouts_.erase(timeouts_.begin(), timeouts_.lower_bound(keep));
  first_vote_.erase(first_vote_.begin(), first_vote_.lower_bound({keep, NodeId{}}));
  first_proposal_.erase(first_proposal_.begin(), first_proposal_.lower_bound({keep, NodeId{}}));
}

// ---- proposals -------------------------------------------------------------

void HotStuffCore::handle_proposal(const NodeId& from, const Proposal& p, TimeMs now,
                                   ConsensusOutput& out) {
  const Block& b = *p.block;
  const BlockHeader& h = b.header();
  const Entry* parent_e = find_any(h.parent_hash);
  const BlockRules& prules = parent_e ? *parent_e->child_rules : current_rules();
  const ValidatorSet& set = *prules.validators;
  if (b.height() == 0 || h.view == 0) {
    out.rejections.push_back("proposal at height or view 0");
    return;
  }
  // Without the parent we judge by the current rules, which a node behind a
  // reconfiguration does not know yet: then fetch the chain from the sender
  // (each fetched block is checked against its parent's rules on insertion).
  auto behind = [&] {
    if (!parent_e) sync_unverified(from, h.parent_hash, h.justify.height, now, out);
  };
  // The leader depends on the parent's record (leader reputation): without
  // the parent only membership is checked here, and insert_block checks the
  // leader once the parent has arrived.
  if (parent_e ? h.proposer != prules.leader(h.view) : !set.contains(h.proposer)) {
    out.rejections.push_back("proposal for view " + std::to_string(h.view) +
                             " not from its leader");
    behind();
    return;
  }
  const Validator* proposer = set.find(h.proposer);
  if (!proposer ||
      !ctx_.suite.verify(proposer->public_key, proposal_payload(ctx_.chain_id, b.hash()),
                         p.signature)) {
    out.rejections.push_back("proposal with a bad signature");
    behind();
    return;
  }
  const QuorumCertificate& qc = h.justify;
  if (qc.block_hash != h.parent_hash || qc.height + 1 != b.height() || qc.view >= h.view) {
    out.rejections.push_back("proposal whose QC does not certify its parent");
    return;
  }
  if (auto st = check_qc(qc); !st) {
    out.rejections.push_back("proposal QC: " + st.error().detail);
    behind();
    return;
  }
  if (h.view > pm_.view() + kViewWindow) {
    // Too far ahead to keep; its certificate may still move us forward.
    process_qc(qc, from, now, out);
    if (h.view > pm_.view() + kViewWindow) {
      out.rejections.push_back("proposal for view " + std::to_string(h.view) + " too far ahead");
      return;
    }
  }
  auto key = std::make_pair(h.view, h.proposer);
  if (h.view + 2 >= pm_.view()) {
    auto [it, inserted] = first_proposal_.emplace(key, Signed{b.hash(), b.height(), p.signature, h});
    if (!inserted && it->second.block != b.hash()) {
      out.equivocations.push_back({Equivocation::Kind::kProposal, h.proposer, h.view,
                                   it->second.block, b.hash(), it->second.signature, p.signature,
                                   it->second.height, b.height(), it->second.header, h});
      return;  // the first proposal of the view is the one we consider
    }
  }
  if (p.tc) {
    if (p.tc->view + 1 != h.view) {
      out.rejections.push_back("proposal carries a TC for another view");
      return;
    }
    if (auto st = check_tc(*p.tc); !st) {
      out.rejections.push_back("proposal TC: " + st.error().detail);
      return;
    }
    process_tc(*p.tc, now, out);
  }
  process_qc(qc, from, now, out);
  if (b.height() <= committed_->height()) return;  // already decided
  if (find(b.hash())) {
    try_vote(p, now, out);
    return;
  }
  if (!find(h.parent_hash)) {
    if (qc.height < committed_->height() ||
        (qc.height == committed_->height() && h.parent_hash != committed_->hash())) {
      return;  // extends a branch that can no longer commit
    }
    if (h.parent_hash == committed_->hash()) {
      // parent is the committed tip, which lives outside the tree
    } else {
      if (h.view < pm_.view()) return;  // too old to vote for anyway
      if (pending_proposals_.size() >= kMaxPendingProposals) {
        // Drop the stashed proposal with the lowest view (ours, if lowest).
        auto low = std::min_element(pending_proposals_.begin(), pending_proposals_.end(),
                                    [](const auto& x, const auto& y) {
                                      return x.second.second.block->view() <
                                             y.second.second.block->view();
                                    });
        if (low->second.second.block->view() >= h.view) return;
        pending_proposals_.erase(low);
      }
      pending_proposals_.emplace(h.parent_hash, std::make_pair(from, p));
      request_block(h.parent_hash, from, now, out, h.justify.height);
      return;
    }
  }
  if (!insert_block(p.block, now, true, out)) return;
  if (h.view == pm_.view())
    current_proposal_ =
        Relayable{std::make_shared<const Message>(p), h.view, pm_.view_started() + pm_.current_timeout() / 2};
  try_vote(p, now, out);
  connect_descendants(b.hash(), now, out);
}

bool HotStuffCore::insert_block(const BlockPtr& bp, TimeMs now, bool fresh,
                                ConsensusOutput& out) {
  const Block& b = *bp;
  if (tree_.count(b.hash())) return true;
  const BlockHeader& h = b.header();
  const Entry* pe = find_any(h.parent_hash);
  if (!pe) return false;
  const Block* parent = pe->block.get();
  StatePtr parent_state = pe->state;
  auto reject = [&](std::string why) {
    out.rejections.push_back("block " + std::to_string(b.height()) + " " +
                             b.hash().short_hex() + ": " + why);
    return false;
  };
  if (b.height() != parent->height() + 1) return reject("height does not follow its parent");
  if (h.view <= parent->view()) return reject("view not above its parent's");
  if (h.justify.view != parent->view()) return reject("QC view differs from the parent's view");
  const BlockRules* rules = child_rules_or_halt(*pe);
  if (!rules) return false;
  RulesPtr rules_ptr = pe->child_rules;
  const ValidatorSet& set = *rules->validators;
  if (set.size() == 0) return reject("no validators for this height");
  if (h.proposer != rules->leader(h.view)) return reject("proposer is not the view's leader");
  if (h.validator_set_hash != set.hash()) return reject("wrong validator set");
  if (h.protocol_version != rules->version)
    return reject("protocol version " + std::to_string(h.protocol_version) + ", expected " +
                  std::to_string(rules->version));
  // The certificate of the parent, by the parent's validators (checked on
  // arrival too, for proposals; blocks from sync are checked here).
  if (auto st = check_qc(h.justify); !st) return reject("parent certificate: " + st.error().detail);
  if (h.timestamp_ms <= parent->header().timestamp_ms)
    return reject("timestamp not after its parent's");
  if (fresh && static_cast<TimeMs>(h.timestamp_ms) > now + cfg_.max_clock_drift_ms)
    return reject("timestamp too far in the future");
  auto state = builder_.execute(b, parent_state, *rules);
  if (!state) return reject(state.error().to_string());
  uint64_t child_anchor = h.view == parent->view() + 1 ? parent->height() : pe->child_anchor;
  RulesPtr child_rules = schedule_.rules(**state, child_anchor, b.height() + 1);
  tree_.emplace(b.hash(), Entry{bp, std::move(*state), std::move(rules_ptr), child_anchor,
                                std::move(child_rules)});
  return true;
}

void HotStuffCore::try_vote(const Proposal& p, TimeMs now, ConsensusOutput& out) {
  const Block& b = *p.block;
  const Entry* own = find(b.hash());
  if (!own || !own->rules->validators->contains(my_id_) || b.view() != pm_.view()) return;
  // A block whose transactions exceed what an honest leader builds could
  // never be sent whole again (to a node syncing, say): no vote for it.
  // A voting rule, not a validity rule: blocks already certified stay valid.
  size_t tx_bytes = 0;
  for (const auto& tx : b.txs()) tx_bytes += tx->encoded_size();
  if (tx_bytes > MessageLimits::kMaxBlockTxBytes) {
    out.rejections.push_back("proposal with " + std::to_string(tx_bytes) + " bytes of transactions, over " +
                             std::to_string(MessageLimits::kMaxBlockTxBytes) + ": not voted for");
    return;
  }
  if (!safety_.safe_to_vote(b.view(), b.header().justify.view, p.tc)) return;
  safety_.record(b.view());
  out.safety_changed = true;
  Vote v;
  v.view = b.view();
  v.height = b.height();
  v.block_hash = b.hash();
  v.voter = my_id_;
  v.signature = signer_.sign(vote_payload(ctx_.chain_id, v.view, v.height, v.block_hash));
  ++stats_.votes_sent;
  NodeId next = own->child_rules->leader(b.view() + 1);
  TimeMs idle = idle_allowance(*own);
  pm_.note_voted(now, idle);
  if (next == my_id_) {
    handle_vote(my_id_, v, now, out);
  } else {
    send(next, std::move(v), out);
    // Again each resend interval while the view lasts (a lost vote costs
    // the view when every live validator's vote is needed), bounded.
    vote_resend_ = Resend{next, out.messages.back().msg, b.view(), now + resend_interval() + idle, kMaxVoteResends};
  }
}

// ---- commit ------------------------------------------------------------------

void HotStuffCore::try_commit(const Hash32& certified, TimeMs now, ConsensusOutput& out) {
  (void)now;
  const Entry* child = find(certified);
  if (!child) return;
  const Hash32& ph = child->block->parent_hash();
  if (ph == committed_->hash()) return;
  const Entry* parent = find(ph);
  if (!parent) return;
  if (!SafetyRules::commits_parent(*child->block, *parent->block)) return;
  commit_up_to(*parent, out);
}

void HotStuffCore::commit_up_to(const Entry& target, ConsensusOutput& out) {
  std::vector<const Entry*> chain;
  const Entry* e = &target;
  while (e) {
    chain.push_back(e);
    if (e->block->parent_hash() == committed_->hash()) break;
    e = find(e->block->parent_hash());
  }
  if (!e) {
    // A certified chain that commits a block conflicting with what we
    // committed: only possible with more than f Byzantine validators.
    // Committed blocks are final, so this node stops rather than go on
    // with a chain that a quorum has contradicted.
    ++stats_.conflicting_certificates;
    halt_on_conflict(*target.block);
    return;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Entry& c = **it;
    // Checked in every build: a commit must extend the committed tip.
    if (c.block->height() != committed_->height() + 1 || c.block->parent_hash() != committed_->hash()) {
      halt_on_conflict(*c.block);
      return;
    }
    out.commits.push_back({c.block, c.state});
    committed_ = c.block;
    committed_state_ = c.state;
    committed_e_ = c;
    recent_committed_.push_back(c.block);
    recent_index_.emplace(c.block->hash(), c.block);
    if (recent_committed_.size() > kRecentCommitted) {
      recent_index_.erase(recent_committed_.front()->hash());
      recent_committed_.pop_front();
    }
  }
  apply_committed_params();
  // Everything at or below the committed height is decided: drop the rest.
  uint64_t h = committed_->height();
  std::erase_if(tree_, [h](const auto& kv) { return kv.second.block->height() <= h; });
  std::erase_if(fetched_, [h](const auto& kv) { return kv.second->height() <= h; });
  std::erase_if(fetched_unverified_, [this](const auto& kv) { return !fetched_.count(kv.first); });
  std::erase_if(waiting_children_, [this](const auto& kv) { return !fetched_.count(kv.second); });
  std::erase_if(pending_proposals_,
                [h](const auto& kv) { return kv.second.second.block->height() <= h; });
}

void HotStuffCore::halt_on_conflict(const Block& b) {
  if (!halted_.empty()) return;
  halted_ = "safety violated: a certified chain conflicts with the committed one (block " + b.hash().short_hex() +
            " at height " + std::to_string(b.height()) + " does not extend committed block " +
            committed_->hash().short_hex() + " at height " + std::to_string(committed_->height()) +
            "); more than f validators signed conflicting blocks. The node stopped to keep its committed "
            "chain; keep its data for investigation";
}

TimeMs HotStuffCore::idle_allowance(const Entry& e) const {
  if (uncommitted_txs(e.block->hash()) || builder_.has_work(e.state)) return 0;
  // At most a timeout: a chain that idles for minutes must not take that
  // long to notice a silent leader once work arrives.
  return std::min(cfg_.idle_block_interval_ms, pm_.current_timeout());
}

bool HotStuffCore::uncommitted_txs(const Hash32& tip) const {
  for (const Entry* e = find(tip); e; e = find(e->block->parent_hash()))
    if (!e->block->txs().empty()) return true;
  return false;
}

// ---- proposing ---------------------------------------------------------------

void HotStuffCore::on_work(TimeMs now, ConsensusOutput& out) {
  if (!halted_.empty()) return;
  // The next leader has no reason to wait any more, and neither do our
  // resends and timer.
  if (pm_.allowance() > 0) {
    pm_.drop_allowance();
    if (vote_resend_ && vote_resend_->view == pm_.view())
      vote_resend_->at = std::min(vote_resend_->at, now + resend_interval());
    if (proposal_resend_ && proposal_resend_->view == pm_.view())
      proposal_resend_->at = std::min(proposal_resend_->at, now + pm_.current_timeout() / 2);
  }
  if (last_proposed_view_ < pm_.view()) maybe_propose(now, out);
}

void HotStuffCore::maybe_propose(TimeMs now, ConsensusOutput& out) {
  uint64_t view = pm_.view();
  if (last_proposed_view_ >= view || current_rules().leader(view) != my_id_) return;
  // Having voted or timed out in this view (e.g. before a restart) means we
  // may have proposed in it already: never sign a second proposal.
  if (safety_.last_voted_view() >= view) return;
  bool by_qc = high_qc_.view + 1 == view;
  bool by_tc = high_tc_ && high_tc_->view + 1 == view;
  if (!by_qc && !by_tc) return;
  const Entry* pe = find_any(high_qc_.block_hash);
  if (!pe) {
    request_block(high_qc_.block_hash, current_rules().leader(view - 1), now, out, high_qc_.height);
    return;
  }
  const BlockRules* rules = child_rules_or_halt(*pe);
  if (!rules) return;
  RulesPtr rules_ptr = pe->child_rules;
  BlockPtr parent_ptr = pe->block;
  StatePtr parent_state = pe->state;
  uint64_t parent_child_anchor = pe->child_anchor;
  const Block* parent = parent_ptr.get();
  bool busy = builder_.has_work(parent_state) || uncommitted_txs(parent->hash());
  TimeMs earliest = static_cast<TimeMs>(parent->header().timestamp_ms) + cfg_.min_block_interval_ms;
  TimeMs when = busy ? std::max(now, earliest)
                     : std::max(earliest, pm_.view_started() + cfg_.idle_block_interval_ms);
  if (when > now) {
    propose_at_ = when;
    return;
  }
  propose_at_ = 0;
  BlockHeader h;
  h.height = parent->height() + 1;
  h.view = view;
  h.parent_hash = parent->hash();
  h.protocol_version = rules->version;
  h.validator_set_hash = rules->validators->hash();
  h.proposer = my_id_;
  h.timestamp_ms = std::max<uint64_t>(static_cast<uint64_t>(std::max<TimeMs>(now, 0)),
                                      parent->header().timestamp_ms + 1);
  h.justify = high_qc_;
  auto built = builder_.build(parent_ptr, parent_state, std::move(h), *rules);
  if (!built) {
    out.rejections.push_back("could not build a block: " + built.error().to_string());
    return;
  }
  last_proposed_view_ = view;
  ++stats_.proposals;
  Proposal p;
  p.block = built->block;
  if (!by_qc) p.tc = high_tc_;
  p.signature = signer_.sign(proposal_payload(ctx_.chain_id, p.block->hash()));
  uint64_t child_anchor = view == parent->view() + 1 ? parent->height() : parent_child_anchor;
  RulesPtr child_rules = schedule_.rules(*built->state, child_anchor, p.block->height() + 1);
  NodeId next = child_rules->leader(view + 1);
  tree_.emplace(p.block->hash(), Entry{p.block, built->state, std::move(rules_ptr), child_anchor,
                                       std::move(child_rules)});
  send(std::nullopt, p, out);
  my_proposal_ = MyProposal{out.messages.back().msg, view, {}};
  // Sent again half-way through the view to the next leader, which collects
  // the votes: on a lossy link it may not have it, and with it, it passes
  // the proposal on to the validators whose votes are missing
  // (relay_for_missing_votes); up to three copies, a resend interval apart,
  // while the view lasts. To that one peer, not to every peer, so a slow
  // link is not filled twice.
  if (next != my_id_) {
    TimeMs idle = idle_allowance(tree_.at(p.block->hash()));
    proposal_resend_ = Resend{next, out.messages.back().msg, view, now + pm_.current_timeout() / 2 + idle, 3};
  }
  try_vote(p, now, out);
}

// ---- votes -------------------------------------------------------------------

void HotStuffCore::handle_vote(const NodeId& from, const Vote& v, TimeMs now,
                               ConsensusOutput& out) {
  (void)from;
  if (v.view + 1 < pm_.view() || v.view > pm_.view() + kViewWindow) return;
  if (v.view <= high_qc_.view) return;  // a QC for this view exists already
  // Votes for a block we have are checked against its rules; otherwise
  // against the current ones.
  const Entry* ve = find_any(v.block_hash);
  const BlockRules& next_rules = ve ? *ve->child_rules : current_rules();
  if (next_rules.leader(v.view + 1) != my_id_) return;
  const ValidatorSet& voters = ve ? *ve->rules->validators : validators();
  const Validator* voter = voters.find(v.voter);
  if (!voter) {
    out.rejections.push_back("vote from non-validator " + v.voter.short_hex());
    return;
  }
  // A copy of a vote already counted (resent, or replayed by anyone) costs
  // no second signature check.
  if (auto seen = first_vote_.find({v.view, v.voter}); seen != first_vote_.end() &&
      seen->second.block == v.block_hash && seen->second.height == v.height &&
      seen->second.signature == v.signature)
    return;
  if (!ctx_.suite.verify(voter->public_key,
                         vote_payload(ctx_.chain_id, v.view, v.height, v.block_hash),
                         v.signature)) {
    out.rejections.push_back("vote with a bad signature from " + v.voter.short_hex());
    return;
  }
  auto [it, inserted] = first_vote_.emplace(std::make_pair(v.view, v.voter),
                                            Signed{v.block_hash, v.height, v.signature});
  if (!inserted) {
    if (it->second.block != v.block_hash || it->second.height != v.height)
      out.equivocations.push_back({Equivocation::Kind::kVote, v.voter, v.view, it->second.block,
                                   v.block_hash, it->second.signature, v.signature,
                                   it->second.height, v.height});
    return;
  }
  auto& bucket = votes_[v.view][{v.block_hash, v.height}];
  bucket.emplace(v.voter, v.signature);
  if (bucket.size() != voters.quorum()) return;
  QuorumCertificate qc;
  qc.view = v.view;
  qc.height = v.height;
  qc.block_hash = v.block_hash;
  for (const auto& [id, sig] : bucket) qc.votes.push_back({id, sig});  // std::map: sorted
  remember_qc(qc);
  process_qc(qc, from, now, out);
}

// ---- timeouts ------------------------------------------------------------------

void HotStuffCore::local_timeout(TimeMs now, ConsensusOutput& out) {
  if (!in_any_set()) {
    pm_.rearm(now);
    return;
  }
  uint64_t view = pm_.view();
  if (!my_timeout_ || my_timeout_->view != view) {
    safety_.record(view);
    out.safety_changed = true;
    TimeoutMsg t;
    t.view = view;
    t.high_qc = high_qc_;
    if (high_tc_ && high_tc_->view + 1 == view) t.last_tc = high_tc_;
    t.sender = my_id_;
    t.signature = signer_.sign(timeout_payload(ctx_.chain_id, view, high_qc_.view));
    my_timeout_ = t;
    ++stats_.timeouts_sent;
    handle_timeout(my_id_, t, now, out);
    if (pm_.view() != view) {
      // Our own timeout completed a TC and we moved on. The validators whose
      // timeouts made it still lack ours to complete theirs: without it they
      // would stay a whole view behind, and the next leader could find the
      // others timed out before its proposal.
      send(std::nullopt, t, out);
      return;
    }
  }
  pm_.rearm(now);
  send(std::nullopt, *my_timeout_, out);
}

void HotStuffCore::handle_timeout(const NodeId& from, const TimeoutMsg& t, TimeMs now,
                                  ConsensusOutput& out) {
  auto sets = candidate_sets();
  const Validator* sender = nullptr;
  for (const ValidatorSet* s : sets)
    if ((sender = s->find(t.sender))) break;
  if (!sender) {
    out.rejections.push_back("timeout from non-validator " + t.sender.short_hex());
    return;
  }
  if (t.high_qc.view >= t.view) {
    out.rejections.push_back("timeout with a high QC not below its view");
    return;
  }
  // Our own timeouts come in through local_timeout (from == my_id_); anything
  // from the network is checked, even if it claims to be ours.
  if (from != my_id_ &&
      !ctx_.suite.verify(sender->public_key,
                         timeout_payload(ctx_.chain_id, t.view, t.high_qc.view), t.signature)) {
    out.rejections.push_back("timeout with a bad signature from " + t.sender.short_hex());
    return;
  }
  if (auto st = check_qc(t.high_qc); !st) {
    out.rejections.push_back("timeout high QC: " + st.error().detail);
    sync_unverified(from, t.high_qc.block_hash, t.high_qc.height, now, out);
    return;
  }
  if (t.last_tc && t.last_tc->view + 1 == t.view && check_tc(*t.last_tc))
    process_tc(*t.last_tc, now, out);
  process_qc(t.high_qc, from, now, out);
  if (t.view < pm_.view()) {
    // The sender is behind: give it our certificates (once per view of ours).
    // One answer is enough: from the leader of our view, or from everyone
    // when the sender is far behind.
    bool answer = current_rules().leader(pm_.view()) == my_id_ || t.view + 2 <= pm_.view();
    if (t.sender != my_id_ && answer) {
      auto [it, first] = sync_info_sent_.try_emplace(t.sender, now);
      if (first || now - it->second >= resend_interval()) {
        it->second = now;
        send(t.sender, SyncInfo{high_qc_, high_tc_}, out);
      }
    }
    return;
  }
  if (t.view > pm_.view() + kViewWindow) return;
  // A validator that gives up on the view we proposed in may not have our
  // proposal (a lost message): it gets it again, once.
  if (my_proposal_ && my_proposal_->view == t.view && t.view == pm_.view() && t.sender != my_id_ &&
      my_proposal_->resent_to.insert(t.sender).second)
    out.messages.push_back({t.sender, my_proposal_->msg});
  TimeoutSet& ts = timeouts_[t.view];
  if (ts.entries.count(t.sender)) return;
  ts.entries.emplace(t.sender, TimeoutCertificate::Entry{t.sender, t.high_qc.view, t.signature});
  ts.high_qcs.emplace(t.sender, t.high_qc);
  // f+1 timeouts of a set mean at least one of its honest validators gave
  // up on the view: join. A quorum of a set makes the certificate.
  for (const ValidatorSet* set : sets) {
    size_t count = ts.count_in(*set);
    if (t.view == pm_.view() && count >= set->max_faulty() + 1 &&
        (!my_timeout_ || my_timeout_->view != t.view) && in_any_set()) {
      local_timeout(now, out);
      if (pm_.view() != t.view) return;
      count += set->contains(my_id_);
    }
    if (count >= set->quorum() && set->quorum() > 0) {
      TimeoutCertificate tc;
      tc.view = t.view;
      QuorumCertificate best = genesis_qc(ctx_.genesis_hash);
      best.view = 0;
      bool first = true;
      for (const auto& [id, e] : ts.entries) {
        if (!set->contains(id)) continue;
        tc.entries.push_back(e);
        const QuorumCertificate& q = ts.high_qcs.at(id);
        if (first || q.view > best.view) best = q, first = false;
      }
      tc.high_qc = best;
      process_tc(tc, now, out);
      return;
    }
  }
}

void HotStuffCore::handle_sync_info(const NodeId& from, const SyncInfo& s, TimeMs now,
                                    ConsensusOutput& out) {
  if (s.high_qc.view > high_qc_.view) {
    if (auto st = check_qc(s.high_qc); !st) {
      out.rejections.push_back("sync info QC: " + st.error().detail);
      sync_unverified(from, s.high_qc.block_hash, s.high_qc.height, now, out);
      return;
    }
    process_qc(s.high_qc, from, now, out);
  }
  if (s.high_tc && (!high_tc_ || s.high_tc->view > high_tc_->view)) {
    if (auto st = check_tc(*s.high_tc); !st) {
      out.rejections.push_back("sync info TC: " + st.error().detail);
      return;
    }
    process_tc(*s.high_tc, now, out);
  }
}

// ---- dispatch ---------------------------------------------------------------------

void HotStuffCore::on_message(const NodeId& from, const Message& msg, TimeMs now,
                              ConsensusOutput& out) {
  if (!halted_.empty()) return;
  std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, Proposal>) handle_proposal(from, m, now, out);
        else if constexpr (std::is_same_v<T, Vote>) handle_vote(from, m, now, out);
        else if constexpr (std::is_same_v<T, TimeoutMsg>) handle_timeout(from, m, now, out);
        else if constexpr (std::is_same_v<T, SyncInfo>) handle_sync_info(from, m, now, out);
        else if constexpr (std::is_same_v<T, BlockRequest>) handle_block_request(from, m, now, out);
        else if constexpr (std::is_same_v<T, BlockResponse>)
          handle_block_response(from, m, now, out);
      },
      msg);
}

void HotStuffCore::on_tick(TimeMs now, ConsensusOutput& out) {
  ticked_ = true;
  if (!halted_.empty()) return;
  // Also covers the first view after start or restart, entered without a
  // certificate arriving.
  if ((propose_at_ > 0 && now >= propose_at_) || (propose_at_ == 0 && last_proposed_view_ < pm_.view())) {
    propose_at_ = 0;
    maybe_propose(now, out);
  }
  retry_sync(now, out);
  resend(vote_resend_, now, out);
  resend(proposal_resend_, now, out);
  relay_for_missing_votes(now, out);
  if (now >= pm_.deadline()) local_timeout(now, out);
}

void HotStuffCore::relay_for_missing_votes(TimeMs now, ConsensusOutput& out) {
  if (!current_proposal_ || current_proposal_->left <= 0 || current_proposal_->view != pm_.view()) return;
  if (now < current_proposal_->next_at) return;
  // Counted once the time has come, whether or not there is anything to
  // send: next_deadline() must not keep naming a moment that has passed.
  // Spaced further each time (one resend interval, then two, ...): on a
  // slow link the votes are late rather than lost, and each copy would
  // queue behind the last.
  current_proposal_->next_at = now + resend_interval() * (kMaxRelays - current_proposal_->left + 1);
  --current_proposal_->left;
  const Block& b = *std::get<Proposal>(*current_proposal_->msg).block;
  const Entry* e = find(b.hash());
  if (!e || e->child_rules->leader(b.view() + 1) != my_id_) return;
  auto v = votes_.find(b.view());
  const std::map<NodeId, Bytes>* voted = nullptr;
  if (v != votes_.end())
    if (auto it = v->second.find({b.hash(), b.height()}); it != v->second.end()) voted = &it->second;
  for (const auto& m : e->rules->validators->members())
    if (m.id != my_id_ && m.id != b.header().proposer && (!voted || !voted->count(m.id)))
      out.messages.push_back({m.id, current_proposal_->msg, /*bulk=*/true});
}

void HotStuffCore::resend(std::optional<Resend>& r, TimeMs now, ConsensusOutput& out, bool bulk) {
  if (!r) return;
  if (pm_.view() != r->view) {  // the view moved on: it got through, or no longer matters
    r.reset();
    return;
  }
  if (now < r->at) return;
  out.messages.push_back({r->to, r->msg, bulk});
  r->at = now + resend_interval();
  if (--r->left == 0) r.reset();
}

std::string HotStuffCore::debug_string() const {
  std::string s = "tree=" + std::to_string(tree_.size()) + " fetched=" + std::to_string(fetched_.size()) +
                  " pending_props=" + std::to_string(pending_proposals_.size()) +
                  " wants=" + std::to_string(sync_wants_.size()) +
                  " sync_requests=" + std::to_string(stats_.sync_requests) +
                  " committed=" + committed_->hash().short_hex() + " hqc_block=" + high_qc_.block_hash.short_hex();
  for (auto& [h, e] : tree_)
    s += " [" + std::to_string(e.block->height()) + "/v" + std::to_string(e.block->view()) + " " + h.short_hex() +
         "<-" + e.block->parent_hash().short_hex() + "]";
  return s;
}

}  // namespace consortia
