#include "overview/replay_query.h"

#include "agents/collector.h"
#include "model/replay.h"

namespace consortia::console {

void ReplayQuery::replay_at(qint64 t_ms) {
  if (!history_) return;
  NetworkState past = history_->state_at(network_, t_ms, replay_window_ms(t_ms, wall_ms()));
  emit replayed(replay_view(collector_->last(), past, t_ms));
}

void ReplayQuery::query_time_range() {
  if (!history_) return;
  auto [first, last] = history_->time_range(network_);
  emit time_range(first, last);
}

}  // namespace consortia::console
