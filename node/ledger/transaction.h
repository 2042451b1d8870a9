// A signed transaction. Its id is the digest of the unsigned body, so a
// transaction is the same transaction wherever it travels; its leaf in the
// block's transaction tree covers the signature too.
//
// Two versions. Version 1 signs the body alone, so a transaction signed for
// one chain verifies on every chain its sender's key is known to (a test
// network's transaction replayed on production, say). Version 2 signs the
// chain id with the body and is the only version a chain accepts from
// protocol 6 on (tx_version_for); version 1 is kept for the blocks of the
// protocols before it.
#pragma once

#include <memory>
#include <vector>

#include "core/codec.h"
#include "crypto/crypto_suite.h"

namespace consortia {

enum class TxKind : uint8_t {
  kNoop = 0,  // consumes a nonce, changes nothing else (pure consensus load)
  kPut = 1,   // payload = key/value pair written into the sender's namespace
  kEvidence = 2,  // payload = an EvidenceRecord (state/evidence.h): anchor a document digest
  kCustody = 3,   // payload = a CustodyOp (state/custody.h): deposit, transfer, withdraw
  kRisk = 4,      // payload = a RiskOp (state/risk.h): publish a desensitised record, feedback
  kGovernance = 5,  // payload = a GovOp (state/governance.h): propose, approve, withdraw
  kDelete = 6,      // payload = a key in the sender's namespace; protocol version 2 onward
};

// The chain a transaction is signed for: its id (the genesis block's hash)
// and the protocol of the blocks that are to take it, which decides the
// transaction's version (Transaction::version_for).
struct TxChain {
  Hash32 id;
  uint32_t protocol = 0;
};

struct TxLimits {
  static constexpr size_t kMaxPayload = 64 * 1024;
  static constexpr size_t kMaxPublicKey = 128;
  static constexpr size_t kMaxSignature = 128;
  static constexpr size_t kMaxKey = 256;
};

class Transaction {
 public:
  // Builds and signs a transaction for `chain`: version 2, bound to the
  // chain id, from protocol 6; version 1 before it. The signer's suite
  // computes the id.
  static std::shared_ptr<const Transaction> create(const CryptoSuite& suite, const Signer& signer,
                                                   const TxChain& chain, TxKind kind, uint64_t nonce,
                                                   Bytes payload);
  // A version 1 transaction, valid on any chain before protocol 6.
  static std::shared_ptr<const Transaction> create_unbound(const CryptoSuite& suite, const Signer& signer,
                                                           TxKind kind, uint64_t nonce, Bytes payload);
  static Result<std::shared_ptr<const Transaction>> decode(const CryptoSuite& suite, ByteView in);
  static Result<std::shared_ptr<const Transaction>> read(const CryptoSuite& suite, Reader& r);

  void encode(Writer& w) const;
  Bytes encode() const;
  // Whether the signature is the sender's, over this transaction on the
  // chain `chain_id` (version 1 does not name a chain: any id is taken).
  bool verify_signature(const CryptoSuite& suite, const Hash32& chain_id) const;

  uint8_t version() const { return version_; }
  TxKind kind() const { return kind_; }
  uint64_t nonce() const { return nonce_; }
  const Bytes& sender() const { return sender_; }
  const NodeId& sender_id() const { return sender_id_; }
  const Bytes& payload() const { return payload_; }
  const Bytes& signature() const { return signature_; }
  const Hash32& id() const { return id_; }
  const Hash32& leaf() const { return leaf_; }
  size_t encoded_size() const { return encoded_size_; }

  // Put payload helpers.
  static Bytes put_payload(std::string_view key, ByteView value);
  struct Put {
    std::string key;
    Bytes value;
  };
  static Result<Put> parse_put(ByteView payload);

  static constexpr uint8_t kVersionUnbound = 1;
  static constexpr uint8_t kVersionChainBound = 2;
  static constexpr uint32_t kChainBoundProtocol = 6;
  // The one version a block of `protocol` carries.
  static constexpr uint8_t version_for(uint32_t protocol) {
    return protocol >= kChainBoundProtocol ? kVersionChainBound : kVersionUnbound;
  }

 private:
  Transaction() = default;
  void encode_body(Writer& w) const;
  Bytes signing_bytes(const Hash32& chain_id) const;
  void finish(const CryptoSuite& suite);

  uint8_t version_ = kVersionUnbound;
  TxKind kind_ = TxKind::kNoop;
  uint64_t nonce_ = 0;
  Bytes sender_;
  Bytes payload_;
  Bytes signature_;
  NodeId sender_id_;
  Hash32 id_;
  Hash32 leaf_;
  size_t encoded_size_ = 0;
};

using TxPtr = std::shared_ptr<const Transaction>;

}  // namespace consortia
