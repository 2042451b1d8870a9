#include "chain/genesis.h"

namespace consortia {

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
