// The explorer's logic: what a query asks for (a height, a block hash or
// transaction id, a document digest) and what came back, with an evidence
// proof checked here against the validators the console trusts (the
// network's genesis), never on the node's word. Toolkit-free.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "chain/evidence_proof.h"
#include "model/node_detail.h"

namespace consortia::console {

struct ExplorerTarget {
  enum class Kind { kHeight, kHashOrId, kDigest };
  Kind kind = Kind::kHeight;
  uint64_t height = 0;
  std::string id;  // 32 raw bytes for kHashOrId and kDigest
};

// Why a query cannot be asked.
enum class ExplorerQueryError { kNotADigest, kNotAHeightOrId };

// Parses what the user typed; `evidence`: the text is a document digest.
std::optional<ExplorerTarget> parse_explorer_target(const std::string& text, bool evidence,
                                                  ExplorerQueryError* why = nullptr);

struct TxSummary {
  std::string id_hex, sender_hex;
  uint64_t height = 0, nonce = 0;
  uint32_t kind = 0;     // TxKind
  std::string refused;   // the chain's reason code, or empty when applied
};
// TxKind's name ("no-op", "put", "evidence", …), or the number.
std::string tx_kind_name(uint32_t kind);

struct ExplorerResult {
  enum class Kind { kNone, kBlock, kTransaction, kEvidence } kind = Kind::kNone;
  std::string query, node;
  std::string error;                     // the agent's error (reason code first), or a query error
  std::optional<ExplorerQueryError> query_error;
  BlockSummary block;
  TxSummary tx;
  std::string evidence_digest_hex;       // an evidence transaction's document digest
  EvidenceProof proof;
  ProofVerdict verdict;
};

}  // namespace consortia::console
