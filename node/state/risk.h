// Risk information sharing (风险信息共享): organisations publish desensitised
// records about a subject and add feedback to each other's records. A
// subject is only ever named by a salted digest computed off-chain with a
// salt the members share, so no plain identifier reaches the chain; members
// query by computing the same digest.
//
// State keys: "r/<subject hex>/<tx id hex>"   -> the record (category, note, publisher)
//             "ri/<record tx id hex>"         -> subject digest (record index)
//             "rf/<record tx id hex>/<tx id>" -> feedback on that record
#pragma once

#include <string>
#include <vector>

#include "ledger/transaction.h"

namespace consortia {

class StateSnapshot;

// H("consortia/risk/v1" || len(salt) || salt || identifier) with the chain's suite.
Hash32 risk_subject(const CryptoSuite& suite, std::string_view salt, std::string_view identifier);

struct RiskOp {
  enum class Kind : uint8_t { kPublish = 1, kFeedback = 2 };
  static constexpr size_t kMaxCategory = 32;
  static constexpr size_t kMaxText = 256;

  Kind kind = Kind::kPublish;
  Hash32 subject;       // publish: the salted digest
  std::string category; // publish: e.g. "overdue", "fraud-suspected"
  Hash32 record;        // feedback: the publishing transaction's id
  std::string text;     // note or feedback, desensitised by the publisher

  Bytes encode() const;
  static Result<RiskOp> decode(ByteView payload);
};

struct RiskRecord {
  Hash32 record;  // publishing transaction id
  NodeId publisher;
  std::string category;
  std::string note;
  std::vector<std::pair<NodeId, std::string>> feedback;
};

// Everything published about a subject, with its feedback, oldest key first.
std::vector<RiskRecord> risk_query(const StateSnapshot& s, const Hash32& subject);

}  // namespace consortia
