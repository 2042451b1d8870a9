#include "sim_sandbox.h"

#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include "crypto/key_file.h"
#include "host_stats.h"
#include "node_host.h"
#include "sim/simulation.h"
#include "storage/block_store.h"

namespace consortia::agent {
namespace {

constexpr int kSimApiThreads = 16;  // per simulated node's API server

namespace fs = std::filesystem;

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class SimNetwork;

// One simulated node as the API sees it.
class SimHost final : public NodeHost {
 public:
  SimHost(SimNetwork& net, int index, const NetworkEndpoint& e, std::string data_dir)
      : net_(net), index_(index), endpoint_(e), data_dir_(std::move(data_dir)),
        log_(data_dir_ + "/agent.log"), audit_(data_dir_ + "/audit.log") {}

  const std::string& node_name() const override { return endpoint_.name; }
  const std::string& organisation() const override { return endpoint_.organisation; }
  std::string organisation_ca(const std::string& organisation) const override;
  const CryptoSuite& suite() const override;
  const Genesis& genesis() const override;
  Log& log() override { return log_; }
  AuditLog& audit() override { return audit_; }
  FaultLayer& faults() override { return faults_; }
  Status with_node(const std::function<void(Node&, BlockStore&)>& fn) override;
  std::vector<PeerSnapshot> peers() override;
  uint64_t best_peer_height() override;
  std::vector<Status> submit(std::vector<TxPtr> txs) override;
  Result<TxPtr> make_and_submit(const std::function<TxPtr(Node&)>& make,
                                const std::function<void(const TxPtr&)>& admitted) override;
  std::string data_dir() const override { return data_dir_; }
  std::chrono::steady_clock::time_point started() const override { return started_; }
  NodeResources resources() override;
  bool simulated() const override { return true; }

  // Called by the network with its lock held.
  void on_commit(const Commit& c);
  void after_advance(Node* node);


 private:
  friend class SimNetwork;
  SimNetwork& net_;
  int index_;
  NetworkEndpoint endpoint_;
  std::string data_dir_;
  Log log_;
  AuditLog audit_;
  FaultLayer faults_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();

  // under the network's lock
  uint64_t committed_txs_ = 0;
  double latency_ms_ = 0;
  std::unordered_map<Hash32, std::chrono::steady_clock::time_point> submitted_;
  bool was_up_ = true;
  // recent loss per peer: link counters at the last status, and the share lost since
  std::map<int, std::pair<sim::LinkStats, double>> loss_;
  CpuShare cpu_;  // of the time the simulator charged it
};

class SimNetwork {
 public:
  std::mutex mu;
  std::unique_ptr<sim::Simulation> sim;
  const CryptoSuite* real_suite = nullptr;
  NetworkInfo info;
  Genesis genesis;
  std::vector<std::unique_ptr<SimHost>> hosts;
  std::vector<std::shared_ptr<void>> services;
  std::vector<std::unique_ptr<grpc::Server>> servers;
  std::chrono::steady_clock::time_point t0;

  // Advances the simulation towards the wall clock, at most 50 ms of
  // simulated time per call so API calls and a stop request get their turn;
  // how far behind real time it still is.
  double advance() {
    std::lock_guard lock(mu);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double target = std::min(wall, sim->now_s() + 0.05);
    sim->advance_to(target);
    for (size_t i = 0; i < hosts.size(); ++i) hosts[i]->after_advance(sim->node(static_cast<int>(i)));
    return wall - target;
  }
};

std::string SimHost::organisation_ca(const std::string& organisation) const {
  for (const auto& o : net_.genesis.organisations)
    if (o.id == organisation) return o.ca_certificate_pem;
  return "";
}
// The real suite, not the simulator's counting one: API threads decode and
// hash outside the simulation's lock, and must not touch its counters.
const CryptoSuite& SimHost::suite() const { return *net_.real_suite; }
const Genesis& SimHost::genesis() const { return net_.genesis; }

Status SimHost::with_node(const std::function<void(Node&, BlockStore&)>& fn) {
  std::lock_guard lock(net_.mu);
  Node* n = net_.sim->node(index_);
  if (!n) return make_error(ErrorCode::kUnavailable, endpoint_.name + " is not running");
  fn(*n, net_.sim->store(index_));
  return {};
}

std::vector<PeerSnapshot> SimHost::peers() {
  std::lock_guard lock(net_.mu);
  std::vector<PeerSnapshot> out;
  auto& sim = *net_.sim;
  bool self_up = sim.node(index_) != nullptr;
  for (int j = 0; j < sim.instances(); ++j) {
    if (j == index_) continue;
    SimHost& other = *net_.hosts[static_cast<size_t>(j)];
    PeerSnapshot p;
    p.id = sim.id(j);
    p.name = other.endpoint_.name;
    p.address = other.endpoint_.p2p_address;
    bool cut = faults_.partitioned(p.id) || other.faults_.partitioned(sim.id(index_));
    Node* peer = sim.node(j);
    p.connected = self_up && peer && !cut;
    p.inbound = p.connected;
    LinkRule out_rule = faults_.rule_for(p.id), back = other.faults_.rule_for(sim.id(index_));
    sim::LinkStats ab = sim.link_stats(index_, j), ba = sim.link_stats(j, index_);
    p.rtt_ms = p.connected ? ab.base_rtt_ms + static_cast<double>(out_rule.delay_us + back.delay_us) / 1000.0 : 0;
    // The share of messages lost on the way out since the previous look.
    auto& [last, share] = loss_[j];
    uint64_t sent = ab.messages - last.messages, lost = ab.dropped - last.dropped;
    if (sent >= 20 || !p.connected) {
      share = sent ? static_cast<double>(lost) / static_cast<double>(sent) : (p.connected ? 0.0 : 1.0);
      last = ab;
    }
    p.loss = share;
    p.sent_bytes = ab.bytes;
    p.received_bytes = ba.bytes;  // what it sent us
    p.dropped = ab.dropped;
    p.height = peer ? peer->status().height : 0;
    // As an agent's transport says it: the partition, else the rule.
    p.rule = faults_.partitioned(p.id) ? "partition" : faults_.rule_for(p.id).to_string();
    out.push_back(std::move(p));
  }
  return out;
}

uint64_t SimHost::best_peer_height() {
  std::lock_guard lock(net_.mu);
  uint64_t best = 0;
  for (int j = 0; j < net_.sim->instances(); ++j)
    if (j != index_)
      if (Node* n = net_.sim->node(j); n && !faults_.partitioned(net_.sim->id(j)))
        best = std::max(best, n->status().height);
  return best;
}

std::vector<Status> SimHost::submit(std::vector<TxPtr> txs) {
  std::lock_guard lock(net_.mu);
  std::vector<Status> out;
  auto now = std::chrono::steady_clock::now();
  for (const auto& tx : txs) {
    auto st = net_.sim->submit(index_, tx);
    if (st) {
      if (submitted_.size() > 1'000'000) submitted_.clear();
      submitted_.emplace(tx->id(), now);
    }
    out.push_back(std::move(st));
  }
  return out;
}

Result<TxPtr> SimHost::make_and_submit(const std::function<TxPtr(Node&)>& make,
                                       const std::function<void(const TxPtr&)>& admitted) {
  std::lock_guard lock(net_.mu);
  Node* n = net_.sim->node(index_);
  if (!n) return make_error(ErrorCode::kUnavailable, endpoint_.name + " is not running");
  TxPtr tx = make(*n);
  if (auto st = net_.sim->submit(index_, tx); !st) return st.error();
  admitted(tx);
  return tx;
}

NodeResources SimHost::resources() {
  std::lock_guard lock(net_.mu);
  NodeResources r;
  r.committed_txs = committed_txs_;
  // Ours (API submissions), else the simulated clients' through this node.
  r.commit_latency_ms = latency_ms_ > 0 ? latency_ms_ : net_.sim->commit_latency_ms(index_);
  r.cpu_percent = cpu_.update(net_.sim->busy_seconds(index_));
  // One process runs every node: each is charged an equal share of it.
  r.simulated = true;
  r.memory_share_bytes = process_rss_bytes() / static_cast<uint64_t>(std::max(1, net_.sim->instances()));
  r.disk_used_bytes = directory_bytes(data_dir_, false);
  return r;
}

void SimHost::on_commit(const Commit& c) {
  const Block& b = *c.block;
  committed_txs_ += b.txs().size();
  AgentEvent e{AgentEvent::Kind::kNewBlock};
  e.time_ms = b.header().timestamp_ms;
  e.height = b.height();
  e.view = b.view();
  e.block_hash = b.hash();
  auto now = std::chrono::steady_clock::now();
  for (const auto& tx : b.txs()) {
    e.tx_ids.push_back(tx->id());
    if (auto it = submitted_.find(tx->id()); it != submitted_.end()) {
      double ms = std::chrono::duration<double>(now - it->second).count() * 1000;
      latency_ms_ = moving_mean(latency_ms_, ms);
      submitted_.erase(it);
    }
  }
  publish(e);
}

void SimHost::after_advance(Node* node) {
  if (!node) {
    if (was_up_) log_.warn("node down");
    was_up_ = false;
    return;
  }
  was_up_ = true;
  announce(node->status());
}

Status serve(SimNetwork& net, size_t i) {
  // A hundred servers in one process: few threads each (kSimApiThreads).
  const NetworkEndpoint& e = net.info.nodes[i];
  auto config = load_agent_config(net.info.dir + "/nodes/" + e.name + "/agent.json");
  if (!config) return config.error();
  auto served = serve_api(*config, net.services[i], kSimApiThreads, true);
  if (!served) return served.error();
  net.servers.push_back(std::move(served->server));
  return {};
}

}  // namespace

int run_simulated_sandbox(const SandboxOptions& o) {
  std::string dir = o.dir.empty() ? default_sandbox_dir() : o.dir;
  auto fail = [](const std::string& m) {
    std::fprintf(stderr, "consortia-agent sandbox: %s\n", m.c_str());
    return 2;
  };
  if (!fs::exists(dir + "/network.json")) {
    InitOptions init;
    init.dir = dir;
    init.nodes = o.nodes;
    init.suite = o.suite;
    init.protocol_version = o.protocol_version;
    init.chain_name = "consortia-simulated";
    // Institutions of a large consortium run several nodes each.
    init.organisations = o.nodes >= 20 ? 10 : 0;
    if (auto st = init_network(init); !st) return fail(st.error().to_string());
    // A consortium of a hundred institutions paces blocks as such chains do
    // (a quarter second at least, one a second when idle), not as a lab LAN.
    auto text = read_file(dir + "/genesis.json");
    if (!text) return fail(text.error().to_string());
    auto g = genesis_from_json(*text);
    if (!g) return fail(g.error().to_string());
    g->params.min_block_interval_ms = 250;
    g->params.idle_block_interval_ms = 1000;
    g->params.base_timeout_ms = 2000;
    if (auto st = write_file(dir + "/genesis.json", genesis_to_json(*g)); !st) return fail(st.error().to_string());
    std::printf("created a %d-node simulated network in %s\n", o.nodes, dir.c_str());
  } else {
    std::printf("resuming the simulated network in %s (its chain starts again from genesis)\n", dir.c_str());
  }
  auto info = load_network(dir);
  if (!info) return fail(info.error().to_string());
  if (sandbox_running(info->dir)) return fail("the network in " + info->dir + " is running already");
  auto gtext = read_file(info->dir + "/genesis.json");
  if (!gtext) return fail(gtext.error().to_string());
  auto genesis = genesis_from_json(*gtext);
  if (!genesis) return fail("genesis.json: " + genesis.error().to_string());

  // Each member's key, in genesis order, from its node directory.
  sim::LiveNetwork live;
  live.genesis = *genesis;
  live.epoch_ms = wall_ms();
  std::vector<size_t> endpoint_of;  // instance -> index in info->nodes
  auto members = genesis->validators;
  members.insert(members.end(), genesis->observers.begin(), genesis->observers.end());
  for (const auto& m : members) {
    size_t k = 0;
    while (k < info->nodes.size() && info->nodes[k].name != m.name) ++k;
    if (k == info->nodes.size()) return fail("member " + m.name + " has no node directory");
    auto config = load_agent_config(info->dir + "/nodes/" + m.name + "/agent.json");
    if (!config) return fail(config.error().to_string());
    auto text = read_file(config->path(config->signing_key));
    if (!text) return fail(text.error().to_string());
    auto key = decode_key_file(*text, "");
    if (!key) return fail(m.name + ": " + key.error().to_string());
    live.private_keys.push_back(key->signer->private_key());
    endpoint_of.push_back(k);
  }

  SimNetwork net;
  auto real_suite = suite_by_name(info->suite);
  if (!real_suite) return fail(real_suite.error().to_string());
  net.real_suite = *real_suite;
  net.info = *info;
  net.genesis = *genesis;
  sim::Scenario sc;
  sc.name = "simulated-sandbox";
  sc.seconds = 1e9;  // until stopped
  sc.tps = o.tps;
  sc.suite = info->suite;
  sc.seed = static_cast<uint64_t>(live.epoch_ms);
  sc.latency_min_ms = 5;  // institutions over leased lines and the Internet
  sc.latency_max_ms = 40;
  net.sim = std::make_unique<sim::Simulation>(sc, std::move(live));
  // Endpoints in instance order, so host i is instance i.
  std::vector<NetworkEndpoint> endpoints;
  for (size_t k : endpoint_of) endpoints.push_back(info->nodes[k]);
  net.info.nodes = endpoints;
  for (size_t i = 0; i < endpoints.size(); ++i) {
    std::string data = info->dir + "/nodes/" + endpoints[i].name + "/data";
    fs::create_directories(data);
    net.hosts.push_back(std::make_unique<SimHost>(net, static_cast<int>(i), endpoints[i], data));
  }
  net.sim->set_link_policy([&net](int from, int to) -> std::optional<LinkRule> {
    // Called with the lock held, from inside advance().
    SimHost& a = *net.hosts[static_cast<size_t>(from)];
    SimHost& b = *net.hosts[static_cast<size_t>(to)];
    if (a.faults().partitioned(net.sim->id(to)) || b.faults().partitioned(net.sim->id(from))) return std::nullopt;
    return a.faults().rule_for(net.sim->id(to));
  });
  net.sim->set_commit_observer([&net](int i, const Commit& c) { net.hosts[static_cast<size_t>(i)]->on_commit(c); });
  if (auto st = net.sim->start(); !st) return fail(st.error().to_string());
  net.t0 = std::chrono::steady_clock::now();
  for (auto& h : net.hosts) {
    net.services.push_back(make_api_service(*h, kSimApiThreads));
    h->log().info("simulated node of a " + std::to_string(net.hosts.size()) + "-node network started");
  }
  for (size_t i = 0; i < net.hosts.size(); ++i)
    if (auto st = serve(net, i); !st) return fail(st.error().to_string());

  struct sigaction sa{};
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  (void)write_file(info->dir + "/sandbox.pid", std::to_string(getpid()) + "\n");
  std::printf("%zu simulated nodes serving the agent API on %s ... %s\n", net.hosts.size(),
              endpoints.front().api_address.c_str(), endpoints.back().api_address.c_str());
  std::printf("client certificates: %s/orgs/<org>/{viewer,operator,admin}.crt; Ctrl-C stops the network\n",
              info->dir.c_str());
  std::fflush(stdout);

  auto last_warning = std::chrono::steady_clock::now() - std::chrono::seconds(60);
  while (!g_stop) {
    double behind = net.advance();
    if (behind > 1.0 && std::chrono::steady_clock::now() - last_warning > std::chrono::seconds(30)) {
      last_warning = std::chrono::steady_clock::now();
      std::fprintf(stderr, "sandbox: the simulation is %.1f s behind real time (the machine is too slow)\n", behind);
    }
    // Caught up: wait a little; behind: still leave API calls a moment at the lock.
    std::this_thread::sleep_for(std::chrono::milliseconds(behind < 0.02 ? 10 : 1));
  }
  auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(2);
  for (auto& s : net.servers) s->Shutdown(deadline);
  net.servers.clear();
  std::filesystem::remove(info->dir + "/sandbox.pid");
  std::printf("simulated sandbox stopped\n");
  return 0;
}

}  // namespace consortia::agent
