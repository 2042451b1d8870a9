// The model types that cross from the worker thread to the GUI thread in
// queued signals.
#pragma once

#include <QMetaType>
#include <map>
#include <memory>
#include <vector>

#include "model/alerts.h"
#include "model/analysis.h"
#include "model/control.h"
#include "model/explorer.h"
#include "model/network_state.h"
#include "lifecycle/hosts.h"
#include "model/node_detail.h"
#include "model/proposals.h"
#include "model/runbook.h"
#include "model/series.h"

namespace consortia::console {

// Alerts as the Alerts page shows them: what holds now and the recent record.
struct AlertsView {
  std::vector<AlertRecord> records;  // newest first; cleared_ms 0 = active
  AlertRules rules;
};

void register_metatypes();

}  // namespace consortia::console

Q_DECLARE_METATYPE(consortia::console::NetworkState)
Q_DECLARE_METATYPE(std::vector<consortia::console::Finding>)
Q_DECLARE_METATYPE(consortia::console::SeriesByNode)
Q_DECLARE_METATYPE(std::shared_ptr<const consortia::console::SeriesByNode>)
Q_DECLARE_METATYPE(consortia::console::NodeDetail)
Q_DECLARE_METATYPE(consortia::console::ExplorerResult)
Q_DECLARE_METATYPE(consortia::console::AlertsView)
Q_DECLARE_METATYPE(consortia::console::AlertRules)
Q_DECLARE_METATYPE(consortia::console::ControlOutcome)
Q_DECLARE_METATYPE(std::vector<consortia::console::RunbookRecord>)
Q_DECLARE_METATYPE(std::vector<consortia::console::HostRecord>)
Q_DECLARE_METATYPE(std::vector<consortia::console::ProposalView>)
