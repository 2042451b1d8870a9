// The node's durable store in SQLite (WAL, synchronous=FULL). A committed
// block, its transaction index, the state keys it changed and the new tip are
// written in one database transaction, so after a kill at any point the store
// reopens at exactly the last block whose append() returned. On open the file
// is checked (quick_check, schema version, no gap below the tip) and the state
// is checked against the tip's state root when it is loaded: a damaged file is
// an error (kStorageCorrupt), never a silently wrong state; a file that cannot
// be read or written is kStorageIo.
//
// Not thread-safe: one node drives its store from one thread.
#pragma once

#include <memory>
#include <string>

#include "storage/block_store.h"

struct sqlite3;

namespace consortia {

class SqliteBlockStore final : public BlockStore {
 public:
  // Opens (creating if absent) the store at path. Blocks are decoded with suite.
  static Result<std::unique_ptr<SqliteBlockStore>> open(const std::string& path,
                                                        const CryptoSuite& suite);
  ~SqliteBlockStore() override;
  SqliteBlockStore(const SqliteBlockStore&) = delete;
  SqliteBlockStore& operator=(const SqliteBlockStore&) = delete;

  Status append(const BlockPtr& block, const StatePtr& state) override;
  Status save_safety(const SafetyState& s) override;
  Result<std::optional<SafetyState>> load_safety() override;
  // Pending blocks are kept by hash; load_pending returns them by height.
  Status save_pending(const BlockPtr& block) override;
  Result<std::vector<BlockPtr>> load_pending() override;
  uint64_t tip_height() const override { return tip_height_; }
  const Hash32& tip_hash() const { return tip_hash_; }  // zero for an empty store
  Result<BlockPtr> block_at(uint64_t height) override;
  Result<BlockPtr> block_by_hash(const Hash32& hash) override;
  Result<StatePtr> load_state() override;
  // The height of the block that committed a transaction (the txs index).
  Result<uint64_t> tx_height(const Hash32& id) override;

  // Stored in PRAGMA user_version. Version 1 (no pending table) is upgraded
  // on open; any other non-zero version is refused.
  static constexpr int kSchemaVersion = 2;

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const;
  };
  class Statement;
  class Query;
  struct Statements;

  SqliteBlockStore(sqlite3* db, const CryptoSuite& suite);
  Status init();
  Status check_integrity();
  Status create_or_check_schema();
  Status load_tip();
  Status write_block(const Block& block, const StateSnapshot& state);
  Result<BlockPtr> decode_row(Query& q, uint64_t height, const char* table = "block");
  Error db_error(const std::string& what) const;

  std::unique_ptr<sqlite3, CloseDb> db_;    // destroyed last
  std::unique_ptr<Statements> statements_;  // prepared once, reused
  const CryptoSuite& suite_;
  uint64_t tip_height_ = 0;
  Hash32 tip_hash_;
};

}  // namespace consortia
