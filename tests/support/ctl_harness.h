// consortia-ctl and agent processes for integration tests: run a program
// to its end, consortia-ctl on a network directory with its own data
// directory, clients of the network's agents, and a steady load whose
// acknowledged transactions can be checked for commitment.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "agent_cluster.h"
#include "lifecycle/network_access.h"
#include "workload.h"

namespace consortia::agent::testing {
namespace fs = std::filesystem;
using nlohmann::json;

inline std::string ctl_binary() { return std::string(CONSORTIA_BINARY_DIR) + "/app/consortia-ctl"; }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Proc {
  int status = -1;
  std::string out, err;
  json as_json() const { return json::parse(out, nullptr, false); }
};

// Runs a program to its end: exit status, stdout, stderr.
inline Proc run(const std::vector<std::string>& argv, const std::string& data_home = "", pid_t* started = nullptr,
         bool wait = true, const std::vector<std::pair<std::string, std::string>>& env = {}) {
  char tmpl[] = "/tmp/consortia-proc-XXXXXX";
  int errfd = mkstemp(tmpl);
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  pid_t pid = fork();
  if (pid == 0) {
    if (!data_home.empty()) setenv("XDG_DATA_HOME", data_home.c_str(), 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    dup2(out[1], 1);
    dup2(errfd, 2);
    close(out[0]);
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    execv(a[0], a.data());
    _exit(127);
  }
  close(out[1]);
  if (started) *started = pid;
  Proc p;
  if (!wait) {
    close(out[0]);
    close(errfd);
    unlink(tmpl);
    return p;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) p.out.append(buf, static_cast<size_t>(n));
  close(out[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  p.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  close(errfd);
  p.err = slurp(tmpl);
  unlink(tmpl);
  return p;
}

// consortia-ctl on one network directory with its own data directory.
class Ctl {
 public:
  explicit Ctl(std::string network) : network_(std::move(network)) {
    char tmpl[] = "/tmp/consortia-ctl-XXXXXX";
    home_ = mkdtemp(tmpl);
  }
  ~Ctl() { fs::remove_all(home_); }
  Proc operator()(std::vector<std::string> args, bool json_out = true,
                  const std::vector<std::pair<std::string, std::string>>& env = {}) const {
    std::vector<std::string> argv = {ctl_binary(), "--sandbox", network_};
    if (json_out) argv.push_back("--json");
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, home_, nullptr, true, env);
  }
  pid_t spawn(std::vector<std::string> args) const {
    std::vector<std::string> argv = {ctl_binary(), "--sandbox", network_};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_t pid = -1;
    run(argv, home_, &pid, false);
    return pid;
  }
  std::string db() const { return home_ + "/consortia/history.db"; }
  const std::string& home() const { return home_; }

 private:
  std::string network_, home_;
};

inline std::string error_code(const Proc& p) {
  json j = p.as_json();
  if (j.is_discarded() || !j.contains("error")) return "(none: " + p.out + p.err + ")";
  return j["error"].value("code", "");
}

inline std::unique_ptr<console::NetworkAccess> access(const AgentCluster& c) {
  auto n = console::NetworkAccess::open(c.dir(), agent_binary());
  EXPECT_TRUE(n.ok());
  return n.ok() ? std::move(*n) : nullptr;
}

inline std::unique_ptr<pb::AgentService::Stub> viewer(const console::NetworkAccess& n, const std::string& name) {
  auto e = n.node(name);
  EXPECT_TRUE(e) << name;
  return n.client(*e, e->organisation, "viewer");
}

inline std::unique_ptr<pb::AgentService::Stub> operator_client(const console::NetworkAccess& n, const std::string& name) {
  auto e = n.node(name);
  return n.client(*e, e->organisation, "operator");
}

// Submits transactions to node-0 until stopped; the acknowledged ones.
class Load {
 public:
  Load(const AgentCluster& c, const console::NetworkAccess& n) : w_(c, **suite_by_name(n.info().suite)) {
    thread_ = std::thread([this, &n] {
      auto client = operator_client(n, "node-0");
      while (!stop_) {
        auto ids = w_.submit(*client, 10, false);
        {
          std::lock_guard lock(mu_);
          acked_.insert(acked_.end(), ids.begin(), ids.end());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
    (void)c;
  }
  ~Load() { finish(); }
  std::vector<Hash32> finish() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mu_);
    return acked_;
  }

 private:
  Workload w_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<Hash32> acked_;
  std::thread thread_;
};

inline bool all_committed(const console::NetworkAccess& n, const std::string& on, const std::vector<Hash32>& ids, double s) {
  auto v = viewer(n, on);
  return AgentCluster::eventually(
      [&] {
        for (const auto& id : ids)
          if (!committed_on(*v, id)) return false;
        return true;
      },
      s);
}

}  // namespace consortia::agent::testing
