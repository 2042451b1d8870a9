// `consortia-agent sandbox --simulated N` as the console sees it: one process
// serving the AgentService for each of N simulated nodes over mutual TLS.
// Each node answers on its own address with its own certificate; heights
// rise and agree; a partition set through one node's API cuts it in the
// simulated network until cleared; transactions submitted through the API
// commit and their evidence proofs verify against the genesis validators;
// a kernel qdisc is refused with a reason.
#include <gtest/gtest.h>

#include "evidence.h"
#include "agent_cluster.h"
#include "chain/evidence_proof.h"
#include "crypto/crypto_suite.h"
#include "ledger/transaction.h"
#include "state/evidence.h"

namespace consortia::agent::testing {
namespace {

class SimulatedSandbox {
 public:
  explicit SimulatedSandbox(int nodes) {
    char tmpl[] = "/tmp/consortia-simsb-XXXXXX";
    dir_ = mkdtemp(tmpl);
    pid_ = fork();
    if (pid_ == 0) {
      std::string log = dir_ + "/sandbox.log";
      FILE* f = std::freopen(log.c_str(), "w", stdout);
      f = std::freopen((dir_ + "/sandbox.err").c_str(), "w", stderr);
      (void)f;
      std::string bin = agent_binary(), n = std::to_string(nodes);
      execl(bin.c_str(), "consortia-agent", "sandbox", "--simulated", n.c_str(), "--dir", dir_.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    ready_ = AgentCluster::eventually([&] { return std::filesystem::exists(dir_ + "/sandbox.pid"); }, 60);
    if (ready_) {
      auto net = load_network(dir_);
      ready_ = net.ok();
      if (ready_) net_ = *net;
    }
  }
  ~SimulatedSandbox() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    if (!std::getenv("CONSORTIA_KEEP_TEST_DIRS")) std::filesystem::remove_all(dir_);
  }
  bool ready() const { return ready_; }
  const NetworkInfo& net() const { return net_; }
  int size() const { return static_cast<int>(net_.nodes.size()); }
  std::unique_ptr<pb::AgentService::Stub> client(int i, const std::string& role = "viewer") const {
    auto id = load_client_identity(net_, net_.nodes[i].organisation, role);
    EXPECT_TRUE(id.ok());
    return pb::AgentService::NewStub(agent_channel(net_.nodes[i].api_address, net_.nodes[i].name, *id));
  }
  std::optional<pb::NodeStatus> status(int i) const {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
    pb::NodeStatus s;
    if (!client(i)->GetStatus(&ctx, pb::StatusRequest{}, &s).ok()) return std::nullopt;
    return s;
  }
  uint64_t height(int i) const {
    auto s = status(i);
    return s ? s->height() : 0;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  bool ready_ = false;
  NetworkInfo net_;
};

std::string raw(const Hash32& h) { return std::string(h.v.begin(), h.v.end()); }

TEST(SimulatedSandbox, ThirtyOneNodesServeTheAgentApiAndFaultsActInTheSimulatedNetwork) {
  SimulatedSandbox sb(31);
  ASSERT_TRUE(sb.ready()) << "the simulated sandbox did not start; see " << sb.dir() << "/sandbox.err";
  ASSERT_EQ(sb.size(), 31);

  // Every node answers as itself, and all are members of one chain.
  std::set<std::string> ids, chains;
  for (int i = 0; i < sb.size(); ++i) {
    auto s = sb.status(i);
    ASSERT_TRUE(s) << sb.net().nodes[i].name << " did not answer";
    EXPECT_EQ(s->name(), sb.net().nodes[i].name);
    EXPECT_EQ(s->node_id(), raw(sb.net().nodes[i].id));
    EXPECT_EQ(s->peers_size(), 30);
    ids.insert(s->node_id());
    chains.insert(s->chain_id());
  }
  EXPECT_EQ(ids.size(), 31u);
  EXPECT_EQ(chains.size(), 1u);
  {
    grpc::ClientContext ctx;
    pb::HostInfo hi;
    ASSERT_TRUE(sb.client(0)->GetHostInfo(&ctx, pb::HostInfoRequest{}, &hi).ok());
    EXPECT_TRUE(hi.simulated());
  }
  // Heights rise on every node and the blocks agree.
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        for (int i = 0; i < sb.size(); ++i)
          if (sb.height(i) < 8) return false;
        return true;
      },
      60))
      << "not every node reached height 8";
  std::string hash;
  for (int i : {0, 7, 30}) {
    grpc::ClientContext ctx;
    pb::BlockRequest r;
    r.set_height(5);
    pb::BlockInfo b;
    ASSERT_TRUE(sb.client(i)->GetBlock(&ctx, r, &b).ok());
    if (hash.empty()) hash = b.hash();
    EXPECT_EQ(b.hash(), hash) << "node " << i << " has another block at height 5";
  }

  // A kernel qdisc makes no sense for a simulated node: refused with a reason.
  {
    grpc::ClientContext ctx;
    pb::SetFaultsRequest req;
    req.add_rules()->set_rule("rate 2048kbit");
    req.set_interface("eth0");
    pb::FaultRules out;
    auto st = sb.client(3, "operator")->SetFaults(&ctx, req, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(st.error_message().find("simulated"), std::string::npos) << st.error_message();
  }

  // Node 3 cut from everyone through its own API: its peers see it down,
  // it stops while the rest go on, and it catches up once cleared.
  std::vector<std::string> everyone_else;
  for (int i = 0; i < sb.size(); ++i)
    if (i != 3) everyone_else.push_back(raw(sb.net().nodes[i].id));
  {
    grpc::ClientContext ctx;
    pb::SetFaultsRequest req;
    for (const auto& id : everyone_else) req.add_partition(id);
    pb::FaultRules out;
    auto st = sb.client(3, "operator")->SetFaults(&ctx, req, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto s = sb.status(0);
        if (!s) return false;
        for (const auto& p : s->peers())
          if (p.node_id() == raw(sb.net().nodes[3].id)) return !p.connected();
        return false;
      },
      10))
      << "node-0 still sees node-3 connected";
  uint64_t cut_at = sb.height(3);
  ASSERT_TRUE(AgentCluster::eventually([&] { return sb.height(0) >= cut_at + 8; }, 60)) << "the rest stopped";
  EXPECT_LE(sb.height(3), cut_at + 2) << "the isolated node kept committing";
  {
    grpc::ClientContext ctx;
    pb::FaultRules out;
    ASSERT_TRUE(sb.client(3, "operator")->ClearFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok());
  }
  EXPECT_TRUE(AgentCluster::eventually([&] { return sb.height(3) + 2 >= sb.height(0); }, 60))
      << "node-3 did not catch up: " << sb.height(3) << " vs " << sb.height(0);

  // Evidence submitted through one simulated node is proven by another, and
  // the proof verifies against the validators of the network's genesis.
  EvidenceRecord r = test::evidence_record("simulated contract #1");
  auto tx = test::evidence_tx(*test::client_key("simulated client"),
                             TxChain{*sb.net().chain_id, sb.status(0)->protocol_version()}, 0, r);
  {
    pb::SubmitRequest sr;
    sr.add_transactions(test::wire(tx));
    pb::SubmitResult res;
    grpc::ClientContext ctx;
    ASSERT_TRUE(sb.client(5, "operator")->Submit(&ctx, sr, &res).ok());
    ASSERT_EQ(res.results_size(), 1);
    EXPECT_EQ(res.results(0).error(), "");
  }
  pb::EvidenceProof proof;
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        grpc::ClientContext ctx;
        pb::EvidenceRequest er;
        er.set_digest(raw(r.digest));
        return sb.client(20)->ProveEvidence(&ctx, er, &proof).ok();
      },
      30));
  auto parsed = EvidenceProof::from_json(proof.proof_json());
  ASSERT_TRUE(parsed.ok());
  auto genesis = genesis_from_json(*read_file(sb.dir() + "/genesis.json"));
  ASSERT_TRUE(genesis.ok());
  auto verdict = verify_evidence_proof(*parsed, trusted_from_genesis(*genesis));
  EXPECT_TRUE(verdict.verified) << verdict.reason;
  // ... and not against another set of keys.
  std::vector<Bytes> strangers;
  for (int k = 0; k < 31; ++k)
    strangers.push_back(ed25519_sha256().signer_from_seed(sha256(as_bytes("stranger" + std::to_string(k))))->public_key());
  EXPECT_FALSE(verify_evidence_proof(*parsed, {parsed->chain_id, strangers}).verified);
  // The submission is in the node's audit log, as an agent's would be.
  grpc::ClientContext ctx;
  pb::LogRequest lr;
  lr.set_audit(true);
  pb::LogLines lines;
  ASSERT_TRUE(sb.client(5)->TailLog(&ctx, lr, &lines).ok());
  bool seen = false;
  for (const auto& l : lines.lines()) seen |= l.find("\"call\":\"Submit\"") != std::string::npos;
  EXPECT_TRUE(seen);
}

TEST(NetworkInit, EveryNodeOfALargeNetworkGetsPortsOfItsOwn) {
  // Ports are picked while nothing listens yet: the same free port must not
  // go to two nodes (with SO_REUSEPORT both would bind it and share clients).
  char tmpl[] = "/tmp/consortia-ports-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  InitOptions o;
  o.dir = dir + "/net";
  o.nodes = 120;
  ASSERT_TRUE(init_network(o).ok());
  auto added = add_node(o.dir, "late", "org-0");
  ASSERT_TRUE(added.ok());
  auto net = load_network(o.dir);
  ASSERT_TRUE(net.ok());
  std::set<std::string> ports;
  for (const auto& n : net->nodes)
    for (const auto& a : {n.api_address, n.p2p_address, n.metrics_address})
      EXPECT_TRUE(ports.insert(a).second) << a << " given twice";
  EXPECT_EQ(ports.size(), 3u * 121u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace consortia::agent::testing
