// The genesis of a chain: its crypto suite, organisations, first validators
// and observers, governance threshold, chain parameters and protocol
// version. The chain id is the hash of the genesis block, and every signed
// consensus statement is bound to it. The genesis state holds the chain
// configuration (state/governance.h), from which governance moves on.
#pragma once

#include "consensus/validator_set.h"
#include "ledger/block.h"
#include "state/governance.h"
#include "state/state.h"

namespace consortia {

struct Genesis {
  std::string chain_name = "consortia";
  SuiteId suite = SuiteId::kEd25519Sha256;
  uint64_t timestamp_ms = 0;
  uint32_t protocol_version = 1;
  std::vector<Validator> validators;
  std::vector<Validator> observers;
  std::vector<Organisation> organisations;  // may be empty: then nobody can govern
  uint32_t threshold_num = 2, threshold_den = 3;
  ChainParams params;

  static constexpr size_t kMaxChainName = 64;

  // Within the limits every node's decoder holds the chain configuration to
  // (a genesis outside them would give an empty configuration at the first
  // block), with a governance threshold of at least one half and below one,
  // members named once, keys of the suite's size, and each member's
  // organisation listed when organisations are. The error names the field.
  Status validate() const;
  ChainConfig config(const CryptoSuite& crypto) const;
  StatePtr state(const CryptoSuite& crypto) const;
  BlockPtr block(const CryptoSuite& crypto) const;
};

// genesis.json: the genesis as every member's copy holds it. Reading
// validates it (Genesis::validate).
std::string genesis_to_json(const Genesis& g);
Result<Genesis> genesis_from_json(const std::string& text);

}  // namespace consortia
