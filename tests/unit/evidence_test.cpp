// Evidence (存证): anchoring, refusal of duplicates, and proofs that a third
// party verifies offline, where any altered byte fails verification.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

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

// Every test runs on a protocol-1 chain (proofs over the sorted leaves,
// format 1) and a protocol-4 chain (proofs up the state trie, format 2).
struct EvidenceFixture : ::testing::TestWithParam<uint32_t> {
  Cluster c{4, ed25519_sha256(), {}, GetParam()};
  std::unique_ptr<Signer> client = c.client(7);
  uint64_t nonce = 0;

  TxPtr anchor(const EvidenceRecord& r) {
    auto tx = test::evidence_tx(*client, c.chain(), nonce++, r);
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

TEST_P(EvidenceFixture, AnchoredRecordHasAProofThatVerifiesOffline) {
  auto r = record("contract #1");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  EvidenceProof p = proof_for(r.digest);
  // Round trip through the file format, then verify with the genesis keys only.
  auto parsed = EvidenceProof::from_json(p.to_json());
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail;
  TrustedChain keys = trusted_from_genesis(c.genesis());
  auto verdict = verify_evidence_proof(*parsed, keys);
  ASSERT_TRUE(verdict.verified) << verdict.reason;
  EXPECT_EQ(verdict.evidence.record, r);
  EXPECT_EQ(verdict.evidence.submitter, ed25519_sha256().node_id(client->public_key()));
}

TEST_P(EvidenceFixture, AProofIsInTheFormatItsHeadersVersionSaysAndNoOther) {
  auto r = record("contract #2");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  EvidenceProof p = proof_for(r.digest);
  std::string text = p.to_json();
  bool trie = GetParam() >= kFirstTrieProtocolVersion;
  const std::string mine = trie ? "consortia-evidence-proof/2" : "consortia-evidence-proof/1";
  const std::string other = trie ? "consortia-evidence-proof/1" : "consortia-evidence-proof/2";
  ASSERT_NE(text.find(mine), std::string::npos);
  if (trie) {
    EXPECT_EQ(p.state_path.index, 0u);
    EXPECT_EQ(p.state_path.leaf_count, 0u);
    EXPECT_EQ(text.find("leaf_count"), std::string::npos);
  }
  // Relabelled as the other format, with a path of that format's shape, the
  // proof is refused as it is read: the signed header decides the format.
  auto j = nlohmann::json::parse(text);
  j["format"] = other;
  if (trie) {
    j["state_path"]["index"] = 0;
    j["state_path"]["leaf_count"] = 0;
  } else {
    j["state_path"].erase("index");
    j["state_path"].erase("leaf_count");
  }
  auto parsed = EvidenceProof::from_json(j.dump());
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().detail.find("does not match the header's protocol version"),
            std::string::npos)
      << parsed.error().detail;
  // And a path of the other kind does not verify in place of the right one.
  TrustedChain keys = trusted_from_genesis(c.genesis());
  EvidenceProof swapped = p;
  swapped.state_path.index = trie ? 1 : 0;
  swapped.state_path.leaf_count = trie ? 2 : 0;
  EXPECT_FALSE(verify_evidence_proof(swapped, keys).verified);
}

TEST_P(EvidenceFixture, AnyAlteredByteOfTheProofFailsVerification) {
  auto r = record("trade record 2026-11-27");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  std::string text = proof_for(r.digest).to_json();
  TrustedChain keys = trusted_from_genesis(c.genesis());
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

TEST_P(EvidenceFixture, ConsortiaVerifyChecksAProofFileAgainstAKeyFile) {
  auto r = record("e-contract for the verifier");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  // One directory per protocol: ctest runs the two instances at once.
  std::string dir = ::testing::TempDir() + "/evidence-v" + std::to_string(GetParam());
  std::filesystem::create_directories(dir);
  std::string proof = dir + "/proof.json", keys = dir + "/keys.json", bad = dir + "/bad.json";
  std::string text = proof_for(r.digest).to_json();
  std::ofstream(proof) << text;
  TrustedChain trusted = trusted_from_genesis(c.genesis());
  auto write_keys = [&](const std::string& file, bool with_chain_id) {
    std::ofstream k(file);
    k << "{" << (with_chain_id ? "\"chain_id\": \"" + trusted.chain_id.hex() + "\", " : "") << "\"validators\": [";
    for (size_t i = 0; i < trusted.validators.size(); ++i) k << (i ? "," : "") << '"' << to_hex(trusted.validators[i]) << '"';
    k << "]}";
  };
  write_keys(keys, true);
  std::string no_chain = dir + "/no-chain.json", genesis = dir + "/genesis.json";
  write_keys(no_chain, false);
  std::ofstream(genesis) << genesis_to_json(c.genesis());
  std::string tampered = text;
  tampered[tampered.find("\"value\": \"") + 12] ^= 1;
  std::ofstream(bad) << tampered;
  std::string tool = std::string(CONSORTIA_BINARY_DIR) + "/node/consortia-verify";
  auto run = [&](const std::string& args) {
    int rc = std::system((tool + " " + args + " > /dev/null 2>&1").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  EXPECT_EQ(run(proof + " --validators " + keys), 0);
  EXPECT_EQ(run(proof + " --genesis " + genesis), 0);
  EXPECT_EQ(run(bad + " --validators " + keys), 1);
  EXPECT_EQ(run(bad + " --genesis " + genesis), 1);
  EXPECT_EQ(run(dir + "/missing.json --genesis " + genesis), 2);
  // Without keys of its own, the verifier has nothing to trust: bad input,
  // not a verdict from the proof's own keys.
  EXPECT_EQ(run(proof), 2);
  EXPECT_EQ(run(proof + " --validators " + no_chain), 2);
  EXPECT_EQ(run(proof + " --genesis " + genesis + " --validators " + keys), 2);
  std::filesystem::remove_all(dir);
}

TEST_P(EvidenceFixture, AProofDoesNotVerifyAgainstOtherValidators) {
  auto r = record("risk info");
  auto tx = anchor(r);
  ASSERT_TRUE(c.run_until([&] { return committed_everywhere(tx->id()); }, 30000));
  EvidenceProof p = proof_for(r.digest);
  std::vector<Bytes> strangers;
  for (int i = 0; i < 4; ++i)
    strangers.push_back(ed25519_sha256().signer_from_seed(sha256(as_bytes("x" + std::to_string(i))))->public_key());
  EXPECT_FALSE(verify_evidence_proof(p, {p.chain_id, strangers}).verified);
  // Nor against the right keys of another chain.
  TrustedChain other = trusted_from_genesis(c.genesis());
  other.chain_id = sha256(as_bytes("another chain"));
  auto v = verify_evidence_proof(p, other);
  EXPECT_FALSE(v.verified);
  EXPECT_NE(v.reason.find("not the trusted chain"), std::string::npos) << v.reason;
}

TEST_P(EvidenceFixture, SecondAnchorOfADigestAndUnknownReferencesLeaveReceipts) {
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

TEST_P(EvidenceFixture, MalformedOrOversizedRecordsAreRefusedAtAdmission) {
  EvidenceRecord big = record("big");
  big.metadata = Bytes(EvidenceRecord::kMaxMetadata + 1, 'm');
  auto tx = test::evidence_tx(*client, c.chain(), 0, big);
  NodeOutput out;
  auto st = c.node(0).submit(tx, c.now, out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kTooLarge);
  EvidenceRecord no_owner = record("x");
  no_owner.owner = "";
  auto tx2 = test::evidence_tx(*client, c.chain(), 0, no_owner);
  auto st2 = c.node(0).submit(tx2, c.now, out);
  ASSERT_FALSE(st2.ok());
  EXPECT_EQ(st2.error().code, ErrorCode::kInvalidArgument);
  auto junk = c.tx(*client, TxKind::kEvidence, 0, Bytes{1, 2, 3});
  EXPECT_FALSE(c.node(0).submit(junk, c.now, out).ok());
}

INSTANTIATE_TEST_SUITE_P(Protocols, EvidenceFixture, ::testing::Values(1u, kMaxProtocolVersion),
                         [](const auto& param_info) { return "v" + std::to_string(param_info.param); });

}  // namespace
}  // namespace consortia
