// The simulator's virtual network: a base latency per directed link, cut
// links (partitions, isolation, one-way cuts), netem rules for every link
// and per sending node, an optional policy from outside (the live sandbox's
// fault API), and per-link traffic counts. Each message on a link goes
// through the shared LinkShaper (net/link_shaper.h) with the run's random
// source and the sender's egress clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/random.h"
#include "net/link_shaper.h"
#include "net/netem_rule.h"

namespace consortia::sim {

// Traffic on the link from one instance to another so far.
struct LinkStats {
  double base_rtt_ms = 0;  // the link's latency both ways, before any rule
  uint64_t messages = 0, dropped = 0, bytes = 0;
};

// What the network did to messages, for the report.
struct TrafficCounters {
  uint64_t dropped = 0, duplicated = 0, corrupted = 0;
  uint64_t retransmitted = 0;  // packets sent again under packet loss
  uint64_t consensus_messages = 0, consensus_bytes = 0;
};

class VirtualNetwork {
 public:
  // Rules for links on top of the scenario's: for (from, to) the rule to add,
  // or nullopt to drop the message.
  using LinkPolicy = std::function<std::optional<LinkRule>(int from, int to)>;

  // `n` instances; each directed link's base latency is drawn from `rng`,
  // uniform in [min_ms, max_ms].
  void build(size_t n, double min_ms, double max_ms, Rng& rng);
  // The same with given base latencies (microseconds, row-major n x n).
  void build(size_t n, std::vector<int64_t> base_us);
  size_t size() const { return n_; }

  // Cuts.
  void set_cut(int from, int to, bool cut);
  // Cuts `nodes` from everyone, both ways (or restores them).
  void isolate(const std::vector<int>& nodes, bool cut);
  // group[i] is instance i's group: links between groups are cut.
  void partition(const std::vector<int>& group);
  void heal();

  // Rules.
  void add_rule(const LinkRule& r) { global_.merge(r); }
  void add_egress_rule(int node, const LinkRule& r) { egress_[static_cast<size_t>(node)].merge(r); }
  void clear_rules();
  LinkRule rule_for(int from) const;
  void set_policy(LinkPolicy p) { policy_ = std::move(p); }

  // One message of `bytes` from `from` to `to` at `t_us` (`consensus`: not
  // transaction gossip). Returns the copies that arrive, in order, with when;
  // `corrupt` makes a corrupted copy's bytes (see LinkShaper).
  std::vector<LinkShaper::Copy> transmit(int from, int to, size_t bytes, bool consensus, int64_t t_us, Rng& rng,
                                         const LinkShaper::Corrupt& corrupt);

  LinkStats stats(int from, int to) const;
  const TrafficCounters& counters() const { return counters_; }

 private:
  struct Link {
    int64_t base_us = 0;
    LinkShaper shaper;
    uint64_t messages = 0, dropped = 0, bytes = 0;
  };
  size_t at(int from, int to) const { return static_cast<size_t>(from) * n_ + static_cast<size_t>(to); }
  size_t n_ = 0;
  std::vector<Link> links_;
  std::vector<uint8_t> cut_;
  std::vector<LinkShaper::Egress> egress_clock_;  // per sender: its rate-limited egress, in µs
  LinkRule global_;
  std::vector<LinkRule> egress_;  // per sender, merged over the global rule
  LinkPolicy policy_;
  TrafficCounters counters_;
};

}  // namespace consortia::sim
