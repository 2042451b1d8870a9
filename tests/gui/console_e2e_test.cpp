// The console as a user runs it, under Xvfb, against real agents: it shows
// the four nodes synced, a killed node turns unreachable and comes back, and
// it paints a window (the screenshot is checked for content).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "evidence.h"
#include "agent_cluster.h"
#include "crypto/crypto_suite.h"
#include "ledger/transaction.h"
#include "state/evidence.h"

namespace consortia::agent::testing {
namespace {

std::string console_binary() { return std::string(CONSORTIA_BINARY_DIR) + "/app/consortia"; }

// Starts the console under Xvfb in a process group of its own with `args`,
// its stderr appended to `log` and, when `data` is given, its history
// there; returns its pid.
pid_t launch_console(std::vector<std::string> args, const std::string& log, const std::string& data = "") {
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    if (!data.empty()) setenv("XDG_DATA_HOME", data.c_str(), 1);
    FILE* f = std::freopen(log.c_str(), "a", stderr);
    (void)f;
    args.insert(args.begin(), {"xvfb-run", "-a", "-s", "-screen 0 1280x800x24", console_binary()});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execvp("xvfb-run", argv.data());
    _exit(127);
  }
  return pid;
}

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

// The console's current findings (its --report's .findings file) hold one
// of `kind` naming `node` (any node when empty).
bool finding_on(const std::string& report, const std::string& kind, const std::string& node = "") {
  std::ifstream in(report + ".findings");
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_array()) return false;
  for (const auto& f : j) {
    if (f.value("kind", "") != kind) continue;
    if (node.empty()) return true;
    for (const auto& n : f["nodes"])
      if (n == node) return true;
  }
  return false;
}

// The report shows `nodes` nodes, all with health `want` (but `except`).
bool all_are(const std::string& report, const std::string& want, size_t nodes = 4, const std::string& except = "") {
  auto h = health(report);
  if (h.size() != nodes) return false;
  for (auto& [name, v] : h)
    if (name != except && v != want) return false;
  return true;
}

TEST(ConsoleE2E, ShowsNodesSyncedAppliesAFaultAndAKilledNodeTurnsUnreachableAndBack) {
  ASSERT_EQ(std::system("command -v xvfb-run >/dev/null"), 0) << "xvfb-run is needed (scripts/deps.sh test)";
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  std::string report = c.dir() + "/console-report.json", shot = c.dir() + "/console.png";
  pid_t pid = launch_console({"--no-sandbox", "--sandbox-dir", c.dir(), "--report", report, "--screenshot", shot,
                               "--screenshot-after", "25000", "--apply-fault", "node-1=loss 10%"},
                              c.dir() + "/console.log");
  auto all = [&](const std::string& want, const std::string& except = "") { return all_are(report, want, 4, except); };
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
  // Fault analysis names it: an unreachable agent on node-2.
  auto analysed = [&] { return finding_on(report, "unreachable", "node-2"); };
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
  ASSERT_TRUE(c.all_reach(2, 60));
  std::string report = c.dir() + "/console-report.json";
  pid_t pid = launch_console({"--no-sandbox", "--sandbox-dir", c.dir(), "--report", report, "--partition", "node-3",
                               "--heal-after", "16000", "--screenshot", c.dir() + "/p.png", "--screenshot-after", "40000"},
                              c.dir() + "/console.log");
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
    const TxChain chain = c.chain();
    for (uint64_t k = 0; k < 10; ++k) {
      pb::SubmitRequest req;
      for (uint64_t j = 0; j < 100; ++j) {
        Bytes e = Transaction::create(ed25519_sha256(), *key, chain, TxKind::kNoop, k * 100 + j, Bytes(8, 0))->encode();
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
  EXPECT_TRUE(AgentCluster::eventually([&] { return all_are(report, "synced"); }, 25))
      << "the healed node did not catch up";
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

nlohmann::json read_json(const std::string& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  return j.is_discarded() || !j.is_object() ? nlohmann::json::object() : j;
}

std::string text_of(const std::string& file) {
  auto t = read_file(file);
  return t ? *t : "";
}

// Stops the console (xvfb-run and what it started) if the test ends early.
struct ConsoleGroup {
  pid_t pid = -1;
  ~ConsoleGroup() {
    if (pid <= 0) return;
    kill(-pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }
};

TEST(ConsoleE2E, ExplorerProvesEvidenceDetailShowsAuditAndAlertsRaiseAndClear) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  // A document anchored through node-0, and a control call audited on node-1.
  EvidenceRecord r = test::evidence_record("console explorer contract");
  std::string enc = test::wire(test::evidence_tx(*test::client_key("console-explorer-client"), c.chain(), 0, r));
  {
    pb::SubmitRequest req;
    req.add_transactions(enc);
    grpc::ClientContext ctx;
    pb::SubmitResult res;
    ASSERT_TRUE(c.operator_of(0)->Submit(&ctx, req, &res).ok());
  }
  {
    grpc::ClientContext ctx;
    pb::SetFaultsRequest req;
    req.add_rules()->set_rule("delay 5ms");
    pb::FaultRules out;
    ASSERT_TRUE(c.operator_of(1)->SetFaults(&ctx, req, &out).ok());
  }
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        grpc::ClientContext ctx;
        pb::EvidenceRequest er;
        er.set_digest(std::string(r.digest.v.begin(), r.digest.v.end()));
        pb::EvidenceProof p;
        return c.client(0, "org-0", "viewer")->ProveEvidence(&ctx, er, &p).ok();
      },
      20));
  std::string report = c.dir() + "/console-report.json";
  ConsoleGroup group;
  pid_t pid = group.pid = launch_console(
      {"--no-sandbox", "--sandbox-dir", c.dir(), "--report", report, "--show-node", "node-1", "--explore",
       r.digest.hex(), "--explore-evidence", "--apply-link-fault", "node-3>node-0=delay 20ms", "--screenshot",
       c.dir() + "/e.png", "--screenshot-after", "40000"},
      c.dir() + "/console.log");
  // The explorer checks the proof against the genesis validators: verified.
  EXPECT_TRUE(AgentCluster::eventually([&] { return read_json(report + ".explorer").value("kind", "") == "evidence"; }, 20))
      << read_json(report + ".explorer").dump();
  auto ex = read_json(report + ".explorer");
  EXPECT_TRUE(ex.value("verified", false)) << ex.dump();
  EXPECT_GT(ex.value("height", 0), 0);
  // Node detail of node-1: its log, its recent blocks, and the audited call.
  EXPECT_TRUE(AgentCluster::eventually([&] { return read_json(report + ".detail").value("blocks", 0) > 0; }, 15));
  auto d = read_json(report + ".detail");
  EXPECT_EQ(d.value("node", -1), 1);
  EXPECT_GT(d.value("log_lines", 0), 0);
  EXPECT_GE(d.value("audit", 0), 1);
  EXPECT_NE(d.value("audit_last", "").find("SetFaults"), std::string::npos) << d.dump();
  EXPECT_FALSE(d.value("simulated", true));
  // A fault on one link (node-3's egress to node-0) reaches node-3 for that peer only.
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        grpc::ClientContext ctx;
        pb::FaultRules out;
        if (!c.operator_of(3)->GetFaults(&ctx, pb::ClearFaultsRequest{}, &out).ok() || out.rules_size() != 1) return false;
        const auto& id = c.net().nodes[0].id;
        return out.rules(0).rule() == "delay 20ms" && out.rules(0).peer() == std::string(id.v.begin(), id.v.end());
      },
      10))
      << "the link fault did not reach node-3 for node-0";
  // Alerts: a killed agent raises one, kept in history, cleared when it is back.
  auto alert_on = [&](const char* list, const std::string& node, const std::string& rule) {
    auto a = read_json(report + ".alerts");
    if (!a.contains(list)) return false;
    for (const auto& x : a[list])
      if (x.value("node", "") == node && x.value("rule", "") == rule) return true;
    return false;
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return read_json(report + ".alerts").contains("active"); }, 10));
  EXPECT_FALSE(alert_on("active", "node-2", "unreachable"));
  c.stop(2, SIGKILL);
  EXPECT_TRUE(AgentCluster::eventually([&] { return alert_on("active", "node-2", "unreachable"); }, 15))
      << read_json(report + ".alerts").dump();
  c.start(2);
  EXPECT_TRUE(AgentCluster::eventually([&] { return alert_on("cleared", "node-2", "unreachable") &&
                                                    !alert_on("active", "node-2", "unreachable"); }, 20))
      << read_json(report + ".alerts").dump();
  int status = 0;
  waitpid(pid, &status, 0);
  group.pid = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(ConsoleE2E, AnExistingNetworkAddedWithOneOrganisationsCertificatesIsWatched) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  // Only what an association's staff would be given: the CA bundle, org-2's
  // viewer certificate and the agents' addresses; no network directory.
  std::string agents;
  for (int i = 0; i < c.size(); ++i)
    agents += (i ? "," : "") + c.net().nodes[i].name + "=" + c.net().nodes[i].api_address;
  std::string data = c.dir() + "/console-data";
  std::string env = "XDG_DATA_HOME=" + data;
  std::string add = env + " " + console_binary() + " --add-network bank-consortium --agents " + agents + " --ca " +
                    c.net().ca_bundle_path + " --cert " + c.net().client_certificate("org-2", "viewer") + " --key " +
                    c.net().client_key("org-2", "viewer") + " --genesis " + c.dir() + "/genesis.json > " + c.dir() +
                    "/add.out 2>&1";
  ASSERT_EQ(std::system(add.c_str()), 0) << text_of(c.dir() + "/add.out");
  // A wrong file is refused with the reason, and the good entry stays.
  std::string bad = env + " " + console_binary() + " --add-network broken --agents node-0=127.0.0.1:1 --ca " +
                    c.net().ca_bundle_path + " --cert " + c.net().client_key("org-2", "viewer") + " --key " +
                    c.net().client_key("org-2", "viewer") + " > " + c.dir() + "/bad.out 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
  EXPECT_NE(text_of(c.dir() + "/bad.out").find("not a PEM"), std::string::npos);

  std::string report = c.dir() + "/console-report.json";
  ConsoleGroup group;
  pid_t pid = group.pid = launch_console({"--network", "bank-consortium", "--report", report, "--screenshot",
                                           c.dir() + "/n.png", "--screenshot-after", "12000"},
                                          c.dir() + "/console.log", data);
  EXPECT_TRUE(AgentCluster::eventually([&] { return all_are(report, "synced"); }, 20))
      << "the inventory network is not shown synced";
  int status = 0;
  waitpid(pid, &status, 0);
  group.pid = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // It never started a sandbox of its own.
  EXPECT_FALSE(std::filesystem::exists(data + "/consortia/sandbox/network.json"));
}

// Reported: the console started twice on the same sandbox showed a
// view-change storm on every node ("18513701962473832448 view changes per
// minute"): the agents restarted in between, their counters began again
// from zero, and history held the higher numbers of the first run.
TEST(ConsoleE2E, AConsoleStartedAgainAfterTheAgentsRestartedFindsNoStorm) {
  // Round-robin leaders (protocol 1), so that a stopped validator's turns
  // keep timing out and leave counters to remember; from protocol 3 leader
  // reputation skips it after a turn or two.
  AgentCluster c(4, "ed25519-sha256", 1);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  std::string data = c.dir() + "/console-data", report = c.dir() + "/console-report.json";
  auto run_console = [&](int seconds) {
    ConsoleGroup group;
    pid_t pid = group.pid = launch_console({"--no-sandbox", "--sandbox-dir", c.dir(), "--report", report, "--screenshot",
                                             c.dir() + "/r.png", "--screenshot-after", std::to_string(seconds * 1000)},
                                            c.dir() + "/console.log", data);
    int status = 0;
    waitpid(pid, &status, 0);
    group.pid = -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  };
  // View changes to remember: node-3 stops for a while (its turns as leader
  // time out), then the first console run records the counters, steady.
  c.stop(3, SIGKILL);
  auto view_changes = [&](int i) {
    auto st = c.status(i);
    return st ? st->view_changes() : 0;
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return view_changes(0) >= 3; }, 20)) << "no view changes to remember";
  c.start(3);
  ASSERT_TRUE(c.all_reach(c.height(0) + 2, 30));
  EXPECT_TRUE(run_console(10));
  // Every agent restarts: their counters begin again from zero.
  for (int i = 0; i < 4; ++i) c.stop(i, SIGTERM);
  c.start_all();
  ASSERT_TRUE(c.all_reach(c.height(0) + 2, 30));
  std::filesystem::remove(report + ".findings");
  EXPECT_TRUE(run_console(10));
  ASSERT_TRUE(std::filesystem::exists(report + ".findings")) << "the console wrote no findings";
  EXPECT_FALSE(finding_on(report, "view_change_storm")) << text_of(report + ".findings");
}

// Reported: `consortia --help` aborted without a display. The command line
// is read before any window: help and version answer on the terminal, and
// the switches for tests stay out of the user's help.
TEST(ConsoleCommandLine, HelpAndVersionAnswerWithoutADisplayAndHideTestSwitches) {
  char tmpl[] = "/tmp/consortia-cli-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string run = "env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= " + console_binary();
  ASSERT_EQ(std::system((run + " --help > " + dir + "/help.out 2>&1").c_str()), 0) << text_of(dir + "/help.out");
  std::string help = text_of(dir + "/help.out");
  EXPECT_NE(help.find("--network"), std::string::npos) << help;
  EXPECT_NE(help.find("Usage: consortia"), std::string::npos) << help;
  for (const char* hidden : {"--screenshot", "--report", "--apply-fault", "--measure", "--record"})
    EXPECT_EQ(help.find(hidden), std::string::npos) << hidden << " is listed in --help";
  ASSERT_EQ(std::system((run + " --version > " + dir + "/version.out 2>&1").c_str()), 0);
  EXPECT_EQ(text_of(dir + "/version.out").rfind("consortia ", 0), 0u) << text_of(dir + "/version.out");
  // A bad value is a usage error (2), also without a display.
  EXPECT_EQ(WEXITSTATUS(std::system((run + " --nodes many > /dev/null 2>&1").c_str())), 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace consortia::agent::testing
