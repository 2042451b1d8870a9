#include "history.h"

#include <sqlite3.h>

namespace consortia::console {
namespace {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Stmt() { sqlite3_finalize(s); }
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& i64(int i, int64_t v) {
    sqlite3_bind_int64(s, i, v);
    return *this;
  }
  std::string col_text(int i) const {
    auto* p = sqlite3_column_text(s, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
};

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS nodes(network TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT NOT NULL,"
    " api TEXT NOT NULL, metrics TEXT NOT NULL, id_hex TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY(network, name));"
    "CREATE TABLE IF NOT EXISTS samples(network TEXT NOT NULL, node TEXT NOT NULL, t_ms INTEGER NOT NULL,"
    " height INTEGER NOT NULL, view INTEGER NOT NULL, view_changes INTEGER NOT NULL, mempool INTEGER NOT NULL,"
    " reachable INTEGER NOT NULL, halted TEXT NOT NULL, PRIMARY KEY(network, node, t_ms)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS samples_by_time ON samples(t_ms);";

}  // namespace

std::unique_ptr<History> History::open(const std::string& path, std::string* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    if (error) *error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<History> h(new History(db));
  sqlite3_busy_timeout(db, 2000);
  {
    Stmt check(db, "PRAGMA quick_check");
    if (!check.s || sqlite3_step(check.s) != SQLITE_ROW || check.col_text(0) != "ok") {
      if (error) *error = path + " is damaged or not a history file";
      return nullptr;
    }
  }
  if (!h->exec("PRAGMA journal_mode=WAL") || !h->exec("PRAGMA synchronous=NORMAL") || !h->exec(kSchema)) {
    if (error) *error = path + ": " + sqlite3_errmsg(db);
    return nullptr;
  }
  return h;
}

History::~History() { sqlite3_close(db_); }

bool History::exec(const char* sql) const {
  return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool History::record(const std::string& network, const NetworkState& s) {
  if (!exec("BEGIN")) return false;
  Stmt node(db_,
            "INSERT INTO nodes(network, name, organisation, api, metrics, id_hex, role) VALUES(?1,?2,?3,?4,?5,?6,?7)"
            " ON CONFLICT(network, name) DO UPDATE SET organisation=?3, api=?4, metrics=?5, id_hex=?6,"
            " role=CASE WHEN ?7 = '' THEN role ELSE ?7 END");
  Stmt sample(db_, "INSERT OR REPLACE INTO samples VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  bool ok = node.s && sample.s;
  for (const auto& n : s.nodes) {
    if (!ok) break;
    node.text(1, network).text(2, n.name).text(3, n.organisation).text(4, n.api_address).text(5, n.metrics_address)
        .text(6, n.id_hex).text(7, n.role);
    ok = sqlite3_step(node.s) == SQLITE_DONE;
    sqlite3_reset(node.s);
    if (!ok || !n.reachable) continue;  // a sample is what an agent said
    sample.text(1, network).text(2, n.name).i64(3, n.polled_ms).i64(4, static_cast<int64_t>(n.height))
        .i64(5, static_cast<int64_t>(n.view)).i64(6, static_cast<int64_t>(n.view_changes))
        .i64(7, static_cast<int64_t>(n.mempool)).i64(8, 1).text(9, n.halted);
    ok = sqlite3_step(sample.s) == SQLITE_DONE;
    sqlite3_reset(sample.s);
  }
  if (!ok) {
    exec("ROLLBACK");
    return false;
  }
  return exec("COMMIT");
}

NetworkState History::last_state(const std::string& network) const {
  NetworkState s;
  Stmt q(db_,
         "SELECT n.name, n.organisation, n.api, n.metrics, n.id_hex, n.role, s.t_ms, s.height, s.view,"
         " s.view_changes, s.mempool, s.halted FROM nodes n LEFT JOIN samples s ON s.network = n.network AND"
         " s.node = n.name AND s.t_ms = (SELECT MAX(t_ms) FROM samples WHERE network = n.network AND node = n.name)"
         " WHERE n.network = ?1 ORDER BY n.rowid");
  q.text(1, network);
  while (q.s && sqlite3_step(q.s) == SQLITE_ROW) {
    NodeState n;
    n.name = q.col_text(0);
    n.organisation = q.col_text(1);
    n.api_address = q.col_text(2);
    n.metrics_address = q.col_text(3);
    n.id_hex = q.col_text(4);
    n.role = q.col_text(5);
    n.polled_ms = sqlite3_column_int64(q.s, 6);
    n.height = static_cast<uint64_t>(sqlite3_column_int64(q.s, 7));
    n.view = static_cast<uint64_t>(sqlite3_column_int64(q.s, 8));
    n.view_changes = static_cast<uint64_t>(sqlite3_column_int64(q.s, 9));
    n.mempool = static_cast<uint64_t>(sqlite3_column_int64(q.s, 10));
    n.halted = q.col_text(11);
    n.reachable = false;  // what we remember, not what we see
    n.error = "last seen in history";
    s.at_ms = std::max(s.at_ms, n.polled_ms);
    s.nodes.push_back(std::move(n));
  }
  return s;
}

std::vector<Sample> History::samples(const std::string& network, const std::string& node, int64_t from_ms,
                                     int64_t to_ms) const {
  std::vector<Sample> out;
  Stmt q(db_,
         "SELECT t_ms, height, view, view_changes, mempool, reachable, halted FROM samples"
         " WHERE network = ?1 AND node = ?2 AND t_ms BETWEEN ?3 AND ?4 ORDER BY t_ms");
  q.text(1, network).text(2, node).i64(3, from_ms).i64(4, to_ms);
  while (q.s && sqlite3_step(q.s) == SQLITE_ROW)
    out.push_back({sqlite3_column_int64(q.s, 0), static_cast<uint64_t>(sqlite3_column_int64(q.s, 1)),
                   static_cast<uint64_t>(sqlite3_column_int64(q.s, 2)),
                   static_cast<uint64_t>(sqlite3_column_int64(q.s, 3)),
                   static_cast<uint64_t>(sqlite3_column_int64(q.s, 4)), sqlite3_column_int64(q.s, 5) != 0,
                   q.col_text(6)});
  return out;
}

int64_t History::downsample(int64_t now_ms) {
  int64_t before = sample_count();
  Stmt old(db_, "DELETE FROM samples WHERE t_ms < ?1");
  old.i64(1, now_ms - kKeepMs);
  sqlite3_step(old.s);
  // Beyond the full-rate hour keep the first sample of each minute.
  Stmt thin(db_,
            "DELETE FROM samples WHERE t_ms < ?1 AND (network, node, t_ms) NOT IN"
            " (SELECT network, node, MIN(t_ms) FROM samples WHERE t_ms < ?1 GROUP BY network, node, t_ms / 60000)");
  thin.i64(1, now_ms - kFullRateMs);
  sqlite3_step(thin.s);
  return before - sample_count();
}

int64_t History::sample_count() const {
  Stmt q(db_, "SELECT COUNT(*) FROM samples");
  return q.s && sqlite3_step(q.s) == SQLITE_ROW ? sqlite3_column_int64(q.s, 0) : 0;
}

}  // namespace consortia::console
