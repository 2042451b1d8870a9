// Evidence (存证) figures per crypto suite, on one core:
//  - anchoring: evidence transactions checked (signature) and executed per second;
//  - proofs: generated per second (state path + header + certificate) and
//    verified per second (Merkle path, header hash, 2f+1 certificate signatures).
//   bench_evidence [records=20000]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "chain/evidence_proof.h"
#include "consensus/certificates.h"
#include "consensus/messages.h"
#include "state/state.h"

using namespace consortia;
using Clock = std::chrono::steady_clock;

static double secs(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
  std::printf("%-16s %12s %12s %12s %12s\n", "suite", "sign tx/s", "anchor tx/s", "proofs/s",
              "verify/s");
  for (const CryptoSuite* suite : {&ed25519_sha256(), &sm2_sm3()}) {
    auto client = suite->signer_from_seed(sha256(as_bytes("bench-client")));
    std::vector<TxPtr> txs;
    auto t0 = Clock::now();
    for (size_t i = 0; i < n; ++i) {
      EvidenceRecord r;
      r.digest = suite->hash(as_bytes("document-" + std::to_string(i)));
      r.type = "e-contract";
      r.owner = "bank-a";
      r.timestamp_ms = i;
      txs.push_back(Transaction::create(*suite, *client, TxKind::kEvidence, i, r.encode()));
    }
    double sign_rate = n / secs(t0);
    // Anchoring as a node does it: check each signature once, execute in blocks of 1,000.
    StateMachine sm(*suite);
    StatePtr state = StateSnapshot::empty(*suite);
    t0 = Clock::now();
    for (size_t i = 0; i < n; i += 1000) {
      std::vector<TxPtr> block(txs.begin() + i, txs.begin() + std::min(n, i + 1000));
      for (const auto& tx : block)
        if (!tx->verify_signature(*suite)) return 1;
      auto next = sm.apply(state, block);
      if (!next) return 1;
      state = *next;
    }
    double anchor_rate = n / secs(t0);
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
    size_t proofs = std::min<size_t>(n, 2000);
    std::vector<EvidenceProof> made;
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
      p.header = h;
      p.block_hash = block;
      p.certificate = qc;
      made.push_back(std::move(p));
    }
    double prove_rate = proofs / secs(t0);
    t0 = Clock::now();
    for (const auto& p : made)
      if (!verify_evidence_proof(p, keys).verified) return 1;
    double verify_rate = proofs / secs(t0);
    std::printf("%-16s %12.0f %12.0f %12.0f %12.0f\n", std::string(suite->name()).c_str(), sign_rate,
                anchor_rate, prove_rate, verify_rate);
  }
  return 0;
}
