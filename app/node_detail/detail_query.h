// The node detail page, worker side: the log tail at a level, audit
// entries, host facts and the last blocks of one node, and setting its log
// level (an operator call). Worker thread (agents/collector.h).
#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "agents/agent_links.h"
#include "agents/metatypes.h"

namespace consortia::console {

class Collector;

class DetailQuery : public QObject {
  Q_OBJECT
 public:
  DetailQuery(std::shared_ptr<AgentLinks> links, const Collector* collector)
      : links_(std::move(links)), collector_(collector) {}

 public slots:
  void fetch(int node, QString min_level);
  void set_log_level(int node, QString level);

 signals:
  void detail(consortia::console::NodeDetail d);
  void control_done(consortia::console::ControlOutcome outcome);

 private:
  std::shared_ptr<AgentLinks> links_;
  const Collector* collector_;
};

}  // namespace consortia::console
