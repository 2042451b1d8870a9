#include "chain/block_relay.h"

#include <algorithm>
#include <limits>

#include "ledger/merkle.h"

#include "state/leader_activity.h"

namespace consortia {

BlockPtr BlockInterner::intern(BlockPtr b) {
  std::lock_guard lock(mu_);
  auto& slot = blocks_[b->hash()];
  if (auto kept = slot.lock()) return kept;
  slot = b;
  by_tx_root_[b->header().tx_root] = b;
  if (blocks_.size() > sweep_at_) {
    auto released = [](const auto& kv) { return kv.second.expired(); };
    std::erase_if(blocks_, released);
    std::erase_if(by_tx_root_, released);
    sweep_at_ = std::max(kFirstSweep, 2 * blocks_.size());
    ++sweeps_;
  }
  return b;
}

BlockPtr BlockInterner::find(const Hash32& hash) {
  std::lock_guard lock(mu_);
  auto it = blocks_.find(hash);
  return it == blocks_.end() ? nullptr : it->second.lock();
}

BlockPtr BlockInterner::find_by_tx_root(const Hash32& tx_root) {
  std::lock_guard lock(mu_);
  auto it = by_tx_root_.find(tx_root);
  return it == by_tx_root_.end() ? nullptr : it->second.lock();
}

BlockPtr BlockRelay::build(const BlockHeader& h, std::vector<TxPtr> txs) const {
  BlockPtr b = Block::create(suite_, h, std::move(txs));
  return interner_ ? interner_->intern(std::move(b)) : b;
}

void BlockRelay::arrived(const Hash32& tx_id, TimeMs now) {
  fresh_.emplace_back(now, tx_id);
  fresh_ids_.insert(tx_id);
}

MessagePtr BlockRelay::for_wire(const Outgoing& o, TimeMs now) {
  while (!fresh_.empty() && fresh_.front().first + kFreshMs < now) {
    fresh_ids_.erase(fresh_ids_.find(fresh_.front().second));
    fresh_.pop_front();
  }
  auto* p = std::get_if<Proposal>(o.msg.get());
  if (!p || o.to || p->block->header().protocol_version < LeaderActivity::kFirstVersion) return o.msg;
  CompactProposal c;
  c.header = p->block->header();
  const auto& txs = p->block->txs();
  c.tx_leaves.reserve(txs.size());
  for (uint32_t i = 0; i < txs.size(); ++i) {
    c.tx_leaves.push_back(txs[i]->leaf());
    if (txs.size() <= kPrefillUpTo && fresh_ids_.count(txs[i]->id())) c.prefilled.emplace_back(i, txs[i]);
  }
  c.tc = p->tc;
  c.signature = p->signature;
  return std::make_shared<const Message>(std::move(c));
}

std::optional<Proposal> BlockRelay::on_compact(const NodeId& from, const CompactProposal& p, TimeMs now,
                                               std::vector<Outgoing>& out, std::vector<std::string>& rejections) {
  const BlockHeader& h = p.header;
  auto refuse = [&](const std::string& why) {
    rejections.push_back("compact proposal from " + from.short_hex() + ": " + why);
    return std::nullopt;
  };
  // Simulated nodes share the blocks they rebuild: if one with these leaves
  // has this root, the leaves were checked against it already, by this node
  // or another (the skipped hashing is still charged to this node's clock).
  BlockPtr same_txs = interner_ ? interner_->find_by_tx_root(h.tx_root) : nullptr;
  if (same_txs && !std::equal(p.tx_leaves.begin(), p.tx_leaves.end(), same_txs->txs().begin(),
                              same_txs->txs().end(), [](const Hash32& leaf, const TxPtr& tx) { return leaf == tx->leaf(); }))
    same_txs = nullptr;
  if (!same_txs && merkle_root(suite_, p.tx_leaves) != h.tx_root) return refuse("its leaves do not make its tx_root");
  if (same_txs && interner_->skipped_hashing)  // the root's inner nodes: H(0x01 || left || right) each
    interner_->skipped_hashing(p.tx_leaves.empty() ? 0 : (p.tx_leaves.size() - 1) * (1 + 2 * sizeof(Hash32)));
  Hash32 hash = Block::header_hash(suite_, h);
  if (pending_.count(hash)) return std::nullopt;  // a copy of one being rebuilt (same leaves: same root)
  Pending entry{from, p, std::vector<TxPtr>(p.tx_leaves.size()), 0, 0};
  for (const auto& [i, tx] : p.prefilled)
    if (i < entry.txs.size() && tx->leaf() == p.tx_leaves[i]) entry.txs[i] = tx;
  entry.proposal.prefilled.clear();
  bool missing = false;
  for (size_t i = 0; i < p.tx_leaves.size(); ++i) {
    if (!entry.txs[i]) entry.txs[i] = mempool_.find_by_leaf(p.tx_leaves[i]);
    missing |= !entry.txs[i];
  }
  if (!missing) {
    if (BlockPtr known = interner_ ? interner_->find(hash) : nullptr) {
      Block::header_hash(suite_, h);  // as building it would have: the clock charges the same
      return Proposal{known, p.tc, p.signature};
    }
    return Proposal{build(h, std::move(entry.txs)), p.tc, p.signature};
  }
  size_t from_peer = 0;
  for (const auto& [k, v] : pending_) from_peer += v.from == from;
  if (from_peer >= kMaxPendingPerPeer) return refuse("too many proposals of this peer waiting");
  if (pending_.size() >= kMaxPending) {
    // Keep the newest views: an old one is decided or will come by sync.
    auto oldest = std::min_element(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
      return a.second.proposal.header.view < b.second.proposal.header.view;
    });
    if (oldest->second.proposal.header.view >= h.view) return refuse("too many proposals waiting");
    pending_.erase(oldest);
  }
  auto [it, inserted] = pending_.emplace(hash, std::move(entry));
  ask(hash, it->second, now, out);
  return std::nullopt;
}

void BlockRelay::ask(const Hash32& hash, Pending& p, TimeMs now, std::vector<Outgoing>& out) {
  BlockTxRequest r;
  r.block = hash;
  for (uint32_t i = 0; i < p.txs.size(); ++i)
    if (!p.txs[i]) r.indices.push_back(i);
  p.asked = now;
  ++p.asks;
  out.push_back({p.from, std::make_shared<const Message>(std::move(r))});
}

std::optional<Proposal> BlockRelay::on_response(const BlockTxResponse& r) {
  auto it = pending_.find(r.block);
  if (it == pending_.end() || r.txs.size() != r.indices.size()) return std::nullopt;
  Pending& p = it->second;
  for (size_t k = 0; k < r.indices.size(); ++k) {
    uint32_t i = r.indices[k];
    if (i < p.txs.size() && !p.txs[i] && r.txs[k]->leaf() == p.proposal.tx_leaves[i]) p.txs[i] = r.txs[k];
  }
  return complete(r.block);
}

std::optional<Proposal> BlockRelay::complete(const Hash32& hash) {
  auto it = pending_.find(hash);
  Pending& p = it->second;
  if (std::any_of(p.txs.begin(), p.txs.end(), [](const TxPtr& t) { return !t; })) return std::nullopt;
  // Every transaction matches its leaf, and the leaves made the root.
  Proposal out{build(p.proposal.header, std::move(p.txs)), p.proposal.tc, p.proposal.signature};
  pending_.erase(it);
  return out;
}

void BlockRelay::on_request(const NodeId& from, const BlockTxRequest& r, const BlockPtr& block, TimeMs now,
                            std::vector<Outgoing>& out) {
  if (!block || r.indices.empty()) return;
  // A token bucket per peer: a small request cannot be turned into an
  // unbounded stream of large answers.
  constexpr double kPerSecond = 20, kBurst = 40;
  Bucket& b = serve_[from];
  if (b.at == 0) b.tokens = kBurst;
  b.tokens = std::min(kBurst, b.tokens + static_cast<double>(now - b.at) * kPerSecond / 1000.0);
  b.at = now;
  if (b.tokens < 1) return;
  b.tokens -= 1;
  BlockTxResponse resp;
  resp.block = r.block;
  const auto& txs = block->txs();
  size_t bytes = 0;
  for (uint32_t i : r.indices) {  // strictly increasing (checked on decoding)
    if (i >= txs.size() || bytes + txs[i]->encoded_size() > kMaxAnswerBytes) break;
    bytes += txs[i]->encoded_size();
    resp.indices.push_back(i);
    resp.txs.push_back(txs[i]);
  }
  if (!resp.txs.empty()) out.push_back({from, std::make_shared<const Message>(std::move(resp))});
}

void BlockRelay::on_tick(TimeMs now, std::vector<Outgoing>& out) {
  for (auto it = pending_.begin(); it != pending_.end();) {
    Pending& p = it->second;
    if (now < p.asked + kAskAgainMs) {
      ++it;
    } else if (p.asks >= kMaxAsks) {
      it = pending_.erase(it);
    } else {
      ask(it->first, p, now, out);
      ++it;
    }
  }
}

TimeMs BlockRelay::next_deadline() const {
  TimeMs d = std::numeric_limits<TimeMs>::max();
  for (const auto& [h, p] : pending_) d = std::min(d, p.asked + kAskAgainMs);
  return d;
}

void BlockRelay::committed(uint64_t height) {
  std::erase_if(pending_, [height](const auto& kv) { return kv.second.proposal.header.height <= height; });
}

}  // namespace consortia
