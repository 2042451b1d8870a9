// A self-contained proof that an evidence record (存证) is on the chain: the
// record's state entry, its Merkle path to the state root, the block header
// carrying that root, and the quorum certificate that 2f+1 validators signed
// for the block. A third party verifies it offline with nothing but the
// validators' public keys (consortia-verify).
//
// JSON (canonical: lowercase hex, no other encodings accepted):
//   {"format": "consortia-evidence-proof/2", "suite": "...", "chain_id": hex,
//    "key": "e/<digest>", "value": hex, "state_path": {"siblings"},
//    "header": {...every header field...}, "block_hash": hex,
//    "certificate": {"view", "height", "block_hash", "votes": [{"signer", "signature"}]},
//    "validators": [hex public keys]   (informational: verify against your own)}
// Format 2 proves an entry of the state trie (protocol version 4 on): the
// sibling hashes from the entry up to the root. Format 1, for blocks of
// protocol versions up to 3, has "state_path": {"index", "leaf_count",
// "siblings"} over the sorted leaves; both are still verified.
#pragma once

#include <string>
#include <vector>

#include "chain/genesis.h"

#include "ledger/block.h"
#include "ledger/merkle.h"
#include "state/evidence.h"

namespace consortia {

struct EvidenceProof {
  std::string suite;
  Hash32 chain_id;
  std::string key;
  Bytes value;
  MerkleProof state_path;
  BlockHeader header;
  Hash32 block_hash;
  QuorumCertificate certificate;
  std::vector<Bytes> validators;

  std::string to_json() const;
  static Result<EvidenceProof> from_json(const std::string& text);
};

struct ProofVerdict {
  bool verified = false;
  std::string reason;  // why not, in English (the console translates codes)
  StoredEvidence evidence;
};

// What a verifier trusts, from its own copy of the chain's genesis (or a
// later validator set it holds): never from the proof.
struct TrustedChain {
  Hash32 chain_id;
  std::vector<Bytes> validators;  // public keys
};
// The chain id and first validators of a genesis.
TrustedChain trusted_from_genesis(const Genesis& g);

// Verifies against the trusted chain: the proof must name its chain id and
// be certified by a quorum of its validator keys.
ProofVerdict verify_evidence_proof(const EvidenceProof& proof, const TrustedChain& trusted);

}  // namespace consortia
