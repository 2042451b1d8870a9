#include "storage/block_store.h"

namespace consortia {

namespace {
constexpr uint8_t kSafetyFormat = 1;
}

void SafetyState::encode(Writer& w) const {
  w.u8(kSafetyFormat);
  w.u64(last_voted_view);
  w.u64(current_view);
  high_qc.encode(w);
  w.u8(high_tc ? 1 : 0);
  if (high_tc) high_tc->encode(w);
}

Result<SafetyState> SafetyState::decode(ByteView in) {
  Reader r(in);
  SafetyState s;
  uint8_t format = r.u8();
  if (r.ok() && format != kSafetyFormat)
    return make_error(ErrorCode::kUnsupportedVersion,
                      "safety state format " + std::to_string(format));
  s.last_voted_view = r.u64();
  s.current_view = r.u64();
  s.high_qc = QuorumCertificate::read(r);
  uint8_t has_tc = r.u8();
  if (has_tc > 1) r.fail("bad flag");
  if (has_tc == 1) s.high_tc = TimeoutCertificate::read(r);
  if (auto st = r.finish("safety state"); !st) return st.error();
  return s;
}

Status MemoryBlockStore::append(const BlockPtr& block, const StatePtr& state) {
  uint64_t tip = tip_height();
  if (block->height() != tip + 1)
    return make_error(ErrorCode::kInvalidArgument, "block height " +
                                                       std::to_string(block->height()) +
                                                       " does not follow tip " + std::to_string(tip));
  if (tip > 0 && block->parent_hash() != blocks_.back()->hash())
    return make_error(ErrorCode::kInvalidArgument, "block does not extend the tip");
  blocks_.push_back(block);
  by_hash_.emplace(block->hash(), block->height());
  if (tx_heights_)
    for (const auto& tx : block->txs()) tx_heights_->emplace(tx->id(), block->height());
  state_ = state;
  std::erase_if(pending_, [&](const auto& kv) { return kv.second->height() <= block->height(); });
  return {};
}

Result<uint64_t> MemoryBlockStore::tx_height(const Hash32& id) {
  auto it = tx_heights_ ? tx_heights_->find(id) : TxIndex::iterator{};
  if (!tx_heights_ || it == tx_heights_->end() || it->second > tip_height())
    return make_error(ErrorCode::kNotFound, "no committed transaction " + id.short_hex());
  return it->second;
}

Status MemoryBlockStore::save_pending(const BlockPtr& block) {
  pending_[block->hash()] = block;
  return {};
}

Result<std::vector<BlockPtr>> MemoryBlockStore::load_pending() {
  std::vector<BlockPtr> out;
  for (const auto& [h, b] : pending_) out.push_back(b);
  return out;
}

Status MemoryBlockStore::save_safety(const SafetyState& s) {
  safety_ = s;
  return {};
}

Result<std::optional<SafetyState>> MemoryBlockStore::load_safety() { return safety_; }

uint64_t MemoryBlockStore::tip_height() const { return blocks_.size(); }

Result<BlockPtr> MemoryBlockStore::block_at(uint64_t height) {
  if (height == 0 || height > blocks_.size())
    return make_error(ErrorCode::kNotFound, "no block at height " + std::to_string(height));
  return blocks_[height - 1];
}

Result<BlockPtr> MemoryBlockStore::block_by_hash(const Hash32& hash) {
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return make_error(ErrorCode::kNotFound, "no block " + hash.short_hex());
  return blocks_[it->second - 1];
}

Result<StatePtr> MemoryBlockStore::load_state() {
  if (!state_) return make_error(ErrorCode::kNotFound, "empty store has no state");
  return state_;
}

}  // namespace consortia
