#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <unordered_set>

#include "consensus/messages.h"
#include "mempool/mempool.h"
#include "mempool/signature_pool.h"

namespace consortia {
namespace {

struct MempoolFixture : ::testing::Test {
  const CryptoSuite& suite = ed25519_sha256();
  std::unique_ptr<Signer> alice = suite.signer_from_seed(sha256(as_bytes("alice")));
  std::unique_ptr<Signer> bob = suite.signer_from_seed(sha256(as_bytes("bob")));
  StatePtr empty = StateSnapshot::empty(suite, kMinProtocolVersion);
  Mempool pool{suite, MempoolConfig{}};
  TxPtr tx(const Signer& s, uint64_t nonce) {
    return Transaction::create_unbound(suite, s, TxKind::kNoop, nonce, Bytes(8, 1));
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

// The pool takes the version the chain's protocol takes (Transaction::
// version_for), a version 2 transaction only with the signature of its own
// chain, and drops what it holds of the other version when it changes.
TEST_F(MempoolFixture, TakesOneTransactionVersionAndOnlyItsOwnChainsSignatures) {
  const Hash32 ours = sha256(as_bytes("our chain")), theirs = sha256(as_bytes("their chain"));
  const TxChain bound{ours, Transaction::kChainBoundProtocol};
  Mempool p{suite, MempoolConfig{}, ours};
  auto bound_tx = Transaction::create(suite, *alice, bound, TxKind::kNoop, 0, Bytes(8, 1));
  ASSERT_EQ(bound_tx->version(), Transaction::kVersionChainBound);
  auto before = p.add(bound_tx, *empty);
  ASSERT_FALSE(before.ok()) << "version 2 before protocol 6";
  EXPECT_EQ(before.error().code, ErrorCode::kUnsupportedInVersion);
  ASSERT_TRUE(p.add(tx(*alice, 0), *empty).ok());
  ASSERT_TRUE(p.add(tx(*bob, 0), *empty).ok());

  EXPECT_EQ(p.set_tx_version(Transaction::kVersionChainBound), 2u) << "the version 1 ones go";
  EXPECT_EQ(p.size(), 0u);
  EXPECT_EQ(p.senders(), 0u);
  auto unbound = p.add(tx(*alice, 0), *empty);
  ASSERT_FALSE(unbound.ok());
  EXPECT_EQ(unbound.error().code, ErrorCode::kUnsupportedInVersion);
  auto elsewhere = Transaction::create(suite, *bob, TxChain{theirs, Transaction::kChainBoundProtocol}, TxKind::kNoop,
                                       0, Bytes(8, 1));
  auto replayed = p.add(elsewhere, *empty);
  ASSERT_FALSE(replayed.ok());
  EXPECT_EQ(replayed.error().code, ErrorCode::kBadSignature);
  EXPECT_FALSE(p.verify_cached(*elsewhere)) << "nor inside a block";
  ASSERT_TRUE(p.add(bound_tx, *empty).ok());
  EXPECT_EQ(p.select(*empty, 10).size(), 1u);
  EXPECT_TRUE(p.select(*empty, 10, SIZE_MAX, Transaction::kVersionUnbound).empty())
      << "a block of an older protocol takes none of them";

  SignaturePool sigs(suite, ours, 1);
  auto valid = sigs.check({bound_tx, elsewhere});
  ASSERT_EQ(valid.size(), 1u);
  EXPECT_EQ(valid[0], bound_tx->leaf());
}

// A refused transaction leaves nothing behind: before, one from a sender new
// to the pool left an empty queue when the pool was full or the payload
// malformed, so a member could grow the pool's sender table, and the work of
// every select() and has_ready(), without bound.
TEST_F(MempoolFixture, RefusedTransactionsLeaveNoSenderBehind) {
  Mempool small{suite, MempoolConfig{.max_txs = 1}};
  ASSERT_TRUE(small.add(tx(*alice, 0), *empty).ok());
  for (int i = 0; i < 20; ++i) {
    auto stranger = suite.signer_from_seed(sha256(as_bytes("stranger-" + std::to_string(i))));
    auto full = small.add(tx(*stranger, 0), *empty);
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, ErrorCode::kMempoolFull);
    auto malformed = pool.add(Transaction::create_unbound(suite, *stranger, TxKind::kPut, 0, Bytes{0xff}), *empty);
    ASSERT_FALSE(malformed.ok()) << "a put payload of one byte is malformed";
  }
  EXPECT_EQ(small.senders(), 1u);
  EXPECT_EQ(pool.senders(), 0u);
}

// A transaction whose signature bytes were flipped (it decodes; it does not verify).
TxPtr forge(const CryptoSuite& suite, const TxPtr& t) {
  Bytes raw = t->encode();
  raw[raw.size() - 3] ^= 1;  // inside the signature
  auto forged = Transaction::decode(suite, raw);
  if (!forged.ok()) return nullptr;
  return *forged;
}

// Keys made for the purpose, each with transactions whose nonces are never
// ready (nonce 0 never sent), filled the pool for good: every transaction
// after was refused as "mempool full". A ready transaction now takes a held
// one's place, and held senders are dropped after held_ttl_ms.
TEST_F(MempoolFixture, TransactionsThatCanNeverBeReadyDoNotFillThePoolForGood) {
  MempoolConfig cfg;
  cfg.max_txs = 100;
  Mempool small{suite, cfg};
  for (int i = 0; i < 50; ++i) {
    auto throwaway = suite.signer_from_seed(sha256(as_bytes("throwaway-" + std::to_string(i))));
    ASSERT_TRUE(small.add_from_peer(tx(*throwaway, 1), *empty).ok());
    ASSERT_TRUE(small.add_from_peer(tx(*throwaway, 2), *empty).ok());
  }
  ASSERT_EQ(small.size(), 100u);
  // Held ones do not displace each other.
  auto late = suite.signer_from_seed(sha256(as_bytes("late")));
  EXPECT_EQ(small.add_from_peer(tx(*late, 1), *empty).error().code, ErrorCode::kMempoolFull);
  // A ready one is admitted in a held one's place, and can be proposed.
  ASSERT_TRUE(small.add(tx(*alice, 0), *empty).ok());
  ASSERT_TRUE(small.add(tx(*bob, 0), *empty).ok());
  EXPECT_EQ(small.size(), 100u);
  EXPECT_EQ(small.evicted(), 2u);
  EXPECT_EQ(small.select(*empty, 10).size(), 2u);
  // A forged ready transaction displaces nothing.
  auto forged = forge(suite, tx(*late, 0));
  ASSERT_TRUE(forged);
  EXPECT_EQ(small.add(forged, *empty).error().code, ErrorCode::kBadSignature);
  EXPECT_EQ(small.evicted(), 2u);
  // Held senders go after the time limit; the ready ones stay.
  EXPECT_EQ(small.expire(*empty, 0), 0u);
  EXPECT_EQ(small.expire(*empty, cfg.held_ttl_ms - 1), 0u);
  EXPECT_EQ(small.expire(*empty, cfg.held_ttl_ms), 98u);
  EXPECT_EQ(small.size(), 2u);
  EXPECT_EQ(small.senders(), 2u);
}

TEST_F(MempoolFixture, SignaturePoolReturnsExactlyTheValidLeaves) {
  SignaturePool sigs(suite, Hash32{}, 3);
  EXPECT_EQ(sigs.threads(), 2u) << "the caller is the third";
  std::vector<TxPtr> txs;
  std::set<Hash32> want;
  for (uint64_t n = 0; n < 200; ++n) {
    auto t = tx(n % 2 ? *alice : *bob, n);
    if (n % 7 == 3) {
      t = forge(suite, t);
      ASSERT_TRUE(t);
    } else {
      want.insert(t->leaf());
    }
    txs.push_back(t);
  }
  auto got = sigs.check(txs);
  EXPECT_EQ(std::set<Hash32>(got.begin(), got.end()), want);
  EXPECT_EQ(got.size(), want.size()) << "each valid leaf once";
  EXPECT_EQ(sigs.verified(), 200u);

  // Again: the valid ones are remembered, the forged ones checked afresh.
  auto again = sigs.check(txs);
  EXPECT_EQ(std::set<Hash32>(again.begin(), again.end()), want);
  EXPECT_EQ(sigs.remembered_hits(), want.size());
  EXPECT_EQ(sigs.verified(), 200u + (200u - want.size()));
}

TEST_F(MempoolFixture, SignaturePoolIsSafeFromManyThreads) {
  SignaturePool sigs(suite, Hash32{}, 2);
  std::vector<std::vector<TxPtr>> batches(4);
  for (size_t b = 0; b < batches.size(); ++b) {
    auto signer = suite.signer_from_seed(sha256(as_bytes("sender " + std::to_string(b))));
    for (uint64_t n = 0; n < 100; ++n) batches[b].push_back(tx(*signer, n));
    batches[b][50] = forge(suite, batches[b][50]);
  }
  std::vector<size_t> valid(batches.size());
  std::vector<std::thread> callers;
  for (size_t b = 0; b < batches.size(); ++b)
    callers.emplace_back([&, b] { valid[b] = sigs.check(batches[b]).size(); });
  for (auto& t : callers) t.join();
  for (size_t b = 0; b < batches.size(); ++b) EXPECT_EQ(valid[b], 99u) << "batch " << b;
}

TEST_F(MempoolFixture, LeavesCheckedByThePoolAreNotCheckedAgain) {
  SignaturePool sigs(suite, Hash32{}, 2);
  auto good = tx(*alice, 0);
  auto bad = forge(suite, tx(*alice, 1));
  ASSERT_TRUE(bad);
  auto valid = sigs.check({good, bad});
  std::unordered_set<Hash32> prechecked(valid.begin(), valid.end());
  pool.set_prechecked(&prechecked);
  ASSERT_TRUE(pool.add(good, *empty).ok());
  EXPECT_EQ(pool.verifications(), 0u) << "the pool checked it";
  auto st = pool.add(bad, *empty);
  ASSERT_FALSE(st.ok()) << "a forged transaction is not vouched for by the pool";
  EXPECT_EQ(st.error().code, ErrorCode::kBadSignature);
  EXPECT_EQ(pool.verifications(), 1u);
  // Only for the call they came with: a transaction the pool checked but the
  // node did not keep is checked again when it comes back later.
  pool.set_prechecked(nullptr);
  auto later = tx(*bob, 0);
  prechecked = {later->leaf()};
  EXPECT_TRUE(pool.verify_cached(*later));
  EXPECT_EQ(pool.verifications(), 2u);
}

// A proposal may carry a transaction before its gossip arrives; the node
// checks it then, and the host's pool, told so, does not check the gossip.
TEST_F(MempoolFixture, TheNodesOwnChecksAreRememberedByTheHostsPool) {
  SignaturePool sigs(suite, Hash32{}, 1);
  std::vector<Hash32> told;
  pool.set_verified_hook([&](const Hash32& leaf) {
    told.push_back(leaf);
    sigs.remember(leaf);
  });
  auto in_block = tx(*alice, 0);
  auto bad = forge(suite, tx(*alice, 1));
  ASSERT_TRUE(pool.verify_cached(*in_block));
  EXPECT_FALSE(pool.verify_cached(*bad));
  auto submitted = tx(*bob, 0);
  ASSERT_TRUE(pool.add(submitted, *empty).ok());
  EXPECT_EQ(told, (std::vector<Hash32>{in_block->leaf(), submitted->leaf()}))
      << "only signatures found valid, each once";
  EXPECT_TRUE(pool.verify_cached(*in_block));
  EXPECT_EQ(told.size(), 2u) << "a leaf the node already knows is not checked or told again";
  auto valid = sigs.check({in_block, submitted, bad});
  EXPECT_EQ(valid.size(), 2u);
  EXPECT_EQ(sigs.verified(), 1u) << "only the forged one is checked";
  EXPECT_EQ(sigs.remembered_hits(), 2u);
}

TEST_F(MempoolFixture, SignaturePoolStopsAtTheFirstBadSignatureWhenAsked) {
  SignaturePool sigs(suite, Hash32{}, 1);  // the caller alone: chunks in order
  std::vector<TxPtr> txs;
  for (uint64_t n = 0; n < 100; ++n) txs.push_back(tx(*alice, n));
  txs[5] = forge(suite, txs[5]);
  auto valid = sigs.check(txs, true);
  EXPECT_LE(valid.size(), 15u) << "the rest of a batch with a bad signature is left to the node";
  EXPECT_LE(sigs.verified(), 16u);
  EXPECT_EQ(sigs.check(txs).size(), 99u) << "without stopping, every valid one";
}

TEST_F(MempoolFixture, OnlyGossipIsCheckedAheadOfTheNode) {
  auto a = tx(*alice, 0), b = tx(*bob, 0);
  EXPECT_EQ(gossiped_transactions(Message{TxBatch{{a, b}}}).size(), 2u);
  EXPECT_EQ(gossiped_transactions(Message{TxRelay{{a}, {}}}).size(), 1u);
  CompactProposal c;
  c.prefilled = {{1, b}};
  EXPECT_TRUE(gossiped_transactions(Message{c}).empty()) << "blocks' transactions wait for the node's checks";
  EXPECT_TRUE(gossiped_transactions(Message{BlockTxResponse{{}, {0}, {a}}}).empty());
  EXPECT_TRUE(gossiped_transactions(Message{Vote{}}).empty());
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

// A transaction the entry node admitted against its own committed state
// reaches a node a block or two behind: held there, not refused (refused, it
// would wait for its entry node's turn to lead), and not proposed before its
// turn. A client submitting here still gets the chain's window.
TEST_F(MempoolFixture, HoldsAPeersTransactionAheadOfALaggingNodesWindow) {
  auto ahead = tx(*alice, StateLimits::kMaxNonceGap + 5);
  auto refused = pool.add(ahead, *empty);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kNonceTooHigh);
  ASSERT_TRUE(pool.add_from_peer(ahead, *empty).ok());
  EXPECT_TRUE(pool.select(*empty, 100).empty()) << "held, not ready";
  auto beyond = pool.add_from_peer(tx(*alice, MempoolConfig{}.peer_nonce_gap), *empty);
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().code, ErrorCode::kNonceTooHigh);
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

// Only this node's own transactions, only where their sender is stuck (its
// next nonce did not move while enough blocks with room to spare were
// committed) and this node holds that next one, are offered again: a sender
// waiting in a backlog (full blocks) is not, nor is one whose next
// transaction came by gossip (its submitter's charge). Each offer doubles the
// wait, and an offer stays within its count and bytes.
TEST_F(MempoolFixture, OffersAgainOnlyItsOwnTransactionsOfAStuckSender) {
  StateMachine sm(suite);
  std::vector<TxPtr> a;
  for (uint64_t n = 0; n < 6; ++n) a.push_back(tx(*alice, n));
  auto b0 = tx(*bob, 0), b1 = tx(*bob, 1);
  for (size_t n = 0; n < a.size(); ++n) {
    ASSERT_TRUE(pool.add(a[n], *empty).ok());
    if (n != 3) pool.mark_local(a[n]);  // alice's 3 came by gossip
  }
  ASSERT_TRUE(pool.add(b0, *empty).ok());  // bob's 0 by gossip, his 1 ours
  ASSERT_TRUE(pool.add(b1, *empty).ok());
  pool.mark_local(b1);
  const uint64_t patience = 12;
  const size_t any = 1 << 20;
  EXPECT_TRUE(pool.stuck_local(*empty, 100, patience, 100, any).empty()) << "the first look notes where senders are";
  // Full blocks (a backlog) do not count: however many looks, nobody is stuck.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(pool.stuck_local(*empty, 100, patience, 100, any).empty());
  EXPECT_TRUE(pool.stuck_local(*empty, 111, patience, 100, any).empty()) << "eleven blocks with room: not yet";
  // Twelve: alice is stuck on 0, ours; her run 0..5 is offered but for 3.
  // Bob is stuck on 0, which is not ours.
  EXPECT_EQ(pool.stuck_local(*empty, 112, patience, 100, any), (std::vector<TxPtr>{a[0], a[1], a[2], a[4], a[5]}));
  // Offered once: she waits twice as long (24), then four times (48).
  EXPECT_TRUE(pool.stuck_local(*empty, 135, patience, 100, any).empty());
  EXPECT_EQ(pool.stuck_local(*empty, 136, patience, 2, any).size(), 2u) << "at most max";
  EXPECT_TRUE(pool.stuck_local(*empty, 183, patience, 100, any).empty());
  EXPECT_EQ(pool.stuck_local(*empty, 184, patience, 100, 2 * a[0]->encoded_size()).size(), 2u)
      << "at most max_bytes";
  // Alice's 0 and 1 commit: she moved, and patience starts again at twelve.
  auto after = sm.apply(empty, {a[0], a[1]});
  ASSERT_TRUE(after.ok());
  pool.on_commit({a[0], a[1]}, **after);
  EXPECT_TRUE(pool.stuck_local(**after, 200, patience, 100, any).empty());
  EXPECT_EQ(pool.stuck_local(**after, 212, patience, 100, any), (std::vector<TxPtr>{a[2], a[4], a[5]}));
  EXPECT_EQ(pool.local(), 4u) << "what committed is no longer ours to watch";
  // A transaction not admitted is not taken as ours.
  pool.mark_local(tx(*bob, 7));
  EXPECT_EQ(pool.local(), 4u);
}

}  // namespace
}  // namespace consortia
