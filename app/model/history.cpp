#include "history.h"

#include "model/sqlite_stmt.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>

namespace consortia::console {
namespace {


constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS nodes(network TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT NOT NULL,"
    " api TEXT NOT NULL, metrics TEXT NOT NULL, id_hex TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY(network, name));"
    "CREATE TABLE IF NOT EXISTS samples(network TEXT NOT NULL, node TEXT NOT NULL, t_ms INTEGER NOT NULL,"
    " height INTEGER NOT NULL, view INTEGER NOT NULL, view_changes INTEGER NOT NULL, mempool INTEGER NOT NULL,"
    " reachable INTEGER NOT NULL, halted TEXT NOT NULL, PRIMARY KEY(network, node, t_ms)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS samples_by_time ON samples(t_ms);"
    "CREATE TABLE IF NOT EXISTS alerts(network TEXT NOT NULL, node TEXT NOT NULL, rule TEXT NOT NULL,"
    " raised_ms INTEGER NOT NULL, cleared_ms INTEGER NOT NULL DEFAULT 0, value REAL NOT NULL DEFAULT 0,"
    " detail TEXT NOT NULL DEFAULT '', PRIMARY KEY(network, node, rule, raised_ms));";

// Columns added after the first release; a file from before gets them (0).
constexpr const char* kAddedColumns[] = {
    "committed_txs INTEGER NOT NULL DEFAULT 0", "latency_ms REAL NOT NULL DEFAULT 0",
    "cpu REAL NOT NULL DEFAULT 0",              "rss INTEGER NOT NULL DEFAULT 0",
    "disk_used INTEGER NOT NULL DEFAULT 0",     "sent INTEGER NOT NULL DEFAULT 0",
    "received INTEGER NOT NULL DEFAULT 0",      "peers INTEGER NOT NULL DEFAULT 0"};

constexpr const char* kSampleColumns =
    "t_ms, height, view, view_changes, mempool, reachable, halted, committed_txs, latency_ms, cpu, rss, disk_used,"
    " sent, received, peers";

Sample read_sample(sqlite3_stmt* s, int first) {
  Sample x;
  x.t_ms = sqlite3_column_int64(s, first);
  x.height = static_cast<uint64_t>(sqlite3_column_int64(s, first + 1));
  x.view = static_cast<uint64_t>(sqlite3_column_int64(s, first + 2));
  x.view_changes = static_cast<uint64_t>(sqlite3_column_int64(s, first + 3));
  x.mempool = static_cast<uint64_t>(sqlite3_column_int64(s, first + 4));
  x.reachable = sqlite3_column_int64(s, first + 5) != 0;
  auto* h = sqlite3_column_text(s, first + 6);
  x.halted = h ? reinterpret_cast<const char*>(h) : "";
  x.committed_txs = static_cast<uint64_t>(sqlite3_column_int64(s, first + 7));
  x.latency_ms = sqlite3_column_double(s, first + 8);
  x.cpu_percent = sqlite3_column_double(s, first + 9);
  x.rss_bytes = static_cast<uint64_t>(sqlite3_column_int64(s, first + 10));
  x.disk_used_bytes = static_cast<uint64_t>(sqlite3_column_int64(s, first + 11));
  x.sent_bytes = static_cast<uint64_t>(sqlite3_column_int64(s, first + 12));
  x.received_bytes = static_cast<uint64_t>(sqlite3_column_int64(s, first + 13));
  x.peers = static_cast<int>(sqlite3_column_int64(s, first + 14));
  return x;
}

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
  std::vector<std::string> have;
  {
    Stmt cols(db, "PRAGMA table_info(samples)");
    while (cols.s && sqlite3_step(cols.s) == SQLITE_ROW) have.push_back(cols.col_text(1));
  }
  for (const char* c : kAddedColumns) {
    std::string col(c);
    std::string name = col.substr(0, col.find(' '));
    if (std::find(have.begin(), have.end(), name) != have.end()) continue;
    if (!h->exec(("ALTER TABLE samples ADD COLUMN " + col).c_str())) {
      if (error) *error = path + ": " + sqlite3_errmsg(db);
      return nullptr;
    }
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
  Stmt sample(db_, (std::string("INSERT OR REPLACE INTO samples(network, node, ") + kSampleColumns +
                    ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)")
                       .c_str());
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
        .i64(7, static_cast<int64_t>(n.mempool)).i64(8, 1).text(9, n.halted)
        .i64(10, static_cast<int64_t>(n.committed_txs)).real(11, n.latency_ms).real(12, n.cpu_percent)
        .i64(13, static_cast<int64_t>(n.rss_bytes)).i64(14, static_cast<int64_t>(n.disk_used_bytes))
        .i64(15, static_cast<int64_t>(n.sent_bytes())).i64(16, static_cast<int64_t>(n.received_bytes()))
        .i64(17, n.connected_peers());
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
  // Each node's newest sample, however old.
  constexpr int64_t kEver = INT64_MAX / 2;
  NetworkState s = state_at(network, kEver, kEver);
  s.at_ms = 0;
  for (auto& n : s.nodes) {
    n.reachable = false;  // what we remember, not what we see
    n.error = "last seen in history";
    s.at_ms = std::max(s.at_ms, n.polled_ms);
  }
  return s;
}

std::vector<Sample> History::samples(const std::string& network, const std::string& node, int64_t from_ms,
                                     int64_t to_ms) const {
  std::vector<Sample> out;
  Stmt q(db_, (std::string("SELECT ") + kSampleColumns +
               " FROM samples WHERE network = ?1 AND node = ?2 AND t_ms BETWEEN ?3 AND ?4 ORDER BY t_ms")
                  .c_str());
  q.text(1, network).text(2, node).i64(3, from_ms).i64(4, to_ms);
  while (q.s && sqlite3_step(q.s) == SQLITE_ROW) out.push_back(read_sample(q.s, 0));
  return out;
}

NetworkState History::state_at(const std::string& network, int64_t t_ms, int64_t window_ms) const {
  NetworkState s;
  s.at_ms = t_ms;
  Stmt q(db_, (std::string("SELECT n.name, n.organisation, n.api, n.metrics, n.id_hex, n.role, ") + kSampleColumns +
               " FROM nodes n LEFT JOIN samples s ON s.network = n.network AND s.node = n.name AND s.t_ms ="
               " (SELECT MAX(t_ms) FROM samples WHERE network = n.network AND node = n.name AND t_ms <= ?2"
               "  AND t_ms > ?3) WHERE n.network = ?1 ORDER BY n.rowid")
                  .c_str());
  q.text(1, network).i64(2, t_ms).i64(3, t_ms - window_ms);
  while (q.s && sqlite3_step(q.s) == SQLITE_ROW) {
    NodeState n;
    n.name = q.col_text(0);
    n.organisation = q.col_text(1);
    n.api_address = q.col_text(2);
    n.metrics_address = q.col_text(3);
    n.id_hex = q.col_text(4);
    n.role = q.col_text(5);
    if (sqlite3_column_type(q.s, 6) != SQLITE_NULL) {
      Sample x = read_sample(q.s, 6);
      n.reachable = true;
      n.polled_ms = x.t_ms;
      n.height = x.height;
      n.view = x.view;
      n.view_changes = x.view_changes;
      n.mempool = x.mempool;
      n.halted = x.halted;
      n.committed_txs = x.committed_txs;
      n.latency_ms = x.latency_ms;
      n.cpu_percent = x.cpu_percent;
      n.rss_bytes = x.rss_bytes;
      n.disk_used_bytes = x.disk_used_bytes;
    } else {
      n.error = "no sample at that time";
    }
    s.nodes.push_back(std::move(n));
  }
  return s;
}

std::pair<int64_t, int64_t> History::time_range(const std::string& network) const {
  Stmt q(db_, "SELECT MIN(t_ms), MAX(t_ms) FROM samples WHERE network = ?1");
  q.text(1, network);
  if (!q.s || sqlite3_step(q.s) != SQLITE_ROW) return {0, 0};
  return {sqlite3_column_int64(q.s, 0), sqlite3_column_int64(q.s, 1)};
}

bool History::raise_alert(const std::string& network, const AlertRecord& a) {
  Stmt active(db_, "SELECT 1 FROM alerts WHERE network = ?1 AND node = ?2 AND rule = ?3 AND cleared_ms = 0");
  active.text(1, network).text(2, a.node).text(3, a.rule);
  if (active.s && sqlite3_step(active.s) == SQLITE_ROW) return true;
  Stmt q(db_, "INSERT OR REPLACE INTO alerts(network, node, rule, raised_ms, cleared_ms, value, detail)"
              " VALUES(?1, ?2, ?3, ?4, 0, ?5, ?6)");
  q.text(1, network).text(2, a.node).text(3, a.rule).i64(4, a.raised_ms).real(5, a.value).text(6, a.detail);
  return q.s && sqlite3_step(q.s) == SQLITE_DONE;
}

bool History::clear_alert(const std::string& network, const std::string& node, const std::string& rule,
                          int64_t at_ms) {
  Stmt q(db_, "UPDATE alerts SET cleared_ms = ?4 WHERE network = ?1 AND node = ?2 AND rule = ?3 AND cleared_ms = 0");
  q.text(1, network).text(2, node).text(3, rule).i64(4, at_ms);
  return q.s && sqlite3_step(q.s) == SQLITE_DONE;
}

std::vector<AlertRecord> History::alerts(const std::string& network, int64_t since_ms, size_t limit) const {
  std::vector<AlertRecord> out;
  Stmt q(db_, "SELECT node, rule, detail, raised_ms, cleared_ms, value FROM alerts WHERE network = ?1 AND"
              " (cleared_ms = 0 OR cleared_ms >= ?2) ORDER BY raised_ms DESC LIMIT ?3");
  q.text(1, network).i64(2, since_ms).i64(3, static_cast<int64_t>(limit));
  while (q.s && sqlite3_step(q.s) == SQLITE_ROW)
    out.push_back({q.col_text(0), q.col_text(1), q.col_text(2), sqlite3_column_int64(q.s, 3),
                   sqlite3_column_int64(q.s, 4), sqlite3_column_double(q.s, 5)});
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
