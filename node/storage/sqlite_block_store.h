// The node's durable store in SQLite (WAL, synchronous=FULL). A committed
// block, its transaction index, the state entries it changed and the new tip
// are written in one database transaction, so after a kill at any point the
// store reopens at exactly the last block whose append() returned.
//
// The state is kept as a table of entries plus a log of each block's changes
// (one row per block); the state is the table with the log replayed over it.
// A block's changes are appended to the log. Once the log holds enough
// (Options), its rows are folded into the table: the latest change per key,
// in key order, written over the next few blocks' transactions, a slice with
// each, and the folded rows deleted with the last slice. Until then the rows
// stay, and replaying them over a partly written table still gives the
// state, so a kill in the middle of a fold loses nothing. Writing a block's
// scattered keys into the table every block would rewrite nearly every page
// of it each time; folding many blocks' worth at once writes each page about
// once per fold, and slicing it keeps any one block's store time short.
//
// The transaction index (id -> height) is written the same way: the ids of
// recent blocks are held in memory, and once they number Options::index_txs
// (or fold_blocks blocks went by) they are inserted in id order over the
// next few blocks' transactions, and the height indexed so far recorded with
// the last slice. Inserting each block's random ids as it came dirtied a page
// of the index per transaction. On open the ids of the blocks above that
// height are read back from them, and a fold cut short is written again (an
// id already in place is kept).
//
// On open the file
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
  // When the state log is folded into the state table: after this many bytes
  // of logged changes or this many logged blocks, whichever comes first; and
  // over how many blocks' transactions a fold is spread. Larger folds write
  // less in all, but take longer and a reopen replays more of the log.
  struct Options {
    uint64_t fold_bytes = 8ull << 20;
    uint32_t fold_blocks = 256;
    uint32_t fold_steps = 8;
    uint32_t index_txs = 65536;  // ids held in memory before they are indexed
  };
  // Opens (creating if absent) the store at path. Blocks are decoded with suite.
  static Result<std::unique_ptr<SqliteBlockStore>> open(const std::string& path,
                                                        const CryptoSuite& suite,
                                                        Options options);
  static Result<std::unique_ptr<SqliteBlockStore>> open(const std::string& path,
                                                        const CryptoSuite& suite) {
    return open(path, suite, Options{});
  }
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

  // Logged blocks whose rows are still in the log, and their bytes; whether
  // a fold is under way.
  uint64_t logged_blocks() const { return log_blocks_; }
  uint64_t logged_bytes() const { return log_bytes_; }
  bool folding() const { return fold_.has_value(); }
  // Committed transactions not in the txs table yet (held in memory).
  size_t unindexed_txs() const;
  uint64_t indexed_height() const { return indexed_height_; }

  // Stored in PRAGMA user_version. Versions 1 (no pending table), 2 (no
  // state log) and 3 (every block's ids indexed as it was stored) are
  // upgraded on open; any other non-zero version is refused.
  static constexpr int kSchemaVersion = 4;

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const;
  };
  class Statement;
  class Query;
  struct Statements;

  SqliteBlockStore(sqlite3* db, const CryptoSuite& suite, Options options);
  Status init();
  Status check_integrity();
  Status create_or_check_schema();
  Status load_tip();
  Status write_block(const Block& block, const StateSnapshot& state, uint64_t& logged);
  // A fold under way: the changes of the log rows up to `upto`, latest per
  // key in key order, written to the table up to `next`.
  struct Fold {
    uint64_t upto = 0, blocks = 0, bytes = 0;
    std::vector<std::pair<std::string, std::optional<Bytes>>> changes;
    size_t next = 0;
  };
  Result<Fold> read_log(uint64_t tip);
  size_t slice_end(size_t size, size_t next) const;
  // Writes the fold's next slice; returns where it ends.
  Result<size_t> fold_step(const Fold& f, const std::string& at);
  std::optional<Fold> fold_;
  // The transaction index: ids held in memory (the blocks above
  // indexed_height_) and a fold of them under way.
  struct TxFold;
  struct TxMemo;
  std::unique_ptr<TxMemo> txs_;
  uint64_t indexed_height_ = 0;
  Status load_unindexed();
  // Writes the next slice of a fold of ids; returns where it ends.
  Result<size_t> index_step(const TxFold& f, const std::string& at);
  Result<BlockPtr> decode_row(Query& q, uint64_t height, const char* table = "block");
  Error db_error(const std::string& what) const;

  std::unique_ptr<sqlite3, CloseDb> db_;    // destroyed last
  std::unique_ptr<Statements> statements_;  // prepared once, reused
  const CryptoSuite& suite_;
  Options options_;
  uint64_t log_blocks_ = 0, log_bytes_ = 0;
  uint64_t tip_height_ = 0;
  Hash32 tip_hash_;
};

}  // namespace consortia
