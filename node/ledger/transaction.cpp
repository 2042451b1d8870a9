// Transaction encoding (version 1):
//   u8 version, u8 kind, bytes sender, u64 nonce, bytes payload, bytes signature
// The body is everything but the signature; id = H(body); the signature covers
// "consortia/tx/v1" || body; the Merkle leaf covers the full encoding.
#include "ledger/transaction.h"

#include "ledger/merkle.h"

namespace consortia {
namespace {

constexpr std::string_view kTxDomain = "consortia/tx/v1";

bool known_kind(uint8_t k) {
  return k == static_cast<uint8_t>(TxKind::kNoop) || k == static_cast<uint8_t>(TxKind::kPut) ||
         k == static_cast<uint8_t>(TxKind::kEvidence) || k == static_cast<uint8_t>(TxKind::kCustody) ||
         k == static_cast<uint8_t>(TxKind::kRisk) || k == static_cast<uint8_t>(TxKind::kGovernance) ||
         k == static_cast<uint8_t>(TxKind::kDelete);
}

}  // namespace

void Transaction::encode_body(Writer& w) const {
  w.u8(kVersion);
  w.u8(static_cast<uint8_t>(kind_));
  w.bytes(sender_);
  w.u64(nonce_);
  w.bytes(payload_);
}

void Transaction::encode(Writer& w) const {
  encode_body(w);
  w.bytes(signature_);
}

Bytes Transaction::encode() const {
  Writer w;
  encode(w);
  return w.take();
}

void Transaction::finish(const CryptoSuite& suite) {
  Writer w;
  encode_body(w);
  id_ = suite.hash(w.data());
  w.bytes(signature_);
  encoded_size_ = w.data().size();
  leaf_ = merkle_leaf(suite, w.data());
  sender_id_ = suite.node_id(sender_);
}

std::shared_ptr<const Transaction> Transaction::create(const CryptoSuite& suite,
                                                       const Signer& signer, TxKind kind,
                                                       uint64_t nonce, Bytes payload) {
  std::shared_ptr<Transaction> tx(new Transaction());
  tx->kind_ = kind;
  tx->nonce_ = nonce;
  tx->sender_ = signer.public_key();
  tx->payload_ = std::move(payload);
  Writer w;
  w.raw(as_bytes(kTxDomain));
  tx->encode_body(w);
  tx->signature_ = signer.sign(w.data());
  tx->finish(suite);
  return tx;
}

Result<std::shared_ptr<const Transaction>> Transaction::read(const CryptoSuite& suite,
                                                             Reader& r) {
  std::shared_ptr<Transaction> tx(new Transaction());
  uint8_t version = r.u8();
  if (r.ok() && version != kVersion) {
    r.fail("unsupported transaction version " + std::to_string(version));
    return make_error(ErrorCode::kUnsupportedVersion,
                      "transaction version " + std::to_string(version) + " (this node reads " +
                          std::to_string(kVersion) + ")");
  }
  uint8_t kind = r.u8();
  if (r.ok() && !known_kind(kind)) r.fail("unknown transaction kind " + std::to_string(kind));
  tx->kind_ = static_cast<TxKind>(kind);
  tx->sender_ = r.bytes(TxLimits::kMaxPublicKey);
  tx->nonce_ = r.u64();
  tx->payload_ = r.bytes(TxLimits::kMaxPayload);
  tx->signature_ = r.bytes(TxLimits::kMaxSignature);
  // On failure finish() reports the first recorded reason (it only adds
  // "trailing bytes" to a reader that is still ok).
  if (!r.ok()) return r.finish("transaction").error();
  tx->finish(suite);
  return std::shared_ptr<const Transaction>(std::move(tx));
}

Result<std::shared_ptr<const Transaction>> Transaction::decode(const CryptoSuite& suite,
                                                               ByteView in) {
  Reader r(in);
  auto tx = read(suite, r);
  if (!tx) return tx;
  if (auto st = r.finish("transaction"); !st) return st.error();
  return tx;
}

bool Transaction::verify_signature(const CryptoSuite& suite) const {
  Writer w;
  w.raw(as_bytes(kTxDomain));
  encode_body(w);
  return suite.verify(sender_, w.data(), signature_);
}

Bytes Transaction::put_payload(std::string_view key, ByteView value) {
  Writer w;
  w.str(key);
  w.bytes(value);
  return w.take();
}

Result<Transaction::Put> Transaction::parse_put(ByteView payload) {
  Reader r(payload);
  Put p;
  p.key = r.str(TxLimits::kMaxKey);
  p.value = r.bytes(TxLimits::kMaxPayload);
  if (auto st = r.finish("put payload"); !st) return st.error();
  return p;
}

}  // namespace consortia
