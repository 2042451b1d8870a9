// The overview's time slider, worker side: the network as history saw it at
// a moment, and the span history covers. Worker thread (agents/collector.h).
#pragma once

#include <QObject>
#include <memory>
#include <string>

#include "agents/metatypes.h"
#include "model/history.h"

namespace consortia::console {

class Collector;

class ReplayQuery : public QObject {
  Q_OBJECT
 public:
  ReplayQuery(std::shared_ptr<History> history, std::string network, const Collector* collector)
      : history_(std::move(history)), network_(std::move(network)), collector_(collector) {}

 public slots:
  void replay_at(qint64 t_ms);
  void query_time_range();

 signals:
  void replayed(consortia::console::NetworkState state);
  void time_range(qint64 first_ms, qint64 last_ms);

 private:
  std::shared_ptr<History> history_;
  std::string network_;
  const Collector* collector_;
};

}  // namespace consortia::console
