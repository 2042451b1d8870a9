#include "chain/genesis.h"

namespace consortia {

BlockPtr Genesis::block(const CryptoSuite& crypto) const {
  ValidatorSet set(crypto, validators);
  BlockHeader h;
  h.height = 0;
  h.view = 0;
  h.protocol_version = protocol_version;
  h.validator_set_hash = set.hash();
  h.timestamp_ms = timestamp_ms;
  h.state_root = StateSnapshot::empty(crypto)->root();
  h.tx_root = Block::compute_tx_root(crypto, {});
  // The chain name enters the genesis hash through the parent field.
  h.parent_hash = crypto.hash(as_bytes("consortia/genesis/v1/" + chain_name));
  return Block::create(crypto, h, {});
}

}  // namespace consortia
