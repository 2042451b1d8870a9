// Block stores: the memory store used by the simulator and the SQLite store
// of a real node. Both refuse a block that does not extend the tip; the
// SQLite store also survives a reopen and reports a damaged file as an error.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>

#include "storage/sqlite_block_store.h"

namespace consortia {
namespace {

using Chain = std::vector<std::pair<BlockPtr, StatePtr>>;

struct StorageFixture : ::testing::Test {
  const CryptoSuite& suite = ed25519_sha256();
  std::unique_ptr<Signer> key = suite.signer_from_seed(sha256(as_bytes("storage")));
  std::string dir;

  void SetUp() override {
    char t[] = "/tmp/consortia-store-XXXXXX";
    ASSERT_NE(mkdtemp(t), nullptr);
    dir = t;
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::unique_ptr<SqliteBlockStore> open_sqlite(const std::string& name,
                                                SqliteBlockStore::Options o = {}) {
    auto s = SqliteBlockStore::open(dir + "/" + name, suite, o);
    EXPECT_TRUE(s.ok()) << s.error().to_string();
    return s.ok() ? std::move(*s) : nullptr;
  }

  using PutOf = std::function<std::pair<std::string, Bytes>(uint64_t height)>;

  // A chain of n blocks on top of (parent, state), each with one put
  // transaction (put_of chooses its key and value) and a noop, and the states
  // they produce.
  Chain chain(int n, const std::string& tag = "", Hash32 parent = {}, StatePtr s = nullptr,
              uint64_t first_height = 1, const PutOf& put_of = nullptr) {
    Chain out;
    if (!s) s = StateSnapshot::empty(suite, kMinProtocolVersion);
    StateMachine sm(suite);
    for (int i = 0; i < n; ++i) {
      uint64_t height = first_height + static_cast<uint64_t>(i);
      uint64_t nonce = s->next_nonce(suite.node_id(key->public_key()));
      auto [k, v] = put_of ? put_of(height)
                           : std::pair{tag + "k" + std::to_string(height % 3),
                                       Bytes(4, static_cast<uint8_t>(height))};
      std::vector<TxPtr> txs{
          Transaction::create_unbound(suite, *key, TxKind::kPut, nonce, Transaction::put_payload(k, v)),
          Transaction::create_unbound(suite, *key, TxKind::kNoop, nonce + 1, {})};
      auto next = sm.apply(s, txs);
      EXPECT_TRUE(next.ok()) << next.error().to_string();
      s = *next;
      BlockHeader h;
      h.height = height;
      h.view = height;
      h.parent_hash = parent;
      h.tx_root = Block::compute_tx_root(suite, txs);
      h.state_root = s->root();
      h.timestamp_ms = height;
      auto b = Block::create(suite, h, txs);
      parent = b->hash();
      out.emplace_back(b, s);
    }
    return out;
  }

  static void append_all(BlockStore& store, const Chain& c) {
    for (const auto& [b, st] : c) ASSERT_TRUE(store.append(b, st).ok()) << "height " << b->height();
  }

  void sql(const std::string& db_name, const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir + "/" + db_name).c_str(), &db), SQLITE_OK);
    char* msg = nullptr;
    int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &msg);
    EXPECT_EQ(rc, SQLITE_OK) << (msg ? msg : "") << " in " << statement;
    sqlite3_free(msg);
    sqlite3_close(db);
  }
};

SafetyState sample_safety(bool with_tc) {
  SafetyState s;
  s.last_voted_view = 41;
  s.current_view = 42;
  s.high_qc.view = 40;
  s.high_qc.height = 17;
  s.high_qc.block_hash = sha256(as_bytes("block 17"));
  s.high_qc.votes = {{sha256(as_bytes("a")), Bytes(64, 1)}, {sha256(as_bytes("b")), Bytes(64, 2)}};
  auto& votes = s.high_qc.votes.mutate();
  std::sort(votes.begin(), votes.end());  // certificates list signers in order
  if (with_tc) {
    TimeoutCertificate tc;
    tc.view = 41;
    tc.entries = {{sha256(as_bytes("a")), 40, Bytes(64, 3)},
                  {sha256(as_bytes("c")), 39, Bytes(64, 4)}};
    std::sort(tc.entries.begin(), tc.entries.end(),
              [](const auto& x, const auto& y) { return x.signer < y.signer; });
    tc.high_qc = s.high_qc;
    s.high_tc = tc;
  }
  return s;
}

void expect_same(const SafetyState& a, const SafetyState& b) {
  EXPECT_EQ(a.last_voted_view, b.last_voted_view);
  EXPECT_EQ(a.current_view, b.current_view);
  EXPECT_EQ(a.high_qc, b.high_qc);
  EXPECT_EQ(a.high_tc, b.high_tc);
}

// ---- SafetyState encoding -------------------------------------------------------

TEST(SafetyStateEncoding, RoundTripsWithAndWithoutTimeoutCertificate) {
  for (bool with_tc : {false, true}) {
    SafetyState s = sample_safety(with_tc);
    Writer w;
    s.encode(w);
    auto back = SafetyState::decode(w.data());
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    expect_same(*back, s);
  }
}

TEST(SafetyStateEncoding, RefusesTruncatedTrailingAndBadFlagInput) {
  Writer w;
  sample_safety(true).encode(w);
  Bytes full = w.take();
  for (size_t cut = 0; cut < full.size(); cut += 7) {
    auto r = SafetyState::decode(ByteView(full.data(), cut));
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << "cut at " << cut;
  }
  Bytes trailing = full;
  trailing.push_back(0);
  auto r = SafetyState::decode(trailing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);

  Writer nw;
  sample_safety(false).encode(nw);
  Bytes bad_flag = nw.take();
  bad_flag.back() = 2;  // has_tc is the last byte when there is no TC
  r = SafetyState::decode(bad_flag);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);

  Bytes future = full;
  future[0] = 99;  // format version
  r = SafetyState::decode(future);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedVersion);
}

// ---- both stores ----------------------------------------------------------------

TEST_F(StorageFixture, BothStoresReadBlocksBackByHeightAndHash) {
  auto blocks = chain(6);
  auto sql_store = open_sqlite("read.db");
  ASSERT_NE(sql_store, nullptr);
  MemoryBlockStore mem;
  for (BlockStore* s :
       {static_cast<BlockStore*>(sql_store.get()), static_cast<BlockStore*>(&mem)}) {
    EXPECT_EQ(s->tip_height(), 0u);
    EXPECT_EQ(s->block_at(1).error().code, ErrorCode::kNotFound);
    append_all(*s, blocks);
    EXPECT_EQ(s->tip_height(), 6u);
    for (const auto& [b, st] : blocks) {
      auto by_height = s->block_at(b->height());
      ASSERT_TRUE(by_height.ok()) << by_height.error().to_string();
      EXPECT_EQ((*by_height)->hash(), b->hash());
      EXPECT_EQ((*by_height)->encode(), b->encode());
      auto by_hash = s->block_by_hash(b->hash());
      ASSERT_TRUE(by_hash.ok()) << by_hash.error().to_string();
      EXPECT_EQ((*by_hash)->height(), b->height());
    }
    EXPECT_EQ(s->block_at(0).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(s->block_at(7).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(s->block_by_hash(sha256(as_bytes("nope"))).error().code, ErrorCode::kNotFound);
    auto state = s->load_state();
    ASSERT_TRUE(state.ok()) << state.error().to_string();
    EXPECT_EQ((*state)->root(), blocks.back().second->root());
  }
}

TEST_F(StorageFixture, BothStoresRefuseABlockThatDoesNotExtendTheTip) {
  auto blocks = chain(3);
  // A competing block at height 2 whose parent is not block 1.
  auto other = chain(2, "other-");
  ASSERT_NE(other[1].first->parent_hash(), blocks[0].first->hash());
  auto sql_store = open_sqlite("b.db");
  ASSERT_NE(sql_store, nullptr);
  MemoryBlockStore mem;
  for (BlockStore* s :
       {static_cast<BlockStore*>(sql_store.get()), static_cast<BlockStore*>(&mem)}) {
    ASSERT_TRUE(s->append(blocks[0].first, blocks[0].second).ok());
    for (const auto& [b, st] : {blocks[2], blocks[0], other[1]}) {
      auto refused = s->append(b, st);
      ASSERT_FALSE(refused.ok()) << "height " << b->height();
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(s->tip_height(), 1u);
      EXPECT_EQ((*s->block_at(1))->hash(), blocks[0].first->hash());
    }
    EXPECT_EQ(s->block_by_hash(other[1].first->hash()).error().code, ErrorCode::kNotFound);
    ASSERT_TRUE(s->append(blocks[1].first, blocks[1].second).ok());
    ASSERT_TRUE(s->append(blocks[2].first, blocks[2].second).ok());
    EXPECT_EQ(s->tip_height(), 3u);
  }
}

TEST_F(StorageFixture, BothStoresKeepTheLatestSafetyState) {
  auto sql_store = open_sqlite("safety.db");
  ASSERT_NE(sql_store, nullptr);
  MemoryBlockStore mem;
  for (BlockStore* s :
       {static_cast<BlockStore*>(sql_store.get()), static_cast<BlockStore*>(&mem)}) {
    auto none = s->load_safety();
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(s->save_safety(sample_safety(false)).ok());
    ASSERT_TRUE(s->save_safety(sample_safety(true)).ok());
    auto got = s->load_safety();
    ASSERT_TRUE(got.ok() && got->has_value());
    expect_same(**got, sample_safety(true));
  }
}

TEST_F(StorageFixture, BothStoresKeepPendingBlocksUntilTheyAreCommitted) {
  auto blocks = chain(4);
  auto sql_store = open_sqlite("pending.db");
  ASSERT_NE(sql_store, nullptr);
  MemoryBlockStore mem;
  for (BlockStore* s :
       {static_cast<BlockStore*>(sql_store.get()), static_cast<BlockStore*>(&mem)}) {
    ASSERT_TRUE(s->load_pending().ok());
    EXPECT_TRUE(s->load_pending()->empty());
    append_all(*s, {blocks[0]});
    for (int i : {3, 1, 2, 1})
      ASSERT_TRUE(s->save_pending(blocks[static_cast<size_t>(i)].first).ok());
    auto pending = s->load_pending();
    ASSERT_TRUE(pending.ok()) << pending.error().to_string();
    ASSERT_EQ(pending->size(), 3u);  // saved twice, kept once
    std::set<Hash32> got;
    for (const auto& b : *pending) got.insert(b->hash());
    EXPECT_EQ(got, (std::set<Hash32>{blocks[1].first->hash(), blocks[2].first->hash(),
                                     blocks[3].first->hash()}));
    // Committing block 3 drops the pending blocks at or below it.
    append_all(*s, {blocks[1], blocks[2]});
    pending = s->load_pending();
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ((*pending)[0]->hash(), blocks[3].first->hash());
  }
}

// ---- SQLite store -----------------------------------------------------------------

TEST_F(StorageFixture, SqlitePendingBlocksSurviveAReopenInHeightOrder) {
  auto blocks = chain(4);
  {
    auto s = open_sqlite("pending2.db");
    ASSERT_NE(s, nullptr);
    append_all(*s, {blocks[0]});
    for (int i : {3, 1, 2}) ASSERT_TRUE(s->save_pending(blocks[static_cast<size_t>(i)].first).ok());
  }
  auto s = open_sqlite("pending2.db");
  ASSERT_NE(s, nullptr);
  auto pending = s->load_pending();
  ASSERT_TRUE(pending.ok()) << pending.error().to_string();
  ASSERT_EQ(pending->size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ((*pending)[i]->hash(), blocks[i + 1].first->hash());
}

TEST_F(StorageFixture, SqliteUpgradesAVersionOneStore) {
  sql("v1.db",
      "CREATE TABLE blocks(height INTEGER PRIMARY KEY, hash BLOB UNIQUE NOT NULL, data BLOB NOT "
      "NULL);"
      "CREATE TABLE txs(id BLOB PRIMARY KEY, height INTEGER NOT NULL, idx INTEGER NOT NULL);"
      "CREATE TABLE state(key TEXT PRIMARY KEY, value BLOB NOT NULL);"
      "CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);"
      "PRAGMA user_version = 1;");
  auto blocks = chain(2);
  auto s = open_sqlite("v1.db");
  ASSERT_NE(s, nullptr);
  append_all(*s, {blocks[0]});
  ASSERT_TRUE(s->save_pending(blocks[1].first).ok());
  EXPECT_EQ(s->load_pending()->size(), 1u);
  s.reset();
  s = open_sqlite("v1.db");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(*s->tx_height(blocks[0].first->txs()[1]->id()), 1u);
}

// A version 3 store indexed every block's ids as it stored the block; opened
// by this version, its index counts as complete to its tip, and what comes
// after is indexed in batches.
TEST_F(StorageFixture, SqliteUpgradesAVersionThreeStoreWithItsIndex) {
  auto blocks = chain(6);
  {
    auto s = open_sqlite("v3.db", {.fold_steps = 1, .index_txs = 1});
    ASSERT_NE(s, nullptr);
    append_all(*s, {blocks[0], blocks[1], blocks[2]});
    EXPECT_EQ(s->indexed_height(), 3u);
  }
  sql("v3.db", "DELETE FROM meta WHERE k = 'txs_indexed'; PRAGMA user_version = 3;");
  auto s = open_sqlite("v3.db");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->indexed_height(), 3u);
  EXPECT_EQ(s->unindexed_txs(), 0u);
  append_all(*s, {blocks[3], blocks[4], blocks[5]});
  s.reset();
  s = open_sqlite("v3.db");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->indexed_height(), 3u) << "the default batches are far larger";
  for (size_t j = 0; j < blocks.size(); ++j)
    for (const auto& tx : blocks[j].first->txs()) EXPECT_EQ(*s->tx_height(tx->id()), j + 1);
  // Without its height the index cannot say what it holds: damage.
  s.reset();
  sql("v3.db", "DELETE FROM meta WHERE k = 'txs_indexed'");
  auto bad = SqliteBlockStore::open(dir + "/v3.db", suite);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kStorageCorrupt);
}

TEST_F(StorageFixture, SqliteStoreReopensAtTheSameTipAndState) {
  auto blocks = chain(5);
  {
    auto s = open_sqlite("a.db");
    ASSERT_NE(s, nullptr);
    auto empty = s->load_state();
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ((*empty)->root(), StateSnapshot::empty(suite, kMinProtocolVersion)->root());
    append_all(*s, blocks);
    ASSERT_TRUE(s->save_safety(sample_safety(true)).ok());
  }
  auto s = open_sqlite("a.db");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->tip_height(), 5u);
  for (const auto& [b, st] : blocks) {
    EXPECT_EQ((*s->block_at(b->height()))->hash(), b->hash());
    EXPECT_EQ((*s->block_by_hash(b->hash()))->height(), b->height());
  }
  auto state = s->load_state();
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_EQ((*state)->root(), blocks.back().second->root());
  EXPECT_EQ((*state)->size(), blocks.back().second->size());
  auto safety = s->load_safety();
  ASSERT_TRUE(safety.ok() && safety->has_value());
  expect_same(**safety, sample_safety(true));
  // The reopened store continues the chain where it stopped.
  auto more = chain(2, "", blocks.back().first->hash(), *state, 6);
  append_all(*s, more);
  EXPECT_EQ(s->tip_height(), 7u);
}

TEST_F(StorageFixture, SqliteStoreKeepsKeysAndValuesWithAnyBytes) {
  // Put keys are arbitrary byte strings (NUL and invalid UTF-8 included) and
  // values may be empty: all must come back exactly.
  auto blocks = chain(4, "", {}, nullptr, 1, [](uint64_t height) {
    return std::pair{std::string("a\0b", 3) + std::to_string(height) + "\xff\xfe",
                     height % 2 ? Bytes{} : Bytes{0, 0, 7}};
  });
  {
    auto s = open_sqlite("keys.db");
    ASSERT_NE(s, nullptr);
    append_all(*s, blocks);
  }
  auto s = open_sqlite("keys.db");
  ASSERT_NE(s, nullptr);
  auto state = s->load_state();
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_EQ((*state)->root(), blocks.back().second->root());
}

TEST_F(StorageFixture, SqliteAppendThatFailsMidTransactionChangesNothing) {
  auto blocks = chain(3);
  auto s = open_sqlite("atomic.db");
  ASSERT_NE(s, nullptr);
  append_all(*s, {blocks[0]});
  // Another writer already logged changes at height 2: the append fails
  // after the block row was written.
  sql("atomic.db", "INSERT INTO state_log(height, changes) VALUES(2, x'00')");
  auto failed = s->append(blocks[1].first, blocks[1].second);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(s->tip_height(), 1u);
  EXPECT_EQ(s->block_at(2).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s->tx_height(blocks[1].first->txs()[0]->id()).error().code, ErrorCode::kNotFound)
      << "the failed block's transactions are not taken as committed";
  EXPECT_EQ(*s->tx_height(blocks[0].first->txs()[0]->id()), 1u);

  sql("atomic.db", "DELETE FROM state_log WHERE height = 2");
  auto state = s->load_state();
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_EQ((*state)->root(), blocks[0].second->root());
  append_all(*s, {blocks[1], blocks[2]});
  EXPECT_EQ(s->tip_height(), 3u);
}

TEST_F(StorageFixture, SqliteRefusesAStateThatIsNotTheBlocks) {
  auto blocks = chain(2);
  auto s = open_sqlite("mismatch.db");
  ASSERT_NE(s, nullptr);
  auto refused = s->append(blocks[0].first, blocks[1].second);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s->tip_height(), 0u);
}

TEST_F(StorageFixture, RandomBytesAreReportedAsACorruptStore) {
  std::mt19937_64 rng(7);
  for (size_t size : {5, 100, 4096, 16384}) {
    SCOPED_TRACE("size " + std::to_string(size));
    std::string junk(size, '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    std::string path = dir + "/junk" + std::to_string(size) + ".db";
    std::ofstream(path, std::ios::binary) << junk;
    auto s = SqliteBlockStore::open(path, suite);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt) << s.error().to_string();
    EXPECT_NE(s.error().detail.find(path), std::string::npos) << s.error().detail;
  }
}

TEST_F(StorageFixture, AnotherApplicationsDatabaseIsNotTakenOver) {
  sql("foreign.db", "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
  auto s = SqliteBlockStore::open(dir + "/foreign.db", suite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt) << s.error().to_string();
}

TEST_F(StorageFixture, UnknownSchemaVersionIsRefused) {
  { ASSERT_NE(open_sqlite("future.db"), nullptr); }
  sql("future.db", "PRAGMA user_version = 99");
  auto s = SqliteBlockStore::open(dir + "/future.db", suite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt);
  EXPECT_NE(s.error().detail.find("schema version 99"), std::string::npos) << s.error().detail;
}

TEST_F(StorageFixture, AMissingDirectoryIsAnIoError) {
  auto s = SqliteBlockStore::open(dir + "/no/such/dir/x.db", suite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorageIo) << s.error().to_string();
}

TEST_F(StorageFixture, AlteredStateIsDetectedAgainstTheTipStateRoot) {
  auto blocks = chain(4);
  {
    auto s = open_sqlite("c.db", {.fold_blocks = 1, .fold_steps = 1});  // everything in the state table
    ASSERT_NE(s, nullptr);
    append_all(*s, blocks);
    EXPECT_EQ(s->logged_blocks(), 0u);
  }
  sql("c.db", "UPDATE state SET value = x'00' WHERE key = (SELECT key FROM state LIMIT 1)");
  auto s = open_sqlite("c.db");
  ASSERT_NE(s, nullptr);
  auto st = s->load_state();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kStorageCorrupt);
  EXPECT_NE(st.error().detail.find("state does not match block 4"), std::string::npos)
      << st.error().detail;
}

// The state log: each block's changes, replayed over the state table when the
// state is loaded and folded into it once enough has been logged.
TEST_F(StorageFixture, TheStateLogIsFoldedAndReplayedToTheSameState) {
  auto blocks = chain(10);
  for (uint32_t fold : {1u, 3u, 4u, 1000u}) {
    SCOPED_TRACE("fold every " + std::to_string(fold) + " blocks");
    std::string name = "log" + std::to_string(fold) + ".db";
    {
      auto s = open_sqlite(name, {.fold_blocks = fold, .fold_steps = 1});
      ASSERT_NE(s, nullptr);
      for (size_t i = 0; i < 7; ++i) {
        ASSERT_TRUE(s->append(blocks[i].first, blocks[i].second).ok());
        EXPECT_EQ(s->logged_blocks(), (i + 1) % fold);
        auto state = s->load_state();
        ASSERT_TRUE(state.ok()) << state.error().to_string();
        EXPECT_EQ((*state)->root(), blocks[i].second->root());
      }
    }
    // Reopened: the log's length is read back, and folding resumes from it.
    auto s = open_sqlite(name, {.fold_blocks = fold, .fold_steps = 1});
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->logged_blocks(), 7u % fold);
    for (size_t i = 7; i < blocks.size(); ++i)
      ASSERT_TRUE(s->append(blocks[i].first, blocks[i].second).ok());
    EXPECT_EQ(s->logged_blocks(), 10u % fold);
    auto state = s->load_state();
    ASSERT_TRUE(state.ok()) << state.error().to_string();
    EXPECT_EQ((*state)->root(), blocks.back().second->root());
    EXPECT_EQ((*state)->size(), blocks.back().second->size());
  }
}

// A fold written over several blocks: after every block, a store opened
// afresh (as after a kill, the fold's progress lost) loads the tip's state,
// and a store reopened in the middle of a fold starts it again and finishes.
TEST_F(StorageFixture, AFoldSpreadOverBlocksLeavesEveryTipLoadable) {
  auto blocks = chain(16, "", {}, nullptr, 1, [](uint64_t height) {
    return std::pair{"key-" + std::to_string(height % 5) + "-" + std::to_string(height % 3),
                     Bytes(8, static_cast<uint8_t>(height))};
  });
  const SqliteBlockStore::Options o{.fold_blocks = 2, .fold_steps = 3};
  auto s = open_sqlite("steps.db", o);
  ASSERT_NE(s, nullptr);
  bool saw_fold = false, saw_finish = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i == 7) {  // reopened mid-way
      s.reset();
      s = open_sqlite("steps.db", o);
      ASSERT_NE(s, nullptr);
      EXPECT_FALSE(s->folding());
    }
    bool was_folding = s->folding();
    ASSERT_TRUE(s->append(blocks[i].first, blocks[i].second).ok()) << "block " << i + 1;
    saw_fold |= s->folding();
    saw_finish |= was_folding && !s->folding();
    auto fresh = open_sqlite("steps.db", o);
    ASSERT_NE(fresh, nullptr);
    auto state = fresh->load_state();
    ASSERT_TRUE(state.ok()) << "block " << i + 1 << ": " << state.error().to_string();
    EXPECT_EQ((*state)->root(), blocks[i].second->root()) << "block " << i + 1;
  }
  EXPECT_TRUE(saw_fold);
  EXPECT_TRUE(saw_finish);
  EXPECT_LT(s->logged_blocks(), blocks.size());
}

// The transaction index holds recent blocks' ids in memory and writes them
// to its table in id order, a slice with each of the next blocks. Every
// committed transaction is found at its height at every tip: held, mid-fold,
// indexed, and in a store opened afresh (which reads the held ones back
// from their blocks, and writes a fold cut short again).
TEST_F(StorageFixture, EveryCommittedTransactionIsFoundWhileItsIdsAreHeldFoldedOrIndexed) {
  auto blocks = chain(14);  // two transactions each
  const SqliteBlockStore::Options o{.fold_steps = 3, .index_txs = 7};
  auto s = open_sqlite("txs.db", o);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->indexed_height(), 0u);
  auto expect_all_found = [&](SqliteBlockStore& store, size_t upto, const std::string& what) {
    for (size_t j = 0; j < upto; ++j)
      for (const auto& tx : blocks[j].first->txs()) {
        auto h = store.tx_height(tx->id());
        ASSERT_TRUE(h.ok()) << what << ": transaction of block " << j + 1 << ": " << h.error().to_string();
        EXPECT_EQ(*h, j + 1) << what;
      }
    for (size_t j = upto; j < blocks.size(); ++j)
      EXPECT_EQ(store.tx_height(blocks[j].first->txs()[0]->id()).error().code, ErrorCode::kNotFound) << what;
  };
  uint64_t indexed_before = 0;
  bool rose = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    ASSERT_TRUE(s->append(blocks[i].first, blocks[i].second).ok()) << "block " << i + 1;
    expect_all_found(*s, i + 1, "block " + std::to_string(i + 1));
    EXPECT_LE(s->unindexed_txs(), 7u + 2u);
    rose |= s->indexed_height() > indexed_before;
    indexed_before = s->indexed_height();
    auto fresh = open_sqlite("txs.db", o);
    ASSERT_NE(fresh, nullptr);
    EXPECT_EQ(fresh->indexed_height(), s->indexed_height());
    expect_all_found(*fresh, i + 1, "reopened at block " + std::to_string(i + 1));
    if (i == 5) {  // carry on from a reopened store, whatever it was doing
      s = std::move(fresh);
    }
  }
  EXPECT_TRUE(rose) << "the ids were never written to the table";
  EXPECT_GE(s->indexed_height(), 8u);
  // A fold cut short: its table rows are there, its height not recorded.
  sql("txs.db", "UPDATE meta SET v = 0 WHERE k = 'txs_indexed'");
  s.reset();
  s = open_sqlite("txs.db", o);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->indexed_height(), 0u);
  EXPECT_EQ(s->unindexed_txs(), 28u);
  expect_all_found(*s, blocks.size(), "after a fold cut short");
  auto more = chain(4, "", blocks.back().first->hash(), blocks.back().second, 15);
  append_all(*s, more);  // writes them all again, over the rows already there
  EXPECT_GE(s->indexed_height(), 15u);
  expect_all_found(*s, blocks.size(), "after the fold was written again");
  // A record above the tip is damage, reported as such.
  s.reset();
  sql("txs.db", "UPDATE meta SET v = 99 WHERE k = 'txs_indexed'");
  auto bad = SqliteBlockStore::open(dir + "/txs.db", suite, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kStorageCorrupt);
  EXPECT_NE(bad.error().detail.find("transaction index"), std::string::npos) << bad.error().detail;
}

// An append that fails while it writes a slice of the index (another writer
// holds the table) changes nothing: not the tip, not what the index holds or
// has recorded; once the table is free the same blocks go on.
TEST_F(StorageFixture, AnAppendFailingInTheIndexFoldChangesNothing) {
  auto blocks = chain(6);
  const SqliteBlockStore::Options o{.fold_steps = 2, .index_txs = 3};
  auto s = open_sqlite("fold-fail.db", o);
  ASSERT_NE(s, nullptr);
  append_all(*s, {blocks[0]});
  sql("fold-fail.db", "CREATE TRIGGER no_index BEFORE INSERT ON txs BEGIN SELECT RAISE(ABORT, 'held'); END;");
  // Block 2 starts a fold of four ids and writes its first slice: refused.
  auto failed = s->append(blocks[1].first, blocks[1].second);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().detail.find("indexing"), std::string::npos) << failed.error().detail;
  EXPECT_EQ(s->tip_height(), 1u);
  EXPECT_FALSE(s->tx_height(blocks[1].first->txs()[0]->id()).ok());
  EXPECT_EQ(*s->tx_height(blocks[0].first->txs()[0]->id()), 1u);
  EXPECT_EQ(s->unindexed_txs(), 2u);
  EXPECT_EQ(s->indexed_height(), 0u);
  sql("fold-fail.db", "DROP TRIGGER no_index");
  append_all(*s, {blocks[1], blocks[2], blocks[3], blocks[4], blocks[5]});
  EXPECT_GE(s->indexed_height(), 3u);
  s.reset();
  s = open_sqlite("fold-fail.db", o);
  ASSERT_NE(s, nullptr);
  for (size_t j = 0; j < blocks.size(); ++j)
    for (const auto& tx : blocks[j].first->txs()) EXPECT_EQ(*s->tx_height(tx->id()), j + 1);
}

// Blocks with few transactions (an idle chain's empty blocks, a leader
// leaving them out) are indexed once fold_blocks of them went by, not only
// once index_txs ids are held, so a reopen reads back a bounded number.
TEST_F(StorageFixture, ABlockCountAlsoStartsAnIndexFold) {
  auto blocks = chain(10);
  auto s = open_sqlite("idle.db", {.fold_blocks = 4, .fold_steps = 1});
  ASSERT_NE(s, nullptr);
  append_all(*s, blocks);
  EXPECT_EQ(s->indexed_height(), 8u) << "ten blocks, a fold each four";
  EXPECT_EQ(s->unindexed_txs(), 4u);
}

TEST_F(StorageFixture, TheStateLogFoldsOnceItHoldsEnoughBytes) {
  auto blocks = chain(6);
  auto s = open_sqlite("bytes.db", {.fold_bytes = 1, .fold_blocks = 1000, .fold_steps = 1});
  ASSERT_NE(s, nullptr);
  append_all(*s, blocks);
  EXPECT_EQ(s->logged_blocks(), 0u);
  EXPECT_EQ(s->logged_bytes(), 0u);
  auto big = open_sqlite("big.db", {.fold_bytes = 1ull << 40, .fold_blocks = 1000});
  ASSERT_NE(big, nullptr);
  append_all(*big, blocks);
  EXPECT_EQ(big->logged_blocks(), 6u);
  EXPECT_GT(big->logged_bytes(), 0u);
}

TEST_F(StorageFixture, ADeletedKeyStaysDeletedThroughTheLogAndTheFold) {
  // Block 1 puts a key, block 2 another, block 3 deletes the first. Folded
  // every second block, the delete is in the log over a table holding the key.
  StatePtr state = StateSnapshot::empty(suite, kMaxProtocolVersion);
  StateMachine sm(suite);
  BlockContext ctx;
  ctx.protocol_version = kMaxProtocolVersion;
  NodeId sender = suite.node_id(key->public_key());
  std::string gone = "gone";
  std::vector<std::vector<TxPtr>> txs{
      {Transaction::create_unbound(suite, *key, TxKind::kPut, 0, Transaction::put_payload("gone", Bytes{1}))},
      {Transaction::create_unbound(suite, *key, TxKind::kPut, 1, Transaction::put_payload("kept", Bytes{2}))},
      {Transaction::create_unbound(suite, *key, TxKind::kDelete, 2, Bytes(gone.begin(), gone.end()))}};
  Chain blocks;
  Hash32 parent;
  for (size_t i = 0; i < txs.size(); ++i) {
    ctx.height = i + 1;
    auto next = sm.apply(state, txs[i], ctx);
    ASSERT_TRUE(next.ok()) << next.error().to_string();
    state = *next;
    BlockHeader h;
    h.protocol_version = kMaxProtocolVersion;
    h.height = i + 1;
    h.view = h.height;
    h.parent_hash = parent;
    h.tx_root = Block::compute_tx_root(suite, txs[i]);
    h.state_root = state->root();
    h.timestamp_ms = h.height;
    auto b = Block::create(suite, h, txs[i]);
    parent = b->hash();
    blocks.emplace_back(b, state);
  }
  ASSERT_EQ(state->get(StateSnapshot::data_key(sender, "gone")), nullptr);
  for (uint32_t fold : {1u, 2u, 1000u}) {
    std::string name = "del" + std::to_string(fold) + ".db";
    {
      auto s = open_sqlite(name, {.fold_blocks = fold, .fold_steps = 1});
      ASSERT_NE(s, nullptr);
      append_all(*s, blocks);
      EXPECT_EQ(s->logged_blocks(), 3u % fold);
    }
    auto s = open_sqlite(name, {.fold_blocks = fold, .fold_steps = 1});
    auto loaded = s->load_state();
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    EXPECT_EQ((*loaded)->root(), state->root()) << "fold every " << fold;
    EXPECT_EQ((*loaded)->get(StateSnapshot::data_key(sender, "gone")), nullptr);
    ASSERT_NE((*loaded)->get(StateSnapshot::data_key(sender, "kept")), nullptr);
  }
}

TEST_F(StorageFixture, ADamagedStateLogIsReportedWithItsBlock) {
  auto blocks = chain(4);
  for (const char* damage :
       {"UPDATE state_log SET changes = x'05' WHERE height = 3",  // does not decode
        "UPDATE state_log SET changes = substr(changes, 1, length(changes) - 1) WHERE height = 3",
        "UPDATE state_log SET height = 9 WHERE height = 4",  // above the tip
        "DELETE FROM state_log WHERE height = 2"}) {         // a block's changes missing
    SCOPED_TRACE(damage);
    std::filesystem::remove_all(dir + "/log.db");
    std::filesystem::remove_all(dir + "/log.db-wal");
    std::filesystem::remove_all(dir + "/log.db-shm");
    {
      auto s = open_sqlite("log.db", {.fold_blocks = 1000});
      ASSERT_NE(s, nullptr);
      append_all(*s, blocks);
    }
    sql("log.db", damage);
    auto s = open_sqlite("log.db", {.fold_blocks = 1000});
    ASSERT_NE(s, nullptr);
    auto st = s->load_state();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kStorageCorrupt) << st.error().to_string();
  }
}

TEST_F(StorageFixture, SqliteUpgradesAVersionTwoStoreWithItsState) {
  auto blocks = chain(5);
  {
    auto s = open_sqlite("v2.db", {.fold_blocks = 1, .fold_steps = 1, .index_txs = 1});
    ASSERT_NE(s, nullptr);
    append_all(*s, {blocks[0], blocks[1], blocks[2]});
  }
  // What a version 2 store holds: the state in its table, no log, every
  // block's ids indexed.
  sql("v2.db", "DROP TABLE state_log; DELETE FROM meta WHERE k = 'txs_indexed'; PRAGMA user_version = 2;");
  auto s = open_sqlite("v2.db");
  ASSERT_NE(s, nullptr);
  auto state = s->load_state();
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_EQ((*state)->root(), blocks[2].second->root());
  append_all(*s, {blocks[3], blocks[4]});
  EXPECT_EQ(s->logged_blocks(), 2u);
  state = s->load_state();
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_EQ((*state)->root(), blocks[4].second->root());
  EXPECT_EQ(s->indexed_height(), 3u);
  for (size_t j = 0; j < blocks.size(); ++j)
    for (const auto& tx : blocks[j].first->txs()) EXPECT_EQ(*s->tx_height(tx->id()), j + 1);
}

TEST_F(StorageFixture, AlteredBlockIsReportedWithItsHeight) {
  auto blocks = chain(4);
  // Every block's ids indexed as it is stored, so opening reads no block.
  const SqliteBlockStore::Options indexed{.fold_steps = 1, .index_txs = 1};
  {
    auto s = open_sqlite("e.db", indexed);
    ASSERT_NE(s, nullptr);
    append_all(*s, blocks);
    EXPECT_EQ(s->indexed_height(), 4u);
  }
  // Block 2's row now holds block 3's bytes: it decodes, but not to its hash.
  sql("e.db",
      "UPDATE blocks SET data = (SELECT data FROM blocks WHERE height = 3) WHERE height = 2");
  {
    // A store whose index stops below it reads the block back on opening.
    sql("e.db", "UPDATE meta SET v = 1 WHERE k = 'txs_indexed'");
    auto reading = SqliteBlockStore::open(dir + "/e.db", suite, indexed);
    ASSERT_FALSE(reading.ok());
    EXPECT_EQ(reading.error().code, ErrorCode::kStorageCorrupt);
    EXPECT_NE(reading.error().detail.find("height 2"), std::string::npos) << reading.error().detail;
    sql("e.db", "UPDATE meta SET v = 4 WHERE k = 'txs_indexed'");
  }
  auto s = open_sqlite("e.db", indexed);
  ASSERT_NE(s, nullptr);
  auto b = s->block_at(2);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::kStorageCorrupt);
  EXPECT_NE(b.error().detail.find("height 2"), std::string::npos) << b.error().detail;
  auto by_hash = s->block_by_hash(blocks[1].first->hash());
  ASSERT_FALSE(by_hash.ok());
  EXPECT_EQ(by_hash.error().code, ErrorCode::kStorageCorrupt);
  EXPECT_TRUE(s->block_at(3).ok());
}

TEST_F(StorageFixture, AMissingBlockBelowTheTipIsCorruption) {
  auto blocks = chain(4);
  {
    auto s = open_sqlite("gap.db");
    ASSERT_NE(s, nullptr);
    append_all(*s, blocks);
  }
  sql("gap.db", "DELETE FROM blocks WHERE height = 2");
  auto s = SqliteBlockStore::open(dir + "/gap.db", suite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt) << s.error().to_string();
}

TEST_F(StorageFixture, TruncatedFileGivesAClearErrorNotACrash) {
  auto blocks = chain(30);
  {
    auto s = open_sqlite("d.db");
    ASSERT_NE(s, nullptr);
    append_all(*s, blocks);
  }
  // Fold the WAL into the main file, then cut the file in half.
  sql("d.db", "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE");
  auto size = std::filesystem::file_size(dir + "/d.db");
  std::filesystem::resize_file(dir + "/d.db", size / 2);
  auto s = SqliteBlockStore::open(dir + "/d.db", suite);
  if (s.ok()) {
    // If the header survived, reading must still fail loudly somewhere.
    bool failed = !(*s)->load_state().ok();
    for (uint64_t h = 1; h <= 30 && !failed; ++h) failed = !(*s)->block_at(h).ok();
    EXPECT_TRUE(failed);
  } else {
    EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt) << s.error().to_string();
    EXPECT_FALSE(s.error().detail.empty());
  }
}

}  // namespace
}  // namespace consortia
