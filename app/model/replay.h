// The overview's time slider: the network as history saw it at a moment,
// shown with today's nodes in the live view's order (node i is the same
// node in both, whatever else history remembers). Toolkit-free.
#pragma once

#include "model/history.h"
#include "model/network_state.h"

namespace consortia::console {

// How far back from `t_ms` a sample may be and still describe then: beyond
// the full-rate hour history keeps a sample a minute.
int64_t replay_window_ms(int64_t t_ms, int64_t now_ms);

// `live`'s nodes with what `past` (History::state_at) says of them at
// `t_ms`; a node without a sample then is shown unreachable.
NetworkState replay_view(const NetworkState& live, const NetworkState& past, int64_t t_ms);

}  // namespace consortia::console
