#include <gtest/gtest.h>

#include "ledger/block.h"
#include "state/state.h"

namespace consortia {
namespace {

Hash32 h(uint8_t x) {
  Hash32 r;
  r.v.fill(x);
  return r;
}

Bytes b(std::string_view s) { return Bytes(s.begin(), s.end()); }

struct EntryCopy {
  Bytes value;
  Hash32 leaf;
};
// Every entry of a state, in key order.
std::map<std::string, EntryCopy> entries_of(const StateSnapshot& s) {
  std::map<std::string, EntryCopy> out;
  s.scan("", [&](const StateSnapshot::Entry& e) {
    out.emplace(e.key, EntryCopy{e.value, e.leaf});
    return true;
  });
  return out;
}

std::string suite_param_name(const ::testing::TestParamInfo<const CryptoSuite*>& p) {
  return p.param->id() == SuiteId::kEd25519Sha256 ? "Ed25519Sha256" : "Sm2Sm3";
}

class StateTest : public ::testing::TestWithParam<const CryptoSuite*> {
 protected:
  void SetUp() override {
    alice_ = suite().signer_from_seed(h(1));
    bob_ = suite().signer_from_seed(h(2));
  }
  const CryptoSuite& suite() const { return *GetParam(); }
  NodeId id(const Signer& s) const { return suite().node_id(s.public_key()); }

  TxPtr put(const Signer& s, uint64_t nonce, std::string_view key, std::string_view value) const {
    return Transaction::create_unbound(suite(), s, TxKind::kPut, nonce,
                               Transaction::put_payload(key, as_bytes(value)));
  }
  TxPtr noop(const Signer& s, uint64_t nonce) const {
    return Transaction::create_unbound(suite(), s, TxKind::kNoop, nonce, {});
  }

  std::unique_ptr<Signer> alice_, bob_;
};

TEST_P(StateTest, EmptyStateHasEmptyTreeRootAndNoNonces) {
  auto s = StateSnapshot::empty(suite(), kMinProtocolVersion);
  EXPECT_EQ(s->root(), StateSnapshot::root_of(suite(), merkle_root(suite(), {}), 0));
  EXPECT_TRUE(s->size() == 0u);
  EXPECT_EQ(s->next_nonce(id(*alice_)), 0u);
  EXPECT_EQ(s->get("anything"), nullptr);
}

TEST_P(StateTest, KeysFollowTheDocumentedLayout) {
  NodeId a = id(*alice_);
  EXPECT_EQ(StateSnapshot::nonce_key(a), "n/" + a.hex());
  EXPECT_EQ(StateSnapshot::data_key(a, "color"), "k/" + a.hex() + "/color");
}

TEST_P(StateTest, PutWritesKeyAndBumpsNonce) {
  StateMachine sm(suite());
  auto s0 = StateSnapshot::empty(suite(), kMinProtocolVersion);
  auto s1 = sm.apply(s0, {put(*alice_, 0, "color", "blue"), noop(*alice_, 1)});
  ASSERT_TRUE(s1.ok()) << s1.error().to_string();
  const auto& st = **s1;
  const Bytes* v = st.get(StateSnapshot::data_key(id(*alice_), "color"));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(*v, b("blue"));
  EXPECT_EQ(st.next_nonce(id(*alice_)), 2u);
  EXPECT_EQ(st.next_nonce(id(*bob_)), 0u);
  // The nonce is stored as 8 bytes little-endian.
  const Bytes* n = st.get(StateSnapshot::nonce_key(id(*alice_)));
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(*n, (Bytes{2, 0, 0, 0, 0, 0, 0, 0}));
  // The parent snapshot is unchanged.
  EXPECT_TRUE(s0->size() == 0u);
  EXPECT_NE(st.root(), s0->root());
}

TEST_P(StateTest, LaterPutOverwritesEarlierOne) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "k", "one"), put(*alice_, 1, "k", "two")});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*(*s)->get(StateSnapshot::data_key(id(*alice_), "k")), b("two"));
}

TEST_P(StateTest, SendersHaveSeparateNamespaces) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "k", "alice"), put(*bob_, 0, "k", "bob")});
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_EQ(*(*s)->get(StateSnapshot::data_key(id(*alice_), "k")), b("alice"));
  EXPECT_EQ(*(*s)->get(StateSnapshot::data_key(id(*bob_), "k")), b("bob"));
}

TEST_P(StateTest, ReplayOfSameTransactionRefused) {
  StateMachine sm(suite());
  auto tx = put(*alice_, 0, "k", "v");
  auto s1 = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), {tx});
  ASSERT_TRUE(s1.ok());
  auto again = sm.apply(*s1, {tx});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNonceTooLow);
  EXPECT_NE(again.error().detail.find(tx->id().short_hex()), std::string::npos);
  // Twice in one block.
  auto twice = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), {tx, tx});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kNonceTooLow);
}

TEST_P(StateTest, NonceGapRefusedInBlock) {
  StateMachine sm(suite());
  auto r = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), {noop(*alice_, 1)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNonceTooHigh);
}

TEST_P(StateTest, MalformedPutPayloadMakesBlockInvalid) {
  StateMachine sm(suite());
  auto bad = Transaction::create_unbound(suite(), *alice_, TxKind::kPut, 0, Bytes{0xff});
  auto r = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), {bad});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
  EXPECT_FALSE(sm.check(*StateSnapshot::empty(suite(), kMinProtocolVersion), *bad).ok());
}

TEST_P(StateTest, CheckAdmitsNoncesInsideTheWindow) {
  StateMachine sm(suite());
  auto s1 = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), {noop(*alice_, 0), noop(*alice_, 1)});
  ASSERT_TRUE(s1.ok());
  const auto& st = **s1;
  EXPECT_TRUE(sm.check(st, *noop(*alice_, 2)).ok());
  EXPECT_TRUE(sm.check(st, *noop(*alice_, 2 + StateLimits::kMaxNonceGap - 1)).ok());
  auto high = sm.check(st, *noop(*alice_, 2 + StateLimits::kMaxNonceGap));
  ASSERT_FALSE(high.ok());
  EXPECT_EQ(high.error().code, ErrorCode::kNonceTooHigh);
  auto low = sm.check(st, *noop(*alice_, 1));
  ASSERT_FALSE(low.ok());
  EXPECT_EQ(low.error().code, ErrorCode::kNonceTooLow);
  // check() does not change the state.
  EXPECT_EQ(st.next_nonce(id(*alice_)), 2u);
}

TEST_P(StateTest, TouchedKeysAreSortedAndUnique) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "z", "1"), put(*alice_, 1, "a", "2"), put(*alice_, 2, "z", "3"),
                     noop(*bob_, 0)});
  ASSERT_TRUE(s.ok());
  std::vector<std::string> expected = {
      StateSnapshot::data_key(id(*alice_), "a"), StateSnapshot::data_key(id(*alice_), "z"),
      StateSnapshot::nonce_key(id(*alice_)), StateSnapshot::nonce_key(id(*bob_))};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ((*s)->touched(), expected);
  // The next block touches only its own keys.
  auto s2 = sm.apply(*s, {noop(*bob_, 1)});
  ASSERT_TRUE(s2.ok());
  EXPECT_EQ((*s2)->touched(), std::vector<std::string>{StateSnapshot::nonce_key(id(*bob_))});
}

// Each touched key comes with the entry it holds after the block (null once
// deleted), so storage does not look it up again.
TEST_P(StateTest, TouchedEntriesAreWhatTheBlockLeftUnderEachKey) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "z", "1"), put(*bob_, 0, "b", "x"), put(*alice_, 1, "z", "3")});
  ASSERT_TRUE(s.ok());
  const auto& keys = (*s)->touched();
  const auto& entries = (*s)->touched_entries();
  ASSERT_EQ(entries.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_TRUE(entries[i]) << keys[i];
    EXPECT_EQ(entries[i]->key, keys[i]);
    ASSERT_NE((*s)->get(keys[i]), nullptr);
    EXPECT_EQ(entries[i]->value, *(*s)->get(keys[i])) << keys[i];
  }
}

// A sender's nonce is written once per block, after its last transaction:
// with senders interleaved, the block leaves the same entries and root as
// the same transactions one block each.
TEST_P(StateTest, InterleavedSendersLeaveTheSameStateAsOneTransactionPerBlock) {
  StateMachine sm(suite());
  std::vector<TxPtr> txs = {put(*alice_, 0, "a", "1"), noop(*bob_, 0), put(*alice_, 1, "a", "2"),
                            put(*bob_, 1, "b", "3"), noop(*alice_, 2)};
  auto one = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion), txs);
  ASSERT_TRUE(one.ok());
  StatePtr each = StateSnapshot::empty(suite(), kMinProtocolVersion);
  for (const auto& tx : txs) {
    auto next = sm.apply(each, {tx});
    ASSERT_TRUE(next.ok()) << next.error().to_string();
    each = *next;
  }
  EXPECT_EQ((*one)->root(), each->root());
  EXPECT_EQ((*one)->next_nonce(id(*alice_)), 3u);
  EXPECT_EQ((*one)->next_nonce(id(*bob_)), 2u);
  // A nonce out of turn for one sender still makes the block invalid,
  // whoever came between.
  auto bad = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                      {noop(*alice_, 0), noop(*bob_, 0), noop(*alice_, 2)});
  ASSERT_FALSE(bad.ok());
  auto replayed = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                           {noop(*alice_, 0), noop(*bob_, 0), noop(*alice_, 0)});
  ASSERT_FALSE(replayed.ok());
}

TEST_P(StateTest, RootsEqualForSameHistoryAndDifferOtherwise) {
  StateMachine sm(suite());
  auto base = StateSnapshot::empty(suite(), kMinProtocolVersion);
  std::vector<TxPtr> block1 = {put(*alice_, 0, "k", "v"), noop(*bob_, 0)};
  auto a = sm.apply(base, block1);
  auto b2 = sm.apply(base, block1);
  ASSERT_TRUE(a.ok() && b2.ok());
  EXPECT_EQ((*a)->root(), (*b2)->root());

  auto c = sm.apply(base, {put(*alice_, 0, "k", "w"), noop(*bob_, 0)});
  ASSERT_TRUE(c.ok());
  EXPECT_NE((*c)->root(), (*a)->root());

  // Same final entries in a different order of application: same root.
  auto d = sm.apply(base, {noop(*bob_, 0), put(*alice_, 0, "k", "v")});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ((*d)->root(), (*a)->root());

  // One more transaction: a different root.
  auto e = sm.apply(*a, {noop(*alice_, 1)});
  ASSERT_TRUE(e.ok());
  EXPECT_NE((*e)->root(), (*a)->root());
}

TEST_P(StateTest, RootIsMerkleRootOfSortedEntryLeaves) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "x", "1"), put(*alice_, 1, "y", "22")});
  ASSERT_TRUE(s.ok());
  std::vector<Hash32> leaves;
  for (const auto& [key, e] : entries_of(**s)) {
    Writer w;
    w.u8(0);
    w.u32(static_cast<uint32_t>(key.size()));
    w.raw(as_bytes(key));
    w.raw(e.value);
    EXPECT_EQ(e.leaf, suite().hash(w.data()));
    leaves.push_back(e.leaf);
  }
  Hash32 tree = merkle_root(suite(), leaves);
  EXPECT_EQ((*s)->root(), StateSnapshot::root_of(suite(), tree, leaves.size()));
  // Every entry is provable against the root, and only with its own value
  // and the true entry count.
  size_t i = 0;
  for (const auto& [key, e] : entries_of(**s)) {
    auto proof = (*s)->prove(suite(), key);
    ASSERT_TRUE(proof.has_value());
    EXPECT_TRUE(merkle_verify(suite(), tree, leaves[i], proof->path));
    EXPECT_TRUE(StateSnapshot::verify(suite(), StateCommitment::kSortedLeaves, (*s)->root(), key, proof->value, proof->path));
    Bytes other = proof->value;
    other.push_back(0);
    EXPECT_FALSE(StateSnapshot::verify(suite(), StateCommitment::kSortedLeaves, (*s)->root(), key, other, proof->path));
    MerkleProof wrong_count = proof->path;
    wrong_count.leaf_count += 1;
    EXPECT_FALSE(StateSnapshot::verify(suite(), StateCommitment::kSortedLeaves, (*s)->root(), key, proof->value, wrong_count));
    ++i;
  }
  EXPECT_FALSE((*s)->prove(suite(), "no/such/key").has_value());
}

TEST_P(StateTest, FromEntriesRebuildsTheSameSnapshot) {
  StateMachine sm(suite());
  auto s = sm.apply(StateSnapshot::empty(suite(), kMinProtocolVersion),
                    {put(*alice_, 0, "x", "1"), put(*bob_, 0, "y", "2")});
  ASSERT_TRUE(s.ok());
  std::map<std::string, Bytes> raw;
  for (const auto& [k, e] : entries_of(**s)) raw[k] = e.value;
  auto rebuilt = StateSnapshot::from_entries(suite(), raw, kMinProtocolVersion);
  EXPECT_EQ(rebuilt->root(), (*s)->root());
  EXPECT_EQ(rebuilt->next_nonce(id(*alice_)), 1u);
  // And execution continues from it identically.
  auto n1 = sm.apply(*s, {noop(*alice_, 1)});
  auto n2 = sm.apply(rebuilt, {noop(*alice_, 1)});
  ASSERT_TRUE(n1.ok() && n2.ok());
  EXPECT_EQ((*n1)->root(), (*n2)->root());
}

TEST_P(StateTest, LeafEncodingSeparatesKeyFromValue) {
  // ("ab", "c") and ("a", "bc") must not collide.
  auto x = StateSnapshot::from_entries(suite(), {{"ab", b("c")}}, kMinProtocolVersion);
  auto y = StateSnapshot::from_entries(suite(), {{"a", b("bc")}}, kMinProtocolVersion);
  EXPECT_NE(x->root(), y->root());
}

TEST_P(StateTest, ExecutionCacheReturnsSameSnapshotForSameInputs) {
  StateMachine sm(suite());
  ExecutionCache cache(4);
  auto base = StateSnapshot::empty(suite(), kMinProtocolVersion);
  std::vector<TxPtr> txs = {put(*alice_, 0, "k", "v")};
  Hash32 root = Block::compute_tx_root(suite(), txs);
  auto a = cache.apply(sm, base, root, txs);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.hits(), 0u);
  // Another node with an equal (but distinct) parent snapshot and the same block.
  auto base2 = StateSnapshot::empty(suite(), kMinProtocolVersion);
  auto b2 = cache.apply(sm, base2, root, txs);
  ASSERT_TRUE(b2.ok());
  EXPECT_EQ(a->get(), b2->get());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  // A different block executes on its own.
  std::vector<TxPtr> other = {put(*alice_, 0, "k", "w")};
  auto c = cache.apply(sm, base, Block::compute_tx_root(suite(), other), other);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->get(), a->get());
  EXPECT_NE((*c)->root(), (*a)->root());
  EXPECT_EQ(cache.misses(), 2u);
  // A different parent executes on its own.
  auto d = cache.apply(sm, *a, Block::compute_tx_root(suite(), {noop(*bob_, 0)}),
                       {noop(*bob_, 0)});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(cache.misses(), 3u);
}

TEST_P(StateTest, ExecutionCacheDoesNotCacheErrors) {
  StateMachine sm(suite());
  ExecutionCache cache(4);
  auto base = StateSnapshot::empty(suite(), kMinProtocolVersion);
  std::vector<TxPtr> bad = {noop(*alice_, 5)};
  Hash32 root = Block::compute_tx_root(suite(), bad);
  EXPECT_FALSE(cache.apply(sm, base, root, bad).ok());
  EXPECT_FALSE(cache.apply(sm, base, root, bad).ok());
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST_P(StateTest, ExecutionCacheEvictsOldestBeyondCapacity) {
  StateMachine sm(suite());
  ExecutionCache cache(2);
  auto base = StateSnapshot::empty(suite(), kMinProtocolVersion);
  std::vector<std::vector<TxPtr>> blocks;
  for (int i = 0; i < 3; ++i) blocks.push_back({put(*alice_, 0, "k", std::to_string(i))});
  auto run = [&](int i) {
    auto r = cache.apply(sm, base, Block::compute_tx_root(suite(), blocks[i]), blocks[i]);
    EXPECT_TRUE(r.ok());
  };
  run(0);
  run(1);
  run(2);  // evicts 0
  EXPECT_EQ(cache.misses(), 3u);
  run(2);
  run(1);
  EXPECT_EQ(cache.hits(), 2u);
  run(0);  // was evicted: executes again (and evicts 1)
  EXPECT_EQ(cache.misses(), 4u);
  run(2);
  EXPECT_EQ(cache.hits(), 3u);
  run(1);
  EXPECT_EQ(cache.misses(), 5u);
}

INSTANTIATE_TEST_SUITE_P(BothSuites, StateTest, ::testing::Values(&ed25519_sha256(), &sm2_sm3()),
                         suite_param_name);

}  // namespace
}  // namespace consortia
