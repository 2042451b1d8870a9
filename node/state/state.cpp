#include "state/state.h"
#include "state/leader_activity.h"

#include "state/custody.h"
#include "state/evidence.h"
#include "state/governance.h"
#include "state/risk.h"

#include <algorithm>
#include <unordered_map>

namespace consortia {
namespace {

Bytes encode_nonce(uint64_t n) {
  Writer w;
  w.u64(n);
  return w.take();
}

uint64_t decode_nonce(const Bytes& b) {
  Reader r(b);
  uint64_t n = r.u64();
  return r.finish("nonce") ? n : 0;
}

std::string tx_name(const Transaction& tx) {
  return "tx " + tx.id().short_hex() + " from " + tx.sender_id().short_hex();
}

// The nonce rule shared by block execution (exact) and admission (a window).
Status check_nonce(const Transaction& tx, uint64_t expected, uint64_t window) {
  if (tx.nonce() < expected)
    return make_error(ErrorCode::kNonceTooLow, tx_name(tx) + ": nonce " +
                                                   std::to_string(tx.nonce()) + ", expected " +
                                                   std::to_string(expected));
  if (tx.nonce() - expected >= window)
    return make_error(ErrorCode::kNonceTooHigh,
                      tx_name(tx) + ": nonce " + std::to_string(tx.nonce()) + ", expected " +
                          (window == 1 ? std::to_string(expected)
                                       : "below " + std::to_string(expected + window)));
  return {};
}

Result<Transaction::Put> check_payload(const Transaction& tx) {
  switch (tx.kind()) {
    case TxKind::kNoop: return Transaction::Put{};
    case TxKind::kPut: {
      auto put = Transaction::parse_put(tx.payload());
      if (!put) return make_error(put.error().code, tx_name(tx) + ": " + put.error().detail);
      return put;
    }
    case TxKind::kEvidence: {
      auto e = EvidenceRecord::decode(tx.payload());
      if (!e) return make_error(e.error().code, tx_name(tx) + ": " + e.error().detail);
      return Transaction::Put{};
    }
    case TxKind::kRisk: {
      auto op = RiskOp::decode(tx.payload());
      if (!op) return make_error(op.error().code, tx_name(tx) + ": " + op.error().detail);
      return Transaction::Put{};
    }
    case TxKind::kCustody: {
      auto op = CustodyOp::decode(tx.payload());
      if (!op) return make_error(op.error().code, tx_name(tx) + ": " + op.error().detail);
      return Transaction::Put{};
    }
    case TxKind::kGovernance: {
      auto op = GovOp::decode(tx.payload());
      if (!op) return make_error(op.error().code, tx_name(tx) + ": " + op.error().detail);
      return Transaction::Put{};
    }
    case TxKind::kDelete: {
      if (tx.payload().empty() || tx.payload().size() > TxLimits::kMaxKey)
        return make_error(ErrorCode::kMalformed, tx_name(tx) + ": delete needs a key of 1.." +
                                                     std::to_string(TxLimits::kMaxKey) + " bytes");
      return Transaction::Put{std::string(tx.payload().begin(), tx.payload().end()), {}};
    }
  }
  return make_error(ErrorCode::kMalformed,
                    tx_name(tx) + ": unknown kind " + std::to_string(static_cast<int>(tx.kind())));
}

// Applies a custody operation through `write` (a missing value deletes), or
// returns why it is refused; a refused operation changes nothing.
template <class Write>
ErrorCode apply_custody(const CryptoSuite& suite, const StateSnapshot& s, const Transaction& tx,
                        uint64_t height, Write& write, ConfigCache* configs) {
  auto op = CustodyOp::decode(tx.payload());  // valid: checked before
  if (op->kind == CustodyOp::Kind::kDeposit) {
    // Once governance names custodian organisations, only their admins
    // bring funds in.
    if (auto cfg = config_at(s, height, configs)) {
      bool restricted = std::any_of(cfg->organisations.begin(), cfg->organisations.end(),
                                    [](const Organisation& o) { return o.custodian; });
      const Organisation* org = cfg->admin_of(suite, tx.sender_id());
      if (restricted && (!org || !org->custodian)) return ErrorCode::kUnauthorised;
    }
  }
  uint64_t supply = custody_supply(s);
  uint64_t in_total = 0;
  for (const auto& in : op->inputs) {
    const Bytes* v = s.get(in.key());
    if (!v) return ErrorCode::kNotFound;  // spent or never created
    auto o = decode_output(*v);
    if (!o || o->owner != tx.sender_id()) return ErrorCode::kInvalidArgument;
    if (in_total + o->amount < in_total) return ErrorCode::kTooLarge;
    in_total += o->amount;
  }
  auto put_supply = [&](uint64_t v) {
    Writer w;
    w.u64(v);
    write(kSupplyKey, w.take());
  };
  switch (op->kind) {
    case CustodyOp::Kind::kDeposit:
      if (supply + op->amount < supply) return ErrorCode::kTooLarge;
      write(OutPoint{tx.id(), 0}.key(), encode_output({tx.sender_id(), op->amount}));
      put_supply(supply + op->amount);
      return ErrorCode::kOk;
    case CustodyOp::Kind::kTransfer: {
      uint64_t out_total = 0;
      for (const auto& o : op->outputs) {
        if (out_total + o.amount < out_total) return ErrorCode::kTooLarge;
        out_total += o.amount;
      }
      if (out_total != in_total) return ErrorCode::kInvalidArgument;
      for (const auto& in : op->inputs) write(in.key(), std::nullopt);
      for (uint32_t i = 0; i < op->outputs.size(); ++i)
        write(OutPoint{tx.id(), i}.key(), encode_output(op->outputs[i]));
      return ErrorCode::kOk;
    }
    case CustodyOp::Kind::kWithdraw:
      for (const auto& in : op->inputs) write(in.key(), std::nullopt);
      put_supply(supply - in_total);
      return ErrorCode::kOk;
  }
  return ErrorCode::kInvalidArgument;
}

}  // namespace

// ---- StateSnapshot --------------------------------------------------------------

StatePtr StateSnapshot::empty(const CryptoSuite& suite, uint32_t protocol_version) {
  return from_entries(suite, {}, protocol_version);
}

StatePtr StateSnapshot::from_entries(const CryptoSuite& suite,
                                     std::map<std::string, Bytes> entries,
                                     uint32_t protocol_version) {
  auto s = std::make_shared<StateSnapshot>();
  s->commitment_ = commitment_for(protocol_version);
  for (auto& [key, value] : entries) s->tree_.put(suite, key, std::move(value));
  s->seal(suite);
  return s;
}

void StateSnapshot::seal(const CryptoSuite& suite) {
  const Hash32& trie = tree_.seal(suite);  // kept current under either commitment
  if (commitment_ == StateCommitment::kTrie) {
    root_ = trie_root_of(suite, trie);
    return;
  }
  auto leaves = tree_.leaves_in_order();
  root_ = root_of(suite, merkle_root(suite, leaves), leaves.size());
}

Hash32 StateSnapshot::root_of(const CryptoSuite& suite, const Hash32& merkle, uint64_t count) {
  Writer w;
  w.u8(0x02);
  w.u64(count);
  w.hash(merkle);
  return suite.hash(w.data());
}

Hash32 StateSnapshot::trie_root_of(const CryptoSuite& suite, const Hash32& trie_root) {
  Writer w;
  w.u8(0x04);
  w.hash(trie_root);
  return suite.hash(w.data());
}

Hash32 StateSnapshot::leaf(const CryptoSuite& suite, const std::string& key, ByteView value) {
  return StateTree::leaf_of(suite, key, value);
}

std::optional<StateSnapshot::Proof> StateSnapshot::prove(const CryptoSuite& suite,
                                                         const std::string& key) const {
  const Entry* e = tree_.find(key);
  if (!e) return std::nullopt;
  if (commitment_ == StateCommitment::kTrie) {
    auto siblings = tree_.prove(suite, key);
    if (!siblings) return std::nullopt;
    return Proof{e->value, MerkleProof{0, 0, std::move(*siblings)}};
  }
  std::vector<Hash32> leaves;
  leaves.reserve(tree_.size());
  std::optional<uint64_t> index;
  tree_.scan({}, [&](const Entry& x) {
    if (&x == e) index = leaves.size();
    leaves.push_back(x.leaf);
    return true;
  });
  return Proof{e->value, merkle_prove(suite, leaves, *index)};
}

bool StateSnapshot::verify(const CryptoSuite& suite, StateCommitment commitment,
                           const Hash32& root, const std::string& key, ByteView value,
                           const MerkleProof& path) {
  Hash32 leaf = StateTree::leaf_of(suite, key, value);
  if (commitment == StateCommitment::kTrie) {
    if (path.index != 0 || path.leaf_count != 0) return false;
    auto trie = StateTree::root_from(suite, leaf, StateTree::path_of(suite, key), path.siblings);
    return trie && trie_root_of(suite, *trie) == root;
  }
  auto merkle = merkle_root_from_proof(suite, leaf, path);
  return merkle && root_of(suite, *merkle, path.leaf_count) == root;
}

uint64_t StateSnapshot::own_bytes() const {
  uint64_t bytes = sizeof(StateSnapshot) + tree_.own_bytes();
  for (const auto& key : touched_) bytes += sizeof(std::string) + key.capacity();
  bytes += touched_entries_.size() * sizeof(Ref<Entry>);
  return bytes;
}

uint64_t StateSnapshot::next_nonce(const NodeId& sender) const {
  // The key "n/<hex>" built on the stack: this is asked for every
  // transaction a node admits, selects or executes.
  char key[2 + 2 * sizeof sender.v] = {'n', '/'};
  hex_into(sender.view(), key + 2);
  const Bytes* v = get(std::string_view(key, sizeof key));
  return v ? decode_nonce(*v) : 0;
}

const Bytes* StateSnapshot::get(std::string_view key) const {
  const Entry* e = tree_.find(key);
  return e ? &e->value : nullptr;
}

std::string StateSnapshot::nonce_key(const NodeId& sender) { return "n/" + sender.hex(); }

std::string StateSnapshot::data_key(const NodeId& sender, std::string_view key) {
  std::string k = "k/" + sender.hex() + "/";
  k += key;
  return k;
}

// ---- StateMachine ------------------------------------------------------------------

Result<StatePtr> StateMachine::apply(const StatePtr& parent, const std::vector<TxPtr>& txs,
                                     const BlockContext& ctx) const {
  auto s = std::make_shared<StateSnapshot>();
  if (parent) s->tree_ = parent->tree_;  // shared, not copied
  s->tree_.reset_own_bytes();
  s->commitment_ = commitment_for(ctx.protocol_version);
  // Writes a key, or deletes it when there is no value. Every write is
  // noted with the entry it made; the last per key is kept below.
  std::vector<std::pair<std::string, Ref<StateTree::Entry>>> writes;
  auto write = [&](std::string key, std::optional<Bytes> value) {
    if (!value) {
      s->tree_.erase(suite_, key);
      writes.emplace_back(std::move(key), nullptr);
      return;
    }
    std::string copy = key;
    writes.emplace_back(std::move(copy), s->tree_.put(suite_, std::move(key), std::move(*value)));
  };
  auto refuse = [&](const Transaction& tx, ErrorCode code) {
    write(StateSnapshot::receipt_key(tx.id()), Bytes{static_cast<uint8_t>(code)});
  };
  record_proposer(ctx.proposer, ctx.timestamp_ms, write);
  if (ctx.protocol_version >= LeaderActivity::kFirstVersion && ctx.validators > 0) {
    LeaderActivity activity = LeaderActivity::read(*s);
    activity.note(ctx.height, ctx.proposer, ctx.voters, ctx.failed_leaders, ctx.validators);
    write(LeaderActivity::kKey, activity.encode());
  }
  // Each sender's next nonce is written once, after the block's last
  // transaction: a block holds runs of many transactions per sender, and the
  // entries, and so the root, are the same as with one write per transaction.
  // Senders in the order first seen, so every node writes them alike.
  std::vector<std::pair<NodeId, uint64_t>> nonces;
  std::unordered_map<NodeId, size_t> nonce_at;
  for (const auto& tx : txs) {
    auto [seen, fresh] = nonce_at.try_emplace(tx->sender_id(), nonces.size());
    if (fresh) nonces.emplace_back(tx->sender_id(), s->next_nonce(tx->sender_id()));
    uint64_t& next = nonces[seen->second].second;
    uint64_t expected = next;
    if (auto st = check_nonce(*tx, expected, 1); !st) return st.error();
    auto put = consortia::check_payload(*tx);
    if (!put) return put.error();
    if (tx->kind() == TxKind::kPut)
      write(StateSnapshot::data_key(tx->sender_id(), put->key), std::move(put->value));
    if (tx->kind() == TxKind::kRisk) {
      auto op = RiskOp::decode(tx->payload());  // valid: checked above
      Writer w;
      w.hash(tx->sender_id());
      if (op->kind == RiskOp::Kind::kPublish) {
        w.str(op->category);
        w.str(op->text);
        write("r/" + op->subject.hex() + "/" + tx->id().hex(), w.take());
        write("ri/" + tx->id().hex(), Bytes(op->subject.v.begin(), op->subject.v.end()));
      } else {
        // Feedback goes only to a record that exists (found by its id).
        if (s->get("ri/" + op->record.hex())) {
          w.str(op->text);
          write("rf/" + op->record.hex() + "/" + tx->id().hex(), w.take());
        } else {
          write(StateSnapshot::receipt_key(tx->id()), Bytes{static_cast<uint8_t>(ErrorCode::kNotFound)});
        }
      }
    }
    if (tx->kind() == TxKind::kDelete) {
      if (ctx.protocol_version >= 2) {
        std::string key = StateSnapshot::data_key(tx->sender_id(), put->key);
        if (s->get(key)) write(key, std::nullopt);
        else refuse(*tx, ErrorCode::kNotFound);
      } else {
        refuse(*tx, ErrorCode::kUnsupportedInVersion);
      }
    }
    if (tx->kind() == TxKind::kGovernance) {
      auto result = apply_governance(suite_, *s, *tx, ctx.height, ctx.timestamp_ms, ctx.protocol_version, write, configs_);
      if (result.code != ErrorCode::kOk) refuse(*tx, result.code);
    }
    if (tx->kind() == TxKind::kCustody) {
      ErrorCode refused = apply_custody(suite_, *s, *tx, ctx.height, write, configs_);
      if (refused != ErrorCode::kOk)
        write(StateSnapshot::receipt_key(tx->id()), Bytes{static_cast<uint8_t>(refused)});
    }
    if (tx->kind() == TxKind::kEvidence) {
      auto rec = EvidenceRecord::decode(tx->payload());  // valid: checked above
      ErrorCode refused = ErrorCode::kOk;
      if (s->get(rec->key()))
        refused = ErrorCode::kDuplicate;
      else if (!rec->reference.empty() && !s->get("e/" + rec->reference))
        refused = ErrorCode::kNotFound;
      if (refused == ErrorCode::kOk) {
        write(rec->owner_key(), Bytes{1});
        write(rec->key(), StoredEvidence{*rec, tx->sender_id()}.encode());
      } else {
        write(StateSnapshot::receipt_key(tx->id()), Bytes{static_cast<uint8_t>(refused)});
      }
    }
    next = expected + 1;
  }
  for (const auto& [sender, next] : nonces)
    write(StateSnapshot::nonce_key(sender), encode_nonce(next));
  std::stable_sort(writes.begin(), writes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < writes.size(); ++i) {
    if (i + 1 < writes.size() && writes[i + 1].first == writes[i].first) continue;  // not the last
    s->touched_.push_back(std::move(writes[i].first));
    s->touched_entries_.push_back(std::move(writes[i].second));
  }
  s->seal(suite_);
  return StatePtr(std::move(s));
}

Status StateMachine::check_payload(const Transaction& tx) {
  auto p = consortia::check_payload(tx);
  if (!p) return p.error();
  return {};
}

Status StateMachine::check(const StateSnapshot& state, const Transaction& tx) const {
  if (auto st = check_nonce(tx, state.next_nonce(tx.sender_id()), StateLimits::kMaxNonceGap);
      !st)
    return st;
  if (auto put = check_payload(tx); !put) return put.error();
  return {};
}

// ---- ExecutionCache ----------------------------------------------------------------

Result<StatePtr> ExecutionCache::apply(const StateMachine& sm, const StatePtr& parent,
                                       const Hash32& tx_root, const std::vector<TxPtr>& txs,
                                       const BlockContext& ctx) {
  Key key{parent ? parent->root() : Hash32{}, tx_root, ctx};
  if (auto it = map_.find(key); it != map_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  auto result = sm.apply(parent, txs, ctx);
  if (!result || capacity_ == 0) return result;
  uint64_t cost = (*result)->own_bytes();
  map_.emplace(key, *result);
  order_.push_back(key);
  bytes_ += cost;
  while (order_.size() > 1 && (order_.size() > capacity_ || bytes_ > byte_budget_)) {
    auto it = map_.find(order_.front());
    bytes_ -= it->second->own_bytes();
    map_.erase(it);
    order_.pop_front();
  }
  return result;
}

}  // namespace consortia
