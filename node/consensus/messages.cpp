#include "consensus/messages.h"

namespace consortia {
namespace {

enum class Tag : uint8_t {
  kProposal = 1,
  kVote = 2,
  kTimeout = 3,
  kSyncInfo = 4,
  kBlockRequest = 5,
  kBlockResponse = 6,
  kTxBatch = 7,
  kCompactProposal = 8,
  kBlockTxRequest = 9,
  kBlockTxResponse = 10,
  kTxRelay = 11,
  kEquivocation = 12,
};

void write_txs(Writer& w, const std::vector<TxPtr>& txs) {
  w.varint(txs.size());
  for (const auto& tx : txs) tx->encode(w);
}

Result<std::vector<TxPtr>> read_txs(const CryptoSuite& suite, Reader& r) {
  std::vector<TxPtr> out;
  size_t n = r.count(MessageLimits::kMaxBatchTxs, 16);
  if (r.ok()) out.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    auto tx = Transaction::read(suite, r);
    if (!tx) return tx.error();
    out.push_back(std::move(*tx));
  }
  return out;
}

void write_indices(Writer& w, const std::vector<uint32_t>& indices) {
  w.varint(indices.size());
  for (uint32_t i : indices) w.varint(i);
}

std::vector<uint32_t> read_indices(Reader& r) {
  std::vector<uint32_t> out;
  size_t n = r.count(BlockLimits::kMaxTxs, 1);
  if (r.ok()) out.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    uint64_t v = r.varint();
    if (v >= BlockLimits::kMaxTxs) r.fail("transaction index out of range");
    out.push_back(static_cast<uint32_t>(v));
  }
  return out;
}

constexpr size_t kMaxSig = 128;

void write_opt_tc(Writer& w, const std::optional<TimeoutCertificate>& tc) {
  w.u8(tc ? 1 : 0);
  if (tc) tc->encode(w);
}

std::optional<TimeoutCertificate> read_opt_tc(Reader& r) {
  uint8_t has = r.u8();
  if (has > 1) r.fail("bad optional flag");
  if (has != 1) return std::nullopt;
  return TimeoutCertificate::read(r);
}

struct Encoder {
  Writer& w;
  void operator()(const Proposal& p) {
    w.u8(static_cast<uint8_t>(Tag::kProposal));
    p.block->encode(w);
    write_opt_tc(w, p.tc);
    w.bytes(p.signature);
  }
  void operator()(const Vote& v) {
    w.u8(static_cast<uint8_t>(Tag::kVote));
    w.u64(v.view);
    w.u64(v.height);
    w.hash(v.block_hash);
    w.hash(v.voter);
    w.bytes(v.signature);
  }
  void operator()(const TimeoutMsg& t) {
    w.u8(static_cast<uint8_t>(Tag::kTimeout));
    w.u64(t.view);
    t.high_qc.encode(w);
    write_opt_tc(w, t.last_tc);
    w.hash(t.sender);
    w.bytes(t.signature);
  }
  void operator()(const SyncInfo& s) {
    w.u8(static_cast<uint8_t>(Tag::kSyncInfo));
    s.high_qc.encode(w);
    write_opt_tc(w, s.high_tc);
  }
  void operator()(const BlockRequest& b) {
    w.u8(static_cast<uint8_t>(Tag::kBlockRequest));
    w.hash(b.hash);
    w.u32(b.max_count);
  }
  void operator()(const BlockResponse& b) {
    w.u8(static_cast<uint8_t>(Tag::kBlockResponse));
    w.varint(b.blocks.size());
    for (const auto& blk : b.blocks) blk->encode(w);
  }
  void operator()(const TxBatch& b) {
    w.u8(static_cast<uint8_t>(Tag::kTxBatch));
    write_txs(w, b.txs);
  }
  void operator()(const TxRelay& b) {
    w.u8(static_cast<uint8_t>(Tag::kTxRelay));
    write_txs(w, b.txs);
    w.varint(b.forward.size());
    for (const auto& id : b.forward) w.hash(id);
  }
  void operator()(const CompactProposal& p) {
    w.u8(static_cast<uint8_t>(Tag::kCompactProposal));
    encode_header(w, p.header);
    w.varint(p.tx_leaves.size());
    for (const auto& leaf : p.tx_leaves) w.hash(leaf);
    w.varint(p.prefilled.size());
    for (const auto& [i, tx] : p.prefilled) {
      w.varint(i);
      tx->encode(w);
    }
    write_opt_tc(w, p.tc);
    w.bytes(p.signature);
  }
  void operator()(const BlockTxRequest& b) {
    w.u8(static_cast<uint8_t>(Tag::kBlockTxRequest));
    w.hash(b.block);
    write_indices(w, b.indices);
  }
  void operator()(const BlockTxResponse& b) {
    w.u8(static_cast<uint8_t>(Tag::kBlockTxResponse));
    w.hash(b.block);
    write_indices(w, b.indices);
    for (const auto& tx : b.txs) tx->encode(w);
  }
  void operator()(const EquivocationEvidence& e) {
    w.u8(static_cast<uint8_t>(Tag::kEquivocation));
    e.evidence.encode(w);
  }
};

Result<Message> decode_body(const CryptoSuite& suite, Reader& r) {
  auto tag = static_cast<Tag>(r.u8());
  switch (tag) {
    case Tag::kProposal: {
      Proposal p;
      auto blk = Block::read(suite, r);
      if (!blk) return blk.error();
      p.block = std::move(*blk);
      p.tc = read_opt_tc(r);
      p.signature = r.bytes(kMaxSig);
      return Message{std::move(p)};
    }
    case Tag::kVote: {
      Vote v;
      v.view = r.u64();
      v.height = r.u64();
      v.block_hash = r.hash();
      v.voter = r.hash();
      v.signature = r.bytes(kMaxSig);
      return Message{std::move(v)};
    }
    case Tag::kTimeout: {
      TimeoutMsg t;
      t.view = r.u64();
      t.high_qc = QuorumCertificate::read(r);
      t.last_tc = read_opt_tc(r);
      t.sender = r.hash();
      t.signature = r.bytes(kMaxSig);
      return Message{std::move(t)};
    }
    case Tag::kSyncInfo: {
      SyncInfo s;
      s.high_qc = QuorumCertificate::read(r);
      s.high_tc = read_opt_tc(r);
      return Message{std::move(s)};
    }
    case Tag::kBlockRequest: {
      BlockRequest b;
      b.hash = r.hash();
      b.max_count = r.u32();
      if (b.max_count == 0 || b.max_count > MessageLimits::kMaxSyncBlocks)
        r.fail("block request count out of range");
      return Message{b};
    }
    case Tag::kBlockResponse: {
      BlockResponse b;
      size_t n = r.count(MessageLimits::kMaxSyncBlocks, 64);
      for (size_t i = 0; i < n && r.ok(); ++i) {
        auto blk = Block::read(suite, r);
        if (!blk) return blk.error();
        b.blocks.push_back(std::move(*blk));
      }
      return Message{std::move(b)};
    }
    case Tag::kTxBatch: {
      auto txs = read_txs(suite, r);
      if (!txs) return txs.error();
      return Message{TxBatch{std::move(*txs)}};
    }
    case Tag::kTxRelay: {
      TxRelay b;
      auto txs = read_txs(suite, r);
      if (!txs) return txs.error();
      b.txs = std::move(*txs);
      size_t n = r.count(MessageLimits::kMaxRelayTargets, 32);
      for (size_t i = 0; i < n && r.ok(); ++i) b.forward.push_back(r.hash());
      return Message{std::move(b)};
    }
    case Tag::kCompactProposal: {
      CompactProposal p;
      p.header = read_header(r);
      size_t n = r.count(BlockLimits::kMaxTxs, 32);
      if (r.ok()) p.tx_leaves.reserve(n);
      for (size_t i = 0; i < n && r.ok(); ++i) p.tx_leaves.push_back(r.hash());
      size_t k = r.count(n, 17);
      for (size_t i = 0; i < k && r.ok(); ++i) {
        uint64_t at = r.varint();
        if (at >= n) r.fail("prefilled transaction out of range");
        auto tx = Transaction::read(suite, r);
        if (!tx) return tx.error();
        p.prefilled.emplace_back(static_cast<uint32_t>(at), std::move(*tx));
      }
      p.tc = read_opt_tc(r);
      p.signature = r.bytes(kMaxSig);
      return Message{std::move(p)};
    }
    case Tag::kBlockTxRequest: {
      BlockTxRequest b;
      b.block = r.hash();
      b.indices = read_indices(r);
      for (size_t i = 1; i < b.indices.size() && r.ok(); ++i)
        if (b.indices[i] <= b.indices[i - 1]) r.fail("transaction indices not strictly increasing");
      return Message{std::move(b)};
    }
    case Tag::kBlockTxResponse: {
      BlockTxResponse b;
      b.block = r.hash();
      b.indices = read_indices(r);
      for (size_t i = 0; i < b.indices.size() && r.ok(); ++i) {
        auto tx = Transaction::read(suite, r);
        if (!tx) return tx.error();
        b.txs.push_back(std::move(*tx));
      }
      return Message{std::move(b)};
    }
    case Tag::kEquivocation:
      return Message{EquivocationEvidence{Equivocation::read(r)}};
  }
  return make_error(ErrorCode::kMalformed, "unknown message type " +
                                               std::to_string(static_cast<int>(tag)));
}

}  // namespace

const char* message_type_name(const Message& m) {
  static constexpr const char* kNames[] = {"proposal",         "vote",           "timeout",
                                           "sync_info",        "block_request",  "block_response",
                                           "tx_batch",         "compact_proposal", "block_tx_request",
                                           "block_tx_response", "tx_relay", "equivocation"};
  static_assert(std::size(kNames) == std::variant_size_v<Message>);
  return kNames[m.index()];
}

std::vector<TxPtr> gossiped_transactions(const Message& m) {
  if (auto* t = std::get_if<TxBatch>(&m)) return t->txs;
  if (auto* g = std::get_if<TxRelay>(&m)) return g->txs;
  return {};
}

Bytes encode_message(const Message& m) {
  Writer w;
  w.u8(MessageLimits::kWireVersion);
  std::visit(Encoder{w}, m);
  return w.take();
}

size_t encoded_size(const Message& m) { return encode_message(m).size(); }

Result<Message> decode_message(const CryptoSuite& suite, ByteView in) {
  if (in.size() > MessageLimits::kMaxMessageBytes)
    return make_error(ErrorCode::kTooLarge,
                      "message of " + std::to_string(in.size()) + " bytes exceeds the limit");
  Reader r(in);
  uint8_t version = r.u8();
  if (r.ok() && version != MessageLimits::kWireVersion)
    return make_error(ErrorCode::kUnsupportedVersion,
                      "wire version " + std::to_string(version) + " is not supported");
  auto msg = decode_body(suite, r);
  if (!msg) return msg;
  if (auto st = r.finish(message_type_name(*msg)); !st) return st.error();
  return msg;
}

static Bytes payload(std::string_view domain, const Hash32& chain_id) {
  Writer w;
  w.raw(as_bytes(domain));
  w.hash(chain_id);
  return w.take();
}

Bytes vote_payload(const Hash32& chain_id, uint64_t view, uint64_t height, const Hash32& block) {
  Bytes b = payload("consortia/vote/v1", chain_id);
  Writer w;
  w.u64(view);
  w.u64(height);
  w.hash(block);
  b.insert(b.end(), w.data().begin(), w.data().end());
  return b;
}

Bytes timeout_payload(const Hash32& chain_id, uint64_t view, uint64_t high_qc_view) {
  Bytes b = payload("consortia/timeout/v1", chain_id);
  Writer w;
  w.u64(view);
  w.u64(high_qc_view);
  b.insert(b.end(), w.data().begin(), w.data().end());
  return b;
}

Bytes proposal_payload(const Hash32& chain_id, const Hash32& block) {
  Bytes b = payload("consortia/proposal/v1", chain_id);
  b.insert(b.end(), block.v.begin(), block.v.end());
  return b;
}

}  // namespace consortia
