#include "supervisor.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include <openssl/evp.h>

#include "crypto/crypto_suite.h"
#include "network.h"

namespace consortia::agent {
namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kBinaryName = "consortia-agent";
// In a switch request: the supervisor's own binary ('@' is in no version name).
constexpr const char* kOwnBinary = "@own";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Versions name directories: letters, digits, '.', '-', '_', not a path.
bool valid_version(const std::string& v) {
  if (v.empty() || v.size() > 64 || v[0] == '.') return false;  // no '.', '..' or hidden names
  for (char c : v)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') return false;
  return true;
}

Result<std::string> data_dir_of(const std::string& config) {
  auto c = load_agent_config(config);
  if (!c) return c.error();
  return c->path(c->data_dir);
}

std::string staged_path(const std::string& data, const std::string& version) {
  return data + "/binaries/" + version + "/" + kBinaryName;
}

// The version `current` points at; empty when the supervisor's own binary runs.
std::string current_version(const std::string& data) {
  std::error_code ec;
  fs::path target = fs::read_symlink(data + "/current", ec);
  if (ec) return {};
  return target.filename().string();
}

Status set_current(const std::string& data, const std::string& version) {
  std::error_code ec;
  if (version.empty()) {
    fs::remove(data + "/current", ec);
    return {};
  }
  std::string tmp = data + "/current.tmp";
  fs::remove(tmp, ec);
  fs::create_symlink("binaries/" + version, tmp, ec);
  if (!ec) fs::rename(tmp, data + "/current", ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot point current at " + version + ": " + ec.message());
  return {};
}

// Streamed: a binary of hundreds of MiB is never held in memory.
Result<Hash32> sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot read " + path);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    return make_error(ErrorCode::kCrypto, "SHA-256 unavailable");
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(in.gcount()));
  }
  Hash32 h;
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), h.v.data(), &len);
  return h;
}

// Runs `binary --version` with a deadline; its first line of output.
Result<std::string> version_of(const std::string& binary, double within_s) {
  int out[2];
  if (::pipe(out) != 0) return make_error(ErrorCode::kStorageIo, "pipe failed");
  pid_t pid = ::fork();
  if (pid < 0) return make_error(ErrorCode::kStorageIo, "fork failed");
  if (pid == 0) {
    // Its own process group, killed whole afterwards, and none of the
    // agent's open files (its store, its logs, its sockets).
    ::setpgid(0, 0);
    ::dup2(out[1], 1);
    ::dup2(out[1], 2);
    for (int fd = 3; fd < 4096; ++fd) ::close(fd);
    ::execl(binary.c_str(), kBinaryName, "--version", static_cast<char*>(nullptr));
    _exit(127);
  }
  ::setpgid(pid, pid);
  struct KillGroup {
    pid_t pgid;
    ~KillGroup() { ::kill(-pgid, SIGKILL); }
  } kill_group{pid};
  ::close(out[1]);
  ::fcntl(out[0], F_SETFL, O_NONBLOCK);
  std::string text;
  auto deadline = Clock::now() + std::chrono::duration<double>(within_s);
  int status = 0;
  bool done = false;
  while (!done) {
    char buf[512];
    ssize_t n;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0 && text.size() < 4096) text.append(buf, static_cast<size_t>(n));
    if (::waitpid(pid, &status, WNOHANG) == pid) done = true;
    else if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ::close(out[0]);
      return make_error(ErrorCode::kUnavailable, "it did not answer --version within " +
                                                     std::to_string(static_cast<int>(within_s)) + " s");
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  char buf[512];
  ssize_t n;
  while ((n = ::read(out[0], buf, sizeof buf)) > 0 && text.size() < 4096) text.append(buf, static_cast<size_t>(n));
  ::close(out[0]);
  std::string first = text.substr(0, text.find('\n'));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return make_error(ErrorCode::kUnavailable,
                      "it does not run on this host (--version " +
                          (WIFEXITED(status) ? "exited " + std::to_string(WEXITSTATUS(status))
                                             : "killed by signal " + std::to_string(WTERMSIG(status))) +
                          (first.empty() ? "" : ": " + first) + ")");
  if (first.rfind(std::string(kBinaryName) + " ", 0) != 0)
    return make_error(ErrorCode::kInvalidArgument, "it is not a consortia-agent (--version said '" + first + "')");
  return first;
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const char* name = sigabbrev_np(WTERMSIG(status));
    return std::string("was killed by ") + (name ? std::string("SIG") + name : "signal " + std::to_string(WTERMSIG(status)));
  }
  return "stopped";
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::atomic<int> g_signal{0};
void on_signal(int s) { g_signal = s; }

class Supervisor {
 public:
  Supervisor(SuperviseOptions o, std::string data) : o_(std::move(o)), data_(std::move(data)) {
    dir_ = data_ + "/supervisor";
    self_ = fs::read_symlink("/proc/self/exe").string();
    config_ = fs::absolute(o_.config).string();
  }

  int run() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
      std::fprintf(stderr, "consortia-agent supervise: cannot create %s: %s\n", dir_.c_str(), ec.message().c_str());
      return 1;
    }
    load_state();
    (void)write_file(dir_ + "/pid", std::to_string(::getpid()) + "\n");
    current_ = current_version(data_);
    if (!current_.empty() && !fs::exists(staged_path(data_, current_))) {
      note("current points at " + current_ + ", which is not staged; running " + self_);
      current_.clear();
      (void)set_current(data_, "");
    }
    note("supervising " + config_ + " with " + describe_binary(current_));
    if (resume_trial_ && !current_.empty()) {
      // A supervisor stopped while it tried a binary: the trial goes on.
      note("resuming the trial of " + current_ + " (previous: " + describe_binary(previous_) + ")");
      start_trial();
    }
    spawn();
    double backoff = o_.backoff_initial_s;
    while (true) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (int sig = g_signal.load()) {
        note(std::string("stopping on ") + (sig == SIGINT ? "SIGINT" : "SIGTERM"));
        stop_child();
        fs::remove(dir_ + "/pid", ec);
        return 0;
      }
      int status = 0;
      if (::waitpid(child_, &status, WNOHANG) == child_) {
        child_ = -1;
        std::string how = describe_exit(status);
        if (trial_) {
          fall_back("it " + how + " at start: " + last_stderr());
          continue;
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) <= 2) {
          note("the agent " + how + "; not restarted (stopped on purpose, fenced or misconfigured)");
          fs::remove(dir_ + "/pid", ec);
          return WEXITSTATUS(status);
        }
        double ran = std::chrono::duration<double>(Clock::now() - started_).count();
        if (ran >= o_.stable_after_s) backoff = o_.backoff_initial_s;
        state_["restarts"] = restarts() + 1;
        note("the agent " + how + " after " + std::to_string(static_cast<int>(ran)) + " s; restarting in " +
             std::to_string(backoff).substr(0, 4) + " s");
        save_state();
        if (!sleep_unless_signalled(backoff)) continue;  // the loop's top stops
        backoff = std::min(backoff * 2, o_.backoff_max_s);
        spawn();
        continue;
      }
      take_switch_request();
      if (trial_) check_trial();
    }
  }

 private:
  SuperviseOptions o_;
  std::string data_, dir_, self_, config_;
  json state_ = json::object();
  std::string current_, previous_;
  pid_t child_ = -1;
  Clock::time_point started_;
  bool trial_ = false;
  bool resume_trial_ = false;
  Clock::time_point trial_deadline_;
  std::optional<HealthReport> first_;
  std::string last_reason_;

  std::string describe_binary(const std::string& v) const {
    return v.empty() ? "its own binary (" + self_ + ")" : "version " + v + " (" + staged_path(data_, v) + ")";
  }
  std::string binary(const std::string& v) const { return v.empty() ? self_ : staged_path(data_, v); }

  void note(const std::string& line) {
    std::string text = utc_now() + " " + line + "\n";
    std::ofstream(dir_ + "/supervisor.log", std::ios::app) << text;
    std::fprintf(stderr, "consortia-agent supervise: %s\n", line.c_str());
  }
  // What a supervisor before this one recorded; anything unreadable is
  // started afresh (its history is kept when it is an array).
  void load_state() {
    auto j = json::parse(read_text(dir_ + "/state.json"), nullptr, false);
    if (!j.is_object()) return;
    if (j.contains("history") && j["history"].is_array()) state_["history"] = j["history"];
    if (j.contains("restarts") && j["restarts"].is_number_unsigned()) state_["restarts"] = j["restarts"];
    if (j.contains("previous") && j["previous"].is_string() && valid_version(j["previous"].get<std::string>()))
      previous_ = j["previous"].get<std::string>();
    resume_trial_ = j.contains("trial") && j["trial"].is_boolean() && j["trial"].get<bool>();
  }
  uint64_t restarts() const {
    auto it = state_.find("restarts");
    return it != state_.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
  }
  void save_state() {
    state_["current"] = current_;
    state_["previous"] = previous_;
    state_["pid"] = ::getpid();
    state_["child_pid"] = child_;
    state_["trial"] = trial_;
    // Replaced whole, so that a reader never sees half of it.
    std::error_code ec;
    if (write_file(dir_ + "/state.json.tmp", state_.dump(2) + "\n")) fs::rename(dir_ + "/state.json.tmp", dir_ + "/state.json", ec);
  }
  void record(const std::string& from, const std::string& to, const std::string& result, const std::string& reason) {
    json& h = state_["history"];
    if (!h.is_array()) h = json::array();
    h.push_back({{"at", utc_now()}, {"from", from}, {"to", to}, {"result", result}, {"reason", reason}});
    while (h.size() > 50) h.erase(h.begin());
  }

  void spawn() {
    std::string bin = binary(current_);
    std::string log = data_ + "/stderr.log";
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
      ::signal(SIGTERM, SIG_DFL);
      ::signal(SIGINT, SIG_DFL);
      // The agent stops when the supervisor dies, however it dies: a
      // supervisor started again must not find the old agent still signing.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != parent) _exit(1);
      int in = ::open("/dev/null", O_RDONLY);
      int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (in >= 0) ::dup2(in, 0);
      if (err >= 0) {
        ::dup2(err, 1);
        ::dup2(err, 2);
      }
      for (int fd = 3; fd < 1024; ++fd) ::close(fd);
      ::execl(bin.c_str(), kBinaryName, "run", "--config", config_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    child_ = pid;
    started_ = Clock::now();
    save_state();
  }

  void stop_child() {
    if (child_ <= 0) return;
    ::kill(child_, SIGTERM);
    auto deadline = Clock::now() + std::chrono::duration<double>(o_.stop_grace_s);
    int status = 0;
    while (::waitpid(child_, &status, WNOHANG) != child_) {
      if (Clock::now() > deadline) {
        ::kill(child_, SIGKILL);
        ::waitpid(child_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    child_ = -1;
  }

  bool sleep_unless_signalled(double s) {
    auto end = Clock::now() + std::chrono::duration<double>(s);
    while (Clock::now() < end) {
      if (g_signal.load()) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return true;
  }

  std::string last_stderr() const {
    std::string text = read_text(data_ + "/stderr.log");
    std::string line = trim(text.substr(text.size() > 400 ? text.size() - 400 : 0));
    if (auto nl = line.rfind('\n'); nl != std::string::npos) line = line.substr(nl + 1);
    return line.empty() ? "(nothing on stderr)" : line;
  }

  void take_switch_request() {
    std::string path = dir_ + "/switch";
    if (!fs::exists(path)) return;
    std::string v = trim(read_text(path));
    std::error_code ec;
    fs::remove(path, ec);
    if (v == kOwnBinary) v.clear();  // back to the supervisor's own binary
    else if (!valid_version(v) || !fs::exists(staged_path(data_, v))) {
      note("switch to '" + v + "' refused: not staged");
      record(current_, v, "refused", "not staged");
      save_state();
      return;
    }
    if (v == current_) {
      note("switch to " + v + ": already current");
      return;
    }
    if (trial_) {
      // The previous binary must stay the last one known good.
      note("switch to " + v + " refused: " + current_ + " is still being tried");
      record(current_, v, "refused", "another switch is being tried");
      save_state();
      return;
    }
    note("switching from " + describe_binary(current_) + " to " + describe_binary(v));
    stop_child();
    previous_ = current_;
    if (auto st = set_current(data_, v); !st) {
      note(st.error().detail);
      spawn();
      return;
    }
    current_ = v;
    start_trial();
    spawn();
  }

  void start_trial() {
    trial_ = true;
    first_.reset();
    last_reason_ = "no health report yet";
    trial_deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(o_.healthy_within_s));
  }

  void check_trial() {
    auto j = json::parse(read_text(data_ + "/health.json"), nullptr, false);
    if (j.is_object() && j.contains("pid") && j["pid"].is_number_unsigned()) {
      HealthReport h = HealthReport::from_json(j);
      if (h.pid == child_) {
        if (!first_) first_ = h;
        last_reason_ = unhealthy_because(*first_, h, child_);
        if (last_reason_.empty()) {
          trial_ = false;
          note("version " + current_ + " is healthy (height " + std::to_string(h.height) + ")");
          record(previous_, current_, "switched", "");
          save_state();
          return;
        }
      }
    }
    if (Clock::now() > trial_deadline_) {
      stop_child();
      fall_back("not healthy within " + std::to_string(static_cast<int>(o_.healthy_within_s)) + " s: " + last_reason_);
    }
  }

  void fall_back(const std::string& reason) {
    std::string failed = current_;
    note("version " + failed + " failed: " + reason + "; switching back to " + describe_binary(previous_));
    trial_ = false;
    if (auto st = set_current(data_, previous_); !st) note(st.error().detail);
    current_ = previous_;
    record(previous_, failed, "rolled back", reason);
    save_state();
    spawn();
  }
};

}  // namespace

json HealthReport::to_json() const {
  return json{{"pid", pid},         {"unix_ms", unix_ms},   {"api", api},
              {"height", height},   {"best_peer_height", best_peer_height},
              {"validator", validator}, {"last_voted_view", last_voted_view},
              {"halted", halted},   {"version", version},   {"max_protocol", max_protocol}};
}

HealthReport HealthReport::from_json(const json& j) {
  HealthReport h;
  auto num = [&](const char* k) -> uint64_t {
    auto it = j.find(k);
    return it != j.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
  };
  auto str = [&](const char* k) -> std::string {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
  };
  h.pid = static_cast<int64_t>(num("pid"));
  h.unix_ms = num("unix_ms");
  h.api = str("api");
  h.height = num("height");
  h.best_peer_height = num("best_peer_height");
  auto v = j.find("validator");
  h.validator = v != j.end() && v->is_boolean() && v->get<bool>();
  h.last_voted_view = num("last_voted_view");
  h.halted = str("halted");
  h.version = str("version");
  h.max_protocol = static_cast<uint32_t>(num("max_protocol"));
  return h;
}

Status write_health(const std::string& data_dir, const HealthReport& h) {
  std::string tmp = data_dir + "/health.json.tmp";
  if (auto st = write_file(tmp, h.to_json().dump() + "\n"); !st) return st;
  std::error_code ec;
  fs::rename(tmp, data_dir + "/health.json", ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot write health.json: " + ec.message());
  return {};
}

std::string unhealthy_because(const HealthReport& first, const HealthReport& now, int64_t child_pid) {
  if (now.pid != child_pid) return "no health report from the new process yet";
  if (!now.halted.empty()) return "halted: " + now.halted;
  if (now.api.empty()) return "its API does not serve yet";
  // Committing is what counts: a peer's claimed height is not proven, and a
  // peer claiming a huge one must not make every switch fail.
  if (now.height < first.height + 2 && now.height + 3 < now.best_peer_height)
    return "not committing: height " + std::to_string(now.height) + ", peers claim " +
           std::to_string(now.best_peer_height);
  if (now.validator && now.last_voted_view <= first.last_voted_view) return "a validator that has not voted yet";
  return {};
}

int supervise(const SuperviseOptions& o) {
  auto data = data_dir_of(o.config);
  if (!data) {
    std::fprintf(stderr, "consortia-agent supervise: %s\n", data.error().to_string().c_str());
    return 2;
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::sigaction(SIGINT, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  return Supervisor(o, *data).run();
}

Result<json> stage_binary(const std::string& config, const std::string& binary, const std::string& version,
                          const std::string& sha256_hex) {
  auto data = data_dir_of(config);
  if (!data) return data.error();
  return stage_binary_in(*data, binary, version, sha256_hex);
}

Result<json> stage_binary_in(const std::string& data_dir, const std::string& binary, const std::string& version,
                             const std::string& sha256_hex) {
  const std::string* data = &data_dir;
  if (!valid_version(version))
    return make_error(ErrorCode::kInvalidArgument,
                      "version '" + version + "': letters, digits, '.', '-' and '_' only, at most 64");
  auto sum = sha256_of_file(binary);
  if (!sum) return sum.error();
  if (!sha256_hex.empty()) {
    Bytes want;
    if (!from_hex(sha256_hex, want) || want.size() != 32)
      return make_error(ErrorCode::kInvalidArgument, "--sha256 must be 64 hex digits");
    if (!std::equal(want.begin(), want.end(), sum->v.begin()))
      return make_error(ErrorCode::kInvalidArgument, "SHA-256 mismatch: " + binary + " is " + sum->hex() +
                                                         ", expected " + sha256_hex);
  }
  // One stage at a time in this process; the copy's name is its own.
  static std::mutex staging;
  std::lock_guard lock(staging);
  static std::atomic<uint64_t> copies{0};
  std::string dir = *data + "/binaries/" + version;
  std::string target = dir + "/" + kBinaryName;
  if (fs::exists(target)) {
    auto have = sha256_of_file(target);
    if (have && *have == *sum) return json{{"version", version}, {"sha256", sum->hex()}, {"already_staged", true}};
    return make_error(ErrorCode::kConflict, "version " + version + " is staged with other contents (" +
                                                (have ? have->hex() : std::string("unreadable")) + ")");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string tmp = target + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(++copies);
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code e;
      fs::remove(path, e);  // gone already once renamed into place
    }
  } remove_tmp{tmp};
  fs::copy_file(binary, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot copy " + binary + ": " + ec.message());
  fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec, ec);
  auto copied = sha256_of_file(tmp);
  if (!copied || *copied != *sum) {
    fs::remove(tmp, ec);
    return make_error(ErrorCode::kStorageIo, "the copy of " + binary + " differs from it");
  }
  auto said = version_of(tmp, 10);
  if (!said) {
    fs::remove_all(dir, ec);
    return make_error(said.error().code, binary + ": " + said.error().detail);
  }
  if (int fd = ::open(tmp.c_str(), O_RDONLY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (auto st = write_file(dir + "/sha256", sum->hex() + "\n"); !st) return st.error();
  fs::rename(tmp, target, ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot stage " + target + ": " + ec.message());
  if (int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return json{{"version", version}, {"sha256", sum->hex()}, {"path", target}, {"reports", *said}};
}

Result<json> staged_binaries(const std::string& config) {
  auto data = data_dir_of(config);
  if (!data) return data.error();
  return staged_binaries_in(*data);
}

Result<json> staged_binaries_in(const std::string& data_dir) {
  const std::string* data = &data_dir;
  json list = json::array();
  std::string current = current_version(*data);
  std::error_code ec;
  if (fs::is_directory(*data + "/binaries", ec))
    for (const auto& e : fs::directory_iterator(*data + "/binaries", ec)) {
      std::string v = e.path().filename().string();
      if (!valid_version(v) || !fs::exists(staged_path(*data, v))) continue;
      list.push_back({{"version", v}, {"sha256", trim(read_text(e.path().string() + "/sha256"))},
                      {"current", v == current}});
    }
  std::sort(list.begin(), list.end(), [](const json& a, const json& b) { return a["version"] < b["version"]; });
  auto state = json::parse(read_text(*data + "/supervisor/state.json"), nullptr, false);
  return json{{"staged", list}, {"current", current}, {"supervisor", state.is_object() ? state : json(nullptr)}};
}

Result<json> request_switch(const std::string& config, const std::string& version) {
  auto data = data_dir_of(config);
  if (!data) return data.error();
  return request_switch_in(*data, version);
}

Result<json> request_switch_in(const std::string& data_dir, const std::string& version) {
  const std::string* data = &data_dir;
  if (!version.empty() && (!valid_version(version) || !fs::exists(staged_path(*data, version))))
    return make_error(ErrorCode::kNotFound, "version '" + version + "' is not staged on this host");
  std::string dir = *data + "/supervisor";
  pid_t pid = static_cast<pid_t>(std::atoi(read_text(dir + "/pid").c_str()));
  if (!supervised(*data))
    return make_error(ErrorCode::kUnavailable, "no supervisor runs this node (consortia-agent supervise)");
  std::string tmp = dir + "/switch.tmp";
  if (auto st = write_file(tmp, (version.empty() ? std::string(kOwnBinary) : version) + "\n"); !st) return st.error();
  std::error_code ec;
  fs::rename(tmp, dir + "/switch", ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot request the switch: " + ec.message());
  return json{{"requested", version}, {"supervisor_pid", pid}};
}

const std::string& own_binary_sha256() {
  static const std::string sum = [] {
    auto h = sha256_of_file("/proc/self/exe");
    return h ? h->hex() : std::string();
  }();
  return sum;
}

bool supervised(const std::string& data_dir) {
  pid_t pid = static_cast<pid_t>(std::atoi(read_text(data_dir + "/supervisor/pid").c_str()));
  return pid > 0 && ::kill(pid, 0) == 0 &&
         read_text("/proc/" + std::to_string(pid) + "/cmdline").find(std::string("supervise") + '\0') !=
             std::string::npos;
}

void clean_staging(const std::string& data_dir) {
  std::error_code ec;
  std::string root = data_dir + "/binaries";
  if (!fs::is_directory(root, ec)) return;
  std::vector<fs::path> gone;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(".upload-", 0) == 0 || name.find(".tmp.") != std::string::npos) gone.push_back(it->path());
  }
  for (const auto& p : gone) fs::remove(p, ec);
}

}  // namespace consortia::agent
