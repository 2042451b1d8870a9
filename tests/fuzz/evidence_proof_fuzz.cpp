// libFuzzer: an evidence proof file as consortia-verify reads it. Anything is
// refused with an error, or read and verified against a trusted chain it was
// not made for, which must say no (the proof names no key this verifier
// trusts); none crashes the verifier.
// Run: scripts/fuzz.sh (seeds in tests/fuzz/corpus/evidence_proof/).
#include <cstdlib>
#include <string>

#include "chain/evidence_proof.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace consortia;
  auto p = EvidenceProof::from_json(std::string(reinterpret_cast<const char*>(data), size));
  if (!p) return 0;
  // Its own word for the chain and keys: what a careless verifier would use.
  (void)verify_evidence_proof(*p, TrustedChain{p->chain_id, p->validators});
  // A verifier's own keys, which signed nothing here.
  static const TrustedChain stranger{sha256(as_bytes("another chain")),
                                     {ed25519_sha256().signer_from_seed(sha256(as_bytes("k")))->public_key()}};
  if (verify_evidence_proof(*p, stranger).verified) std::abort();
  (void)EvidenceProof::from_json(p->to_json());
  return 0;
}
