// The netem link model, written once: what happens to one frame sent on a
// link under a LinkRule (net/netem_rule.h). Lost, queued behind a rate
// limit (and dropped when the token bucket's queue limit is exceeded),
// duplicated, delayed with jitter and correlation, reordered (skipping the
// delay), corrupted. Used by the simulator's virtual links and by the
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
  struct Outcome {
    bool lost = false;       // netem loss: no copy at all
    bool duplicated = false;
    int queue_drops = 0;     // copies dropped by a full rate-limit queue
    std::vector<Copy> copies;
  };
  // Called when a copy is corrupted, at that point of the decisions: it
  // makes the corrupted bytes, typically with flip_bits on the same source.
  using Corrupt = std::function<void(size_t copy, Rng& rng)>;

  // A frame of `bytes` sent at `now`; `propagation` is the link's own
  // latency, to which the rule's delay adds; `egress_free` is when the
  // sender's egress is free (a rate limit's queue). All in ticks.
  Outcome shape(const LinkRule& rule, size_t bytes, int64_t now, int64_t propagation, Rng& rng, int64_t& egress_free,
                const Corrupt& corrupt = {});

  // One to three random bit flips, as netem's corrupt does.
  static void flip_bits(Bytes& data, Rng& rng);

 private:
  // netem's correlated randomness: next = c * last + (1 - c) * fresh.
  double correlated(Rng& rng, double& last, double c);
  int64_t ticks_per_second_ = 1'000'000;
  double delay_last_ = 0, loss_last_ = 0, reorder_last_ = 0;
};

}  // namespace consortia
