// The Alerts page, worker side: the alert rules checked on every poll
// against each node's state and recent history; what they raise and clear
// kept in history. Worker thread (agents/collector.h).
#pragma once

#include <QObject>
#include <memory>
#include <string>

#include "agents/metatypes.h"
#include "model/alert_tracker.h"
#include "model/history.h"

namespace consortia::console {

class AlertsQuery : public QObject {
  Q_OBJECT
 public:
  AlertsQuery(std::shared_ptr<History> history, std::string network)
      : history_(std::move(history)), network_(std::move(network)) {}

 public slots:
  void on_polled(const consortia::console::NetworkState& state,
                 std::shared_ptr<const consortia::console::SeriesByNode> recent);
  void set_rules(consortia::console::AlertRules rules) { rules_ = rules; }

 signals:
  void alerts(consortia::console::AlertsView view);

 private:
  std::shared_ptr<History> history_;
  std::string network_;
  AlertRules rules_;
  AlertTracker tracker_;
  bool restored_ = false;
  int64_t last_emit_ = 0;
};

}  // namespace consortia::console
