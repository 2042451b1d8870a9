// A signed transaction. Its id is the digest of the unsigned body, so a
// transaction is the same transaction wherever it travels; its leaf in the
// block's transaction tree covers the signature too.
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

struct TxLimits {
  static constexpr size_t kMaxPayload = 64 * 1024;
  static constexpr size_t kMaxPublicKey = 128;
  static constexpr size_t kMaxSignature = 128;
  static constexpr size_t kMaxKey = 256;
};

class Transaction {
 public:
  // Builds and signs; the signer's suite computes the id.
  static std::shared_ptr<const Transaction> create(const CryptoSuite& suite, const Signer& signer,
                                                   TxKind kind, uint64_t nonce, Bytes payload);
  static Result<std::shared_ptr<const Transaction>> decode(const CryptoSuite& suite, ByteView in);
  static Result<std::shared_ptr<const Transaction>> read(const CryptoSuite& suite, Reader& r);

  void encode(Writer& w) const;
  Bytes encode() const;
  bool verify_signature(const CryptoSuite& suite) const;

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

  static constexpr uint8_t kVersion = 1;

 private:
  Transaction() = default;
  void encode_body(Writer& w) const;
  void finish(const CryptoSuite& suite);

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
