// The console as a user runs it, under Xvfb, against real agents: it shows
// the four nodes synced, a killed node turns unreachable and comes back, and
// it paints a window (the screenshot is checked for content).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agent_cluster.h"

namespace consortia::agent::testing {
namespace {

std::map<std::string, std::string> health(const std::string& report) {
  std::ifstream in(report);
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  std::map<std::string, std::string> out;
  if (j.is_discarded()) return out;
  for (const auto& n : j["nodes"]) out[n["name"]] = n["health"];
  return out;
}

TEST(ConsoleE2E, ShowsNodesSyncedAppliesAFaultAndAKilledNodeTurnsUnreachableAndBack) {
  ASSERT_EQ(std::system("command -v xvfb-run >/dev/null"), 0) << "xvfb-run is needed (scripts/deps.sh test)";
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 20));
  std::string report = c.dir() + "/console-report.json", shot = c.dir() + "/console.png";
  std::string console = std::string(CONSORTIA_BINARY_DIR) + "/app/consortia";
  pid_t pid = fork();
  if (pid == 0) {
    std::string log = c.dir() + "/console.log";
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    execlp("xvfb-run", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", console.c_str(), "--no-sandbox",
           "--sandbox-dir", c.dir().c_str(), "--report", report.c_str(), "--screenshot", shot.c_str(),
           "--screenshot-after", "25000", "--apply-fault", "node-1=loss 10%", static_cast<char*>(nullptr));
    _exit(127);
  }
  auto all = [&](const std::string& want, const std::string& except = "") {
    auto h = health(report);
    if (h.size() != 4) return false;
    for (auto& [name, v] : h)
      if (name != except && v != want) return false;
    return true;
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return all("synced"); }, 15)) << "the console did not show 4 synced nodes";
  // A fault applied from the console (as its Apply button does) reaches the
  // agent, shows in the console, and is audited as the operator's call.
  auto faults_shown = [&] {
    std::ifstream in(report);
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    return !j.is_discarded() && j["faults"].value("node-1", "") == "loss 10%";
  };
  EXPECT_TRUE(AgentCluster::eventually(faults_shown, 15)) << "the applied fault is not shown";
  {
    grpc::ClientContext ctx;
    pb::FaultRules out;
    ASSERT_TRUE(c.operator_of(1)->GetFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok());
    ASSERT_EQ(out.rules_size(), 1);
    EXPECT_EQ(out.rules(0).rule(), "loss 10%");
    auto audit = read_file(c.node_dir(1) + "/data/audit.log");
    ASSERT_TRUE(audit.ok());
    EXPECT_NE(audit->find("\"who\":\"operator@org-1\""), std::string::npos);
  }
  c.stop(2, SIGKILL);
  EXPECT_TRUE(AgentCluster::eventually([&] { return health(report)["node-2"] == "unreachable"; }, 12))
      << "a killed node did not turn unreachable";
  EXPECT_TRUE(all("synced", "node-2"));
  // Fault analysis names it: an unreachable agent (kind 3) on node-2.
  auto analysed = [&] {
    std::ifstream in(report + ".findings");
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded()) return false;
    for (const auto& f : j)
      if (f["kind"] == 3 && f["node"] == "node-2") return true;
    return false;
  };
  EXPECT_TRUE(AgentCluster::eventually(analysed, 10)) << "the analysis did not name the unreachable agent";
  c.start(2);
  EXPECT_TRUE(AgentCluster::eventually([&] { return all("synced"); }, 20)) << "the node did not come back";
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "console status " << status;
  // The screenshot has the window's content, not a blank frame.
  std::string cmd = "convert " + shot + " -format '%k' info: 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[64] = {};
  ASSERT_TRUE(p && fgets(buf, sizeof buf, p));
  pclose(p);
  EXPECT_GT(std::atoi(buf), 50) << "too few colours in the screenshot: " << buf;
}

TEST(ConsoleE2E, PartitioningNodesFromTheConsoleMakesThemLagAndHealingCatchesThemUp) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 20));
  std::string report = c.dir() + "/console-report.json";
  std::string console = std::string(CONSORTIA_BINARY_DIR) + "/app/consortia";
  pid_t pid = fork();
  if (pid == 0) {
    std::string log = c.dir() + "/console.log";
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    execlp("xvfb-run", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", console.c_str(), "--no-sandbox",
           "--sandbox-dir", c.dir().c_str(), "--report", report.c_str(), "--partition", "node-3", "--heal-after",
           "16000", "--screenshot", (c.dir() + "/p.png").c_str(), "--screenshot-after", "40000",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  auto partitioned_on_0 = [&] {
    grpc::ClientContext ctx;
    pb::FaultRules out;
    return c.operator_of(0)->GetFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok() ? out.partitioned_size() : -1;
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return partitioned_on_0() == 1; }, 10))
      << "node-0 does not drop node-3's traffic";
  // Load keeps the other three producing blocks, so the gap shows quickly.
  std::thread load([&] {
    auto key = ed25519_sha256().signer_from_seed(sha256(as_bytes("console-partition-load")));
    for (uint64_t k = 0; k < 10; ++k) {
      pb::SubmitRequest req;
      for (uint64_t j = 0; j < 100; ++j) {
        Bytes e = Transaction::create(ed25519_sha256(), *key, TxKind::kNoop, k * 100 + j, Bytes(8, 0))->encode();
        req.add_transactions(std::string(e.begin(), e.end()));
      }
      grpc::ClientContext ctx;
      pb::SubmitResult res;
      (void)c.operator_of(0)->Submit(&ctx, req, &res);
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  auto node3 = [&] { return health(report)["node-3"]; };
  EXPECT_TRUE(AgentCluster::eventually([&] { return node3() == "lagging"; }, 12))
      << "the partitioned node did not fall behind (" << node3() << ")";
  load.join();
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        auto h = health(report);
        if (h.size() != 4) return false;
        for (auto& [n, v] : h)
          if (v != "synced") return false;
        return true;
      },
      25))
      << "the healed node did not catch up";
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace consortia::agent::testing
