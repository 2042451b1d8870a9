// The agent's userspace fault layer, in `tc netem` words (net/netem_rule.h):
// rules for all peers and per peer, and partitions, changeable at run time.
// Applied on each peer link's egress (delay with jitter and correlation,
// reordering, loss, duplication, corruption, rate with tbf's queue limit);
// a partition also drops what arrives from the peer.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/random.h"
#include "net/link_shaper.h"
#include "net/netem_rule.h"

namespace consortia::agent {

struct FaultSpec {
  std::optional<NodeId> peer;  // nullopt: every peer
  std::string rule;
};

class FaultLayer {
 public:
  // Checks every rule first: a bad rule changes nothing.
  Status set(const std::vector<FaultSpec>& rules, const std::vector<NodeId>& partition, bool replace,
             uint32_t flap_period_ms = 0);
  void clear();
  LinkRule rule_for(const NodeId& peer) const;
  bool partitioned(const NodeId& peer) const;
  size_t active() const;  // rules plus partitioned peers
  std::vector<FaultSpec> rules() const;
  std::vector<NodeId> partition() const;
  uint32_t flap_period_ms() const;
  // Kernel qdiscs: applies `rule` with tc on `interface` (netem, or tbf for a
  // pure rate rule), or says why it cannot (no sch_netem, no CAP_NET_ADMIN,
  // no such interface). Cleared by clear().
  Status apply_qdisc(const std::string& interface, const std::string& rule);
  std::vector<std::string> qdiscs() const;

 private:
  mutable std::mutex mu_;
  std::optional<std::pair<std::string, LinkRule>> all_;
  std::map<NodeId, std::pair<std::string, LinkRule>> per_peer_;
  std::set<NodeId> partition_;
  uint32_t flap_period_ms_ = 0;
  int64_t flap_start_ms_ = 0;
  std::map<std::string, std::string> qdiscs_;  // interface -> rule
};

// One peer link's egress under the fault layer's rules: the shared netem
// model (net/link_shaper.h) with this link's own random source and egress
// clock. Gives the frames that leave (none when lost, two when duplicated),
// each with the time it may leave and possibly corrupted.
class LinkEgress {
 public:
  // Times in ticks of `ticks_per_second`: the transport's nanoseconds.
  explicit LinkEgress(uint64_t seed, int64_t ticks_per_second = 1'000'000'000)
      : rng_(seed), shaper_(ticks_per_second) {}
  struct Copy {
    int64_t due;  // ticks
    Bytes data;
  };
  // `priority`: a consensus message, ahead of transaction gossip under a rate limit.
  std::vector<Copy> shape(const LinkRule& r, const Bytes& frame, int64_t now, bool priority = false);

 private:
  Rng rng_;
  LinkShaper shaper_;
  LinkShaper::Egress egress_;
};

}  // namespace consortia::agent
