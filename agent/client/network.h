// A network on disk: what `consortia-agent init` writes and `run` reads.
//
//   <dir>/network.json            organisations and nodes with their addresses
//   <dir>/genesis.json            the chain's genesis (chain/genesis.h)
//   <dir>/ca-bundle.pem           every organisation's CA
//   <dir>/orgs/<org>/ca.crt|key   the organisation's CA
//   <dir>/orgs/<org>/governance.key  its governance (admin) key, a chain key file
//   <dir>/orgs/<org>/<role>.crt|key  client certificates: viewer, operator, admin
//   <dir>/nodes/<name>/agent.json    one node's agent configuration
//   <dir>/nodes/<name>/node.key      its chain signing key
//   <dir>/nodes/<name>/tls.crt|key   its TLS certificate (CN = node id hex)
//   <dir>/nodes/<name>/data/         its block store, audit and agent logs
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chain/genesis.h"
#include "crypto/key_file.h"

namespace consortia::agent {

struct PeerAddress {
  std::string name;
  NodeId id;
  std::string address;  // host:port of its P2P listener
};

struct AgentConfig {
  std::string name;
  std::string organisation;
  std::string dir;  // the node's directory; relative paths below are from here
  std::string genesis = "../../genesis.json";
  std::string signing_key = "node.key";
  // Read from older networks' configurations only, to warn: agents hold no
  // governance key (it stays on the admin's workstation).
  std::string admin_key;
  // Where the passphrase of encrypted key files is (a file only the agent
  // reads, such as a systemd credential); empty: the environment variable
  // CONSORTIA_KEY_PASSPHRASE, or none.
  std::string key_passphrase_file;
  std::string ca_bundle = "../../ca-bundle.pem";
  std::string tls_certificate = "tls.crt";
  std::string tls_key = "tls.key";
  std::string data_dir = "data";
  std::string p2p_listen, api_listen, metrics_listen;
  std::vector<PeerAddress> peers;
  std::string log_level = "info";

  std::string path(const std::string& p) const { return p.empty() || p[0] == '/' ? p : dir + "/" + p; }
};

Result<AgentConfig> load_agent_config(const std::string& file);
// The same from the file's text; `dir` is the node's directory, `file` names
// the file in errors.
Result<AgentConfig> parse_agent_config(const std::string& text, const std::string& dir, const std::string& file);
Status save_agent_config(const AgentConfig& c, const std::string& file);
std::string agent_config_text(const AgentConfig& c);  // what save_agent_config writes


struct InitOptions {
  std::string dir;
  int nodes = 4;
  int organisations = 0;  // 0: one per node, at most 4
  std::string suite = "ed25519-sha256";
  std::string chain_name = "consortia-sandbox";
  std::string host = "127.0.0.1";
  int base_port = 0;      // 0: pick free ports
  // Protocol version of the genesis block: a new network starts on the newest
  // this software implements; an older one makes a network to upgrade.
  uint32_t protocol_version = kMaxProtocolVersion;
};

// Creates a new network directory (organisations, CAs, keys, certificates,
// genesis, agent configs). Refuses to overwrite an existing one.
Status init_network(const InitOptions& o);

// Adds one node's keys, TLS certificate and agent configuration to an
// existing network directory (peers: every node there). The node is not a
// member until governance adds it (add-observer with the printed public
// key); its agent can start before, and connects once it is.
struct NewNode {
  std::string name;
  NodeId id;
  Bytes public_key;
};
Result<NewNode> add_node(const std::string& dir, const std::string& name, const std::string& organisation,
                         const std::string& host = "127.0.0.1");

// What a client (console, load tool, tests) needs to reach the agents.
struct NetworkEndpoint {
  std::string name, organisation, api_address, metrics_address, p2p_address;
  NodeId id;
};
struct NetworkInfo {
  std::string dir;
  std::string suite;
  std::vector<NetworkEndpoint> nodes;
  std::string ca_bundle_path;
  // The chain id, from this directory's own genesis.json (none without one):
  // what clients sign transactions for. Never an agent's word for it.
  std::optional<Hash32> chain_id;
  uint32_t genesis_protocol = 0;  // the protocol the chain started on (the least it runs)
  // Client certificate and key files by organisation and role.
  std::string client_certificate(const std::string& org, const std::string& role) const {
    return dir + "/orgs/" + org + "/" + role + ".crt";
  }
  std::string client_key(const std::string& org, const std::string& role) const {
    return dir + "/orgs/" + org + "/" + role + ".key";
  }
};
Result<NetworkInfo> load_network(const std::string& dir);
// network.json's text alone (no genesis read): suite and nodes.
Result<NetworkInfo> parse_network_json(const std::string& text, const std::string& dir);

Result<std::string> read_file(const std::string& path);
// Replaces a file whole (a temporary file synced and renamed); a secret is
// 0600 from its creation, anything else 0644.
Status write_file(const std::string& path, const std::string& text, bool secret = false);

// The passphrase for the agent's encrypted key files (AgentConfig), and a
// key file of the agent's read with it: the error says where to give the
// passphrase when the file is encrypted and none was given.
Result<std::string> key_passphrase(const AgentConfig& c);
Result<LoadedKey> load_key(const AgentConfig& c, const std::string& file);
// The agent's TLS key (PEM), decrypted with the same passphrase when it is
// encrypted (consortia-agent protect-key).
Result<std::string> load_tls_key(const AgentConfig& c);

}  // namespace consortia::agent
