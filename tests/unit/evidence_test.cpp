// Evidence (存证): anchoring, refusal of duplicates, and proofs that a third
// party verifies offline, where any altered byte fails verification.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "../support/evidence.h"
#include "../support/cluster.h"

namespace consortia {
namespace {

using test::Cluster;

EvidenceRecord record(const std::string& doc, const std::string& reference = "") {
  EvidenceRecord r;
  r.algorithm = DigestAlgorithm::kSm3;
  r.digest = sm3(as_bytes(doc));
  r.type = "e-contract";
  r.owner = "bank-of-example";
  r.timestamp_ms = 1764201600000;
  r.reference = reference;
  r.metadata = Bytes(as_bytes("{\"pages\":12}").begin(), as_bytes("{\"pages\":12}").end());
  return r;
}

struct EvidenceFixture : ::testing::Test {
  Cluster c{4};
  std::unique_ptr<Signer> client = c.client(7);
  uint64_t nonce = 0;

  TxPtr anchor(const EvidenceRecord& r) {
    auto tx = test::evidence_tx(*client, nonce++, r);
    NodeOutput out;
    EXPECT_TRUE(c.node(1).submit(tx, c.now, out).ok());
    c.absorb(1, out);
    return tx;
  }
  bool committed_everywhere(const Hash32& tx_id) {
    for (size_t i = 0; i < c.size(); ++i) {
      bool found = false;
      for (auto& b : c.commits[i])
        for (auto& tx : b->txs()) found |= tx->id() == tx_id;
      if (!found) return false;
    }
    return true;
  }
  EvidenceProof proof_for(const Hash32& digest) {
    Result<EvidenceProof> p = make_error(ErrorCode::kNotFound, "");
    c.run_until([&] { return (p = c.node(2).prove_evidence(digest)).ok(); }, 10000);
    EXPECT_TRUE(p.ok()) << p.error().to_string();
    return p.ok() ? *p : EvidenceProof{};
  }
};

TEST_F(EvidenceFixture, AnchoredRecordHasAProofThatVerifiesOffline) {
  auto r = record("contract #1");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  EvidenceProof p = proof_for(r.digest);
  // Round trip through the file format, then verify with the genesis keys only.
  auto parsed = EvidenceProof::from_json(p.to_json());
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail;
  std::vector<Bytes> keys;
  for (const auto& v : c.genesis().validators) keys.push_back(v.public_key);
  auto verdict = verify_evidence_proof(*parsed, keys);
  ASSERT_TRUE(verdict.verified) << verdict.reason;
  EXPECT_EQ(verdict.evidence.record, r);
  EXPECT_EQ(verdict.evidence.submitter, ed25519_sha256().node_id(client->public_key()));
}

TEST_F(EvidenceFixture, AnyAlteredByteOfTheProofFailsVerification) {
  auto r = record("trade record 2026-11-27");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  std::string text = proof_for(r.digest).to_json();
  std::vector<Bytes> keys;
  for (const auto& v : c.genesis().validators) keys.push_back(v.public_key);
  // The validator keys inside the proof are informational: the verifier uses
  // its own trusted copy, so altering them must not matter and is skipped.
  size_t keys_from = text.find("\"validators\""), keys_to = text.find(']', keys_from);
  size_t checked = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i >= keys_from && i <= keys_to) continue;
    char orig = text[i];
    if (orig == ' ' || orig == '\n') continue;  // layout, not content
    std::string t = text;
    t[i] = orig == '1' ? '2' : (orig == 'a' ? 'b' : (orig == '"' ? 'x' : '1'));
    auto parsed = EvidenceProof::from_json(t);
    if (!parsed.ok()) continue;  // refused as malformed: not verified
    EXPECT_FALSE(verify_evidence_proof(*parsed, keys).verified)
        << "byte " << i << " ('" << orig << "') altered and still verified";
    ++checked;
  }
  EXPECT_GT(checked, 200u);
}

TEST_F(EvidenceFixture, ConsortiaVerifyChecksAProofFileAgainstAKeyFile) {
  auto r = record("e-contract for the verifier");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  std::string dir = ::testing::TempDir();
  std::string proof = dir + "/proof.json", keys = dir + "/keys.json", bad = dir + "/bad.json";
  std::string text = proof_for(r.digest).to_json();
  std::ofstream(proof) << text;
  std::ofstream k(keys);
  k << "{\"validators\": [";
  for (size_t i = 0; i < c.genesis().validators.size(); ++i)
    k << (i ? "," : "") << '"' << to_hex(c.genesis().validators[i].public_key) << '"';
  k << "]}";
  k.close();
  std::string tampered = text;
  tampered[tampered.find("\"value\": \"") + 12] ^= 1;
  std::ofstream(bad) << tampered;
  std::string tool = std::string(CONSORTIA_BINARY_DIR) + "/node/consortia-verify";
  auto run = [&](const std::string& args) {
    int rc = std::system((tool + " " + args + " > /dev/null").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  EXPECT_EQ(run(proof + " --validators " + keys), 0);
  EXPECT_EQ(run(bad + " --validators " + keys), 1);
  EXPECT_EQ(run(dir + "/missing.json"), 2);
  for (const auto& f : {proof, keys, bad}) std::remove(f.c_str());
}

TEST_F(EvidenceFixture, AProofDoesNotVerifyAgainstOtherValidators) {
  auto r = record("risk info");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  EvidenceProof p = proof_for(r.digest);
  std::vector<Bytes> strangers;
  for (int i = 0; i < 4; ++i)
    strangers.push_back(ed25519_sha256().signer_from_seed(sha256(as_bytes("x" + std::to_string(i))))->public_key());
  EXPECT_FALSE(verify_evidence_proof(p, strangers).verified);
}

TEST_F(EvidenceFixture, SecondAnchorOfADigestAndUnknownReferencesLeaveReceipts) {
  auto first = anchor(record("contract #9"));
  auto again = anchor(record("contract #9"));
  auto dangling = anchor(record("amendment", sm3(as_bytes("never anchored")).hex()));
  auto chained = anchor(record("amendment 2", sm3(as_bytes("contract #9")).hex()));
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(chained->id()); }, 30000));
  EXPECT_FALSE(c.node(0).receipt(first->id()).has_value());
  EXPECT_EQ(c.node(0).receipt(again->id()), ErrorCode::kDuplicate);
  EXPECT_EQ(c.node(0).receipt(dangling->id()), ErrorCode::kNotFound);
  EXPECT_FALSE(c.node(3).receipt(chained->id()).has_value());
}

TEST_F(EvidenceFixture, MalformedOrOversizedRecordsAreRefusedAtAdmission) {
  EvidenceRecord big = record("big");
  big.metadata = Bytes(EvidenceRecord::kMaxMetadata + 1, 'm');
  auto tx = test::evidence_tx(*client, 0, big);
  NodeOutput out;
  auto st = c.node(0).submit(tx, c.now, out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kTooLarge);
  EvidenceRecord no_owner = record("x");
  no_owner.owner = "";
  auto tx2 = test::evidence_tx(*client, 0, no_owner);
  auto st2 = c.node(0).submit(tx2, c.now, out);
  ASSERT_FALSE(st2.ok());
  EXPECT_EQ(st2.error().code, ErrorCode::kInvalidArgument);
  auto junk = Transaction::create(ed25519_sha256(), *client, TxKind::kEvidence, 0, Bytes{1, 2, 3});
  EXPECT_FALSE(c.node(0).submit(junk, c.now, out).ok());
}

}  // namespace
}  // namespace consortia
