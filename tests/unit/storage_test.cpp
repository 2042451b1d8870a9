#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "storage/sqlite_block_store.h"

namespace consortia {
namespace {

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

  // A chain of n blocks with put transactions, and the states they produce.
  std::vector<std::pair<BlockPtr, StatePtr>> chain(int n) {
    std::vector<std::pair<BlockPtr, StatePtr>> out;
    StatePtr s = StateSnapshot::empty(suite);
    StateMachine sm(suite);
    Hash32 parent;
    for (int i = 1; i <= n; ++i) {
      std::vector<TxPtr> txs{Transaction::create(suite, *key, TxKind::kPut, static_cast<uint64_t>(i - 1),
                                                 Transaction::put_payload("k" + std::to_string(i % 3), Bytes(4, static_cast<uint8_t>(i))))};
      s = *sm.apply(s, txs);
      BlockHeader h;
      h.height = static_cast<uint64_t>(i);
      h.view = h.height;
      h.parent_hash = parent;
      h.tx_root = Block::compute_tx_root(suite, txs);
      h.state_root = s->root();
      h.timestamp_ms = static_cast<uint64_t>(i);
      auto b = Block::create(suite, h, txs);
      parent = b->hash();
      out.emplace_back(b, s);
    }
    return out;
  }
};

TEST_F(StorageFixture, SqliteStoreReopensAtTheSameTipAndState) {
  auto blocks = chain(5);
  {
    auto s = SqliteBlockStore::open(dir + "/a.db", suite);
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    for (auto& [b, st] : blocks) ASSERT_TRUE((*s)->append(b, st).ok());
    SafetyState safety;
    safety.last_voted_view = 9;
    safety.current_view = 10;
    ASSERT_TRUE((*s)->save_safety(safety).ok());
  }
  auto s = SqliteBlockStore::open(dir + "/a.db", suite);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->tip_height(), 5u);
  EXPECT_EQ((*(*s)->block_at(3))->hash(), blocks[2].first->hash());
  EXPECT_EQ((*(*s)->block_by_hash(blocks[4].first->hash()))->height(), 5u);
  auto state = (*s)->load_state();
  ASSERT_TRUE(state.ok());
  EXPECT_EQ((*state)->root(), blocks[4].second->root());
  auto safety = (*s)->load_safety();
  ASSERT_TRUE(safety.ok() && safety->has_value());
  EXPECT_EQ((*safety)->last_voted_view, 9u);
}

TEST_F(StorageFixture, BothStoresRefuseABlockThatDoesNotExtendTheTip) {
  auto blocks = chain(3);
  auto sql = SqliteBlockStore::open(dir + "/b.db", suite);
  ASSERT_TRUE(sql.ok());
  MemoryBlockStore mem;
  for (BlockStore* s : {static_cast<BlockStore*>(sql->get()), static_cast<BlockStore*>(&mem)}) {
    ASSERT_TRUE(s->append(blocks[0].first, blocks[0].second).ok());
    auto skip = s->append(blocks[2].first, blocks[2].second);
    ASSERT_FALSE(skip.ok());
    EXPECT_EQ(skip.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(s->tip_height(), 1u);
  }
}

TEST_F(StorageFixture, RandomBytesAreReportedAsACorruptStore) {
  std::ofstream(dir + "/junk.db") << std::string(8192, 'x');
  auto s = SqliteBlockStore::open(dir + "/junk.db", suite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorageCorrupt);
}

TEST_F(StorageFixture, AlteredStateIsDetectedAgainstTheTipStateRoot) {
  auto blocks = chain(4);
  {
    auto s = SqliteBlockStore::open(dir + "/c.db", suite);
    for (auto& [b, st] : blocks) ASSERT_TRUE((*s)->append(b, st).ok());
  }
  sqlite3* db;
  ASSERT_EQ(sqlite3_open((dir + "/c.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE state SET value = x'00' WHERE key = (SELECT key FROM state LIMIT 1)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto s = SqliteBlockStore::open(dir + "/c.db", suite);
  ASSERT_TRUE(s.ok());
  auto st = (*s)->load_state();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kStorageCorrupt);
}

TEST_F(StorageFixture, TruncatedFileGivesAClearErrorNotACrash) {
  auto blocks = chain(30);
  {
    auto s = SqliteBlockStore::open(dir + "/d.db", suite);
    for (auto& [b, st] : blocks) ASSERT_TRUE((*s)->append(b, st).ok());
    ASSERT_TRUE(s.ok());
  }
  // Fold the WAL in, then cut the file in half.
  sqlite3* db;
  ASSERT_EQ(sqlite3_open((dir + "/d.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto size = std::filesystem::file_size(dir + "/d.db");
  std::filesystem::resize_file(dir + "/d.db", size / 2);
  auto s = SqliteBlockStore::open(dir + "/d.db", suite);
  if (s.ok()) {
    // If the header survived, reading must still fail loudly somewhere.
    bool failed = !(*s)->load_state().ok();
    for (uint64_t h = 1; h <= 30 && !failed; ++h) failed = !(*s)->block_at(h).ok();
    EXPECT_TRUE(failed);
  } else {
    EXPECT_TRUE(s.error().code == ErrorCode::kStorageCorrupt || s.error().code == ErrorCode::kStorageIo);
    EXPECT_FALSE(s.error().detail.empty());
  }
}

}  // namespace
}  // namespace consortia
