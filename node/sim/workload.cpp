#include "sim/workload.h"

#include <algorithm>

namespace consortia::sim {
namespace {
constexpr int64_t kWorkloadStepUs = 10000;
}  // namespace

void Workload::start(int64_t end_us) {
  for (auto& in : inst_)
    if (in.honest() && in.index < sc_.nodes) entries_.push_back(in.index);
  size_t want_entries = sc_.entry_nodes > 0 ? static_cast<size_t>(sc_.entry_nodes)
                                            : (sc_.nodes <= 10 ? entries_.size() : 4);
  if (entries_.size() > want_entries) entries_.resize(want_entries);
  int nclients = static_cast<int>(std::clamp(sc_.tps / 5, 4.0, 1000.0));
  for (int c = 0; c < nclients; ++c) {
    Client cl;
    cl.signer = crypto_.signer_from_seed(key_seed(sc_.seed, "client", c));
    client_of_[crypto_.node_id(cl.signer->public_key())] = clients_.size();
    clients_.push_back(std::move(cl));
  }
  end_ = end_us;
  if (sc_.tps > 0 && !entries_.empty()) queue_.push({.t = 0, .kind = Event::kWorkload});
  queue_.push({.t = kUs, .kind = Event::kResubmit});
}

void Workload::submit(Pending& p, int64_t t) {
  for (size_t tries = 0; tries < entries_.size(); ++tries) {
    Instance& in = inst_[static_cast<size_t>(entries_[(p.entry + tries) % entries_.size()])];
    if (!in.up) continue;
    p.entry = (p.entry + tries) % entries_.size();
    p.last_try = t;
    feed_(in, t, p.tx);
    return;
  }
  p.last_try = t;
}

void Workload::issue(const TxPtr& tx, int64_t t) {
  ++report_.submitted_txs;
  if (static_cast<double>(t) >= Report::kWarmupSeconds * kUs) ++report_.settled.submitted;
  Pending p{tx, t, t, next_entry_++ % entries_.size()};
  submit(p, t);
  pending_.emplace(tx->id(), std::move(p));
}

void Workload::step(int64_t t) {
  if (t >= end_) return;
  tx_credit_ += sc_.tps * kWorkloadStepUs / kUs;
  if (pending_.size() > 200000) tx_credit_ = 0;  // clients back off when nothing commits
  const TxChain chain = tx_credit_ >= 1 ? chain_() : TxChain{};
  while (tx_credit_ >= 1) {
    tx_credit_ -= 1;
    Client& c = clients_[next_client_++ % clients_.size()];
    if (sc_.custody) {
      for (auto& op : custody_ops(c))
        issue(Transaction::create(crypto_, *c.signer, chain, TxKind::kCustody, c.next_nonce++,
                                  op.encode()),
              t);
      continue;
    }
    Bytes payload;
    TxKind kind = TxKind::kNoop;
    if (sc_.noop) {
      payload.assign(8, 0);
    } else {
      kind = TxKind::kPut;
      Bytes value(sc_.payload_bytes, static_cast<uint8_t>(c.next_nonce));
      payload = Transaction::put_payload("slot-" + std::to_string(c.next_nonce % 8), value);
    }
    issue(Transaction::create(crypto_, *c.signer, chain, kind, c.next_nonce++, std::move(payload)),
          t);
  }
  queue_.push({.t = t + kWorkloadStepUs, .kind = Event::kWorkload});
}

// A client's next custody operations: a deposit first, then transfers of
// outputs it owns; one in twenty is followed by a double spend of the same
// output to someone else (a misbehaving client), which must be refused.
std::vector<CustodyOp> Workload::custody_ops(Client& c) {
  std::vector<CustodyOp> ops;
  if (!c.deposited) {
    c.deposited = true;
    CustodyOp d;
    d.amount = 1000 + rng_.below(1000);
    ops.push_back(d);
    return ops;
  }
  for (auto& [point, amount] : c.owned) {
    if (c.in_flight.count(point)) continue;
    c.in_flight.insert(point);
    CustodyOp t;
    t.kind = CustodyOp::Kind::kTransfer;
    t.inputs = {point};
    const NodeId& to = crypto_.node_id(clients_[rng_.below(clients_.size())].signer->public_key());
    if (amount >= 2 && rng_.chance(0.5)) {
      t.outputs = {{to, amount / 2}, {crypto_.node_id(c.signer->public_key()), amount - amount / 2}};
    } else {
      t.outputs = {{to, amount}};
    }
    ops.push_back(t);
    if (rng_.chance(0.05)) {
      CustodyOp twice = t;
      twice.outputs = {{crypto_.node_id(clients_[rng_.below(clients_.size())].signer->public_key()), amount}};
      ops.push_back(twice);
    }
    break;
  }
  return ops;
}

void Workload::learn_custody(const Transaction& tx, const StateSnapshot& state) {
  auto op = CustodyOp::decode(tx.payload());
  auto sender = client_of_.find(tx.sender_id());
  if (!op || sender == client_of_.end()) return;
  Client& c = clients_[sender->second];
  for (const auto& in : op->inputs) c.in_flight.erase(in);
  if (state.get(StateSnapshot::receipt_key(tx.id()))) {
    ++report_.refused_txs;
    return;
  }
  for (const auto& in : op->inputs) c.owned.erase(in);
  if (op->kind == CustodyOp::Kind::kDeposit) c.owned[{tx.id(), 0}] = op->amount;
  for (uint32_t i = 0; i < op->outputs.size(); ++i) {
    auto owner = client_of_.find(op->outputs[i].owner);
    if (owner != client_of_.end()) clients_[owner->second].owned[{tx.id(), i}] = op->outputs[i].amount;
  }
}

void Workload::committed(const Transaction& tx, int64_t t) {
  auto p = pending_.find(tx.id());
  if (p == pending_.end()) return;
  double ms = static_cast<double>(t - p->second.submitted) / 1000.0;
  if (!live_) latencies_ms_.push_back(ms);  // a live run has no end to report on
  if (!live_ && static_cast<double>(p->second.submitted) >= Report::kWarmupSeconds * kUs) {
    settled_ms_.push_back(ms);
    ++report_.settled.committed;
  }
  if (live_ && !entries_.empty()) {
    double& l = inst_[static_cast<size_t>(entries_[p->second.entry % entries_.size()])].latency_ms;
    l = l == 0 ? ms : l * 0.95 + ms * 0.05;
  }
  pending_.erase(p);
}

void Workload::resubmit(int64_t t) {
  int64_t after = static_cast<int64_t>(sc_.resubmit_after_s * kUs);
  std::vector<Pending*> due;
  for (auto& [id, p] : pending_)
    if (t - p.last_try >= after) due.push_back(&p);
  std::sort(due.begin(), due.end(), [](const Pending* a, const Pending* b) {
    return a->tx->sender_id() != b->tx->sender_id() ? a->tx->sender_id() < b->tx->sender_id()
                                                    : a->tx->nonce() < b->tx->nonce();
  });
  for (Pending* p : due) {
    p->entry = (p->entry + 1) % entries_.size();
    submit(*p, t);
  }
  if (t + kUs < end_) queue_.push({.t = t + kUs, .kind = Event::kResubmit});
}

void Workload::finish() {
  auto pct = [](const std::vector<double>& v, double q) {
    return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
  };
  if (!latencies_ms_.empty()) {
    std::sort(latencies_ms_.begin(), latencies_ms_.end());
    report_.latency_p50_ms = pct(latencies_ms_, 0.5);
    report_.latency_p99_ms = pct(latencies_ms_, 0.99);
    report_.latency_max_ms = latencies_ms_.back();
  }
  if (!live_ && sc_.seconds > 2 * Report::kWarmupSeconds) {
    report_.settled.measured = true;
    if (!settled_ms_.empty()) {
      std::sort(settled_ms_.begin(), settled_ms_.end());
      report_.settled.p50_ms = pct(settled_ms_, 0.5);
      report_.settled.p99_ms = pct(settled_ms_, 0.99);
    }
  }
}

}  // namespace consortia::sim
