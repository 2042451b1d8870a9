#include "alerts/alerts_query.h"

namespace consortia::console {

void AlertsQuery::on_polled(const NetworkState& s, std::shared_ptr<const SeriesByNode> recent) {
  if (!history_) return;
  if (!restored_) {  // alerts still open from an earlier session
    tracker_.restore(history_->alerts(network_, s.at_ms));
    restored_ = true;
  }
  auto changes = tracker_.update(evaluate_alerts(rules_, s, recent ? *recent : SeriesByNode{}));
  for (const auto& a : changes.raised) history_->raise_alert(network_, {a.node, a.rule, "", s.at_ms, 0, a.value});
  for (const auto& [node, rule] : changes.cleared) history_->clear_alert(network_, node, rule, s.at_ms);
  if (changes.any() || s.at_ms - last_emit_ > 5000) {
    last_emit_ = s.at_ms;
    emit alerts({history_->alerts(network_, s.at_ms - 24 * 3600'000LL), rules_});
  }
}

}  // namespace consortia::console
