// Real `consortia-agent run` processes on loopback, for integration tests:
// a network made with init_network, agents started, killed and restarted,
// and API clients with each organisation's certificates.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "channel.h"
#include "governance_signer.h"
#include "consortia/v1/agent.grpc.pb.h"
#include "consortia/v1/p2p.grpc.pb.h"
#include "network.h"

namespace consortia::agent::testing {

namespace pb = consortia::v1;

// A plain HTTP/1.0 GET on loopback (Prometheus' API, an agent's /metrics);
// the body, or empty.
inline std::string http_get(int port, const std::string& path) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return "";
  }
  std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  (void)::write(fd, req.data(), req.size());
  std::string resp;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) resp.append(buf, static_cast<size_t>(n));
  ::close(fd);
  auto body = resp.find("\r\n\r\n");
  return body == std::string::npos ? "" : resp.substr(body + 4);
}

inline std::string agent_binary() { return std::string(CONSORTIA_BINARY_DIR) + "/agent/consortia-agent"; }

class AgentCluster {
 public:
  explicit AgentCluster(int nodes, std::string suite = "ed25519-sha256",
                        uint32_t protocol_version = kMaxProtocolVersion) {
    char tmpl[] = "/tmp/consortia-agents-XXXXXX";
    dir_ = mkdtemp(tmpl);
    InitOptions o;
    o.dir = dir_;
    o.nodes = nodes;
    o.suite = suite;
    o.protocol_version = protocol_version;
    auto st = init_network(o);
    EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().to_string());
    auto net = load_network(dir_);
    EXPECT_TRUE(net.ok());
    net_ = *net;
    pids_.assign(static_cast<size_t>(nodes), -1);
  }
  ~AgentCluster() {
    // A supervisor is stopped (it stops its agent); a bare agent is killed.
    for (size_t i = 0; i < pids_.size(); ++i)
      stop(static_cast<int>(i), supervised_.count(static_cast<int>(i)) ? SIGTERM : SIGKILL);
    if (!std::getenv("CONSORTIA_KEEP_TEST_DIRS")) {
      std::error_code ec;
      for (int attempt = 0; attempt < 5 && (std::filesystem::remove_all(dir_, ec), ec); ++attempt)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }

  const NetworkInfo& net() const { return net_; }
  // A new node in the network directory (not yet a member); its index.
  int add_node(const std::string& name, const std::string& org, Bytes* public_key) {
    auto n = consortia::agent::add_node(dir_, name, org);
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().to_string());
    if (public_key && n.ok()) *public_key = n->public_key;
    auto net = load_network(dir_);
    EXPECT_TRUE(net.ok());
    net_ = *net;
    pids_.push_back(-1);
    return size() - 1;
  }
  const std::string& dir() const { return dir_; }
  int size() const { return static_cast<int>(pids_.size()); }
  std::string node_dir(int i) const { return dir_ + "/nodes/" + net_.nodes[i].name; }

  // `netns`: run the agent inside that network namespace (ip netns exec).
  void start(int i, const std::string& netns = "") {
    pid_t pid = fork();
    if (pid == 0) {
      std::string log = node_dir(i) + "/stderr.log";
      FILE* f = std::freopen(log.c_str(), "a", stderr);
      (void)f;
      std::string cfg = node_dir(i) + "/agent.json";
      std::string bin = agent_binary();
      if (netns.empty())
        execl(bin.c_str(), "consortia-agent", "run", "--config", cfg.c_str(), static_cast<char*>(nullptr));
      else
        execlp("ip", "ip", "netns", "exec", netns.c_str(), bin.c_str(), "run", "--config", cfg.c_str(),
               static_cast<char*>(nullptr));
      _exit(127);
    }
    pids_[i] = pid;
  }
  // Runs node i under `consortia-agent supervise`; running(i) and stop(i)
  // then concern the supervisor, which stops its agent with it.
  // `binary`: the supervisor's own (the agent it runs until a switch).
  void start_supervised(int i, double healthy_within_s = 60, const std::string& binary = "") {
    pid_t pid = fork();
    if (pid == 0) {
      std::string log = node_dir(i) + "/supervisor.stderr";
      FILE* f = std::freopen(log.c_str(), "a", stderr);
      (void)f;
      std::string cfg = node_dir(i) + "/agent.json";
      std::string bin = binary.empty() ? agent_binary() : binary;
      std::string within = std::to_string(healthy_within_s);
      execl(bin.c_str(), "consortia-agent", "supervise", "--config", cfg.c_str(), "--healthy-within", within.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    pids_[i] = pid;
    supervised_.insert(i);
  }
  // Rewrites node i's addresses (e.g. into a namespace's subnet).
  void move_node(int i, const std::string& host) {
    auto rehost = [&](std::string addr) { return host + addr.substr(addr.rfind(':')); };
    auto& n = net_.nodes[i];
    n.p2p_address = rehost(n.p2p_address);
    n.api_address = rehost(n.api_address);
    n.metrics_address = rehost(n.metrics_address);
    for (int k = 0; k < size(); ++k) {
      auto cfg = load_agent_config(node_dir(k) + "/agent.json");
      EXPECT_TRUE(cfg.ok());
      if (k == i) {
        cfg->p2p_listen = n.p2p_address;
        cfg->api_listen = n.api_address;
        cfg->metrics_listen = n.metrics_address;
      }
      for (auto& p : cfg->peers)
        if (p.id == n.id) p.address = n.p2p_address;
      EXPECT_TRUE(save_agent_config(*cfg, node_dir(k) + "/agent.json").ok());
    }
  }
  void start_all() {
    for (int i = 0; i < size(); ++i) start(i);
  }
  // SIGTERM: graceful; SIGKILL: a crash.
  // Returns the wait status.
  int stop(int i, int sig = SIGTERM) {
    if (pids_[i] <= 0) return 0;
    kill(pids_[i], sig);
    int status = 0;
    waitpid(pids_[i], &status, 0);
    pids_[i] = -1;
    return status;
  }
  bool running(int i) const { return pids_[i] > 0; }
  pid_t pid(int i) const { return pids_[i]; }

  std::unique_ptr<pb::AgentService::Stub> client(int i, const std::string& org, const std::string& role) const {
    auto id = load_client_identity(net_, org, role);
    EXPECT_TRUE(id.ok());
    return pb::AgentService::NewStub(agent_channel(net_.nodes[i].api_address, net_.nodes[i].name, *id));
  }
  // A P2P client of node `to` holding node `as`'s certificate and key (what
  // a member that owns node `as` holds).
  std::unique_ptr<consortia::v1::Peer::Stub> peer_as(int as, int to) const {
    auto text = [](const std::string& f) {
      auto t = read_file(f);
      return t ? *t : std::string();
    };
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = text(net_.ca_bundle_path);
    tls.pem_cert_chain = text(node_dir(as) + "/tls.crt");
    tls.pem_private_key = text(node_dir(as) + "/tls.key");
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride(net_.nodes[to].name + ".consortia");
    args.SetMaxSendMessageSize(64 << 20);
    return consortia::v1::Peer::NewStub(
        grpc::CreateCustomChannel(net_.nodes[to].p2p_address, grpc::SslCredentials(tls), args));
  }
  // An operator of the node's own organisation.
  std::unique_ptr<pb::AgentService::Stub> operator_of(int i) const {
    return client(i, net_.nodes[i].organisation, "operator");
  }

  // Governance as an admin does it: signed here with `org`'s governance key
  // from the network directory (the admin's workstation), submitted through
  // node i's API with `org`'s admin certificate. The transaction's id.
  Result<Hash32> govern(int i, const std::string& org, const GovOp& op) const {
    auto key = AdminKey::open(dir_ + "/orgs/" + org + "/governance.key", "");
    if (!key) return key.error();
    auto admin = client(i, org, "admin");
    return sign_and_submit({admin.get()}, {}, *key, TxChain{*net_.chain_id, net_.genesis_protocol}, op);
  }
  Result<Hash32> propose(int i, const std::string& org, const pb::ProposeRequest& p) const {
    auto op = governance_proposal(p);
    if (!op) return op.error();
    return govern(i, org, *op);
  }

  // A proposal made by org-0 on node 0 and approved by org-1 and org-2 on
  // their own nodes once they show it (3 of the 4 organisations pass it).
  // True once every running node (but those in `skip`) lists it enacted.
  bool enact(const pb::ProposeRequest& p, const std::vector<int>& skip = {}, double seconds = 40) const {
    auto id = propose(0, "org-0", p);
    if (!id.ok()) {
      ADD_FAILURE() << "propose: " << id.error().to_string();
      return false;
    }
    std::string raw(id->v.begin(), id->v.end());
    auto status_on = [&](int k) {
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
      pb::Proposals ps;
      (void)client(k, net_.nodes[k].organisation, "viewer")->ListProposals(&ctx, pb::ProposalsRequest{}, &ps);
      for (const auto& x : ps.proposals())
        if (x.id() == raw) return x.status();
      return std::string();
    };
    for (int k : {1, 2}) {
      if (!eventually([&] { return !status_on(k).empty(); }, seconds)) return false;
      if (auto v = govern(k, net_.nodes[k].organisation, governance_vote(*id, false)); !v.ok()) {
        ADD_FAILURE() << "approve as " << net_.nodes[k].organisation << ": " << v.error().to_string();
        return false;
      }
    }
    return eventually(
        [&] {
          for (int k = 0; k < size(); ++k)
            if (pids_[k] > 0 && std::find(skip.begin(), skip.end(), k) == skip.end() && status_on(k) != "enacted")
              return false;
          return true;
        },
        seconds);
  }

  std::optional<pb::NodeStatus> status(int i) const {
    auto c = client(i, net_.nodes[i].organisation, "viewer");
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
    pb::NodeStatus s;
    if (!c->GetStatus(&ctx, pb::StatusRequest{}, &s).ok()) return std::nullopt;
    return s;
  }
  uint64_t height(int i) const {
    auto s = status(i);
    return s ? s->height() : 0;
  }
  // What a client signs for: the network's genesis, at the protocol agent i
  // runs (the newest, when it does not answer).
  TxChain chain(int i = 0) const {
    auto s = status(i);
    return TxChain{*net_.chain_id, s ? s->protocol_version() : kMaxProtocolVersion};
  }

  // Waits until `pred` holds, polling; false on timeout.
  static bool eventually(const std::function<bool()>& pred, double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      if (pred()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return pred();
  }
  // Every running node at or above `h`.
  bool all_reach(uint64_t h, double seconds, const std::vector<int>& skip = {}) const {
    return eventually(
        [&] {
          for (int i = 0; i < size(); ++i) {
            if (!running(i) || std::find(skip.begin(), skip.end(), i) != skip.end()) continue;
            if (height(i) < h) return false;
          }
          return true;
        },
        seconds);
  }
  uint64_t max_height() const {
    uint64_t h = 0;
    for (int i = 0; i < size(); ++i)
      if (running(i)) h = std::max(h, height(i));
    return h;
  }

  std::string block_hash(int i, uint64_t height) const {
    auto c = client(i, net_.nodes[i].organisation, "viewer");
    grpc::ClientContext ctx;
    pb::BlockRequest r;
    r.set_height(height);
    pb::BlockInfo b;
    if (!c->GetBlock(&ctx, r, &b).ok()) return "";
    return b.hash();
  }

 private:
  std::string dir_;
  NetworkInfo net_;
  std::vector<pid_t> pids_;
  std::set<int> supervised_;
};

// A P2P stream to node `to` as node `as` (whose certificate the attacker holds).
struct PeerStream {
  PeerStream(const AgentCluster& c, int as, int to) : stub(c.peer_as(as, to)) {
    stream = stub->Connect(&ctx);
    auto s = c.status(to);
    consortia::v1::Frame hello;
    auto* h = hello.mutable_hello();
    h->set_chain_id(s ? s->chain_id() : "");
    const auto& me = c.net().nodes[as];
    h->set_node_id(std::string(me.id.v.begin(), me.id.v.end()));
    h->set_min_protocol_version(1);
    h->set_max_protocol_version(kMaxProtocolVersion);
    h->set_name(me.name);
    ok = stream->Write(hello);
    consortia::v1::Frame reply;
    ok = ok && stream->Read(&reply) && reply.has_hello();
  }
  ~PeerStream() { ctx.TryCancel(); }
  std::unique_ptr<consortia::v1::Peer::Stub> stub;
  grpc::ClientContext ctx;
  std::unique_ptr<grpc::ClientReaderWriter<consortia::v1::Frame, consortia::v1::Frame>> stream;
  bool ok = false;
};

}  // namespace consortia::agent::testing
