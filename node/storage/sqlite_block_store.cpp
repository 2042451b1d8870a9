#include "storage/sqlite_block_store.h"

#include <sqlite3.h>

namespace consortia {
namespace {

// Owns a prepared statement.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return st_; }
  void blob(int i, ByteView b) {
    sqlite3_bind_blob(st_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
  }
  void text(int i, const std::string& s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void i64(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  int step() { return sqlite3_step(st_); }
  Bytes column_blob(int i) {
    auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(st_, i));
    int n = sqlite3_column_bytes(st_, i);
    return p ? Bytes(p, p + n) : Bytes{};
  }

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_;
};

ErrorCode code_for(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? ErrorCode::kStorageCorrupt
                                                                : ErrorCode::kStorageIo;
}

}  // namespace

Error SqliteBlockStore::db_error(const std::string& what) const {
  int rc = sqlite3_extended_errcode(db_);
  return make_error(code_for(rc), what + ": " + sqlite3_errmsg(db_));
}

Status SqliteBlockStore::exec(const char* sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return {};
  std::string m = msg ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  return make_error(code_for(rc), std::string("sqlite: ") + m);
}

SqliteBlockStore::~SqliteBlockStore() { sqlite3_close(db_); }

Result<std::unique_ptr<SqliteBlockStore>> SqliteBlockStore::open(const std::string& path,
                                                                 const CryptoSuite& suite) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return make_error(code_for(rc), "cannot open " + path + ": " + m);
  }
  std::unique_ptr<SqliteBlockStore> s(new SqliteBlockStore(db, suite));
  sqlite3_busy_timeout(db, 5000);
  if (auto st = s->init(); !st)
    return make_error(st.error().code, path + ": " + st.error().detail);
  return s;
}

Status SqliteBlockStore::init() {
  {
    Stmt check(db_, "PRAGMA quick_check");
    if (!check.ok()) return db_error("not a Consortia store");
    if (check.step() != SQLITE_ROW) return db_error("integrity check failed");
    Bytes verdict = check.column_blob(0);
    if (std::string(verdict.begin(), verdict.end()) != "ok")
      return make_error(ErrorCode::kStorageCorrupt,
                        "damaged database: " + std::string(verdict.begin(), verdict.end()));
  }
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                             "PRAGMA foreign_keys=ON"})
    if (auto st = exec(pragma); !st) return st;
  int version = 0;
  {
    Stmt v(db_, "PRAGMA user_version");
    if (!v.ok() || v.step() != SQLITE_ROW) return db_error("reading schema version");
    version = sqlite3_column_int(v.get(), 0);
  }
  if (version == 0) {
    auto st = exec(
        "BEGIN IMMEDIATE;"
        "CREATE TABLE IF NOT EXISTS blocks(height INTEGER PRIMARY KEY, hash BLOB UNIQUE NOT NULL,"
        " data BLOB NOT NULL);"
        "CREATE TABLE IF NOT EXISTS txs(id BLOB PRIMARY KEY, height INTEGER NOT NULL,"
        " idx INTEGER NOT NULL);"
        "CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value BLOB NOT NULL);"
        "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);"
        "PRAGMA user_version=1;"
        "COMMIT;");
    if (!st) return st;
  } else if (version != kSchemaVersion) {
    return make_error(ErrorCode::kStorageCorrupt,
                      "unknown schema version " + std::to_string(version));
  }
  Stmt tip(db_, "SELECT height, hash FROM blocks ORDER BY height DESC LIMIT 1");
  if (!tip.ok()) return db_error("reading the tip");
  int rc = tip.step();
  if (rc == SQLITE_ROW) {
    tip_height_ = static_cast<uint64_t>(sqlite3_column_int64(tip.get(), 0));
    tip_hash_ = Hash32::from(tip.column_blob(1));
    Stmt count(db_, "SELECT COUNT(*) FROM blocks");
    if (count.step() != SQLITE_ROW ||
        static_cast<uint64_t>(sqlite3_column_int64(count.get(), 0)) != tip_height_)
      return make_error(ErrorCode::kStorageCorrupt, "blocks missing below the tip");
  } else if (rc != SQLITE_DONE) {
    return db_error("reading the tip");
  }
  return {};
}

Status SqliteBlockStore::append(const BlockPtr& block, const StatePtr& state) {
  if (block->height() != tip_height_ + 1)
    return make_error(ErrorCode::kInvalidArgument,
                      "block height " + std::to_string(block->height()) + " does not follow tip " +
                          std::to_string(tip_height_));
  if (tip_height_ > 0 && block->parent_hash() != tip_hash_)
    return make_error(ErrorCode::kInvalidArgument, "block does not extend the tip");
  if (state->root() != block->header().state_root)
    return make_error(ErrorCode::kInvalidArgument, "state does not belong to the block");
  if (auto st = exec("BEGIN IMMEDIATE"); !st) return st;
  auto fail = [&](const std::string& what) {
    Error e = db_error(what);
    (void)exec("ROLLBACK");
    return e;
  };
  {
    Stmt ins(db_, "INSERT INTO blocks(height, hash, data) VALUES(?,?,?)");
    ins.i64(1, static_cast<int64_t>(block->height()));
    ins.blob(2, block->hash().view());
    ins.blob(3, block->encode());
    if (ins.step() != SQLITE_DONE) return fail("storing block");
  }
  {
    Stmt tx(db_, "INSERT OR REPLACE INTO txs(id, height, idx) VALUES(?,?,?)");
    for (size_t i = 0; i < block->txs().size(); ++i) {
      sqlite3_reset(tx.get());
      tx.blob(1, block->txs()[i]->id().view());
      tx.i64(2, static_cast<int64_t>(block->height()));
      tx.i64(3, static_cast<int64_t>(i));
      if (tx.step() != SQLITE_DONE) return fail("indexing transactions");
    }
  }
  {
    Stmt put(db_, "INSERT OR REPLACE INTO state(key, value) VALUES(?,?)");
    Stmt del(db_, "DELETE FROM state WHERE key = ?");
    for (const auto& key : state->touched()) {
      const Bytes* v = state->get(key);
      Stmt& s = v ? put : del;
      sqlite3_reset(s.get());
      s.text(1, key);
      if (v) s.blob(2, *v);
      if (s.step() != SQLITE_DONE) return fail("writing state");
    }
  }
  if (auto st = exec("COMMIT"); !st) {
    (void)exec("ROLLBACK");
    return st;
  }
  tip_height_ = block->height();
  tip_hash_ = block->hash();
  return {};
}

Status SqliteBlockStore::save_safety(const SafetyState& s) {
  Writer w;
  s.encode(w);
  Stmt st(db_, "INSERT OR REPLACE INTO meta(k, v) VALUES('safety', ?)");
  st.blob(1, w.data());
  if (st.step() != SQLITE_DONE) return db_error("saving safety state");
  return {};
}

Result<std::optional<SafetyState>> SqliteBlockStore::load_safety() {
  Stmt st(db_, "SELECT v FROM meta WHERE k = 'safety'");
  int rc = st.step();
  if (rc == SQLITE_DONE) return std::optional<SafetyState>{};
  if (rc != SQLITE_ROW) return db_error("reading safety state");
  auto s = SafetyState::decode(st.column_blob(0));
  if (!s) return make_error(ErrorCode::kStorageCorrupt, "safety state: " + s.error().detail);
  return std::optional<SafetyState>{*s};
}

Result<BlockPtr> SqliteBlockStore::decode_row(sqlite3_stmt* raw, uint64_t height) {
  auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(raw, 1));
  Bytes stored_hash(p, p + sqlite3_column_bytes(raw, 1));
  auto* d = static_cast<const uint8_t*>(sqlite3_column_blob(raw, 0));
  auto b = Block::decode(suite_, ByteView(d, static_cast<size_t>(sqlite3_column_bytes(raw, 0))));
  if (!b || (*b)->hash() != Hash32::from(stored_hash) || (*b)->height() != height)
    return make_error(ErrorCode::kStorageCorrupt,
                      "block at height " + std::to_string(height) + " is damaged");
  return *b;
}

Result<BlockPtr> SqliteBlockStore::block_at(uint64_t height) {
  Stmt st(db_, "SELECT data, hash FROM blocks WHERE height = ?");
  st.i64(1, static_cast<int64_t>(height));
  int rc = st.step();
  if (rc == SQLITE_DONE)
    return make_error(ErrorCode::kNotFound, "no block at height " + std::to_string(height));
  if (rc != SQLITE_ROW) return db_error("reading block");
  return decode_row(st.get(), height);
}

Result<BlockPtr> SqliteBlockStore::block_by_hash(const Hash32& hash) {
  Stmt st(db_, "SELECT data, hash, height FROM blocks WHERE hash = ?");
  st.blob(1, hash.view());
  int rc = st.step();
  if (rc == SQLITE_DONE) return make_error(ErrorCode::kNotFound, "no block " + hash.short_hex());
  if (rc != SQLITE_ROW) return db_error("reading block");
  return decode_row(st.get(), static_cast<uint64_t>(sqlite3_column_int64(st.get(), 2)));
}

Result<StatePtr> SqliteBlockStore::load_state() {
  std::map<std::string, Bytes> entries;
  Stmt st(db_, "SELECT key, value FROM state");
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    auto* k = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0));
    entries.emplace(std::string(k ? k : ""), st.column_blob(1));
  }
  if (rc != SQLITE_DONE) return db_error("reading state");
  StatePtr state = StateSnapshot::from_entries(suite_, std::move(entries));
  if (tip_height_ == 0) return state;
  auto tip = block_at(tip_height_);
  if (!tip) return tip.error();
  if (state->root() != (*tip)->header().state_root)
    return make_error(ErrorCode::kStorageCorrupt,
                      "state does not match block " + std::to_string(tip_height_));
  return state;
}

}  // namespace consortia
