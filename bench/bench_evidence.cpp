// Evidence (存证) figures per crypto suite, on one core:
//  - anchoring: evidence transactions checked (signature) and executed per
//    second, on an empty state and on one already holding `state` records;
//  - proofs: generated per second (state path + header + certificate) over
//    that state and verified per second (state path, header hash, 2f+1
//    certificate signatures);
//  - the resident memory the state takes.
// Execution is protocol version 4 (the state trie).
//   bench_evidence [records=20000] [state=0] [suite]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <malloc.h>
#include <map>
#include <string>

#include "chain/evidence_proof.h"
#include "consensus/certificates.h"
#include "consensus/messages.h"
#include "state/state.h"

using namespace consortia;
using Clock = std::chrono::steady_clock;

static double secs(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

static double rss_mib() {
  malloc_trim(0);  // return what temporaries freed, so RSS is what is held
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024;
  return 0;
}

static EvidenceRecord record(const CryptoSuite& suite, const std::string& name, uint64_t i) {
  EvidenceRecord r;
  r.digest = suite.hash(as_bytes(name + std::to_string(i)));
  r.type = "e-contract";
  r.owner = "bank-a";
  r.timestamp_ms = i;
  return r;
}

// Anchors `txs` on `state` as a node does: each signature checked once,
// executed in blocks of 1,000. Returns transactions per second.
static double anchor(const CryptoSuite& suite, StatePtr& state, const std::vector<TxPtr>& txs) {
  StateMachine sm(suite);
  BlockContext ctx;
  ctx.protocol_version = kMaxProtocolVersion;
  auto t0 = Clock::now();
  for (size_t i = 0; i < txs.size(); i += 1000) {
    std::vector<TxPtr> block(txs.begin() + i, txs.begin() + std::min(txs.size(), i + 1000));
    for (const auto& tx : block)
      if (!tx->verify_signature(suite, Hash32{})) std::exit(1);
    ctx.height++;
    auto next = sm.apply(state, block, ctx);
    if (!next) {
      std::fprintf(stderr, "%s\n", next.error().to_string().c_str());
      std::exit(1);
    }
    state = *next;
  }
  return txs.size() / secs(t0);
}

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
  size_t prefill = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
  std::string only = argc > 3 ? argv[3] : "";
  std::printf("%-16s %10s %12s %12s %6s %10s %10s %10s %9s\n", "suite", "sign tx/s",
              "anchor tx/s", "(on state)", "ratio", "state MiB", "proofs/s", "verify/s",
              "path len");
  for (const CryptoSuite* suite : {&ed25519_sha256(), &sm2_sm3()}) {
    if (!only.empty() && suite->name() != only) continue;
    auto client = suite->signer_from_seed(sha256(as_bytes("bench-client")));
    std::vector<TxPtr> txs;
    auto t0 = Clock::now();
    for (size_t i = 0; i < n; ++i)
      txs.push_back(Transaction::create_unbound(*suite, *client, TxKind::kEvidence, i,
                                        record(*suite, "document-", i).encode()));
    double sign_rate = n / secs(t0);
    StatePtr state = StateSnapshot::empty(*suite, kMaxProtocolVersion);
    double anchor_rate = anchor(*suite, state, txs);
    // The same transactions on a state already holding `prefill` records,
    // anchored as a node would (blocks of 1,000 from other clients), so the
    // memory figure is the state's as a node holds it.
    double rss0 = rss_mib();
    StatePtr big = StateSnapshot::empty(*suite, kMaxProtocolVersion);
    {
      StateMachine sm(*suite);
      BlockContext ctx;
      ctx.protocol_version = kMaxProtocolVersion;
      std::vector<std::unique_ptr<Signer>> earlier;
      for (int c = 0; c < 16; ++c)
        earlier.push_back(suite->signer_from_seed(sha256(as_bytes("earlier-" + std::to_string(c)))));
      for (size_t i = 0; i < prefill; i += 1000) {
        std::vector<TxPtr> block;
        for (size_t k = i; k < std::min(prefill, i + 1000); ++k)
          block.push_back(Transaction::create_unbound(*suite, *earlier[k % 16], TxKind::kEvidence, k / 16,
                                              record(*suite, "earlier-", k).encode()));
        ctx.height++;
        auto next = sm.apply(big, block, ctx);
        if (!next) return 1;
        big = *next;
      }
    }
    double state_mib = rss_mib() - rss0;
    double big_rate = prefill ? anchor(*suite, big, txs) : anchor_rate;
    if (prefill) state = big;
    // A certified header over the final state, signed by 4 validators.
    std::vector<std::unique_ptr<Signer>> vals;
    std::vector<Bytes> keys;
    for (int v = 0; v < 4; ++v) {
      vals.push_back(suite->signer_from_seed(sha256(as_bytes("v" + std::to_string(v)))));
      keys.push_back(vals.back()->public_key());
    }
    BlockHeader h;
    h.height = 1;
    h.view = 1;
    h.protocol_version = kMaxProtocolVersion;
    h.state_root = state->root();
    Hash32 block = Block::header_hash(*suite, h);
    Hash32 chain = sha256(as_bytes("bench-chain"));
    QuorumCertificate qc;
    qc.view = 1;
    qc.height = 1;
    qc.block_hash = block;
    std::vector<Validator> members;
    for (auto& k : keys) members.push_back({NodeId{}, k, "", ""});
    ValidatorSet set(*suite, members);
    for (const auto* m : set.by_id()) {
      for (auto& s : vals)
        if (s->public_key() == m->public_key)
          qc.votes.push_back({m->id, s->sign(vote_payload(chain, 1, 1, block))});
      if (qc.votes.size() == 3) break;
    }
    size_t proofs = std::min<size_t>(n, 20000);
    std::vector<EvidenceProof> made;
    size_t path_len = 0;
    t0 = Clock::now();
    for (size_t i = 0; i < proofs; ++i) {
      EvidenceProof p;
      p.suite = std::string(suite->name());
      p.chain_id = chain;
      p.key = EvidenceRecord::key_for(suite->hash(as_bytes("document-" + std::to_string(i))));
      auto e = state->prove(*suite, p.key);
      if (!e) return 1;
      p.value = e->value;
      p.state_path = e->path;
      path_len += e->path.siblings.size();
      p.header = h;
      p.block_hash = block;
      p.certificate = qc;
      made.push_back(std::move(p));
    }
    double prove_rate = proofs / secs(t0);
    t0 = Clock::now();
    for (const auto& p : made)
      if (!verify_evidence_proof(p, {p.chain_id, keys}).verified) return 1;
    double verify_rate = proofs / secs(t0);
    std::printf("%-16s %10.0f %12.0f %12.0f %6.2f %10.0f %10.0f %10.0f %9.1f\n",
                std::string(suite->name()).c_str(), sign_rate, anchor_rate, big_rate,
                big_rate / anchor_rate, state_mib, prove_rate, verify_rate,
                double(path_len) / proofs);
  }
  return 0;
}
