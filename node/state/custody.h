// The fund custody contract (资金存管): UTXO-style outputs owned by keys, so
// that funds in transit are always in exactly one output and no "double
// balance" can appear, whatever the network duplicates or reorders.
//
//   deposit  amount                 -> a new output owned by the sender
//   transfer inputs -> outputs      -> inputs owned by the sender, unspent,
//                                      sum(inputs) == sum(outputs)
//   withdraw inputs                 -> outputs destroyed, supply reduced
//
// State keys: "u/<tx id hex>/<index>" -> owner (32 bytes) || amount (8 bytes LE)
//             "c/supply"              -> total of all unspent outputs
// Depositing is open to any sender for now; governance (issue 3) will limit it
// to custodian organisations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/transaction.h"

namespace consortia {

class StateSnapshot;

struct OutPoint {
  Hash32 tx;
  uint32_t index = 0;
  auto operator<=>(const OutPoint&) const = default;
  std::string key() const { return "u/" + tx.hex() + "/" + std::to_string(index); }
};

struct CustodyOutput {
  NodeId owner;
  uint64_t amount = 0;
};

struct CustodyOp {
  enum class Kind : uint8_t { kDeposit = 1, kTransfer = 2, kWithdraw = 3 };
  static constexpr size_t kMaxInputs = 64;
  static constexpr size_t kMaxOutputs = 64;

  Kind kind = Kind::kDeposit;
  uint64_t amount = 0;              // deposit
  std::vector<OutPoint> inputs;     // transfer, withdraw
  std::vector<CustodyOutput> outputs;  // transfer

  Bytes encode() const;
  // Structural checks only (sizes, non-zero amounts, no duplicate inputs).
  static Result<CustodyOp> decode(ByteView payload);
};

inline const std::string kSupplyKey = "c/supply";

Bytes encode_output(const CustodyOutput& o);
std::optional<CustodyOutput> decode_output(ByteView value);
uint64_t custody_supply(const StateSnapshot& s);
uint64_t custody_balance(const StateSnapshot& s, const NodeId& owner);
// Sum of every unspent output (a full scan: for checkers and tests).
uint64_t custody_unspent_total(const StateSnapshot& s);

}  // namespace consortia
