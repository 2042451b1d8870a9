#include "charts/charts_query.h"

#include <algorithm>

#include "agents/collector.h"

namespace consortia::console {

void ChartsQuery::on_polled(const NetworkState& s, std::shared_ptr<const SeriesByNode> recent) {
  last_recent_ = recent;
  if (!history_ || s.at_ms - last_emit_ < 3000) return;
  publish(s, recent);
}

void ChartsQuery::set_range(qint64 range_ms) {
  range_ms_ = std::max<qint64>(60'000, range_ms);
  if (history_ && collector_->last().at_ms) publish(collector_->last(), last_recent_);
}

void ChartsQuery::publish(const NetworkState& s, const std::shared_ptr<const SeriesByNode>& recent) {
  last_emit_ = s.at_ms;
  if (range_ms_ <= 600'000 && recent) {
    emit series(*recent);
    return;
  }
  SeriesByNode longer;
  for (const auto& n : s.nodes)
    longer[n.name] = thin(history_->samples(network_, n.name, s.at_ms - range_ms_, s.at_ms), 600);
  emit series(longer);
}

}  // namespace consortia::console
