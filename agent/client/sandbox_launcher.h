// The embedded default, from a client's side: where the user's sandbox
// network lives, whether it is running, and starting `consortia-agent
// sandbox` for it as a child process that reports when it is up. Used by
// the console and consortia-ctl; toolkit-free.
#pragma once

#include <sys/types.h>

#include <string>

#include "core/result.h"

namespace consortia::agent {

std::string default_sandbox_dir();
// Whether a sandbox process for the network in `dir` is alive.
bool sandbox_running(const std::string& dir);
// The consortia-agent to start: beside `self_dir` (an install), in the build
// tree's agent/ folder, or the one on PATH.
std::string find_agent_binary(const std::string& self_dir);

class SandboxLauncher {
 public:
  struct Options {
    std::string agent_binary;
    std::string dir;    // the network directory (created on first start)
    int nodes = 4;      // agent processes of a new network
    int simulated = 0;  // > 0: one process running that many simulated nodes
  };
  enum class State { kIdle, kStarting, kRunning, kExited };

  SandboxLauncher() = default;
  SandboxLauncher(const SandboxLauncher&) = delete;
  SandboxLauncher& operator=(const SandboxLauncher&) = delete;
  ~SandboxLauncher();  // leaves a running sandbox running (see stop)

  // Starts the process; fails with the reason when it cannot run at all.
  Status start(const Options& o);
  // Non-blocking: starting until the sandbox says it runs (its pid file),
  // running, or exited (with exit_status()).
  State poll();
  int exit_status() const { return exit_status_; }
  pid_t pid() const { return pid_; }
  // SIGTERM (the sandbox stops its agents in order), then SIGKILL after
  // `timeout_ms`; waits for it.
  void stop(int timeout_ms = 15000);

 private:
  Options o_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_status_ = 0;
};

}  // namespace consortia::agent
