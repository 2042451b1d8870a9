// A real node process committing blocks to its SQLite store is killed with
// SIGKILL at random moments; reopening must yield every acknowledged block,
// linked, with a state that matches the tip, and the node must resume. The
// seed that drew the moments is printed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>

#include <cstdio>
#include <filesystem>
#include <random>

#include "chain/node.h"
#include "storage/sqlite_block_store.h"

namespace consortia {
namespace {

std::string writer_path() { return std::string(CONSORTIA_BINARY_DIR) + "/tests/consortia-store-writer"; }

TEST(StorageCrash, SigkillDuringAppendsLosesNothingAcknowledged) {
  uint64_t seed = std::random_device{}();
  if (const char* s = std::getenv("CONSORTIA_CRASH_SEED")) seed = std::strtoull(s, nullptr, 10);
  SCOPED_TRACE("seed " + std::to_string(seed) + " (replay with CONSORTIA_CRASH_SEED)");
  std::mt19937_64 rng(seed);
  char dir_tmpl[] = "/tmp/consortia-crash-XXXXXX";
  ASSERT_NE(mkdtemp(dir_tmpl), nullptr);
  std::string db = std::string(dir_tmpl) + "/node.db";
  uint64_t acked_total = 0;
  for (int round = 0; round < 15; ++round) {
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      dup2(out[1], 1);
      close(out[0]);
      close(out[1]);
      // The state log folds every third block and the transaction index
      // every 25 transactions: kills land before, during and after folds.
      execl(writer_path().c_str(), "consortia-store-writer", db.c_str(), "100000", "3", "25", nullptr);
      _exit(127);
    }
    close(out[1]);
    uint64_t kill_after = 1 + rng() % 40, seen = 0, last = 0;
    // Read "acked N" lines, with a deadline: a writer that stops
    // acknowledging is a failure, not a hang.
    std::string buf;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (seen < kill_after && std::chrono::steady_clock::now() < deadline) {
      pollfd pfd{out[0], POLLIN, 0};
      if (poll(&pfd, 1, 200) <= 0) continue;
      char chunk[512];
      ssize_t n = read(out[0], chunk, sizeof chunk);
      if (n <= 0) break;
      buf.append(chunk, static_cast<size_t>(n));
      for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
        unsigned long long h;
        if (std::sscanf(buf.c_str(), "acked %llu", &h) == 1) last = h, ++seen;
      }
    }
    ASSERT_GE(seen, kill_after) << "round " << round << ": writer stopped acknowledging blocks";
    kill(pid, SIGKILL);  // the writer is in the middle of its next append
    int status = 0;
    waitpid(pid, &status, 0);
    close(out[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": writer exited early";
    ASSERT_GT(last, 0u);
    acked_total = last;

    auto store = SqliteBlockStore::open(db, ed25519_sha256());
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    ASSERT_GE((*store)->tip_height(), acked_total) << "round " << round << ": acknowledged block lost";
    Hash32 parent;
    for (uint64_t h = 1; h <= (*store)->tip_height(); ++h) {
      auto b = (*store)->block_at(h);
      ASSERT_TRUE(b.ok()) << b.error().to_string();
      if (h > 1) {
        ASSERT_EQ((*b)->parent_hash(), parent) << "height " << h;
      }
      parent = (*b)->hash();
      for (const auto& tx : (*b)->txs()) {  // indexed, or held from the blocks above the index
        auto at = (*store)->tx_height(tx->id());
        ASSERT_TRUE(at.ok()) << "round " << round << ", height " << h << ": " << at.error().to_string();
        ASSERT_EQ(*at, h) << "round " << round;
      }
    }
    auto state = (*store)->load_state();
    ASSERT_TRUE(state.ok()) << state.error().to_string();
    auto safety = (*store)->load_safety();
    ASSERT_TRUE(safety.ok()) << safety.error().to_string();
  }
  // Finally the writer resumes from the store and commits further blocks.
  std::string cmd = writer_path() + " " + db + " 5 > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto store = SqliteBlockStore::open(db, ed25519_sha256());
  ASSERT_TRUE(store.ok());
  EXPECT_GE((*store)->tip_height(), acked_total + 5);
  std::filesystem::remove_all(dir_tmpl);
}

}  // namespace
}  // namespace consortia
