#include "net/link_shaper.h"

#include <algorithm>

namespace consortia {

double LinkShaper::correlated(Rng& rng, double& last, double c) {
  double v = c > 0 ? c * last + (1 - c) * rng.uniform() : rng.uniform();
  last = v;
  return v;
}

void LinkShaper::flip_bits(Bytes& data, Rng& rng) {
  if (data.empty()) return;
  int flips = 1 + static_cast<int>(rng.below(3));
  for (int f = 0; f < flips; ++f) {
    // The bit first, then the byte: the order the decisions were always drawn in.
    auto bit = static_cast<uint8_t>(1u << rng.below(8));
    data[rng.below(data.size())] ^= bit;
  }
}

LinkShaper::Outcome LinkShaper::shape(const LinkRule& r, size_t bytes, int64_t now, int64_t propagation, Rng& rng,
                                      Egress& egress, bool priority, const Corrupt& corrupt) {
  // The rule's times are microseconds; the caller's ticks may be finer.
  const int64_t per_us = ticks_per_second_ / 1'000'000;
  Outcome out;
  if (r.drop > 0 && correlated(rng, drop_last_, r.drop_correlation) < r.drop) {
    out.lost = true;
    return out;
  }
  // Packet loss: how long the frame's retransmissions take (its packets are
  // recovered in parallel, so the slowest one counts).
  int64_t retransmit = 0;
  if (r.loss > 0) {
    size_t packets = std::max<size_t>(1, (bytes + kPacketBytes - 1) / kPacketBytes);
    int64_t rtt = std::max<int64_t>(2 * (propagation + r.delay_us * per_us), 1000 * per_us);
    int64_t rto = std::max<int64_t>(kMinRtoUs * per_us, 2 * rtt);
    for (size_t p = 0; p < packets; ++p) {
      int64_t extra = 0, wait = 2 * rtt;
      int tries = 0;
      while (correlated(rng, loss_last_, r.loss_correlation) < r.loss) {
        if (++tries > kMaxRetransmissions) {
          out.lost = true;
          out.retransmissions += tries - 1;
          return out;
        }
        extra += wait;
        wait = tries == 1 ? rto : wait * 2;
      }
      out.retransmissions += tries;
      retransmit = std::max(retransmit, extra);
    }
  }
  int copies = rng.chance(r.duplicate) ? 2 : 1;
  out.duplicated = copies == 2;
  for (int c = 0; c < copies; ++c) {
    int64_t depart = now;
    if (r.rate_bps) {
      int64_t start = std::max(now, priority ? egress.priority_free : std::max(egress.free, egress.priority_free));
      if (r.queue_limit_us && start - now > r.queue_limit_us * per_us) {
        ++out.queue_drops;  // the token bucket's queue is full
        continue;
      }
      int64_t wire = static_cast<int64_t>(static_cast<double>(bytes) * 8 * static_cast<double>(ticks_per_second_) /
                                          static_cast<double>(r.rate_bps));
      if (priority) {
        egress.priority_free = start + wire;
        egress.free = std::max(egress.free, now) + wire;  // the bulk queue lost that time
        depart = egress.priority_free;
      } else {
        egress.free = start + wire;
        depart = egress.free;
      }
    }
    int64_t delay = propagation;
    bool reordered = r.reorder > 0 && correlated(rng, reorder_last_, r.reorder_correlation) < r.reorder;
    if (!reordered) {
      delay += r.delay_us * per_us;
      if (r.jitter_us) {
        double u = correlated(rng, delay_last_, r.delay_correlation);
        delay += static_cast<int64_t>((u * 2 - 1) * static_cast<double>(r.jitter_us * per_us));
      }
    }
    Copy copy{depart + std::max<int64_t>(delay, 0) + retransmit, false};
    if (r.loss > 0) {
      // One TCP stream: nothing overtakes a frame being retransmitted.
      copy.due = std::max(copy.due, stream_due_);
      if (retransmit > 0) stream_due_ = copy.due;
    }
    if (rng.chance(r.corrupt)) {
      copy.corrupted = true;
      if (corrupt) corrupt(out.copies.size(), rng);
    }
    out.copies.push_back(copy);
  }
  return out;
}

}  // namespace consortia
