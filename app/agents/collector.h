// Polls every agent of a network for its status, records each snapshot in
// history and publishes it. The page queries (overview/, analysis/,
// charts/, alerts/, node_detail/, explorer/, agents/fault_control.h) live
// beside it.
//
// Threading contract: the Collector, the AgentLinks and every query object
// live on the console's one worker thread; every public slot runs there,
// through that thread's event loop; gRPC calls block only that thread and
// each has a deadline. Signals reach the GUI thread queued; `polled` is for
// the queries on the worker thread (direct).
#pragma once

#include <QObject>
#include <QTimer>
#include <memory>
#include <string>

#include "agents/agent_links.h"
#include "agents/metatypes.h"
#include "model/history.h"
#include "model/network_state.h"
#include "model/series.h"

namespace consortia::console {

class Collector : public QObject {
  Q_OBJECT
 public:
  explicit Collector(std::shared_ptr<AgentLinks> links);
  // Every snapshot is recorded under `network`; the console starts from
  // what was last seen there (an agent that does not answer keeps its last
  // known values, marked unreachable). Before start().
  void set_history(std::shared_ptr<History> history, std::string network);
  const NetworkState& last() const { return last_; }

 public slots:
  void start(int interval_ms);
  void poll_now();

 signals:
  void snapshot(consortia::console::NetworkState state);
  // The same, with each node's samples of the last ten minutes from history
  // (read once per poll for the analysis, the alerts and the charts).
  void polled(const consortia::console::NetworkState& state,
              std::shared_ptr<const consortia::console::SeriesByNode> recent);

 private:
  std::shared_ptr<AgentLinks> links_;
  std::shared_ptr<History> history_;
  std::string network_;
  NetworkState last_;
  int64_t last_downsample_ = 0;
  QTimer* timer_ = nullptr;
};

}  // namespace consortia::console
