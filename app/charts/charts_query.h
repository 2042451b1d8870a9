// The Charts page, worker side: each node's samples over the chosen range
// from history, every few seconds (the last ten minutes come with each
// poll; longer ranges are read and thinned). Worker thread
// (agents/collector.h).
#pragma once

#include <QObject>
#include <memory>
#include <string>

#include "agents/metatypes.h"
#include "model/history.h"

namespace consortia::console {

class Collector;

class ChartsQuery : public QObject {
  Q_OBJECT
 public:
  ChartsQuery(std::shared_ptr<History> history, std::string network, const Collector* collector)
      : history_(std::move(history)), network_(std::move(network)), collector_(collector) {}

 public slots:
  void on_polled(const consortia::console::NetworkState& state,
                 std::shared_ptr<const consortia::console::SeriesByNode> recent);
  // Charts cover the last `range_ms` from now on (and at once).
  void set_range(qint64 range_ms);

 signals:
  void series(consortia::console::SeriesByNode by_node);

 private:
  void publish(const NetworkState& s, const std::shared_ptr<const SeriesByNode>& recent);
  std::shared_ptr<History> history_;
  std::string network_;
  int64_t range_ms_ = 600'000;
  const Collector* collector_;
  int64_t last_emit_ = 0;
  std::shared_ptr<const SeriesByNode> last_recent_;
};

}  // namespace consortia::console
