// The state tree against a plain std::map under random writes and deletes:
// same contents and order, a root that depends only on the contents, older
// versions untouched by newer writes, proofs for every entry.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <random>

#include "crypto/crypto_suite.h"
#include "ledger/block.h"
#include "state/state.h"
#include "state/state_tree.h"

namespace consortia {
namespace {

const CryptoSuite& suite() { return *suite_by_name("ed25519-sha256").value(); }

Bytes b(std::string_view s) { return Bytes(s.begin(), s.end()); }

std::map<std::string, Bytes> contents(const StateTree& t) {
  std::map<std::string, Bytes> out;
  std::string last;
  bool first = true;
  t.scan("", [&](const StateTree::Entry& e) {
    EXPECT_TRUE(first || last < e.key) << "scan out of order at " << e.key;
    first = false;
    last = e.key;
    out.emplace(e.key, e.value);
    return true;
  });
  return out;
}

// `count` put transactions from `signer` with the next nonces; kv(nonce)
// names each one's key and value.
std::vector<TxPtr> put_block(const Signer& signer, uint64_t& nonce, int count,
                             const std::function<std::pair<std::string, Bytes>(uint64_t)>& kv) {
  std::vector<TxPtr> txs;
  for (int i = 0; i < count; ++i, ++nonce) {
    auto [key, value] = kv(nonce);
    txs.push_back(Transaction::create_unbound(suite(), signer, TxKind::kPut, nonce,
                                      Transaction::put_payload(key, value)));
  }
  return txs;
}

// The same contents written afresh, in key order.
StateTree rebuilt(const std::map<std::string, Bytes>& m) {
  StateTree t;
  for (const auto& [k, v] : m) t.put(suite(), k, v);
  t.seal(suite());
  return t;
}

TEST(StateTree, MatchesAMapUnderRandomWritesAndDeletesAndItsRootDependsOnlyOnTheContents) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE("replay with seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    StateTree t;
    std::map<std::string, Bytes> m;
    for (int block = 0; block < 30; ++block) {
      for (int i = 0; i < 40; ++i) {
        std::string key = "k/" + std::to_string(rng() % 300);
        if (rng() % 4 == 0) {
          EXPECT_EQ(t.erase(suite(), key), m.erase(key) == 1);
        } else {
          Bytes v = b(std::to_string(rng()));
          t.put(suite(), key, v);
          m[key] = v;
        }
      }
      Hash32 root = t.seal(suite());
      ASSERT_TRUE(t.sealed());
      ASSERT_EQ(t.size(), m.size());
      ASSERT_EQ(contents(t), m);
      // Built another way (another order, no deletes), the same root.
      EXPECT_EQ(rebuilt(m).seal(suite()), root);
    }
  }
}

TEST(StateTree, AnOlderVersionIsUnchangedByWritesToANewerOne) {
  StateTree v1;
  for (int i = 0; i < 500; ++i) v1.put(suite(), "a/" + std::to_string(i), b("one"));
  Hash32 root1 = v1.seal(suite());
  auto before = contents(v1);

  StateTree v2 = v1;  // shares every node
  v2.reset_own_bytes();
  for (int i = 0; i < 500; i += 7) v2.put(suite(), "a/" + std::to_string(i), b("two"));
  for (int i = 1; i < 500; i += 11) v2.erase(suite(), "a/" + std::to_string(i));
  v2.put(suite(), "b/new", b("three"));
  Hash32 root2 = v2.seal(suite());

  EXPECT_NE(root1, root2);
  EXPECT_EQ(contents(v1), before);
  EXPECT_EQ(v1.seal(suite()), root1);
  EXPECT_EQ(v1.find("a/7")->value, b("one"));
  EXPECT_EQ(v2.find("a/7")->value, b("two"));
  EXPECT_EQ(v1.find("b/new"), nullptr);
  // The newer version paid for its paths, not for a copy of 500 entries.
  StateTree copy_cost;
  for (int i = 0; i < 500; ++i) copy_cost.put(suite(), "a/" + std::to_string(i), b("one"));
  EXPECT_LT(v2.own_bytes(), copy_cost.own_bytes() / 2);
}

TEST(StateTree, ScanVisitsOnlyThePrefixInOrderAndStopsWhenAsked) {
  StateTree t;
  for (const char* k : {"g/c/1", "g/c/3", "g/c/2", "g/d", "g", "h/1", "f/9"}) t.put(suite(), k, b("v"));
  std::vector<std::string> seen;
  t.scan("g/c/", [&](const StateTree::Entry& e) {
    seen.push_back(e.key);
    return true;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"g/c/1", "g/c/2", "g/c/3"}));
  seen.clear();
  t.scan("g", [&](const StateTree::Entry& e) {
    seen.push_back(e.key);
    return seen.size() < 2;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"g", "g/c/1"}));
  EXPECT_EQ(t.floor("g/c/25")->key, "g/c/2");
  EXPECT_EQ(t.floor("a"), nullptr);
  EXPECT_EQ(t.floor("zzz")->key, "h/1");
}

TEST(StateTree, EveryEntryIsProvedInLogarithmicSteps) {
  StateTree t;
  const int n = 20000;
  for (int i = 0; i < n; ++i) t.put(suite(), "e/" + std::to_string(i), b(std::to_string(i * 3)));
  Hash32 root = t.seal(suite());
  // Paths are key hashes, so depth is about log2(n) (14.3) plus a few.
  EXPECT_LE(t.trie_depth(), 40);
  for (int i = 0; i < n; i += 97) {
    std::string key = "e/" + std::to_string(i);
    auto siblings = t.prove(suite(), key);
    ASSERT_TRUE(siblings.has_value()) << key;
    EXPECT_LE(siblings->size(), 40u);
    const auto* e = t.find(key);
    Hash32 path = StateTree::path_of(suite(), key);
    EXPECT_EQ(StateTree::root_from(suite(), e->leaf, path, *siblings), root);
    // Another value, another key's path or a changed sibling lead elsewhere.
    Hash32 other_leaf = StateTree::leaf_of(suite(), key, b("forged"));
    EXPECT_NE(StateTree::root_from(suite(), other_leaf, path, *siblings), root);
    EXPECT_NE(StateTree::root_from(suite(), e->leaf, suite().hash(b("e/x")), *siblings), root);
    auto bent = *siblings;
    bent.front().v[0] ^= 1;
    EXPECT_NE(StateTree::root_from(suite(), e->leaf, path, bent), root);
  }
  EXPECT_FALSE(t.prove(suite(), "e/none").has_value());
  EXPECT_FALSE(StateTree::root_from(suite(), Hash32{}, Hash32{}, std::vector<Hash32>(257)).has_value());
}

TEST(StateTree, DeletingBackToOneEntryLeavesTheSameTreeAsWritingOnlyIt) {
  StateTree t;
  for (int i = 0; i < 64; ++i) t.put(suite(), "k/" + std::to_string(i), b("x"));
  t.seal(suite());
  for (int i = 1; i < 64; ++i) ASSERT_TRUE(t.erase(suite(), "k/" + std::to_string(i)));
  EXPECT_FALSE(t.erase(suite(), "k/1"));
  StateTree one;
  one.put(suite(), "k/0", b("x"));
  EXPECT_EQ(t.seal(suite()), one.seal(suite()));
  EXPECT_EQ(t.trie_depth(), 0);
  // The root of a single entry is its leaf; of none, zero.
  EXPECT_EQ(one.seal(suite()), StateTree::leaf_of(suite(), "k/0", b("x")));
  ASSERT_TRUE(t.erase(suite(), "k/0"));
  EXPECT_EQ(t.seal(suite()), Hash32{});
}

// Snapshots of protocol version 4 commit with the trie: a proof of format 2
// verifies against the root, and neither commitment accepts the other's.
TEST(StateTree, AVersion4SnapshotProvesEntriesUnderTheTrieCommitment) {
  std::map<std::string, Bytes> m;
  for (int i = 0; i < 1000; ++i) m.emplace("e/" + std::to_string(i), b(std::to_string(i)));
  auto v4 = StateSnapshot::from_entries(suite(), m, 4);
  auto v3 = StateSnapshot::from_entries(suite(), m, 3);
  EXPECT_EQ(v4->commitment(), StateCommitment::kTrie);
  EXPECT_EQ(v3->commitment(), StateCommitment::kSortedLeaves);
  EXPECT_NE(v4->root(), v3->root());
  for (const char* key : {"e/0", "e/517", "e/999"}) {
    auto p4 = v4->prove(suite(), key);
    auto p3 = v3->prove(suite(), key);
    ASSERT_TRUE(p4 && p3);
    EXPECT_TRUE(StateSnapshot::verify(suite(), StateCommitment::kTrie, v4->root(), key, p4->value, p4->path));
    EXPECT_TRUE(StateSnapshot::verify(suite(), StateCommitment::kSortedLeaves, v3->root(), key, p3->value, p3->path));
    EXPECT_FALSE(StateSnapshot::verify(suite(), StateCommitment::kSortedLeaves, v4->root(), key, p4->value, p4->path));
    EXPECT_FALSE(StateSnapshot::verify(suite(), StateCommitment::kTrie, v3->root(), key, p3->value, p3->path));
    EXPECT_FALSE(StateSnapshot::verify(suite(), StateCommitment::kTrie, v4->root(), key, b("other"), p4->path));
  }
}

// Executing blocks on version 4 gives the root that rebuilding the same
// entries from storage gives, and a later block changes only its own paths.
TEST(StateTree, ExecutionOnVersion4AgreesWithAReloadAndSharesItsParent) {
  auto alice = suite().signer_from_seed(suite().hash(b("alice")));
  StateMachine sm(suite());
  BlockContext ctx;
  ctx.protocol_version = 4;
  StatePtr s = StateSnapshot::empty(suite(), 4);
  uint64_t nonce = 0;
  for (int block = 0; block < 20; ++block) {
    auto txs = put_block(*alice, nonce, 50, [](uint64_t n) {
      return std::pair{"k" + std::to_string(n % 70), b(std::to_string(n))};
    });
    ctx.height = block + 1;
    auto next = sm.apply(s, txs, ctx);
    ASSERT_TRUE(next.ok()) << next.error().to_string();
    s = *next;
  }
  std::map<std::string, Bytes> raw;
  s->scan("", [&](const StateSnapshot::Entry& e) {
    raw.emplace(e.key, e.value);
    return true;
  });
  EXPECT_EQ(StateSnapshot::from_entries(suite(), raw, 4)->root(), s->root());
  EXPECT_EQ(s->next_nonce(suite().node_id(alice->public_key())), 1000u);
  // A block of one write to a state of 71 entries owns a path, not a copy.
  ctx.height = 21;
  auto one = sm.apply(s, {Transaction::create_unbound(suite(), *alice, TxKind::kNoop, nonce, {})}, ctx);
  ASSERT_TRUE(one.ok());
  EXPECT_LT((*one)->own_bytes(), 4096u);
}

// The execution cache keeps results within its byte budget, counting what
// each holds beyond its parent, and still answers the newest from memory.
TEST(StateTree, TheExecutionCacheKeepsWithinItsByteBudget) {
  auto alice = suite().signer_from_seed(suite().hash(b("alice")));
  StateMachine sm(suite());
  const uint64_t budget = 512 * 1024;
  ExecutionCache cache(256, budget);
  BlockContext ctx;
  ctx.protocol_version = 4;
  StatePtr s = StateSnapshot::empty(suite(), 4);
  uint64_t nonce = 0;
  for (int block = 0; block < 40; ++block) {
    auto txs = put_block(*alice, nonce, 20, [](uint64_t n) {
      return std::pair{"k" + std::to_string(n), Bytes(100, 'v')};
    });
    ctx.height = block + 1;
    Hash32 tx_root = Block::compute_tx_root(suite(), txs);
    auto next = cache.apply(sm, s, tx_root, txs, ctx);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(cache.apply(sm, s, tx_root, txs, ctx).value(), *next);  // a hit
    EXPECT_LE(cache.bytes(), budget);
    s = *next;
  }
  // Each block wrote 20 entries of 100 bytes, their keys, index and trie
  // nodes (about 20 KiB): fewer than 30 of the 40 fit in 512 KiB.
  EXPECT_GE(cache.entries(), 2u);
  EXPECT_LT(cache.entries(), 30u);
  EXPECT_EQ(cache.hits(), 40u);
}

}  // namespace
}  // namespace consortia
