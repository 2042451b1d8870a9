// The genesis of a chain: its crypto suite, first validators and protocol
// version. The chain id is the hash of the genesis block, and every signed
// consensus statement is bound to it.
#pragma once

#include "consensus/validator_set.h"
#include "ledger/block.h"
#include "state/state.h"

namespace consortia {

struct Genesis {
  std::string chain_name = "consortia";
  SuiteId suite = SuiteId::kEd25519Sha256;
  uint64_t timestamp_ms = 0;
  uint32_t protocol_version = 1;
  std::vector<Validator> validators;

  BlockPtr block(const CryptoSuite& crypto) const;
};

}  // namespace consortia
