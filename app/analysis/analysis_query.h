// The Analysis page, worker side: on every poll, the fault analysis rules
// (model/analysis.h) over the snapshot and recent history, with a fork
// bisected by asking the agents for their blocks. Worker thread
// (agents/collector.h).
#pragma once

#include <QObject>
#include <memory>

#include "agents/agent_links.h"
#include "agents/metatypes.h"

namespace consortia::console {

class AnalysisQuery : public QObject {
  Q_OBJECT
 public:
  // View changes per minute above this are a storm.
  static constexpr double kStormPerMinute = 10;
  explicit AnalysisQuery(std::shared_ptr<AgentLinks> links) : links_(std::move(links)) {}

 public slots:
  void analyse(const consortia::console::NetworkState& state,
               std::shared_ptr<const consortia::console::SeriesByNode> recent);

 signals:
  void findings(std::vector<consortia::console::Finding> found);

 private:
  std::optional<Finding> fork(const NetworkState& s);
  std::shared_ptr<AgentLinks> links_;
};

}  // namespace consortia::console
