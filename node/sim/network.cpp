#include "sim/network.h"

namespace consortia::sim {

void VirtualNetwork::build(size_t n, double min_ms, double max_ms, Rng& rng) {
  std::vector<int64_t> base(n * n);
  for (auto& b : base) b = static_cast<int64_t>((min_ms + rng.uniform() * (max_ms - min_ms)) * 1000);
  build(n, std::move(base));
}

void VirtualNetwork::build(size_t n, std::vector<int64_t> base_us) {
  n_ = n;
  links_.assign(n * n, Link{});
  for (size_t i = 0; i < n * n; ++i) links_[i].base_us = base_us[i];
  cut_.assign(n * n, 0);
  egress_clock_.assign(n, {});
  egress_.assign(n, LinkRule{});
}

void VirtualNetwork::set_cut(int from, int to, bool cut) { cut_[at(from, to)] = cut; }

void VirtualNetwork::isolate(const std::vector<int>& nodes, bool cut) {
  for (int x : nodes)
    for (size_t y = 0; y < n_; ++y)
      if (static_cast<int>(y) != x) set_cut(x, static_cast<int>(y), cut), set_cut(static_cast<int>(y), x, cut);
}

void VirtualNetwork::partition(const std::vector<int>& group) {
  for (size_t a = 0; a < n_; ++a)
    for (size_t b = 0; b < n_; ++b) cut_[a * n_ + b] = group[a] != group[b];
}

void VirtualNetwork::heal() { std::fill(cut_.begin(), cut_.end(), 0); }

void VirtualNetwork::clear_rules() {
  global_ = LinkRule{};
  for (auto& r : egress_) r = LinkRule{};
}

LinkRule VirtualNetwork::rule_for(int from) const {
  LinkRule r = global_;
  r.merge(egress_[static_cast<size_t>(from)]);
  return r;
}

std::vector<LinkShaper::Copy> VirtualNetwork::transmit(int from, int to, size_t bytes, bool consensus, int64_t t_us,
                                                       Rng& rng, const LinkShaper::Corrupt& corrupt) {
  Link& link = links_[at(from, to)];
  ++link.messages;
  link.bytes += bytes;
  auto drop = [&] {
    ++counters_.dropped;
    ++link.dropped;
  };
  if (cut_[at(from, to)]) {
    drop();
    return {};
  }
  if (consensus) {
    ++counters_.consensus_messages;
    counters_.consensus_bytes += bytes;
  }
  LinkRule r = rule_for(from);
  if (policy_) {
    auto extra = policy_(from, to);
    if (!extra) {
      drop();
      return {};
    }
    r.merge(*extra);
  }
  auto out = link.shaper.shape(r, bytes, t_us, link.base_us, rng, egress_clock_[static_cast<size_t>(from)], consensus,
                               [&](size_t copy, Rng& g) {
                                 ++counters_.corrupted;
                                 if (corrupt) corrupt(copy, g);
                               });
  if (out.lost) drop();
  counters_.retransmitted += static_cast<uint64_t>(out.retransmissions);
  if (out.duplicated) ++counters_.duplicated;
  for (int i = 0; i < out.queue_drops; ++i) drop();
  return std::move(out.copies);
}

LinkStats VirtualNetwork::stats(int from, int to) const {
  const Link& ab = links_.at(at(from, to));
  const Link& ba = links_.at(at(to, from));
  return {static_cast<double>(ab.base_us + ba.base_us) / 1000.0, ab.messages, ab.dropped, ab.bytes};
}

}  // namespace consortia::sim
