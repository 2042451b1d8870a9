// Fund custody (资金存管): UTXO outputs, no double spend, value conserved.
#include <gtest/gtest.h>

#include <random>

#include "state/custody.h"
#include "state/state.h"

namespace consortia {
namespace {

struct CustodyFixture : ::testing::Test {
  const CryptoSuite& suite = ed25519_sha256();
  StateMachine sm{suite};
  StatePtr state = StateSnapshot::empty(suite, kMinProtocolVersion);
  std::vector<std::unique_ptr<Signer>> keys;
  std::map<NodeId, uint64_t> nonces;

  CustodyFixture() {
    for (int i = 0; i < 4; ++i) keys.push_back(suite.signer_from_seed(sha256(as_bytes("acct" + std::to_string(i)))));
  }
  NodeId id(int i) const { return suite.node_id(keys[i]->public_key()); }
  TxPtr tx(int who, const CustodyOp& op) {
    return Transaction::create_unbound(suite, *keys[who], TxKind::kCustody, nonces[id(who)]++, op.encode());
  }
  TxPtr deposit(int who, uint64_t amount) {
    CustodyOp op;
    op.amount = amount;
    return tx(who, op);
  }
  TxPtr transfer(int who, std::vector<OutPoint> in, std::vector<CustodyOutput> out) {
    CustodyOp op;
    op.kind = CustodyOp::Kind::kTransfer;
    op.inputs = std::move(in);
    op.outputs = std::move(out);
    return tx(who, op);
  }
  void apply(std::vector<TxPtr> txs) {
    auto next = sm.apply(state, txs);
    ASSERT_TRUE(next.ok()) << next.error().to_string();
    state = *next;
    EXPECT_EQ(custody_unspent_total(*state), custody_supply(*state)) << "value not conserved";
  }
  std::optional<ErrorCode> receipt(const TxPtr& t) const {
    const Bytes* r = state->get(StateSnapshot::receipt_key(t->id()));
    if (!r) return std::nullopt;
    return static_cast<ErrorCode>((*r)[0]);
  }
};

TEST_F(CustodyFixture, DepositTransferAndWithdrawKeepBalancesAndSupply) {
  auto d = deposit(0, 1000);
  apply({d});
  EXPECT_EQ(custody_balance(*state, id(0)), 1000u);
  auto t = transfer(0, {{d->id(), 0}}, {{id(1), 300}, {id(0), 700}});
  apply({t});
  EXPECT_EQ(custody_balance(*state, id(0)), 700u);
  EXPECT_EQ(custody_balance(*state, id(1)), 300u);
  CustodyOp w;
  w.kind = CustodyOp::Kind::kWithdraw;
  w.inputs = {{t->id(), 0}};
  auto wd = tx(1, w);
  apply({wd});
  EXPECT_EQ(custody_balance(*state, id(1)), 0u);
  EXPECT_EQ(custody_supply(*state), 700u);
  EXPECT_FALSE(receipt(wd).has_value());
}

TEST_F(CustodyFixture, SpendingASpentOutputIsRefusedWithAReason) {
  auto d = deposit(0, 50);
  apply({d});
  auto first = transfer(0, {{d->id(), 0}}, {{id(1), 50}});
  auto second = transfer(0, {{d->id(), 0}}, {{id(2), 50}});  // same input, same block
  apply({first, second});
  EXPECT_FALSE(receipt(first).has_value());
  EXPECT_EQ(receipt(second), ErrorCode::kNotFound);
  EXPECT_EQ(custody_balance(*state, id(1)), 50u);
  EXPECT_EQ(custody_balance(*state, id(2)), 0u);
}

TEST_F(CustodyFixture, OnlyTheOwnerSpendsAndSumsMustMatch) {
  auto d = deposit(0, 10);
  apply({d});
  auto thief = transfer(3, {{d->id(), 0}}, {{id(3), 10}});
  auto inflate = transfer(0, {{d->id(), 0}}, {{id(1), 11}});
  apply({thief, inflate});
  EXPECT_EQ(receipt(thief), ErrorCode::kInvalidArgument);
  EXPECT_EQ(receipt(inflate), ErrorCode::kInvalidArgument);
  EXPECT_EQ(custody_balance(*state, id(0)), 10u);
}

TEST_F(CustodyFixture, AReplayedTransferIsAppliedAtMostOnce) {
  auto d = deposit(0, 10);
  apply({d});
  auto t = transfer(0, {{d->id(), 0}}, {{id(1), 10}});
  apply({t});
  // The network delivers it again: the nonce makes the block invalid.
  auto again = sm.apply(state, {t});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNonceTooLow);
  EXPECT_EQ(custody_balance(*state, id(1)), 10u);
}

TEST_F(CustodyFixture, MalformedOperationsAreInvalid) {
  for (Bytes payload : {Bytes{}, Bytes{1}, Bytes{1, 9}, Bytes{2, 1}}) {
    auto t = Transaction::create_unbound(suite, *keys[0], TxKind::kCustody, 0, payload);
    EXPECT_FALSE(StateMachine::check_payload(*t).ok());
  }
  CustodyOp dup;
  dup.kind = CustodyOp::Kind::kTransfer;
  dup.inputs = {{Hash32{}, 0}, {Hash32{}, 0}};
  dup.outputs = {{id(1), 1}};
  EXPECT_FALSE(CustodyOp::decode(dup.encode()).ok()) << "an input listed twice";
  CustodyOp zero;
  EXPECT_FALSE(CustodyOp::decode(zero.encode()).ok()) << "deposit of zero";
}

TEST_F(CustodyFixture, RandomTrafficWithDoubleSpendsConservesValue) {
  std::mt19937_64 rng(4242);
  std::vector<std::pair<OutPoint, std::pair<int, uint64_t>>> utxos;  // what clients believe
  for (int round = 0; round < 60; ++round) {
    std::vector<TxPtr> block;
    for (int k = 0; k < 5; ++k) {
      int who = static_cast<int>(rng() % 4);
      if (utxos.empty() || rng() % 3 == 0) {
        block.push_back(deposit(who, 1 + rng() % 100));
      } else {
        auto& [point, owner_amount] = utxos[rng() % utxos.size()];
        uint64_t a = owner_amount.second;
        int to = static_cast<int>(rng() % 4);
        // Sometimes the wrong owner, sometimes a stale (spent) output.
        block.push_back(transfer(owner_amount.first, {point}, {{id(to), a}}));
      }
    }
    apply(block);
    utxos.clear();
    std::vector<std::pair<std::string, Bytes>> outputs;
    state->scan("u/", [&](const StateSnapshot::Entry& e) {
      outputs.emplace_back(e.key, e.value);
      return true;
    });
    for (const auto& [key, value] : outputs) {
      auto o = decode_output(value);
      ASSERT_TRUE(o.has_value());
      Bytes tx;
      auto slash = key.find('/', 2);
      ASSERT_TRUE(from_hex(key.substr(2, slash - 2), tx));
      int owner = -1;
      for (int i = 0; i < 4; ++i)
        if (id(i) == o->owner) owner = i;
      utxos.push_back({{Hash32::from(tx), static_cast<uint32_t>(std::stoul(key.substr(slash + 1)))}, {owner, o->amount}});
    }
  }
  EXPECT_GT(custody_supply(*state), 0u);
}

}  // namespace
}  // namespace consortia
