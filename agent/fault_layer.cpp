#include "fault_layer.h"

namespace consortia::agent {

Status FaultLayer::set(const std::vector<FaultSpec>& rules, const std::vector<NodeId>& partition,
                       bool replace) {
  std::vector<std::pair<const FaultSpec*, LinkRule>> parsed;
  for (const auto& r : rules) {
    auto p = parse_link_rule(r.rule);
    if (!p) return make_error(ErrorCode::kInvalidArgument, "rule '" + r.rule + "': " + p.error().detail);
    parsed.emplace_back(&r, *p);
  }
  std::lock_guard lock(mu_);
  if (replace) {
    all_.reset();
    per_peer_.clear();
    partition_.clear();
  }
  for (const auto& [spec, rule] : parsed) {
    std::string text = rule.to_string();
    if (spec->peer) per_peer_[*spec->peer] = {text, rule};
    else all_ = std::make_pair(text, rule);
  }
  partition_.insert(partition.begin(), partition.end());
  return {};
}

void FaultLayer::clear() {
  std::lock_guard lock(mu_);
  all_.reset();
  per_peer_.clear();
  partition_.clear();
}

LinkRule FaultLayer::rule_for(const NodeId& peer) const {
  std::lock_guard lock(mu_);
  LinkRule r = all_ ? all_->second : LinkRule{};
  if (auto it = per_peer_.find(peer); it != per_peer_.end()) r.merge(it->second.second);
  return r;
}

bool FaultLayer::partitioned(const NodeId& peer) const {
  std::lock_guard lock(mu_);
  return partition_.count(peer) > 0;
}

size_t FaultLayer::active() const {
  std::lock_guard lock(mu_);
  return (all_ ? 1 : 0) + per_peer_.size() + partition_.size();
}

std::vector<FaultSpec> FaultLayer::rules() const {
  std::lock_guard lock(mu_);
  std::vector<FaultSpec> out;
  if (all_) out.push_back({std::nullopt, all_->first});
  for (const auto& [peer, r] : per_peer_) out.push_back({peer, r.first});
  return out;
}

std::vector<NodeId> FaultLayer::partition() const {
  std::lock_guard lock(mu_);
  return {partition_.begin(), partition_.end()};
}

std::vector<LinkShaper::Copy> LinkShaper::shape(const LinkRule& r, const Bytes& data, int64_t now_ns) {
  std::vector<Copy> out;
  if (r.loss > 0 && correlated(loss_last_, r.loss_correlation) < r.loss) return out;
  int copies = r.duplicate > 0 && uniform() < r.duplicate ? 2 : 1;
  for (int c = 0; c < copies; ++c) {
    int64_t depart = now_ns;
    if (r.rate_bps) {
      int64_t start = std::max(now_ns, egress_free_ns_);
      if (r.queue_limit_us && start - now_ns > r.queue_limit_us * 1000) continue;  // tbf drops
      egress_free_ns_ = start + static_cast<int64_t>(static_cast<double>(data.size()) * 8e9 /
                                                     static_cast<double>(r.rate_bps));
      depart = egress_free_ns_;
    }
    bool reordered = r.reorder > 0 && correlated(reorder_last_, r.reorder_correlation) < r.reorder;
    if (!reordered) {
      int64_t delay = r.delay_us * 1000;
      if (r.jitter_us) {
        double u = correlated(delay_last_, r.delay_correlation);
        delay += static_cast<int64_t>((u * 2 - 1) * static_cast<double>(r.jitter_us) * 1000);
      }
      depart += std::max<int64_t>(delay, 0);
    }
    Copy copy{depart, data};
    if (r.corrupt > 0 && uniform() < r.corrupt && !copy.data.empty()) {
      int flips = 1 + static_cast<int>(rng_() % 3);
      for (int f = 0; f < flips; ++f)
        copy.data[rng_() % copy.data.size()] ^= static_cast<uint8_t>(1u << (rng_() % 8));
    }
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace consortia::agent
