#include "node_host.h"

#include <atomic>

namespace consortia::agent {

namespace {
std::atomic<uint32_t> g_max_protocol{kMaxProtocolVersion};
}
uint32_t software_max_protocol() { return g_max_protocol.load(std::memory_order_relaxed); }
void set_software_max_protocol(uint32_t v) { g_max_protocol = v; }

uint64_t NodeHost::subscribe(Subscriber s) {
  std::lock_guard lock(sub_mu_);
  subscribers_.emplace(next_sub_, std::move(s));
  return next_sub_++;
}

void NodeHost::unsubscribe(uint64_t id) {
  std::lock_guard lock(sub_mu_);
  subscribers_.erase(id);
}

void NodeHost::publish(const AgentEvent& e) {
  std::lock_guard lock(sub_mu_);
  for (auto& [id, s] : subscribers_) s(e);
}

void NodeHost::announce(const NodeStatus& st) {
  if (st.view != last_view_) {
    last_view_ = st.view;
    AgentEvent e{AgentEvent::Kind::kViewChange};
    e.view = st.view;
    e.height = st.height;
    publish(e);
  }
  if (!st.halted.empty() && st.halted != last_halted_) {
    last_halted_ = st.halted;
    log().error("node halted: " + st.halted);
    AgentEvent e{AgentEvent::Kind::kHalted};
    e.detail = st.halted;
    e.height = st.height;
    publish(e);
  }
}

}  // namespace consortia::agent
