#include "mempool/mempool.h"

namespace consortia {

bool Mempool::verify_cached(const Transaction& tx) {
  // Everything in the pool was verified on admission; the leaf covers the
  // signature, so a look-alike with another signature is checked afresh.
  auto pooled = by_id_.find(tx.id());
  if (pooled != by_id_.end() && pooled->second->leaf() == tx.leaf()) return true;
  if (known_valid(tx.leaf())) return true;
  ++verifications_;
  if (!tx.verify_signature(suite_, chain_id_)) return false;
  if (verified_.size() >= cfg_.signature_cache) verified_.clear();
  verified_.insert(tx.leaf());
  if (verified_hook_) verified_hook_(tx.leaf());
  return true;
}

Status Mempool::add(const TxPtr& tx, const StateSnapshot& committed, uint64_t max_gap) {
  if (tx->encoded_size() > cfg_.max_tx_bytes)
    return make_error(ErrorCode::kTooLarge, "transaction of " +
                                                std::to_string(tx->encoded_size()) + " bytes");
  if (tx->version() != tx_version_)
    return make_error(ErrorCode::kUnsupportedInVersion,
                      "transaction version " + std::to_string(tx->version()) + ": the chain takes version " +
                          std::to_string(tx_version_) +
                          (tx_version_ == Transaction::kVersionChainBound
                               ? " now, signed with its chain id (protocol 6 onward)"
                               : " until protocol 6 is active"));
  if (by_id_.count(tx->id())) return make_error(ErrorCode::kDuplicate, "already pending");
  // Gossip comes in runs of one sender's transactions against one committed
  // state; a state's root names its contents, so the nonce found is reused.
  if (nonce_memo_.root != committed.root() || nonce_memo_.sender != tx->sender_id())
    nonce_memo_ = {committed.root(), tx->sender_id(), committed.next_nonce(tx->sender_id())};
  uint64_t next = nonce_memo_.next;
  if (tx->nonce() < next)
    return make_error(ErrorCode::kNonceTooLow, "nonce " + std::to_string(tx->nonce()) +
                                                   " already used (next " + std::to_string(next) +
                                                   ")");
  if (tx->nonce() >= next + max_gap)
    return make_error(ErrorCode::kNonceTooHigh, "nonce " + std::to_string(tx->nonce()) +
                                                    " too far ahead of " + std::to_string(next));
  // The sender's queue is created only for a transaction admitted: a refused
  // one leaves nothing behind.
  auto pending = by_sender_.find(tx->sender_id());
  if (pending != by_sender_.end() && pending->second.count(tx->nonce()))
    return make_error(ErrorCode::kDuplicate,
                      "another transaction with nonce " + std::to_string(tx->nonce()) + " pending");
  // A full pool takes a transaction that is ready now in place of a held one.
  const bool full = by_id_.size() >= cfg_.max_txs;
  if (full && tx->nonce() != next) return make_error(ErrorCode::kMempoolFull, "mempool full");
  if (auto st = StateMachine::check_payload(*tx); !st) return st;
  // Checked here rather than through verify_cached(): an admitted transaction
  // is vouched for by by_id_, so it need not also enter verified_.
  bool valid = known_valid(tx->leaf());
  if (!valid) {
    ++verifications_;
    valid = tx->verify_signature(suite_, chain_id_);
    if (valid && verified_hook_) verified_hook_(tx->leaf());
  }
  if (!valid) return make_error(ErrorCode::kBadSignature, "transaction signature does not verify");
  if (full && !evict_held(committed, tx->sender_id())) return make_error(ErrorCode::kMempoolFull, "mempool full");
  by_sender_[tx->sender_id()].emplace(tx->nonce(), tx);
  by_id_.emplace(tx->id(), tx);
  by_leaf_.emplace(tx->leaf(), tx);
  return {};
}

size_t Mempool::set_tx_version(uint8_t version) {
  if (version == tx_version_) return 0;
  tx_version_ = version;
  size_t dropped = 0;
  for (auto s = by_sender_.begin(); s != by_sender_.end();) {
    auto& queue = s->second;
    for (auto q = queue.begin(); q != queue.end();) {
      if (q->second->version() == version) {
        ++q;
        continue;
      }
      remove(q->second);
      q = queue.erase(q);
      ++dropped;
    }
    if (queue.empty()) {
      held_since_.erase(s->first);
      s = by_sender_.erase(s);
    } else {
      ++s;
    }
  }
  return dropped;
}

std::vector<TxPtr> Mempool::select(const StateSnapshot& parent_state, size_t max, size_t max_bytes,
                                   uint8_t version) const {
  if (version == 0) version = tx_version_;
  std::vector<TxPtr> out;
  size_t bytes = 0;
  max = std::min(max, cfg_.max_block_txs);
  if (by_sender_.empty()) return out;
  auto it = by_sender_.upper_bound(cursor_);
  for (size_t visited = 0; visited < by_sender_.size() && out.size() < max; ++visited, ++it) {
    if (it == by_sender_.end()) it = by_sender_.begin();
    const auto& [sender, queue] = *it;
    uint64_t want = parent_state.next_nonce(sender);
    for (auto q = queue.find(want); q != queue.end() && q->first == want && out.size() < max;
         ++q, ++want) {
      if (q->second->version() != version) break;
      if (bytes + q->second->encoded_size() > max_bytes) break;
      bytes += q->second->encoded_size();
      out.push_back(q->second);
    }
    cursor_ = sender;
  }
  return out;
}

bool Mempool::has_ready(const StateSnapshot& parent_state) const {
  for (const auto& [sender, queue] : by_sender_)
    if (queue.count(parent_state.next_nonce(sender))) return true;
  return false;
}

void Mempool::remove(const TxPtr& tx) {
  by_id_.erase(tx->id());
  by_leaf_.erase(tx->leaf());
  if (!local_.empty() && local_.erase(tx->id())) {
    auto s = local_senders_.find(tx->sender_id());
    if (s != local_senders_.end() && --s->second == 0) local_senders_.erase(s);
  }
}

void Mempool::drop_sender(std::map<NodeId, absl::btree_map<uint64_t, TxPtr>>::iterator s) {
  for (const auto& [nonce, tx] : s->second) remove(tx);
  held_since_.erase(s->first);
  by_sender_.erase(s);
}

bool Mempool::evict_held(const StateSnapshot& committed, const NodeId& except) {
  constexpr size_t kProbes = 64;
  if (by_sender_.empty()) return false;
  auto it = by_sender_.upper_bound(evict_cursor_);
  for (size_t probed = 0; probed < std::min(kProbes, by_sender_.size()); ++probed, ++it) {
    if (it == by_sender_.end()) it = by_sender_.begin();
    evict_cursor_ = it->first;
    if (it->first == except || it->second.empty()) continue;
    if (it->second.begin()->first <= committed.next_nonce(it->first)) continue;  // ready: kept
    auto newest = std::prev(it->second.end());
    remove(newest->second);
    it->second.erase(newest);
    if (it->second.empty()) {
      held_since_.erase(it->first);
      by_sender_.erase(it);
    }
    ++evicted_;
    return true;
  }
  return false;
}

size_t Mempool::expire(const StateSnapshot& committed, int64_t now_ms) {
  size_t dropped = 0;
  if (by_sender_.empty()) {
    held_since_.clear();
    return 0;
  }
  auto it = by_sender_.upper_bound(expire_cursor_);
  size_t n = std::min(cfg_.expire_batch, by_sender_.size());
  for (size_t looked = 0; looked < n; ++looked) {
    if (it == by_sender_.end()) it = by_sender_.begin();
    expire_cursor_ = it->first;
    auto next_it = std::next(it);
    if (it->second.empty() || it->second.begin()->first <= committed.next_nonce(it->first)) {
      held_since_.erase(it->first);
    } else {
      auto [since, fresh] = held_since_.try_emplace(it->first, now_ms);
      if (!fresh && now_ms - since->second >= cfg_.held_ttl_ms) {
        dropped += it->second.size();
        drop_sender(it);
      }
    }
    it = next_it;
    if (by_sender_.empty()) break;
  }
  evicted_ += dropped;
  return dropped;
}

void Mempool::mark_local(const TxPtr& tx) {
  if (by_id_.count(tx->id()) && local_.insert(tx->id()).second) ++local_senders_[tx->sender_id()];
}

std::vector<TxPtr> Mempool::stuck_local(const StateSnapshot& committed, uint64_t room_blocks,
                                        uint64_t patience, size_t max, size_t max_bytes) {
  std::vector<TxPtr> out;
  size_t bytes = 0;
  std::map<NodeId, Watch> watched;
  for (const auto& [sender, count] : local_senders_) {
    auto s = by_sender_.find(sender);
    if (s == by_sender_.end()) continue;
    const auto& queue = s->second;
    uint64_t next = committed.next_nonce(sender);
    auto q = queue.find(next);
    // Only where the next one is this node's own: one held from gossip is
    // its submitter's charge.
    if (q == queue.end() || !local_.count(q->second->id())) continue;
    Watch w{next, room_blocks};
    if (auto before = watched_.find(sender); before != watched_.end() && before->second.next == next)
      w = before->second;
    uint64_t wait = patience << std::min<uint32_t>(w.offers, 6);
    if (room_blocks - w.since >= wait && out.size() < max && bytes < max_bytes) {
      size_t had = out.size();
      for (uint64_t want = next; q != queue.end() && q->first == want && out.size() < max; ++q, ++want) {
        if (!local_.count(q->second->id())) continue;
        if (bytes + q->second->encoded_size() > max_bytes && !out.empty()) break;
        bytes += q->second->encoded_size();
        out.push_back(q->second);
      }
      if (out.size() > had) {  // a sender left out for lack of room waits for the next look
        w.since = room_blocks;
        ++w.offers;
      }
    }
    watched.emplace(sender, w);
  }
  watched_ = std::move(watched);
  return out;
}

void Mempool::on_commit(const std::vector<TxPtr>& txs, const StateSnapshot& committed) {
  const NodeId* pruned = nullptr;  // a block holds runs of one sender's transactions
  for (const auto& tx : txs) {
    if (!verified_.empty()) verified_.erase(tx->leaf());
    if (pruned && *pruned == tx->sender_id()) continue;
    pruned = &tx->sender_id();
    auto s = by_sender_.find(tx->sender_id());
    if (s == by_sender_.end()) continue;
    uint64_t next = committed.next_nonce(tx->sender_id());
    auto& queue = s->second;
    while (!queue.empty() && queue.begin()->first < next) {
      remove(queue.begin()->second);
      queue.erase(queue.begin());
    }
    if (queue.empty()) {
      held_since_.erase(s->first);
      by_sender_.erase(s);
    }
  }
}

}  // namespace consortia
