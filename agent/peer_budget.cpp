#include "peer_budget.h"

#include <algorithm>

namespace consortia::agent {

bool PeerBudget::enqueue(const NodeId& peer, size_t bytes) {
  std::lock_guard lock(mu_);
  Peer& p = peers_[peer];
  if (p.queued + bytes > limits_.queued_bytes_per_peer || queued_ + bytes > limits_.queued_bytes_total ||
      p.messages + 1 > limits_.queued_messages_per_peer)
    return false;
  p.queued += bytes;
  ++p.messages;
  queued_ += bytes;
  return true;
}

void PeerBudget::dequeue(const NodeId& peer, size_t bytes) {
  std::lock_guard lock(mu_);
  auto it = peers_.find(peer);
  if (it == peers_.end()) return;
  Peer& p = it->second;
  size_t n = std::min(bytes, p.queued);
  p.queued -= n;
  if (p.messages) --p.messages;
  queued_ -= std::min(n, queued_);
}

bool PeerBudget::take(Bucket& b, double rate, double burst, int64_t now_ms) const {
  if (!b.filled) {
    b = {true, burst, now_ms};
  } else if (now_ms > b.refilled_ms) {
    b.tokens = std::min(burst, b.tokens + static_cast<double>(now_ms - b.refilled_ms) / 1000.0 * rate);
    b.refilled_ms = now_ms;
  }
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

bool PeerBudget::take_statement(const NodeId& peer, int64_t now_ms) {
  std::lock_guard lock(mu_);
  return take(peers_[peer].statements, limits_.statements_per_s, limits_.statement_burst, now_ms);
}

bool PeerBudget::take_evidence(const NodeId& peer, int64_t now_ms) {
  std::lock_guard lock(mu_);
  return take(peers_[peer].evidence, limits_.evidence_per_s, limits_.evidence_burst, now_ms);
}

void PeerBudget::refill(Peer& p, int64_t now_ms) const {
  if (!p.filled) {
    p.filled = true;
    p.tokens = limits_.signature_burst;
    p.refilled_ms = now_ms;
    return;
  }
  if (now_ms <= p.refilled_ms) return;
  double add = static_cast<double>(now_ms - p.refilled_ms) / 1000.0 * limits_.signatures_per_s;
  p.tokens = std::min(limits_.signature_burst, p.tokens + add);
  p.refilled_ms = now_ms;
}

bool PeerBudget::take_signatures(const NodeId& peer, size_t n, int64_t now_ms) {
  std::lock_guard lock(mu_);
  Peer& p = peers_[peer];
  refill(p, now_ms);
  if (p.tokens < static_cast<double>(n)) return false;
  p.tokens -= static_cast<double>(n);
  return true;
}

void PeerBudget::charge_bad(const NodeId& peer, size_t n, int64_t now_ms) {
  std::lock_guard lock(mu_);
  Peer& p = peers_[peer];
  refill(p, now_ms);
  // Into debt: the peer waits until the bucket refills past zero. The debt
  // is bounded so that one burst does not silence a peer for good.
  p.tokens = std::max(-limits_.signature_burst, p.tokens - static_cast<double>(n) * limits_.bad_signature_cost);
}

size_t PeerBudget::queued_bytes() const {
  std::lock_guard lock(mu_);
  return queued_;
}

size_t PeerBudget::queued_bytes(const NodeId& peer) const {
  std::lock_guard lock(mu_);
  auto it = peers_.find(peer);
  return it == peers_.end() ? 0 : it->second.queued;
}

}  // namespace consortia::agent
