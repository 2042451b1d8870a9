// The chain under faults (protocol 3): leader reputation skips validators
// that are down, proposals travel compact and rebuild from the mempool, and
// votes are sent again while their view lasts.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "../support/cluster.h"
#include "state/leader_activity.h"

namespace consortia {
namespace {

using test::Cluster;
using test::Envelope;

NodeId id(int i) { return sha256(as_bytes("validator-" + std::to_string(i))); }

std::vector<NodeId> ids(int n) {
  std::vector<NodeId> v;
  for (int i = 0; i < n; ++i) v.push_back(id(i));
  return v;
}

TEST(LeaderActivity, RotationKeepsTheActiveAndSkipsTheFailedAndTheSilent) {
  LeaderActivity a;
  // 7 validators (f = 2): 0..4 vote in every block; 5 never appears; 6 voted
  // once, long ago.
  a.note(1, id(0), {id(0), id(1), id(2), id(3), id(4), id(6)}, {}, 7);
  for (uint64_t h = 2; h <= 40; ++h) a.note(h, id(static_cast<int>(h % 5)), {id(0), id(1), id(2), id(3), id(4)}, {}, 7);
  EXPECT_EQ(a.rotation(ids(7), 41), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  // Validator 2's turn timed out: it sits out for a window...
  a.note(41, id(3), {id(0), id(1), id(3), id(4)}, {id(2)}, 7);
  EXPECT_EQ(a.rotation(ids(7), 42), (std::vector<uint32_t>{0, 1, 3, 4}));
  // ...unless that would leave fewer than f+1: then the active ones lead.
  a.note(42, id(4), {id(0), id(1), id(3), id(4)}, {id(0), id(1), id(3)}, 7);
  EXPECT_EQ(a.rotation(ids(7), 43), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  // Long after, the failure is forgotten and the silent ones stay out.
  for (uint64_t h = 43; h <= 120; ++h) a.note(h, id(static_cast<int>(h % 5)), {id(0), id(1), id(2), id(3), id(4)}, {}, 7);
  EXPECT_EQ(a.rotation(ids(7), 121), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  // Nobody seen (a new chain): everyone, in order.
  EXPECT_TRUE(LeaderActivity{}.rotation(ids(7), 5).empty());
  // The record survives its encoding, and garbage is refused.
  auto back = LeaderActivity::decode(a.encode());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->records, a.records);
  Bytes junk = a.encode();
  junk.push_back(1);
  EXPECT_FALSE(LeaderActivity::decode(junk).ok());
  EXPECT_FALSE(LeaderActivity::decode(Bytes{0xff, 0xff, 0xff, 0x7f}).ok());
}

// One validator of four down from the start. Round-robin leaders (protocol
// 1) pay a view timeout at each of its turns; with leader reputation
// (protocol 3) it stops being chosen after its first turns.
// An operator's large transactions made every proposal (and gossip batch,
// and sync answer) larger than a message may be, so none could be
// delivered and the chain stopped for good. The network here drops what the
// transport would refuse; every message now stays under the limit and
// every transaction commits. Protocol 1 proposes whole blocks; the newest
// sends compact proposals and answers for the transactions.
class LargeTransactions : public ::testing::TestWithParam<uint32_t> {};

TEST_P(LargeTransactions, NeverMakeAMessageTooLargeToDeliver) {
  Cluster c(4, ed25519_sha256(), {}, GetParam());
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  constexpr int kClients = 4, kEach = 200;  // 800 of 60 KiB: 48 MiB
  const Bytes value(60 * 1024, 0x5a);
  for (int k = 0; k < kClients; ++k) {
    auto client = c.client(k);
    for (int n = 0; n < kEach; ++n) {
      auto tx = c.tx(*client, TxKind::kPut, static_cast<uint64_t>(n),
                                    Transaction::put_payload("k" + std::to_string(n), value));
      // Every node has them at once (as from clients submitting everywhere),
      // so the next leader holds them all.
      for (size_t i = 0; i < 4; ++i) {
        NodeOutput out;
        ASSERT_TRUE(c.node(i).submit(tx, c.now, out).ok());
        c.absorb(i, out);
      }
    }
  }
  size_t too_large = 0, largest = 0;
  auto deliverable = [&](const Envelope& e) {
    const Message& m = *e.msg;
    if (!std::holds_alternative<Proposal>(m) && !std::holds_alternative<BlockResponse>(m) &&
        !std::holds_alternative<TxBatch>(m) && !std::holds_alternative<TxRelay>(m) &&
        !std::holds_alternative<BlockTxResponse>(m))
      return true;
    size_t bytes = encode_message(m).size();
    largest = std::max(largest, bytes);
    if (bytes <= MessageLimits::kMaxMessageBytes) return true;
    ++too_large;
    return false;
  };
  auto committed_txs = [&](size_t i) {
    size_t n = 0;
    for (const auto& b : c.commits[i]) n += b->txs().size();
    return n;
  };
  bool all = c.run_until(
      [&] {
        for (size_t i = 0; i < 4; ++i)
          if (committed_txs(i) < kClients * kEach) return false;
        return true;
      },
      120000, 10, deliverable);
  EXPECT_TRUE(all) << "committed " << committed_txs(0) << " of " << kClients * kEach;
  EXPECT_EQ(too_large, 0u) << "largest message " << largest << " bytes";
}

// A faulty leader building a block of more transactions than an honest one
// would (here 12 MiB) gets no votes for it: such a block, once certified,
// could never be sent whole again to a node that syncs.
TEST_P(LargeTransactions, AnOversizedProposalGetsNoVotes) {
  Cluster c(4, ed25519_sha256(), {}, GetParam());
  NodeConfig faulty;
  faulty.max_block_tx_bytes = 64u << 20;
  for (size_t i = 0; i < 4; ++i) {
    c.configure(i, i == 0 ? faulty : NodeConfig{});
    c.crash(i);
    c.open(i);
  }
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  const Bytes value(60 * 1024, 0x5a);
  constexpr int kTxs = 800;
  auto client = c.client(0);
  for (int n = 0; n < kTxs; ++n) {
    auto tx = c.tx(*client, TxKind::kPut, static_cast<uint64_t>(n),
                                  Transaction::put_payload("k" + std::to_string(n), value));
    for (size_t i = 0; i < 4; ++i) {
      NodeOutput out;
      ASSERT_TRUE(c.node(i).submit(tx, c.now, out).ok());
      c.absorb(i, out);
    }
  }
  auto committed = [&](size_t i) {
    size_t n = 0;
    for (const auto& b : c.commits[i]) n += b->txs().size();
    return n;
  };
  EXPECT_TRUE(c.run_until([&] { return committed(1) >= kTxs; }, 120000)) << committed(1);
  for (const auto& b : c.commits[1]) {
    size_t bytes = 0;
    for (const auto& tx : b->txs()) bytes += tx->encoded_size();
    EXPECT_LE(bytes, MessageLimits::kMaxBlockTxBytes) << "height " << b->height();
  }
  EXPECT_TRUE(std::any_of(c.rejections.begin(), c.rejections.end(),
                          [](const std::string& r) { return r.find("not voted for") != std::string::npos; }))
      << "node 0 never led with the transactions in its pool";
}

INSTANTIATE_TEST_SUITE_P(Protocols, LargeTransactions, ::testing::Values(1u, kMaxProtocolVersion),
                         [](const auto& p) { return "v" + std::to_string(p.param); });

TEST(LeaderReputation, ASilentValidatorStopsCostingViewTimeouts) {
  auto timeouts_to_reach = [](uint32_t protocol) {
    Cluster c(4, ed25519_sha256(), NodeConfig{}, protocol);
    c.crash(3);
    EXPECT_TRUE(c.run_until([&] { return c.min_height() >= 60; }, 600000)) << "protocol " << protocol;
    return c.node(0).consensus().stats().views_by_timeout;
  };
  uint64_t round_robin = timeouts_to_reach(1), reputation = timeouts_to_reach(3);
  EXPECT_GE(round_robin, 10u);
  EXPECT_LE(reputation, 4u) << "round robin: " << round_robin;
}

// Proposals go compact; a node whose gossip was lost asks the proposer for
// the transactions and commits the same blocks.
TEST(CompactProposals, ANodeWithoutTheGossipFetchesTheTransactions) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  auto client = c.client(1);
  const CryptoSuite& suite = ed25519_sha256();
  size_t whole = 0, compact = 0, fetched = 0;
  auto net = [&](const Envelope& e) {
    whole += std::holds_alternative<Proposal>(*e.msg);
    compact += std::holds_alternative<CompactProposal>(*e.msg);
    fetched += std::holds_alternative<BlockTxResponse>(*e.msg);
    return !(e.to == 2 && is_gossip(*e.msg));  // node 2 never hears the gossip
  };
  for (uint64_t nonce = 0; nonce < 40; ++nonce) {
    auto tx = c.tx(*client, TxKind::kPut, nonce, Transaction::put_payload("k", Bytes{1}));
    NodeOutput out;
    ASSERT_TRUE(c.node(nonce % 2).submit(tx, c.now, out).ok());
    c.absorb(nonce % 2, out);
  }
  auto committed_txs = [&](size_t i) {
    size_t n = 0;
    for (auto& b : c.commits[i]) n += b->txs().size();
    return n;
  };
  ASSERT_TRUE(c.run_until([&] { return committed_txs(2) == 40 && committed_txs(0) == 40; }, 60000, 10, net));
  // Proposals travel compact; only a repeat to a single peer goes whole.
  EXPECT_GT(compact, 3 * whole) << whole << " whole, " << compact << " compact";
  EXPECT_GT(fetched, 0u) << "node 2 fetched what it lacked";
  for (size_t h = 0; h < std::min(c.commits[0].size(), c.commits[2].size()); ++h)
    EXPECT_EQ(c.commits[0][h]->hash(), c.commits[2][h]->hash());
}

// A member answers first for the transactions a node lacks, with the right
// bodies under forged signatures: each answer must match its leaf, so the
// forgeries are not taken, and the leader's true answer completes the block.
TEST(CompactProposals, ForgedTransactionAnswersAreNotTaken) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  auto client = c.client(1);
  const CryptoSuite& suite = ed25519_sha256();
  std::map<Hash32, TxPtr> forged;  // by leaf of the true transaction
  size_t injected = 0;
  auto net = [&](const Envelope& e) {
    if (e.from == 2) {
      if (auto* r = std::get_if<BlockTxRequest>(e.msg.get())) {
        // Node 3 answers before the proposer can: forgeries for every index.
        BlockPtr b = c.node(e.to).consensus().pending_block(r->block);
        if (b) {
          BlockTxResponse bad{r->block, {}, {}};
          for (uint32_t i : r->indices) {
            Bytes raw = b->txs()[i]->encode();
            raw.back() ^= 1;  // the signature's last byte
            auto tx = Transaction::decode(suite, raw);
            if (!tx) continue;
            bad.indices.push_back(i);
            bad.txs.push_back(*tx);
          }
          NodeOutput out;
          c.node(2).on_message(c.node(3).id(), Message{bad}, c.now, out);
          c.absorb(2, out);
          ++injected;
        }
      }
    }
    return !(e.to == 2 && is_gossip(*e.msg));
  };
  // More than a small block's worth, so none go whole in the proposal.
  for (uint64_t nonce = 0; nonce < 40; ++nonce) {
    auto tx = c.tx(*client, TxKind::kPut, nonce, Transaction::put_payload("k", Bytes{2}));
    NodeOutput out;
    ASSERT_TRUE(c.node(0).submit(tx, c.now, out).ok());
    c.absorb(0, out);
  }
  auto committed_txs = [&](size_t i) {
    size_t n = 0;
    for (auto& b : c.commits[i]) n += b->txs().size();
    return n;
  };
  ASSERT_TRUE(c.run_until([&] { return committed_txs(2) == 40; }, 60000, 10, net));
  EXPECT_GT(injected, 0u);
  for (auto& b : c.commits[2])
    for (auto& tx : b->txs()) EXPECT_TRUE(tx->verify_signature(suite, c.chain().id)) << "a forged transaction was committed";
}

TEST(CompactProposals, RequestsAndCompactProposalsAreBoundedOnDecoding) {
  const CryptoSuite& suite = ed25519_sha256();
  BlockTxRequest repeated{Hash32{}, {3, 3, 3}};
  EXPECT_FALSE(decode_message(suite, encode_message(Message{repeated})).ok()) << "repeated indices amplify answers";
  BlockTxRequest ordered{Hash32{}, {1, 2, 7}};
  EXPECT_TRUE(decode_message(suite, encode_message(Message{ordered})).ok());
}

// The simulator's nodes share the blocks they rebuild through one interner,
// while every node's store keeps its committed blocks alive. Sweeping out
// the released ones on every insert once the table held 8,192 made a 101-node
// run slower the longer it ran (a 600 s run took 19 times a 60 s one).
TEST(CompactProposals, TheBlockInternerSweepsRarelyWhileItsBlocksAreHeld) {
  const CryptoSuite& suite = ed25519_sha256();
  BlockInterner interner;
  std::vector<BlockPtr> held;
  for (uint64_t h = 1; h <= 40'000; ++h) {
    BlockHeader hd;
    hd.height = h;
    held.push_back(interner.intern(Block::create(suite, hd, {})));
  }
  EXPECT_LE(interner.sweeps(), 5u) << "a sweep on every insert is quadratic in the blocks held";
  EXPECT_EQ(interner.find(held.front()->hash()), held.front());
  held.resize(10);  // released blocks go at the next sweep
  for (uint64_t h = 40'001; h <= 120'000; ++h) {
    BlockHeader hd;
    hd.height = h;
    interner.intern(Block::create(suite, hd, {}));  // released at once
  }
  EXPECT_EQ(interner.find(held.front()->hash()), held.front()) << "a held block was swept";
  BlockHeader gone;
  gone.height = 20'000;
  EXPECT_EQ(interner.find(Block::header_hash(suite, gone)), nullptr) << "a released block was kept";
}

// A node's next deadline is always ahead of the tick that just ran: the
// agent and the simulator sleep until it, so a deadline left in the past
// spins the agent's node thread. With a validator down, views wait on it long
// enough for every timer (resends, the next leader's relay) to come due.
TEST(Timers, NoDeadlineIsLeftInThePast) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  c.crash(3);
  size_t stale = 0;
  for (int step = 0; step < 3000; ++step) {
    c.now += 10;
    c.tick_all();
    for (size_t i = 0; i < 3; ++i) stale += c.node(i).next_deadline() <= c.now;
    c.deliver_all();
  }
  EXPECT_EQ(stale, 0u);
  EXPECT_GE(c.min_height(), 5u);
}

// Every vote's first copy is lost: the copy sent again gets it through
// within the view. Without it every view would end by timeout; with it at
// most the first one does (an idle chain's first block waits half a view).
TEST(Resending, VotesLostOnceStillFormCertificates) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  std::set<const Message*> seen;
  size_t lost = 0;
  auto net = [&](const Envelope& e) {
    if (std::holds_alternative<Vote>(*e.msg) && seen.insert(e.msg.get()).second) {
      ++lost;
      return false;
    }
    return true;
  };
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 15; }, 120000, 10, net));
  EXPECT_GT(lost, 10u);
  EXPECT_LE(c.node(0).consensus().stats().views_by_timeout, 1u);
}

// One validator silent, so every other one's vote is needed; the first two
// copies of each view's proposal to validator 2 are lost (the leader's and
// the next leader's first relay). The next leader relays it again while the
// vote is missing, so the chain goes on, most views ending in certificates.
TEST(Resending, AProposalLostTwiceIsRelayedAgainWhileItsVoteIsMissing) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  c.crash(3);
  std::map<uint64_t, int> lost;  // by view, copies to validator 2
  auto view_of = [](const Message& m) -> std::optional<uint64_t> {
    if (auto* p = std::get_if<Proposal>(&m)) return p->block->view();
    if (auto* p = std::get_if<CompactProposal>(&m)) return p->header.view;
    return std::nullopt;
  };
  auto net = [&](const Envelope& e) {
    auto v = view_of(*e.msg);
    if (!v || e.to != 2) return true;
    return ++lost[*v] > 2;
  };
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 15; }, 240000, 10, net))
      << "height " << c.min_height() << " after 240 s";
  // Idle views lose time: the leader waits half a view before it proposes,
  // so the third copy can come too late. Most views still end in a
  // certificate; before the repeated relays none did (height 0).
  size_t timeouts = c.node(0).consensus().stats().views_by_timeout;
  EXPECT_LT(timeouts * 2, c.node(0).consensus().view()) << timeouts << " views ended by timeout";
}

// A client's transaction whose gossip was lost stays only with the node it
// was submitted to. When that node sits out of the leader rotation (its turn
// timed out, and its votes come last so no certificate shows it active), no
// leader would ever propose the transaction (before: not in 60 s); the node
// offers it to its peers again once twelve blocks with room to spare went by
// without it (idle blocks come every 500 ms), so it commits within seconds.
TEST(Reoffer, AClientTransactionOnlyASittingOutValidatorHoldsIsOfferedAgain) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, 3);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 3; }, 60000));
  // Validator 3 silent until a turn of its own ends by timeout.
  const CryptoSuite& suite = ed25519_sha256();
  NodeId three = suite.node_id(c.genesis().validators[3].public_key);
  auto sits_out = [&] {
    auto rotation = c.node(0).consensus().current_rules_ref().rotation;
    return !rotation.empty() && std::find(rotation.begin(), rotation.end(), 3u) == rotation.end();
  };
  ASSERT_TRUE(c.run_until(sits_out, 60000, 10, [](const Envelope& e) { return e.from != 3; }));
  auto client = c.client(1);
  auto tx = c.tx(*client, TxKind::kPut, 0, Transaction::put_payload("k", Bytes{1}));
  NodeOutput out;
  ASSERT_TRUE(c.node(3).submit(tx, c.now, out).ok());
  c.absorb(3, out);
  auto committed = [&] {
    for (auto& b : c.commits[0])
      for (auto& t : b->txs())
        if (t->id() == tx->id()) return true;
    return false;
  };
  TimeMs submitted = c.now;
  size_t lost = 0;
  auto gossip_from_3_lost_once = [&, first = true](const Envelope& e) mutable {
    if (e.from == 3 && is_gossip(*e.msg) && first) {
      ++lost;
      if (lost == 3) first = false;  // the first batch, to each of the three peers
      return false;
    }
    return true;
  };
  uint64_t h0 = c.min_height();
  size_t blocks_before = c.commits[0].size();
  ASSERT_TRUE(c.run_until(committed, 60000, 10, gossip_from_3_lost_once)) << "never committed; heights " << h0 << " to " << c.min_height()
                                                                       << ", validator 3 sitting out: " << sits_out();
  EXPECT_EQ(lost, 3u);
  for (size_t i = blocks_before; i < c.commits[0].size(); ++i)
    EXPECT_NE(c.commits[0][i]->header().proposer, three) << "validator 3 led: the test did not test the offer";
  EXPECT_LE(c.now - submitted, 9000) << "committed " << c.now - submitted << " ms after it was submitted";
  EXPECT_GE(c.node(3).reoffered(), 1u);
}

}  // namespace
}  // namespace consortia

namespace consortia {
namespace {

// At a load tool's maximum rate with few clients, each client's nonces run
// far ahead, and the node a client submitted to checks them against its own
// committed state. A peer a block behind refused what it gossiped as "nonce
// too high", so those transactions waited for their entry node's turn to
// lead (or its re-offer, a dozen idle blocks later): CI saw tails of one
// client stuck for over 15 s. A peer holds them now.
TEST(Gossip, ATransactionAheadOfALaggingPeersWindowIsHeldNotRefused) {
  Cluster c(4, ed25519_sha256(), NodeConfig{}, kMaxProtocolVersion);
  auto client = c.client(7);
  auto ahead = c.tx(*client, TxKind::kNoop, StateLimits::kMaxNonceGap + 5,
                                   Bytes(8, 1));
  TxBatch batch;
  batch.txs.push_back(ahead);
  NodeOutput out;
  c.node(1).on_message(c.node(0).id(), Message(batch), c.now, out);
  EXPECT_EQ(c.node(1).mempool().size(), 1u) << "a peer's transaction ahead of this node's window was refused";
  // A client submitting here directly still gets the chain's window.
  auto st = c.node(2).submit(ahead, c.now, out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kNonceTooHigh);
}

}  // namespace
}  // namespace consortia
