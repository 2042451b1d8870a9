// Block sync: a node that lacks blocks (behind, or around a view change)
// asks a peer for a block and its ancestors, checks that the answer forms a
// chain hanging from what it asked for, keeps the blocks until their parents
// are known and inserts them (each certificate checked against its parent's
// rules on insertion), asking other validators in turn when a peer does not
// answer. It also serves other nodes' requests, within a per-peer budget.
// Part of HotStuffCore (consensus/hotstuff.h).
#include "consensus/hotstuff.h"

#include <algorithm>

namespace consortia {
namespace {
constexpr size_t kMaxFetched = 4096;
constexpr size_t kMaxSyncWants = 8;
// What a peer claims and we cannot check may hold two places of the table
// (one per peer), yields its place to a want we can vouch for, and is given
// up after four tries (a claim of a block that does not exist costs a few
// requests, then nothing);
// the blocks fetched for such claims hold at most half of the fetched set
// (a node far behind a reconfiguration fetches a long chain this way).
constexpr size_t kMaxUnverifiedWants = 2;
constexpr uint32_t kUnverifiedAttempts = 4;
constexpr size_t kMaxFetchedUnverified = kMaxFetched / 2;
constexpr size_t kMaxFetchedUnverifiedPerOrigin = kMaxFetchedUnverified / 2;
// Blocks fetched for an unverified claim that have not connected to our
// chain in this time are dropped (a made-up chain never connects).
constexpr TimeMs kUnvouchedLifetimeMs = 60'000;
}  // namespace

void HotStuffCore::sync_unverified(const NodeId& from, const Hash32& hash, uint64_t height,
                                   TimeMs now, ConsensusOutput& out) {
  // Only for blocks above what we committed and that we lack; the number of
  // open requests is bounded, and nothing fetched is trusted before its
  // certificate checks out against its parent's rules.
  if (from == my_id_ || height <= committed_->height() || find_any(hash)) return;
  size_t unverified = 0;
  for (const auto& [h, w] : sync_wants_) {
    if (w.verified) continue;
    if (w.origin == from) return;  // one claim per peer at a time
    ++unverified;
  }
  if (unverified >= kMaxUnverifiedWants) return;
  request_block(hash, from, now, out, height, false);
}

void HotStuffCore::request_block(const Hash32& hash, const NodeId& peer, TimeMs now,
                                 ConsensusOutput& out, uint64_t height, bool verified) {
  if (find(hash) || hash == committed_->hash() || fetched_.count(hash)) return;
  if (auto it = sync_wants_.find(hash); it != sync_wants_.end()) {
    if (verified && !it->second.verified) it->second.verified = true;  // now vouched for
    return;
  }
  if (!verified) {
    // The same places as sync_unverified: one per peer, two in all (the
    // parent of a chain fetched for a claim is no more than a claim).
    size_t unverified = 0;
    for (const auto& [h, w] : sync_wants_) {
      if (w.verified) continue;
      if (w.origin == peer) return;
      ++unverified;
    }
    if (unverified >= kMaxUnverifiedWants) return;
  }
  if (sync_wants_.size() >= kMaxSyncWants) {
    if (!verified) return;
    // A want we can vouch for displaces one we cannot.
    auto victim = std::find_if(sync_wants_.begin(), sync_wants_.end(), [](const auto& kv) { return !kv.second.verified; });
    if (victim == sync_wants_.end()) return;
    sync_wants_.erase(victim);
  }
  NodeId target = peer == my_id_ ? current_rules().leader(pm_.view() + 1) : peer;
  if (target == my_id_) target = current_rules().leader(pm_.view() + 2);
  uint32_t count = cfg_.sync_batch;
  if (height > committed_->height())
    count = static_cast<uint32_t>(std::min<uint64_t>(count, height - committed_->height()));
  sync_wants_[hash] = SyncWant{target, now, 1, count, verified, peer};
  ++stats_.sync_requests;
  send(target, BlockRequest{hash, count}, out);
}

void HotStuffCore::handle_block_request(const NodeId& from, const BlockRequest& r, TimeMs now,
                                        ConsensusOutput& out) {
  constexpr double kPerSecond = 20, kBurst = 40;
  auto [bucket, fresh] = serve_budget_.try_emplace(from, ServeBucket{kBurst, now});
  ServeBucket& budget = bucket->second;
  budget.tokens = std::min(kBurst, budget.tokens + static_cast<double>(now - budget.at) * kPerSecond / 1000.0);
  budget.at = now;
  if (budget.tokens < 1) {
    out.rejections.push_back("block request from " + from.short_hex() + " over its rate");
    return;
  }
  budget.tokens -= 1;
  if (serve_budget_.size() > 4096) serve_budget_.clear();
  (void)fresh;
  BlockResponse resp;
  Hash32 h = r.hash;
  size_t bytes = 0;
  while (resp.blocks.size() < r.max_count) {
    BlockPtr b;
    if (auto* e = find(h)) {
      b = e->block;
    } else if (auto it = recent_index_.find(h); it != recent_index_.end()) {
      b = it->second;
    } else {
      b = source_.committed_block(h);
    }
    if (!b || b->height() == 0) break;
    // Within what a message may carry; the asker asks again for the rest.
    if (!resp.blocks.empty() && bytes + b->encoded_size() > MessageLimits::kMaxSyncAnswerBytes) break;
    bytes += b->encoded_size();
    resp.blocks.push_back(b);
    h = b->parent_hash();
  }
  if (!resp.blocks.empty()) send(from, std::move(resp), out);
}

void HotStuffCore::handle_block_response(const NodeId& from, const BlockResponse& r, TimeMs now,
                                         ConsensusOutput& out) {
  if (r.blocks.empty()) return;
  auto want = sync_wants_.find(r.blocks.front()->hash());
  if (want == sync_wants_.end()) return;  // unsolicited
  const bool vouched = want->second.verified;
  const Block* oldest = nullptr;
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    const BlockPtr& b = r.blocks[i];
    if (i > 0 && r.blocks[i - 1]->parent_hash() != b->hash()) {
      out.rejections.push_back("block response does not form a chain");
      break;
    }
    const QuorumCertificate& qc = b->header().justify;
    if (qc.block_hash != b->parent_hash() || qc.height + 1 != b->height()) {
      out.rejections.push_back("synced block whose QC does not certify its parent");
      break;
    }
    if (b->height() <= committed_->height()) break;
    // The blocks hang by hash from one we asked for. Their certificates are
    // checked when they are inserted, against their parents' rules (which a
    // node behind a reconfiguration learns only on the way up).
    if ((!qc.is_genesis() && qc.votes.empty()) || qc.votes.size() > BlockLimits::kMaxQcVotes) {
      out.rejections.push_back("synced block without a certificate");
      break;
    }
    // The wanted block checked out: the want is met (a bad answer leaves it
    // to be asked again of another peer).
    if (!vouched) {
      size_t mine = 0;
      for (const auto& [k, u] : fetched_unverified_) mine += u.origin == from;
      if (fetched_unverified_.size() >= kMaxFetchedUnverified || mine >= kMaxFetchedUnverifiedPerOrigin) break;
    }
    if (i == 0) sync_wants_.erase(b->hash());
    if (fetched_.size() >= kMaxFetched) {
      // Start over rather than refuse sync for good: first without what
      // unverified claims brought, then without everything.
      for (const auto& [k, u] : fetched_unverified_) fetched_.erase(k);
      fetched_unverified_.clear();
      if (fetched_.size() >= kMaxFetched) fetched_.clear();
      std::erase_if(waiting_children_, [this](const auto& kv) { return !fetched_.count(kv.second); });
    }
    if (!find(b->hash()) && !fetched_.count(b->hash())) {
      fetched_.emplace(b->hash(), b);
      if (!vouched) fetched_unverified_[b->hash()] = Unvouched{from, now};
      waiting_children_.emplace(b->parent_hash(), b->hash());
    }
    oldest = b.get();
  }
  if (!oldest) return;
  resume_sync(from, now, out);
}

void HotStuffCore::resume_sync(const NodeId& peer, TimeMs now, ConsensusOutput& out) {
  // Connect every fetched chain whose parent we now have; for the lowest one
  // that still hangs in the air, ask for its parent.
  // A chain fetched for a verified want goes first: a peer's made-up chain
  // hanging lower must not keep the real one from being asked for.
  BlockPtr lowest;
  bool lowest_vouched = false;
  std::vector<Hash32> ready;
  for (const auto& [h, b] : fetched_) {
    const Hash32& ph = b->parent_hash();
    if (ph == committed_->hash() || find(ph)) {
      ready.push_back(ph);
    } else if (!fetched_.count(ph)) {
      bool vouched = !fetched_unverified_.count(h);
      if (!lowest || (vouched && !lowest_vouched) ||
          (vouched == lowest_vouched && b->height() < lowest->height())) {
        lowest = b;
        lowest_vouched = vouched;
      }
    }
  }
  for (const auto& ph : ready) connect_descendants(ph, now, out);
  // The parent of a chain fetched for an unverified claim is no more
  // vouched for than the claim.
  if (lowest && lowest->height() > committed_->height() + 1 && fetched_.count(lowest->hash()))
    request_block(lowest->parent_hash(), peer, now, out, lowest->height() - 1,
                  !fetched_unverified_.count(lowest->hash()));
}

void HotStuffCore::connect_descendants(const Hash32& root, TimeMs now, ConsensusOutput& out) {
  std::vector<Hash32> work{root};
  while (!work.empty()) {
    Hash32 h = work.back();
    work.pop_back();
    auto range = waiting_children_.equal_range(h);
    std::vector<Hash32> kids;
    for (auto it = range.first; it != range.second; ++it) kids.push_back(it->second);
    waiting_children_.erase(h);
    for (const auto& k : kids) {
      auto f = fetched_.find(k);
      if (f == fetched_.end()) continue;
      BlockPtr blk = f->second;
      fetched_.erase(f);
      fetched_unverified_.erase(k);
      if (blk->height() <= committed_->height()) continue;
      if (insert_block(blk, now, false, out)) {
        process_qc(blk->header().justify, my_id_, now, out);
        work.push_back(k);
      }
    }
    auto range2 = pending_proposals_.equal_range(h);
    std::vector<Proposal> ready;
    for (auto it = range2.first; it != range2.second; ++it) ready.push_back(it->second.second);
    pending_proposals_.erase(h);
    for (const auto& prop : ready) {
      if (insert_block(prop.block, now, true, out)) {
        try_vote(prop, now, out);
        work.push_back(prop.block->hash());
      }
    }
  }
  // A block that arrived may let a waiting leader propose.
  if (propose_at_ == 0 && last_proposed_view_ < pm_.view()) maybe_propose(now, out);
}

void HotStuffCore::drop_unvouched(TimeMs now) {
  bool dropped = false;
  for (auto it = fetched_unverified_.begin(); it != fetched_unverified_.end();) {
    if (now - it->second.at < kUnvouchedLifetimeMs) {
      ++it;
      continue;
    }
    fetched_.erase(it->first);
    it = fetched_unverified_.erase(it);
    dropped = true;
  }
  if (dropped) std::erase_if(waiting_children_, [this](const auto& kv) { return !fetched_.count(kv.second); });
}

void HotStuffCore::retry_sync(TimeMs now, ConsensusOutput& out) {
  if (!fetched_unverified_.empty()) drop_unvouched(now);
  for (auto it = sync_wants_.begin(); it != sync_wants_.end();) {
    SyncWant& w = it->second;
    if (now < w.retry_at(cfg_.sync_retry_ms)) {
      ++it;
      continue;
    }
    if (w.attempts >= (w.verified ? 6u : kUnverifiedAttempts) || find(it->first) || fetched_.count(it->first)) {
      it = sync_wants_.erase(it);
      continue;
    }
    // Ask another validator, in rotation.
    const auto& members = validators().members();
    size_t idx = 0;
    for (size_t i = 0; i < members.size(); ++i)
      if (members[i].id == w.peer) idx = i;
    NodeId next = members[(idx + 1) % members.size()].id;
    if (next == my_id_) next = members[(idx + 2) % members.size()].id;
    w.peer = next;
    w.sent = now;
    ++w.attempts;
    send(next, BlockRequest{it->first, w.count}, out);
    ++it;
  }
  if (sync_wants_.empty() && !fetched_.empty()) resume_sync(current_rules().leader(pm_.view()), now, out);
}

}  // namespace consortia
