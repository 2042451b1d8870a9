// Four nodes in one process on real threads, zero-latency network, real
// Ed25519: committed transactions per second of wall time, against the crypto
// limit = cores x single-core verify rate / nodes (each node checks each
// transaction's signature once).
//
//   bench_inprocess [transactions=40000] [cores=2]
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>

#include "chain/node.h"

using namespace consortia;
using Clock = std::chrono::steady_clock;

namespace {

double verify_rate() {
  const CryptoSuite& s = ed25519_sha256();
  auto k = s.signer_from_seed(sha256(as_bytes("bench")));
  Bytes msg(120, 7);
  Bytes sig = k->sign(msg);
  auto t0 = Clock::now();
  int n = 0;
  while (Clock::now() - t0 < std::chrono::seconds(1)) {
    for (int i = 0; i < 100; ++i) n += s.verify(k->public_key(), msg, sig);
  }
  return n / std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Inbox {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::pair<NodeId, MessagePtr>> q;
};

}  // namespace

int main(int argc, char** argv) {
  size_t total = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 40000;
  int cores = argc > 2 ? std::atoi(argv[2]) : 2;
  const CryptoSuite& suite = ed25519_sha256();
  const size_t n = 4;
  double rate = verify_rate();
  double limit = cores * rate / n;

  Genesis g;
  std::vector<Hash32> seeds;
  for (size_t i = 0; i < n; ++i) {
    seeds.push_back(sha256(as_bytes("bench-node-" + std::to_string(i))));
    g.validators.push_back({NodeId{}, suite.signer_from_seed(seeds[i])->public_key(), "n", "o"});
  }
  // Pre-signed workload: clients are not what is measured.
  std::printf("signing %zu transactions...\n", total);
  std::vector<TxPtr> txs;
  const size_t clients = 200;
  std::vector<std::unique_ptr<Signer>> keys;
  for (size_t c = 0; c < clients; ++c)
    keys.push_back(suite.signer_from_seed(sha256(as_bytes("client-" + std::to_string(c)))));
  g.params.max_block_txs = 4000;
  const TxChain chain{g.block(suite)->hash(), g.protocol_version};
  for (size_t i = 0; i < total; ++i)
    txs.push_back(Transaction::create(suite, *keys[i % clients], chain, TxKind::kNoop, i / clients, Bytes(8, 0)));

  NodeConfig cfg;
  cfg.mempool.max_block_txs = 4000;
  cfg.gossip_batch = 2000;
  std::vector<std::unique_ptr<MemoryBlockStore>> stores;
  std::vector<std::unique_ptr<Node>> nodes;
  std::vector<Inbox> inbox(n);
  std::vector<NodeId> ids;
  auto t_start = Clock::now();
  auto now_ms = [&] {
    return static_cast<TimeMs>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t_start).count() + 1000);
  };
  for (size_t i = 0; i < n; ++i) {
    stores.push_back(std::make_unique<MemoryBlockStore>());
    auto node = Node::open(g, cfg, suite, suite.signer_from_seed(seeds[i]), *stores[i], nullptr, now_ms());
    if (!node) {
      std::fprintf(stderr, "%s\n", node.error().to_string().c_str());
      return 2;
    }
    ids.push_back((*node)->id());
    nodes.push_back(std::move(*node));
  }
  std::atomic<size_t> committed_min{0};
  std::vector<std::atomic<size_t>> committed(n);
  std::atomic<bool> stop{false};
  auto deliver = [&](size_t from, NodeOutput& out) {
    for (auto& m : out.messages)
      for (size_t to = 0; to < n; ++to) {
        if (to == from || (m.to && *m.to != ids[to])) continue;
        std::lock_guard<std::mutex> l(inbox[to].mu);
        inbox[to].q.emplace_back(ids[from], m.msg);
        inbox[to].cv.notify_one();
      }
    for (auto& c : out.commits) committed[from] += c.block->txs().size();
  };
  auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (size_t i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      // Each node takes a quarter of the client traffic, in chunks.
      size_t next = i;
      while (!stop) {
        NodeOutput out;
        for (int k = 0; k < 500 && next < total; ++k, next += n)
          (void)nodes[i]->submit(txs[next], now_ms(), out);
        std::deque<std::pair<NodeId, MessagePtr>> batch;
        {
          std::unique_lock<std::mutex> l(inbox[i].mu);
          if (inbox[i].q.empty() && next >= total)
            inbox[i].cv.wait_for(l, std::chrono::milliseconds(2));
          batch.swap(inbox[i].q);
        }
        for (auto& [from, msg] : batch) nodes[i]->on_message(from, *msg, now_ms(), out);
        nodes[i]->on_tick(now_ms(), out);
        deliver(i, out);
        size_t lo = total;
        for (size_t j = 0; j < n; ++j) lo = std::min(lo, committed[j].load());
        committed_min = lo;
        if (lo >= total) stop = true;
        if (Clock::now() - t0 > std::chrono::seconds(120)) stop = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  double tps = committed_min / secs;
  std::printf("ed25519 verify rate (1 core): %.0f/s\n", rate);
  std::printf("crypto limit (%d cores x rate / %zu nodes): %.0f tx/s\n", cores, n, limit);
  std::printf("committed on all nodes: %zu tx in %.2f s = %.0f tx/s (%.0f%% of the limit)\n",
              committed_min.load(), secs, tps, 100 * tps / limit);
  std::printf("blocks: %llu\n", static_cast<unsigned long long>(nodes[0]->status().height));
  return committed_min >= total ? 0 : 1;
}
