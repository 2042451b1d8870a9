// RFC 9162 (Certificate Transparency v2) Merkle tree hashes and audit paths:
//   leaf  = H(0x00 || data)
//   inner = H(0x01 || left || right)
//   root of the empty tree = H("")
// A tree over n > 1 leaves splits at k, the largest power of two below n.
#include "ledger/merkle.h"

#include <array>
#include <span>

namespace consortia {
namespace {

using Leaves = std::span<const Hash32>;

Hash32 inner(const CryptoSuite& suite, const Hash32& left, const Hash32& right) {
  std::array<uint8_t, 65> buf;
  buf[0] = 0x01;
  std::memcpy(buf.data() + 1, left.v.data(), 32);
  std::memcpy(buf.data() + 33, right.v.data(), 32);
  return suite.hash(ByteView(buf.data(), buf.size()));
}

// Largest power of two strictly smaller than n (n >= 2).
size_t split_point(size_t n) {
  size_t k = 1;
  while (k << 1 < n) k <<= 1;
  return k;
}

// Root of a non-empty range.
Hash32 subtree_root(const CryptoSuite& suite, Leaves leaves) {
  if (leaves.size() == 1) return leaves[0];
  size_t k = split_point(leaves.size());
  return inner(suite, subtree_root(suite, leaves.subspan(0, k)),
               subtree_root(suite, leaves.subspan(k)));
}

void path(const CryptoSuite& suite, Leaves leaves, size_t m, std::vector<Hash32>& out) {
  if (leaves.size() <= 1) return;
  size_t k = split_point(leaves.size());
  if (m < k) {
    path(suite, leaves.subspan(0, k), m, out);
    out.push_back(subtree_root(suite, leaves.subspan(k)));
  } else {
    path(suite, leaves.subspan(k), m - k, out);
    out.push_back(subtree_root(suite, leaves.subspan(0, k)));
  }
}

}  // namespace

Hash32 merkle_leaf(const CryptoSuite& suite, ByteView data) {
  Bytes buf;
  buf.reserve(data.size() + 1);
  buf.push_back(0x00);
  buf.insert(buf.end(), data.begin(), data.end());
  return suite.hash(buf);
}

Hash32 merkle_root(const CryptoSuite& suite, const std::vector<Hash32>& leaves) {
  if (leaves.empty()) return suite.hash({});
  return subtree_root(suite, Leaves(leaves));
}

MerkleProof merkle_prove(const CryptoSuite& suite, const std::vector<Hash32>& leaves,
                         uint64_t index) {
  MerkleProof proof;
  proof.index = index;
  proof.leaf_count = leaves.size();
  if (index >= leaves.size()) return proof;  // verifies against nothing
  path(suite, Leaves(leaves), static_cast<size_t>(index), proof.siblings);
  return proof;
}

// RFC 9162 section 2.1.3.2.
std::optional<Hash32> merkle_root_from_proof(const CryptoSuite& suite, const Hash32& leaf,
                                             const MerkleProof& proof) {
  if (proof.index >= proof.leaf_count) return std::nullopt;
  uint64_t fn = proof.index;
  uint64_t sn = proof.leaf_count - 1;
  Hash32 r = leaf;
  for (const Hash32& p : proof.siblings) {
    if (sn == 0) return std::nullopt;
    if ((fn & 1) || fn == sn) {
      r = inner(suite, p, r);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = inner(suite, r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return std::nullopt;
  return r;
}

bool merkle_verify(const CryptoSuite& suite, const Hash32& root, const Hash32& leaf,
                   const MerkleProof& proof) {
  auto r = merkle_root_from_proof(suite, leaf, proof);
  return r && *r == root;
}

}  // namespace consortia
