// Binary Merkle trees over leaf digests, with domain-separated leaf and inner
// nodes (RFC 6962 style) so a leaf can never pass for an inner node. An
// inclusion proof is verified with the suite's hash, the leaf and the root
// alone, i.e. by a third party holding only a block header.
#pragma once

#include <optional>
#include <vector>

#include "crypto/crypto_suite.h"

namespace consortia {

struct MerkleProof {
  uint64_t index = 0;
  uint64_t leaf_count = 0;
  std::vector<Hash32> siblings;  // bottom-up
};

Hash32 merkle_leaf(const CryptoSuite& suite, ByteView data);
Hash32 merkle_root(const CryptoSuite& suite, const std::vector<Hash32>& leaves);
MerkleProof merkle_prove(const CryptoSuite& suite, const std::vector<Hash32>& leaves,
                         uint64_t index);
// The root an audit path leads to, or nullopt for a malformed path.
std::optional<Hash32> merkle_root_from_proof(const CryptoSuite& suite, const Hash32& leaf,
                                             const MerkleProof& proof);
bool merkle_verify(const CryptoSuite& suite, const Hash32& root, const Hash32& leaf,
                   const MerkleProof& proof);

}  // namespace consortia
