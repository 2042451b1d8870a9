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

// Small messages fill a peer's share by their number before their bytes:
// 100,000 empty batches from one member must not fill the node's inbox.
TEST(PeerBudget, APeersShareIsCountedInMessagesToo) {
  PeerBudget b(PeerBudgetLimits{.queued_messages_per_peer = 3});
  const NodeId a = peer("a"), c = peer("c");
  EXPECT_TRUE(b.enqueue(a, 1));
  EXPECT_TRUE(b.enqueue(a, 1));
  EXPECT_TRUE(b.enqueue(a, 1));
  EXPECT_FALSE(b.enqueue(a, 1));
  EXPECT_TRUE(b.enqueue(c, 1)) << "per peer";
  b.dequeue(a, 1);
  EXPECT_TRUE(b.enqueue(a, 1));
}

// A member not counted as a validator gets a few votes, timeouts and
// proposals a second through (one just promoted), not a flood.
TEST(PeerBudget, StatementsOfNonValidatorsPassAtAFewASecond) {
  PeerBudget b(PeerBudgetLimits{.statements_per_s = 10, .statement_burst = 20});
  const NodeId a = peer("a");
  int64_t t = 5'000;
  int passed = 0;
  for (int i = 0; i < 1000; ++i) passed += b.take_statement(a, t);
  EXPECT_EQ(passed, 20);
  EXPECT_FALSE(b.take_statement(a, t + 50));
  EXPECT_TRUE(b.take_statement(a, t + 100)) << "one every 100 ms";
  EXPECT_TRUE(b.take_statement(peer("c"), t)) << "per peer";
}

TEST(PeerBudget, EvidencePassesAtAFewPiecesASecond) {
  PeerBudget b;  // the defaults: 4 a second, 64 at once
  const NodeId a = peer("a");
  int64_t t = 5'000;
  int passed = 0;
  for (int i = 0; i < 10'000; ++i) passed += b.take_evidence(a, t);
  EXPECT_EQ(passed, 64);
  EXPECT_FALSE(b.take_evidence(a, t + 100));
  EXPECT_TRUE(b.take_evidence(a, t + 250)) << "one every 250 ms";
  EXPECT_TRUE(b.take_statement(a, t)) << "its own bucket";
  EXPECT_TRUE(b.take_evidence(peer("c"), t)) << "per peer";
}

}  // namespace
}  // namespace consortia::agent
