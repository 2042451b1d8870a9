#include <gtest/gtest.h>

#include "mempool/mempool.h"

namespace consortia {
namespace {

struct MempoolFixture : ::testing::Test {
  const CryptoSuite& suite = ed25519_sha256();
  std::unique_ptr<Signer> alice = suite.signer_from_seed(sha256(as_bytes("alice")));
  std::unique_ptr<Signer> bob = suite.signer_from_seed(sha256(as_bytes("bob")));
  StatePtr empty = StateSnapshot::empty(suite, kMinProtocolVersion);
  Mempool pool{suite, MempoolConfig{}};
  TxPtr tx(const Signer& s, uint64_t nonce) {
    return Transaction::create(suite, s, TxKind::kNoop, nonce, Bytes(8, 1));
  }
};

TEST_F(MempoolFixture, AdmitsOnceAndRefusesDuplicates) {
  auto t = tx(*alice, 0);
  ASSERT_TRUE(pool.add(t, *empty).ok());
  auto again = pool.add(t, *empty);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kDuplicate);
  EXPECT_EQ(pool.size(), 1u);
}

TEST_F(MempoolFixture, VerifiesEachSignatureOnlyOnce) {
  auto t = tx(*alice, 0);
  ASSERT_TRUE(pool.add(t, *empty).ok());
  uint64_t n = pool.verifications();
  EXPECT_TRUE(pool.verify_cached(*t));
  EXPECT_EQ(pool.verifications(), n) << "a block carrying it costs no second check";
}

TEST_F(MempoolFixture, RefusesABadSignature) {
  auto t = tx(*alice, 0);
  Bytes raw = t->encode();
  raw[raw.size() - 3] ^= 1;  // inside the signature
  auto forged = Transaction::decode(suite, raw);
  ASSERT_TRUE(forged.ok());
  auto st = pool.add(*forged, *empty);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kBadSignature);
}

TEST_F(MempoolFixture, EnforcesTheNonceWindow) {
  auto far = pool.add(tx(*alice, StateLimits::kMaxNonceGap + 5), *empty);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().code, ErrorCode::kNonceTooHigh);
}

TEST_F(MempoolFixture, SelectsConsecutiveNoncesPerSenderAndDropsCommitted) {
  for (uint64_t n : {0, 1, 3}) ASSERT_TRUE(pool.add(tx(*alice, n), *empty).ok());
  ASSERT_TRUE(pool.add(tx(*bob, 0), *empty).ok());
  auto picked = pool.select(*empty, 100);
  EXPECT_EQ(picked.size(), 3u) << "nonce 3 waits for nonce 2";
  StateMachine sm(suite);
  auto after = sm.apply(empty, picked);
  ASSERT_TRUE(after.ok());
  pool.on_commit(picked, **after);
  EXPECT_EQ(pool.size(), 1u);
  EXPECT_TRUE(pool.select(**after, 100).empty());
  EXPECT_FALSE(pool.has_ready(**after));
}

TEST_F(MempoolFixture, RefusesWhenFull) {
  Mempool small(suite, MempoolConfig{2, 96 * 1024, 10, 100});
  ASSERT_TRUE(small.add(tx(*alice, 0), *empty).ok());
  ASSERT_TRUE(small.add(tx(*alice, 1), *empty).ok());
  auto st = small.add(tx(*alice, 2), *empty);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kMempoolFull);
}

}  // namespace
}  // namespace consortia
