// Network conditions in the vocabulary of Linux `tc netem` / `tc tbf`, shared
// by the simulator's virtual links and the agent's userspace fault layer:
//
//   delay 1000ms 300ms 30%      delay, jitter, correlation
//   loss 10% [25%]              packet loss [correlation] as a TCP stream
//                               lives it: a lost packet is sent again after
//                               a retransmission timeout, and the frames
//                               behind it on the link wait (nothing is lost)
//   drop 10% [25%]              message drop [correlation]: whole frames
//                               never arrive (harsher than TCP ever is)
//   duplicate 1%                duplication
//   corrupt 0.2%                corruption (the receiver must reject it)
//   reorder 25% [50%]           these packets skip the delay
//   rate 2048kbit               bandwidth of the sender's egress
//   tbf rate 2048kbit latency 50ms burst 2048   token bucket: rate plus a
//                               queue limit; what would wait longer is dropped
//
// Several clauses combine in one rule ("delay 100ms loss 1%"); a full command
// such as "tc qdisc add dev eth0 root netem loss 10%" is accepted too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace consortia {

struct LinkRule {
  int64_t delay_us = 0;
  int64_t jitter_us = 0;
  double delay_correlation = 0;
  double loss = 0;  // per packet, retransmitted (TCP)
  double loss_correlation = 0;
  double drop = 0;  // per message, gone
  double drop_correlation = 0;
  double duplicate = 0;
  double corrupt = 0;
  double reorder = 0;
  double reorder_correlation = 0;
  uint64_t rate_bps = 0;          // bits per second, 0 = unlimited
  int64_t queue_limit_us = 0;     // tbf latency: 0 = unlimited queue
  uint64_t burst_bytes = 0;

  bool empty() const;
  // Fields set in `other` replace ours (rules given later win).
  void merge(const LinkRule& other);
  // Canonical netem words, e.g. "delay 1000ms 300ms 30% loss 10%".
  std::string to_string() const;
  bool operator==(const LinkRule&) const = default;
};

Result<LinkRule> parse_link_rule(std::string_view text);

}  // namespace consortia
