#include "chain/genesis.h"

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

}  // namespace consortia
