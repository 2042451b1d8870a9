// The console's history in SQLite: last state after a reopen, retention and
// downsampling, a damaged file refused with a reason, and a writer killed
// with SIGKILL mid-write losing nothing committed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <sqlite3.h>

#include "model/history.h"

namespace consortia::console {
namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/consortia-history-XXXXXX";
    path = mkdtemp(t);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

NetworkState snapshot(int64_t t, uint64_t h) {
  NetworkState s;
  s.at_ms = t;
  for (int i = 0; i < 2; ++i) {
    NodeState n;
    n.name = "node-" + std::to_string(i);
    n.organisation = "org-" + std::to_string(i);
    n.api_address = "127.0.0.1:" + std::to_string(7000 + i);
    n.id_hex = std::string(64, static_cast<char>('a' + i));
    n.role = "validator";
    n.reachable = true;
    n.polled_ms = t;
    n.height = h + static_cast<uint64_t>(i);
    n.view = h + 1;
    s.nodes.push_back(n);
  }
  return s;
}

TEST(History, TheLastStateSurvivesAReopenAndIsMarkedAsRemembered) {
  TempDir d;
  std::string err;
  {
    auto h = History::open(d.path + "/h.db", &err);
    ASSERT_TRUE(h) << err;
    for (int k = 0; k < 3; ++k) ASSERT_TRUE(h->record("net", snapshot(1000 * (k + 1), 10 * (k + 1))));
  }
  auto h = History::open(d.path + "/h.db", &err);
  ASSERT_TRUE(h) << err;
  auto s = h->last_state("net");
  ASSERT_EQ(s.nodes.size(), 2u);
  EXPECT_EQ(s.nodes[0].height, 30u);
  EXPECT_EQ(s.nodes[1].height, 31u);
  EXPECT_EQ(s.nodes[1].organisation, "org-1");
  EXPECT_FALSE(s.nodes[0].reachable);
  EXPECT_EQ(health_of(s.nodes[0], s.max_height(), 100000), Health::kUnreachable);
  EXPECT_EQ(h->samples("net", "node-0", 0, 5000).size(), 3u);
  EXPECT_TRUE(h->last_state("other").nodes.empty());
}

TEST(History, SamplesThinToOnePerMinuteAfterAnHourAndGoAfterThirtyDays) {
  TempDir d;
  std::string err;
  auto h = History::open(d.path + "/h.db", &err);
  ASSERT_TRUE(h) << err;
  const int64_t start = 1'000'000'020'000;  // on a minute boundary
  for (int64_t t = 0; t < 7200; ++t) ASSERT_TRUE(h->record("net", snapshot(start + t * 1000, static_cast<uint64_t>(t))));
  ASSERT_TRUE(h->record("net", snapshot(start - History::kKeepMs - 1, 0)));  // far too old
  int64_t now = start + 7200 * 1000;
  int64_t removed = h->downsample(now);
  // Per node: the last hour at full rate (3,600), the hour before one per minute (60).
  EXPECT_EQ(h->sample_count(), 2 * (3600 + 60));
  EXPECT_EQ(removed, 2 * (3600 - 60) + 2);
  auto thinned = h->samples("net", "node-0", start, start + 3600 * 1000 - 1);
  ASSERT_EQ(thinned.size(), 60u);
  EXPECT_EQ(thinned[1].t_ms - thinned[0].t_ms, 60000);
}

TEST(History, ADamagedFileIsRefusedWithAReason) {
  TempDir d;
  std::ofstream(d.path + "/h.db") << std::string(8192, 'x');
  std::string err;
  EXPECT_FALSE(History::open(d.path + "/h.db", &err));
  EXPECT_NE(err.find("damaged"), std::string::npos) << err;
}

TEST(History, AWriterKilledMidWriteLosesNothingCommitted) {
  TempDir d;
  std::string path = d.path + "/h.db";
  for (int round = 0; round < 5; ++round) {
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    pid_t pid = fork();
    if (pid == 0) {
      close(pipefd[0]);
      std::string err;
      auto h = History::open(path, &err);
      if (!h) _exit(2);
      for (int64_t k = 0;; ++k) {
        int64_t t = (round * 1'000'000 + k) * 1000;
        if (!h->record("net", snapshot(t, static_cast<uint64_t>(round * 1'000'000 + k)))) _exit(3);
        (void)!write(pipefd[1], &t, sizeof t);  // acknowledged after commit
      }
    }
    close(pipefd[1]);
    int64_t acked = -1, t = 0;
    for (int n = 0; n < 200 + 37 * round && read(pipefd[0], &t, sizeof t) == sizeof t; ++n) acked = t;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    close(pipefd[0]);
    std::string err;
    auto h = History::open(path, &err);
    ASSERT_TRUE(h) << "round " << round << ": " << err;
    auto s = h->last_state("net");
    ASSERT_EQ(s.nodes.size(), 2u);
    EXPECT_GE(s.nodes[0].polled_ms, acked) << "an acknowledged sample was lost in round " << round;
  }
}

TEST(History, ReplayGivesEachNodesLatestSampleAtThatTimeAndStaleOnesAsUnreachable) {
  TempDir d;
  auto h = History::open(d.path + "/h.db", nullptr);
  ASSERT_TRUE(h);
  for (int k = 0; k < 10; ++k) {
    NetworkState s = snapshot(1'000'000 + k * 1000, 100 + static_cast<uint64_t>(k));
    s.nodes[0].committed_txs = 50u * static_cast<uint64_t>(k);
    s.nodes[0].cpu_percent = 12.5;
    if (k >= 5) s.nodes[1].reachable = false;  // node-1 stops answering after 5 s
    ASSERT_TRUE(h->record("net", s));
  }
  auto [first, last] = h->time_range("net");
  EXPECT_EQ(first, 1'000'000);
  EXPECT_EQ(last, 1'009'000);
  NetworkState at = h->state_at("net", 1'003'500, 5000);
  ASSERT_EQ(at.nodes.size(), 2u);
  EXPECT_EQ(at.nodes[0].height, 103u);
  EXPECT_EQ(at.nodes[0].committed_txs, 150u);
  EXPECT_DOUBLE_EQ(at.nodes[0].cpu_percent, 12.5);
  EXPECT_TRUE(at.nodes[1].reachable);
  EXPECT_EQ(at.nodes[1].height, 104u);
  // At 9.5 s node-1's last sample (4 s) is older than the window.
  NetworkState later = h->state_at("net", 1'009'500, 5000);
  EXPECT_TRUE(later.nodes[0].reachable);
  EXPECT_FALSE(later.nodes[1].reachable);
  // Before any sample nothing is known.
  EXPECT_FALSE(h->state_at("net", 900'000, 5000).nodes[0].reachable);
}

TEST(History, AlertsAreRaisedOnceClearedAndListedNewestFirst) {
  TempDir d;
  auto h = History::open(d.path + "/h.db", nullptr);
  ASSERT_TRUE(h);
  ASSERT_TRUE(h->raise_alert("net", {"node-1", "lag", "", 1000, 0, 12}));
  ASSERT_TRUE(h->raise_alert("net", {"node-1", "lag", "", 2000, 0, 15}));  // still active: no second row
  ASSERT_TRUE(h->raise_alert("net", {"node-2", "peers", "", 3000, 0, 1}));
  auto a = h->alerts("net", 0);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].node, "node-2");
  EXPECT_EQ(a[1].raised_ms, 1000);
  EXPECT_DOUBLE_EQ(a[1].value, 12);
  ASSERT_TRUE(h->clear_alert("net", "node-1", "lag", 5000));
  a = h->alerts("net", 0);
  EXPECT_EQ(a[1].cleared_ms, 5000);
  // Raised again after clearing: a new record.
  ASSERT_TRUE(h->raise_alert("net", {"node-1", "lag", "", 6000, 0, 20}));
  EXPECT_EQ(h->alerts("net", 0).size(), 3u);
  // Alerts cleared before `since` are left out; other networks are apart.
  EXPECT_EQ(h->alerts("net", 5500).size(), 2u);
  EXPECT_TRUE(h->alerts("other", 0).empty());
}

TEST(History, AFileFromBeforeTheNewColumnsOpensAndKeepsItsSamples) {
  TempDir d;
  std::string path = d.path + "/old.db";
  // The first release's layout, with one sample.
  std::string sql =
      "CREATE TABLE nodes(network TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT NOT NULL, api TEXT NOT NULL,"
      " metrics TEXT NOT NULL, id_hex TEXT NOT NULL, role TEXT NOT NULL DEFAULT '', PRIMARY KEY(network, name));"
      "CREATE TABLE samples(network TEXT NOT NULL, node TEXT NOT NULL, t_ms INTEGER NOT NULL, height INTEGER NOT NULL,"
      " view INTEGER NOT NULL, view_changes INTEGER NOT NULL, mempool INTEGER NOT NULL, reachable INTEGER NOT NULL,"
      " halted TEXT NOT NULL, PRIMARY KEY(network, node, t_ms)) WITHOUT ROWID;"
      "INSERT INTO nodes VALUES('net', 'node-0', 'org-0', 'a', 'm', 'ff', 'validator');"
      "INSERT INTO samples VALUES('net', 'node-0', 5000, 42, 43, 1, 0, 1, '');";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  std::string error;
  auto h = History::open(path, &error);
  ASSERT_TRUE(h) << error;
  auto s = h->samples("net", "node-0", 0, 10'000);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].height, 42u);
  EXPECT_EQ(s[0].committed_txs, 0u);
  // And it takes new samples with every figure.
  NetworkState n = snapshot(6000, 44);
  n.nodes[0].committed_txs = 7;
  ASSERT_TRUE(h->record("net", n));
  EXPECT_EQ(h->samples("net", "node-0", 0, 10'000).back().committed_txs, 7u);
}

}  // namespace
}  // namespace consortia::console
