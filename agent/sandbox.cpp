// `consortia-agent sandbox`: a local network of agents on loopback, each a
// real `consortia-agent run` process with its own keys, certificates, ports
// and SQLite store. The embedded default that the console starts.
#include "sandbox.h"

#include "sim_sandbox.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace consortia::agent {
namespace fs = std::filesystem;

namespace {
volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

std::string self_exe() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "consortia-agent" : p.string();
}
}  // namespace

int run_sandbox(const SandboxOptions& o) {
  if (o.simulated) return run_simulated_sandbox(o);
  std::string dir = o.dir.empty() ? default_sandbox_dir() : o.dir;
  if (!fs::exists(dir + "/network.json")) {
    InitOptions init;
    init.dir = dir;
    init.nodes = o.nodes;
    init.suite = o.suite;
    init.protocol_version = o.protocol_version;
    if (auto st = init_network(init); !st) {
      std::fprintf(stderr, "consortia-agent sandbox: %s\n", st.error().to_string().c_str());
      return 2;
    }
    std::printf("created a %d-node sandbox network in %s\n", o.nodes, dir.c_str());
  } else {
    std::printf("resuming the sandbox network in %s\n", dir.c_str());
  }
  auto net = load_network(dir);
  if (!net) {
    std::fprintf(stderr, "consortia-agent sandbox: %s\n", net.error().to_string().c_str());
    return 2;
  }
  if (sandbox_running(net->dir)) {
    std::fprintf(stderr, "consortia-agent sandbox: the network in %s is running already\n", net->dir.c_str());
    return 2;
  }
  struct sigaction sa{};
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  std::string exe = self_exe();
  std::vector<pid_t> pids;
  for (const auto& n : net->nodes) {
    std::string config = net->dir + "/nodes/" + n.name + "/agent.json";
    pid_t pid = fork();
    if (pid == 0) {
      setpgid(0, 0);  // Ctrl-C reaches the sandbox, which stops the agents in order
      // Through the supervisor, as on a node host: a crashed agent comes back,
      // and staged releases can be switched to (consortia-ctl upgrade).
      execl(exe.c_str(), exe.c_str(), "supervise", "--config", config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    pids.push_back(pid);
  }
  // Lets a console (or a second sandbox) see that this network is running.
  (void)write_file(net->dir + "/sandbox.pid", std::to_string(getpid()) + "\n");
  std::printf("%-8s %-7s %-22s %-32s %s\n", "node", "org", "api", "metrics", "id");
  for (const auto& n : net->nodes)
    std::printf("%-8s %-7s %-22s http://%-25s %s\n", n.name.c_str(), n.organisation.c_str(),
                n.api_address.c_str(), (n.metrics_address + "/metrics").c_str(), n.id.short_hex().c_str());
  std::printf("client certificates: %s/orgs/<org>/{viewer,operator,admin}.crt; Ctrl-C stops the network\n",
              net->dir.c_str());
  std::fflush(stdout);
  int exited = 0;
  while (!g_stop) {
    int status = 0;
    pid_t done = waitpid(-1, &status, WNOHANG);
    if (done > 0) {
      for (size_t i = 0; i < pids.size(); ++i)
        if (pids[i] == done) {
          std::fprintf(stderr, "sandbox: %s exited (%s %d)\n", net->nodes[i].name.c_str(),
                       WIFSIGNALED(status) ? "signal" : "status",
                       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
          pids[i] = -1;
          ++exited;
        }
      if (exited == static_cast<int>(pids.size())) break;
      continue;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (pid_t p : pids)
    if (p > 0) kill(p, SIGTERM);
  for (pid_t p : pids)
    if (p > 0) waitpid(p, nullptr, 0);
  std::filesystem::remove(net->dir + "/sandbox.pid");
  std::printf("sandbox stopped; its data stays in %s\n", net->dir.c_str());
  return 0;
}

}  // namespace consortia::agent
