// Control calls for network faults, as the nodes table and the node detail
// make them: a rule on a node's egress to all its peers or to one, clearing
// a node's faults, partitioning a group of nodes from the rest (both ways:
// each side drops the other's traffic) and clearing every fault. Each call
// goes as the node's organisation's operator; the outcome comes back as data.
// Worker side (agents/collector.h states the threading contract).
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <memory>

#include "agents/agent_links.h"
#include "agents/metatypes.h"

namespace consortia::console {

class Collector;

class FaultControl : public QObject {
  Q_OBJECT
 public:
  FaultControl(std::shared_ptr<AgentLinks> links, Collector* collector)
      : links_(std::move(links)), collector_(collector) {}

 public slots:
  void apply_fault(int node, QString rule);
  void apply_link_fault(int node, QString peer_hex, QString rule);
  void clear_faults(int node);
  void partition(QList<int> group);
  void clear_all_faults();

 signals:
  void done(consortia::console::ControlOutcome outcome);

 private:
  bool valid(int node) const { return node >= 0 && node < static_cast<int>(links_->size()); }
  void finish(const ControlOutcome& outcome);
  std::shared_ptr<AgentLinks> links_;
  Collector* collector_;
};

}  // namespace consortia::console
