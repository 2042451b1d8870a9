// The console's connections to a network's agents: each agent's address
// and identity, a viewer channel to each (opened on first use), and control
// calls as the node's organisation's operator. Worker side: used on the
// console's worker thread only (agents/collector.h states the contract).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "consortia/v1/agent.grpc.pb.h"
#include "model/clock.h"
#include "model/control.h"

namespace consortia::agent {
struct ClientIdentity;
}

namespace consortia::console {

struct Endpoint {
  std::string name, organisation, api_address, metrics_address, id_hex;  // organisation, id: learned if empty
};

class AgentLinks {
 public:
  using Identity = std::shared_ptr<const agent::ClientIdentity>;
  // The operator identity for a node's organisation, or null when the
  // console holds none (it can then only watch that node).
  using OperatorFor = std::function<Identity(const std::string& organisation)>;

  AgentLinks(std::vector<Endpoint> endpoints, Identity viewer, OperatorFor operator_for);
  ~AgentLinks();

  size_t size() const { return endpoints_.size(); }
  const Endpoint& endpoint(size_t i) const { return endpoints_.at(i); }
  // Who an agent says it is, on first contact (inventory networks).
  void learn_identity(size_t i, const std::string& organisation, const std::string& id_hex);
  // The viewer's stub for agent i.
  v1::AgentService::Stub& viewer(size_t i);

  // A control call on agent i as its organisation's operator, with a
  // deadline; a refusal goes into `out`.
  using Call = std::function<grpc::Status(v1::AgentService::Stub&, grpc::ClientContext&)>;
  bool control(size_t i, const Call& call, ControlOutcome& out);

  static std::chrono::system_clock::time_point deadline(int ms) {
    return std::chrono::system_clock::now() + std::chrono::milliseconds(ms);
  }

 private:
  std::vector<Endpoint> endpoints_;
  Identity viewer_;
  OperatorFor operator_for_;
  std::vector<std::unique_ptr<v1::AgentService::Stub>> stubs_;
};

}  // namespace consortia::console
