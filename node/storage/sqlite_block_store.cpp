#include "storage/sqlite_block_store.h"

#include <sqlite3.h>

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "core/codec.h"

namespace consortia {
namespace {

// Corruption is what the file says about itself; everything else (no space,
// permissions, locks, a missing directory) is an I/O problem the operator can
// fix without losing the store.
ErrorCode code_for(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kStorageCorrupt;
    case SQLITE_CONSTRAINT:
      return ErrorCode::kDuplicate;
    default:
      return ErrorCode::kStorageIo;
  }
}

// Version 1, then what each later version adds.
constexpr const char* kSchemaV1 =
    "CREATE TABLE blocks(height INTEGER PRIMARY KEY, hash BLOB UNIQUE NOT NULL,"
    " data BLOB NOT NULL);"
    "CREATE TABLE txs(id BLOB PRIMARY KEY,"
    " height INTEGER NOT NULL REFERENCES blocks(height), idx INTEGER NOT NULL);"
    "CREATE TABLE state(key TEXT PRIMARY KEY, value BLOB NOT NULL);"
    "CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);";
constexpr const char* kUpgradeToV2 =
    "CREATE TABLE pending(hash BLOB PRIMARY KEY, height INTEGER NOT NULL, data BLOB NOT NULL);";
// The state log: each block's changes since the state table was last folded.
constexpr const char* kUpgradeToV3 =
    "CREATE TABLE state_log(height INTEGER PRIMARY KEY, changes BLOB NOT NULL);";
// The height up to which the txs table holds every committed transaction
// (the ids of later blocks are indexed in batches); earlier versions indexed
// every block as it was stored.
constexpr const char* kUpgradeToV4 =
    "INSERT INTO meta(k, v) SELECT 'txs_indexed', COALESCE(MAX(height), 0) FROM blocks;";
constexpr const char* kIndexedKey = "txs_indexed";

// A block's state changes as one log row: the count, then per change the
// key, whether it has a value (0: deleted) and the value. Lengths are
// bounded only by the row itself: whatever a block could write must read back.

using Changes = std::map<std::string, std::optional<Bytes>>;

// Merges one log row into `out` (later rows overwrite earlier ones).
Status read_changes(ByteView row, Changes& out) {
  Reader r(row);
  size_t n = r.count(SIZE_MAX, 2);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string key = r.str(SIZE_MAX);
    uint8_t has = r.u8();
    if (!r.ok()) break;
    if (has > 1) {
      r.fail("bad value flag");
      break;
    }
    if (has)
      out[std::move(key)] = r.bytes(SIZE_MAX);
    else
      out[std::move(key)] = std::nullopt;
  }
  return r.finish("the changes it holds");
}

constexpr const char* kSafetyKey = "safety";

}  // namespace

void SqliteBlockStore::CloseDb::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

// Owns one prepared statement.
class SqliteBlockStore::Statement {
 public:
  Statement() = default;
  Statement(Statement&& o) noexcept : st_(std::exchange(o.st_, nullptr)) {}
  Statement& operator=(Statement&& o) noexcept {
    std::swap(st_, o.st_);
    return *this;
  }
  ~Statement() { sqlite3_finalize(st_); }
  sqlite3_stmt* get() const { return st_; }
  sqlite3_stmt** out() { return &st_; }

 private:
  sqlite3_stmt* st_ = nullptr;
};

// One use of a prepared statement: binds, steps, reads columns, and resets
// the statement when it goes out of scope so that no read stays open.
class SqliteBlockStore::Query {
 public:
  explicit Query(const Statement& s) : st_(s.get()) {}
  ~Query() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // An empty blob is bound as a zero-length blob, not as NULL.
  Query& blob(int i, ByteView b) {
    if (b.empty())
      sqlite3_bind_zeroblob(st_, i, 0);
    else
      sqlite3_bind_blob64(st_, i, b.data(), b.size(), SQLITE_TRANSIENT);
    return *this;
  }
  // Text is stored byte for byte (keys may hold any bytes, NUL included).
  Query& text(int i, std::string_view s) {
    sqlite3_bind_text64(st_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
  }
  Query& i64(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(st_); }

  Bytes column_blob(int i) const {
    auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(st_, i));
    size_t n = static_cast<size_t>(sqlite3_column_bytes(st_, i));
    return p ? Bytes(p, p + n) : Bytes{};
  }
  std::string column_text(int i) const {
    auto* p = static_cast<const char*>(sqlite3_column_blob(st_, i));
    size_t n = static_cast<size_t>(sqlite3_column_bytes(st_, i));
    return p ? std::string(p, n) : std::string{};
  }
  int64_t column_i64(int i) const { return sqlite3_column_int64(st_, i); }

 private:
  sqlite3_stmt* st_;
};

struct SqliteBlockStore::Statements {
  Statement begin, commit, rollback;
  Statement insert_block, insert_tx, put_state, delete_state;
  Statement insert_log, all_log, clear_log;
  Statement block_at, block_by_hash, all_state, tx_height;
  Statement save_safety, load_safety;
  Statement save_pending, load_pending, drop_pending;
};

struct SqliteBlockStore::TxFold {
  struct Where {
    uint64_t height;
    uint32_t idx;
  };
  uint64_t upto = 0;                          // every id of the blocks up to here
  std::vector<std::pair<Hash32, Where>> ids;  // in id order
  size_t next = 0;                            // written to the table up to here
};

struct SqliteBlockStore::TxMemo {
  // Ids are digests of content a client chooses: Abseil's hash is keyed per
  // process, so ids ground to collide in one table slot cannot be made ahead.
  struct IdHash {
    size_t operator()(const Hash32& h) const {
      return absl::Hash<std::pair<uint64_t, uint64_t>>{}({h.word(0), h.word(1)});
    }
  };
  using Where = TxFold::Where;
  absl::flat_hash_map<Hash32, Where, IdHash> recent;  // committed, not in a fold yet
  std::optional<TxFold> fold;

  void hold(const Block& b) {
    const auto& txs = b.txs();
    for (size_t i = 0; i < txs.size(); ++i) recent.emplace(txs[i]->id(), Where{b.height(), static_cast<uint32_t>(i)});
  }
  std::optional<uint64_t> find(const Hash32& id) const {
    if (auto it = recent.find(id); it != recent.end()) return it->second.height;
    if (fold) {
      auto it = std::lower_bound(fold->ids.begin(), fold->ids.end(), id,
                                 [](const auto& e, const Hash32& k) { return e.first < k; });
      if (it != fold->ids.end() && it->first == id) return it->second.height;
    }
    return std::nullopt;
  }
};

SqliteBlockStore::SqliteBlockStore(sqlite3* db, const CryptoSuite& suite, Options options)
    : db_(db), suite_(suite), options_(options) {
  txs_ = std::make_unique<TxMemo>();
}

size_t SqliteBlockStore::unindexed_txs() const {
  return txs_->recent.size() + (txs_->fold ? txs_->fold->ids.size() - txs_->fold->next : 0);
}

SqliteBlockStore::~SqliteBlockStore() = default;

Error SqliteBlockStore::db_error(const std::string& what) const {
  int rc = sqlite3_extended_errcode(db_.get());
  return make_error(code_for(rc), what + ": " + sqlite3_errmsg(db_.get()));
}

Result<std::unique_ptr<SqliteBlockStore>> SqliteBlockStore::open(const std::string& path,
                                                                 const CryptoSuite& suite,
                                                                 Options options) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SqliteBlockStore> s(new SqliteBlockStore(raw, suite, options));  // owns raw from here
  if (rc != SQLITE_OK) {
    std::string m = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return make_error(code_for(rc), "cannot open " + path + ": " + m);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  if (auto st = s->init(); !st) return make_error(st.error().code, path + ": " + st.error().detail);
  return s;
}

Status SqliteBlockStore::init() {
  if (auto st = check_integrity(); !st) return st;
  {
    Statement mode;
    if (sqlite3_prepare_v2(db_.get(), "PRAGMA journal_mode=WAL", -1, mode.out(), nullptr) !=
        SQLITE_OK)
      return db_error("setting the journal mode");
    Query q(mode);
    if (q.step() != SQLITE_ROW) return db_error("setting the journal mode");
    if (q.column_text(0) != "wal")
      return make_error(ErrorCode::kStorageIo,
                        "the file system does not allow write-ahead logging (journal mode " +
                            q.column_text(0) + ")");
  }
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
    if (sqlite3_exec(db_.get(), pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
      return db_error(pragma);
  if (auto st = create_or_check_schema(); !st) return st;

  // Preparing every statement once also proves that the tables are ours.
  statements_ = std::make_unique<Statements>();
  Statements& s = *statements_;
  const std::pair<Statement*, const char*> sql[] = {
      {&s.begin, "BEGIN IMMEDIATE"},
      {&s.commit, "COMMIT"},
      {&s.rollback, "ROLLBACK"},
      {&s.insert_block, "INSERT INTO blocks(height, hash, data) VALUES(?1, ?2, ?3)"},
      // OR IGNORE: a fold cut short by a kill is written again on reopen.
      {&s.insert_tx, "INSERT OR IGNORE INTO txs(id, height, idx) VALUES(?1, ?2, ?3)"},
      {&s.put_state, "INSERT OR REPLACE INTO state(key, value) VALUES(?1, ?2)"},
      {&s.delete_state, "DELETE FROM state WHERE key = ?1"},
      {&s.insert_log, "INSERT INTO state_log(height, changes) VALUES(?1, ?2)"},
      {&s.all_log, "SELECT height, changes FROM state_log ORDER BY height"},
      {&s.clear_log, "DELETE FROM state_log WHERE height <= ?1"},
      {&s.block_at, "SELECT data, hash FROM blocks WHERE height = ?1"},
      {&s.block_by_hash, "SELECT data, hash, height FROM blocks WHERE hash = ?1"},
      {&s.all_state, "SELECT key, value FROM state"},
      {&s.tx_height, "SELECT height FROM txs WHERE id = ?1"},
      {&s.save_safety, "INSERT OR REPLACE INTO meta(k, v) VALUES(?1, ?2)"},
      {&s.load_safety, "SELECT v FROM meta WHERE k = ?1"},
      {&s.save_pending, "INSERT OR REPLACE INTO pending(hash, height, data) VALUES(?1, ?2, ?3)"},
      {&s.load_pending, "SELECT data, hash, height FROM pending ORDER BY height, hash"},
      {&s.drop_pending, "DELETE FROM pending WHERE height <= ?1"},
  };
  for (const auto& [stmt, text] : sql)
    if (sqlite3_prepare_v3(db_.get(), text, -1, SQLITE_PREPARE_PERSISTENT, stmt->out(), nullptr) !=
        SQLITE_OK)
      return make_error(ErrorCode::kStorageCorrupt,
                        std::string("tables do not match schema version ") +
                            std::to_string(kSchemaVersion) + ": " + sqlite3_errmsg(db_.get()));
  if (auto st = load_tip(); !st) return st;
  return load_unindexed();
}

// The ids of the blocks above the indexed height, read back from the blocks
// (at most about Options::fold_blocks of them, or index_txs ids). A block
// there that does not read back stops the open: its transactions could not
// be found otherwise.
Status SqliteBlockStore::load_unindexed() {
  {
    Query q(statements_->load_safety);
    q.text(1, kIndexedKey);
    int rc = q.step();
    if (rc == SQLITE_DONE)
      return make_error(ErrorCode::kStorageCorrupt, "the transaction index's height is missing");
    if (rc != SQLITE_ROW) return db_error("reading the transaction index's height");
    int64_t h = q.column_i64(0);
    if (h < 0 || static_cast<uint64_t>(h) > tip_height_)
      return make_error(ErrorCode::kStorageCorrupt, "the transaction index claims height " + std::to_string(h) +
                                                        " (the tip is " + std::to_string(tip_height_) + ")");
    indexed_height_ = static_cast<uint64_t>(h);
  }
  for (uint64_t h = indexed_height_ + 1; h <= tip_height_; ++h) {
    auto b = block_at(h);
    if (!b)
      return make_error(b.error().code, "reading back the transactions of block " + std::to_string(h) +
                                            " for the index: " + b.error().detail);
    txs_->hold(**b);
  }
  return {};
}

Status SqliteBlockStore::check_integrity() {
  Statement check;
  if (sqlite3_prepare_v2(db_.get(), "PRAGMA quick_check", -1, check.out(), nullptr) != SQLITE_OK)
    return db_error("not a Consortia block store");
  Query q(check);
  int rc = q.step();
  if (rc != SQLITE_ROW) return db_error("integrity check failed");
  std::string verdict = q.column_text(0);
  if (verdict != "ok")
    return make_error(ErrorCode::kStorageCorrupt, "damaged database: " + verdict);
  return {};
}

Status SqliteBlockStore::create_or_check_schema() {
  // Read and create under a write lock so two processes opening a new file
  // at once do not both create the tables.
  if (sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return db_error("locking the store");
  auto fail = [&](Error e) -> Status {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  };
  auto count = [&](const char* sql, int64_t& out) -> bool {
    Statement st;
    if (sqlite3_prepare_v2(db_.get(), sql, -1, st.out(), nullptr) != SQLITE_OK) return false;
    Query q(st);
    if (q.step() != SQLITE_ROW) return false;
    out = q.column_i64(0);
    return true;
  };
  int64_t version = 0, tables = 0;
  if (!count("PRAGMA user_version", version)) return fail(db_error("reading the schema version"));
  std::string create;
  if (version == 0) {
    if (!count("SELECT COUNT(*) FROM sqlite_master", tables))
      return fail(db_error("reading the schema"));
    if (tables != 0)
      return fail(make_error(ErrorCode::kStorageCorrupt,
                             "not a Consortia block store: the database holds other tables"));
    create = std::string(kSchemaV1) + kUpgradeToV2 + kUpgradeToV3 + kUpgradeToV4;
  } else if (version == 1) {
    create = std::string(kUpgradeToV2) + kUpgradeToV3 + kUpgradeToV4;
  } else if (version == 2) {
    create = std::string(kUpgradeToV3) + kUpgradeToV4;
  } else if (version == 3) {
    create = kUpgradeToV4;
  } else if (version != kSchemaVersion) {
    return fail(make_error(ErrorCode::kStorageCorrupt, "unknown schema version " +
                                                           std::to_string(version) +
                                                           " (this build reads version " +
                                                           std::to_string(kSchemaVersion) + ")"));
  }
  if (!create.empty()) {
    create += "PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";";
    if (sqlite3_exec(db_.get(), create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
      return fail(db_error("creating the tables"));
  }
  if (sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    return fail(db_error("creating the tables"));
  return {};
}

Status SqliteBlockStore::load_tip() {
  {
    Statement log;
    if (sqlite3_prepare_v2(db_.get(),
                           "SELECT COUNT(*), COALESCE(SUM(length(changes)), 0) FROM state_log", -1,
                           log.out(), nullptr) != SQLITE_OK)
      return db_error("reading the state log");
    Query q(log);
    if (q.step() != SQLITE_ROW) return db_error("reading the state log");
    log_blocks_ = static_cast<uint64_t>(q.column_i64(0));
    log_bytes_ = static_cast<uint64_t>(q.column_i64(1));
  }
  Statement tip;
  if (sqlite3_prepare_v2(db_.get(),
                         "SELECT height, hash, (SELECT COUNT(*) FROM blocks) FROM blocks"
                         " ORDER BY height DESC LIMIT 1",
                         -1, tip.out(), nullptr) != SQLITE_OK)
    return db_error("reading the tip");
  Query q(tip);
  int rc = q.step();
  if (rc == SQLITE_DONE) return {};
  if (rc != SQLITE_ROW) return db_error("reading the tip");
  int64_t height = q.column_i64(0), count = q.column_i64(2);
  Bytes hash = q.column_blob(1);
  if (height < 1 || count != height)
    return make_error(ErrorCode::kStorageCorrupt,
                      "blocks missing below the tip at height " + std::to_string(height));
  if (hash.size() != 32)
    return make_error(ErrorCode::kStorageCorrupt,
                      "bad hash stored for block " + std::to_string(height));
  tip_height_ = static_cast<uint64_t>(height);
  tip_hash_ = Hash32::from(hash);
  return {};
}

Status SqliteBlockStore::append(const BlockPtr& block, const StatePtr& state) {
  if (!block || !state) return make_error(ErrorCode::kInvalidArgument, "no block or no state");
  if (block->height() != tip_height_ + 1)
    return make_error(ErrorCode::kInvalidArgument,
                      "block height " + std::to_string(block->height()) + " does not follow tip " +
                          std::to_string(tip_height_));
  // The genesis block is not stored: the first block may name any parent.
  if (tip_height_ > 0 && block->parent_hash() != tip_hash_)
    return make_error(ErrorCode::kInvalidArgument,
                      "block " + std::to_string(block->height()) + " does not extend the tip");
  if (state->root() != block->header().state_root)
    return make_error(ErrorCode::kInvalidArgument,
                      "state does not belong to block " + std::to_string(block->height()));

  if (Query(statements_->begin).step() != SQLITE_DONE) return db_error("starting a transaction");
  uint64_t logged = 0;
  Status written = write_block(*block, *state, logged);
  // Start a fold once the log holds enough (this block's row included), and
  // write one slice of the fold under way with this block.
  const std::string at = " at height " + std::to_string(block->height());
  const bool start = !fold_ && (log_blocks_ + 1 >= options_.fold_blocks ||
                                log_bytes_ + logged >= options_.fold_bytes);
  if (written && start) {
    auto f = read_log(block->height());
    if (f)
      fold_ = std::move(*f);
    else
      written = f.error();
  }
  size_t folded_to = fold_ ? fold_->next : 0;
  if (written && fold_) {
    auto to = fold_step(*fold_, at);
    if (to)
      folded_to = *to;
    else
      written = to.error();
  }
  // The transaction index likewise: a fold of the ids held (this block's
  // included) once they are enough, and a slice of the fold under way.
  const auto& txs = block->txs();
  std::optional<TxFold> tx_started;
  // Enough ids, or enough blocks (an idle chain's empty blocks would
  // otherwise leave ever more of them to read back on opening).
  if (written && !txs_->fold &&
      (txs_->recent.size() + txs.size() >= std::max<uint32_t>(1, options_.index_txs) ||
       block->height() - indexed_height_ >= std::max<uint32_t>(1, options_.fold_blocks))) {
    TxFold f;
    f.upto = block->height();
    f.ids.reserve(txs_->recent.size() + txs.size());
    for (const auto& [id, where] : txs_->recent) f.ids.emplace_back(id, where);
    for (size_t i = 0; i < txs.size(); ++i)
      f.ids.emplace_back(txs[i]->id(), TxMemo::Where{block->height(), static_cast<uint32_t>(i)});
    std::sort(f.ids.begin(), f.ids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    tx_started = std::move(f);
  }
  TxFold* tx_fold = tx_started ? &*tx_started : txs_->fold ? &*txs_->fold : nullptr;
  size_t indexed_to = tx_fold ? tx_fold->next : 0;
  if (written && tx_fold) {
    auto to = index_step(*tx_fold, at);
    if (to)
      indexed_to = *to;
    else
      written = to.error();
  }
  if (written && Query(statements_->commit).step() != SQLITE_DONE)
    written = db_error("committing block " + std::to_string(block->height()));
  if (!written) {
    // Some errors (disk full, I/O) roll the transaction back by themselves.
    if (!sqlite3_get_autocommit(db_.get())) (void)Query(statements_->rollback).step();
    if (start) fold_.reset();  // read again when the next block starts it
    return written;
  }
  if (tx_started) {
    txs_->fold = std::move(*tx_started);
    txs_->recent.clear();
  } else {
    txs_->hold(*block);
  }
  if (txs_->fold) {
    txs_->fold->next = indexed_to;
    if (indexed_to == txs_->fold->ids.size()) {  // the indexed height was recorded with the last slice
      indexed_height_ = txs_->fold->upto;
      txs_->fold.reset();
    }
  }
  tip_height_ = block->height();
  tip_hash_ = block->hash();
  log_blocks_ += 1;
  log_bytes_ += logged;
  if (fold_) {
    fold_->next = folded_to;
    if (folded_to == fold_->changes.size()) {  // its rows were deleted with the last slice
      log_blocks_ -= fold_->blocks;
      log_bytes_ -= fold_->bytes;
      fold_.reset();
    }
  }
  return {};
}

// Every log row, the latest change per key in key order, as a fold up to
// `tip`; a row above the tip is damage.
Result<SqliteBlockStore::Fold> SqliteBlockStore::read_log(uint64_t tip) {
  Changes changes;
  Fold f;
  f.upto = tip;
  Query q(statements_->all_log);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    auto height = static_cast<uint64_t>(q.column_i64(0));
    if (height > tip)
      return make_error(ErrorCode::kStorageCorrupt, "state logged for block " +
                                                        std::to_string(height) + " above the tip " +
                                                        std::to_string(tip));
    Bytes row = q.column_blob(1);
    if (auto st = read_changes(row, changes); !st)
      return make_error(ErrorCode::kStorageCorrupt,
                        "damaged state log: the row of block " + std::to_string(height) +
                              " does not decode (" + st.error().detail + ")");
    f.blocks += 1;
    f.bytes += row.size();
  }
  if (rc != SQLITE_DONE) return db_error("reading the state log");
  f.changes.reserve(changes.size());
  for (auto& [key, value] : changes) f.changes.emplace_back(key, std::move(value));
  return f;
}

// Within the caller's transaction: the fold's next slice of changes written
// to the table, and with the last slice the folded rows deleted.
// Where the slice of a fold of `size` items starting at `next` ends: a
// fold is written over fold_steps blocks.
size_t SqliteBlockStore::slice_end(size_t size, size_t next) const {
  size_t steps = std::max<uint32_t>(1, options_.fold_steps);
  size_t slice = (size + steps - 1) / steps;
  return std::min(size, next + std::max<size_t>(1, slice));
}

Result<size_t> SqliteBlockStore::fold_step(const Fold& f, const std::string& at) {
  size_t end = slice_end(f.changes.size(), f.next);
  for (size_t i = f.next; i < end; ++i) {
    const auto& [key, value] = f.changes[i];
    Query q(value ? statements_->put_state : statements_->delete_state);
    q.text(1, key);
    if (value) q.blob(2, *value);
    if (q.step() != SQLITE_DONE) return db_error("folding the state log" + at);
  }
  if (end == f.changes.size()) {
    Query q(statements_->clear_log);
    q.i64(1, static_cast<int64_t>(f.upto));
    if (q.step() != SQLITE_DONE) return db_error("clearing the state log" + at);
  }
  return end;
}

// Within the caller's transaction: the next slice of a fold of ids written
// to the txs table, and with the last slice the height indexed recorded.
Result<size_t> SqliteBlockStore::index_step(const TxFold& f, const std::string& at) {
  size_t end = slice_end(f.ids.size(), f.next);
  for (size_t i = f.next; i < end; ++i) {
    Query q(statements_->insert_tx);
    q.blob(1, f.ids[i].first.view()).i64(2, static_cast<int64_t>(f.ids[i].second.height));
    q.i64(3, static_cast<int64_t>(f.ids[i].second.idx));
    if (q.step() != SQLITE_DONE) return db_error("indexing transactions" + at);
  }
  if (end == f.ids.size()) {
    Query q(statements_->save_safety);
    q.text(1, kIndexedKey).i64(2, static_cast<int64_t>(f.upto));
    if (q.step() != SQLITE_DONE) return db_error("recording the indexed height" + at);
  }
  return end;
}

Status SqliteBlockStore::write_block(const Block& block, const StateSnapshot& state,
                                     uint64_t& logged) {
  const auto height = static_cast<int64_t>(block.height());
  const std::string at = " at height " + std::to_string(height);
  {
    Query q(statements_->insert_block);
    q.i64(1, height).blob(2, block.hash().view()).blob(3, block.encode());
    if (q.step() != SQLITE_DONE) return db_error("storing the block" + at);
  }
  // The first block writes the whole state: it holds what genesis put there
  // (the chain configuration) besides the block's own writes.
  std::vector<std::string> all;
  if (block.height() == 1)
    state.scan("", [&](const StateSnapshot::Entry& e) {
      all.push_back(e.key);
      return true;
    });
  Writer w;
  auto log = [&](const std::string& key, const Bytes* value) {
    w.str(key);
    w.u8(value ? 1 : 0);
    if (value) w.bytes(*value);
  };
  if (block.height() == 1) {
    w.varint(all.size());
    for (const auto& key : all) log(key, state.get(key));
  } else {
    const auto& keys = state.touched();
    const auto& entries = state.touched_entries();
    w.varint(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) log(keys[i], entries[i] ? &entries[i]->value : nullptr);
  }
  {
    Query q(statements_->insert_log);
    q.i64(1, height).blob(2, w.data());
    if (q.step() != SQLITE_DONE) return db_error("logging the state" + at);
  }
  logged = w.data().size();
  Query drop(statements_->drop_pending);  // now committed, or never will be
  drop.i64(1, height);
  if (drop.step() != SQLITE_DONE) return db_error("dropping pending blocks" + at);
  return {};
}

Status SqliteBlockStore::save_safety(const SafetyState& s) {
  Writer w;
  s.encode(w);
  Query q(statements_->save_safety);  // one statement: its own transaction
  q.text(1, kSafetyKey).blob(2, w.data());
  if (q.step() != SQLITE_DONE) return db_error("saving the safety state");
  return {};
}

Result<std::optional<SafetyState>> SqliteBlockStore::load_safety() {
  Query q(statements_->load_safety);
  q.text(1, kSafetyKey);
  int rc = q.step();
  if (rc == SQLITE_DONE) return std::optional<SafetyState>{};
  if (rc != SQLITE_ROW) return db_error("reading the safety state");
  auto s = SafetyState::decode(q.column_blob(0));
  if (!s) return make_error(ErrorCode::kStorageCorrupt, "safety state: " + s.error().detail);
  return std::optional<SafetyState>{std::move(*s)};
}

Status SqliteBlockStore::save_pending(const BlockPtr& block) {
  if (!block) return make_error(ErrorCode::kInvalidArgument, "no block");
  Query q(statements_->save_pending);  // one statement: its own transaction
  q.blob(1, block->hash().view())
      .i64(2, static_cast<int64_t>(block->height()))
      .blob(3, block->encode());
  if (q.step() != SQLITE_DONE)
    return db_error("saving pending block " + std::to_string(block->height()));
  return {};
}

Result<std::vector<BlockPtr>> SqliteBlockStore::load_pending() {
  std::vector<BlockPtr> out;
  Query q(statements_->load_pending);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    auto b = decode_row(q, static_cast<uint64_t>(q.column_i64(2)), "pending block");
    if (!b) return b.error();
    out.push_back(std::move(*b));
  }
  if (rc != SQLITE_DONE) return db_error("reading pending blocks");
  return out;
}

// Columns: data, hash.
Result<BlockPtr> SqliteBlockStore::decode_row(Query& q, uint64_t height, const char* table) {
  Bytes data = q.column_blob(0);
  Bytes stored_hash = q.column_blob(1);
  auto b = Block::decode(suite_, data);
  std::string where = std::string(table) + " at height " + std::to_string(height);
  if (!b)
    return make_error(ErrorCode::kStorageCorrupt, where + " does not decode: " + b.error().detail);
  if (stored_hash.size() != 32 || (*b)->hash() != Hash32::from(stored_hash) ||
      (*b)->height() != height)
    return make_error(ErrorCode::kStorageCorrupt, where + " does not match its stored hash");
  return std::move(*b);
}

Result<BlockPtr> SqliteBlockStore::block_at(uint64_t height) {
  Query q(statements_->block_at);
  q.i64(1, static_cast<int64_t>(height));
  int rc = q.step();
  if (rc == SQLITE_DONE)
    return make_error(ErrorCode::kNotFound, "no block at height " + std::to_string(height));
  if (rc != SQLITE_ROW) return db_error("reading block " + std::to_string(height));
  return decode_row(q, height);
}

Result<uint64_t> SqliteBlockStore::tx_height(const Hash32& id) {
  if (auto h = txs_->find(id)) return *h;
  Query q(statements_->tx_height);
  q.blob(1, id.view());
  int rc = q.step();
  if (rc == SQLITE_DONE) return make_error(ErrorCode::kNotFound, "no committed transaction " + id.short_hex());
  if (rc != SQLITE_ROW) return db_error("looking up transaction " + id.short_hex());
  return static_cast<uint64_t>(q.column_i64(0));
}

Result<BlockPtr> SqliteBlockStore::block_by_hash(const Hash32& hash) {
  Query q(statements_->block_by_hash);
  q.blob(1, hash.view());
  int rc = q.step();
  if (rc == SQLITE_DONE) return make_error(ErrorCode::kNotFound, "no block " + hash.short_hex());
  if (rc != SQLITE_ROW) return db_error("reading block " + hash.short_hex());
  return decode_row(q, static_cast<uint64_t>(q.column_i64(2)));
}

Result<StatePtr> SqliteBlockStore::load_state() {
  std::map<std::string, Bytes> entries;
  uint64_t replayed = 0;
  {
    Query q(statements_->all_state);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) entries.emplace(q.column_text(0), q.column_blob(1));
    if (rc != SQLITE_DONE) return db_error("reading the state");
  }
  {
    // The log over the folded table.
    auto log = read_log(tip_height_);
    if (!log) return log.error();
    replayed = log->blocks;
    for (auto& [key, value] : log->changes)
      if (value)
        entries.insert_or_assign(std::move(key), std::move(*value));
      else
        entries.erase(key);
  }
  if (tip_height_ == 0) {
    if (!entries.empty())
      return make_error(ErrorCode::kStorageCorrupt, "state stored without any block");
    // Nothing committed yet: the node starts from its genesis state.
    return StateSnapshot::empty(suite_, kMinProtocolVersion);
  }
  auto tip = block_at(tip_height_);
  if (!tip) return tip.error();
  // The tip's protocol version says how its state root commits to the state.
  StatePtr state =
      StateSnapshot::from_entries(suite_, std::move(entries), (*tip)->header().protocol_version);
  if (state->root() != (*tip)->header().state_root)
    return make_error(ErrorCode::kStorageCorrupt,
                      "state does not match block " + std::to_string(tip_height_) +
                          " (the state table with " + std::to_string(replayed) +
                          " logged blocks replayed over it)");
  return state;
}

}  // namespace consortia
