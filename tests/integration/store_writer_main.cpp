// consortia-store-writer DBPATH COUNT: appends COUNT blocks of signed
// transactions to a SQLite block store, printing "acked <height>" after each
// append returns. The crash test kills it with SIGKILL mid-write.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/sqlite_block_store.h"

using namespace consortia;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: consortia-store-writer DBPATH COUNT\n");
    return 2;
  }
  const CryptoSuite& suite = ed25519_sha256();
  auto store = SqliteBlockStore::open(argv[1], suite);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
    return 1;
  }
  auto state = (*store)->load_state();
  if (!state) {
    std::fprintf(stderr, "%s\n", state.error().to_string().c_str());
    return 1;
  }
  StatePtr cur = *state;
  Hash32 parent;
  uint64_t ts = 1;
  if ((*store)->tip_height() > 0) {
    auto tip = (*store)->block_at((*store)->tip_height());
    if (!tip) return 1;
    parent = (*tip)->hash();
    ts = (*tip)->header().timestamp_ms + 1;
  }
  auto key = suite.signer_from_seed(sha256(as_bytes("store-writer")));
  StateMachine sm(suite);
  long count = std::atol(argv[2]);
  for (long i = 0; i < count; ++i) {
    uint64_t nonce = cur->next_nonce(suite.node_id(key->public_key()));
    std::vector<TxPtr> txs;
    for (int k = 0; k < 20; ++k)
      txs.push_back(Transaction::create(
          suite, *key, TxKind::kPut, nonce + k,
          Transaction::put_payload("key-" + std::to_string((nonce + k) % 50), Bytes(64, static_cast<uint8_t>(k)))));
    auto next = sm.apply(cur, txs);
    if (!next) return 1;
    BlockHeader h;
    h.height = (*store)->tip_height() + 1;
    h.view = h.height;
    h.parent_hash = parent;
    h.tx_root = Block::compute_tx_root(suite, txs);
    h.state_root = (*next)->root();
    h.timestamp_ms = ts++;
    auto b = Block::create(suite, h, txs);
    if (auto st = (*store)->append(b, *next); !st) {
      std::fprintf(stderr, "%s\n", st.error().to_string().c_str());
      return 1;
    }
    std::printf("acked %llu\n", static_cast<unsigned long long>(b->height()));
    std::fflush(stdout);
    parent = b->hash();
    cur = *next;
  }
  return 0;
}
