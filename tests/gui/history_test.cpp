// The console's history in SQLite: last state after a reopen, retention and
// downsampling, a damaged file refused with a reason, and a writer killed
// with SIGKILL mid-write losing nothing committed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/history.h"

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

}  // namespace
}  // namespace consortia::console
