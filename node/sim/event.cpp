#include "sim/event.h"

namespace consortia::sim {
namespace {

uint64_t fold(uint64_t h, uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

Event EventQueue::pop(uint64_t& digest) {
  Event e = queue_.top();
  queue_.pop();
  uint64_t h = digest;
  h = fold(h, static_cast<uint64_t>(e.t));
  h = fold(h, e.kind);
  h = fold(h, static_cast<uint64_t>(static_cast<int64_t>(e.target)));
  h = fold(h, e.kind == Event::kFlap ? (e.flap_restore ? 1 : 0) : e.incarnation);
  h = fold(h, e.timeline_index);
  uint64_t from = 0;
  for (size_t i = 0; i < 8; ++i) from = from << 8 | e.from.v[i];
  h = fold(h, from);
  h = fold(h, e.msg ? e.msg->index() : 0xff);
  digest = h;
  return e;
}

}  // namespace consortia::sim
