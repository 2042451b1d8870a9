#include <gtest/gtest.h>

#include <algorithm>

#include "ledger/merkle.h"

namespace consortia {
namespace {

std::vector<Hash32> make_leaves(const CryptoSuite& suite, size_t n, uint8_t salt = 0) {
  std::vector<Hash32> leaves;
  for (size_t i = 0; i < n; ++i) {
    Bytes data = {static_cast<uint8_t>(i), static_cast<uint8_t>(i >> 8), salt};
    leaves.push_back(merkle_leaf(suite, data));
  }
  return leaves;
}

std::string suite_param_name(const ::testing::TestParamInfo<const CryptoSuite*>& p) {
  return p.param->id() == SuiteId::kEd25519Sha256 ? "Sha256" : "Sm3";
}

class MerkleTest : public ::testing::TestWithParam<const CryptoSuite*> {
 protected:
  const CryptoSuite& suite() const { return *GetParam(); }
};

TEST_P(MerkleTest, EmptyTreeRootIsHashOfEmptyInput) {
  EXPECT_EQ(merkle_root(suite(), {}), suite().hash({}));
}

TEST_P(MerkleTest, SingleLeafRootIsThatLeaf) {
  auto leaves = make_leaves(suite(), 1);
  EXPECT_EQ(merkle_root(suite(), leaves), leaves[0]);
}

TEST_P(MerkleTest, LeafHashIsDomainSeparated) {
  Bytes d = {1, 2, 3};
  Bytes prefixed = {0x00, 1, 2, 3};
  EXPECT_EQ(merkle_leaf(suite(), d), suite().hash(prefixed));
  EXPECT_NE(merkle_leaf(suite(), d), suite().hash(d));
}

TEST_P(MerkleTest, TwoLeafRootIsInnerHash) {
  auto leaves = make_leaves(suite(), 2);
  Bytes buf = {0x01};
  buf.insert(buf.end(), leaves[0].v.begin(), leaves[0].v.end());
  buf.insert(buf.end(), leaves[1].v.begin(), leaves[1].v.end());
  EXPECT_EQ(merkle_root(suite(), leaves), suite().hash(buf));
}

TEST_P(MerkleTest, ProofsVerifyForEveryIndexForSizesOneToSeventeen) {
  for (size_t n = 1; n <= 17; ++n) {
    auto leaves = make_leaves(suite(), n);
    Hash32 root = merkle_root(suite(), leaves);
    for (size_t i = 0; i < n; ++i) {
      MerkleProof p = merkle_prove(suite(), leaves, i);
      EXPECT_EQ(p.index, i);
      EXPECT_EQ(p.leaf_count, n);
      EXPECT_TRUE(merkle_verify(suite(), root, leaves[i], p)) << "n=" << n << " i=" << i;
    }
  }
}

TEST_P(MerkleTest, ProofLengthIsLogarithmic) {
  auto leaves = make_leaves(suite(), 1000);
  for (uint64_t i : {0ull, 511ull, 512ull, 999ull}) {
    MerkleProof p = merkle_prove(suite(), leaves, i);
    EXPECT_LE(p.siblings.size(), 10u);
    EXPECT_TRUE(merkle_verify(suite(), merkle_root(suite(), leaves), leaves[i], p));
  }
}

TEST_P(MerkleTest, AlteredLeafSiblingIndexOrSizeFails) {
  for (size_t n = 1; n <= 17; ++n) {
    auto leaves = make_leaves(suite(), n);
    Hash32 root = merkle_root(suite(), leaves);
    for (size_t i = 0; i < n; ++i) {
      MerkleProof p = merkle_prove(suite(), leaves, i);
      // Another leaf.
      Hash32 other = leaves[i];
      other.v[0] ^= 1;
      EXPECT_FALSE(merkle_verify(suite(), root, other, p));
      // Another root.
      Hash32 bad_root = root;
      bad_root.v[31] ^= 1;
      EXPECT_FALSE(merkle_verify(suite(), bad_root, leaves[i], p));
      // Each sibling altered.
      for (size_t s = 0; s < p.siblings.size(); ++s) {
        MerkleProof q = p;
        q.siblings[s].v[5] ^= 0x10;
        EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], q)) << n << "/" << i << "/" << s;
      }
      // Every other index.
      for (size_t j = 0; j < n + 2; ++j) {
        if (j == i) continue;
        MerkleProof q = p;
        q.index = j;
        EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], q)) << n << "/" << i << "->" << j;
      }
      // A tree size that cannot hold the index. (The root does not commit to
      // the size: a size whose audit path has the same shape verifies too, so
      // callers take the size from a trusted source.)
      for (size_t m = 0; m <= i; ++m) {
        MerkleProof q = p;
        q.leaf_count = m;
        EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], q)) << n << "/" << i << " size " << m;
      }
      // A size whose path has another shape.
      for (size_t m = i + 1; m < n + 3; ++m) {
        if (m == n) continue;
        std::vector<Hash32> other_tree(leaves.begin(), leaves.begin() + std::min(m, n));
        while (other_tree.size() < m) other_tree.push_back(leaves[0]);
        MerkleProof shape = merkle_prove(suite(), other_tree, i);
        if (shape.siblings.size() == p.siblings.size()) continue;
        MerkleProof q = p;
        q.leaf_count = m;
        EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], q)) << n << "/" << i << " size " << m;
      }
      // A sibling too many or too few.
      MerkleProof longer = p;
      longer.siblings.push_back(leaves[0]);
      EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], longer));
      if (!p.siblings.empty()) {
        MerkleProof shorter = p;
        shorter.siblings.pop_back();
        EXPECT_FALSE(merkle_verify(suite(), root, leaves[i], shorter));
      }
    }
  }
}

TEST_P(MerkleTest, ProofForIndexOutOfRangeDoesNotVerify) {
  auto leaves = make_leaves(suite(), 5);
  MerkleProof p = merkle_prove(suite(), leaves, 5);
  EXPECT_FALSE(merkle_verify(suite(), merkle_root(suite(), leaves), leaves[4], p));
  EXPECT_FALSE(merkle_verify(suite(), merkle_root(suite(), {}), suite().hash({}),
                             merkle_prove(suite(), {}, 0)));
}

TEST_P(MerkleTest, RootChangesWhenAnyLeafChanges) {
  for (size_t n = 1; n <= 17; ++n) {
    auto leaves = make_leaves(suite(), n);
    Hash32 root = merkle_root(suite(), leaves);
    for (size_t i = 0; i < n; ++i) {
      auto changed = leaves;
      changed[i].v[17] ^= 0x40;
      EXPECT_NE(merkle_root(suite(), changed), root) << n << "/" << i;
    }
    // Appending or removing a leaf changes it too.
    auto more = leaves;
    more.push_back(make_leaves(suite(), 1, 9)[0]);
    EXPECT_NE(merkle_root(suite(), more), root);
    auto fewer = leaves;
    fewer.pop_back();
    EXPECT_NE(merkle_root(suite(), fewer), root);
  }
}

TEST_P(MerkleTest, SwappingTwoLeavesChangesRoot) {
  auto leaves = make_leaves(suite(), 6);
  auto swapped = leaves;
  std::swap(swapped[1], swapped[4]);
  EXPECT_NE(merkle_root(suite(), leaves), merkle_root(suite(), swapped));
}

INSTANTIATE_TEST_SUITE_P(BothDigests, MerkleTest,
                         ::testing::Values(&ed25519_sha256(), &sm2_sm3()), suite_param_name);

// The RFC 6962 reference tree (the eight inputs used by Certificate
// Transparency's own tests) and its roots for sizes 1..8, with SHA-256.
TEST(Merkle, MatchesRfc6962ReferenceRootsWithSha256) {
  const char* inputs[] = {"",         "00",       "10",
                          "2021",     "3031",     "40414243",
                          "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
  const char* roots[] = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };
  const auto& suite = ed25519_sha256();
  std::vector<Hash32> leaves;
  for (size_t n = 0; n < 8; ++n) {
    Bytes data;
    ASSERT_TRUE(from_hex(inputs[n], data));
    leaves.push_back(merkle_leaf(suite, data));
    EXPECT_EQ(merkle_root(suite, leaves).hex(), roots[n]) << "size " << n + 1;
  }
}

}  // namespace
}  // namespace consortia
