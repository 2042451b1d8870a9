// The supervisor with real processes: a 4-agent network on loopback whose
// node 0 runs under `consortia-agent supervise`; binaries staged with
// `consortia-agent stage` (a copy of the real agent, and test binaries that
// fail in the ways releases do), switches asked with `consortia-agent switch`.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "agent_cluster.h"
#include "supervisor.h"

namespace consortia::agent::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct Ran {
  int code = -1;
  std::string out;
};
Ran run(const std::string& cmd) {
  Ran r;
  FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (fgets(buf, sizeof buf, p)) r.out += buf;
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return json::parse(s, nullptr, false);
}

class Supervised : public ::testing::Test {
 protected:
  AgentCluster c{4};
  std::string cfg() const { return c.node_dir(0) + "/agent.json"; }
  std::string data() const { return c.node_dir(0) + "/data"; }
  json state() const { return read_json(data() + "/supervisor/state.json"); }
  int child_pid() const {
    json s = state();
    return s.is_object() ? s.value("child_pid", -1) : -1;
  }
  std::string current() const {
    std::error_code ec;
    auto t = fs::read_symlink(data() + "/current", ec);
    return ec ? "" : t.filename().string();
  }
  json last_history() const {
    json s = state();
    if (!s.is_object() || !s.contains("history") || s["history"].empty()) return json::object();
    return s["history"].back();
  }
  Ran stage(const std::string& binary, const std::string& version, const std::string& sum = "") {
    return run(agent_binary() + " stage --config " + cfg() + " --binary " + binary + " --version " + version +
               (sum.empty() ? "" : " --sha256 " + sum));
  }
  Ran switch_to(const std::string& version) {
    return run(agent_binary() + " switch --config " + cfg() + " --version " + version);
  }
  // A test binary: answers --version as an agent does, then runs `body`.
  std::string script(const std::string& name, const std::string& body) {
    std::string path = c.dir() + "/" + name;
    std::ofstream(path) << "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo \"consortia-agent 9.0.0-" << name
                        << "\"; exit 0; fi\n"
                        << body << "\n";
    fs::permissions(path, fs::perms::owner_all);
    return path;
  }
  bool committing(int i, double seconds) {
    uint64_t h = c.height(i);
    return AgentCluster::eventually([&] { return c.height(i) >= h + 3; }, seconds);
  }

  void SetUp() override {
    for (int i = 1; i < 4; ++i) c.start(i);
    c.start_supervised(0, 15);
    ASSERT_TRUE(c.all_reach(3, 60)) << "the network with a supervised node did not start";
  }
};

TEST_F(Supervised, ACrashedAgentIsStartedAgainAndAStagedBinaryTakesOver) {
  int first = child_pid();
  ASSERT_GT(first, 0);
  ::kill(first, SIGKILL);
  ASSERT_TRUE(AgentCluster::eventually([&] { return child_pid() > 0 && child_pid() != first; }, 20))
      << "no new agent after the crash";
  EXPECT_EQ(state().value("restarts", 0), 1);
  ASSERT_TRUE(committing(0, 30)) << "the restarted agent does not follow the chain";

  // The same release staged under a version name, then switched to.
  Ran staged = stage(agent_binary(), "1.0.0-next");
  ASSERT_EQ(staged.code, 0) << staged.out;
  json s = json::parse(staged.out);
  EXPECT_EQ(s["reports"].get<std::string>().rfind(std::string("consortia-agent ") + CONSORTIA_VERSION, 0), 0u)
      << s.dump();
  ASSERT_EQ(switch_to("1.0.0-next").code, 0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return last_history().value("result", "") == "switched"; }, 40))
      << state().dump();
  EXPECT_EQ(current(), "1.0.0-next");
  EXPECT_EQ(last_history()["to"], "1.0.0-next");
  std::string exe = fs::read_symlink("/proc/" + std::to_string(child_pid()) + "/exe").string();
  EXPECT_NE(exe.find("binaries/1.0.0-next/consortia-agent"), std::string::npos) << exe;
  EXPECT_TRUE(committing(0, 30));

  Ran list = run(agent_binary() + " staged --config " + cfg());
  ASSERT_EQ(list.code, 0);
  json l = json::parse(list.out);
  ASSERT_EQ(l["staged"].size(), 1u);
  EXPECT_TRUE(l["staged"][0]["current"].get<bool>());
  EXPECT_EQ(l["staged"][0]["sha256"], s["sha256"]);
}

TEST_F(Supervised, ABinaryThatExitsAtStartIsSwitchedBackWithTheReason) {
  ASSERT_EQ(stage(agent_binary(), "1.0.0").code, 0);
  ASSERT_EQ(switch_to("1.0.0").code, 0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return last_history().value("result", "") == "switched"; }, 40));
  std::string broken = script("exits", "echo 'cannot open the database: unsupported schema' >&2\nexit 3");
  ASSERT_EQ(stage(broken, "1.1.0").code, 0);
  ASSERT_EQ(switch_to("1.1.0").code, 0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return last_history().value("result", "") == "rolled back"; }, 30))
      << state().dump();
  json h = last_history();
  EXPECT_EQ(h["from"], "1.0.0");
  EXPECT_EQ(h["to"], "1.1.0");
  EXPECT_NE(h["reason"].get<std::string>().find("exited with status 3"), std::string::npos) << h.dump();
  EXPECT_NE(h["reason"].get<std::string>().find("unsupported schema"), std::string::npos) << h.dump();
  EXPECT_EQ(current(), "1.0.0");
  EXPECT_TRUE(committing(0, 30)) << "the node did not come back on the previous binary";
  EXPECT_TRUE(committing(1, 10)) << "the network was affected";
}

TEST_F(Supervised, ABinaryNeverHealthyIsStoppedAndSwitchedBackAfterTheDeadline) {
  // Runs, but never serves: it would hang an upgrade without the deadline.
  std::string hangs = script("hangs", "exec sleep 600");
  ASSERT_EQ(stage(hangs, "2.0.0").code, 0);
  ASSERT_EQ(switch_to("2.0.0").code, 0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return last_history().value("result", "") == "rolled back"; }, 45))
      << state().dump();
  std::string reason = last_history()["reason"];
  EXPECT_NE(reason.find("not healthy within 15 s"), std::string::npos) << reason;
  EXPECT_EQ(current(), "");  // back on the supervisor's own binary
  EXPECT_TRUE(committing(0, 30));
}

TEST_F(Supervised, StagingRefusesWrongDigestsBinariesThatDoNotRunAndBadNames) {
  Ran wrong = stage(agent_binary(), "3.0.0", std::string(64, '0'));
  EXPECT_EQ(wrong.code, 1);
  EXPECT_NE(wrong.out.find("SHA-256 mismatch"), std::string::npos) << wrong.out;
  std::string fails = c.dir() + "/not-an-agent";
  std::ofstream(fails) << "#!/bin/sh\necho 'exec format error' >&2\nexit 126\n";
  fs::permissions(fails, fs::perms::owner_all);
  Ran bad = stage(fails, "3.0.0");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("does not run on this host"), std::string::npos) << bad.out;
  EXPECT_FALSE(fs::exists(data() + "/binaries/3.0.0")) << "a refused binary was left staged";
  EXPECT_EQ(stage(agent_binary(), "../../escape").code, 1);
  EXPECT_EQ(stage(agent_binary(), ".upload-1").code, 1) << "a hidden name, where uploads are kept";
  EXPECT_EQ(stage(agent_binary(), "3.0.0").code, 0);
  // Once staged, a version keeps its contents.
  Ran other = stage(script("other", "exit 0"), "3.0.0");
  EXPECT_EQ(other.code, 1);
  EXPECT_NE(other.out.find("staged with other contents"), std::string::npos) << other.out;
  EXPECT_EQ(switch_to("9.9.9").code, 1) << "switched to a version never staged";
}

// The same through the API, as the console's upgrade runbook does it.
TEST_F(Supervised, AnOperatorOfTheNodesOrganisationStagesAndSwitchesThroughTheApi) {
  std::ifstream in(agent_binary(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string sum = sha256(as_bytes(bytes)).hex();
  auto upload = [&](pb::AgentService::Stub& stub, const std::string& version, const std::string& digest,
                    uint64_t size, pb::StagedBinary* out) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    auto w = stub.StageBinary(&ctx, out);
    for (size_t at = 0; at < bytes.size(); at += 1 << 20) {
      pb::BinaryChunk chunk;
      if (at == 0) {
        chunk.set_version(version);
        chunk.set_sha256(digest);
        chunk.set_size(size);
      }
      chunk.set_data(bytes.substr(at, 1 << 20));
      if (!w->Write(chunk)) break;
    }
    w->WritesDone();
    return w->Finish();
  };

  // Status says what runs before anything is staged.
  auto st = c.status(0);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->agent_version(), CONSORTIA_VERSION);
  EXPECT_EQ(st->binary_sha256(), sum);
  EXPECT_EQ(st->max_protocol_version(), kMaxProtocolVersion);
  EXPECT_TRUE(st->supervised());
  EXPECT_EQ(st->staged_versions_size(), 0);

  pb::StagedBinary staged;
  auto viewer = c.client(0, c.net().nodes[0].organisation, "viewer");
  EXPECT_EQ(upload(*viewer, "5.0.0", sum, bytes.size(), &staged).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  auto stranger = c.client(0, c.net().nodes[1].organisation, "operator");
  ASSERT_NE(c.net().nodes[1].organisation, c.net().nodes[0].organisation);
  EXPECT_EQ(upload(*stranger, "5.0.0", sum, bytes.size(), &staged).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  auto op = c.operator_of(0);
  auto wrong = upload(*op, "5.0.0", std::string(64, 'a'), bytes.size(), &staged);
  EXPECT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error_message().find("SHA-256 mismatch"), std::string::npos) << wrong.error_message();
  auto short_by_one = upload(*op, "5.0.0", sum, bytes.size() + 1, &staged);
  EXPECT_NE(short_by_one.error_message().find("ended at"), std::string::npos) << short_by_one.error_message();
  auto huge = upload(*op, "5.0.0", sum, 1ull << 40, &staged);
  EXPECT_EQ(huge.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(fs::exists(data() + "/binaries/5.0.0"));
  for (const auto& e : fs::directory_iterator(data() + "/binaries"))
    EXPECT_EQ(e.path().filename().string().rfind(".upload", 0), std::string::npos) << "an upload was left behind";

  auto ok = upload(*op, "5.0.0", sum, bytes.size(), &staged);
  ASSERT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_EQ(staged.sha256(), sum);
  EXPECT_EQ(staged.reports().rfind(std::string("consortia-agent ") + CONSORTIA_VERSION, 0), 0u) << staged.reports();
  st = c.status(0);
  ASSERT_TRUE(st);
  ASSERT_EQ(st->staged_versions_size(), 1);
  EXPECT_EQ(st->staged_versions(0), "5.0.0");

  {
    // Denied, and its text cannot forge a line of the agent's log.
    grpc::ClientContext ctx;
    pb::SwitchRequest req;
    req.set_version("5.0.0\n2026-12-05T00:00:00.000Z info audit: admin SwitchBinary forged -> ok");
    pb::SwitchResult res;
    EXPECT_EQ(viewer->SwitchBinary(&ctx, req, &res).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    std::ifstream log(data() + "/agent.log");
    for (std::string line; std::getline(log, line);)
      EXPECT_NE(line.rfind("2026-12-05T00:00:00.000Z", 0), 0u) << "a forged log line: " << line;
  }
  {
    grpc::ClientContext ctx;
    pb::SwitchRequest req;
    req.set_version("5.0.0");
    pb::SwitchResult res;
    auto s = op->SwitchBinary(&ctx, req, &res);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  ASSERT_TRUE(AgentCluster::eventually([&] { return last_history().value("result", "") == "switched"; }, 40));
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 20));
  grpc::ClientContext ctx;
  pb::Binaries list;
  ASSERT_TRUE(viewer->ListBinaries(&ctx, pb::BinariesRequest{}, &list).ok());
  EXPECT_EQ(list.current(), "5.0.0");
  EXPECT_TRUE(list.supervised());
  ASSERT_EQ(list.staged_size(), 1);
  EXPECT_TRUE(list.staged(0).current());
  EXPECT_NE(list.supervisor_state_json().find("switched"), std::string::npos);
  // The audit log names who staged and switched.
  std::ifstream audit(data() + "/audit.log");
  std::string log((std::istreambuf_iterator<char>(audit)), std::istreambuf_iterator<char>());
  EXPECT_NE(log.find("StageBinary"), std::string::npos);
  EXPECT_NE(log.find("SwitchBinary"), std::string::npos);
}

// A switched binary is healthy once it serves, is not halted, commits and
// (a validator) votes: a peer claiming a height nobody has cannot hold it
// back, which would make every switch of an upgrade fail.
TEST(SupervisorHealth, APeersClaimedHeightDoesNotFailANodeThatCommits) {
  HealthReport first;
  first.pid = 42;
  first.api = "127.0.0.1:1";
  first.height = 10;
  first.validator = true;
  first.last_voted_view = 30;
  HealthReport now = first;
  now.best_peer_height = 1'000'000;
  EXPECT_NE(unhealthy_because(first, now, 42), "") << "neither committed nor voted since it started";
  now.height = 12;
  EXPECT_NE(unhealthy_because(first, now, 42), "") << "a validator that has not voted";
  now.last_voted_view = 33;
  EXPECT_EQ(unhealthy_because(first, now, 42), "");
  now.halted = "upgrade needed: plan p, version 3 from height 11";
  EXPECT_NE(unhealthy_because(first, now, 42).find("halted"), std::string::npos);
  EXPECT_NE(unhealthy_because(first, first, 43), "") << "a report of another process";
}

// An agent that no supervisor runs cannot switch, and says so.
TEST(Unsupervised, ASwitchIsRefusedWithTheReason) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  ASSERT_EQ(run(agent_binary() + " stage --config " + c.node_dir(0) + "/agent.json --binary " + agent_binary() +
                " --version 6.0.0").code,
            0);
  auto op = c.operator_of(0);
  grpc::ClientContext ctx;
  pb::SwitchRequest req;
  req.set_version("6.0.0");
  pb::SwitchResult res;
  auto s = op->SwitchBinary(&ctx, req, &res);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(s.error_message().find("no supervisor"), std::string::npos) << s.error_message();
  auto st = c.status(0);
  ASSERT_TRUE(st);
  EXPECT_FALSE(st->supervised());
}

TEST_F(Supervised, StoppingTheSupervisorStopsItsAgent) {
  int agent = child_pid();
  ASSERT_GT(agent, 0);
  c.stop(0, SIGKILL);  // however it dies
  EXPECT_TRUE(AgentCluster::eventually([&] { return ::kill(agent, 0) != 0; }, 40))
      << "the agent outlived its supervisor";
}

}  // namespace
}  // namespace consortia::agent::testing
