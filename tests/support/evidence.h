// Evidence (存证) transactions for tests: the record for a named document,
// the signed transaction that anchors it, and its bytes as the API takes them.
#pragma once

#include <string>

#include "crypto/crypto_suite.h"
#include "ledger/transaction.h"
#include "state/evidence.h"

namespace consortia::test {

// The record of `document` (its SHA-256 digest), owned by `owner`.
inline EvidenceRecord evidence_record(const std::string& document, const std::string& owner = "org-0",
                                      uint64_t timestamp_ms = 0) {
  EvidenceRecord r;
  r.digest = sha256(as_bytes(document));
  r.type = "e-contract";
  r.owner = owner;
  r.timestamp_ms = timestamp_ms;
  return r;
}

inline TxPtr evidence_tx(const Signer& client, const TxChain& chain, uint64_t nonce, const EvidenceRecord& r,
                         const CryptoSuite& suite = ed25519_sha256()) {
  return Transaction::create(suite, client, chain, TxKind::kEvidence, nonce, r.encode());
}

// A transaction's canonical bytes, as SubmitRequest carries them.
inline std::string wire(const TxPtr& tx) {
  Bytes b = tx->encode();
  return std::string(b.begin(), b.end());
}

// A client key derived from a name (the same name, the same key).
inline std::unique_ptr<Signer> client_key(const std::string& name, const CryptoSuite& suite = ed25519_sha256()) {
  return suite.signer_from_seed(sha256(as_bytes(name)));
}

}  // namespace consortia::test
