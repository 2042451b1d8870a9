// consortia-verify PROOF.json (--genesis GENESIS.json | --validators KEYS.json)
// consortia-verify --equivocation FILE.evidence (--genesis ... | --validators ...)
// Verifies an evidence proof (or equivocation evidence: two proposals or
// votes one validator signed for one view, as consortia-ctl equivocations
// --out writes it) offline against what the verifier trusts, never
// against what the proof says about itself:
//   --genesis GENESIS.json   the chain's genesis (its chain id and first
//                            validators), from the verifier's own copy;
//   --validators KEYS.json   {"chain_id": "<hex>", "validators": ["<public key hex>", ...]}
//                            for a validator set later than the genesis.
// Exit status: 0 verified, 1 not verified, 2 bad input (no trusted keys
// given, a file that cannot be read or parsed).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "chain/evidence_proof.h"
#include "consensus/equivocation.h"

using namespace consortia;

namespace {

const char* kUsage =
    "usage: consortia-verify PROOF.json --genesis GENESIS.json\n"
    "       consortia-verify PROOF.json --validators KEYS.json   "
    "(KEYS.json: {\"chain_id\": hex, \"validators\": [hex public keys]})\n"
    "       consortia-verify --equivocation FILE.evidence (--genesis GENESIS.json | --validators KEYS.json)\n";

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

int bad_input(const std::string& why) {
  std::cerr << "consortia-verify: " << why << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string proof_path, keys_path, genesis_path;
  bool equivocation = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--equivocation") equivocation = true;
    else if (a == "--validators" && i + 1 < argc) keys_path = argv[++i];
    else if (a == "--genesis" && i + 1 < argc) genesis_path = argv[++i];
    else if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (proof_path.empty() && a.rfind("--", 0) != 0) proof_path = a;
    else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (proof_path.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  if (keys_path.empty() == genesis_path.empty())
    return bad_input(
        "give the keys you trust: --genesis with your copy of the chain's genesis.json, or --validators "
        "with the chain id and validator keys (a proof's own keys prove nothing)");
  TrustedChain trusted;
  if (!genesis_path.empty()) {
    std::string gt;
    if (!read_file(genesis_path, gt)) return bad_input("cannot read " + genesis_path);
    auto g = genesis_from_json(gt);
    if (!g) return bad_input(genesis_path + ": " + g.error().detail);
    trusted = trusted_from_genesis(*g);
  } else {
    std::string kt;
    if (!read_file(keys_path, kt)) return bad_input("cannot read " + keys_path);
    const nlohmann::json doc = nlohmann::json::parse(kt, nullptr, false);
    Bytes id;
    if (doc.is_discarded() || !doc.is_object()) return bad_input(keys_path + " is not a JSON object");
    if (!doc.contains("chain_id") || !doc["chain_id"].is_string() || !from_hex(doc["chain_id"].get<std::string>(), id) ||
        id.size() != 32)
      return bad_input(keys_path + ": \"chain_id\" (64 hex digits) is required");
    trusted.chain_id = Hash32::from(id);
    if (!doc.contains("validators") || !doc["validators"].is_array() || doc["validators"].empty())
      return bad_input(keys_path + ": \"validators\" (a list of public keys in hex) is required");
    for (const auto& k : doc["validators"]) {
      Bytes b;
      if (!k.is_string() || !from_hex(k.get<std::string>(), b) || b.empty())
        return bad_input(keys_path + ": a validator key is not hex");
      trusted.validators.push_back(b);
    }
  }
  std::string text;
  if (!read_file(proof_path, text)) return bad_input("cannot read " + proof_path);
  if (equivocation) {
    auto e = Equivocation::decode(as_bytes(text));
    if (!e) {
      std::cout << "NOT VERIFIED: " << e.error().detail << "\n";
      return 1;
    }
    // The offender must be one of the trusted keys (by its id under either suite).
    for (const CryptoSuite* suite : {&ed25519_sha256(), &sm2_sm3()})
      for (const Bytes& key : trusted.validators) {
        if (suite->node_id(key) != e->offender) continue;
        if (auto st = e->verify(*suite, trusted.chain_id, key); !st) {
          std::cout << "NOT VERIFIED: " << st.error().detail << "\n";
          return 1;
        }
        std::cout << "VERIFIED: validator " << e->offender.hex() << " signed two " << equivocation_kind_name(e->kind)
                  << "s in view " << e->view << " of chain " << trusted.chain_id.hex() << ": block "
                  << e->first.hex() << " (height " << e->first_height << ") and block " << e->second.hex()
                  << " (height " << e->second_height << ")\n";
        return 0;
      }
    std::cout << "NOT VERIFIED: the offender " << e->offender.hex() << " is none of the trusted validators\n";
    return 1;
  }
  auto proof = EvidenceProof::from_json(text);
  if (!proof) {
    std::cout << "NOT VERIFIED: " << proof.error().detail << "\n";
    return 1;
  }
  auto verdict = verify_evidence_proof(*proof, trusted);
  if (!verdict.verified) {
    std::cout << "NOT VERIFIED: " << verdict.reason << "\n";
    return 1;
  }
  const auto& r = verdict.evidence.record;
  std::cout << "VERIFIED: digest " << r.digest.hex() << " (" << r.type << ", owner " << r.owner
            << ") is in block " << proof->header.height << " " << proof->block_hash.hex() << " of chain "
            << proof->chain_id.hex() << ", certified by " << proof->certificate.votes.size() << " validators\n";
  return 0;
}
