// Opening a mutual-TLS channel to an agent's API, for the load tool, the
// tests and the console.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "network.h"

namespace consortia::agent {

struct ClientIdentity {
  std::string ca_bundle_pem, certificate_pem, key_pem;
};

Result<ClientIdentity> load_client_identity(const NetworkInfo& net, const std::string& organisation,
                                            const std::string& role);

// `server_name`: the agent's node name (certificates name "<node>.consortia").
// `organisation`: the node's, when known: then only that organisation's CA
// may have issued the agent's certificate (any CA of the bundle could issue
// "node-3.consortia" and sit between a console and another organisation's
// agent). With no CA of that organisation in the bundle, nothing verifies.
std::shared_ptr<grpc::Channel> agent_channel(const std::string& address, const std::string& server_name,
                                             const ClientIdentity& id, const std::string& organisation = "");

}  // namespace consortia::agent
