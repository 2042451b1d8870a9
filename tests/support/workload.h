// Signed evidence transactions from a fresh client key, submitted to real
// agents, and whether a transaction is committed: for the integration tests.
#pragma once

#include <random>

#include "agent_cluster.h"
#include "evidence.h"

namespace consortia::agent::testing {

class Workload {
 public:
  // Signs for c's chain, at the protocol its first agent runs when the
  // first transaction is made.
  explicit Workload(const AgentCluster& c, const CryptoSuite& suite = ed25519_sha256()) : cluster_(c), suite_(suite) {
    Hash32 seed;
    std::random_device rd;
    for (auto& b : seed.v) b = static_cast<uint8_t>(rd());
    key_ = suite.signer_from_seed(seed);
  }
  TxPtr next() {
    auto r = test::evidence_record("doc-" + std::to_string(nonce_) + "-" + to_hex(key_->public_key()), "org-0", nonce_);
    if (!chain_) chain_ = cluster_.chain();
    return test::evidence_tx(*key_, *chain_, nonce_++, r, suite_);
  }
  // Submits n transactions to agent i; returns their ids.
  std::vector<Hash32> submit(const AgentCluster& c, int i, size_t n, bool expect_ok = true) {
    return submit(*c.operator_of(i), n, expect_ok);
  }
  // Submits n transactions through an operator's client; returns their ids.
  std::vector<Hash32> submit(pb::AgentService::Stub& client, size_t n, bool expect_ok = true) {
    pb::SubmitRequest req;
    std::vector<Hash32> ids;
    for (size_t k = 0; k < n; ++k) {
      auto tx = next();
      Bytes e = tx->encode();
      req.add_transactions(std::string(e.begin(), e.end()));
      ids.push_back(tx->id());
    }
    grpc::ClientContext ctx;
    pb::SubmitResult res;
    auto st = client.Submit(&ctx, req, &res);
    if (!expect_ok) return ids;
    EXPECT_TRUE(st.ok()) << st.error_message();
    for (const auto& r : res.results()) EXPECT_EQ(r.error(), "");
    return ids;
  }

 private:
  const AgentCluster& cluster_;
  const CryptoSuite& suite_;
  std::optional<TxChain> chain_;
  std::unique_ptr<Signer> key_;
  uint64_t nonce_ = 0;
};

inline bool committed_on(pb::AgentService::Stub& client, const Hash32& tx) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  pb::TransactionRequest r;
  r.set_id(std::string(tx.v.begin(), tx.v.end()));
  pb::TransactionInfo info;
  return client.GetTransaction(&ctx, r, &info).ok() && info.height() > 0;
}

inline bool committed_on(const AgentCluster& c, int i, const Hash32& tx) {
  return committed_on(*c.client(i, c.net().nodes[i].organisation, "viewer"), tx);
}

}  // namespace consortia::agent::testing
