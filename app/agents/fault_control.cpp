#include "agents/fault_control.h"

#include "agents/api_adapter.h"
#include "agents/collector.h"

namespace consortia::console {
namespace {

grpc::Status clear_all_rules(v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
  v1::FaultRules out;
  return s.ClearFaults(&ctx, v1::ClearFaultsRequest{}, &out);
}

}  // namespace

void FaultControl::finish(const ControlOutcome& outcome) {
  emit done(outcome);
  collector_->poll_now();  // show the effect at once
}

void FaultControl::apply_fault(int node, QString rule) {
  if (!valid(node)) return;
  ControlOutcome o{ControlOutcome::Action::kApplyFault, {links_->endpoint(static_cast<size_t>(node)).name}, "",
                   rule.toStdString(), {}};
  links_->control(static_cast<size_t>(node), [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::SetFaultsRequest req;
    req.add_rules()->set_rule(o.argument);
    v1::FaultRules out;
    return s.SetFaults(&ctx, req, &out);
  }, o);
  finish(o);
}

void FaultControl::apply_link_fault(int node, QString peer_hex, QString rule) {
  if (!valid(node)) return;
  std::string peer = peer_hex.toStdString(), peer_name = peer.substr(0, 12);
  for (size_t i = 0; i < links_->size(); ++i)
    if (links_->endpoint(i).id_hex == peer) peer_name = links_->endpoint(i).name;
  ControlOutcome o{ControlOutcome::Action::kApplyLinkFault, {links_->endpoint(static_cast<size_t>(node)).name},
                   peer_name, rule.toStdString(), {}};
  links_->control(static_cast<size_t>(node), [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::SetFaultsRequest req;
    auto* r = req.add_rules();
    r->set_peer(raw_of(peer));
    r->set_rule(o.argument);
    v1::FaultRules out;
    return s.SetFaults(&ctx, req, &out);
  }, o);
  finish(o);
}

void FaultControl::clear_faults(int node) {
  if (!valid(node)) return;
  ControlOutcome o{ControlOutcome::Action::kClearFaults, {links_->endpoint(static_cast<size_t>(node)).name}, "", "",
                   {}};
  links_->control(static_cast<size_t>(node), clear_all_rules, o);
  finish(o);
}

void FaultControl::partition(QList<int> group) {
  ControlOutcome o{ControlOutcome::Action::kPartition, {}, "", "", {}};
  for (int i : group)
    if (valid(i)) o.nodes.push_back(links_->endpoint(static_cast<size_t>(i)).name);
  for (size_t i = 0; i < links_->size(); ++i) {
    bool inside = group.contains(static_cast<int>(i));
    links_->control(i, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
      v1::SetFaultsRequest req;
      for (size_t j = 0; j < links_->size(); ++j)
        if (group.contains(static_cast<int>(j)) != inside) req.add_partition(raw_of(links_->endpoint(j).id_hex));
      v1::FaultRules out;
      return s.SetFaults(&ctx, req, &out);
    }, o);
  }
  finish(o);
}

void FaultControl::clear_all_faults() {
  ControlOutcome o{ControlOutcome::Action::kClearAllFaults, {}, "", "", {}};
  for (size_t i = 0; i < links_->size(); ++i)
    links_->control(i, clear_all_rules, o);
  finish(o);
}

}  // namespace consortia::console
