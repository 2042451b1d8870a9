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
}

}  // namespace consortia::console
