// The consensus core driven by hand: real nodes, a fake network, a manual clock.
#include <gtest/gtest.h>

#include "../support/cluster.h"
#include "consensus/pacemaker.h"
#include "consensus/safety_rules.h"

namespace consortia {
namespace {

using test::Cluster;
using test::Envelope;

Bytes as_bytes_vec(uint64_t x) {
  Bytes b(8);
  for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(x >> (8 * i));
  return b;
}

TEST(Pacemaker, DoublesTimeoutAfterEachFailedView) {
  Pacemaker pm({1000, 3});  // explicit cap
  pm.restore(1, 0);
  EXPECT_EQ(pm.current_timeout(), 1000);
  EXPECT_TRUE(pm.advance_by_tc(1, 0));
  EXPECT_EQ(pm.view(), 2u);
  EXPECT_EQ(pm.current_timeout(), 2000);
  pm.advance_by_tc(2, 0);
  pm.advance_by_tc(3, 0);
  pm.advance_by_tc(4, 0);
  EXPECT_EQ(pm.current_timeout(), 8000) << "back-off is capped at 2^max";
  EXPECT_EQ(pm.deadline(), 8000);
}

// In view 3 at time 0 after two views that timed out: a 4 s timeout.
Pacemaker after_two_timeouts(uint32_t max_backoff) {
  Pacemaker pm({1000, max_backoff});
  pm.restore(1, 0);
  pm.advance_by_tc(1, 0);
  pm.advance_by_tc(2, 0);
  return pm;
}

TEST(Pacemaker, HalvesTimeoutAgainAfterAViewEndsWithAQuorumCertificate) {
  Pacemaker pm = after_two_timeouts(5);
  EXPECT_EQ(pm.current_timeout(), 4000);
  EXPECT_TRUE(pm.advance_by_qc(3, 100));
  EXPECT_EQ(pm.view(), 4u);
  EXPECT_EQ(pm.current_timeout(), 2000);
  EXPECT_FALSE(pm.advance_by_qc(2, 200)) << "an old QC does not move the view back";
}

TEST(Pacemaker, KeepsTheLongerTimeoutWhileViewsStillNeedMoreThanHalfOfIt) {
  // A network whose rounds take 2.5 s against a 1 s base timeout: a view
  // that needed more than half the current timeout would time out at the
  // halved one, so the timeout stays; halving it on every certificate made
  // every other view time out.
  Pacemaker pm = after_two_timeouts(3);
  EXPECT_EQ(pm.current_timeout(), 4000);
  EXPECT_TRUE(pm.advance_by_qc(3, 2500));
  EXPECT_EQ(pm.current_timeout(), 4000) << "2.5 s of a 4 s timeout: 2 s would not have been enough";
  EXPECT_TRUE(pm.advance_by_qc(4, 3000));
  EXPECT_EQ(pm.current_timeout(), 2000) << "0.5 s of 4 s: half would have done";
}

TEST(Pacemaker, AnIdleAllowanceLengthensTheViewUntilWorkArrives) {
  Pacemaker pm({1000, 3});
  pm.restore(1, 0);
  pm.note_voted(100, 500);
  EXPECT_EQ(pm.deadline(), 1600) << "a timeout from the vote, and the next leader's idle wait";
  pm.drop_allowance();
  EXPECT_EQ(pm.deadline(), 1100) << "work arrived: a silent leader is noticed a timeout after the vote";
}

TEST(Pacemaker, AnIdleWaitDoesNotHoldTheTimeoutUp) {
  Pacemaker pm = after_two_timeouts(3);
  pm.note_voted(300, 1000);
  EXPECT_TRUE(pm.advance_by_qc(3, 2200));
  EXPECT_EQ(pm.current_timeout(), 2000) << "1.9 s from the vote, 1 s of it the next leader's idle wait";
}

TEST(SafetyRules, VotesOnlyForBlocksExtendingThePreviousViewsCertificate) {
  SafetyRules s;
  EXPECT_TRUE(s.safe_to_vote(5, 4, std::nullopt));
  EXPECT_FALSE(s.safe_to_vote(5, 3, std::nullopt)) << "gap without a TC";
  s.record(5);
  EXPECT_FALSE(s.safe_to_vote(5, 4, std::nullopt)) << "one vote per view";
  EXPECT_FALSE(s.safe_to_vote(4, 3, std::nullopt)) << "never back in views";
}

TEST(SafetyRules, AfterATimeoutCertificateRequiresTheHighestCertificateItCarries) {
  SafetyRules s;
  TimeoutCertificate tc;
  tc.view = 9;
  tc.entries = {{NodeId{}, 7, {}}, {NodeId{}, 5, {}}};
  EXPECT_TRUE(s.safe_to_vote(10, 7, tc));
  EXPECT_TRUE(s.safe_to_vote(10, 8, tc));
  EXPECT_FALSE(s.safe_to_vote(10, 6, tc)) << "would drop a possibly committed block";
  EXPECT_FALSE(s.safe_to_vote(11, 7, tc)) << "TC is for another view";
}

TEST(Consensus, FourNodesCommitTheSameBlocks) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 10; }, 30000));
  for (uint64_t h = 1; h <= 10; ++h) {
    Hash32 first = c.commits[0][h - 1]->hash();
    for (size_t i = 1; i < 4; ++i) EXPECT_EQ(c.commits[i][h - 1]->hash(), first) << "height " << h;
  }
  EXPECT_TRUE(c.equivocations.empty());
}

TEST(Consensus, LeadersRotateAndVotesGoOnlyToTheNextLeader) {
  Cluster c(4);
  std::set<NodeId> proposers;
  size_t votes = 0, misdirected = 0;
  auto watch = [&](const Envelope& e) {
    if (auto* p = std::get_if<Proposal>(e.msg.get())) proposers.insert(p->block->header().proposer);
    if (auto* v = std::get_if<Vote>(e.msg.get())) {
      ++votes;
      if (c.node(e.to).validators().leader(v->view + 1) != c.node(e.to).id()) ++misdirected;
    }
    return true;
  };
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 12; }, 30000, 10, watch));
  EXPECT_EQ(proposers.size(), 4u);
  EXPECT_GT(votes, 0u);
  EXPECT_EQ(misdirected, 0u);
}

TEST(Consensus, ClientTransactionsAreCommittedOnEveryNodeOnce) {
  Cluster c(4);
  auto client = c.client(1);
  std::set<Hash32> sent;
  for (uint64_t nonce = 0; nonce < 50; ++nonce) {
    auto tx = c.tx(*client, TxKind::kPut, nonce, Transaction::put_payload("k", as_bytes_vec(nonce)));
    sent.insert(tx->id());
    NodeOutput out;
    ASSERT_TRUE(c.node(nonce % 4).submit(tx, c.now, out).ok());
    c.absorb(nonce % 4, out);
  }
  auto all_in = [&](size_t i) {
    size_t n = 0;
    for (auto& b : c.commits[i]) n += b->txs().size();
    return n == sent.size();
  };
  ASSERT_TRUE(c.run_until([&] { return all_in(0) && all_in(1) && all_in(2) && all_in(3); }, 30000));
  std::set<Hash32> seen;
  for (auto& b : c.commits[2])
    for (auto& tx : b->txs()) EXPECT_TRUE(seen.insert(tx->id()).second) << "applied twice";
  EXPECT_EQ(seen, sent);
  // Resubmitting a committed transaction is refused.
  NodeOutput out;
  auto again = c.tx(*client, TxKind::kPut, 0, Transaction::put_payload("k", as_bytes_vec(0)));
  auto st = c.node(0).submit(again, c.now, out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kNonceTooLow);
}

// A transaction is signed for one chain. Two chains whose clients share a key
// (a test network and production, say): what one commits, the other
// refuses, by submission and by gossip, from protocol 6, the first whose
// transactions sign the chain id. Before it (the parameter's other value) the
// same bytes are valid on both chains: the replay this protocol ends.
class Replay : public ::testing::TestWithParam<uint32_t> {};

TEST_P(Replay, ATransactionCommittedOnOneChainIsRefusedOnAnother) {
  const uint32_t protocol = GetParam();
  const bool bound = protocol >= Transaction::kChainBoundProtocol;
  Cluster a(4, ed25519_sha256(), {}, protocol), b(5, ed25519_sha256(), {}, protocol);
  ASSERT_NE(a.chain().id, b.chain().id);
  auto client = a.client(1);
  auto tx = a.tx(*client, TxKind::kPut, 0, Transaction::put_payload("k", Bytes{1}));
  NodeOutput out;
  ASSERT_TRUE(a.node(0).submit(tx, a.now, out).ok());
  a.absorb(0, out);
  auto committed_on_a = [&] {
    for (auto& blk : a.commits[0])
      for (auto& t : blk->txs())
        if (t->id() == tx->id()) return true;
    return false;
  };
  ASSERT_TRUE(a.run_until(committed_on_a, 30000));

  NodeOutput replayed;
  Status st = b.node(0).submit(tx, b.now, replayed);
  EXPECT_EQ(st.ok(), !bound) << "protocol " << protocol;
  if (bound) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kBadSignature) << st.error().to_string();
    // Nor does a peer get it in: gossip from another member of chain b.
    TxBatch batch;
    batch.txs.push_back(tx);
    b.node(1).on_message(b.node(2).id(), Message{batch}, b.now, replayed);
    EXPECT_EQ(b.node(1).mempool().size(), 0u);
    // And a version 1 transaction, valid on every chain, is refused too.
    auto unbound = Transaction::create_unbound(ed25519_sha256(), *client, TxKind::kPut, 0,
                                               Transaction::put_payload("k", Bytes{1}));
    st = b.node(0).submit(unbound, b.now, replayed);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kUnsupportedInVersion) << st.error().to_string();
  }
}

INSTANTIATE_TEST_SUITE_P(Protocols, Replay,
                         ::testing::Values(Transaction::kChainBoundProtocol - 1, Transaction::kChainBoundProtocol),
                         [](const auto& info) { return "protocol" + std::to_string(info.param); });

TEST(Consensus, SilentLeaderIsReplacedByTimeoutCertificate) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  c.crash(1);
  uint64_t h = c.node(0).status().height;
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= h + 10; }, 120000));
  EXPECT_GT(c.node(0).status().views_by_timeout, 0u) << "views led by the crashed node time out";
}

// Two validators give up on view 1 and their timeouts reach a third, whose
// own timeout then completes the certificate. The first two must get that
// timeout too: otherwise they stay in view 1 until their next retransmission,
// a whole (backed-off) view behind the others, and a 4-agent network could
// keep losing every view at start-up.
TEST(Consensus, ATimeoutThatCompletesTheCertificateIsStillSent) {
  Cluster c(4);
  size_t leader = c.index_of(c.node(0).status().leader);
  std::vector<size_t> others;
  for (size_t i = 0; i < 4; ++i)
    if (i != leader) others.push_back(i);
  size_t x = others[0], y = others[1], z = others[2];
  c.now += 1001;  // past every node's first view timeout
  for (size_t i : {x, y}) {
    NodeOutput out;
    c.node(i).on_tick(c.now, out);
    c.absorb(i, out);
  }
  // Among x, y and z only; the leader hears nothing.
  c.deliver_all([&](const Envelope& e) { return e.to != leader; });
  EXPECT_EQ(c.node(z).status().view, 2u) << "z joined and completed the certificate";
  EXPECT_EQ(c.node(x).status().view, 2u) << "x never got z's timeout";
  EXPECT_EQ(c.node(y).status().view, 2u) << "y never got z's timeout";
}

// A node starting as the leader of its view proposes from its first tick,
// which must come at once: the agent and the simulator sleep until
// next_deadline(), and the view's own deadline is when the others give up.
TEST(Consensus, ALeaderAtStartAsksForATickBeforeItsViewEnds) {
  Cluster c(4);
  size_t leader = c.index_of(c.node(0).status().leader);
  EXPECT_LE(c.node(leader).next_deadline(), c.now);
  NodeOutput out;
  c.node(leader).on_tick(c.now, out);
  // Idle: the proposal waits for the idle interval, well inside the view.
  EXPECT_LT(c.node(leader).next_deadline(), c.now + 1000);
  for (size_t i = 0; i < 4; ++i) {
    if (i == leader) continue;
    NodeOutput o;
    c.node(i).on_tick(c.now, o);
    EXPECT_EQ(c.node(i).next_deadline(), c.now + 1000) << "others wait for the view's end";
  }
  // Driven only at the deadlines each node names, the first view commits
  // its proposal rather than timing out.
  auto settled = [&] {
    for (size_t i = 0; i < 4; ++i)
      if (c.node(i).status().views_by_timeout > 0 || c.node(i).status().high_qc_view > 0) return true;
    return false;
  };
  for (int step = 0; step < 200 && !settled(); ++step) {
    TimeMs next = INT64_MAX;
    for (size_t i = 0; i < 4; ++i) next = std::min(next, c.node(i).next_deadline());
    c.now = std::max(c.now, next);
    for (size_t i = 0; i < 4; ++i) {
      if (c.node(i).next_deadline() > c.now) continue;
      NodeOutput o;
      c.node(i).on_tick(c.now, o);
      c.absorb(i, o);
    }
    c.deliver_all();
  }
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(c.node(i).status().views_by_timeout, 0u) << "node " << i;
  EXPECT_LT(c.now, 2000) << "the first certificate came before the first view's end";
  uint64_t certified = 0;
  for (size_t i = 0; i < 4; ++i) certified = std::max(certified, c.node(i).status().high_qc_view);
  EXPECT_EQ(certified, 1u) << "view 1 certified its block";
}

TEST(Consensus, RestartedNodeResumesFromItsStoreAndCatchesUp) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 5; }, 30000));
  c.crash(3);
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= 40; }, 300000));
  uint64_t before = c.commits[3].size();
  c.open(3);
  EXPECT_EQ(c.node(3).status().height, before) << "resumes at its last committed block";
  ASSERT_TRUE(c.run_until([&] { return c.node(3).status().height >= 45; }, 120000));
  for (size_t h = 0; h < std::min(c.commits[3].size(), c.commits[0].size()); ++h)
    EXPECT_EQ(c.commits[3][h]->hash(), c.commits[0][h]->hash());
}

TEST(Consensus, EquivocatingProposalIsRecordedAsEvidence) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  // Capture the next proposal, forge a second block for the same view, signed
  // by the same (Byzantine) proposer, and send both to node 0.
  std::optional<Envelope> captured;
  c.run_until([&] { return captured.has_value(); }, 10000, 10, [&](const Envelope& e) {
    if (!captured && std::holds_alternative<Proposal>(*e.msg) && e.to == 0) captured = e;
    return true;
  });
  ASSERT_TRUE(captured);
  const auto& p = std::get<Proposal>(*captured->msg);
  BlockHeader h = p.block->header();
  h.timestamp_ms += 1;
  auto other = Block::create(ed25519_sha256(), h, p.block->txs());
  auto signer = ed25519_sha256().signer_from_seed(c.seed(captured->from));
  Proposal p2{other, p.tc, signer->sign(proposal_payload(c.node(0).chain_id(), other->hash()))};
  NodeOutput out;
  c.node(0).on_message(p.block->header().proposer, Message{p2}, c.now, out);
  c.absorb(0, out);
  ASSERT_EQ(c.equivocations.size(), 1u);
  EXPECT_EQ(c.equivocations[0].offender, p.block->header().proposer);
  EXPECT_EQ(c.equivocations[0].view, h.view);
  // The evidence stands on its own: both signatures verify under the
  // offender's key over the two different blocks.
  const auto& e = c.equivocations[0];
  const Bytes& pk = c.genesis().validators[captured->from].public_key;
  const Hash32& chain = c.node(0).chain_id();
  EXPECT_NE(e.first, e.second);
  EXPECT_TRUE(ed25519_sha256().verify(pk, proposal_payload(chain, e.first), e.first_signature));
  EXPECT_TRUE(ed25519_sha256().verify(pk, proposal_payload(chain, e.second), e.second_signature));
}

TEST(Consensus, VoteWithABadSignatureIsRejected) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 1; }, 30000));
  Vote v;
  v.view = c.node(0).status().view + 5;  // ahead of every certificate
  v.height = 99;
  v.voter = c.node(1).id();
  v.signature = Bytes(64, 7);
  for (size_t i = 0; i < 4; ++i) {
    NodeOutput out;
    c.node(i).on_message(c.node(1).id(), Message{v}, c.now, out);
    c.absorb(i, out);
  }
  bool named = false;
  for (auto& r : c.rejections) named |= r.find("bad signature") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(Consensus, SafetyStateIsPersistedBeforeVotesLeave) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  c.crash(2);
  c.open(2);
  // A restarted node never votes again in a view it already voted in.
  auto s = c.node(2).consensus().safety_state();
  EXPECT_GE(s.last_voted_view, 3u);
}

bool rejected(const Cluster& c, const std::string& what) {
  for (const auto& r : c.rejections)
    if (r.find(what) != std::string::npos) return true;
  return false;
}

TEST(Consensus, TimeoutForgedInTheReceiversOwnNameIsRejected) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  TimeoutMsg t;
  t.view = c.node(0).status().view;
  t.high_qc = c.node(0).consensus().high_qc();
  t.sender = c.node(0).id();  // claims to be node 0, sent by node 1
  t.signature = Bytes(64, 1);
  NodeOutput out;
  c.node(0).on_message(c.node(1).id(), Message{t}, c.now, out);
  c.absorb(0, out);
  EXPECT_TRUE(rejected(c, "timeout with a bad signature"));
  uint64_t h = c.node(0).status().height;
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= h + 5; }, 30000))
      << "the forged timeout did not take node 0's place";
}

TEST(Consensus, VoteSignedForAnotherHeightDoesNotPoisonTheCertificate) {
  Cluster c(4);
  auto byz = ed25519_sha256().signer_from_seed(c.seed(3));
  const Hash32 chain = c.node(0).chain_id();
  // Node 3 signs every vote for a wrong height: a validly signed statement
  // about something else. The three honest votes must still make the QC.
  auto keep = [&](const Envelope& e) {
    if (e.from != 3 || !std::holds_alternative<Vote>(*e.msg)) return true;
    Vote v = std::get<Vote>(*e.msg);
    if (v.height >= 1000) return true;  // already the altered one
    v.height += 1000;
    v.signature = byz->sign(vote_payload(chain, v.view, v.height, v.block_hash));
    c.inflight.push_back({3, e.to, std::make_shared<const Message>(v)});
    return false;
  };
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= 15; }, 60000, 10, keep));
  EXPECT_TRUE(c.rejections.empty() || !rejected(c, "proposal QC"))
      << "a leader built a QC that others could not verify";
}

TEST(Consensus, SyncInfoWithAnUnsignedCertificateIsRejected) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  QuorumCertificate fake = c.node(0).consensus().high_qc();
  fake.view += 0;
  fake.height += 7;  // same view and block, another height, no votes
  fake.votes.clear();
  SyncInfo s{fake, std::nullopt};
  uint64_t before = c.node(0).consensus().high_qc().height;
  // Make it the highest QC node 0 has heard of.
  fake.view = c.node(0).consensus().high_qc().view + 1;
  s.high_qc = fake;
  NodeOutput out;
  c.node(0).on_message(c.node(2).id(), Message{s}, c.now, out);
  c.absorb(0, out);
  EXPECT_TRUE(rejected(c, "sync info QC"));
  EXPECT_EQ(c.node(0).consensus().high_qc().height, before);
}

// Any peer could switch off block sync: sync info naming blocks that do not
// exist filled the table of wanted blocks (it held eight, each kept for
// about 19 s of retries), so a node that fell behind never caught up. Only
// a verified certificate may claim the table; what an unverifiable one
// names gets a few short-lived places.
TEST(Consensus, SyncInfoNamingBlocksThatDoNotExistCannotStopANodeCatchingUp) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  c.crash(3);
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= 30; }, 300000));
  c.open(3);
  uint64_t target = c.node(0).status().height;
  NodeId attacker = c.node(1).id();
  int round = 0;
  bool caught_up = false;
  // Unattacked, it catches up in under a second; eight forged claims every
  // 100 ms kept it behind for good.
  for (TimeMs t = 0; t < 10000 && !caught_up; t += 100, ++round) {
    for (int i = 0; i < 8; ++i) {
      QuorumCertificate fake = c.node(0).consensus().high_qc();
      fake.view += 10 + static_cast<uint64_t>(i);
      fake.height = 1000 + static_cast<uint64_t>(round * 8 + i);
      fake.block_hash = sha256(as_bytes("no such block " + std::to_string(round) + "/" + std::to_string(i)));
      NodeOutput out;
      c.node(3).on_message(attacker, Message{SyncInfo{fake, std::nullopt}}, c.now, out);
      c.absorb(3, out);
    }
    caught_up = c.run_until([&] { return c.node(3).status().height >= target; }, 100);
  }
  EXPECT_TRUE(caught_up) << "node 3 at " << c.node(3).status().height << " of " << target << ": "
                         << c.node(3).consensus().debug_string();
}

// A peer that answers its own claim with a made-up block hanging just above
// what the node committed made that block the lowest of the fetched chains,
// so the node kept asking the peer for its parent and never for the parent
// of the real chain it was fetching: a node more than one batch behind
// stayed behind. The real chain now goes first.
TEST(Consensus, AMadeUpChainHangingLowDoesNotKeepTheRealOneFromBeingFetched) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  c.crash(3);
  ASSERT_TRUE(c.run_until([&] { return c.node(0).status().height >= 100; }, 600000));
  c.open(3);
  uint64_t target = c.node(0).status().height;
  NodeId attacker = c.node(1).id();
  const CryptoSuite& suite = ed25519_sha256();
  bool caught_up = false;
  for (int round = 0; round < 100 && !caught_up; ++round) {
    uint64_t committed = c.node(3).status().height;
    BlockHeader h;
    h.height = committed + 2;
    h.view = 1'000'000 + static_cast<uint64_t>(round);
    h.parent_hash = sha256(as_bytes("made-up parent " + std::to_string(round)));
    h.justify.view = h.view - 1;
    h.justify.height = committed + 1;
    h.justify.block_hash = h.parent_hash;
    h.justify.votes = {SignerEntry{attacker, Bytes(64, 7)}};
    BlockPtr fake = Block::create(suite, h, {});
    QuorumCertificate claim = c.node(0).consensus().high_qc();
    claim.view += 50;
    claim.height = committed + 2;
    claim.block_hash = fake->hash();
    NodeOutput out;
    c.node(3).on_message(attacker, Message{SyncInfo{claim, std::nullopt}}, c.now, out);
    c.absorb(3, out);
    NodeOutput out2;
    c.node(3).on_message(attacker, Message{BlockResponse{{fake}}}, c.now, out2);
    c.absorb(3, out2);
    caught_up = c.run_until([&] { return c.node(3).status().height >= target; }, 100);
  }
  EXPECT_TRUE(caught_up) << "node 3 at " << c.node(3).status().height << " of " << target;
}

TEST(Consensus, RestartedLeaderNeverSignsASecondProposalForItsView) {
  Cluster c(4);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 30000));
  std::map<uint64_t, std::set<Hash32>> proposals;  // view -> blocks proposed
  auto watch = [&](const Envelope& e) {
    if (auto* p = std::get_if<Proposal>(e.msg.get())) proposals[p->block->view()].insert(p->block->hash());
    return true;
  };
  for (int round = 0; round < 6; ++round) {
    size_t leader = c.index_of(c.node(0).status().leader);
    c.run_until([] { return false; }, 40, 10, watch);
    c.crash(leader);
    c.open(leader);
    c.run_until([] { return false; }, 200, 10, watch);
  }
  for (const auto& [view, blocks] : proposals) EXPECT_EQ(blocks.size(), 1u) << "view " << view;
  EXPECT_TRUE(c.equivocations.empty());
}

// More than f validators signing two chains is beyond what BFT tolerates.
// A node that then sees a certified chain committing a block that conflicts
// with what it committed stops, in every build, and says why; it never
// carries on beside a quorum that contradicted it.
TEST(Consensus, ACertifiedChainConflictingWithTheCommittedOneHaltsTheNode) {
  // Two clusters with the same validator keys build two chains: A's from
  // view 5 (its first proposals are lost), B's from view 1.
  auto recorder = [](std::map<uint64_t, Proposal>& by_height, uint64_t from_view) {
    return [&by_height, from_view](const Envelope& e) {
      auto* p = std::get_if<Proposal>(e.msg.get());
      if (!p) return true;
      if (p->block->view() < from_view) return false;
      by_height.emplace(p->block->height(), *p);
      return true;
    };
  };
  Cluster a(4), b(4);
  std::map<uint64_t, Proposal> pa, pb;
  ASSERT_TRUE(a.run_until([&] { return pa.size() >= 3; }, 120000, 10, recorder(pa, 5)));
  ASSERT_TRUE(b.run_until([&] { return pb.size() >= 4; }, 30000, 10, recorder(pb, 1)));
  ASSERT_EQ(pa.begin()->first, 1u);
  ASSERT_EQ(pb.begin()->first, 1u);
  ASSERT_NE(pa.at(1).block->hash(), pb.at(1).block->hash());
  // A validator's node that hears both.
  MemoryBlockStore store;
  auto x = Node::open(b.genesis(), {}, ed25519_sha256(), ed25519_sha256().signer_from_seed(b.seed(3)), store, nullptr,
                      b.now);
  ASSERT_TRUE(x.ok());
  Node& node = **x;
  TimeMs now = std::max(a.now, b.now);
  NodeId from = node.validators().members()[0].id;
  std::vector<Commit> commits;
  auto hear = [&](const Proposal& p) {
    NodeOutput out;
    node.on_message(from, Message{p}, now, out);
    for (auto& c : out.commits) commits.push_back(c);
  };
  hear(pb.at(1));  // B's blocks 1 and 2 enter its tree
  hear(pb.at(2));
  hear(pa.at(1));  // A's chain commits A's block 1
  hear(pa.at(2));
  hear(pa.at(3));
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0].block->hash(), pa.at(1).block->hash());
  EXPECT_TRUE(node.status().halted.empty());
  // B's chain goes on: its block 3 certifies block 2, block 4 certifies 3,
  // which commits B's block 2 on top of B's block 1, not A's.
  hear(pb.at(3));
  hear(pb.at(4));
  EXPECT_EQ(commits.size(), 1u) << "nothing of the conflicting chain is committed";
  std::string halted = node.status().halted;
  EXPECT_NE(halted.find("conflicts with the committed one"), std::string::npos) << halted;
  EXPECT_NE(halted.find(pb.at(2).block->hash().short_hex()), std::string::npos) << halted;
  // Halted, it takes no more input.
  NodeOutput out;
  node.on_tick(now + 60000, out);
  EXPECT_TRUE(out.messages.empty());
  // Nor asks to be woken for timers it will not run: a deadline left behind
  // would wake the agent's node thread every millisecond while it is halted.
  EXPECT_GT(node.next_deadline(), now + 60000 + 3600 * 1000);
}

}  // namespace
}  // namespace consortia
