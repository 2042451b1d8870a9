#include "agents/metatypes.h"

namespace consortia::console {

void register_metatypes() {
  qRegisterMetaType<NetworkState>();
  qRegisterMetaType<std::vector<Finding>>();
  qRegisterMetaType<SeriesByNode>();
  qRegisterMetaType<std::shared_ptr<const SeriesByNode>>();
  qRegisterMetaType<NodeDetail>();
  qRegisterMetaType<ExplorerResult>();
  qRegisterMetaType<AlertsView>();
  qRegisterMetaType<AlertRules>();
  qRegisterMetaType<ControlOutcome>();
  qRegisterMetaType<std::vector<RunbookRecord>>();
  qRegisterMetaType<std::vector<HostRecord>>();
  qRegisterMetaType<std::vector<ProposalView>>();
}

}  // namespace consortia::console
