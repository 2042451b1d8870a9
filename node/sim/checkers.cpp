#include "sim/checkers.h"

#include <sstream>

#include "sim/event.h"
#include "state/custody.h"

namespace consortia::sim {

void ChainChecker::violation(std::string kind, uint64_t height, std::string detail) {
  if (report_.safety_violations.size() >= 20) return;
  report_.safety_violations.push_back({std::move(kind), static_cast<double>(now_) / kUs, height, std::move(detail)});
}

bool ChainChecker::on_commit(const Instance& in, const Commit& c) {
  uint64_t h = c.block->height();
  if (c.block->header().protocol_version > in.max_version)
    violation("unsupported_version", h, "node " + std::to_string(in.index) + " committed a version " +
                                            std::to_string(c.block->header().protocol_version) + " block");
  if (h < canon_hash_.size()) {
    if (canon_hash_[h] != c.block->hash())
      violation("fork", h, "node " + std::to_string(in.index) + " committed " + c.block->hash().short_hex() +
                               ", another honest node " + canon_hash_[h].short_hex());
    else if (canon_state_[h] != c.state->root())
      violation("state_root", h, "node " + std::to_string(in.index) + " computed another state");
    return false;
  }
  if (h != canon_hash_.size()) {
    violation("gap", h, "node " + std::to_string(in.index) + " committed out of order");
    return false;
  }
  canon_hash_.push_back(c.block->hash());
  canon_state_.push_back(c.state->root());
  return true;
}

void ChainChecker::check_conservation(const StateSnapshot& state, uint64_t height) {
  uint64_t unspent = custody_unspent_total(state), supply = custody_supply(state);
  if (unspent != supply)
    violation("value_not_conserved", height,
              "unspent outputs " + std::to_string(unspent) + ", supply " + std::to_string(supply));
}

void ChainChecker::applied(const Transaction& tx, uint64_t height) {
  if (!live_ && !txs_.insert(tx.id()).second) violation("applied_twice", height, "transaction " + tx.id().short_hex());
  ++txs_count_;
}

void ChainChecker::check_restart(const Instance& in, uint64_t height) {
  if (in.honest() && height < in.height)
    violation("acknowledged_lost", in.height,
              "node " + std::to_string(in.index) + " restarted at height " + std::to_string(height) +
                  " after acknowledging " + std::to_string(in.height));
}

void ChainChecker::check_store(const Instance& in) {
  for (uint64_t h = 1; h <= in.store->tip_height(); ++h) {
    auto b = in.store->block_at(h);
    if (!b || h >= canon_hash_.size() || (*b)->hash() != canon_hash_[h]) {
      violation("acknowledged_lost", h, "node " + std::to_string(in.index) + " store differs at height " + std::to_string(h));
      break;
    }
  }
}

void ChainChecker::judge_liveness(const std::vector<std::string>& stalled) {
  if (stalled.empty()) return;
  report_.liveness_ok = false;
  std::ostringstream o;
  o << "no commit after " << mark_s_ << " s (height " << mark_height_ << ") on node(s):";
  for (const auto& s : stalled) o << ' ' << s;
  report_.liveness_detail = o.str();
}

}  // namespace consortia::sim
