// Block, header and certificate encodings.
//   QC:     u64 view, u64 height, hash block_hash, count, (hash signer, bytes sig)*
//   TC:     u64 view, count, (hash signer, u64 high_qc_view, bytes sig)*, QC high_qc
//   header: u8 format, fields in declaration order, justify as a full QC
//   block:  header, count, tx*
// The block hash covers "consortia/block/v1" and the header fields, with the
// justify QC reduced to (view, height, block_hash).
#include "ledger/block.h"

#include <algorithm>

#include "ledger/merkle.h"

namespace consortia {
namespace {

constexpr std::string_view kBlockDomain = "consortia/block/v1";
constexpr size_t kMaxCertSignature = 128;
// Smallest encodings, for Reader::count's early bound.
constexpr size_t kMinVote = 32 + 1;
constexpr size_t kMinTimeoutEntry = 32 + 8 + 1;
constexpr size_t kMinTx = 1 + 1 + 1 + 8 + 1 + 1;

size_t varint_size(uint64_t x) {
  size_t n = 1;
  while (x >= 0x80) {
    x >>= 7;
    ++n;
  }
  return n;
}

}  // namespace

// ---- certificates ----------------------------------------------------------------

void QuorumCertificate::encode(Writer& w) const {
  w.u64(view);
  w.u64(height);
  w.hash(block_hash);
  w.varint(votes.size());
  for (const auto& v : votes) {
    w.hash(v.signer);
    w.bytes(v.signature);
  }
}

QuorumCertificate QuorumCertificate::read(Reader& r) {
  QuorumCertificate qc;
  qc.view = r.u64();
  qc.height = r.u64();
  qc.block_hash = r.hash();
  size_t n = r.count(BlockLimits::kMaxQcVotes, kMinVote);
  qc.votes.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    SignerEntry e;
    e.signer = r.hash();
    e.signature = r.bytes(kMaxCertSignature);
    if (r.ok() && !qc.votes.empty() && !(qc.votes.back().signer < e.signer)) {
      r.fail("certificate votes not strictly sorted by signer");
      break;
    }
    qc.votes.push_back(std::move(e));
  }
  if (!r.ok()) return QuorumCertificate{};
  return qc;
}

uint64_t TimeoutCertificate::max_high_qc_view() const {
  uint64_t m = 0;
  for (const auto& e : entries) m = std::max(m, e.high_qc_view);
  return m;
}

void TimeoutCertificate::encode(Writer& w) const {
  w.u64(view);
  w.varint(entries.size());
  for (const auto& e : entries) {
    w.hash(e.signer);
    w.u64(e.high_qc_view);
    w.bytes(e.signature);
  }
  high_qc.encode(w);
}

TimeoutCertificate TimeoutCertificate::read(Reader& r) {
  TimeoutCertificate tc;
  tc.view = r.u64();
  size_t n = r.count(BlockLimits::kMaxQcVotes, kMinTimeoutEntry);
  tc.entries.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    Entry e;
    e.signer = r.hash();
    e.high_qc_view = r.u64();
    e.signature = r.bytes(kMaxCertSignature);
    if (r.ok() && !tc.entries.empty() && !(tc.entries.back().signer < e.signer)) {
      r.fail("timeout certificate entries not strictly sorted by signer");
      break;
    }
    tc.entries.push_back(std::move(e));
  }
  tc.high_qc = QuorumCertificate::read(r);
  if (!r.ok()) return TimeoutCertificate{};
  return tc;
}

// ---- header ------------------------------------------------------------------------

void encode_header(Writer& w, const BlockHeader& h) {
  w.u8(BlockHeader::kFormat);
  w.u64(h.height);
  w.u64(h.view);
  w.hash(h.parent_hash);
  w.hash(h.tx_root);
  w.hash(h.state_root);
  w.u32(h.protocol_version);
  w.hash(h.validator_set_hash);
  w.hash(h.proposer);
  w.u64(h.timestamp_ms);
  h.justify.encode(w);
}

BlockHeader read_header(Reader& r) {
  BlockHeader h;
  uint8_t format = r.u8();
  if (r.ok() && format != BlockHeader::kFormat) {
    r.fail("unsupported block header format " + std::to_string(format));
    return h;
  }
  h.height = r.u64();
  h.view = r.u64();
  h.parent_hash = r.hash();
  h.tx_root = r.hash();
  h.state_root = r.hash();
  h.protocol_version = r.u32();
  h.validator_set_hash = r.hash();
  h.proposer = r.hash();
  h.timestamp_ms = r.u64();
  h.justify = QuorumCertificate::read(r);
  return h;
}

// ---- block ---------------------------------------------------------------------------

Hash32 Block::header_hash(const CryptoSuite& suite, const BlockHeader& h) {
  Writer w;
  w.raw(as_bytes(kBlockDomain));
  w.u64(h.height);
  w.u64(h.view);
  w.hash(h.parent_hash);
  w.hash(h.tx_root);
  w.hash(h.state_root);
  w.u32(h.protocol_version);
  w.hash(h.validator_set_hash);
  w.hash(h.proposer);
  w.u64(h.timestamp_ms);
  w.u64(h.justify.view);
  w.u64(h.justify.height);
  w.hash(h.justify.block_hash);
  return suite.hash(w.data());
}

Hash32 Block::compute_tx_root(const CryptoSuite& suite, const std::vector<TxPtr>& txs) {
  std::vector<Hash32> leaves;
  leaves.reserve(txs.size());
  for (const auto& tx : txs) leaves.push_back(tx->leaf());
  return merkle_root(suite, leaves);
}

std::shared_ptr<const Block> Block::create(const CryptoSuite& suite, BlockHeader header,
                                           std::vector<TxPtr> txs) {
  std::shared_ptr<Block> b(new Block());
  b->header_ = std::move(header);
  b->txs_ = std::move(txs);
  b->hash_ = header_hash(suite, b->header_);
  Writer w;
  encode_header(w, b->header_);
  size_t size = w.data().size() + varint_size(b->txs_.size());
  for (const auto& tx : b->txs_) size += tx->encoded_size();
  b->encoded_size_ = size;
  return b;
}

Result<std::shared_ptr<const Block>> Block::read(const CryptoSuite& suite, Reader& r) {
  size_t start = r.position();
  BlockHeader header = read_header(r);
  size_t n = r.count(BlockLimits::kMaxTxs, kMinTx);
  std::vector<TxPtr> txs;
  if (r.ok()) txs.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    auto tx = Transaction::read(suite, r);
    if (!tx) {
      Error e = tx.error();
      e.detail = "block transaction " + std::to_string(i) + ": " + e.detail;
      return e;
    }
    txs.push_back(std::move(*tx));
  }
  if (!r.ok()) return r.finish("block").error();
  Hash32 root = compute_tx_root(suite, txs);
  if (root != header.tx_root) {
    r.fail("transaction root mismatch");
    return make_error(ErrorCode::kInvalidBlock,
                      "block at height " + std::to_string(header.height) + ": tx_root " +
                          header.tx_root.short_hex() + " does not match its transactions (" +
                          root.short_hex() + ")");
  }
  std::shared_ptr<Block> b(new Block());
  b->header_ = std::move(header);
  b->txs_ = std::move(txs);
  b->hash_ = header_hash(suite, b->header_);
  b->encoded_size_ = r.position() - start;
  return std::shared_ptr<const Block>(std::move(b));
}

Result<std::shared_ptr<const Block>> Block::decode(const CryptoSuite& suite, ByteView in) {
  Reader r(in);
  auto b = read(suite, r);
  if (!b) return b;
  if (auto st = r.finish("block"); !st) return st.error();
  return b;
}

void Block::encode(Writer& w) const {
  encode_header(w, header_);
  w.varint(txs_.size());
  for (const auto& tx : txs_) tx->encode(w);
}

Bytes Block::encode() const {
  Writer w;
  encode(w);
  return w.take();
}

}  // namespace consortia
