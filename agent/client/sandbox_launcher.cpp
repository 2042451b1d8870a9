#include "sandbox_launcher.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "network.h"

namespace consortia::agent {
namespace fs = std::filesystem;

std::string default_sandbox_dir() {
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/consortia/sandbox";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/consortia/sandbox";
  return "consortia-sandbox";
}

bool sandbox_running(const std::string& dir) {
  auto pid = read_file(dir + "/sandbox.pid");
  if (!pid) return false;
  long p = std::strtol(pid->c_str(), nullptr, 10);
  return p > 0 && kill(static_cast<pid_t>(p), 0) == 0;
}

std::string find_agent_binary(const std::string& self_dir) {
  for (const std::string& candidate : {self_dir + "/consortia-agent", self_dir + "/../agent/consortia-agent"})
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  return "consortia-agent";
}

SandboxLauncher::~SandboxLauncher() {
  if (pid_ > 0 && !exited_) waitpid(pid_, nullptr, WNOHANG);
}

Status SandboxLauncher::start(const Options& o) {
  o_ = o;
  std::vector<std::string> args = {o.agent_binary, "sandbox", "--dir", o.dir};
  if (o.simulated > 0) {
    args.insert(args.end(), {"--simulated", std::to_string(o.simulated)});
  } else {
    args.insert(args.end(), {"--nodes", std::to_string(o.nodes)});
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // A close-on-exec pipe tells a failed exec (the child writes errno) from
  // a started one (the pipe closes).
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return make_error(ErrorCode::kStorageIo, std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return make_error(ErrorCode::kStorageIo, std::string("cannot start a process: ") + std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    execvp(argv[0], argv.data());
    int e = errno;
    (void)!write(fds[1], &e, sizeof e);
    _exit(127);
  }
  close(fds[1]);
  int child_errno = 0;
  ssize_t got = read(fds[0], &child_errno, sizeof child_errno);
  close(fds[0]);
  if (got == static_cast<ssize_t>(sizeof child_errno)) {
    waitpid(pid, nullptr, 0);
    return make_error(ErrorCode::kNotFound, "cannot run " + o.agent_binary + ": " + std::strerror(child_errno));
  }
  pid_ = pid;
  exited_ = false;
  return {};
}

SandboxLauncher::State SandboxLauncher::poll() {
  if (pid_ <= 0) return State::kIdle;
  if (exited_) return State::kExited;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exited_ = true;
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return State::kExited;
  }
  std::error_code ec;
  return fs::exists(o_.dir + "/sandbox.pid", ec) ? State::kRunning : State::kStarting;
}

void SandboxLauncher::stop(int timeout_ms) {
  if (pid_ <= 0 || exited_) return;
  kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      exited_ = true;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  exited_ = true;
}

}  // namespace consortia::agent
