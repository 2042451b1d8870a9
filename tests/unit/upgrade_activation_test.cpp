// When an upgrade plan takes effect. A block's rules come from its anchor's
// configuration (consensus/hotstuff.h), and blocks entered through timeouts
// do not move the anchor, so the blocks after a cancel may still be anchored
// below it. Real nodes, a hand-driven network that drops the votes of every
// other view: each certified block then follows a timed-out view.
#include <gtest/gtest.h>

#include <set>

#include "../support/cluster.h"

namespace consortia {
namespace {

using test::Cluster;
using test::Envelope;

class UpgradeActivation : public ::testing::Test {
 protected:
  // Four validators of four organisations; the plan's version is one no
  // node implements, so a block that runs it halts every node.
  explicit UpgradeActivation(uint32_t protocol = kMaxProtocolVersion)
      : c{4, ed25519_sha256(), NodeConfig{}, protocol, 4} {}
  Cluster c;
  std::map<size_t, uint64_t> nonces_;

  TxPtr governance(size_t org, const GovOp& op) {
    auto admin = c.admin(org);
    auto tx = c.tx(*admin, TxKind::kGovernance, nonces_[org]++, op.encode());
    NodeOutput out;
    EXPECT_TRUE(c.node(0).submit(tx, c.now, out).ok());
    c.absorb(0, out);
    return tx;
  }
  TxPtr propose(size_t org, GovAction a) {
    GovOp op;
    op.action = std::move(a);
    return governance(org, op);
  }
  TxPtr approve(size_t org, const Hash32& proposal) {
    GovOp op;
    op.kind = GovOp::Kind::kApprove;
    op.proposal = proposal;
    return governance(org, op);
  }
  bool committed_everywhere(const TxPtr& tx) {
    for (size_t i = 0; i < c.size(); ++i) {
      bool found = false;
      for (const auto& b : c.commits[i])
        for (const auto& t : b->txs()) found = found || t->id() == tx->id();
      if (!found) return false;
    }
    return true;
  }
  // Proposes plan "next" `lead` blocks above the committed height (org-0),
  // waits until the proposal is committed everywhere and approves it with
  // org-1 and org-2; the plan's height.
  uint64_t schedule(uint64_t lead, uint32_t version = kMaxProtocolVersion + 1) {
    GovAction up;
    up.type = GovAction::Type::kUpgrade;
    up.plan = UpgradePlan{"next", c.node(0).status().height + lead, version, sha256(as_bytes("release"))};
    auto p = propose(0, up);
    EXPECT_TRUE(c.run_until([&] { return committed_everywhere(p); }, 30000));
    approve(1, p->id());
    approve(2, p->id());
    return up.plan.height;
  }
  std::string halted() {
    for (size_t i = 0; i < c.size(); ++i)
      if (!c.node(i).status().halted.empty()) return "n" + std::to_string(i) + ": " + c.node(i).status().halted;
    return {};
  }
};

TEST_F(UpgradeActivation, APlanCancelledInTimeNeverAppliesThoughTheBlocksAfterTheCancelCameThroughTimeouts) {
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 5; }, 30000));

  // Schedule the plan and let it commit everywhere.
  const uint64_t activation = schedule(60);
  auto planned = [&] {
    for (size_t i = 0; i < c.size(); ++i)
      if (c.node(i).config()->plans.empty()) return false;
    return true;
  };
  ASSERT_TRUE(c.run_until(planned, 30000));
  ASSERT_LT(c.node(0).status().height + 20, activation);

  // Propose the cancel; once it is committed, drop every odd view's votes:
  // from here each certified block follows a timed-out view, so the anchor
  // stays where it is, below the approvals that enact the cancel.
  GovAction cancel;
  cancel.type = GovAction::Type::kCancelUpgrade;
  cancel.plan.name = "next";
  auto q = propose(0, cancel);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(q); }, 30000));
  uint64_t tip = 0;
  bool dropping = true;
  auto odd_votes_lost = [&](const Envelope& e) {
    auto* v = std::get_if<Vote>(e.msg.get());
    if (!v) return true;
    tip = std::max(tip, v->height);
    return !dropping || v->view % 2 == 0;
  };
  const uint64_t anchor_before = c.node(0).status().height + 2;
  approve(1, q->id());
  approve(2, q->id());
  ASSERT_TRUE(c.run_until([&] { return tip >= activation + 2 || !halted().empty(); }, 600000, 10,
                          odd_votes_lost))
      << "the chain reached height " << tip;
  EXPECT_EQ(halted(), "") << "a cancelled plan halted the chain at height " << activation;
  EXPECT_LE(c.node(0).status().height, anchor_before) << "blocks were committed while votes were lost";

  // The network heals: everything commits past the height on the version
  // before the plan, and the plan is gone.
  dropping = false;
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= activation + 5 || !halted().empty(); },
                          120000, 10, odd_votes_lost));
  EXPECT_EQ(halted(), "");
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_TRUE(c.node(i).config()->plans.empty()) << "node " << i;
    EXPECT_EQ(c.node(i).status().protocol_version, kMaxProtocolVersion) << "node " << i;
  }
}

// Without a cancel the plan activates at its height, and a node without the
// version halts before it, naming the plan.
TEST_F(UpgradeActivation, APlanNotCancelledHaltsNodesWithoutItsVersionAtItsHeight) {
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 5; }, 30000));
  const uint64_t activation = schedule(40);
  ASSERT_TRUE(c.run_until([&] { return !halted().empty(); }, 600000));
  EXPECT_NE(halted().find("next"), std::string::npos) << halted();
  for (size_t i = 0; i < c.size(); ++i)
    EXPECT_LT(c.node(i).status().height, activation) << "node " << i << " ran a block it cannot";
}

// Protocol 6 binds transactions to the chain id. Until it is active the
// chain takes version 1 only (nodes of older software could not read
// version 2); from the block that activates it, version 2 only: the version
// 1 transactions still pending are dropped, new ones are refused, and no
// block of protocol 6 carries one.
class ChainBoundActivation : public UpgradeActivation {
 protected:
  ChainBoundActivation() : UpgradeActivation(Transaction::kChainBoundProtocol - 1) {}
  Status submit(const TxPtr& tx) {
    NodeOutput out;
    Status st = c.node(0).submit(tx, c.now, out);
    c.absorb(0, out);
    return st;
  }
};

TEST_F(ChainBoundActivation, VersionOneTransactionsEndAtTheBlockThatActivatesProtocolSix) {
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 5; }, 30000));
  const uint64_t activation = schedule(40, Transaction::kChainBoundProtocol);
  const CryptoSuite& suite = ed25519_sha256();
  auto client = c.client(0);
  auto put = [](const char* k) { return Transaction::put_payload(k, Bytes{1}); };

  auto early = c.tx(*client, TxKind::kPut, 0, put("early"));
  ASSERT_EQ(early->version(), Transaction::kVersionUnbound);
  ASSERT_TRUE(submit(early).ok());
  auto too_soon = Transaction::create(suite, *client, TxChain{c.chain().id, Transaction::kChainBoundProtocol},
                                      TxKind::kPut, 1, put("too soon"));
  Status st = submit(too_soon);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnsupportedInVersion) << st.error().to_string();
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(early); }, 30000));
  // Version 1, pending past a nonce gap when the protocol changes.
  auto pending = c.tx(*client, TxKind::kPut, 3, put("pending"));
  ASSERT_TRUE(submit(pending).ok());

  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= activation + 2 || !halted().empty(); }, 600000));
  ASSERT_EQ(halted(), "");
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(c.node(i).status().protocol_version, Transaction::kChainBoundProtocol) << "node " << i;
    EXPECT_EQ(c.node(i).mempool().tx_version(), Transaction::kVersionChainBound) << "node " << i;
    EXPECT_EQ(c.node(i).mempool().find_by_leaf(pending->leaf()), nullptr) << "node " << i;
  }
  auto late_unbound = Transaction::create_unbound(suite, *client, TxKind::kPut, 1, put("late"));
  st = submit(late_unbound);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnsupportedInVersion) << st.error().to_string();
  EXPECT_NE(st.error().detail.find("chain id"), std::string::npos) << st.error().detail;
  auto late = c.tx(*client, TxKind::kPut, 1, put("late"));
  ASSERT_EQ(late->version(), Transaction::kVersionChainBound);
  ASSERT_TRUE(submit(late).ok());
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(late); }, 30000));
  size_t before = 0, after = 0;
  for (const auto& b : c.commits[1])
    for (const auto& tx : b->txs()) {
      EXPECT_EQ(tx->version(), Transaction::version_for(b->header().protocol_version)) << "height " << b->height();
      ++(b->header().protocol_version >= Transaction::kChainBoundProtocol ? after : before);
    }
  EXPECT_GT(before, 0u);
  EXPECT_GT(after, 0u);
}

}  // namespace
}  // namespace consortia
