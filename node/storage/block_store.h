// Durable node storage. A committed block, the state it produced and the new
// tip are written in one atomic step: after a crash at any point the store
// reopens at exactly the last block whose append() returned success.
#pragma once

#include <map>
#include <optional>
#include <unordered_map>

#include "ledger/block.h"
#include "state/state.h"

namespace consortia {

// What the consensus safety rules must remember across a restart, written
// before the vote or timeout it protects is sent.
struct SafetyState {
  uint64_t last_voted_view = 0;
  uint64_t current_view = 0;
  QuorumCertificate high_qc;
  std::optional<TimeoutCertificate> high_tc;

  void encode(Writer& w) const;
  static Result<SafetyState> decode(ByteView in);
};

class BlockStore {
 public:
  virtual ~BlockStore() = default;
  // Appends the block at tip_height()+1 with the state it produced
  // (state.touched() names the keys that changed).
  virtual Status append(const BlockPtr& block, const StatePtr& state) = 0;
  virtual Status save_safety(const SafetyState& s) = 0;
  virtual Result<std::optional<SafetyState>> load_safety() = 0;
  // Certified blocks above the tip (not yet committed). Without them a node
  // whose whole network restarted could not extend its highest certificate.
  // append() drops those at or below the new tip.
  virtual Status save_pending(const BlockPtr& block) = 0;
  virtual Result<std::vector<BlockPtr>> load_pending() = 0;

  // Height and block of the tip; 0 and nullptr for an empty store.
  virtual uint64_t tip_height() const = 0;
  virtual Result<BlockPtr> block_at(uint64_t height) = 0;
  virtual Result<BlockPtr> block_by_hash(const Hash32& hash) = 0;
  // Height of the committed block holding a transaction, or kNotFound.
  virtual Result<uint64_t> tx_height(const Hash32& id) = 0;
  // State after the tip block, checked against the tip's state root.
  virtual Result<StatePtr> load_state() = 0;
};

// Everything in memory; survives a simulated crash because the simulator
// keeps the store while it throws the node away.
class MemoryBlockStore final : public BlockStore {
 public:
  // Transaction id -> height. Stores of one network may share one (all
  // honest nodes commit the same chain); without one, tx_height finds nothing.
  using TxIndex = std::unordered_map<Hash32, uint64_t>;
  explicit MemoryBlockStore(std::shared_ptr<TxIndex> index = std::make_shared<TxIndex>())
      : tx_heights_(std::move(index)) {}
  Status append(const BlockPtr& block, const StatePtr& state) override;
  Status save_safety(const SafetyState& s) override;
  Result<std::optional<SafetyState>> load_safety() override;
  Status save_pending(const BlockPtr& block) override;
  Result<std::vector<BlockPtr>> load_pending() override;
  uint64_t tip_height() const override;
  Result<BlockPtr> block_at(uint64_t height) override;
  Result<BlockPtr> block_by_hash(const Hash32& hash) override;
  Result<uint64_t> tx_height(const Hash32& id) override;
  Result<StatePtr> load_state() override;

 private:
  std::vector<BlockPtr> blocks_;  // index = height - 1
  std::unordered_map<Hash32, uint64_t> by_hash_;
  std::shared_ptr<TxIndex> tx_heights_;
  StatePtr state_;
  std::optional<SafetyState> safety_;
  std::map<Hash32, BlockPtr> pending_;
};

}  // namespace consortia
