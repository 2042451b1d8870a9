// The node's durable store in SQLite (WAL, synchronous=FULL). A committed
// block, its transaction index, the state keys it changed and the new tip are
// written in one database transaction, so after a kill at any point the store
// reopens at exactly the last block whose append() returned. On open the file
// is checked (quick_check, schema version) and the state is checked against
// the tip's state root: a damaged file is an error, never a silently wrong
// state.
#pragma once

#include <memory>
#include <string>

#include "storage/block_store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace consortia {

class SqliteBlockStore final : public BlockStore {
 public:
  static Result<std::unique_ptr<SqliteBlockStore>> open(const std::string& path,
                                                        const CryptoSuite& suite);
  ~SqliteBlockStore() override;

  Status append(const BlockPtr& block, const StatePtr& state) override;
  Status save_safety(const SafetyState& s) override;
  Result<std::optional<SafetyState>> load_safety() override;
  uint64_t tip_height() const override { return tip_height_; }
  Result<BlockPtr> block_at(uint64_t height) override;
  Result<BlockPtr> block_by_hash(const Hash32& hash) override;
  Result<StatePtr> load_state() override;

  static constexpr int kSchemaVersion = 1;

 private:
  SqliteBlockStore(sqlite3* db, const CryptoSuite& suite) : db_(db), suite_(suite) {}
  Status exec(const char* sql);
  Status init();
  Result<BlockPtr> decode_row(sqlite3_stmt* st, uint64_t height);
  Error db_error(const std::string& what) const;

  sqlite3* db_;
  const CryptoSuite& suite_;
  uint64_t tip_height_ = 0;
  Hash32 tip_hash_;
};

}  // namespace consortia
