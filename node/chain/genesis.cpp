#include "chain/genesis.h"

#include <nlohmann/json.hpp>
#include <set>

namespace consortia {

Status Genesis::validate() const {
  auto bad = [](const std::string& what) { return make_error(ErrorCode::kInvalidArgument, "genesis: " + what); };
  auto lim = [](size_t n) { return " (at most " + std::to_string(n) + ")"; };
  if (chain_name.empty() || chain_name.size() > kMaxChainName)
    return bad("chain_name has 1 to " + std::to_string(kMaxChainName) + " bytes");
  auto crypto = suite_by_id(static_cast<uint8_t>(suite));
  if (!crypto) return bad("unknown suite");
  if (protocol_version < kMinProtocolVersion || protocol_version > kMaxProtocolVersion)
    return bad("protocol_version " + std::to_string(protocol_version) + " is not one this software implements (" +
               std::to_string(kMinProtocolVersion) + " to " + std::to_string(kMaxProtocolVersion) + ")");
  if (threshold_den == 0 || threshold_num >= threshold_den || uint64_t{threshold_num} * 2 < threshold_den)
    return bad("threshold " + std::to_string(threshold_num) + "/" + std::to_string(threshold_den) +
               " must be at least 1/2 and below 1 (a proposal passes with more than that share of organisations)");
  if (organisations.size() > ChainConfig::kMaxOrganisations)
    return bad(std::to_string(organisations.size()) + " organisations" + lim(ChainConfig::kMaxOrganisations));
  std::set<std::string> org_ids;
  for (const auto& o : organisations) {
    if (o.id.empty() || o.id.size() > Organisation::kMaxId)
      return bad("organisation id '" + o.id.substr(0, 80) + "' has 1 to " + std::to_string(Organisation::kMaxId) + " bytes");
    if (!org_ids.insert(o.id).second) return bad("organisation '" + o.id + "' is listed twice");
    if (o.name.size() > Member::kMaxName)
      return bad("the name of organisation '" + o.id + "' is longer than " + std::to_string(Member::kMaxName) + " bytes");
    if (o.admin_keys.size() > Organisation::kMaxAdmins)
      return bad("organisation '" + o.id + "' has " + std::to_string(o.admin_keys.size()) + " admin keys" +
                 lim(Organisation::kMaxAdmins));
    for (const auto& k : o.admin_keys)
      if (k.size() != (*crypto)->public_key_size())
        return bad("an admin key of organisation '" + o.id + "' is not a " + std::string((*crypto)->name()) + " public key");
    if (o.ca_certificate_pem.size() > Organisation::kMaxCertificate)
      return bad("the CA certificate of organisation '" + o.id + "' is larger than " +
                 std::to_string(Organisation::kMaxCertificate) + " bytes");
  }
  if (validators.empty()) return bad("there are no validators");
  if (validators.size() + observers.size() > ChainConfig::kMaxMembers)
    return bad(std::to_string(validators.size() + observers.size()) + " members" + lim(ChainConfig::kMaxMembers));
  std::set<std::string> names;
  std::set<Bytes> keys;
  for (const auto* list : {&validators, &observers})
    for (const auto& m : *list) {
      if (m.name.empty() || m.name.size() > Member::kMaxName)
        return bad("member name '" + m.name.substr(0, 80) + "' has 1 to " + std::to_string(Member::kMaxName) + " bytes");
      if (!names.insert(m.name).second) return bad("member '" + m.name + "' is listed twice");
      if (m.public_key.size() != (*crypto)->public_key_size())
        return bad("the key of member '" + m.name + "' is not a " + std::string((*crypto)->name()) + " public key");
      if (!keys.insert(m.public_key).second) return bad("member '" + m.name + "' has another member's key");
      if (m.organisation.size() > Organisation::kMaxId)
        return bad("the organisation of member '" + m.name + "' is longer than " + std::to_string(Organisation::kMaxId) +
                   " bytes");
      if (!organisations.empty() && !org_ids.count(m.organisation))
        return bad("member '" + m.name + "' belongs to organisation '" + m.organisation + "', which is not listed");
    }
  if (auto st = params.validate(); !st) return bad("params: " + st.error().detail);
  // The decoder is the final word: what it refuses, no node could read.
  if (auto c = ChainConfig::decode(config(**crypto).encode()); !c) return bad(c.error().detail);
  return {};
}

ChainConfig Genesis::config(const CryptoSuite& crypto) const {
  ChainConfig c;
  c.genesis_version = protocol_version;
  c.threshold_num = threshold_num;
  c.threshold_den = threshold_den;
  c.organisations = organisations;
  c.params = params;
  auto add = [&](const Validator& v, MemberRole role) {
    c.members.push_back(Member{crypto.node_id(v.public_key), v.public_key, v.name, v.organisation, role});
  };
  for (const auto& v : validators) add(v, MemberRole::kValidator);
  for (const auto& v : observers) add(v, MemberRole::kObserver);
  return c;
}

StatePtr Genesis::state(const CryptoSuite& crypto) const {
  return StateSnapshot::from_entries(crypto, {{config_key(0), config(crypto).encode()}},
                                     protocol_version);
}

BlockPtr Genesis::block(const CryptoSuite& crypto) const {
  ValidatorSet set(crypto, validators);
  BlockHeader h;
  h.height = 0;
  h.view = 0;
  h.protocol_version = protocol_version;
  h.validator_set_hash = set.hash();
  h.timestamp_ms = timestamp_ms;
  h.state_root = state(crypto)->root();
  h.tx_root = Block::compute_tx_root(crypto, {});
  // The chain name enters the genesis hash through the parent field.
  h.parent_hash = crypto.hash(as_bytes("consortia/genesis/v1/" + chain_name));
  return Block::create(crypto, h, {});
}

namespace {

using json = nlohmann::json;

Error bad(std::string why) { return make_error(ErrorCode::kInvalidArgument, std::move(why)); }

Result<Bytes> hex_field(const json& j, const char* key) {
  Bytes b;
  if (!j.contains(key) || !j[key].is_string() || !from_hex(j[key].get<std::string>(), b))
    return bad(std::string("field '") + key + "' must be a hex string");
  return b;
}

}  // namespace

std::string genesis_to_json(const Genesis& g) {
  json j;
  j["chain_name"] = g.chain_name;
  j["suite"] = g.suite == SuiteId::kSm2Sm3 ? "sm2-sm3" : "ed25519-sha256";
  j["timestamp_ms"] = g.timestamp_ms;
  j["protocol_version"] = g.protocol_version;
  j["threshold"] = {g.threshold_num, g.threshold_den};
  auto members = [](const std::vector<Validator>& v) {
    json a = json::array();
    for (const auto& m : v)
      a.push_back({{"name", m.name}, {"organisation", m.organisation}, {"public_key", to_hex(m.public_key)}});
    return a;
  };
  j["validators"] = members(g.validators);
  j["observers"] = members(g.observers);
  json orgs = json::array();
  for (const auto& o : g.organisations) {
    json keys = json::array();
    for (const auto& k : o.admin_keys) keys.push_back(to_hex(k));
    orgs.push_back({{"id", o.id}, {"name", o.name}, {"admin_keys", keys},
                    {"ca_certificate", o.ca_certificate_pem}, {"custodian", o.custodian}});
  }
  j["organisations"] = orgs;
  const ChainParams& p = g.params;
  j["params"] = {{"max_block_txs", p.max_block_txs},
                 {"min_block_interval_ms", p.min_block_interval_ms},
                 {"idle_block_interval_ms", p.idle_block_interval_ms},
                 {"base_timeout_ms", p.base_timeout_ms},
                 {"proposal_ttl_blocks", p.proposal_ttl_blocks}};
  return j.dump(2) + "\n";
}

Result<Genesis> genesis_from_json(const std::string& text) {
  Genesis g;
  try {
    json j = json::parse(text);
    g.chain_name = j.at("chain_name").get<std::string>();
    std::string suite = j.at("suite").get<std::string>();
    if (suite == "sm2-sm3") g.suite = SuiteId::kSm2Sm3;
    else if (suite == "ed25519-sha256") g.suite = SuiteId::kEd25519Sha256;
    else return bad("unknown suite '" + suite + "'");
    g.timestamp_ms = j.value("timestamp_ms", uint64_t{0});
    g.protocol_version = j.value("protocol_version", 1u);
    if (j.contains("threshold")) {
      g.threshold_num = j["threshold"].at(0).get<uint32_t>();
      g.threshold_den = j["threshold"].at(1).get<uint32_t>();
    }
    auto members = [&](const char* key, std::vector<Validator>& out) -> Status {
      if (!j.contains(key)) return {};
      for (const auto& m : j[key]) {
        auto pk = hex_field(m, "public_key");
        if (!pk) return pk.error();
        out.push_back({NodeId{}, *pk, m.at("name").get<std::string>(), m.at("organisation").get<std::string>()});
      }
      return {};
    };
    if (auto st = members("validators", g.validators); !st) return st.error();
    if (auto st = members("observers", g.observers); !st) return st.error();
    for (const auto& o : j.value("organisations", json::array())) {
      Organisation org;
      org.id = o.at("id").get<std::string>();
      org.name = o.value("name", org.id);
      for (const auto& k : o.value("admin_keys", json::array())) {
        Bytes b;
        if (!from_hex(k.get<std::string>(), b)) return bad("admin key of " + org.id + " is not hex");
        org.admin_keys.push_back(b);
      }
      org.ca_certificate_pem = o.value("ca_certificate", "");
      org.custodian = o.value("custodian", false);
      g.organisations.push_back(std::move(org));
    }
    if (j.contains("params")) {
      const json& p = j["params"];
      g.params.max_block_txs = p.value("max_block_txs", g.params.max_block_txs);
      g.params.min_block_interval_ms = p.value("min_block_interval_ms", g.params.min_block_interval_ms);
      g.params.idle_block_interval_ms = p.value("idle_block_interval_ms", g.params.idle_block_interval_ms);
      g.params.base_timeout_ms = p.value("base_timeout_ms", g.params.base_timeout_ms);
      g.params.proposal_ttl_blocks = p.value("proposal_ttl_blocks", g.params.proposal_ttl_blocks);
    }
  } catch (const json::exception& e) {
    return bad(std::string("genesis: ") + e.what());
  }
  if (auto st = g.validate(); !st) return st.error();
  return g;
}

}  // namespace consortia
