// Transaction encoding (versions 1 and 2 alike):
//   u8 version, u8 kind, bytes sender, u64 nonce, bytes payload, bytes signature
// The body is everything but the signature; id = H(body); the Merkle leaf
// covers the full encoding. The signature covers
//   version 1: "consortia/tx/v1" || body
//   version 2: "consortia/tx/v2" || chain id (32 bytes) || body
#include "ledger/transaction.h"

#include "ledger/merkle.h"

namespace consortia {
namespace {

constexpr std::string_view kUnboundDomain = "consortia/tx/v1";
constexpr std::string_view kChainBoundDomain = "consortia/tx/v2";

bool known_kind(uint8_t k) {
  return k == static_cast<uint8_t>(TxKind::kNoop) || k == static_cast<uint8_t>(TxKind::kPut) ||
         k == static_cast<uint8_t>(TxKind::kEvidence) || k == static_cast<uint8_t>(TxKind::kCustody) ||
         k == static_cast<uint8_t>(TxKind::kRisk) || k == static_cast<uint8_t>(TxKind::kGovernance) ||
         k == static_cast<uint8_t>(TxKind::kDelete);
}

}  // namespace

void Transaction::encode_body(Writer& w) const {
  w.u8(version_);
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

Bytes Transaction::signing_bytes(const Hash32& chain_id) const {
  Writer w;
  if (version_ == kVersionChainBound) {
    w.raw(as_bytes(kChainBoundDomain));
    w.hash(chain_id);
  } else {
    w.raw(as_bytes(kUnboundDomain));
  }
  encode_body(w);
  return w.take();
}

std::shared_ptr<const Transaction> Transaction::create(const CryptoSuite& suite,
                                                       const Signer& signer, const TxChain& chain,
                                                       TxKind kind, uint64_t nonce, Bytes payload) {
  std::shared_ptr<Transaction> tx(new Transaction());
  tx->version_ = version_for(chain.protocol);
  tx->kind_ = kind;
  tx->nonce_ = nonce;
  tx->sender_ = signer.public_key();
  tx->payload_ = std::move(payload);
  tx->signature_ = signer.sign(tx->signing_bytes(chain.id));
  tx->finish(suite);
  return tx;
}

std::shared_ptr<const Transaction> Transaction::create_unbound(const CryptoSuite& suite,
                                                               const Signer& signer, TxKind kind,
                                                               uint64_t nonce, Bytes payload) {
  return create(suite, signer, TxChain{Hash32{}, kChainBoundProtocol - 1}, kind, nonce, std::move(payload));
}

Result<std::shared_ptr<const Transaction>> Transaction::read(const CryptoSuite& suite,
                                                             Reader& r) {
  std::shared_ptr<Transaction> tx(new Transaction());
  uint8_t version = r.u8();
  if (r.ok() && version != kVersionUnbound && version != kVersionChainBound) {
    r.fail("unsupported transaction version " + std::to_string(version));
    return make_error(ErrorCode::kUnsupportedVersion,
                      "transaction version " + std::to_string(version) + " (this node reads " +
                          std::to_string(kVersionUnbound) + " and " +
                          std::to_string(kVersionChainBound) + ")");
  }
  tx->version_ = version;
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

bool Transaction::verify_signature(const CryptoSuite& suite, const Hash32& chain_id) const {
  return suite.verify(sender_, signing_bytes(chain_id), signature_);
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
