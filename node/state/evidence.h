// The evidence contract (存证): anchor a document's digest — a financial
// transaction record, an e-contract, a piece of risk information — with its
// metadata, so that anyone can later prove, offline, that the digest was on
// the chain at a certified block (chain/evidence_proof.h).
//
// State keys:  "e/<digest hex>"                 -> the record and its submitter
//              "eo/<owner>/<digest hex>"        -> owner index (value: 1 byte)
#pragma once

#include <optional>
#include <string>

#include "ledger/transaction.h"

namespace consortia {

enum class DigestAlgorithm : uint8_t { kSha256 = 1, kSm3 = 2 };

struct EvidenceRecord {
  static constexpr size_t kMaxType = 64;
  static constexpr size_t kMaxOwner = 64;
  static constexpr size_t kMaxReference = 64;  // hex digest of an earlier record
  static constexpr size_t kMaxMetadata = 1024;

  DigestAlgorithm algorithm = DigestAlgorithm::kSha256;
  Hash32 digest;
  std::string type;   // e.g. "e-contract", "trade-record", "risk-info"
  std::string owner;  // owning organisation
  uint64_t timestamp_ms = 0;
  std::string reference;  // digest hex of an earlier record, or empty
  Bytes metadata;

  Bytes encode() const;
  static Result<EvidenceRecord> decode(ByteView payload);
  std::string key() const { return key_for(digest); }
  static std::string key_for(const Hash32& digest) { return "e/" + digest.hex(); }
  std::string owner_key() const { return "eo/" + owner + "/" + digest.hex(); }
  bool operator==(const EvidenceRecord&) const = default;
};

// The stored value of "e/<digest>": the record and who anchored it.
struct StoredEvidence {
  EvidenceRecord record;
  NodeId submitter;
  Bytes encode() const;
  static Result<StoredEvidence> decode(ByteView value);
};

}  // namespace consortia
