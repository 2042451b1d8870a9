#include <gtest/gtest.h>

#include "ledger/block.h"
#include "ledger/merkle.h"

namespace consortia {
namespace {

Hash32 h(uint8_t x) {
  Hash32 r;
  r.v.fill(x);
  return r;
}

std::string suite_param_name(const ::testing::TestParamInfo<const CryptoSuite*>& p) {
  return p.param->id() == SuiteId::kEd25519Sha256 ? "Ed25519Sha256" : "Sm2Sm3";
}

class LedgerTest : public ::testing::TestWithParam<const CryptoSuite*> {
 protected:
  void SetUp() override {
    signer_ = suite().signer_from_seed(h(1));
    other_ = suite().signer_from_seed(h(2));
  }
  const CryptoSuite& suite() const { return *GetParam(); }

  TxPtr put(uint64_t nonce, std::string_view key, std::string_view value) const {
    return Transaction::create_unbound(suite(), *signer_, TxKind::kPut, nonce,
                               Transaction::put_payload(key, as_bytes(value)));
  }

  QuorumCertificate qc(uint64_t view, size_t votes) const {
    QuorumCertificate q;
    q.view = view;
    q.height = view;
    q.block_hash = h(0x33);
    for (size_t i = 0; i < votes; ++i)
      q.votes.push_back(SignerEntry{h(static_cast<uint8_t>(0x10 + i)), Bytes(64, 0xaa)});
    return q;
  }

  BlockHeader header(const std::vector<TxPtr>& txs) const {
    BlockHeader hd;
    hd.height = 7;
    hd.view = 9;
    hd.parent_hash = h(0x11);
    hd.tx_root = Block::compute_tx_root(suite(), txs);
    hd.state_root = h(0x22);
    hd.protocol_version = 3;
    hd.validator_set_hash = h(0x44);
    hd.proposer = suite().node_id(signer_->public_key());
    hd.timestamp_ms = 1700000000123;
    hd.justify = qc(8, 3);
    return hd;
  }

  BlockPtr block(std::vector<TxPtr> txs) const {
    BlockHeader hd = header(txs);
    return Block::create(suite(), std::move(hd), std::move(txs));
  }

  std::unique_ptr<Signer> signer_, other_;
};

// ---- transactions ------------------------------------------------------------------

// Copies of a certificate share one vote list until one is written to.
TEST_P(LedgerTest, ACertificateCopyIsUnchangedByWritesToTheOriginal) {
  QuorumCertificate a = qc(5, 3);
  QuorumCertificate b = a;
  EXPECT_EQ(a.votes.buffer(), b.votes.buffer()) << "a copy shares the list";
  a.votes.mutate()[0].signature = Bytes(64, 0x01);
  a.votes.push_back(SignerEntry{h(0x7f), Bytes(64, 0x02)});
  EXPECT_NE(a.votes.buffer(), b.votes.buffer());
  ASSERT_EQ(b.votes.size(), 3u);
  EXPECT_EQ(b.votes[0].signature, Bytes(64, 0xaa)) << "the copy kept its own votes";
  EXPECT_FALSE(a == b);
  QuorumCertificate c = qc(5, 3);  // equal contents, another list
  EXPECT_TRUE(b == c);
  c.votes.clear();
  EXPECT_TRUE(c.votes.empty());
  EXPECT_TRUE(c.votes == QuorumCertificate{}.votes) << "an emptied list equals one never filled";
}

TEST_P(LedgerTest, TransactionRoundTripKeepsIdLeafAndFields) {
  auto tx = put(5, "color", "blue");
  Bytes enc = tx->encode();
  EXPECT_EQ(enc.size(), tx->encoded_size());
  auto back = Transaction::decode(suite(), enc);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  const auto& t = **back;
  EXPECT_EQ(t.id(), tx->id());
  EXPECT_EQ(t.leaf(), tx->leaf());
  EXPECT_EQ(t.kind(), TxKind::kPut);
  EXPECT_EQ(t.nonce(), 5u);
  EXPECT_EQ(t.sender(), signer_->public_key());
  EXPECT_EQ(t.sender_id(), suite().node_id(signer_->public_key()));
  EXPECT_EQ(t.payload(), tx->payload());
  EXPECT_EQ(t.signature(), tx->signature());
  EXPECT_EQ(t.encoded_size(), enc.size());
  EXPECT_EQ(t.encode(), enc);
  EXPECT_TRUE(t.verify_signature(suite(), Hash32{}));
}

TEST_P(LedgerTest, TransactionIdCoversBodyAndLeafCoversSignature) {
  auto tx = put(1, "k", "v");
  Writer body;
  body.u8(Transaction::kVersionUnbound);
  body.u8(static_cast<uint8_t>(TxKind::kPut));
  body.bytes(tx->sender());
  body.u64(1);
  body.bytes(tx->payload());
  EXPECT_EQ(tx->id(), suite().hash(body.data()));
  EXPECT_EQ(tx->leaf(), merkle_leaf(suite(), tx->encode()));
  // The signature is over the domain-separated body.
  Bytes signed_msg(as_bytes("consortia/tx/v1").begin(), as_bytes("consortia/tx/v1").end());
  signed_msg.insert(signed_msg.end(), body.data().begin(), body.data().end());
  EXPECT_TRUE(suite().verify(tx->sender(), signed_msg, tx->signature()));
  EXPECT_FALSE(suite().verify(tx->sender(), body.data(), tx->signature()));
}

// Version 2 signs the chain id with the body: valid for its own chain only,
// and neither its version byte nor its chain can be changed into version 1's
// domain. Its id still covers the body alone.
TEST_P(LedgerTest, AVersionTwoTransactionVerifiesOnlyForItsOwnChain) {
  const Hash32 ours = sha256(as_bytes("chain a")), theirs = sha256(as_bytes("chain b"));
  auto tx = Transaction::create(suite(), *signer_, TxChain{ours, Transaction::kChainBoundProtocol}, TxKind::kPut, 1,
                                Transaction::put_payload("k", Bytes{'v'}));
  ASSERT_EQ(tx->version(), Transaction::kVersionChainBound);
  EXPECT_TRUE(tx->verify_signature(suite(), ours));
  EXPECT_FALSE(tx->verify_signature(suite(), theirs));
  EXPECT_FALSE(tx->verify_signature(suite(), Hash32{}));
  Writer body;
  body.u8(Transaction::kVersionChainBound);
  body.u8(static_cast<uint8_t>(TxKind::kPut));
  body.bytes(tx->sender());
  body.u64(1);
  body.bytes(tx->payload());
  EXPECT_EQ(tx->id(), suite().hash(body.data()));
  Writer signed_msg;
  signed_msg.raw(as_bytes("consortia/tx/v2"));
  signed_msg.hash(ours);
  signed_msg.raw(body.data());
  EXPECT_TRUE(suite().verify(tx->sender(), signed_msg.data(), tx->signature()));
  // Decoded, it is the same transaction; with its version byte set to 1 it
  // is another one, whose signature does not verify on any chain.
  Bytes enc = tx->encode();
  auto back = Transaction::decode(suite(), enc);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)->version(), Transaction::kVersionChainBound);
  EXPECT_TRUE((*back)->verify_signature(suite(), ours));
  enc[0] = Transaction::kVersionUnbound;
  auto downgraded = Transaction::decode(suite(), enc);
  ASSERT_TRUE(downgraded.ok());
  EXPECT_NE((*downgraded)->id(), tx->id());
  EXPECT_FALSE((*downgraded)->verify_signature(suite(), ours));
  EXPECT_FALSE((*downgraded)->verify_signature(suite(), Hash32{}));
  EXPECT_EQ(Transaction::version_for(Transaction::kChainBoundProtocol - 1), Transaction::kVersionUnbound);
  EXPECT_EQ(Transaction::version_for(Transaction::kChainBoundProtocol + 1), Transaction::kVersionChainBound);
}

TEST_P(LedgerTest, NoopTransactionRoundTrips) {
  auto tx = Transaction::create_unbound(suite(), *signer_, TxKind::kNoop, 0, {});
  auto back = Transaction::decode(suite(), tx->encode());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)->id(), tx->id());
  EXPECT_TRUE((*back)->verify_signature(suite(), Hash32{}));
}

TEST_P(LedgerTest, AlteredTransactionByteFailsDecodeOrChangesIdentity) {
  auto tx = put(3, "key", "value");
  Bytes enc = tx->encode();
  for (size_t i = 0; i < enc.size(); ++i) {
    for (uint8_t mask : {0x01, 0x80}) {
      Bytes bad = enc;
      bad[i] ^= mask;
      auto r = Transaction::decode(suite(), bad);
      if (!r.ok()) continue;
      const auto& t = **r;
      // Decoded: the leaf differs, and the signature no longer verifies.
      EXPECT_NE(t.leaf(), tx->leaf()) << "byte " << i;
      EXPECT_FALSE(t.verify_signature(suite(), Hash32{})) << "byte " << i;
    }
  }
}

TEST_P(LedgerTest, SignatureFromAnotherKeyFailsVerification) {
  auto tx = put(3, "key", "value");
  // Re-sign the same body with another key but keep the original sender.
  auto forged = Transaction::create_unbound(suite(), *other_, TxKind::kPut, 3, tx->payload());
  Writer w;
  w.u8(Transaction::kVersionUnbound);
  w.u8(static_cast<uint8_t>(TxKind::kPut));
  w.bytes(tx->sender());
  w.u64(3);
  w.bytes(tx->payload());
  w.bytes(forged->signature());
  auto r = Transaction::decode(suite(), w.data());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->id(), tx->id());  // same body, same id
  EXPECT_FALSE((*r)->verify_signature(suite(), Hash32{}));
}

TEST_P(LedgerTest, TransactionDecodeRejectsTrailingBytesUnknownVersionAndKind) {
  auto tx = put(0, "a", "b");
  Bytes enc = tx->encode();
  Bytes trailing = enc;
  trailing.push_back(0);
  auto t = Transaction::decode(suite(), trailing);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kMalformed);

  Bytes version = enc;
  version[0] = 3;
  auto v = Transaction::decode(suite(), version);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kUnsupportedVersion);

  Bytes kind = enc;
  kind[1] = 7;
  auto k = Transaction::decode(suite(), kind);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().code, ErrorCode::kMalformed);

  EXPECT_FALSE(Transaction::decode(suite(), {}).ok());
  for (size_t cut = 0; cut < enc.size(); ++cut)
    EXPECT_FALSE(Transaction::decode(suite(), ByteView(enc.data(), cut)).ok()) << cut;
}

TEST_P(LedgerTest, TransactionReadLeavesFollowingBytes) {
  auto a = put(0, "a", "1");
  auto b = put(1, "b", "2");
  Writer w;
  a->encode(w);
  b->encode(w);
  Reader r(w.data());
  auto ra = Transaction::read(suite(), r);
  auto rb = Transaction::read(suite(), r);
  ASSERT_TRUE(ra.ok() && rb.ok());
  EXPECT_EQ((*ra)->id(), a->id());
  EXPECT_EQ((*rb)->id(), b->id());
  EXPECT_TRUE(r.finish("two txs").ok());
}

TEST_P(LedgerTest, OversizeTransactionFieldsRejected) {
  Writer w;
  w.u8(Transaction::kVersionUnbound);
  w.u8(static_cast<uint8_t>(TxKind::kNoop));
  w.bytes(Bytes(TxLimits::kMaxPublicKey + 1, 1));
  w.u64(0);
  w.bytes({});
  w.bytes(Bytes(64, 0));
  EXPECT_FALSE(Transaction::decode(suite(), w.data()).ok());

  Writer p;
  p.u8(Transaction::kVersionUnbound);
  p.u8(static_cast<uint8_t>(TxKind::kNoop));
  p.bytes(signer_->public_key());
  p.u64(0);
  p.bytes(Bytes(TxLimits::kMaxPayload + 1, 1));
  p.bytes(Bytes(64, 0));
  EXPECT_FALSE(Transaction::decode(suite(), p.data()).ok());
}

TEST(PutPayload, RoundTripsAndRejectsMalformed) {
  Bytes p = Transaction::put_payload("name", as_bytes("value"));
  auto put = Transaction::parse_put(p);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->key, "name");
  EXPECT_EQ(put->value, Bytes(as_bytes("value").begin(), as_bytes("value").end()));

  Bytes trailing = p;
  trailing.push_back(1);
  EXPECT_FALSE(Transaction::parse_put(trailing).ok());
  EXPECT_FALSE(Transaction::parse_put(Bytes(p.begin(), p.end() - 1)).ok());
  EXPECT_FALSE(Transaction::parse_put({}).ok());
  std::string long_key(TxLimits::kMaxKey + 1, 'x');
  EXPECT_FALSE(Transaction::parse_put(Transaction::put_payload(long_key, {})).ok());
  std::string max_key(TxLimits::kMaxKey, 'x');
  EXPECT_TRUE(Transaction::parse_put(Transaction::put_payload(max_key, {})).ok());
}

// ---- blocks ------------------------------------------------------------------------

TEST_P(LedgerTest, BlockRoundTripKeepsHashHeaderAndTxs) {
  std::vector<TxPtr> txs = {put(0, "a", "1"), put(1, "b", "2"),
                            Transaction::create_unbound(suite(), *other_, TxKind::kNoop, 0, {})};
  auto b = block(txs);
  Bytes enc = b->encode();
  EXPECT_EQ(enc.size(), b->encoded_size());
  auto back = Block::decode(suite(), enc);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  const Block& d = **back;
  EXPECT_EQ(d.hash(), b->hash());
  EXPECT_EQ(d.encoded_size(), enc.size());
  EXPECT_EQ(d.height(), 7u);
  EXPECT_EQ(d.view(), 9u);
  EXPECT_EQ(d.parent_hash(), h(0x11));
  EXPECT_EQ(d.header().state_root, h(0x22));
  EXPECT_EQ(d.header().protocol_version, 3u);
  EXPECT_EQ(d.header().validator_set_hash, h(0x44));
  EXPECT_EQ(d.header().proposer, b->header().proposer);
  EXPECT_EQ(d.header().timestamp_ms, 1700000000123u);
  EXPECT_EQ(d.header().justify, b->header().justify);
  ASSERT_EQ(d.txs().size(), txs.size());
  for (size_t i = 0; i < txs.size(); ++i) EXPECT_EQ(d.txs()[i]->id(), txs[i]->id());
  EXPECT_EQ(d.encode(), enc);
}

TEST_P(LedgerTest, EmptyBlockRoundTrips) {
  auto b = block({});
  EXPECT_EQ(b->header().tx_root, merkle_root(suite(), {}));
  auto back = Block::decode(suite(), b->encode());
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ((*back)->hash(), b->hash());
  EXPECT_EQ((*back)->encoded_size(), b->encoded_size());
}

TEST_P(LedgerTest, TxRootIsMerkleRootOfTxLeavesAndProvesInclusion) {
  std::vector<TxPtr> txs;
  for (uint64_t i = 0; i < 5; ++i) txs.push_back(put(i, "k", std::to_string(i)));
  std::vector<Hash32> leaves;
  for (const auto& t : txs) leaves.push_back(t->leaf());
  Hash32 root = Block::compute_tx_root(suite(), txs);
  EXPECT_EQ(root, merkle_root(suite(), leaves));
  for (size_t i = 0; i < txs.size(); ++i)
    EXPECT_TRUE(merkle_verify(suite(), root, txs[i]->leaf(), merkle_prove(suite(), leaves, i)));
}

TEST_P(LedgerTest, BlockHashIgnoresQcVotesButNotWhatTheQcCertifies) {
  auto txs = std::vector<TxPtr>{put(0, "a", "1")};
  BlockHeader base = header(txs);
  Hash32 h0 = Block::header_hash(suite(), base);

  BlockHeader other_votes = base;
  other_votes.justify.votes = qc(8, 5).votes;
  EXPECT_EQ(Block::header_hash(suite(), other_votes), h0);
  BlockHeader no_votes = base;
  no_votes.justify.votes.clear();
  EXPECT_EQ(Block::header_hash(suite(), no_votes), h0);

  BlockHeader v = base;
  v.justify.view += 1;
  EXPECT_NE(Block::header_hash(suite(), v), h0);
  BlockHeader ht = base;
  ht.justify.height += 1;
  EXPECT_NE(Block::header_hash(suite(), ht), h0);
  BlockHeader bh = base;
  bh.justify.block_hash.v[0] ^= 1;
  EXPECT_NE(Block::header_hash(suite(), bh), h0);

  // Every other header field matters.
  auto differs = [&](auto mutate) {
    BlockHeader x = base;
    mutate(x);
    return Block::header_hash(suite(), x) != h0;
  };
  EXPECT_TRUE(differs([](BlockHeader& x) { x.height++; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.view++; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.parent_hash.v[3] ^= 1; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.tx_root.v[3] ^= 1; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.state_root.v[3] ^= 1; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.protocol_version++; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.validator_set_hash.v[3] ^= 1; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.proposer.v[3] ^= 1; }));
  EXPECT_TRUE(differs([](BlockHeader& x) { x.timestamp_ms++; }));

  // The block built from the other certificate has the same hash too.
  EXPECT_EQ(Block::create(suite(), other_votes, txs)->hash(), block(txs)->hash());
}

TEST_P(LedgerTest, BlockDecodeRejectsTrailingBytes) {
  Bytes enc = block({put(0, "a", "1")})->encode();
  enc.push_back(0);
  auto r = Block::decode(suite(), enc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
}

TEST_P(LedgerTest, BlockDecodeRejectsWrongTxRoot) {
  std::vector<TxPtr> txs = {put(0, "a", "1"), put(1, "b", "2")};
  BlockHeader hd = header(txs);
  hd.tx_root.v[0] ^= 1;
  auto b = Block::create(suite(), hd, txs);
  auto r = Block::decode(suite(), b->encode());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidBlock);

  // Dropping or reordering transactions is caught the same way.
  auto dropped = Block::create(suite(), header(txs), {txs[0]});
  EXPECT_EQ(Block::decode(suite(), dropped->encode()).error().code, ErrorCode::kInvalidBlock);
  auto swapped = Block::create(suite(), header(txs), {txs[1], txs[0]});
  EXPECT_EQ(Block::decode(suite(), swapped->encode()).error().code, ErrorCode::kInvalidBlock);
}

TEST_P(LedgerTest, CorruptedTxBytesInsideBlockAreCaughtAtDecode) {
  std::vector<TxPtr> txs = {put(0, "alpha", "one"), put(1, "beta", "two")};
  auto b = block(txs);
  Bytes enc = b->encode();
  Writer hw;
  encode_header(hw, b->header());
  size_t tx_start = hw.data().size() + 1;
  for (size_t i = tx_start; i < enc.size(); ++i) {
    Bytes bad = enc;
    bad[i] ^= 0x01;
    EXPECT_FALSE(Block::decode(suite(), bad).ok()) << "byte " << i;
  }
}

TEST_P(LedgerTest, BlockDecodeRejectsUnsortedOrDuplicateQcSigners) {
  auto txs = std::vector<TxPtr>{};
  BlockHeader hd = header(txs);
  std::swap(hd.justify.votes.mutate()[0], hd.justify.votes.mutate()[1]);
  auto r = Block::decode(suite(), Block::create(suite(), hd, txs)->encode());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);

  BlockHeader dup = header(txs);
  dup.justify.votes.mutate()[1].signer = dup.justify.votes[0].signer;
  EXPECT_FALSE(Block::decode(suite(), Block::create(suite(), dup, txs)->encode()).ok());
}

TEST_P(LedgerTest, BlockDecodeRejectsOversizeCounts) {
  auto b = block({});
  Writer w;
  encode_header(w, b->header());
  w.varint(BlockLimits::kMaxTxs + 1);
  EXPECT_FALSE(Block::decode(suite(), w.data()).ok());

  // A plausible count with too little input behind it.
  Writer w2;
  encode_header(w2, b->header());
  w2.varint(1000);
  w2.raw(Bytes(50, 0));
  EXPECT_FALSE(Block::decode(suite(), w2.data()).ok());

  // A QC with more votes than allowed.
  Writer q;
  q.u64(1);
  q.u64(1);
  q.hash(h(1));
  q.varint(BlockLimits::kMaxQcVotes + 1);
  for (size_t i = 0; i <= BlockLimits::kMaxQcVotes; ++i) {
    Hash32 s;
    s.v[0] = static_cast<uint8_t>(i >> 8);
    s.v[1] = static_cast<uint8_t>(i);
    q.hash(s);
    q.bytes(Bytes(1, 0));
  }
  Reader r(q.data());
  QuorumCertificate::read(r);
  EXPECT_FALSE(r.ok());
}

TEST_P(LedgerTest, BlockDecodeRejectsTruncationAndUnknownHeaderFormat) {
  Bytes enc = block({put(0, "a", "1")})->encode();
  for (size_t cut = 0; cut < enc.size(); cut += 7)
    EXPECT_FALSE(Block::decode(suite(), ByteView(enc.data(), cut)).ok()) << cut;
  Bytes fmt = enc;
  fmt[0] = BlockHeader::kFormat + 1;
  EXPECT_FALSE(Block::decode(suite(), fmt).ok());
}

TEST_P(LedgerTest, BlockReadInsideLargerMessageReportsItsOwnSize) {
  auto b = block({put(0, "a", "1"), put(1, "b", "2")});
  Writer w;
  w.u8(0x42);
  b->encode(w);
  w.u32(0xfeedface);
  Reader r(w.data());
  EXPECT_EQ(r.u8(), 0x42);
  auto back = Block::read(suite(), r);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ((*back)->hash(), b->hash());
  EXPECT_EQ((*back)->encoded_size(), b->encoded_size());
  EXPECT_EQ(r.u32(), 0xfeedfaceu);
  EXPECT_TRUE(r.finish("message").ok());
}

INSTANTIATE_TEST_SUITE_P(BothSuites, LedgerTest,
                         ::testing::Values(&ed25519_sha256(), &sm2_sm3()), suite_param_name);

// ---- certificates --------------------------------------------------------------------

TEST(QuorumCertificate, RoundTrips) {
  QuorumCertificate q;
  q.view = 12;
  q.height = 10;
  q.block_hash = h(9);
  q.votes = {{h(1), Bytes(64, 1)}, {h(2), Bytes(64, 2)}, {h(3), Bytes(64, 3)}};
  Writer w;
  q.encode(w);
  Reader r(w.data());
  EXPECT_EQ(QuorumCertificate::read(r), q);
  EXPECT_TRUE(r.finish("qc").ok());
}

TEST(QuorumCertificate, RejectsOversizeSignature) {
  Writer w;
  w.u64(1);
  w.u64(1);
  w.hash(h(1));
  w.varint(1);
  w.hash(h(2));
  w.bytes(Bytes(129, 0));
  Reader r(w.data());
  QuorumCertificate::read(r);
  EXPECT_FALSE(r.ok());
}

TEST(TimeoutCertificate, RoundTripsAndReportsHighestQcView) {
  TimeoutCertificate tc;
  tc.view = 20;
  tc.entries = {{h(1), 17, Bytes(64, 1)}, {h(4), 19, Bytes(64, 4)}, {h(7), 18, Bytes(64, 7)}};
  tc.high_qc.view = 19;
  tc.high_qc.height = 15;
  tc.high_qc.block_hash = h(0x55);
  tc.high_qc.votes = {{h(1), Bytes(64, 9)}};
  EXPECT_EQ(tc.max_high_qc_view(), 19u);
  Writer w;
  tc.encode(w);
  Reader r(w.data());
  EXPECT_EQ(TimeoutCertificate::read(r), tc);
  EXPECT_TRUE(r.finish("tc").ok());
  EXPECT_EQ(TimeoutCertificate{}.max_high_qc_view(), 0u);
}

TEST(TimeoutCertificate, RejectsUnsortedOrDuplicateSigners) {
  for (bool duplicate : {false, true}) {
    TimeoutCertificate tc;
    tc.view = 3;
    tc.entries = {{h(5), 1, Bytes(64, 1)}, {duplicate ? h(5) : h(2), 2, Bytes(64, 2)}};
    Writer w;
    tc.encode(w);
    Reader r(w.data());
    TimeoutCertificate::read(r);
    EXPECT_FALSE(r.ok()) << duplicate;
  }
}

TEST(TimeoutCertificate, RejectsUnsortedSignersInHighQc) {
  TimeoutCertificate tc;
  tc.view = 3;
  tc.entries = {{h(1), 1, Bytes(64, 1)}};
  tc.high_qc.view = 1;
  tc.high_qc.votes = {{h(3), Bytes(64, 1)}, {h(2), Bytes(64, 1)}};
  Writer w;
  tc.encode(w);
  Reader r(w.data());
  TimeoutCertificate::read(r);
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace consortia
