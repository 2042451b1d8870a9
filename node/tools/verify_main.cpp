// consortia-verify PROOF.json [--validators KEYS.json]
// Verifies an evidence proof offline. KEYS.json is the trusted validator set:
// {"validators": ["<public key hex>", ...]}. Without it the keys inside the
// proof are used, and the output says so: check them against your genesis.
// Exit status: 0 verified, 1 not verified, 2 bad input.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "chain/evidence_proof.h"

using namespace consortia;

static bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

int main(int argc, char** argv) {
  std::string proof_path, keys_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--validators" && i + 1 < argc) keys_path = argv[++i];
    else if (proof_path.empty() && a.rfind("--", 0) != 0) proof_path = a;
    else {
      std::cerr << "usage: consortia-verify PROOF.json [--validators KEYS.json]\n";
      return 2;
    }
  }
  if (proof_path.empty()) {
    std::cerr << "usage: consortia-verify PROOF.json [--validators KEYS.json]\n";
    return 2;
  }
  std::string text;
  if (!read_file(proof_path, text)) {
    std::cerr << "consortia-verify: cannot read " << proof_path << "\n";
    return 2;
  }
  auto proof = EvidenceProof::from_json(text);
  if (!proof) {
    std::cout << "NOT VERIFIED: " << proof.error().detail << "\n";
    return 1;
  }
  std::vector<Bytes> keys = proof->validators;
  if (!keys_path.empty()) {
    std::string kt;
    if (!read_file(keys_path, kt)) {
      std::cerr << "consortia-verify: cannot read " << keys_path << "\n";
      return 2;
    }
    keys.clear();
    try {
      const nlohmann::json doc = nlohmann::json::parse(kt);
      for (const auto& k : doc.at("validators")) {
        Bytes b;
        if (!from_hex(k.get<std::string>(), b)) throw std::runtime_error("bad hex");
        keys.push_back(b);
      }
    } catch (const std::exception& e) {
      std::cerr << "consortia-verify: " << keys_path << ": " << e.what() << "\n";
      return 2;
    }
  } else {
    std::cout << "note: using the validator keys inside the proof; pass --validators to check "
                 "against your own copy of the genesis\n";
  }
  auto verdict = verify_evidence_proof(*proof, keys);
  if (!verdict.verified) {
    std::cout << "NOT VERIFIED: " << verdict.reason << "\n";
    return 1;
  }
  const auto& r = verdict.evidence.record;
  std::cout << "VERIFIED: digest " << r.digest.hex() << " (" << r.type << ", owner " << r.owner
            << ") is in block " << proof->header.height << " " << proof->block_hash.hex()
            << ", certified by " << proof->certificate.votes.size() << " validators\n";
  return 0;
}
