#include "agents/agent_links.h"

#include "channel.h"

namespace consortia::console {

AgentLinks::AgentLinks(std::vector<Endpoint> endpoints, Identity viewer, OperatorFor operator_for)
    : endpoints_(std::move(endpoints)), viewer_(std::move(viewer)), operator_for_(std::move(operator_for)) {
  stubs_.resize(endpoints_.size());
}

AgentLinks::~AgentLinks() = default;

void AgentLinks::learn_identity(size_t i, const std::string& organisation, const std::string& id_hex) {
  Endpoint& e = endpoints_.at(i);
  if (e.organisation.empty()) e.organisation = organisation;
  if (e.id_hex.empty()) e.id_hex = id_hex;
}

v1::AgentService::Stub& AgentLinks::viewer(size_t i) {
  auto& stub = stubs_.at(i);
  if (!stub)
    stub = v1::AgentService::NewStub(
        agent::agent_channel(endpoints_[i].api_address, endpoints_[i].name, *viewer_, endpoints_[i].organisation));
  return *stub;
}

bool AgentLinks::control(size_t i, const Call& call, ControlOutcome& out) {
  const Endpoint& e = endpoints_.at(i);
  Identity id = operator_for_ ? operator_for_(e.organisation) : nullptr;
  if (!id) {
    out.failures.push_back({e.name, e.organisation, true, ""});
    return false;
  }
  auto stub = v1::AgentService::NewStub(agent::agent_channel(e.api_address, e.name, *id, e.organisation));
  grpc::ClientContext ctx;
  ctx.set_deadline(deadline(3000));
  grpc::Status st = call(*stub, ctx);
  if (st.ok()) return true;
  out.failures.push_back({e.name, e.organisation, false, st.error_message()});
  return false;
}

}  // namespace consortia::console
