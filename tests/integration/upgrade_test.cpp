// Hard-fork upgrades as users run them, with two real binaries: a network of
// consortia-agent-proto1 (an agent whose newest protocol is 1) under
// supervisors, upgraded by consortia-ctl's runbook to the current agent
// under load; a canary release that exits at start; a rollback before the
// activation height; plans refused before anything happens.
#include <gtest/gtest.h>
#include <signal.h>

#include "ctl_harness.h"
#include "node_archive.h"

namespace consortia::agent::testing {
namespace {

std::string proto1_binary() { return std::string(CONSORTIA_BINARY_DIR) + "/agent/consortia-agent-proto1"; }

// Four validators on protocol 1, each run by a supervisor whose own binary
// is consortia-agent-proto1.
class Proto1Network : public ::testing::Test {
 protected:
  AgentCluster c{4, "ed25519-sha256", 1};
  Ctl ctl{c.dir()};
  std::unique_ptr<console::NetworkAccess> net;

  void SetUp() override {
    for (int i = 0; i < 4; ++i) c.start_supervised(i, 30, proto1_binary());
    ASSERT_TRUE(c.all_reach(3, 60));
    net = access(c);
    ASSERT_TRUE(net);
  }
  uint64_t top() {
    uint64_t h = 0;
    for (int i = 0; i < 4; ++i) h = std::max(h, c.height(i));
    return h;
  }
  json runbook_of(const std::string& plan) {
    json all = ctl({"runbook", "list"}).as_json();
    for (const auto& r : all)
      if (r.value("kind", "") == "upgrade" && r.value("node", "") == plan) return r;
    return json::object();
  }
  std::string step_state(const json& r, const std::string& step) {
    for (const auto& s : r.value("steps", json::array()))
      if (s.value("name", "") == step) return s.value("state", "");
    return "";
  }
  // A transaction of protocol 2 (kDelete of the sender's key "k"), submitted:
  // its verdict once committed.
  std::string delete_verdict(int node, Signer& key, uint64_t nonce) {
    return verdict_of(node, Transaction::create(ed25519_sha256(), key, c.chain(node), TxKind::kDelete, nonce, Bytes{'k'}));
  }
  std::string verdict_of(int node, const TxPtr& tx) {
    pb::SubmitRequest req;
    Bytes e = tx->encode();
    req.add_transactions(std::string(e.begin(), e.end()));
    grpc::ClientContext ctx;
    pb::SubmitResult res;
    auto st = c.operator_of(node)->Submit(&ctx, req, &res);
    if (!st.ok()) return "submit: " + st.error_message();
    if (res.results_size() && !res.results(0).error().empty()) return "admission: " + res.results(0).error();
    std::string verdict = "(never committed)";
    AgentCluster::eventually(
        [&] {
          grpc::ClientContext g;
          pb::TransactionRequest r;
          r.set_id(std::string(tx->id().v.begin(), tx->id().v.end()));
          pb::TransactionInfo info;
          if (!c.client(node, c.net().nodes[node].organisation, "viewer")->GetTransaction(&g, r, &info).ok() ||
              info.height() == 0)
            return false;
          verdict = info.refused().empty() ? "ok" : info.refused();
          return true;
        },
        30);
    return verdict;
  }
};

// A steady load over every node in turn; only what an agent acknowledged
// counts, and a failed call starts a fresh client (no nonce gap).
class SpreadLoad {
 public:
  explicit SpreadLoad(const AgentCluster& c) {
    thread_ = std::thread([this, &c] {
      auto w = std::make_unique<Workload>(c);
      for (int k = 0; !stop_; ++k) {
        int node = k % c.size();
        pb::SubmitRequest req;
        std::vector<Hash32> ids;
        for (int j = 0; j < 5; ++j) {
          auto tx = w->next();
          Bytes e = tx->encode();
          req.add_transactions(std::string(e.begin(), e.end()));
          ids.push_back(tx->id());
        }
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
        pb::SubmitResult res;
        bool ok = c.operator_of(node)->Submit(&ctx, req, &res).ok();
        for (const auto& r : res.results()) ok = ok && r.error().empty();
        if (ok) {
          std::lock_guard lock(mu_);
          acked_.insert(acked_.end(), ids.begin(), ids.end());
        } else {
          w = std::make_unique<Workload>(c);  // what it admitted is not counted; no gap
          ++failed_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  ~SpreadLoad() { finish(); }
  std::vector<Hash32> finish() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mu_);
    return acked_;
  }
  int failed() const { return failed_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> failed_{0};
  std::mutex mu_;
  std::vector<Hash32> acked_;
  std::thread thread_;
};

TEST_F(Proto1Network, TheRunbookUpgradesItUnderLoadThroughAKilledCtlAndLosesNothing) {
  auto sum = sha256_file(agent_binary());
  ASSERT_TRUE(sum.ok());
  auto staged = ctl({"upgrade", "stage", "--binary", agent_binary(), "--version", "next"});
  ASSERT_EQ(staged.status, 0) << staged.out << staged.err;
  auto m = ctl({"upgrade", "readiness"}).as_json();
  ASSERT_EQ(m["nodes"].size(), 4u);
  for (const auto& n : m["nodes"]) {
    EXPECT_EQ(n["protocol"], 1);
    EXPECT_EQ(n["protocols"][1], 1) << "the supervisors run proto1";
    EXPECT_EQ(n["staged"][0]["sha256"], *sum);
    EXPECT_TRUE(n["supervised"].get<bool>());
  }
  auto client = ed25519_sha256().signer_from_seed(sha256(as_bytes("deleter")));
  EXPECT_EQ(delete_verdict(0, *client, 0), "unsupported_in_version") << "protocol 1 has no kDelete";

  SpreadLoad load(c);
  ASSERT_EQ(ctl({"upgrade", "plan", "v2", "--version", "next", "--in", "20"}).status, 0);
  // Killed while it switches the nodes one by one, then run again.
  pid_t first = ctl.spawn({"upgrade", "run", "v2"});
  ASSERT_TRUE(AgentCluster::eventually([&] { return step_state(runbook_of("v2"), "rolling") == "running"; }, 120))
      << runbook_of("v2").dump(2);
  kill(first, SIGKILL);
  waitpid(first, nullptr, 0);
  auto resumed = ctl({"upgrade", "run", "v2"}, true);
  ASSERT_EQ(resumed.status, 0) << resumed.out << resumed.err;
  auto status = ctl({"upgrade", "status", "v2"}).as_json();
  uint64_t height = status["plan"]["height"];
  EXPECT_EQ(status["plan"]["protocol"], 2);
  for (const auto& n : status["nodes"]) {
    EXPECT_EQ(n["binary_sha256"], *sum) << n.dump();
    EXPECT_EQ(n["protocol"], 2) << n.dump();
    EXPECT_EQ(n["release"], "next");
    EXPECT_GT(n["height"].get<uint64_t>(), height);
  }
  EXPECT_EQ(verdict_of(1, Transaction::create(ed25519_sha256(), *client, c.chain(1), TxKind::kPut, 1,
                                              Transaction::put_payload("k", Bytes{'v'}))),
            "ok");
  EXPECT_EQ(delete_verdict(1, *client, 2), "ok") << "from the height, protocol 2 deletes";

  auto acked = load.finish();
  EXPECT_GT(acked.size(), 50u);
  EXPECT_TRUE(all_committed(*net, "node-2", acked, 60)) << "an acknowledged transaction was lost";
}

TEST_F(Proto1Network, ABrokenCanaryStopsTheUpgradeAndARollbackBeforeTheHeightUndoesIt) {
  auto proto1 = sha256_file(proto1_binary());
  ASSERT_TRUE(proto1.ok());
  // A release that exits at start: the canary's supervisor switches back.
  std::string broken = c.dir() + "/broken";
  std::ofstream(broken) << "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo 'consortia-agent 9.9'; exit 0; fi\n"
                        << "echo 'this build cannot open its store' >&2\nexit 3\n";
  fs::permissions(broken, fs::perms::owner_all);
  ASSERT_EQ(ctl({"upgrade", "stage", "--binary", broken, "--version", "broken"}).status, 0);
  ASSERT_EQ(ctl({"upgrade", "plan", "bad", "--version", "broken", "--canary", "node-1"}).status, 0);
  auto failed = ctl({"upgrade", "run", "bad"});
  EXPECT_EQ(failed.status, 1);
  EXPECT_EQ(error_code(failed), "switch_failed") << failed.out;
  EXPECT_NE(failed.out.find("cannot open its store"), std::string::npos) << failed.out;
  auto m = ctl({"upgrade", "readiness"}).as_json();
  for (const auto& n : m["nodes"]) EXPECT_EQ(n["binary_sha256"], *proto1) << "a node other than the canary moved";
  uint64_t h = top();
  EXPECT_TRUE(AgentCluster::eventually([&] { return top() >= h + 5; }, 30)) << "the network was affected";

  // Too close is refused before anything happens.
  ASSERT_EQ(ctl({"upgrade", "stage", "--binary", agent_binary(), "--version", "next"}).status, 0);
  auto close = ctl({"upgrade", "plan", "v2", "--version", "next", "--height", std::to_string(top() + 5)});
  EXPECT_EQ(close.status, 1);
  EXPECT_EQ(error_code(close), "too_close");

  // Far enough to roll back: switched everywhere, planned, then undone. On
  // protocol 1 the nodes go back to the old binary only once the chain is
  // past the height (a cancelled plan may still apply below protocol 5).
  uint64_t at = top() + 150;
  ASSERT_EQ(ctl({"upgrade", "plan", "v2", "--version", "next", "--height", std::to_string(at)}).status, 0);
  pid_t run = ctl.spawn({"upgrade", "run", "v2"});
  ASSERT_TRUE(AgentCluster::eventually([&] { return step_state(runbook_of("v2"), "activate") == "running"; }, 180))
      << runbook_of("v2").dump(2);
  auto back = ctl({"upgrade", "rollback", "v2"});
  EXPECT_EQ(back.status, 0) << back.out << back.err;
  waitpid(run, nullptr, 0);
  EXPECT_EQ(runbook_of("v2").value("state", ""), "cancelled") << "the stopped upgrade still reads as running";
  m = ctl({"upgrade", "readiness"}).as_json();
  for (const auto& n : m["nodes"]) {
    EXPECT_EQ(n["binary_sha256"], *proto1) << n.dump();
    EXPECT_EQ(n["protocol"], 1) << "the cancelled plan applied";
    EXPECT_GT(n["height"].get<uint64_t>(), at) << "switched back before the height";
  }
  bool cancelled = false;
  auto v = c.client(0, "org-0", "viewer");
  grpc::ClientContext g;
  pb::Proposals ps;
  ASSERT_TRUE(v->ListProposals(&g, pb::ProposalsRequest{}, &ps).ok());
  for (const auto& p : ps.proposals()) cancelled = cancelled || (p.action() == "cancel-upgrade" && p.status() == "enacted");
  EXPECT_TRUE(cancelled) << "the plan is still scheduled";
}

// A node switched back to the old binary before the height (as if its host
// was restored from an old image) halts at the height with the plan's name;
// the runbook's watch names it; switched forward again it resumes, and the
// runbook completes.
TEST_F(Proto1Network, ANodeLeftOnTheOldBinaryHaltsAtTheHeightAndResumesWhenSwitched) {
  ASSERT_EQ(ctl({"upgrade", "stage", "--binary", agent_binary(), "--version", "next"}).status, 0);
  ASSERT_EQ(ctl({"upgrade", "plan", "v2", "--version", "next", "--in", "25"}).status, 0);
  pid_t run = ctl.spawn({"upgrade", "run", "v2"});
  ASSERT_TRUE(AgentCluster::eventually([&] { return step_state(runbook_of("v2"), "plan") == "done"; }, 180))
      << runbook_of("v2").dump(2);
  auto switch_to = [&](int node, const std::string& release) {
    grpc::ClientContext ctx;
    pb::SwitchRequest req;
    req.set_version(release);
    pb::SwitchResult res;
    return c.operator_of(node)->SwitchBinary(&ctx, req, &res);
  };
  auto back = switch_to(3, "");  // the supervisor's own binary: proto1
  ASSERT_TRUE(back.ok()) << back.error_message();
  waitpid(run, nullptr, 0);
  json r = runbook_of("v2");
  EXPECT_EQ(r.value("state", ""), "failed") << r.dump(2);
  std::string why;
  for (const auto& s : r["steps"])
    if (s.value("state", "") == "failed") why = s["error"].value("message", "");
  EXPECT_NE(why.find("node-3"), std::string::npos) << why;
  EXPECT_NE(why.find("upgrade needed: plan v2"), std::string::npos) << why;
  auto st = c.status(3);
  ASSERT_TRUE(st);
  EXPECT_NE(st->halted().find("upgrade needed: plan v2, version 2"), std::string::npos) << st->halted();
  uint64_t h = top();
  EXPECT_TRUE(AgentCluster::eventually([&] { return top() >= h + 5; }, 30)) << "three of four validators go on";

  ASSERT_TRUE(switch_to(3, "next").ok());
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        auto s = c.status(3);
        return s && s->halted().empty() && s->protocol_version() == 2 && s->height() + 3 >= top();
      },
      60))
      << "node-3 did not resume on the new binary";
  auto again = ctl({"upgrade", "run", "v2"});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  st = c.status(3);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->halted(), "");
  EXPECT_EQ(st->protocol_version(), 2u);
}

}  // namespace
}  // namespace consortia::agent::testing
