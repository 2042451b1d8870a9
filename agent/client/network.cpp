#include "network.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crypto/key_file.h"
#include "pki.h"

namespace consortia::agent {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

Error bad(std::string why) { return make_error(ErrorCode::kInvalidArgument, std::move(why)); }

Result<Bytes> hex_field(const json& j, const char* key) {
  Bytes b;
  if (!j.contains(key) || !j[key].is_string() || !from_hex(j[key].get<std::string>(), b))
    return bad(std::string("field '") + key + "' must be a hex string");
  return b;
}

Result<int> kernel_free_port();

// A port the kernel says is free now and that is not in `taken` (ports
// given to other nodes of the network, which are not listening yet); it is
// added there.
Result<int> free_port(std::set<int>& taken) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    auto p = kernel_free_port();
    if (!p) return p;
    if (taken.insert(*p).second) return p;
  }
  return make_error(ErrorCode::kStorageIo, "cannot find a port not given to another node");
}

Result<int> kernel_free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return make_error(ErrorCode::kStorageIo, "socket() failed");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    return make_error(ErrorCode::kStorageIo, "cannot find a free port");
  }
  int port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status write_file(const std::string& path, const std::string& text, bool secret) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  auto io = [&](const std::string& what) {
    return make_error(ErrorCode::kStorageIo, "cannot write " + path + ": " + what);
  };
  // A temporary file that is the owner's alone from its creation (mkstemp
  // makes it 0600): a secret is never readable by others, not even for a
  // moment or left behind by a crash. It is synced before it replaces the
  // file, and the directory after.
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return io(std::strerror(errno));
  auto fail = [&](const std::string& what) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return io(what);
  };
  if (!secret && ::fchmod(fd, 0644) != 0) return fail(std::strerror(errno));
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(std::strerror(errno));
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail(std::strerror(errno));
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return io(why);
  }
  int dfd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

Result<std::string> key_passphrase(const AgentConfig& c) {
  if (!c.key_passphrase_file.empty()) {
    auto text = read_file(c.path(c.key_passphrase_file));
    if (!text) return make_error(ErrorCode::kNotFound, "key_passphrase_file: cannot read " + c.key_passphrase_file);
    std::string p = *text;
    while (!p.empty() && (p.back() == '\n' || p.back() == '\r')) p.pop_back();
    return p;
  }
  const char* env = std::getenv("CONSORTIA_KEY_PASSPHRASE");
  return std::string(env ? env : "");
}

Result<std::string> load_tls_key(const AgentConfig& c) {
  auto text = read_file(c.path(c.tls_key));
  if (!text) return text.error();
  if (text->find("ENCRYPTED") == std::string::npos) return text;
  auto pass = key_passphrase(c);
  if (!pass) return pass.error();
  if (pass->empty())
    return make_error(ErrorCode::kInvalidArgument,
                      c.tls_key + " is encrypted: give its passphrase in the environment variable "
                                  "CONSORTIA_KEY_PASSPHRASE or in a file named by key_passphrase_file");
  auto key = read_private_key(*text, *pass);
  if (!key) return make_error(ErrorCode::kInvalidArgument, c.tls_key + ": wrong passphrase");
  return key;
}

Result<LoadedKey> load_key(const AgentConfig& c, const std::string& file) {
  auto text = read_file(c.path(file));
  if (!text) return text.error();
  auto pass = key_passphrase(c);
  if (!pass) return pass.error();
  auto key = decode_key_file(*text, *pass);
  if (key) return key;
  std::string why = key.error().detail;
  if (pass->empty() && why.find("encrypted") != std::string::npos)
    why += ": give it in the environment variable CONSORTIA_KEY_PASSPHRASE or in a file named by "
           "key_passphrase_file in the agent's configuration";
  return make_error(key.error().code, file + ": " + why);
}

// ---- agent config -------------------------------------------------------------

Result<AgentConfig> load_agent_config(const std::string& file) {
  auto text = read_file(file);
  if (!text) return text.error();
  return parse_agent_config(*text, fs::absolute(fs::path(file)).parent_path().string(), file);
}

Result<AgentConfig> parse_agent_config(const std::string& text, const std::string& dir, const std::string& file) {
  AgentConfig c;
  c.dir = dir;
  try {
    json j = json::parse(text);
    c.name = j.at("name").get<std::string>();
    c.organisation = j.value("organisation", "");
    c.genesis = j.value("genesis", c.genesis);
    c.signing_key = j.value("signing_key", c.signing_key);
    c.admin_key = j.value("admin_key", "");
    c.key_passphrase_file = j.value("key_passphrase_file", "");
    c.ca_bundle = j.value("ca_bundle", c.ca_bundle);
    c.tls_certificate = j.value("tls_certificate", c.tls_certificate);
    c.tls_key = j.value("tls_key", c.tls_key);
    c.data_dir = j.value("data_dir", c.data_dir);
    c.p2p_listen = j.at("p2p_listen").get<std::string>();
    c.api_listen = j.at("api_listen").get<std::string>();
    c.metrics_listen = j.value("metrics_listen", "");
    c.log_level = j.value("log_level", c.log_level);
    for (const auto& p : j.value("peers", json::array())) {
      auto id = hex_field(p, "id");
      if (!id || id->size() != 32) return bad("peer id must be 32 bytes of hex");
      c.peers.push_back({p.at("name").get<std::string>(), Hash32::from(*id), p.at("address").get<std::string>()});
    }
  } catch (const json::exception& e) {
    return bad(file + ": " + e.what());
  }
  return c;
}

Status save_agent_config(const AgentConfig& c, const std::string& file) {
  return write_file(file, agent_config_text(c));
}

std::string agent_config_text(const AgentConfig& c) {
  json j;
  j["name"] = c.name;
  j["organisation"] = c.organisation;
  j["genesis"] = c.genesis;
  j["signing_key"] = c.signing_key;
  if (!c.key_passphrase_file.empty()) j["key_passphrase_file"] = c.key_passphrase_file;
  j["ca_bundle"] = c.ca_bundle;
  j["tls_certificate"] = c.tls_certificate;
  j["tls_key"] = c.tls_key;
  j["data_dir"] = c.data_dir;
  j["p2p_listen"] = c.p2p_listen;
  j["api_listen"] = c.api_listen;
  j["metrics_listen"] = c.metrics_listen;
  j["log_level"] = c.log_level;
  json peers = json::array();
  for (const auto& p : c.peers) peers.push_back({{"name", p.name}, {"id", p.id.hex()}, {"address", p.address}});
  j["peers"] = peers;
  return j.dump(2) + "\n";
}

// ---- init ---------------------------------------------------------------------

Status init_network(const InitOptions& o) {
  if (o.nodes < 1 || o.nodes > 256) return bad("--nodes must be between 1 and 256");
  if (o.protocol_version < kMinProtocolVersion || o.protocol_version > kMaxProtocolVersion)
    return bad("--protocol must be between " + std::to_string(kMinProtocolVersion) + " and " +
               std::to_string(kMaxProtocolVersion));
  if (fs::exists(o.dir + "/network.json")) return bad(o.dir + " holds a network already");
  const CryptoSuite* suite = suite_by_name(o.suite).ok() ? *suite_by_name(o.suite) : nullptr;
  if (!suite) return bad("unknown suite '" + o.suite + "'");
  int norgs = o.organisations > 0 ? o.organisations : std::min(o.nodes, 4);
  Genesis g;
  g.chain_name = o.chain_name;
  g.protocol_version = o.protocol_version;
  g.suite = suite->id();
  g.timestamp_ms = 0;
  std::string bundle;
  json network;
  network["suite"] = std::string(suite->name());
  network["chain_name"] = o.chain_name;
  network["organisations"] = json::array();
  for (int i = 0; i < norgs; ++i) {
    std::string org = "org-" + std::to_string(i);
    std::string odir = o.dir + "/orgs/" + org;
    auto ca = make_ca(org);
    if (!ca) return ca.error();
    bundle += ca->certificate_pem;
    if (auto st = write_file(odir + "/ca.crt", ca->certificate_pem); !st) return st;
    if (auto st = write_file(odir + "/ca.key", ca->key_pem, true); !st) return st;
    auto admin = suite->generate();
    if (auto st = write_file(odir + "/governance.key", encode_key_file(*suite, *admin, ""), true); !st) return st;
    for (const char* role : {"viewer", "operator", "admin"}) {
      auto kp = issue_certificate(*ca, {std::string(role) + "@" + org, org, role}, {});
      if (!kp) return kp.error();
      if (auto st = write_file(odir + "/" + role + ".crt", kp->certificate_pem); !st) return st;
      if (auto st = write_file(odir + "/" + role + ".key", kp->key_pem, true); !st) return st;
    }
    g.organisations.push_back({org, "Organisation " + std::to_string(i), {admin->public_key()},
                               ca->certificate_pem, false});
    network["organisations"].push_back({{"id", org}});
  }
  if (auto st = write_file(o.dir + "/ca-bundle.pem", bundle); !st) return st;

  std::vector<AgentConfig> configs;
  std::set<int> taken;
  for (int i = 0; i < o.nodes; ++i) {
    AgentConfig c;
    c.name = "node-" + std::to_string(i);
    c.organisation = "org-" + std::to_string(i % norgs);
    c.dir = o.dir + "/nodes/" + c.name;
    auto port = [&](int k) -> Result<std::string> {
      if (o.base_port > 0) return o.host + ":" + std::to_string(o.base_port + 3 * i + k);
      auto p = free_port(taken);
      if (!p) return p.error();
      return o.host + ":" + std::to_string(*p);
    };
    auto p2p = port(0), api = port(1), metrics = port(2);
    if (!p2p || !api || !metrics) return bad("cannot allocate ports");
    c.p2p_listen = *p2p;
    c.api_listen = *api;
    c.metrics_listen = *metrics;
    auto key = suite->generate();
    if (auto st = write_file(c.dir + "/node.key", encode_key_file(*suite, *key, ""), true); !st) return st;
    NodeId id = suite->node_id(key->public_key());
    auto ca_text = read_file(o.dir + "/orgs/" + c.organisation + "/ca.crt");
    auto ca_key = read_file(o.dir + "/orgs/" + c.organisation + "/ca.key");
    if (!ca_text || !ca_key) return bad("cannot read the organisation's CA");
    auto tls = issue_certificate({*ca_text, *ca_key}, {id.hex(), c.organisation, "node"},
                                 {c.name + ".consortia", "localhost"});
    if (!tls) return tls.error();
    if (auto st = write_file(c.dir + "/tls.crt", tls->certificate_pem); !st) return st;
    if (auto st = write_file(c.dir + "/tls.key", tls->key_pem, true); !st) return st;
    g.validators.push_back({NodeId{}, key->public_key(), c.name, c.organisation});
    configs.push_back(c);
    network["nodes"].push_back({{"name", c.name}, {"organisation", c.organisation}, {"id", id.hex()},
                                {"p2p", c.p2p_listen}, {"api", c.api_listen}, {"metrics", c.metrics_listen}});
  }
  for (auto& c : configs) {
    for (const auto& n : network["nodes"])
      if (n["name"] != c.name) {
        Bytes id;
        from_hex(n["id"].get<std::string>(), id);
        c.peers.push_back({n["name"], Hash32::from(id), n["p2p"]});
      }
    if (auto st = save_agent_config(c, c.dir + "/agent.json"); !st) return st;
    fs::create_directories(c.dir + "/data");
  }
  if (auto st = write_file(o.dir + "/genesis.json", genesis_to_json(g)); !st) return st;
  return write_file(o.dir + "/network.json", network.dump(2) + "\n");
}

namespace {

// network.json as add_node reads it: an object whose "nodes" is a list of
// objects with string fields. What else a hand-edited file holds is not
// trusted to have any type.
Status check_network_json(const json& network, const std::string& file) {
  if (!network.is_object() || !network.contains("nodes") || !network["nodes"].is_array())
    return bad(file + " has no list of nodes");
  if (network.contains("suite") && !network["suite"].is_string()) return bad(file + ": suite is not a string");
  for (const auto& n : network["nodes"]) {
    if (!n.is_object()) return bad(file + ": a node entry is not an object");
    for (const char* k : {"name", "id", "p2p"})
      if (!n.contains(k) || !n[k].is_string()) return bad(file + ": a node entry's " + k + " is missing or not a string");
    for (const char* k : {"api", "metrics", "organisation"})
      if (n.contains(k) && !n[k].is_string()) return bad(file + ": a node entry's " + k + " is not a string");
    Bytes id;
    if (!from_hex(n["id"].get<std::string>(), id) || id.size() != 32)
      return bad(file + ": a node entry's id is not 64 hex digits");
  }
  return {};
}

}  // namespace

Result<NewNode> add_node(const std::string& dir, const std::string& name, const std::string& organisation,
                         const std::string& host) {
  auto text = read_file(dir + "/network.json");
  if (!text) return text.error();
  json network = json::parse(*text, nullptr, false);
  if (network.is_discarded()) return bad(dir + "/network.json is damaged");
  if (auto st = check_network_json(network, dir + "/network.json"); !st) return st.error();
  if (name.empty() || name.size() > Member::kMaxName || name.find('/') != std::string::npos || name == "." ||
      name == "..")
    return bad("a node name has 1 to 64 characters and no '/'");
  if (organisation.empty() || organisation.size() > Organisation::kMaxId ||
      organisation.find('/') != std::string::npos || organisation == "." || organisation == "..")
    return bad("an organisation name has 1 to 64 characters and no '/'");
  for (const auto& n : network["nodes"])
    if (n.value("name", "") == name) return bad("network already has a node named '" + name + "'");
  std::string odir = dir + "/orgs/" + organisation;
  auto ca_text = read_file(odir + "/ca.crt");
  auto ca_key = read_file(odir + "/ca.key");
  if (!ca_text || !ca_key) return bad("no organisation '" + organisation + "' with its CA in " + dir);
  auto suite = suite_by_name(network.value("suite", "ed25519-sha256"));
  if (!suite) return suite.error();
  AgentConfig c;
  c.name = name;
  c.organisation = organisation;
  c.dir = dir + "/nodes/" + name;
  // Not the ports of the nodes already there, running or not.
  std::set<int> taken;
  for (const auto& n : network.value("nodes", json::array()))
    for (const char* k : {"p2p", "api", "metrics"}) {
      std::string a = n.value(k, "");
      if (auto colon = a.rfind(':'); colon != std::string::npos) taken.insert(std::atoi(a.c_str() + colon + 1));
    }
  auto port = [&]() -> Result<std::string> {
    auto p = free_port(taken);
    if (!p) return p.error();
    return host + ":" + std::to_string(*p);
  };
  auto p2p = port(), api = port(), metrics = port();
  if (!p2p || !api || !metrics) return bad("cannot allocate ports");
  c.p2p_listen = *p2p;
  c.api_listen = *api;
  c.metrics_listen = *metrics;
  auto key = (*suite)->generate();
  if (auto st = write_file(c.dir + "/node.key", encode_key_file(**suite, *key, ""), true); !st) return st.error();
  NodeId id = (*suite)->node_id(key->public_key());
  auto tls = issue_certificate({*ca_text, *ca_key}, {id.hex(), organisation, "node"}, {name + ".consortia", "localhost"});
  if (!tls) return tls.error();
  if (auto st = write_file(c.dir + "/tls.crt", tls->certificate_pem); !st) return st.error();
  if (auto st = write_file(c.dir + "/tls.key", tls->key_pem, true); !st) return st.error();
  for (const auto& n : network["nodes"]) {
    Bytes nid;
    if (!from_hex(n.value("id", ""), nid) || nid.size() != 32) return bad("bad node id in network.json");
    c.peers.push_back({n["name"], Hash32::from(nid), n["p2p"]});
  }
  if (auto st = save_agent_config(c, c.dir + "/agent.json"); !st) return st.error();
  fs::create_directories(c.dir + "/data");
  network["nodes"].push_back({{"name", name}, {"organisation", organisation}, {"id", id.hex()},
                              {"p2p", c.p2p_listen}, {"api", c.api_listen}, {"metrics", c.metrics_listen},
                              {"public_key", to_hex(key->public_key())}});
  if (auto st = write_file(dir + "/network.json", network.dump(2) + "\n"); !st) return st.error();
  return NewNode{name, id, key->public_key()};
}

Result<NetworkInfo> load_network(const std::string& dir) {
  auto text = read_file(dir + "/network.json");
  if (!text) return text.error();
  auto parsed = parse_network_json(*text, dir);
  if (!parsed) return parsed.error();
  NetworkInfo info = std::move(*parsed);
  if (fs::exists(info.dir + "/genesis.json")) {
    auto gtext = read_file(info.dir + "/genesis.json");
    if (!gtext) return gtext.error();
    auto g = genesis_from_json(*gtext);
    if (!g) return bad(info.dir + "/genesis.json: " + g.error().detail);
    auto suite = suite_by_id(static_cast<uint8_t>(g->suite));
    if (!suite) return suite.error();
    info.chain_id = g->block(**suite)->hash();
    info.genesis_protocol = g->protocol_version;
  }
  return info;
}

Result<NetworkInfo> parse_network_json(const std::string& text, const std::string& dir) {
  NetworkInfo info;
  info.dir = fs::absolute(dir).string();
  info.ca_bundle_path = info.dir + "/ca-bundle.pem";
  try {
    json j = json::parse(text);
    info.suite = j.at("suite").get<std::string>();
    for (const auto& n : j.at("nodes")) {
      NetworkEndpoint e;
      e.name = n.at("name");
      e.organisation = n.at("organisation");
      e.api_address = n.at("api");
      e.metrics_address = n.at("metrics");
      e.p2p_address = n.at("p2p");
      Bytes id;
      if (!from_hex(n.at("id").get<std::string>(), id) || id.size() != 32) return bad("bad node id in network.json");
      e.id = Hash32::from(id);
      info.nodes.push_back(std::move(e));
    }
  } catch (const json::exception& e) {
    return bad(dir + "/network.json: " + e.what());
  }
  return info;
}

}  // namespace consortia::agent
