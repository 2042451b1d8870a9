// Governance in the state machine: who may propose and approve, thresholds,
// expiry, withdrawal, membership checks, upgrade plans, parameters, the
// version-2 rule change, custodians; and that every refusal carries a
// reason code and changes nothing but the sender's nonce and its receipt.
#include <gtest/gtest.h>

#include <map>

#include "chain/genesis.h"
#include "state/custody.h"
#include "state/governance.h"
#include "state/state.h"

namespace consortia {
namespace {

Hash32 seed(const std::string& s) { return sha256(as_bytes(s)); }

class GovernanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 4; ++i) {
      admins_.push_back(suite_.signer_from_seed(seed("admin" + std::to_string(i))));
      g_.organisations.push_back(Organisation{"org-" + std::to_string(i), "Org " + std::to_string(i),
                                              {admins_.back()->public_key()}, "", false});
    }
    for (int i = 0; i < 5; ++i) {
      nodes_.push_back(suite_.signer_from_seed(seed("node" + std::to_string(i))));
      Validator v{NodeId{}, nodes_.back()->public_key(), "n" + std::to_string(i),
                  "org-" + std::to_string(i % 4)};
      (i < 4 ? g_.validators : g_.observers).push_back(v);
    }
    g_.params.proposal_ttl_blocks = 20;
    state_ = g_.state(suite_);
    // Every validator proposes a block: all are live.
    for (int i = 0; i < 4; ++i) block({}, id(i));
  }

  NodeId id(int node) const { return suite_.node_id(nodes_[node]->public_key()); }
  NodeId admin_id(int org) const { return suite_.node_id(admins_[org]->public_key()); }

  // Executes a block of transactions on the current state.
  void block(std::vector<TxPtr> txs, NodeId proposer = {}, uint32_t version = 1) {
    ++height_;
    now_ms_ += step_ms_;
    auto next = sm_.apply(state_, txs, BlockContext{height_, version, proposer, now_ms_});
    ASSERT_TRUE(next.ok()) << next.error().to_string();
    state_ = *next;
  }

  TxPtr tx(const Signer& s, TxKind kind, Bytes payload) {
    NodeId who = suite_.node_id(s.public_key());
    return Transaction::create_unbound(suite_, s, kind, nonce_[who]++, std::move(payload));
  }
  TxPtr propose(int org, GovAction a) {
    GovOp op;
    op.action = std::move(a);
    return tx(*admins_[org], TxKind::kGovernance, op.encode());
  }
  TxPtr vote(int org, const Hash32& proposal, GovOp::Kind kind = GovOp::Kind::kApprove) {
    GovOp op;
    op.kind = kind;
    op.proposal = proposal;
    return tx(*admins_[org], TxKind::kGovernance, op.encode());
  }
  static GovAction on_node(GovAction::Type t, const NodeId& n) {
    GovAction a;
    a.type = t;
    a.node = n;
    return a;
  }
  GovAction upgrade(std::string name, uint64_t at, uint32_t version) {
    GovAction a;
    a.type = GovAction::Type::kUpgrade;
    a.plan = UpgradePlan{std::move(name), at, version, seed("release")};
    return a;
  }

  std::optional<ErrorCode> receipt(const TxPtr& t) const {
    const Bytes* r = state_->get(StateSnapshot::receipt_key(t->id()));
    if (!r) return std::nullopt;
    return static_cast<ErrorCode>((*r)[0]);
  }
  std::optional<GovProposal> proposal(const TxPtr& t) const {
    const Bytes* v = state_->get(GovProposal::key_for(t->id()));
    if (!v) return std::nullopt;
    auto p = GovProposal::decode(*v);
    return p ? std::optional<GovProposal>(*p) : std::nullopt;
  }
  std::shared_ptr<const ChainConfig> config() const { return config_at(*state_, height_); }

  // Everything in the state except nonces and receipts.
  std::map<std::string, Bytes> governed() const {
    std::map<std::string, Bytes> m;
    state_->scan("", [&](const StateSnapshot::Entry& e) {
      const std::string& k = e.key;
      if (k.rfind("n/", 0) != 0 && k.rfind("x/", 0) != 0 && k.rfind("g/seen/", 0) != 0)
        m.emplace(k, e.value);
      return true;
    });
    return m;
  }

  // Expects `t` to be refused with `code` and nothing governed to change.
  void expect_refused(const TxPtr& t, ErrorCode code) {
    auto before = governed();
    block({t});
    EXPECT_EQ(receipt(t), code) << error_code_name(receipt(t).value_or(ErrorCode::kOk));
    EXPECT_EQ(governed(), before);
  }

  const CryptoSuite& suite_ = ed25519_sha256();
  StateMachine sm_{suite_};
  Genesis g_;
  std::vector<std::unique_ptr<Signer>> admins_, nodes_;
  std::map<NodeId, uint64_t> nonce_;
  StatePtr state_;
  uint64_t height_ = 0;
  uint64_t now_ms_ = 0;
  uint64_t step_ms_ = 1000;  // block time between blocks
};

TEST_F(GovernanceTest, GenesisStateHoldsTheConfiguration) {
  auto c = config_at(*g_.state(suite_), 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->validators().size(), 4u);
  EXPECT_EQ(c->members.size(), 5u);
  EXPECT_EQ(c->members[4].role, MemberRole::kObserver);
  EXPECT_EQ(c->members[0].id, id(0));
  EXPECT_EQ(*c, g_.config(suite_));
  EXPECT_EQ(c->version_at(1'000'000), 1u);
}

// From protocol 5 a plan applies only to blocks anchored where a cancel can
// no longer be enacted; before it, at its height whatever the anchor.
TEST_F(GovernanceTest, FromProtocolFiveAPlanAppliesOnlyToBlocksAnchoredPastItsCancelMargin) {
  ChainConfig c = g_.config(suite_);
  c.genesis_version = kSettledActivationVersion;
  c.plans.push_back(UpgradePlan{"a", 100, kSettledActivationVersion + 1, seed("x")});
  c.plans.push_back(UpgradePlan{"b", 200, kSettledActivationVersion + 2, seed("y")});
  const uint64_t settled = 100 - GovernanceLimits::kCancelMargin;
  const UpgradePlan* plan = nullptr;
  EXPECT_EQ(c.version_at(99, &plan, 98), kSettledActivationVersion);
  EXPECT_EQ(c.version_at(100, &plan, settled - 1), kSettledActivationVersion);
  EXPECT_EQ(plan, nullptr);
  EXPECT_EQ(c.version_at(130, &plan, settled - 1), kSettledActivationVersion) << "deferred, not skipped";
  EXPECT_EQ(c.version_at(100, &plan, settled), kSettledActivationVersion + 1);
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->name, "a");
  // A later plan waits for the one it builds on.
  EXPECT_EQ(c.version_at(250, &plan, settled - 1), kSettledActivationVersion);
  EXPECT_EQ(c.version_at(250, &plan, 150), kSettledActivationVersion + 1);
  EXPECT_EQ(c.version_at(250, &plan, 200 - GovernanceLimits::kCancelMargin), kSettledActivationVersion + 2);
  EXPECT_EQ(c.version_at(UINT64_MAX), kSettledActivationVersion + 2);
  // A chain below version 5 keeps the rule it was built with.
  c.genesis_version = kSettledActivationVersion - 1;
  c.plans = {UpgradePlan{"a", 100, kSettledActivationVersion, seed("x")},
             UpgradePlan{"b", 200, kSettledActivationVersion + 1, seed("y")}};
  EXPECT_EQ(c.version_at(100, &plan, 0), kSettledActivationVersion);
  EXPECT_EQ(c.version_at(200, &plan, 0), kSettledActivationVersion) << "plan b follows version 5's rule";
  EXPECT_EQ(c.version_at(200, &plan, 200 - GovernanceLimits::kCancelMargin), kSettledActivationVersion + 1);
}

TEST_F(GovernanceTest, ConfigEncodingRoundTripsAndRefusesDamage) {
  ChainConfig c = g_.config(suite_);
  c.plans.push_back(UpgradePlan{"p", 100, 2, seed("x")});
  c.next_params = std::make_pair(uint64_t{50}, ChainParams{});
  Bytes enc = c.encode();
  auto back = ChainConfig::decode(enc);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, c);
  for (size_t cut = 0; cut < enc.size(); cut += 7) {
    Bytes shorter(enc.begin(), enc.begin() + static_cast<long>(cut));
    EXPECT_FALSE(ChainConfig::decode(shorter).ok()) << "truncated at " << cut;
  }
}

// From protocol 6 a certificate can be revoked by governance. Below it the
// proposal is refused as the software of those versions refuses an action it
// does not know (kMalformed), so nodes of either release agree on the state.
TEST_F(GovernanceTest, ACertificateIsRevokedFromProtocolSixAndRefusedAsUnknownBefore) {
  GovAction revoke;
  revoke.type = GovAction::Type::kRevokeCertificate;
  revoke.organisation = "org-1";
  revoke.certificate = seed("a certificate");
  auto early = propose(0, revoke);
  auto before = governed();
  block({early}, {}, ChainConfig::kRevocationVersion - 1);
  EXPECT_EQ(receipt(early), ErrorCode::kMalformed);
  EXPECT_EQ(governed(), before);

  const uint32_t v6 = ChainConfig::kRevocationVersion;
  auto p = propose(0, revoke);
  block({p}, {}, v6);
  EXPECT_EQ(receipt(p), std::nullopt);
  block({vote(1, p->id())}, {}, v6);
  block({vote(2, p->id())}, {}, v6);
  ASSERT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  EXPECT_TRUE(config()->is_revoked(revoke.certificate));
  EXPECT_FALSE(config()->is_revoked(seed("another")));
  EXPECT_FALSE(config_at(*state_, height_ - 1)->is_revoked(revoke.certificate)) << "from the enacting block on";

  // Revoked once: proposing it again is refused at once, as is naming an
  // organisation the chain does not have.
  auto again = propose(0, revoke);
  block({again}, {}, v6);
  EXPECT_EQ(receipt(again), ErrorCode::kDuplicate);
  GovAction stray = revoke;
  stray.organisation = "org-9";
  stray.certificate = seed("stray");
  auto q = propose(0, stray);
  block({q}, {}, v6);
  EXPECT_EQ(receipt(q), ErrorCode::kNotFound);
}

// The revocation list is encoded only when it is not empty: a configuration
// without one is the same bytes as before protocol 6 (the simulator replay
// reference holds runs whose state roots would change otherwise). With one,
// it round-trips sorted; out of order or empty-but-present is refused.
TEST_F(GovernanceTest, TheRevocationListIsEncodedOnlyWhenThereIsOne) {
  ChainConfig c = g_.config(suite_);
  Bytes plain = c.encode();
  c.revoked = {seed("a"), seed("b"), seed("c")};
  std::sort(c.revoked.begin(), c.revoked.end());
  Bytes with = c.encode();
  ASSERT_EQ(with.size(), plain.size() + 1 + 3 * 32);
  EXPECT_TRUE(std::equal(plain.begin(), plain.end(), with.begin()));
  auto back = ChainConfig::decode(with);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(*back, c);
  Bytes unsorted = with;
  std::swap_ranges(unsorted.end() - 64, unsorted.end() - 32, unsorted.end() - 32);
  EXPECT_FALSE(ChainConfig::decode(unsorted).ok());
  Bytes empty_list = plain;
  empty_list.push_back(0);
  EXPECT_FALSE(ChainConfig::decode(empty_list).ok());
}

TEST_F(GovernanceTest, AChangePassesWithMoreThanTwoThirdsOfOrganisations) {
  auto p = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({p});
  EXPECT_EQ(receipt(p), std::nullopt);
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kOpen);
  block({vote(1, p->id())});
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kOpen);  // 2 of 4 is not > 2/3
  EXPECT_EQ(config()->validators().size(), 4u);
  block({vote(2, p->id())});
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  EXPECT_EQ(proposal(p)->enacted_at, height_);
  // The new configuration is recorded from this height; the old one stays
  // readable for blocks anchored before it.
  EXPECT_EQ(config_at(*state_, height_)->validators().size(), 5u);
  EXPECT_EQ(config_at(*state_, height_ - 1)->validators().size(), 4u);
  EXPECT_EQ(config()->validators().back()->id, id(4));
  // A late approval is refused: the proposal is decided.
  expect_refused(vote(3, p->id()), ErrorCode::kConflict);
}

TEST_F(GovernanceTest, OnlyOrganisationAdminsGovern) {
  auto outsider = suite_.signer_from_seed(seed("outsider"));
  GovOp op;
  op.action = on_node(GovAction::Type::kPromote, id(4));
  expect_refused(tx(*outsider, TxKind::kGovernance, op.encode()), ErrorCode::kUnauthorised);
  // A validator's node key is not an admin key either.
  expect_refused(tx(*nodes_[0], TxKind::kGovernance, op.encode()), ErrorCode::kUnauthorised);
  auto p = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({p});
  GovOp approve;
  approve.kind = GovOp::Kind::kApprove;
  approve.proposal = p->id();
  expect_refused(tx(*outsider, TxKind::kGovernance, approve.encode()), ErrorCode::kUnauthorised);
}

TEST_F(GovernanceTest, DoubleApprovalsExpiryAndWithdrawalAreRefusedWithReasons) {
  auto p = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({p});
  expect_refused(vote(0, p->id()), ErrorCode::kDuplicate);  // the proposer's organisation
  block({vote(1, p->id())});
  expect_refused(vote(1, p->id()), ErrorCode::kDuplicate);
  expect_refused(vote(2, seed("no such proposal")), ErrorCode::kNotFound);
  // Only the proposing organisation withdraws.
  expect_refused(vote(1, p->id(), GovOp::Kind::kWithdraw), ErrorCode::kUnauthorised);
  block({vote(0, p->id(), GovOp::Kind::kWithdraw)});
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kWithdrawn);
  expect_refused(vote(2, p->id()), ErrorCode::kConflict);

  auto q = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({q});
  while (height_ <= proposal(q)->expires) block({});
  expect_refused(vote(1, q->id()), ErrorCode::kExpired);
}

TEST_F(GovernanceTest, MembershipChangesThatBreakQuorumOrGoBelowFourAreRefused) {
  // Four validators: removing or demoting one leaves three.
  expect_refused(propose(0, on_node(GovAction::Type::kRemove, id(1))), ErrorCode::kTooFewValidators);
  expect_refused(propose(0, on_node(GovAction::Type::kDemote, id(1))), ErrorCode::kTooFewValidators);
  expect_refused(propose(0, on_node(GovAction::Type::kPromote, id(1))), ErrorCode::kConflict);
  expect_refused(propose(0, on_node(GovAction::Type::kDemote, id(4))), ErrorCode::kConflict);
  expect_refused(propose(0, on_node(GovAction::Type::kPromote, seed("stranger"))), ErrorCode::kNotFound);
  // Only validators 0 and 1 keep proposing for a minute: 2 and 3 are down.
  for (int i = 0; i < 60; ++i) block({}, id(i % 2));
  // Promoting a fifth validator needs 4 for quorum with 2 live (and the new
  // one not yet proven): the "3 -> 4 nodes with 2 alive" trap.
  expect_refused(propose(0, on_node(GovAction::Type::kPromote, id(4))), ErrorCode::kQuorumAtRisk);
  // Once the others are back, it passes.
  for (int i = 0; i < 4; ++i) block({}, id(i));
  auto p = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({p, vote(1, p->id()), vote(2, p->id())});
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  EXPECT_EQ(config()->validators().size(), 5u);
  // One validator-set change at a time.
  auto d = propose(0, on_node(GovAction::Type::kDemote, id(4)));
  expect_refused(d, ErrorCode::kConflict);
  for (uint64_t i = 0; i < GovernanceLimits::kMembershipSpacing; ++i) block({}, id(static_cast<int>(i % 5)));
  auto d2 = propose(0, on_node(GovAction::Type::kDemote, id(4)));
  block({d2, vote(1, d2->id()), vote(2, d2->id())});
  EXPECT_EQ(proposal(d2)->status, GovProposal::Status::kEnacted);
  EXPECT_EQ(config()->validators().size(), 4u);
}

TEST_F(GovernanceTest, ApprovalThatWouldBreakQuorumNowIsRefusedAndTheProposalStaysOpen) {
  for (int i = 0; i < 4; ++i) block({}, id(i));
  auto p = propose(0, on_node(GovAction::Type::kPromote, id(4)));
  block({p, vote(1, p->id())});
  step_ms_ = 5000;
  for (int i = 0; i < 6; ++i) block({}, id(i % 2));  // 2 and 3 go quiet for 30 s
  auto late = vote(2, p->id());
  expect_refused(late, ErrorCode::kQuorumAtRisk);
  EXPECT_EQ(proposal(p)->status, GovProposal::Status::kOpen);
}

TEST_F(GovernanceTest, ObserversJoinAndLeave) {
  auto joiner = suite_.signer_from_seed(seed("joiner"));
  GovAction add;
  add.type = GovAction::Type::kAddObserver;
  add.member = Member{NodeId{}, joiner->public_key(), "joiner", "org-2", MemberRole::kValidator};
  auto p = propose(2, add);
  block({p, vote(0, p->id()), vote(1, p->id())});
  ASSERT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  const Member* m = config()->member(suite_.node_id(joiner->public_key()));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, MemberRole::kObserver);  // always joins as an observer
  expect_refused(propose(2, add), ErrorCode::kDuplicate);
  add.member.public_key = suite_.signer_from_seed(seed("other"))->public_key();
  add.member.organisation = "org-99";
  expect_refused(propose(2, add), ErrorCode::kNotFound);
  auto r = propose(0, on_node(GovAction::Type::kRemove, suite_.node_id(joiner->public_key())));
  block({r, vote(1, r->id()), vote(2, r->id())});
  EXPECT_FALSE(config()->member(suite_.node_id(joiner->public_key())));
}

TEST_F(GovernanceTest, UpgradePlansFollowVersionsAreUniqueAndCancellableInTime) {
  expect_refused(propose(0, upgrade("v3", height_ + 100, 3)), ErrorCode::kUnsupportedVersion);
  expect_refused(propose(0, upgrade("soon", height_ + 2, 2)), ErrorCode::kTooLate);
  GovAction no_digest = upgrade("nodigest", height_ + 100, 2);
  no_digest.plan.binary_sha256 = Hash32{};
  expect_refused(propose(0, no_digest), ErrorCode::kInvalidArgument);

  uint64_t at = height_ + 50;
  auto p = propose(0, upgrade("v2", at, 2));
  block({p, vote(1, p->id()), vote(2, p->id())});
  ASSERT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  const UpgradePlan* plan = nullptr;
  auto enacted = config();  // holds the plan pointed to
  EXPECT_EQ(enacted->version_at(at - 1), 1u);
  EXPECT_EQ(enacted->version_at(at, &plan), 2u);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->name, "v2");

  GovAction cancel;
  cancel.type = GovAction::Type::kCancelUpgrade;
  cancel.plan.name = "v2";
  auto c = propose(1, cancel);
  block({c, vote(2, c->id()), vote(3, c->id())});
  ASSERT_EQ(proposal(c)->status, GovProposal::Status::kEnacted);
  EXPECT_EQ(config()->version_at(at), 1u);
  // A cancelled plan's name is never used again.
  expect_refused(propose(0, upgrade("v2", height_ + 50, 2)), ErrorCode::kConflict);

  at = height_ + 12;
  auto p2 = propose(0, upgrade("v2b", at, 2));
  block({p2, vote(1, p2->id()), vote(2, p2->id())});
  ASSERT_EQ(proposal(p2)->status, GovProposal::Status::kEnacted);
  while (height_ + GovernanceLimits::kCancelMargin <= at) block({});
  cancel.plan.name = "v2b";
  expect_refused(propose(1, cancel), ErrorCode::kTooLate);
}

TEST_F(GovernanceTest, VersionTwoAddsDeleteAndVersionOneRefusesIt) {
  auto& alice = *nodes_[0];
  block({tx(alice, TxKind::kPut, Transaction::put_payload("k", as_bytes("v")))});
  std::string key = StateSnapshot::data_key(suite_.node_id(alice.public_key()), "k");
  auto del = tx(alice, TxKind::kDelete, Bytes{'k'});
  block({del}, {}, 1);
  EXPECT_EQ(receipt(del), ErrorCode::kUnsupportedInVersion);
  EXPECT_TRUE(state_->get(key));
  auto del2 = tx(alice, TxKind::kDelete, Bytes{'k'});
  block({del2}, {}, 2);
  EXPECT_EQ(receipt(del2), std::nullopt);
  EXPECT_FALSE(state_->get(key));
  auto del3 = tx(alice, TxKind::kDelete, Bytes{'k'});
  block({del3}, {}, 2);
  EXPECT_EQ(receipt(del3), ErrorCode::kNotFound);
}

TEST_F(GovernanceTest, ParametersChangeAtAStatedHeightAndBadValuesAreRefused) {
  GovAction a;
  a.type = GovAction::Type::kSetParams;
  a.params = g_.params;
  a.params.min_block_interval_ms = 0;
  GovOp op;
  op.action = a;
  // Refused at decoding: such a transaction never enters a block.
  auto bad = Transaction::create_unbound(suite_, *admins_[0], TxKind::kGovernance, 0, op.encode());
  auto st = StateMachine::check_payload(*bad);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(sm_.apply(state_, {bad}, BlockContext{height_ + 1, 1, {}, now_ms_}).ok());

  a.params.min_block_interval_ms = 200;
  a.params.idle_block_interval_ms = 1000;
  a.effective_height = height_ + 1;
  expect_refused(propose(0, a), ErrorCode::kTooLate);
  a.effective_height = height_ + 10;
  auto p = propose(0, a);
  block({p, vote(1, p->id()), vote(2, p->id())});
  ASSERT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  EXPECT_EQ(config()->params_at(a.effective_height - 1).min_block_interval_ms, 20u);
  EXPECT_EQ(config()->params_at(a.effective_height).min_block_interval_ms, 200u);
}

TEST_F(GovernanceTest, MalformedGovernancePayloadsAreRefusedAtAdmission) {
  for (Bytes junk : {Bytes{}, Bytes{1}, Bytes{1, 9}, Bytes{1, 1, 77}, Bytes{2, 1}}) {
    auto t = Transaction::create_unbound(suite_, *admins_[0], TxKind::kGovernance, 0, junk);
    auto st = StateMachine::check_payload(*t);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kMalformed) << st.error().to_string();
  }
}

TEST_F(GovernanceTest, CustodianOrganisationsAloneDepositOnceNamed) {
  auto client = suite_.signer_from_seed(seed("client"));
  CustodyOp d;
  d.amount = 100;
  auto first = tx(*client, TxKind::kCustody, d.encode());
  block({first});
  EXPECT_EQ(receipt(first), std::nullopt);  // nobody is named: deposits are open
  GovAction a;
  a.type = GovAction::Type::kSetCustodian;
  a.organisation = "org-1";
  a.custodian = true;
  auto p = propose(0, a);
  block({p, vote(1, p->id()), vote(2, p->id())});
  ASSERT_EQ(proposal(p)->status, GovProposal::Status::kEnacted);
  auto second = tx(*client, TxKind::kCustody, d.encode());
  block({second});
  EXPECT_EQ(receipt(second), ErrorCode::kUnauthorised);
  auto by_custodian = tx(*admins_[1], TxKind::kCustody, d.encode());
  block({by_custodian});
  EXPECT_EQ(receipt(by_custodian), std::nullopt);
  EXPECT_EQ(custody_supply(*state_), 200u);
}

}  // namespace
}  // namespace consortia
