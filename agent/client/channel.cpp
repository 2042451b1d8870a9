#include "channel.h"

#include "pki.h"

namespace consortia::agent {

Result<ClientIdentity> load_client_identity(const NetworkInfo& net, const std::string& organisation,
                                            const std::string& role) {
  auto ca = read_file(net.ca_bundle_path);
  auto crt = read_file(net.client_certificate(organisation, role));
  auto key = read_file(net.client_key(organisation, role));
  if (!ca || !crt || !key)
    return make_error(ErrorCode::kNotFound, "no " + role + " certificate for " + organisation + " in " + net.dir);
  return ClientIdentity{*ca, *crt, *key};
}

namespace {

// Roots that verify no server: for a node whose organisation has no CA in
// the bundle (an empty root list would mean the system's roots).
const std::string& verifies_nothing() {
  static const std::string pem = [] {
    auto ca = make_ca("no organisation's CA");
    return ca ? ca->certificate_pem : std::string();
  }();
  return pem;
}

}  // namespace

std::shared_ptr<grpc::Channel> agent_channel(const std::string& address, const std::string& server_name,
                                             const ClientIdentity& id, const std::string& organisation) {
  grpc::SslCredentialsOptions o;
  o.pem_root_certs = id.ca_bundle_pem;
  if (!organisation.empty()) {
    o.pem_root_certs = organisation_ca(id.ca_bundle_pem, organisation);
    if (o.pem_root_certs.empty()) o.pem_root_certs = verifies_nothing();
  }
  o.pem_cert_chain = id.certificate_pem;
  o.pem_private_key = id.key_pem;
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride(server_name + ".consortia");
  args.SetMaxReceiveMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::SslCredentials(o), args);
}

}  // namespace consortia::agent
