// Equivocation evidence: what verifies and what does not, and how nodes
// keep it and pass it on (protocol 7), so that every node, not only the one
// that saw both statements, can name the validator.
#include <gtest/gtest.h>

#include "../support/cluster.h"

namespace consortia {
namespace {

using test::Cluster;

// Two votes by validator `who` of cluster `c` for one view and different blocks.
Equivocation double_vote(Cluster& c, size_t who, uint64_t view, const Hash32& chain_id) {
  auto signer = ed25519_sha256().signer_from_seed(c.seed(who));
  Equivocation e;
  e.kind = Equivocation::Kind::kVote;
  e.offender = ed25519_sha256().node_id(signer->public_key());
  e.view = view;
  e.first = sha256(as_bytes("block a"));
  e.second = sha256(as_bytes("block b"));
  e.first_height = e.second_height = 7;
  e.first_signature = signer->sign(vote_payload(chain_id, view, 7, e.first));
  e.second_signature = signer->sign(vote_payload(chain_id, view, 7, e.second));
  return e;
}

// Node 0 is sent a second proposal signed by the leader of a view it already
// has one for (whole below protocol 3, compact from it): returns the
// leader's index.
size_t forge_second_proposal(Cluster& c) {
  std::optional<test::Envelope> captured;
  c.run_until([&] { return captured.has_value(); }, 10000, 10, [&](const test::Envelope& e) {
    if (!captured && e.to == 0 &&
        (std::holds_alternative<Proposal>(*e.msg) || std::holds_alternative<CompactProposal>(*e.msg)))
      captured = e;
    return true;
  });
  if (!captured) return SIZE_MAX;
  auto signer = ed25519_sha256().signer_from_seed(c.seed(captured->from));
  Message second;
  NodeId proposer;
  if (auto* p = std::get_if<Proposal>(captured->msg.get())) {
    BlockHeader h = p->block->header();
    h.timestamp_ms += 1;
    auto other = Block::create(ed25519_sha256(), h, p->block->txs());
    second = Proposal{other, p->tc, signer->sign(proposal_payload(c.node(0).chain_id(), other->hash()))};
    proposer = h.proposer;
  } else {
    const auto& cp = std::get<CompactProposal>(*captured->msg);
    BlockHeader h = cp.header;
    h.timestamp_ms += 1;
    Hash32 other = Block::header_hash(ed25519_sha256(), h);
    second = CompactProposal{h, cp.tx_leaves, cp.prefilled, cp.tc,
                             signer->sign(proposal_payload(c.node(0).chain_id(), other))};
    proposer = h.proposer;
  }
  NodeOutput out;
  c.node(0).on_message(proposer, second, c.now, out);
  c.absorb(0, out);
  return captured->from;
}

const Bytes& key_of(Cluster& c, size_t i) { return c.genesis().validators[i].public_key; }

TEST(Equivocation, TwoVotesVerifyAndSurviveTheirEncoding) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  Equivocation e = double_vote(c, 2, 9, chain);
  EXPECT_TRUE(e.verify(ed25519_sha256(), chain, key_of(c, 2)).ok());
  auto back = Equivocation::decode(e.encode());
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_TRUE(back->verify(ed25519_sha256(), chain, key_of(c, 2)).ok());
  EXPECT_EQ(back->encode(), e.encode());
  // As a message, too.
  auto msg = decode_message(ed25519_sha256(), encode_message(Message{EquivocationEvidence{e}}));
  ASSERT_TRUE(msg.ok()) << msg.error().to_string();
  EXPECT_EQ(std::get<EquivocationEvidence>(*msg).evidence.encode(), e.encode());
  Bytes raw = e.encode();
  for (size_t cut = 0; cut < raw.size(); cut += 7)
    EXPECT_FALSE(Equivocation::decode(ByteView(raw.data(), cut)).ok()) << "cut at " << cut;
}

TEST(Equivocation, EvidenceThatDoesNotProveTwoStatementsByTheOffenderIsRefused) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  const CryptoSuite& suite = ed25519_sha256();
  Equivocation good = double_vote(c, 2, 9, chain);
  auto refused = [&](Equivocation e, const Bytes& key, const char* what) {
    auto st = e.verify(suite, chain, key);
    EXPECT_FALSE(st.ok()) << what;
  };
  refused(good, key_of(c, 1), "another validator's key");
  Equivocation framed = good;  // node 1 signed both, but the evidence names node 2
  auto s1 = suite.signer_from_seed(c.seed(1));
  framed.first_signature = s1->sign(vote_payload(chain, 9, 7, framed.first));
  framed.second_signature = s1->sign(vote_payload(chain, 9, 7, framed.second));
  refused(framed, key_of(c, 2), "signed by someone else");
  Equivocation same = good;
  same.second = same.first;
  same.second_signature = same.first_signature;
  refused(same, key_of(c, 2), "one vote twice");
  Equivocation other_view = good;
  other_view.view = 10;
  refused(other_view, key_of(c, 2), "signed for another view");
  EXPECT_FALSE(good.verify(suite, sha256(as_bytes("another chain")), key_of(c, 2)).ok()) << "another chain";
  Equivocation as_proposal = good;
  as_proposal.kind = Equivocation::Kind::kProposal;
  refused(as_proposal, key_of(c, 2), "votes passed off as proposals, no headers");
}

// The proposal a node finds twice reaches every node; each keeps it once and
// passes it on once, and it verifies on its own (the headers say the view).
TEST(Equivocation, EvidenceOfTwoProposalsReachesEveryNodeFromProtocolSeven) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  size_t leader = forge_second_proposal(c);
  ASSERT_NE(leader, SIZE_MAX);
  ASSERT_TRUE(c.run_until([&] {
    for (size_t i = 0; i < c.size(); ++i)
      if (c.node(i).equivocations().empty()) return false;
    return true;
  }, 5000)) << "evidence did not reach every node";
  const NodeId offender = ed25519_sha256().node_id(key_of(c, leader));
  for (size_t i = 0; i < c.size(); ++i) {
    auto held = c.node(i).equivocations();
    ASSERT_EQ(held.size(), 1u) << "node " << i << " keeps it once";
    EXPECT_EQ(held[0].evidence.offender, offender);
    EXPECT_EQ(held[0].evidence.kind, Equivocation::Kind::kProposal);
    EXPECT_TRUE(held[0].evidence.verify(ed25519_sha256(), c.node(0).chain_id(), key_of(c, leader)).ok());
    EXPECT_EQ(held[0].offender_key, key_of(c, leader));
    EXPECT_TRUE(held[0].evidence.first_header->justify.votes.empty()) << "kept without the certificates' votes";
  }
  // Padded with votes again (the header hash does not cover them), or with
  // a height other than its header's, it no longer verifies: nobody
  // relaying it can make it bigger or make it say another height.
  Equivocation padded = c.node(1).equivocations()[0].evidence;
  padded.first_header->justify.votes.push_back({c.node(2).id(), Bytes(64, 1)});
  EXPECT_FALSE(padded.verify(ed25519_sha256(), c.node(0).chain_id(), key_of(c, leader)).ok());
  Equivocation moved = c.node(1).equivocations()[0].evidence;
  moved.first_height += 1;
  EXPECT_FALSE(moved.verify(ed25519_sha256(), c.node(0).chain_id(), key_of(c, leader)).ok());
  EXPECT_EQ(c.node(0).equivocations()[0].reported_by, c.node(0).id()) << "found there";
  // Each node announced it once: four pieces in all, however often it came.
  EXPECT_EQ(c.equivocations.size(), 4u);
  size_t sent = 0;
  c.run_until([] { return false; }, 2000, 10, [&](const test::Envelope& e) {
    sent += std::holds_alternative<EquivocationEvidence>(*e.msg);
    return true;
  });
  EXPECT_EQ(sent, 0u) << "passed on again";
  EXPECT_TRUE(c.run_until([&] { return c.min_height() >= 6; }, 30000)) << "the chain goes on";
}

TEST(Equivocation, BelowProtocolSevenTheEvidenceStaysWithTheNodeThatFoundIt) {
  Cluster c(4, ed25519_sha256(), {}, 6);
  ASSERT_TRUE(c.run_until([&] { return c.min_height() >= 2; }, 30000));
  ASSERT_NE(forge_second_proposal(c), SIZE_MAX);
  size_t sent = 0;
  c.run_until([] { return false; }, 2000, 10, [&](const test::Envelope& e) {
    sent += std::holds_alternative<EquivocationEvidence>(*e.msg);
    return true;
  });
  EXPECT_EQ(sent, 0u) << "older software could not read it";
  EXPECT_EQ(c.node(0).equivocations().size(), 1u);
  for (size_t i = 1; i < c.size(); ++i) EXPECT_TRUE(c.node(i).equivocations().empty()) << i;
}

// From a peer: kept only when it verifies against a member's key; a forged
// piece is refused, kept by no one and passed on to no one.
TEST(Equivocation, ANodeKeepsAndPassesOnOnlyEvidenceThatVerifies) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  const NodeId from = c.node(3).id();
  Equivocation framed = double_vote(c, 1, 9, chain);
  framed.offender = c.node(2).id();  // node 1's signatures, node 2 named
  NodeOutput out;
  auto st = c.node(0).add_equivocation(framed, from, c.now, out);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(out.messages.empty() && out.equivocations.empty());
  NodeOutput out2;
  c.node(0).on_message(from, Message{EquivocationEvidence{framed}}, c.now, out2);
  EXPECT_TRUE(out2.messages.empty());
  ASSERT_FALSE(out2.rejections.empty());
  EXPECT_NE(out2.rejections[0].find("equivocation evidence"), std::string::npos) << out2.rejections[0];
  Equivocation stranger = double_vote(c, 1, 9, chain);
  stranger.offender = sha256(as_bytes("not a member"));
  EXPECT_EQ(c.node(0).add_equivocation(stranger, from, c.now, out).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(c.node(0).equivocations().empty());

  // Refused once, refused again without a signature check.
  NodeOutput out3;
  EXPECT_EQ(c.node(0).add_equivocation(framed, from, c.now, out3).error().code, ErrorCode::kDuplicate);

  Equivocation real = double_vote(c, 1, 9, chain);
  NodeOutput first;
  ASSERT_TRUE(c.node(0).add_equivocation(real, from, c.now, first).ok());
  ASSERT_EQ(first.equivocations.size(), 1u);
  EXPECT_EQ(first.equivocations[0].reported_by, from);
  ASSERT_EQ(first.messages.size(), 1u);
  EXPECT_FALSE(first.messages[0].to) << "to every peer";
  NodeOutput again;
  EXPECT_TRUE(c.node(0).add_equivocation(real, from, c.now, again).ok());
  EXPECT_TRUE(again.messages.empty() && again.equivocations.empty()) << "held already";
}

// Only a validator's equivocation counts: an observer's statements count
// for nothing (and evidence against one could crowd out a validator's in
// what agents report).
TEST(Equivocation, EvidenceAgainstAnObserverIsRefused) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  auto observer = ed25519_sha256().signer_from_seed(sha256(as_bytes("observer")));
  Equivocation e;
  e.offender = ed25519_sha256().node_id(observer->public_key());
  e.view = 3;
  e.first = sha256(as_bytes("x"));
  e.second = sha256(as_bytes("y"));
  e.first_signature = observer->sign(vote_payload(chain, 3, 0, e.first));
  e.second_signature = observer->sign(vote_payload(chain, 3, 0, e.second));
  NodeOutput out;
  EXPECT_EQ(c.node(0).add_equivocation(e, c.node(3).id(), c.now, out).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(c.node(0).equivocation_count(), 0u);
}

// What a node kept before a restart comes back with the key it was verified
// with, and only with that key.
TEST(Equivocation, RestoredEvidenceIsVerifiedWithItsOwnKey) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  HeldEquivocation h{double_vote(c, 1, 9, chain), key_of(c, 1), c.node(3).id(), 12345};
  HeldEquivocation wrong = h;
  wrong.offender_key = key_of(c, 2);
  EXPECT_FALSE(c.node(0).restore_equivocation(wrong).ok());
  ASSERT_TRUE(c.node(0).restore_equivocation(h).ok());
  auto held = c.node(0).equivocations();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].held_since, 12345);
  EXPECT_EQ(held[0].reported_by, c.node(3).id());
}

// Status shows one piece per offender, the newest, validators first.
TEST(Equivocation, TheSummaryHasTheNewestPieceOfEachOffender) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  NodeOutput out;
  for (uint64_t v : {5, 6, 7}) ASSERT_TRUE(c.node(0).add_equivocation(double_vote(c, 1, v, chain), c.node(3).id(), c.now, out).ok());
  ASSERT_TRUE(c.node(0).add_equivocation(double_vote(c, 2, 4, chain), c.node(3).id(), c.now, out).ok());
  auto summary = c.node(0).equivocation_summary(16);
  ASSERT_EQ(summary.size(), 2u);
  std::map<NodeId, uint64_t> view;
  for (const auto& h : summary) view[h.evidence.offender] = h.evidence.view;
  EXPECT_EQ(view[c.node(1).id()], 7u);
  EXPECT_EQ(view[c.node(2).id()], 4u);
  EXPECT_EQ(c.node(0).equivocation_summary(1).size(), 1u);
}

// A validator that equivocates in every view cannot fill a node's memory:
// evidence is kept for kMaxEvidencePerOffender views of each offender.
TEST(Equivocation, EvidenceAgainstOneOffenderIsBounded) {
  Cluster c(4, ed25519_sha256(), {}, kMaxProtocolVersion);
  const Hash32 chain = c.node(0).chain_id();
  for (uint64_t v = 1; v <= Node::kMaxEvidencePerOffender + 10; ++v) {
    NodeOutput out;
    ASSERT_TRUE(c.node(0).add_equivocation(double_vote(c, 1, v, chain), c.node(3).id(), c.now, out).ok());
  }
  NodeOutput out;
  ASSERT_TRUE(c.node(0).add_equivocation(double_vote(c, 2, 5, chain), c.node(3).id(), c.now, out).ok());
  EXPECT_EQ(out.equivocations.size(), 1u) << "another offender still counts";
  EXPECT_EQ(c.node(0).equivocations().size(), Node::kMaxEvidencePerOffender + 1);
}

}  // namespace
}  // namespace consortia
