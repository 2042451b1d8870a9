#include "chain/node.h"

#include <cmath>
#include <set>

#include "state/leader_activity.h"

namespace consortia {

Node::Node(const Genesis& genesis, NodeConfig cfg, const CryptoSuite& suite,
           std::unique_ptr<Signer> signer, BlockStore& store,
           std::shared_ptr<ExecutionCache> cache)
    : cfg_(cfg),
      suite_(suite),
      signer_(std::move(signer)),
      id_(suite.node_id(signer_->public_key())),
      store_(store),
      cache_(std::move(cache)),
      schedule_(suite, cfg.min_protocol_version, cfg.max_protocol_version, &cache_->configs()),
      genesis_(genesis.block(suite)),
      chain_id_(genesis_->hash()),
      sm_(suite, &cache_->configs()),
      mempool_(suite, cfg.mempool, chain_id_) {}

Result<std::unique_ptr<Node>> Node::open(const Genesis& genesis, NodeConfig cfg,
                                         const CryptoSuite& suite, std::unique_ptr<Signer> signer,
                                         BlockStore& store, std::shared_ptr<ExecutionCache> cache,
                                         TimeMs now) {
  if (genesis.suite != suite.id())
    return make_error(ErrorCode::kInvalidArgument, "genesis names another crypto suite");
  if (genesis.validators.empty())
    return make_error(ErrorCode::kInvalidArgument, "genesis has no validators");
  if (!cache) cache = std::make_shared<ExecutionCache>();
  std::unique_ptr<Node> n(
      new Node(genesis, cfg, suite, std::move(signer), store, std::move(cache)));
  BlockPtr tip = n->genesis_;
  if (store.tip_height() > 0) {
    auto b = store.block_at(store.tip_height());
    if (!b) return b.error();
    tip = *b;
  }
  StatePtr state = genesis.state(suite);
  if (store.tip_height() > 0) {
    auto loaded = store.load_state();
    if (!loaded) return loaded.error();
    state = *loaded;
  }
  auto safety = store.load_safety();
  if (!safety) return safety.error();
  SafetyState restored = safety->value_or(SafetyState{});
  auto pending = store.load_pending();
  if (!pending) return pending.error();
  CertificateContext ctx{suite, n->chain_id_, n->genesis_->hash(), cfg.certificate_memo};
  BlockBuilder& builder = *n;
  CommittedBlockSource& source = *n;
  // Anchors of the committed tip, from the stored chain.
  auto parent_of = [&](const Block& b) -> BlockPtr {
    if (b.height() <= 1) return b.height() == 1 ? n->genesis_ : nullptr;
    auto p = store.block_at(b.height() - 1);
    return p ? *p : nullptr;
  };
  uint64_t tip_anchor = tip->height() == 0 ? 0 : HotStuffCore::anchor_below(parent_of(*tip), parent_of);
  uint64_t tip_child_anchor = HotStuffCore::anchor_below(tip, parent_of);
  n->core_ = std::make_unique<HotStuffCore>(cfg.consensus, ctx, n->schedule_, *n->signer_, builder,
                                            source, tip, state, tip_anchor, tip_child_anchor,
                                            restored, now);
  n->saved_high_block_ = restored.high_qc.block_hash;
  ConsensusOutput co;
  n->core_->restore_pending(std::move(*pending), now, co);
  NodeOutput recommitted;  // blocks certified before the crash, appended now
  n->finish(co, recommitted);
  if (!n->halted_.empty()) return make_error(ErrorCode::kStorageIo, n->halted_);
  return n;
}

// ---- block contents -----------------------------------------------------------

namespace {
// Relayed gossip (protocol 3, above relay_above_members): a batch goes to
// this many relays, each passing it on to about as many peers.
// Consecutive parts of txs, each of at most max_bytes encoded (a larger
// transaction alone in its part).
std::vector<std::vector<TxPtr>> split_by_bytes(std::vector<TxPtr> txs, size_t max_bytes) {
  std::vector<std::vector<TxPtr>> parts;
  size_t bytes = 0;
  for (auto& tx : txs) {
    if (parts.empty() || (bytes + tx->encoded_size() > max_bytes && !parts.back().empty())) {
      parts.emplace_back();
      bytes = 0;
    }
    bytes += tx->encoded_size();
    parts.back().push_back(std::move(tx));
  }
  return parts;
}

size_t relay_fanout(size_t peers) { return static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(peers)))); }

// What a block contributes to its execution besides its transactions. From
// protocol 3 that includes the leader record (state/leader_activity.h): its
// certificate's voters and the leaders of the views it skipped, by its
// rules' rotation (at most one full turn of it).
BlockContext block_context(const BlockHeader& h, const BlockRules& rules) {
  BlockContext c{h.height, h.protocol_version, h.proposer, h.timestamp_ms};
  if (h.protocol_version < LeaderActivity::kFirstVersion) return c;
  c.validators = static_cast<uint32_t>(rules.validators->size());
  for (const auto& v : h.justify.votes) c.voters.push_back(v.signer);
  size_t turn = rules.rotation.empty() ? rules.validators->size() : rules.rotation.size();
  uint64_t first = h.justify.view + 1;
  uint64_t skipped = h.view > first ? h.view - first : 0;
  for (uint64_t w = h.view - std::min<uint64_t>(skipped, turn); w < h.view; ++w)
    c.failed_leaders.push_back(rules.leader(w));
  return c;
}
}  // namespace

// How many transactions a leader puts in its block (protocol 3 on). A block
// must reach a quorum well within a view: on a slow link a leader's turn
// costs its block times the peers, so a block that took long to certify
// makes the next one smaller, and one that went quickly lets it double. The
// chain's max_block_txs stays the bound. Every leader reads the same parent,
// so the size follows the network, not one node's guess.
//
// A slow block is not always a big one: on a long link (a second of delay)
// every round takes the link's time whatever it carries, and shrinking only
// starves the chain. So when the last committed rounds took about the same
// time and even the shortest took more than half a view, what is compared
// with half a view is only the time beyond that shortest (round_floor()),
// the part a smaller block could save. Under a rate limit rounds vary with
// what they carry, and the rule reads the whole interval as before.
size_t Node::block_size_for(const Block& parent, const BlockHeader& next, const BlockRules& rules) const {
  size_t max = rules.params.max_block_txs;
  if (next.protocol_version < LeaderActivity::kFirstVersion || parent.height() == 0) return max;
  constexpr size_t kMin = 64;
  auto interval = static_cast<double>(next.timestamp_ms) - static_cast<double>(parent.header().timestamp_ms);
  double target = std::max<double>(rules.params.base_timeout_ms / 2.0, rules.params.min_block_interval_ms);
  auto floor = static_cast<double>(round_floor());
  double took = floor >= target ? std::max(0.0, interval - floor) : interval;
  auto before = static_cast<double>(parent.txs().size());
  double size = took > target ? before * target / took : 2 * before;
  return std::clamp<size_t>(static_cast<size_t>(size), std::min(kMin, max), max);
}

TimeMs Node::round_floor() const {
  if (recent_rounds_.size() < kRoundWindow / 2) return 0;
  // Rounds that take the link's time vary little; rounds that queue behind
  // a rate limit vary a lot and have no floor to speak of.
  double n = 0, sum = 0, squares = 0, least = 1e18;
  for (TimeMs took : recent_rounds_) {
    auto y = static_cast<double>(took);
    n += 1, sum += y, squares += y * y, least = std::min(least, y);
  }
  double mean = sum / n;
  double sd = std::sqrt(std::max(0.0, squares / n - mean * mean));
  return sd <= 0.15 * mean ? static_cast<TimeMs>(least) : 0;
}

void Node::note_committed_interval(const Block& b) {
  TimeMs ts = b.header().timestamp_ms;
  if (last_commit_ms_ >= 0 && ts >= last_commit_ms_) {
    recent_rounds_.push_back(ts - last_commit_ms_);
    if (recent_rounds_.size() > kRoundWindow) recent_rounds_.pop_front();
  }
  last_commit_ms_ = ts;
}

Result<BlockBuilder::Built> Node::build(const BlockPtr& parent, const StatePtr& parent_state,
                                        BlockHeader header, const BlockRules& rules) {
  std::vector<TxPtr> txs = mempool_.select(*parent_state, block_size_for(*parent, header, rules),
                                           cfg_.max_block_tx_bytes, Transaction::version_for(rules.version));
  header.tx_root = Block::compute_tx_root(suite_, txs);
  auto state = cache_->apply(sm_, parent_state, header.tx_root, txs, block_context(header, rules));
  if (!state) return state.error();
  header.state_root = (*state)->root();
  return Built{Block::create(suite_, std::move(header), std::move(txs)), std::move(*state)};
}

Result<StatePtr> Node::execute(const Block& block, const StatePtr& parent_state,
                               const BlockRules& rules) {
  if (block.txs().size() > rules.params.max_block_txs)
    return make_error(ErrorCode::kInvalidBlock,
                      std::to_string(block.txs().size()) + " transactions, the chain allows " +
                          std::to_string(rules.params.max_block_txs));
  const uint8_t tx_version = Transaction::version_for(rules.version);
  for (const auto& tx : block.txs()) {
    // Before the signature: a version 1 transaction from protocol 6 on could
    // be one signed for another chain.
    if (tx->version() != tx_version)
      return make_error(ErrorCode::kInvalidBlock,
                        "transaction " + tx->id().short_hex() + " of version " + std::to_string(tx->version()) +
                            " in a block of protocol " + std::to_string(rules.version));
    if (!mempool_.verify_cached(*tx))
      return make_error(ErrorCode::kBadSignature, "transaction " + tx->id().short_hex());
  }
  const BlockHeader& h = block.header();
  auto state = cache_->apply(sm_, parent_state, h.tx_root, block.txs(), block_context(h, rules));
  if (!state) return state;
  if ((*state)->root() != block.header().state_root)
    return make_error(ErrorCode::kInvalidBlock, "state root mismatch");
  return state;
}

bool Node::has_work(const StatePtr& parent_state) const {
  return mempool_.has_ready(*parent_state);
}

uint32_t Node::next_protocol_version() const { return core_->current_rules_ref().version; }

void Node::halt_on_storage(const Error& e) {
  halted_ = std::string(kStorageFailure) + e.to_string();
  // Only a write the store could not make (a full disk, an I/O error) may
  // succeed later; a refused one (a block that does not extend the tip)
  // says something is wrong with the node itself.
  storage_io_failure_ = e.code == ErrorCode::kStorageIo;
}

BlockPtr Node::committed_block(const Hash32& hash) {
  auto b = store_.block_by_hash(hash);
  return b ? *b : nullptr;
}

// ---- events -------------------------------------------------------------------

void Node::finish(ConsensusOutput& co, NodeOutput& out) {
  // Order matters for a crash at any point. The certified chain and the
  // safety state are durable first, so after a restart the highest
  // certificate and the blocks under it are known and anything committed
  // below it can be committed again; then the commits; messages last.
  if (auto st = save_certified_chain(); !st) {
    halt_on_storage(st.error());
    return;
  }
  if (co.safety_changed) {
    if (auto st = store_.save_safety(core_->safety_state()); !st) {
      halt_on_storage(st.error());
      return;
    }
  }
  for (auto& c : co.commits) {
    if (auto st = store_.append(c.block, c.state); !st) {
      halt_on_storage(st.error());
      return;  // nothing leaves a node that cannot persist
    }
    mempool_.on_commit(c.block->txs(), *c.state);
    // Room to spare: fewer transactions than the leader's size for it (the
    // one build() takes, as this node computes it), so the leader had no
    // more ready. A backlog or a rate limit fills its blocks to that size.
    const BlockRules& rules = core_->current_rules_ref();
    size_t room = last_committed_ ? block_size_for(*last_committed_, c.block->header(), rules)
                                  : rules.params.max_block_txs;
    if (c.block->txs().size() < room) ++blocks_with_room_;
    last_committed_ = c.block;
    relay_.committed(c.block->height());
    note_committed_interval(*c.block);
    out.commits.push_back(std::move(c));
  }
  // The next block's protocol names the transaction version the pool takes
  // (at the block that activates protocol 6, the version 1 ones go).
  mempool_.set_tx_version(Transaction::version_for(core_->current_rules_ref().version));
  for (auto& m : co.messages) out.messages.push_back({m.to, relay_.for_wire(m, now_), m.bulk});
  for (auto& found : co.equivocations) {
    const Equivocation e = found.without_votes();
    // The core verified both statements with the offender's key in this view's set.
    const Validator* v = core_->validators().find(e.offender);
    auto cfg = v ? nullptr : config();
    const Member* m = cfg ? cfg->member(e.offender) : nullptr;
    if (v || m) keep_equivocation(e, v ? v->public_key : m->public_key, id_, now_, out);
  }
  for (auto& r : co.rejections) out.rejections.push_back(std::move(r));
}

Status Node::save_certified_chain() {
  const Hash32& top = core_->high_qc().block_hash;
  if (top == saved_high_block_) return {};
  // The certified block and its uncommitted ancestors, newest first, until one
  // that was saved before.
  std::vector<BlockPtr> chain;
  for (BlockPtr b = core_->pending_block(top); b; b = core_->pending_block(b->parent_hash())) {
    chain.push_back(b);
    if (b->hash() == saved_high_block_) break;
  }
  if (chain.empty()) return {};  // not received yet; saved once it arrives
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (auto st = store_.save_pending(*it); !st) return st;
  saved_high_block_ = top;
  return {};
}

// ---- equivocation evidence ------------------------------------------------------

bool Node::hold_equivocation(HeldEquivocation held) {
  auto key = held.evidence.key();
  if (evidence_.count(key) || evidence_.size() >= kMaxEvidence) return false;
  size_t& per = evidence_per_offender_[held.evidence.offender];
  if (per >= kMaxEvidencePerOffender) return false;
  ++per;
  evidence_.emplace(key, std::move(held));
  evidence_order_.push_back(key);
  return true;
}

bool Node::keep_equivocation(const Equivocation& e, const Bytes& offender_key, const NodeId& from, TimeMs now,
                             NodeOutput& out) {
  if (!hold_equivocation({e, offender_key, from, now})) return false;
  out.equivocations.push_back(evidence_.at(e.key()));
  if (core_->current_rules_ref().version >= kEquivocationGossipVersion)
    out.messages.push_back({std::nullopt, std::make_shared<const Message>(EquivocationEvidence{e})});
  return true;
}

Status Node::add_equivocation(const Equivocation& e, const NodeId& from, TimeMs now, NodeOutput& out) {
  if (evidence_.count(e.key())) return {};
  // Before any signature is checked: what cannot be kept anyway, and what
  // was refused before (a peer repeating it costs a lookup).
  if (evidence_.size() >= kMaxEvidence)
    return make_error(ErrorCode::kMempoolFull, "equivocation evidence: " + std::to_string(kMaxEvidence) + " pieces held");
  if (auto it = evidence_per_offender_.find(e.offender);
      it != evidence_per_offender_.end() && it->second >= kMaxEvidencePerOffender)
    return {};  // enough against it already
  Bytes encoded = e.encode();
  Hash32 digest = suite_.hash(encoded);
  if (refused_evidence_.count(digest))
    return make_error(ErrorCode::kDuplicate, "equivocation evidence refused before");
  auto refuse = [&](Error err) {
    if (refused_evidence_order_.size() >= kMaxEvidence) {
      refused_evidence_.erase(refused_evidence_order_.front());
      refused_evidence_order_.pop_front();
    }
    refused_evidence_.insert(digest);
    refused_evidence_order_.push_back(digest);
    return Status(std::move(err));
  };
  auto cfg = config();
  const Member* offender = cfg ? cfg->member(e.offender) : nullptr;
  if (!offender || offender->role != MemberRole::kValidator)
    return refuse(make_error(ErrorCode::kNotFound, "equivocation evidence against " + e.offender.short_hex() +
                                                       ", not a validator of the chain"));
  if (auto st = e.verify(suite_, chain_id_, offender->public_key); !st) return refuse(st.error());
  keep_equivocation(e, offender->public_key, from, now, out);
  return {};
}

Status Node::restore_equivocation(const HeldEquivocation& h) {
  if (evidence_.count(h.evidence.key())) return {};
  if (auto st = h.evidence.verify(suite_, chain_id_, h.offender_key); !st) return st;
  hold_equivocation(h);  // not sent: peers had it before the restart
  return {};
}

std::vector<HeldEquivocation> Node::equivocation_summary(size_t offenders) const {
  std::map<NodeId, const HeldEquivocation*> newest;
  for (const auto& k : evidence_order_) newest[std::get<0>(k)] = &evidence_.at(k);
  auto cfg = config();
  std::vector<HeldEquivocation> validators, others;
  for (const auto& [id, h] : newest) {
    const Member* m = cfg ? cfg->member(id) : nullptr;
    (m && m->role == MemberRole::kValidator ? validators : others).push_back(*h);
  }
  validators.insert(validators.end(), others.begin(), others.end());
  if (validators.size() > offenders) validators.resize(offenders);
  return validators;
}

std::vector<HeldEquivocation> Node::equivocations() const {
  std::vector<HeldEquivocation> out;
  out.reserve(evidence_order_.size());
  for (const auto& k : evidence_order_) out.push_back(evidence_.at(k));
  return out;
}

void Node::deliver_proposal(const NodeId& from, std::optional<Proposal> p, TimeMs now, NodeOutput& out) {
  if (!p) return;
  ConsensusOutput co;
  core_->on_message(from, Message{std::move(*p)}, now, co);
  finish(co, out);
}

void Node::on_message(const NodeId& from, const Message& msg, TimeMs now, NodeOutput& out) {
  if (!halted_.empty()) return;
  now_ = now;
  if (auto* cp = std::get_if<CompactProposal>(&msg)) {
    if (BlockPtr have = core_->pending_block(Block::header_hash(suite_, cp->header)))
      return deliver_proposal(from, Proposal{have, cp->tc, cp->signature}, now, out);
    uint64_t view = core_->view();
    const BlockHeader& h = cp->header;
    if (h.height <= core_->committed_height()) return;  // decided already
    if (h.view + 2 < view || h.view > view + HotStuffCore::kViewWindow) {
      // Not one to rebuild now, but its certificate may still move us on (a
      // node far behind learns the chain's progress this way, then syncs).
      ConsensusOutput co;
      core_->on_message(from, Message{SyncInfo{h.justify, cp->tc}}, now, co);
      finish(co, out);
      return;
    }
    return deliver_proposal(from, relay_.on_compact(from, *cp, now, out.messages, out.rejections), now, out);
  }
  if (auto* r = std::get_if<BlockTxResponse>(&msg)) return deliver_proposal(from, relay_.on_response(*r), now, out);
  if (auto* ev = std::get_if<EquivocationEvidence>(&msg)) {
    if (auto st = add_equivocation(ev->evidence, from, now, out); !st)
      out.rejections.push_back("equivocation evidence from " + from.short_hex() + ": " + st.error().detail);
    return;
  }
  if (auto* r = std::get_if<BlockTxRequest>(&msg)) {
    // Only blocks still being decided: a committed one comes by block sync.
    relay_.on_request(from, *r, core_->pending_block(r->block), now, out.messages);
    return;
  }
  if (is_gossip(msg)) {
    const auto& txs = std::holds_alternative<TxBatch>(msg) ? std::get<TxBatch>(msg).txs : std::get<TxRelay>(msg).txs;
    std::vector<TxPtr> admitted;
    for (const auto& tx : txs)
      if (mempool_.add_from_peer(tx, *core_->committed_state()).ok()) {
        relay_.arrived(tx->id(), now);
        admitted.push_back(tx);
      }
    bool added = !admitted.empty();
    if (auto* relay = std::get_if<TxRelay>(&msg); relay && added) {
      // Passed on only what we admitted (checked, new to us), to members,
      // each once, never back or to ourselves, and to no more peers than
      // a relay group holds.
      auto cfg = config();
      size_t group = cfg ? relay_fanout(cfg->members.size()) + 1 : 0;
      std::vector<NodeId> targets;
      for (const NodeId& to : relay->forward) {
        if (targets.size() >= group) break;
        if (to != id_ && to != from && cfg->member(to) &&
            std::find(targets.begin(), targets.end(), to) == targets.end())
          targets.push_back(to);
      }
      for (auto& part : split_by_bytes(std::move(admitted), MessageLimits::kMaxGossipBytes)) {
        auto batch = std::make_shared<const Message>(TxBatch{std::move(part)});
        for (const NodeId& to : targets) out.messages.push_back({to, batch});
      }
    }
    if (added) {
      ConsensusOutput co;
      core_->on_work(now, co);
      finish(co, out);
    }
    return;
  }
  ConsensusOutput co;
  core_->on_message(from, msg, now, co);
  finish(co, out);
}

void Node::flush_gossip(NodeOutput& out) {
  if (gossip_.empty()) return;
  std::vector<TxPtr> txs = std::move(gossip_);
  gossip_.clear();
  gossip_bytes_ = 0;
  gossip_due_ = 0;
  const BlockRules& rules = core_->current_rules_ref();
  auto cfg = rules.version >= LeaderActivity::kFirstVersion ? config() : nullptr;
  if (!cfg || cfg->members.size() <= cfg_.relay_above_members) {
    out.messages.push_back({std::nullopt, std::make_shared<const Message>(TxBatch{std::move(txs)})});
    return;
  }
  // Relays are validators with a good record (the leader rotation), so that
  // a silent one does not swallow its group's gossip; the others, observers
  // included, are shared among them in groups of about sqrt(members). The
  // groups move with each batch so that relaying is shared.
  RelayPlan& plan = relay_plan_;
  if (plan.validators != rules.validators || plan.rotation != rules.rotation || plan.config != cfg) {
    plan = RelayPlan{rules.validators, rules.rotation, cfg, {}, {}};
    const auto& vals = rules.validators->members();
    std::set<NodeId> chosen;
    if (rules.rotation.empty()) {
      for (const auto& v : vals) chosen.insert(v.id);
    } else {
      for (uint32_t i : rules.rotation) chosen.insert(vals[i].id);
    }
    for (const Member& m : cfg->members) {
      if (m.id == id_) continue;
      (chosen.count(m.id) ? plan.relays : plan.rest).push_back(m.id);
    }
  }
  std::vector<NodeId> relays = plan.relays, rest = plan.rest;
  size_t peers = relays.size() + rest.size();
  size_t groups = std::min(relays.size(), relay_fanout(peers));
  if (groups == 0) {
    out.messages.push_back({std::nullopt, std::make_shared<const Message>(TxBatch{std::move(txs)})});
    return;
  }
  size_t round = gossip_rounds_++;
  std::rotate(relays.begin(), relays.begin() + static_cast<std::ptrdiff_t>((round * groups) % relays.size()),
              relays.end());
  // Every peer but the relays, spread over the groups.
  rest.insert(rest.end(), relays.begin() + static_cast<std::ptrdiff_t>(groups), relays.end());
  std::rotate(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(rest.empty() ? 0 : round % rest.size()),
              rest.end());
  for (size_t g = 0; g < groups; ++g) {
    size_t from = g * rest.size() / groups, to = (g + 1) * rest.size() / groups;
    TxRelay r{txs, std::vector<NodeId>(rest.begin() + static_cast<std::ptrdiff_t>(from),
                                       rest.begin() + static_cast<std::ptrdiff_t>(to))};
    out.messages.push_back({relays[g], std::make_shared<const Message>(std::move(r))});
  }
}

// A client's transaction reaches the other nodes by one gossip batch. If
// that batch is lost and this node does not lead (a validator whose votes
// come last may never be chosen), the transaction and every later one of its
// sender would wait for good; offered again, any leader orders it.
void Node::reoffer(NodeOutput& out) {
  auto stuck = mempool_.stuck_local(*core_->committed_state(), blocks_with_room_, cfg_.reoffer_after_blocks,
                                    cfg_.reoffer_max, cfg_.reoffer_max_bytes);
  reoffer_due_ = mempool_.local() ? now_ + cfg_.reoffer_interval_ms : 0;
  if (stuck.empty()) return;
  reoffered_ += stuck.size();
  // Straight to the next leaders (as they stand now), not through relays: a
  // relay passes on only what is new to it, and it may hold what its group's
  // leader lacks.
  const BlockRules& rules = core_->current_rules_ref();
  std::set<NodeId> leaders;
  for (uint64_t v = core_->view(); v < core_->view() + 16 && leaders.size() < kReofferLeaders; ++v)
    if (NodeId l = rules.leader(v); l != id_) leaders.insert(l);
  auto batch = std::make_shared<const Message>(TxBatch{std::move(stuck)});
  for (const NodeId& to : leaders) out.messages.push_back({to, batch});
}

void Node::on_tick(TimeMs now, NodeOutput& out) {
  if (!halted_.empty()) return;
  now_ = now;
  if (reoffer_due_ > 0 && now >= reoffer_due_) reoffer(out);
  if (gossip_due_ > 0 && now >= gossip_due_) flush_gossip(out);
  if (now >= expire_due_) {
    mempool_.expire(*core_->committed_state(), now);
    expire_due_ = now + 1000;
  }
  relay_.on_tick(now, out.messages);
  ConsensusOutput co;
  core_->on_tick(now, co);
  finish(co, out);
}

Status Node::submit(const TxPtr& tx, TimeMs now, NodeOutput& out) {
  if (!halted_.empty()) return make_error(ErrorCode::kInvalidArgument, "node halted: " + halted_);
  now_ = now;
  if (auto st = mempool_.add(tx, *core_->committed_state()); !st) return st;
  mempool_.mark_local(tx);
  if (reoffer_due_ == 0) reoffer_due_ = now + cfg_.reoffer_interval_ms;
  relay_.arrived(tx->id(), now);
  if (gossip_bytes_ + tx->encoded_size() > MessageLimits::kMaxGossipBytes) flush_gossip(out);
  gossip_.push_back(tx);
  gossip_bytes_ += tx->encoded_size();
  if (gossip_due_ == 0) gossip_due_ = now + cfg_.gossip_interval_ms;
  if (gossip_.size() >= cfg_.gossip_batch) flush_gossip(out);
  ConsensusOutput co;
  core_->on_work(now, co);
  finish(co, out);
  return {};
}

TimeMs Node::next_deadline() const {
  // A halted node runs no timers (on_tick returns at once), so it names
  // none rather than a moment that has passed. A halted core (an upgrade it
  // cannot run) names none of its own, but the node still passes its
  // clients' transactions on to its peers.
  if (!halted_.empty()) return kNoDeadline;
  TimeMs d = core_->next_deadline();
  if (gossip_due_ > 0) d = std::min(d, gossip_due_);
  if (reoffer_due_ > 0) d = std::min(d, reoffer_due_);
  return std::min(d, relay_.next_deadline());
}

Node::ProofSource Node::proof_source() const {
  return ProofSource{&suite_,
                     chain_id_,
                     core_->committed_state(),
                     core_->committed_tip(),
                     core_->certificate_of_committed_tip(),
                     core_->committed_rules().validators};
}

Result<EvidenceProof> Node::prove_evidence(const Hash32& digest) const {
  return proof_source().prove(digest);
}

Result<EvidenceProof> Node::ProofSource::prove(const Hash32& digest) const {
  std::string key = EvidenceRecord::key_for(digest);
  auto entry = state->prove(*suite, key);
  if (!entry) return make_error(ErrorCode::kNotFound, "no evidence anchored for " + digest.hex());
  if (!certificate) return make_error(ErrorCode::kNotFound, "the latest block is not certified yet");
  EvidenceProof p;
  p.suite = std::string(suite->name());
  p.chain_id = chain_id;
  p.key = key;
  p.value = entry->value;
  p.state_path = entry->path;
  p.header = tip->header();
  p.block_hash = tip->hash();
  p.certificate = *certificate;
  for (const auto& v : validators->members()) p.validators.push_back(v.public_key);
  return p;
}

std::optional<ErrorCode> Node::receipt(const Hash32& tx_id) const {
  const Bytes* r = core_->committed_state()->get(StateSnapshot::receipt_key(tx_id));
  if (!r || r->size() != 1) return std::nullopt;
  return static_cast<ErrorCode>((*r)[0]);
}

NodeStatus Node::status() const {
  NodeStatus s;
  s.id = id_;
  s.validator = core_->is_validator();
  s.height = core_->committed_height();
  s.view = core_->view();
  s.leader = core_->leader();
  s.high_qc_view = core_->high_qc().view;
  s.mempool_size = mempool_.size();
  s.views_by_timeout = core_->stats().views_by_timeout;
  s.protocol_version = core_->current_rules_ref().version;
  s.halted = !halted_.empty() ? halted_ : core_->halted();
  return s;
}

std::shared_ptr<const ChainConfig> Node::config() const {
  const StatePtr& s = core_->committed_state();
  return config_at(*s, core_->committed_height() + 1, &cache_->configs());
}

}  // namespace consortia
