// consortia-agent as users run it: real agent processes on loopback, real
// gRPC over mutual TLS between them and to their clients, real SQLite
// stores killed with SIGKILL.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>

#include "evidence.h"
#include "agent_cluster.h"
#include "workload.h"
#include "pki.h"
#include "state/evidence.h"
#include "chain/evidence_proof.h"
#include "state/state.h"

namespace consortia::agent::testing {
namespace {

void expect_same_chain(const AgentCluster& c, uint64_t up_to) {
  for (uint64_t h = 1; h <= up_to; ++h) {
    std::set<std::string> hashes;
    for (int i = 0; i < c.size(); ++i)
      if (c.running(i)) hashes.insert(c.block_hash(i, h));
    EXPECT_EQ(hashes.size(), 1u) << "nodes disagree at height " << h;
    EXPECT_FALSE(hashes.count("")) << "a node lacks height " << h;
  }
}

TEST(AgentNetwork, FourAgentsCommitTransactionsWithEqualBlockHashes) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60)) << "the sandbox did not start committing";
  Workload w(c);
  std::vector<Hash32> ids;
  for (int i = 0; i < 4; ++i)
    for (auto& id : w.submit(c, i, 50)) ids.push_back(id);
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        for (const auto& id : ids)
          for (int i = 0; i < 4; ++i)
            if (!committed_on(c, i, id)) return false;
        return true;
      },
      30));
  uint64_t h = c.max_height();
  ASSERT_TRUE(c.all_reach(h, 10));
  expect_same_chain(c, h);
  auto s = c.status(0);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->peers_size(), 3);
  for (const auto& p : s->peers()) {
    EXPECT_TRUE(p.connected()) << p.name();
    EXPECT_GT(p.sent_bytes(), 0u);
  }
  EXPECT_EQ(s->validators(), 4u);
  EXPECT_EQ(s->role(), "validator");
}

TEST(AgentNetwork, AKilledValidatorRestartsFromItsStoreAndSyncs) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  Workload w(c);
  std::vector<Hash32> before = w.submit(c, 0, 100);
  ASSERT_TRUE(AgentCluster::eventually([&] { return committed_on(c, 2, before.back()); }, 20));
  c.stop(2, SIGKILL);
  std::vector<Hash32> during;
  for (int k = 0; k < 5; ++k) {
    for (auto& id : w.submit(c, k % 2, 100)) during.push_back(id);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  ASSERT_TRUE(AgentCluster::eventually([&] { return committed_on(c, 0, during.back()); }, 20))
      << "three of four validators keep committing";
  uint64_t target = c.max_height();
  c.start(2);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.height(2) >= target; }, 30)) << "node-2 did not catch up";
  for (const auto& id : before) EXPECT_TRUE(committed_on(c, 2, id) || c.height(2) > 0);
  expect_same_chain(c, target);
}

// A node whose disk fills halts (it sends nothing it cannot persist) and,
// once space returns, resumes in the same process and catches up: before,
// it stayed halted until someone restarted it. The data directory is a
// real 24 MiB tmpfs, filled by a file until writes fail.
TEST(AgentNetwork, AFullDiskHaltsANodeThatResumesWhenSpaceReturns) {
  AgentCluster c(4);
  const std::string data = c.node_dir(0) + "/data";
  std::filesystem::create_directories(data);
  ASSERT_EQ(std::system(("mount -t tmpfs -o size=24m consortia-full-disk " + data).c_str()), 0)
      << "mounting a tmpfs needs root";
  struct Unmount {
    std::string at;
    ~Unmount() { (void)std::system(("umount -l " + at + " 2>/dev/null").c_str()); }
  } unmount{data};
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 60));
  const pid_t pid = c.pid(0);
  Workload w(c);
  // Fill the disk: a file as large as the free space allows.
  const std::string filler = data + "/filler";
  (void)std::system(("dd if=/dev/zero of=" + filler + " bs=64k 2>/dev/null").c_str());
  std::string halted;
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        (void)w.submit(c, 1, 20, false);  // blocks to write
        auto s = c.status(0);
        halted = s ? s->halted() : "";
        return halted.find("storage") != std::string::npos;
      },
      60))
      << "node-0 did not halt on a full disk: '" << halted << "'";
  uint64_t stuck = c.height(0);
  std::vector<Hash32> later = w.submit(c, 1, 50);
  ASSERT_TRUE(AgentCluster::eventually([&] { return committed_on(c, 2, later.back()); }, 30))
      << "three of four validators keep committing";
  EXPECT_LE(c.height(0), stuck + 1) << "node-0 committed while it could not write";

  std::filesystem::remove(filler);
  uint64_t target = c.max_height();
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto s = c.status(0);
        return s && s->halted().empty() && s->height() >= target;
      },
      60))
      << "node-0 did not resume: height " << c.height(0) << " of " << target;
  EXPECT_EQ(c.pid(0), pid) << "resumed in the same process";
  EXPECT_EQ(::kill(pid, 0), 0);
  EXPECT_TRUE(committed_on(c, 0, later.back()));
  std::ifstream log(data + "/agent.log");
  std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("storage writable again: the node resumed"), std::string::npos);
  expect_same_chain(c, target);
  c.stop(0);
}

TEST(AgentNetwork, SigtermUnderLoadStopsGracefullyAndTheNextStartResumes) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  Workload w(c);
  std::atomic<bool> done{false};
  std::thread load([&] {
    Workload to_stopped(c), to_other(c);
    for (int k = 0; k < 20 && !done; ++k) {
      to_stopped.submit(c, 1, 50, false);  // calls in flight on the node being stopped
      to_other.submit(c, 0, 50);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  uint64_t h = c.height(1);
  auto t0 = std::chrono::steady_clock::now();
  int status = c.stop(1, SIGTERM);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  done = true;
  load.join();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  EXPECT_LT(took, 8.0) << "graceful stop took too long";
  auto log = read_file(c.node_dir(1) + "/data/agent.log");
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->find("stopping on SIGTERM"), std::string::npos);
  c.start(1);
  EXPECT_TRUE(AgentCluster::eventually([&] { return c.height(1) >= std::max(h, c.max_height()); }, 30));
}

TEST(AgentNetwork, KillingTheLeaderChangesTheViewAndCommitsResume) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 60));
  auto s = c.status(0);
  ASSERT_TRUE(s);
  int leader = -1;
  for (int i = 0; i < 4; ++i)
    if (c.net().nodes[i].id == Hash32::from(ByteView(reinterpret_cast<const uint8_t*>(s->leader().data()), 32)))
      leader = i;
  ASSERT_GE(leader, 0);
  c.stop(leader, SIGKILL);
  int other = (leader + 1) % 4;
  Workload w(c);
  w.submit(c, other, 20);
  // The dead node's next turn (it may have proposed in its current view
  // before it died) times out: a view change.
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        auto now = c.status(other);
        return now && now->view_changes() > 0;
      },
      20))
      << "no view change after the leader died";
  uint64_t h = c.height(other);
  EXPECT_TRUE(AgentCluster::eventually([&] { return c.height(other) >= h + 3; }, 20))
      << "commits did not resume after the leader died";
}

TEST(AgentNetwork, FaultRulesThroughTheApiKeepSafetyAndCommitsResume) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  Workload w(c);
  for (const char* rule : {"loss 10%", "duplicate 1%", "corrupt 0.2%", "delay 1000ms 300ms 30%"}) {
    SCOPED_TRACE(rule);
    // On one node, then on all.
    for (bool all : {false, true}) {
      for (int i = 0; i < (all ? 4 : 1); ++i) {
        auto op = c.operator_of(i);
        grpc::ClientContext ctx;
        pb::SetFaultsRequest req;
        req.add_rules()->set_rule(rule);
        req.set_replace(true);
        pb::FaultRules out;
        auto st = op->SetFaults(&ctx, req, &out);
        ASSERT_TRUE(st.ok()) << st.error_message();
        ASSERT_EQ(out.rules_size(), 1);
      }
      auto s = c.status(0);
      ASSERT_TRUE(s);
      EXPECT_NE(s->peers(0).fault_rule(), "");
      auto ids = w.submit(c, 1, 20);
      uint64_t h = c.max_height();
      bool progressed = c.all_reach(h + 2, std::string(rule).find("delay") != std::string::npos ? 25 : 10);
      for (int i = 0; i < 4; ++i) {
        auto op = c.operator_of(i);
        grpc::ClientContext ctx;
        pb::FaultRules out;
        ASSERT_TRUE(op->ClearFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok());
      }
      if (!progressed) {
        EXPECT_TRUE(c.all_reach(h + 2, 20)) << "commits did not resume after clearing";
      }
      EXPECT_TRUE(AgentCluster::eventually([&] { return committed_on(c, 0, ids.back()); }, 30));
    }
  }
  uint64_t h = c.max_height();
  ASSERT_TRUE(c.all_reach(h, 20));
  expect_same_chain(c, h);
}

TEST(AgentNetwork, AnIsolatedNodeCatchesUpAfterThePartitionHeals) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  NodeId isolated = c.net().nodes[3].id;
  // Node 3 drops everything to and from its peers; they drop it too.
  for (int i = 0; i < 4; ++i) {
    auto op = c.operator_of(i);
    grpc::ClientContext ctx;
    pb::SetFaultsRequest req;
    if (i == 3) {
      for (int j = 0; j < 3; ++j) req.add_partition(std::string(c.net().nodes[j].id.v.begin(), c.net().nodes[j].id.v.end()));
    } else {
      req.add_partition(std::string(isolated.v.begin(), isolated.v.end()));
    }
    pb::FaultRules out;
    ASSERT_TRUE(op->SetFaults(&ctx, req, &out).ok());
  }
  uint64_t h3 = c.height(3);
  Workload w(c);
  w.submit(c, 0, 50);
  ASSERT_TRUE(c.all_reach(h3 + 10, 30, {3})) << "the other three keep committing";
  EXPECT_LE(c.height(3), h3 + 1) << "the isolated node cannot commit alone";
  // Its pings go unanswered: every peer shows loss; the others see it lost too.
  auto s3 = c.status(3);
  ASSERT_TRUE(s3);
  for (const auto& p : s3->peers()) EXPECT_GT(p.loss(), 0.3) << p.name();
  auto s0 = c.status(0);
  ASSERT_TRUE(s0);
  for (const auto& p : s0->peers())
    if (p.name() == c.net().nodes[3].name) EXPECT_GT(p.loss(), 0.3);
    else EXPECT_LT(p.loss(), 0.3) << p.name();
  for (int i = 0; i < 4; ++i) {
    auto op = c.operator_of(i);
    grpc::ClientContext ctx;
    pb::FaultRules out;
    ASSERT_TRUE(op->ClearFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok());
  }
  uint64_t target = c.max_height();
  EXPECT_TRUE(AgentCluster::eventually([&] { return c.height(3) >= target; }, 30)) << "node-3 did not catch up";
  expect_same_chain(c, target);
}

TEST(AgentAccess, CertificatesAndRolesDecideWhatACallerMayDo) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(1, 60));
  const auto& n0 = c.net().nodes[0];
  // A certificate from a CA outside the network gets nothing.
  auto rogue_ca = make_ca("rogue");
  ASSERT_TRUE(rogue_ca.ok());
  auto rogue = issue_certificate(*rogue_ca, {"mallory", n0.organisation, "admin"}, {});
  ASSERT_TRUE(rogue.ok());
  auto bundle = read_file(c.net().ca_bundle_path);
  ClientIdentity bad{*bundle, rogue->certificate_pem, rogue->key_pem};
  auto stub = pb::AgentService::NewStub(agent_channel(n0.api_address, n0.name, bad));
  grpc::ClientContext ctx1;
  ctx1.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  pb::NodeStatus s;
  EXPECT_FALSE(stub->GetStatus(&ctx1, pb::StatusRequest{}, &s).ok());
  // One organisation's CA cannot speak for another: org-1's CA issues a
  // certificate claiming to be org-0's admin.
  auto ca1 = read_file(c.dir() + "/orgs/org-1/ca.crt");
  auto ca1_key = read_file(c.dir() + "/orgs/org-1/ca.key");
  ASSERT_TRUE(ca1.ok() && ca1_key.ok());
  auto forged = issue_certificate({*ca1, *ca1_key}, {"impostor", n0.organisation, "admin"}, {});
  ASSERT_TRUE(forged.ok());
  auto forged_stub = pb::AgentService::NewStub(
      agent_channel(n0.api_address, n0.name, ClientIdentity{*bundle, forged->certificate_pem, forged->key_pem}));
  grpc::ClientContext ctx0;
  pb::GovernanceSubmission prop;
  pb::GovernanceResult gres;
  auto forged_call = forged_stub->SubmitGovernance(&ctx0, prop, &gres);
  EXPECT_EQ(forged_call.error_code(), grpc::StatusCode::UNAUTHENTICATED) << forged_call.error_message();
  // No client certificate at all.
  grpc::SslCredentialsOptions anon;
  anon.pem_root_certs = *bundle;
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride(n0.name + ".consortia");
  auto anon_stub = pb::AgentService::NewStub(grpc::CreateCustomChannel(n0.api_address, grpc::SslCredentials(anon), args));
  grpc::ClientContext ctx2;
  ctx2.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  EXPECT_FALSE(anon_stub->GetStatus(&ctx2, pb::StatusRequest{}, &s).ok());

  pb::SetFaultsRequest req;
  req.add_rules()->set_rule("loss 10%");
  pb::FaultRules out;
  // A viewer reads but cannot apply faults.
  auto viewer = c.client(0, n0.organisation, "viewer");
  grpc::ClientContext ctx3;
  EXPECT_TRUE(viewer->GetStatus(&ctx3, pb::StatusRequest{}, &s).ok());
  grpc::ClientContext ctx4;
  auto denied = viewer->SetFaults(&ctx4, req, &out);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(denied.error_message().rfind("unauthorised:", 0), 0u) << denied.error_message();
  // An operator of another organisation cannot control this node.
  auto foreign = c.client(0, c.net().nodes[1].organisation, "operator");
  grpc::ClientContext ctx5;
  EXPECT_EQ(foreign->SetFaults(&ctx5, req, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Its own operator can; a bad rule is refused with a reason and changes nothing.
  auto op = c.operator_of(0);
  grpc::ClientContext ctx6;
  ASSERT_TRUE(op->SetFaults(&ctx6, req, &out).ok());
  pb::SetFaultsRequest junk;
  junk.add_rules()->set_rule("loss 250%");
  grpc::ClientContext ctx7;
  auto refused = op->SetFaults(&ctx7, junk, &out);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  grpc::ClientContext ctx8;
  ASSERT_TRUE(op->GetFaults(&ctx8, pb::ClearFaultsRequest{}, &out).ok());
  ASSERT_EQ(out.rules_size(), 1);
  EXPECT_EQ(out.rules(0).rule(), "loss 10%");
  // Every control call is in the audit log, with who and the result.
  auto audit = read_file(c.node_dir(0) + "/data/audit.log");
  ASSERT_TRUE(audit.ok());
  EXPECT_NE(audit->find("\"who\":\"operator@" + n0.organisation + "\""), std::string::npos) << *audit;
  EXPECT_NE(audit->find("\"who\":\"viewer@" + n0.organisation + "\""), std::string::npos);
  EXPECT_NE(audit->find("\"call\":\"SetFaults\""), std::string::npos);
  EXPECT_NE(audit->find("unauthorised"), std::string::npos);
  // Oversized and malformed submissions are refused with reasons.
  pb::SubmitRequest garbage;
  garbage.add_transactions("not a transaction");
  grpc::ClientContext ctx9;
  pb::SubmitResult res;
  ASSERT_TRUE(op->Submit(&ctx9, garbage, &res).ok());
  ASSERT_EQ(res.results_size(), 1);
  EXPECT_NE(res.results(0).error(), "");
}

TEST(AgentNetwork, APeerFromAnotherChainIsRefused) {
  AgentCluster a(4), b(1);
  // Each side trusts the other's CAs, so TLS succeeds and the agents' own
  // checks decide: b's node is no member of a's chain (and names another chain).
  std::string bundle = *read_file(a.net().ca_bundle_path) + *read_file(b.net().ca_bundle_path);
  ASSERT_TRUE(write_file(a.dir() + "/ca-bundle.pem", bundle).ok());
  ASSERT_TRUE(write_file(b.dir() + "/ca-bundle.pem", bundle).ok());
  a.start_all();
  ASSERT_TRUE(a.all_reach(1, 60));
  auto cfg = load_agent_config(b.node_dir(0) + "/agent.json");
  ASSERT_TRUE(cfg.ok());
  cfg->peers = {{a.net().nodes[0].name, a.net().nodes[0].id, a.net().nodes[0].p2p_address}};
  cfg->log_level = "debug";
  ASSERT_TRUE(save_agent_config(*cfg, b.node_dir(0) + "/agent.json").ok());
  b.start(0);
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto log = read_file(a.node_dir(0) + "/data/agent.log");
        return log && log->find("not a member of the chain") != std::string::npos;
      },
      15))
      << "the foreign node was not refused with a reason";
  auto status = a.status(0);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->validators(), 4u);
  // b logs its side once its stream has finished, which may be after a has
  // logged the refusal: wait for it rather than read it once.
  std::string blog;
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto log = read_file(b.node_dir(0) + "/data/agent.log");
        if (log) blog = *log;
        return blog.find("cannot connect to " + a.net().nodes[0].name) != std::string::npos;
      },
      15))
      << blog;
}

int sh(const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()); }

// Runs a command through the shell: its exit code (-1 if it could not be
// started) and what it wrote to its standard output.
struct Ran {
  int code = -1;
  std::string out;
};
Ran run(const std::string& cmd) {
  Ran r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (fgets(buf, sizeof buf, p)) r.out += buf;
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(AgentFaults, AFlappingPartitionComesAndGoesAndTheChainKeepsCommitting) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  auto op = c.operator_of(3);
  grpc::ClientContext ctx;
  pb::SetFaultsRequest req;
  for (int j = 0; j < 3; ++j) req.add_partition(std::string(c.net().nodes[j].id.v.begin(), c.net().nodes[j].id.v.end()));
  req.set_flap_period_ms(700);
  pb::FaultRules out;
  ASSERT_TRUE(op->SetFaults(&ctx, req, &out).ok());
  EXPECT_EQ(out.flap_period_ms(), 700u);
  EXPECT_EQ(out.partitioned_size(), 3);
  uint64_t h = c.max_height();
  Workload w(c);
  w.submit(c, 0, 50);
  EXPECT_TRUE(c.all_reach(h + 5, 40)) << "with node 3 flapping, every node still commits";
  grpc::ClientContext ctx2;
  ASSERT_TRUE(op->ClearFaults(&ctx2, pb::ClearFaultsRequest{}, &out).ok());
  EXPECT_EQ(out.partitioned_size(), 0);
  uint64_t top = c.max_height();
  ASSERT_TRUE(c.all_reach(top, 20));
  expect_same_chain(c, top);
}

// A rule applied as a real qdisc where the kernel and privileges allow it;
// otherwise the agent says why (this host has tbf but no sch_netem).
TEST(AgentFaults, KernelQdiscsAreAppliedOrRefusedWithTheReason) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to create an interface";
  const std::string dev = "cns-q0";
  sh("ip link del " + dev);
  ASSERT_EQ(sh("ip link add " + dev + " type veth peer name cns-q1 && ip link set " + dev + " up"), 0);
  struct Cleanup {
    std::string dev;
    ~Cleanup() { sh("ip link del " + dev); }
  } cleanup{dev};
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(1, 60));
  auto op = c.operator_of(0);
  auto set = [&](const std::string& iface, const std::string& rule, pb::FaultRules& out) {
    grpc::ClientContext ctx;
    pb::SetFaultsRequest req;
    req.add_rules()->set_rule(rule);
    req.set_interface(iface);
    return op->SetFaults(&ctx, req, &out);
  };
  pb::FaultRules out;
  auto missing = set("cns-nonexist9", "delay 100ms", out);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(missing.error_message().find("no interface"), std::string::npos) << missing.error_message();

  bool has_netem = sh("modprobe -n sch_netem") == 0 || access("/sys/module/sch_netem", F_OK) == 0;
  auto netem = set(dev, "delay 100ms 10ms 25% loss 1%", out);
  if (has_netem) {
    EXPECT_TRUE(netem.ok()) << netem.error_message();
  } else {
    EXPECT_EQ(netem.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(netem.error_message().find("sch_netem"), std::string::npos) << netem.error_message();
  }
  // A pure rate rule is a tbf, which this kernel has.
  auto tbf = set(dev, "rate 2048kbit", out);
  ASSERT_TRUE(tbf.ok()) << tbf.error_message();
  ASSERT_GE(out.qdiscs_size(), 1);
  EXPECT_NE(out.qdiscs(out.qdiscs_size() - 1).find("tbf rate 2048kbit"), std::string::npos);
  std::string shown = run("tc qdisc show dev " + dev).out;
  EXPECT_NE(shown.find("tbf"), std::string::npos) << shown;
  grpc::ClientContext ctx;
  ASSERT_TRUE(op->ClearFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok());
  EXPECT_EQ(out.qdiscs_size(), 0);
  shown = run("tc qdisc show dev " + dev).out;
  EXPECT_EQ(shown.find("tbf"), std::string::npos) << "cleared faults remove the qdisc: " << shown;
}

TEST(AgentApi, GovernanceEvidenceProofsAndHostInfoThroughTheApi) {
  AgentCluster c(4, "ed25519-sha256", 1);  // a network on protocol 1, to plan version 2
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  // An admin of org-0 proposes an upgrade on node 0; admins of org-1 and
  // org-2 approve on their own nodes: 3 of 4 organisations enact it.
  uint64_t at = c.max_height() + 500;
  pb::ProposeRequest prop;
  prop.set_action("upgrade");
  prop.set_plan("v2-delete");
  prop.set_height(at);
  prop.set_version(2);
  prop.set_binary_sha256(std::string(32, '\x5a'));
  // Signed on org-0's admin workstation; agents hold no governance key.
  auto key0 = AdminKey::open(c.dir() + "/orgs/org-0/governance.key", "");
  ASSERT_TRUE(key0.ok()) << key0.error().detail;
  auto op = governance_proposal(prop);
  ASSERT_TRUE(op.ok());
  auto signed_tx = [&](const AdminKey& k, const GovOp& o) {
    Bytes raw = k.sign(o, 0, c.chain())->encode();
    pb::GovernanceSubmission sub;
    sub.set_transaction(std::string(raw.begin(), raw.end()));
    return sub;
  };
  pb::GovernanceResult res;
  {
    auto viewer = c.client(0, "org-0", "viewer");
    grpc::ClientContext ctx;
    EXPECT_EQ(viewer->SubmitGovernance(&ctx, signed_tx(*key0, *op), &res).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    auto oper = c.client(0, "org-0", "operator");
    grpc::ClientContext ctx2;
    EXPECT_EQ(oper->SubmitGovernance(&ctx2, signed_tx(*key0, *op), &res).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << "operators do not govern";
    // Nor does Submit carry governance past the audit log.
    pb::SubmitRequest sr;
    sr.add_transactions(signed_tx(*key0, *op).transaction());
    pb::SubmitResult sres;
    grpc::ClientContext ctx3;
    ASSERT_TRUE(oper->Submit(&ctx3, sr, &sres).ok());
    ASSERT_EQ(sres.results_size(), 1);
    EXPECT_EQ(sres.results(0).error().rfind("unauthorised:", 0), 0u) << sres.results(0).error();
    // org-1's admin certificate cannot hand in org-0's signed vote, even on its own node.
    auto admin1 = c.client(1, "org-1", "admin");
    grpc::ClientContext ctx4;
    auto other = admin1->SubmitGovernance(&ctx4, signed_tx(*key0, *op), &res);
    EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED) << other.error_message();
    EXPECT_NE(other.error_message().find("signed for 'org-0'"), std::string::npos) << other.error_message();
    // A key that administers nothing.
    auto stranger = test::client_key("stranger");
    Bytes raw = Transaction::create(ed25519_sha256(), *stranger, c.chain(), TxKind::kGovernance, 0, op->encode())->encode();
    pb::GovernanceSubmission sub;
    sub.set_transaction(std::string(raw.begin(), raw.end()));
    grpc::ClientContext ctx5;
    EXPECT_EQ(c.client(0, "org-0", "admin")->SubmitGovernance(&ctx5, sub, &res).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  auto proposed = c.propose(0, "org-0", prop);
  ASSERT_TRUE(proposed.ok()) << proposed.error().detail;
  std::string proposal(proposed->v.begin(), proposed->v.end());
  auto list = [&](int i) {
    auto v = c.client(i, c.net().nodes[i].organisation, "viewer");
    grpc::ClientContext lctx;
    pb::Proposals ps;
    EXPECT_TRUE(v->ListProposals(&lctx, pb::ProposalsRequest{}, &ps).ok());
    return ps;
  };
  ASSERT_TRUE(AgentCluster::eventually([&] { return list(1).proposals_size() == 1; }, 20));
  EXPECT_EQ(list(1).proposals(0).status(), "open");
  EXPECT_EQ(list(1).proposals(0).action(), "upgrade");
  for (int i : {1, 2}) {
    std::string org = c.net().nodes[i].organisation;
    auto approved = c.govern(i, org, governance_vote(*proposed, false));
    ASSERT_TRUE(approved.ok()) << approved.error().detail;
    // An admin of another organisation cannot act on this node.
    auto key3 = AdminKey::open(c.dir() + "/orgs/org-3/governance.key", "");
    ASSERT_TRUE(key3.ok());
    auto foreign = c.client(i, "org-3", "admin");
    grpc::ClientContext fctx;
    EXPECT_EQ(foreign->SubmitGovernance(&fctx, signed_tx(*key3, governance_vote(*proposed, false)), &res).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto ps = list(3);
        return ps.proposals_size() == 1 && ps.proposals(0).status() == "enacted";
      },
      20))
      << "three of four organisations approved";
  EXPECT_EQ(list(3).proposals(0).approvals_size(), 3);

  // Evidence anchored through one agent is proven by another.
  EvidenceRecord r = test::evidence_record("contract #1");
  auto tx = test::evidence_tx(*test::client_key("client"), c.chain(), 0, r);
  pb::SubmitRequest sr;
  sr.add_transactions(test::wire(tx));
  pb::SubmitResult sres;
  grpc::ClientContext sctx;
  ASSERT_TRUE(c.operator_of(0)->Submit(&sctx, sr, &sres).ok());
  auto viewer2 = c.client(2, "org-2", "viewer");
  pb::EvidenceRequest er;
  er.set_digest(std::string(r.digest.v.begin(), r.digest.v.end()));
  pb::EvidenceProof proof;
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        grpc::ClientContext ectx;
        return viewer2->ProveEvidence(&ectx, er, &proof).ok();
      },
      20));
  EXPECT_NE(proof.proof_json().find(r.digest.hex()), std::string::npos);
  // A protocol-1 network's proof is over the sorted leaves (format 1), made
  // off the node's thread, and it verifies (against the genesis).
  auto parsed = EvidenceProof::from_json(proof.proof_json());
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail;
  EXPECT_LT(parsed->header.protocol_version, kFirstTrieProtocolVersion);
  EXPECT_NE(proof.proof_json().find("consortia-evidence-proof/1"), std::string::npos);
  auto genesis = genesis_from_json(*read_file(c.dir() + "/genesis.json"));
  ASSERT_TRUE(genesis.ok());
  auto verdict = verify_evidence_proof(*parsed, trusted_from_genesis(*genesis));
  EXPECT_TRUE(verdict.verified) << verdict.reason;
  pb::TransactionRequest tr;
  tr.set_id(std::string(tx->id().v.begin(), tx->id().v.end()));
  pb::TransactionInfo ti;
  grpc::ClientContext tctx;
  ASSERT_TRUE(viewer2->GetTransaction(&tctx, tr, &ti).ok());
  EXPECT_GT(ti.height(), 0u);
  EXPECT_EQ(ti.kind(), static_cast<uint32_t>(TxKind::kEvidence));
  EXPECT_EQ(ti.refused(), "");

  pb::HostInfo hi;
  grpc::ClientContext hctx;
  ASSERT_TRUE(viewer2->GetHostInfo(&hctx, pb::HostInfoRequest{}, &hi).ok());
  EXPECT_GE(hi.cpus(), 1u);
  EXPECT_GT(hi.memory_total_bytes(), 0u);
  EXPECT_GT(hi.disk_total_bytes(), 0u);
  EXPECT_GT(hi.data_dir_bytes(), 0u);
  EXPECT_EQ(hi.max_protocol_version(), kMaxProtocolVersion);
  EXPECT_EQ(hi.suite(), "ed25519-sha256");
  pb::LogLines lines;
  pb::LogRequest lr;
  lr.set_lines(20);
  grpc::ClientContext lctx;
  ASSERT_TRUE(viewer2->TailLog(&lctx, lr, &lines).ok());
  EXPECT_GT(lines.lines_size(), 0);
}

// Governance through the API, end to end: propose with org-0's admin on
// node 0, approve with org-1's and org-2's admins on their nodes.
std::string govern(const AgentCluster& c, const pb::ProposeRequest& prop) {
  auto proposed = c.propose(0, "org-0", prop);
  EXPECT_TRUE(proposed.ok()) << proposed.error().detail;
  if (!proposed) return "";
  std::string id(proposed->v.begin(), proposed->v.end());
  auto status_of = [&](int i) -> std::string {
    grpc::ClientContext lctx;
    pb::Proposals ps;
    if (!c.client(i, c.net().nodes[i].organisation, "viewer")->ListProposals(&lctx, pb::ProposalsRequest{}, &ps).ok())
      return "";
    for (const auto& p : ps.proposals())
      if (p.id() == id) return p.status();
    return "";
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return status_of(1) == "open"; }, 20));
  for (int i : {1, 2}) {
    auto approved = c.govern(i, c.net().nodes[i].organisation, governance_vote(*proposed, false));
    EXPECT_TRUE(approved.ok()) << approved.error().detail;
  }
  EXPECT_TRUE(AgentCluster::eventually([&] { return status_of(0) == "enacted"; }, 20)) << prop.action();
  return id;
}

TEST(AgentJoin, ANewNodeJoinsAsAnObserverSyncsAndIsPromotedToVote) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 60));
  Workload w(c);
  w.submit(c, 0, 100);
  Bytes pk;
  int joiner = c.add_node("node-4", "org-1", &pk);
  ASSERT_EQ(joiner, 4);
  // Started before it is a member: refused until governance adds it.
  c.start(joiner);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(c.height(joiner), 0u);
  pb::ProposeRequest add;
  add.set_action("add-observer");
  add.set_public_key(std::string(pk.begin(), pk.end()));
  add.set_name("node-4");
  add.set_organisation("org-1");
  govern(c, add);
  uint64_t target = c.max_height();
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.height(joiner) >= target; }, 40))
      << "the observer did not sync (height " << c.height(joiner) << " of " << target << ")";
  auto s = c.status(joiner);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->role(), "observer");
  pb::ProposeRequest promote;
  promote.set_action("promote");
  promote.set_node_id(std::string(c.net().nodes[joiner].id.v.begin(), c.net().nodes[joiner].id.v.end()));
  govern(c, promote);
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto st = c.status(joiner);
        return st && st->role() == "validator" && st->validators() == 5;
      },
      30))
      << "the promoted node is not a validator of a 5-validator set";
  uint64_t h = c.max_height();
  w.submit(c, 1, 50);
  ASSERT_TRUE(c.all_reach(h + 5, 30)) << "the five validators keep committing";
  // Its votes are in certificates: some committed block's QC carries 4 of 5 signatures.
  bool five_set = false;
  for (uint64_t k = h + 1; k <= h + 5 && !five_set; ++k) {
    grpc::ClientContext ctx;
    pb::BlockRequest br;
    br.set_height(k);
    pb::BlockInfo b;
    if (c.operator_of(0)->GetBlock(&ctx, br, &b).ok() && b.qc_signatures() == 4) five_set = true;
  }
  EXPECT_TRUE(five_set) << "no certificate of the 5-validator set (quorum 4) after the promotion";
  uint64_t top = c.max_height();
  ASSERT_TRUE(c.all_reach(top, 20));
  expect_same_chain(c, top);
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// Prometheus' instant query result as (instance, value) pairs.
std::vector<std::pair<std::string, double>> prom_query(int port, const std::string& q) {
  std::vector<std::pair<std::string, double>> out;
  std::string encoded;
  for (unsigned char ch : q) {
    if (std::isalnum(ch) || ch == '_' || ch == '.' || ch == '-') {
      encoded += static_cast<char>(ch);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", ch);
      encoded += hex;
    }
  }
  std::string body = http_get(port, "/api/v1/query?query=" + encoded);
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || j.value("status", "") != "success") return out;
  for (const auto& r : j["data"]["result"])
    out.emplace_back(r["metric"].value("instance", ""), std::stod(r["value"][1].get<std::string>()));
  return out;
}

TEST(AgentMetrics, TheRealPrometheusServerScrapesEveryAgent) {
  const char* prom = "/usr/bin/prometheus";
  ASSERT_EQ(access(prom, X_OK), 0) << "the Debian prometheus package is needed (scripts/deps.sh test)";
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(1, 60));
  std::string dir = c.dir() + "/prometheus";
  std::filesystem::create_directories(dir);
  std::string targets;
  for (const auto& n : c.net().nodes) targets += (targets.empty() ? "'" : ", '") + n.metrics_address + "'";
  ASSERT_TRUE(write_file(dir + "/prometheus.yml",
                         "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                         "scrape_configs:\n  - job_name: consortia\n    static_configs:\n      - targets: [" +
                             targets + "]\n")
                  .ok());
  int port = free_port();
  pid_t pid = fork();
  if (pid == 0) {
    std::string log = dir + "/prometheus.log";
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    std::string cfg = "--config.file=" + dir + "/prometheus.yml";
    std::string data = "--storage.tsdb.path=" + dir + "/data";
    std::string listen = "--web.listen-address=127.0.0.1:" + std::to_string(port);
    execl(prom, "prometheus", cfg.c_str(), data.c_str(), listen.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  struct Reaper {
    pid_t pid;
    ~Reaper() {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  } reaper{pid};
  bool all_up = AgentCluster::eventually(
      [&] {
        auto up = prom_query(port, "up");
        if (up.size() != 4) return false;
        for (auto& [inst, v] : up)
          if (v != 1) return false;
        return true;
      },
      40);
  ASSERT_TRUE(all_up) << "up != 1 for some agent: " << http_get(port, "/api/v1/query?query=up");
  auto first = prom_query(port, "consortia_consensus_height");
  ASSERT_EQ(first.size(), 4u);
  Workload w(c);
  w.submit(c, 0, 20);
  double before = 0;
  for (auto& [i, v] : first) before = std::max(before, v);
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto now = prom_query(port, "consortia_consensus_height");
        if (now.size() != 4) return false;
        for (auto& [i, v] : now)
          if (v <= before) return false;
        return true;
      },
      20))
      << "consortia_consensus_height did not rise on every agent";
  EXPECT_EQ(prom_query(port, "consortia_p2p_peers").size(), 4u);
  EXPECT_FALSE(prom_query(port, "consortia_p2p_message_send_bytes_total").empty());
  EXPECT_EQ(prom_query(port, "consortia_consensus_block_interval_seconds_count").size(), 4u);
  // Every agent checked the 20 transactions' signatures. The one that took
  // the clients' submissions checked them all as they arrived, none on its
  // node's thread; the others checked gossip as it arrived, and on the
  // node's thread only what a block carried before its gossip came.
  EXPECT_TRUE(AgentCluster::eventually(
      [&] { return prom_query(port, "sum by (instance) (consortia_tx_signature_checks_total) >= 20").size() == 4; },
      20))
      << http_get(port, "/api/v1/query?query=consortia_tx_signature_checks_total");
  std::string entry = c.net().nodes[0].metrics_address;
  auto checks = [&](const char* where) {
    for (auto& [inst, v] : prom_query(port, std::string("consortia_tx_signature_checks_total{where=\"") + where + "\"}"))
      if (inst == entry) return v;
    return -1.0;
  };
  EXPECT_GE(checks("arrival"), 20) << entry;
  EXPECT_EQ(checks("node"), 0) << entry << " checked its clients' transactions on its node thread";
  // Certificates' expiry, for an alert 30 days ahead: each agent's node
  // certificate and the four organisations' CAs, none within 30 days.
  EXPECT_EQ(prom_query(port, "consortia_certificate_expiry_timestamp_seconds").size(), 20u);
  EXPECT_EQ(prom_query(port, "consortia_certificate_expiry_timestamp_seconds - time() < 30 * 86400").size(), 0u);
  EXPECT_EQ(prom_query(port, "consortia_certificate_expiry_timestamp_seconds{certificate=\"node\"} - time() > 800 * 86400")
                .size(),
            4u);
  // The audit log's last entry number, kept outside the host.
  pb::LogLevelRequest lr;
  lr.set_level("info");
  pb::LogLevel ll;
  grpc::ClientContext lctx;
  ASSERT_TRUE(c.operator_of(0)->SetLogLevel(&lctx, lr, &ll).ok());
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        for (auto& [inst, v] : prom_query(port, "consortia_audit_last_entry"))
          if (inst == entry && v >= 2) return true;
        return false;
      },
      20))
      << http_get(port, "/api/v1/query?query=consortia_audit_last_entry");
}


// The load tool as users run it, at its maximum rate with few clients (so
// each client's nonces run far ahead): it keeps within the nonce window the
// chain accepts, so what it sends commits; refusals, if any, are counted by
// error code; and the run exits 0.
TEST(AgentLoad, AtItsMaximumRateTheLoadToolKeepsEachClientInsideTheNonceWindow) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  auto [code, out] =
      run(agent_binary() + " load --sandbox " + c.dir() + " --noop --seconds 4 --clients 2 --json 2>&1");
  ASSERT_EQ(code, 0) << out;
  auto j = nlohmann::json::parse(out.substr(out.rfind('{', out.find("\"agents\""))), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_GT(j.value("succ", 0), 0) << out;
  EXPECT_EQ(j.value("errors", 1), 0) << out;
  for (auto& [why, n] : j["refusals"].items()) {
    EXPECT_EQ(why.find_first_of("0123456789 "), std::string::npos) << "a refusal key per transaction: " << why;
    EXPECT_NE(why, "nonce_too_high") << n << " transactions sent beyond the nonce window";
  }
  EXPECT_EQ(j.value("fail", -1), 0) << "sent but never committed: " << out.substr(0, 2000);
  if (j.value("fail", 0) > 0) {
    // What each agent still holds, now and over the next half minute: slow, or lost.
    for (int t = 0; t < 7; ++t) {
      std::string line;
      for (int i = 0; i < 4; ++i) {
        std::string m = c.net().nodes[i].metrics_address;
        std::string text = http_get(std::stoi(m.substr(m.rfind(':') + 1)), "/metrics");
        for (const char* k : {"consortia_mempool_size ", "consortia_tx_reoffered_total ", "consortia_consensus_height "}) {
          auto at = text.find(std::string("\n") + k);
          if (at != std::string::npos) line += std::string(k) + text.substr(at + 1 + strlen(k), text.find('\n', at + 1) - at - 1 - strlen(k)) + " ";
        }
        line += "| ";
      }
      std::fprintf(stderr, "after %d s: %s\n", t * 5, line.c_str());
      std::this_thread::sleep_for(std::chrono::seconds(5));
    }
  }
}

// Bytes sent by a qdisc, from `tc -s qdisc show`.
uint64_t qdisc_sent_bytes(const std::string& prefix, const std::string& dev) {
  std::string out = run(prefix + "tc -s qdisc show dev " + dev).out;
  auto at = out.find("Sent ");
  return at == std::string::npos ? 0 : std::stoull(out.substr(at + 5));
}

// Two agents joined by a veth pair, one in its own network namespace, each
// direction limited by the seed's `tc qdisc add dev ... root tbf rate 2048kbit
// latency 50ms burst 2048`: blocks still commit and the measured transfer
// rate stays within the limit.
TEST(AgentNetem, TwoAgentsOverAVethWithTbfCommitWithinTheRateLimit) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root for network namespaces and tc";
  const std::string ns = "cns-test-b", a_dev = "cns-va", b_dev = "cns-vb";
  sh("ip netns del " + ns);
  sh("ip link del " + a_dev);
  ASSERT_EQ(sh("ip netns add " + ns), 0) << "ip netns is not available";
  struct Cleanup {
    std::string ns, dev;
    ~Cleanup() {
      sh("ip netns del " + ns);
      sh("ip link del " + dev);
    }
  } cleanup{ns, a_dev};
  ASSERT_EQ(sh("ip link add " + a_dev + " type veth peer name " + b_dev + " netns " + ns), 0);
  ASSERT_EQ(sh("ip addr add 10.77.0.1/24 dev " + a_dev + " && ip link set " + a_dev + " up"), 0);
  std::string in_ns = "ip netns exec " + ns + " ";
  ASSERT_EQ(sh(in_ns + "ip addr add 10.77.0.2/24 dev " + b_dev), 0);
  ASSERT_EQ(sh(in_ns + "ip link set " + b_dev + " up && " + in_ns + "ip link set lo up"), 0);
  const std::string tbf = " root tbf rate 2048kbit latency 50ms burst 2048";
  ASSERT_EQ(sh("tc qdisc add dev " + a_dev + tbf), 0);
  ASSERT_EQ(sh(in_ns + "tc qdisc add dev " + b_dev + tbf), 0);

  AgentCluster c(4);
  // Node 0 on the host side of the veth, node 1 inside the namespace: their
  // traffic crosses the limited link. Nodes 2 and 3 stay off, so every block
  // needs node 1's vote... with 4 validators, quorum is 3: run 0, 1 and 2,
  // with node 2 also on the host side, so each block must cross the link.
  c.move_node(0, "10.77.0.1");
  c.move_node(2, "10.77.0.1");
  c.move_node(1, "10.77.0.2");
  c.start(0);
  c.start(2);
  c.start(1, ns);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.height(0) >= 2 && c.height(1) >= 2; }, 30))
      << "blocks do not commit across the limited link";
  uint64_t sent0 = qdisc_sent_bytes("", a_dev);
  auto t0 = std::chrono::steady_clock::now();
  uint64_t h0 = c.height(1);
  // Enough load to fill the link for a while: about 2 MB of transactions.
  for (int k = 0; k < 10; ++k) Workload(c).submit(c, 0, 1000);  // 10 senders
  std::this_thread::sleep_for(std::chrono::seconds(8));
  uint64_t sent1 = qdisc_sent_bytes("", a_dev);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double kbit_s = static_cast<double>(sent1 - sent0) * 8 / 1000 / secs;
  std::printf("host->namespace over tbf: %.0f kbit/s (limit 2048), namespace height %llu -> %llu\n", kbit_s,
              static_cast<unsigned long long>(h0), static_cast<unsigned long long>(c.height(1)));
  EXPECT_LE(kbit_s, 2048 * 1.05) << "the measured rate exceeds the tbf limit";
  EXPECT_GE(kbit_s, 2048 * 0.5) << "the load did not fill the link, so the limit was not exercised";
  EXPECT_TRUE(AgentCluster::eventually([&] { return c.height(1) > h0 + 2; }, 30)) << "blocks stopped committing";
}

// "consortia-agent COMMAND --help" prints the usage and succeeds, rather
// than refusing "--help" as a bad option of that command.
TEST(AgentCli, EveryCommandAnswersHelpWithTheUsage) {
  for (const char* command : {"sandbox", "load", "init", "run", "backup", "node"}) {
    for (const char* flag : {"--help", "-h"}) {
      std::string cmd = agent_binary() + " " + command + " " + flag + " 2>&1";
      auto [code, out] = run(cmd);
      EXPECT_EQ(code, 0) << cmd << "\n" << out;
      EXPECT_EQ(out.rfind("usage:", 0), 0u) << cmd << "\n" << out;
      EXPECT_EQ(out.find("bad option"), std::string::npos) << cmd << "\n" << out;
    }
  }
}

}  // namespace
}  // namespace consortia::agent::testing
