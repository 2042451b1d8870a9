// consortia-store-writer DBPATH COUNT [FOLD_BLOCKS [INDEX_TXS]]: a real single-validator
// chain node on a SQLite block store (its state log folded every FOLD_BLOCKS,
// its transaction ids indexed every INDEX_TXS
// blocks, so that kills also land in the middle of a fold). It submits signed transactions, drives consensus with a
// fast-forwarded clock, and prints "acked <height>" for every block the node
// reports committed (which it does only after the store's transaction
// returned). The crash test kills it with SIGKILL while it commits.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "chain/node.h"
#include "storage/sqlite_block_store.h"

using namespace consortia;

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr, "usage: consortia-store-writer DBPATH COUNT [FOLD_BLOCKS [INDEX_TXS]]\n");
    return 2;
  }
  const CryptoSuite& suite = ed25519_sha256();
  SqliteBlockStore::Options options;
  if (argc >= 4) options.fold_blocks = static_cast<uint32_t>(std::strtoul(argv[3], nullptr, 10));
  if (argc >= 5) options.index_txs = static_cast<uint32_t>(std::strtoul(argv[4], nullptr, 10));
  auto store = SqliteBlockStore::open(argv[1], suite, options);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
    return 1;
  }
  Hash32 seed = sha256(as_bytes("store-writer-validator"));
  Genesis genesis;
  genesis.chain_name = "crash-test";
  genesis.validators.push_back({NodeId{}, suite.signer_from_seed(seed)->public_key(), "v0", "org"});
  NodeConfig cfg;
  cfg.consensus.min_block_interval_ms = 1;
  // The clock continues from the stored tip so timestamps keep increasing.
  TimeMs now = 1000;
  if ((*store)->tip_height() > 0) {
    auto tip = (*store)->block_at((*store)->tip_height());
    if (!tip) return 1;
    now = static_cast<TimeMs>((*tip)->header().timestamp_ms) + 1000;
  }
  auto node = Node::open(genesis, cfg, suite, suite.signer_from_seed(seed), **store, nullptr, now);
  if (!node) {
    std::fprintf(stderr, "%s\n", node.error().to_string().c_str());
    return 1;
  }
  auto client = suite.signer_from_seed(sha256(as_bytes("store-writer-client")));
  uint64_t nonce = (*node)->consensus().committed_state()->next_nonce(suite.node_id(client->public_key()));
  uint64_t target = (*store)->tip_height() + std::strtoull(argv[2], nullptr, 10);
  while ((*node)->status().height < target) {
    NodeOutput out;
    for (int k = 0; k < 10; ++k) {
      auto tx = Transaction::create(
          suite, *client, TxChain{(*node)->chain_id(), (*node)->next_protocol_version()}, TxKind::kPut, nonce,
          Transaction::put_payload("key-" + std::to_string(nonce % 50), Bytes(64, static_cast<uint8_t>(nonce))));
      if ((*node)->submit(tx, now, out).ok()) ++nonce;
    }
    now += 5;
    (*node)->on_tick(now, out);
    for (const auto& c : out.commits)
      std::printf("acked %llu\n", static_cast<unsigned long long>(c.block->height()));
    std::fflush(stdout);
    if (!(*node)->status().halted.empty()) {
      std::fprintf(stderr, "halted: %s\n", (*node)->status().halted.c_str());
      return 1;
    }
  }
  return 0;
}
