// Which alerts are active: given the alerts that hold now, what was raised
// and what cleared since the last evaluation. Toolkit-free; the alerts query
// keeps the result in history.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/alerts.h"

namespace consortia::console {

class AlertTracker {
 public:
  // Alerts still open from an earlier session.
  void restore(const std::vector<AlertRecord>& open);
  struct Changes {
    std::vector<Alert> raised;
    std::vector<std::pair<std::string, std::string>> cleared;  // node, rule
    bool any() const { return !raised.empty() || !cleared.empty(); }
  };
  Changes update(const std::vector<Alert>& holding);
  size_t active() const { return active_.size(); }

 private:
  std::set<std::pair<std::string, std::string>> active_;  // node, rule
};

}  // namespace consortia::console
