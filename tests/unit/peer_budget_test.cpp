// A peer's budget: its share of the queue to the node's thread, and a token
// bucket of signature checks that a bad signature drains far faster.
#include <gtest/gtest.h>

#include "crypto/crypto_suite.h"
#include "peer_budget.h"

namespace consortia::agent {
namespace {

NodeId peer(const char* name) { return sha256(as_bytes(name)); }

TEST(PeerBudget, EachPeerHasItsShareOfTheQueueAndTheTotalIsBounded) {
  PeerBudget b(PeerBudgetLimits{.queued_bytes_per_peer = 100, .queued_bytes_total = 250});
  const NodeId a = peer("a"), c = peer("c"), d = peer("d");
  EXPECT_TRUE(b.enqueue(a, 60));
  EXPECT_FALSE(b.enqueue(a, 41)) << "past a's share";
  EXPECT_TRUE(b.enqueue(a, 40));
  EXPECT_TRUE(b.enqueue(c, 100)) << "a full share of one leaves the others theirs";
  EXPECT_FALSE(b.enqueue(d, 51)) << "past the total";
  EXPECT_TRUE(b.enqueue(d, 50));
  EXPECT_EQ(b.queued_bytes(), 250u);
  b.dequeue(a, 60);
  EXPECT_EQ(b.queued_bytes(a), 40u);
  EXPECT_TRUE(b.enqueue(a, 60));
  // Giving back more than was taken (a message counted before a restart of
  // the count, say) never wraps.
  b.dequeue(d, 1000);
  EXPECT_EQ(b.queued_bytes(d), 0u);
  EXPECT_EQ(b.queued_bytes(), 200u);
}

TEST(PeerBudget, SignatureChecksRefillAtTheirRateAndBadOnesCostMore) {
  PeerBudget b(PeerBudgetLimits{.signatures_per_s = 1000, .signature_burst = 2000, .bad_signature_cost = 500});
  const NodeId a = peer("a"), c = peer("c");
  int64_t t = 1'000'000;
  EXPECT_TRUE(b.take_signatures(a, 2000, t)) << "a full bucket to start";
  EXPECT_FALSE(b.take_signatures(a, 1, t));
  EXPECT_TRUE(b.take_signatures(c, 2000, t)) << "per peer";
  EXPECT_TRUE(b.take_signatures(a, 500, t + 500)) << "half a second refills 500";
  EXPECT_FALSE(b.take_signatures(a, 1, t + 500));
  EXPECT_TRUE(b.take_signatures(a, 2000, t + 60'000)) << "refilled to the burst, no further";
  EXPECT_FALSE(b.take_signatures(a, 1, t + 60'000));
  // Four bad signatures: 2,000 tokens of debt, two seconds without checks.
  b.charge_bad(a, 4, t + 60'000);
  EXPECT_FALSE(b.take_signatures(a, 1, t + 61'000));
  EXPECT_TRUE(b.take_signatures(a, 1, t + 62'100));
  // Debt is bounded: a flood of bad ones silences a peer for burst / rate
  // seconds past its last, not for good.
  b.charge_bad(a, 1'000'000, t + 70'000);
  EXPECT_FALSE(b.take_signatures(a, 1, t + 71'000));
  EXPECT_TRUE(b.take_signatures(a, 1, t + 72'100));
}

}  // namespace
}  // namespace consortia::agent
