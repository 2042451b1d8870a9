#include "model/alert_tracker.h"

namespace consortia::console {

void AlertTracker::restore(const std::vector<AlertRecord>& open) {
  for (const auto& a : open)
    if (a.cleared_ms == 0) active_.insert({a.node, a.rule});
}

AlertTracker::Changes AlertTracker::update(const std::vector<Alert>& holding) {
  Changes c;
  std::set<std::pair<std::string, std::string>> now;
  for (const auto& a : holding) {
    now.insert({a.node, a.rule});
    if (!active_.count({a.node, a.rule})) c.raised.push_back(a);
  }
  for (const auto& key : active_)
    if (!now.count(key)) c.cleared.push_back(key);
  active_ = std::move(now);
  return c;
}

}  // namespace consortia::console
