#include "chain/evidence_proof.h"

#include <nlohmann/json.hpp>

#include "consensus/certificates.h"
#include "state/state.h"

namespace consortia {
namespace {

using json = nlohmann::json;
// Format 1: the state path is a position among the sorted leaves (protocol
// versions up to 3); format 2: sibling hashes up the state trie (version 4
// on). The header's protocol version decides which a proof must be.
constexpr const char* kFormatSortedLeaves = "consortia-evidence-proof/1";
constexpr const char* kFormatTrie = "consortia-evidence-proof/2";
const char* format_for(uint32_t protocol_version) {
  return commitment_for(protocol_version) == StateCommitment::kTrie ? kFormatTrie
                                                                   : kFormatSortedLeaves;
}

// Strict lowercase hex: one byte string has exactly one spelling.
bool parse_hex(const json& j, Bytes& out) {
  if (!j.is_string()) return false;
  const std::string& s = j.get_ref<const std::string&>();
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return from_hex(s, out);
}

bool parse_hash(const json& j, Hash32& out) {
  Bytes b;
  if (!parse_hex(j, b) || b.size() != 32) return false;
  out = Hash32::from(b);
  return true;
}

bool parse_u64(const json& j, uint64_t& out) {
  if (!j.is_number_unsigned()) return false;
  out = j.get<uint64_t>();
  return true;
}

json qc_json(const QuorumCertificate& qc, bool with_votes) {
  json j = {{"view", qc.view}, {"height", qc.height}, {"block_hash", qc.block_hash.hex()}};
  if (with_votes) {
    json votes = json::array();
    for (const auto& v : qc.votes)
      votes.push_back({{"signer", v.signer.hex()}, {"signature", to_hex(v.signature)}});
    j["votes"] = votes;
  }
  return j;
}

bool parse_qc(const json& j, QuorumCertificate& qc, bool with_votes) {
  if (!j.is_object() || j.size() != (with_votes ? 4u : 3u)) return false;
  if (!j.contains("view") || !parse_u64(j["view"], qc.view)) return false;
  if (!j.contains("height") || !parse_u64(j["height"], qc.height)) return false;
  if (!j.contains("block_hash") || !parse_hash(j["block_hash"], qc.block_hash)) return false;
  if (!with_votes) return true;
  if (!j.contains("votes") || !j["votes"].is_array()) return false;
  for (const auto& v : j["votes"]) {
    SignerEntry e;
    if (!v.is_object() || v.size() != 2 || !v.contains("signer") || !v.contains("signature") ||
        !parse_hash(v["signer"], e.signer) || !parse_hex(v["signature"], e.signature))
      return false;
    qc.votes.push_back(std::move(e));
  }
  return true;
}

}  // namespace

std::string EvidenceProof::to_json() const {
  json h = {{"height", header.height},
            {"view", header.view},
            {"parent_hash", header.parent_hash.hex()},
            {"tx_root", header.tx_root.hex()},
            {"state_root", header.state_root.hex()},
            {"protocol_version", header.protocol_version},
            {"validator_set_hash", header.validator_set_hash.hex()},
            {"proposer", header.proposer.hex()},
            {"timestamp_ms", header.timestamp_ms},
            {"justify", qc_json(header.justify, false)}};
  json siblings = json::array();
  for (const auto& s : state_path.siblings) siblings.push_back(s.hex());
  json keys = json::array();
  for (const auto& k : validators) keys.push_back(to_hex(k));
  bool trie = commitment_for(header.protocol_version) == StateCommitment::kTrie;
  json path = trie ? json{{"siblings", siblings}}
                   : json{{"index", state_path.index},
                          {"leaf_count", state_path.leaf_count},
                          {"siblings", siblings}};
  json j = {{"format", format_for(header.protocol_version)},
            {"suite", suite},
            {"chain_id", chain_id.hex()},
            {"key", key},
            {"value", to_hex(value)},
            {"state_path", path},
            {"header", h},
            {"block_hash", block_hash.hex()},
            {"certificate", qc_json(certificate, true)},
            {"validators", keys}};
  return j.dump(1);
}

Result<EvidenceProof> EvidenceProof::from_json(const std::string& text) {
  auto bad = [](std::string why) { return make_error(ErrorCode::kMalformed, "proof: " + why); };
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    return bad(std::string("not JSON: ") + e.what());
  }
  if (!j.is_object()) return bad("not an object");
  for (const char* field : {"format", "suite", "chain_id", "key", "value", "state_path", "header",
                            "block_hash", "certificate", "validators"})
    if (!j.contains(field)) return bad(std::string("missing ") + field);
  if (j.size() != 10) return bad("unknown fields");
  if (j["format"] != kFormatSortedLeaves && j["format"] != kFormatTrie)
    return bad("unknown format");
  const bool trie = j["format"] == kFormatTrie;
  EvidenceProof p;
  if (!j["suite"].is_string() || !j["key"].is_string()) return bad("suite and key are strings");
  p.suite = j["suite"].get<std::string>();
  p.key = j["key"].get<std::string>();
  if (!parse_hash(j["chain_id"], p.chain_id)) return bad("chain_id");
  if (!parse_hex(j["value"], p.value)) return bad("value");
  if (!parse_hash(j["block_hash"], p.block_hash)) return bad("block_hash");
  const json& sp = j["state_path"];
  bool path_ok = trie ? sp.is_object() && sp.size() == 1 && sp.contains("siblings")
                      : sp.is_object() && sp.size() == 3 && sp.contains("index") &&
                            sp.contains("leaf_count") && sp.contains("siblings") &&
                            parse_u64(sp["index"], p.state_path.index) &&
                            parse_u64(sp["leaf_count"], p.state_path.leaf_count);
  if (!path_ok || !sp["siblings"].is_array()) return bad("state_path");
  for (const auto& s : sp["siblings"]) {
    Hash32 h;
    if (!parse_hash(s, h)) return bad("state_path sibling");
    p.state_path.siblings.push_back(h);
  }
  const json& h = j["header"];
  uint64_t version = 0;
  if (!h.is_object() || h.size() != 10 || !h.contains("height") || !h.contains("view") ||
      !h.contains("parent_hash") || !h.contains("tx_root") || !h.contains("state_root") ||
      !h.contains("protocol_version") || !h.contains("validator_set_hash") ||
      !h.contains("proposer") || !h.contains("timestamp_ms") || !h.contains("justify") ||
      !parse_u64(h["height"], p.header.height) || !parse_u64(h["view"], p.header.view) ||
      !parse_hash(h["parent_hash"], p.header.parent_hash) ||
      !parse_hash(h["tx_root"], p.header.tx_root) ||
      !parse_hash(h["state_root"], p.header.state_root) ||
      !parse_u64(h["protocol_version"], version) || version > UINT32_MAX ||
      !parse_hash(h["validator_set_hash"], p.header.validator_set_hash) ||
      !parse_hash(h["proposer"], p.header.proposer) ||
      !parse_u64(h["timestamp_ms"], p.header.timestamp_ms) ||
      !parse_qc(h["justify"], p.header.justify, false))
    return bad("header");
  p.header.protocol_version = static_cast<uint32_t>(version);
  if (j["format"] != format_for(p.header.protocol_version))
    return bad(std::string("format ") + j["format"].get<std::string>() +
               " does not match the header's protocol version " + std::to_string(version));
  if (!parse_qc(j["certificate"], p.certificate, true)) return bad("certificate");
  if (!j["validators"].is_array()) return bad("validators");
  for (const auto& k : j["validators"]) {
    Bytes b;
    if (!parse_hex(k, b)) return bad("validator key");
    p.validators.push_back(std::move(b));
  }
  return p;
}

TrustedChain trusted_from_genesis(const Genesis& g) {
  TrustedChain t;
  auto suite = suite_by_id(static_cast<uint8_t>(g.suite));
  if (suite) t.chain_id = g.block(**suite)->hash();
  for (const auto& v : g.validators) t.validators.push_back(v.public_key);
  return t;
}

ProofVerdict verify_evidence_proof(const EvidenceProof& p, const TrustedChain& trusted) {
  ProofVerdict v;
  auto no = [&](std::string why) {
    v.verified = false;
    v.reason = std::move(why);
    return v;
  };
  const std::vector<Bytes>& keys = trusted.validators;
  if (p.chain_id != trusted.chain_id)
    return no("the proof is for chain " + p.chain_id.short_hex() + ", not the trusted chain " +
              trusted.chain_id.short_hex());
  auto suite = suite_by_name(p.suite);
  if (!suite) return no("unknown crypto suite " + p.suite);
  const CryptoSuite& cs = **suite;
  auto stored = StoredEvidence::decode(p.value);
  if (!stored) return no("the record does not decode: " + stored.error().detail);
  if (stored->record.key() != p.key) return no("the record does not belong to its key");
  // The header's protocol version (signed by the quorum) says how its state
  // root commits to the state, so the proof cannot choose.
  if (!StateSnapshot::verify(cs, commitment_for(p.header.protocol_version), p.header.state_root,
                             p.key, p.value, p.state_path))
    return no("the record is not under the block's state root");
  if (Block::header_hash(cs, p.header) != p.block_hash)
    return no("the header does not hash to the block hash");
  const QuorumCertificate& qc = p.certificate;
  if (qc.block_hash != p.block_hash || qc.height != p.header.height || qc.view != p.header.view)
    return no("the certificate is for another block");
  if (qc.is_genesis()) return no("a genesis certificate certifies nothing");
  std::vector<Validator> members;
  for (const auto& k : keys) members.push_back({NodeId{}, k, "", ""});
  ValidatorSet set(cs, members);
  if (set.size() == 0) return no("no validator keys to check against");
  CertificateContext ctx{cs, p.chain_id, Hash32{}};
  if (auto st = verify_qc(ctx, set, qc); !st) return no("certificate: " + st.error().detail);
  v.verified = true;
  v.evidence = std::move(*stored);
  return v;
}

}  // namespace consortia
