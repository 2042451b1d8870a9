// What a node's SQLite store costs per committed block of evidence (存证)
// transactions: the time append() takes (block, transaction index and state
// written in one durable transaction, synchronous=FULL), measured on one core
// over blocks executed beforehand, so signing and execution are not counted.
//   bench_store [blocks=200] [txs_per_block=1000] [dir=/tmp] [fold_mib]
// (fold_mib: fold the state log after this many MiB; default the store's).
// Prints milliseconds per block, transactions per second of store time and
// the file sizes at the end.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "state/evidence.h"
#include "storage/sqlite_block_store.h"

using namespace consortia;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kUsage =
    "usage: bench_store [blocks=200] [txs_per_block=1000] [dir=/tmp] [fold_mib]\n"
    "Measures what the node's SQLite store costs per committed block of evidence\n"
    "transactions: append() time (block, transaction index and state changes in one\n"
    "durable transaction) over blocks executed beforehand, on one core, in a fresh\n"
    "database under DIR that is removed afterwards. fold_mib: fold the state log\n"
    "into the state table after this many MiB of changes (default: the store's).\n"
    "Prints ms per block (wall and CPU), transactions per second of store CPU, the\n"
    "slowest block (one that writes a slice of a fold), the time to reopen and load\n"
    "the state, and the files' size.\n";

// A whole positive decimal number, or 0.
long positive(const char* text) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  return end != text && *end == '\0' && v > 0 ? v : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  long blocks = argc > 1 ? positive(argv[1]) : 200;
  long per_block = argc > 2 ? positive(argv[2]) : 1000;
  std::string parent_dir = argc > 3 ? argv[3] : "/tmp";
  SqliteBlockStore::Options options;
  long fold_mib = argc > 4 ? positive(argv[4]) : 1;
  if (argc > 4) options.fold_bytes = static_cast<uint64_t>(fold_mib) << 20;
  if (argc > 5 || blocks < 1 || per_block < 1 || fold_mib < 1 || fold_mib > 65536) {
    std::fprintf(stderr, "bench_store: bad arguments\n%s", kUsage);
    return 2;
  }
  const CryptoSuite& suite = ed25519_sha256();
  std::vector<std::unique_ptr<Signer>> clients;
  for (int c = 0; c < 16; ++c)
    clients.push_back(suite.signer_from_seed(sha256(as_bytes("store-client-" + std::to_string(c)))));

  // The chain, executed up front.
  std::vector<std::pair<BlockPtr, StatePtr>> chain;
  StatePtr state = StateSnapshot::empty(suite, kMaxProtocolVersion);
  StateMachine sm(suite);
  Hash32 parent;
  uint64_t i = 0;
  for (long b = 1; b <= blocks; ++b) {
    std::vector<TxPtr> txs;
    for (int k = 0; k < per_block; ++k, ++i) {
      EvidenceRecord r;
      r.digest = suite.hash(as_bytes("document-" + std::to_string(i)));
      r.type = "e-contract";
      r.owner = "bank-" + std::to_string(i % 7);
      r.timestamp_ms = i;
      txs.push_back(Transaction::create_unbound(suite, *clients[i % 16], TxKind::kEvidence, i / 16, r.encode()));
    }
    BlockContext ctx;
    ctx.height = static_cast<uint64_t>(b);
    ctx.protocol_version = kMaxProtocolVersion;
    auto next = sm.apply(state, txs, ctx);
    if (!next) {
      std::fprintf(stderr, "%s\n", next.error().to_string().c_str());
      return 1;
    }
    state = *next;
    BlockHeader h;
    h.height = static_cast<uint64_t>(b);
    h.view = h.height;
    h.parent_hash = parent;
    h.protocol_version = kMaxProtocolVersion;
    h.tx_root = Block::compute_tx_root(suite, txs);
    h.state_root = state->root();
    h.timestamp_ms = h.height;
    auto block = Block::create(suite, h, txs);
    parent = block->hash();
    chain.emplace_back(block, state);
  }

  std::string dir = parent_dir + "/consortia-bench-store-XXXXXX";
  if (!mkdtemp(dir.data())) {
    std::fprintf(stderr, "bench_store: cannot create a directory under %s: %s\n",
                 parent_dir.c_str(), std::strerror(errno));
    return 1;
  }
  auto store = SqliteBlockStore::open(dir + "/node.db", suite, options);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
    return 1;
  }
  std::clock_t c0 = std::clock();
  auto t0 = Clock::now();
  double slowest = 0;  // the block whose append folded the state log, if any did
  for (const auto& [block, st] : chain) {
    auto b0 = Clock::now();
    if (auto s = (*store)->append(block, st); !s) {
      std::fprintf(stderr, "%s\n", s.error().to_string().c_str());
      return 1;
    }
    double took = std::chrono::duration<double>(Clock::now() - b0).count();
    slowest = std::max(slowest, took);
  }
  double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  auto reopened_at = Clock::now();
  store->reset();
  auto again = SqliteBlockStore::open(dir + "/node.db", suite);
  if (!again) return 1;
  auto loaded = (*again)->load_state();
  if (!loaded || (*loaded)->root() != chain.back().second->root()) {
    std::fprintf(stderr, "the reopened state does not match\n");
    return 1;
  }
  double reopen = std::chrono::duration<double>(Clock::now() - reopened_at).count();
  uint64_t bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.is_regular_file()) bytes += f.file_size();
  double txs = double(blocks) * per_block;
  std::printf("blocks %ld of %ld evidence txs, %zu state entries\n", blocks, per_block,
              chain.back().second->size());
  std::printf("append: %.2f ms/block wall, %.2f ms/block cpu, %.0f tx/s of store cpu\n",
              1000 * wall / blocks, 1000 * cpu / blocks, txs / cpu);
  std::printf("slowest block: %.1f ms (state log folds into the table in slices)\n", 1000 * slowest);
  std::printf("reopen and load the state: %.2f s; files %.1f MiB\n", reopen, bytes / 1048576.0);
  again->reset();
  std::filesystem::remove_all(dir);
  return 0;
}
