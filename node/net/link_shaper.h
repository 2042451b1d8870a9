// The netem link model, written once: what happens to one frame sent on a
// link under a LinkRule (net/netem_rule.h). Dropped (message drop), queued
// behind a rate limit (and dropped when the token bucket's queue limit is
// exceeded), duplicated, delayed with jitter and correlation, reordered
// (skipping the delay), corrupted, and delayed by TCP retransmissions of its
// lost packets (packet loss), which hold back the frames behind it. Used by the simulator's virtual links and by the
// agent's userspace fault layer alike.
//
// The caller passes in the random source and the sender's egress clock (the
// simulator keeps one egress per node and one random source per run; the
// agent one of each per peer link), so the same rule, seed and frames give
// the same decisions in both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/bytes.h"
#include "core/random.h"
#include "net/netem_rule.h"

namespace consortia {

class LinkShaper {
 public:
  // Times are in ticks of the caller's clock: the simulator's microseconds
  // (the default), or the agent's nanoseconds, so that a rate limit spaces
  // small frames at high rates too.
  LinkShaper() = default;
  explicit LinkShaper(int64_t ticks_per_second) : ticks_per_second_(ticks_per_second) {}

  struct Copy {
    int64_t due = 0;         // when it arrives (the receiver may take it), in ticks
    bool corrupted = false;  // `corrupt` was called for it
  };
  // Packet loss as TCP lives it: frames go as packets of this size. A lost
  // packet is recovered in about two round trips (fast retransmit, or a
  // tail loss probe for the last one); a lost retransmission waits for the
  // retransmission timeout (at least Linux's 200 ms), doubled at each
  // further loss of the same packet.
  static constexpr size_t kPacketBytes = 1448;
  static constexpr int64_t kMinRtoUs = 200'000;
  static constexpr int kMaxRetransmissions = 15;  // then TCP gives up: the frame is lost

  struct Outcome {
    bool lost = false;       // message drop (or TCP gave up): no copy at all
    int retransmissions = 0; // packets sent again (packet loss)
    bool duplicated = false;
    int queue_drops = 0;     // copies dropped by a full rate-limit queue
    std::vector<Copy> copies;
  };
  // The sender's egress under a rate limit: when it is free for consensus
  // messages and for the rest (transaction gossip). Consensus messages go
  // first: they wait only behind each other, and the time they take is taken
  // from the gossip behind them.
  struct Egress {
    int64_t free = 0;           // for bulk frames
    int64_t priority_free = 0;  // for consensus frames
  };

  // Called when a copy is corrupted, at that point of the decisions: it
  // makes the corrupted bytes, typically with flip_bits on the same source.
  using Corrupt = std::function<void(size_t copy, Rng& rng)>;

  // A frame of `bytes` sent at `now`; `propagation` is the link's own
  // latency, to which the rule's delay adds; `egress` is the sender's (a rate
  // limit's queue); `priority`: a consensus message. All in ticks.
  Outcome shape(const LinkRule& rule, size_t bytes, int64_t now, int64_t propagation, Rng& rng, Egress& egress,
                bool priority = false, const Corrupt& corrupt = {});

  // One to three random bit flips, as netem's corrupt does.
  static void flip_bits(Bytes& data, Rng& rng);

 private:
  // netem's correlated randomness: next = c * last + (1 - c) * fresh.
  double correlated(Rng& rng, double& last, double c);
  int64_t ticks_per_second_ = 1'000'000;
  double delay_last_ = 0, loss_last_ = 0, drop_last_ = 0, reorder_last_ = 0;
  int64_t stream_due_ = 0;  // packet loss: a frame after a retransmitted one waits for it
};

}  // namespace consortia
