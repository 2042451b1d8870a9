#include "lifecycle/hosts.h"

#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "model/sqlite_stmt.h"
#include "model/clock.h"
#include "node_archive.h"

namespace consortia::console {
namespace fs = std::filesystem;

namespace {

Error io(const std::string& what) { return make_error(ErrorCode::kStorageIo, what); }

// What a command may print that the console keeps (a hostile host could print forever).
constexpr size_t kMaxOutput = 4 << 20;
void append_capped(std::string& to, const char* data, size_t n) {
  if (to.size() < kMaxOutput) to.append(data, std::min(n, kMaxOutput - to.size()));
}

std::string join_argv(const std::vector<std::string>& argv) {
  std::string cmd;
  for (const auto& a : argv) cmd += (cmd.empty() ? "" : " ") + shell_quote(a);
  return cmd;
}

// ---- this machine ----------------------------------------------------------------

class LocalHost final : public Host {
 public:
  explicit LocalHost(std::string address) : address_(std::move(address)) {}
  std::string address() const override { return address_; }
  Result<CommandResult> run(const std::vector<std::string>& argv, double timeout_s) override {
    return shell(join_argv(argv), timeout_s);
  }
  Result<CommandResult> shell(const std::string& script, double timeout_s) override {
    int out[2], err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) return io("pipe failed");
    pid_t pid = ::fork();
    if (pid < 0) return io("fork failed");
    if (pid == 0) {
      ::setpgid(0, 0);
      ::dup2(out[1], 1);
      ::dup2(err[1], 2);
      int in = ::open("/dev/null", O_RDONLY);
      if (in >= 0) ::dup2(in, 0);
      for (int fd = 3; fd < 1024; ++fd) ::close(fd);
      ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    CommandResult r;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    bool timed_out = false;
    char buf[8192];
    while (open_fds > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out = true;
        break;
      }
      if (::poll(fds, 2, static_cast<int>(std::min<int64_t>(left.count(), 500))) < 0) break;
      for (int k = 0; k < 2; ++k) {
        if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
        if (n <= 0) {
          ::close(fds[k].fd);
          fds[k].fd = -1;
          --open_fds;
        } else {
          append_capped(k == 0 ? r.out : r.err, buf, static_cast<size_t>(n));
        }
      }
    }
    for (auto& f : fds)
      if (f.fd >= 0) ::close(f.fd);
    if (timed_out) ::kill(-pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (timed_out) return make_error(ErrorCode::kUnavailable, "timed out after " + std::to_string(timeout_s) + " s");
    r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
  }
  Status put_file(const std::string& local, const std::string& remote, int mode) override {
    std::error_code ec;
    fs::create_directories(fs::path(remote).parent_path(), ec);
    if (fs::exists(remote) && fs::equivalent(local, remote, ec)) return {};
    // Created with its mode, as put_text does.
    std::string partial = remote + ".partial";
    fs::remove(partial, ec);
    int in = ::open(local.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return io("cannot read " + local + ": " + std::strerror(errno));
    int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) {
      ::close(in);
      return io("cannot write " + remote + ": " + std::strerror(errno));
    }
    char buf[1 << 16];
    ssize_t n = 0;
    bool ok = true;
    while (ok && (n = ::read(in, buf, sizeof buf)) > 0)
      for (ssize_t off = 0; ok && off < n;) {
        ssize_t w = ::write(fd, buf + off, static_cast<size_t>(n - off));
        ok = w > 0;
        off += w > 0 ? w : 0;
      }
    ok = ok && n == 0 && ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && ::fsync(fd) == 0;
    ::close(in);
    ::close(fd);
    if (!ok) {
      fs::remove(partial, ec);
      return io("cannot copy " + local + " to " + remote);
    }
    fs::rename(partial, remote, ec);
    if (ec) return io("cannot write " + remote + ": " + ec.message());
    return {};
  }
  Status put_text(const std::string& text, const std::string& remote, int mode) override {
    std::error_code ec;
    fs::create_directories(fs::path(remote).parent_path(), ec);
    std::string partial = remote + ".partial";
    fs::remove(partial, ec);
    // Created with its mode (a key is never readable by others, not even
    // for a moment) and never through a link someone left there.
    int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) return io("cannot write " + remote + ": " + std::strerror(errno));
    size_t off = 0;
    while (off < text.size()) {
      ssize_t n = ::write(fd, text.data() + off, text.size() - off);
      if (n <= 0) {
        ::close(fd);
        return io("cannot write " + remote);
      }
      off += static_cast<size_t>(n);
    }
    ::fchmod(fd, static_cast<mode_t>(mode));
    ::close(fd);
    fs::rename(partial, remote, ec);
    if (ec) return io("cannot write " + remote + ": " + ec.message());
    return {};
  }
  Status get_file(const std::string& remote, const std::string& local) override {
    std::error_code ec;
    if (fs::exists(local) && fs::equivalent(local, remote, ec)) return {};
    fs::copy_file(remote, local, fs::copy_options::overwrite_existing, ec);
    if (ec) return io("cannot copy " + remote + " to " + local + ": " + ec.message());
    return {};
  }
  Result<std::string> read_text(const std::string& remote, size_t max) override {
    std::error_code ec;
    auto size = fs::file_size(remote, ec);
    if (ec) return io("cannot read " + remote + ": " + ec.message());
    if (size > max) return make_error(ErrorCode::kTooLarge, remote + " is larger than expected");
    std::ifstream in(remote, std::ios::binary);
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return s;
  }

 private:
  std::string address_;
};

// ---- SSH ----------------------------------------------------------------------

class SshHost final : public Host {
 public:
  SshHost(ssh_session s, HostRecord h) : s_(s), h_(std::move(h)) {}
  ~SshHost() override {
    ssh_disconnect(s_);
    ssh_free(s_);
  }
  std::string address() const override { return h_.address; }
  Result<CommandResult> run(const std::vector<std::string>& argv, double timeout_s) override {
    return shell(join_argv(argv), timeout_s);
  }
  Result<CommandResult> shell(const std::string& script, double timeout_s) override {
    ssh_channel c = ssh_channel_new(s_);
    if (!c) return fail("cannot open a channel");
    if (ssh_channel_open_session(c) != SSH_OK || ssh_channel_request_exec(c, script.c_str()) != SSH_OK) {
      ssh_channel_free(c);
      return fail("cannot run a command");
    }
    CommandResult r;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    char buf[8192];
    bool timed_out = false;
    while (true) {
      bool got = false;
      for (int is_err = 0; is_err < 2; ++is_err) {
        int n = ssh_channel_read_nonblocking(c, buf, sizeof buf, is_err);
        if (n > 0) {
          append_capped(is_err ? r.err : r.out, buf, static_cast<size_t>(n));
          got = true;
        }
      }
      if (!got && ssh_channel_is_eof(c)) break;
      if (!got) {
        if (std::chrono::steady_clock::now() > deadline) {
          timed_out = true;
          break;
        }
        ssh_channel_poll_timeout(c, 200, 0);
      }
    }
    ssh_channel_send_eof(c);
    ssh_channel_close(c);
    if (!timed_out) {
      // The exit status arrives after the end of the output.
      for (int i = 0; i < 50 && ssh_channel_get_exit_status(c) == -1; ++i) ssh_channel_poll_timeout(c, 20, 0);
      r.exit_status = ssh_channel_get_exit_status(c);
    }
    ssh_channel_free(c);
    if (timed_out) return make_error(ErrorCode::kUnavailable, "timed out after " + std::to_string(timeout_s) + " s");
    return r;
  }
  Status put_file(const std::string& local, const std::string& remote, int mode) override {
    std::ifstream in(local, std::ios::binary);
    if (!in) return io("cannot read " + local);
    std::vector<char> buf(1 << 16);
    auto st = stream_to(remote, mode, [&](std::string& chunk) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      chunk.assign(buf.data(), static_cast<size_t>(in.gcount()));
      return !in.bad();
    });
    if (!st) return st;
    // Checked on the host: what arrived is what was sent.
    auto sum = consortia::agent::sha256_file(local);
    if (!sum) return sum.error();
    auto r = run({"sha256sum", remote}, 60);
    if (!r) return r.error();
    if (r->exit_status != 0 || r->out.substr(0, 64) != *sum)
      return make_error(ErrorCode::kStorageCorrupt, remote + " on " + h_.address + " does not match " + local +
                                                        " (SHA-256 after upload)");
    return {};
  }
  Status put_text(const std::string& text, const std::string& remote, int mode) override {
    bool sent = false;
    return stream_to(remote, mode, [&](std::string& chunk) {
      chunk = sent ? "" : text;
      sent = true;
      return true;
    });
  }
  Result<std::string> read_text(const std::string& remote, size_t max) override {
    std::string out;
    auto st = read_remote(remote, [&](const char* data, size_t n) {
      out.append(data, n);
      return out.size() <= max;
    });
    if (!st) return st.error();
    if (out.size() > max) return make_error(ErrorCode::kTooLarge, remote + " is larger than expected");
    return out;
  }
  Status get_file(const std::string& remote, const std::string& local) override {
    std::ofstream out(local + ".partial", std::ios::binary | std::ios::trunc);
    if (!out) return io("cannot write " + local);
    auto st = read_remote(remote, [&](const char* data, size_t n) {
      out.write(data, static_cast<std::streamsize>(n));
      return static_cast<bool>(out);
    });
    out.close();
    if (!st) return st;
    if (!out) return io("cannot write " + local);
    std::error_code ec;
    fs::rename(local + ".partial", local, ec);
    if (ec) return io("cannot write " + local + ": " + ec.message());
    return {};
  }

 private:
  // Reads a file over SFTP into `sink`, which may stop it by answering false.
  Status read_remote(const std::string& remote, const std::function<bool(const char*, size_t)>& sink) {
    sftp_session sf = sftp_new(s_);
    if (!sf || sftp_init(sf) != SSH_OK) {
      if (sf) sftp_free(sf);
      return io("SFTP is not available on " + h_.address);
    }
    sftp_file f = sftp_open(sf, remote.c_str(), O_RDONLY, 0);
    if (!f) {
      sftp_free(sf);
      return io("cannot read " + remote + " on " + h_.address);
    }
    char buf[32768];
    ssize_t n;
    bool more = true;
    while (more && (n = sftp_read(f, buf, sizeof buf)) > 0) more = sink(buf, static_cast<size_t>(n));
    sftp_close(f);
    sftp_free(sf);
    if (more && n < 0) return io("cannot read " + remote + " on " + h_.address);
    return {};
  }
  // Streams bytes into `cat` on the host (one channel, no per-chunk round
  // trip), to a partial file renamed when complete.
  Status stream_to(const std::string& remote, int mode, const std::function<bool(std::string&)>& next) {
    std::string partial = remote + ".partial";
    char octal[8];
    std::snprintf(octal, sizeof octal, "%o", mode & 07777);
    std::string cmd = "mkdir -p " + shell_quote(fs::path(remote).parent_path().string()) + " && umask 077 && cat > " +
                      shell_quote(partial) + " && chmod " + octal + " " + shell_quote(partial) + " && mv -f " +
                      shell_quote(partial) + " " + shell_quote(remote);
    ssh_channel c = ssh_channel_new(s_);
    if (!c) return io("cannot open a channel to " + h_.address);
    if (ssh_channel_open_session(c) != SSH_OK || ssh_channel_request_exec(c, cmd.c_str()) != SSH_OK) {
      ssh_channel_free(c);
      return io("cannot write " + remote + " on " + h_.address + ": " + ssh_get_error(s_));
    }
    std::string chunk;
    bool ok = true;
    while (ok && next(chunk) && !chunk.empty()) {
      size_t off = 0;
      while (ok && off < chunk.size()) {
        int n = ssh_channel_write(c, chunk.data() + off, static_cast<uint32_t>(std::min<size_t>(chunk.size() - off, 1 << 16)));
        if (n <= 0) ok = false;
        else off += static_cast<size_t>(n);
      }
    }
    ssh_channel_send_eof(c);
    char drain[1024];
    while (ssh_channel_read_timeout(c, drain, sizeof drain, 1, 30000) > 0) {
    }
    for (int i = 0; i < 250 && ssh_channel_get_exit_status(c) == -1; ++i) ssh_channel_poll_timeout(c, 20, 0);
    int status = ssh_channel_get_exit_status(c);
    ssh_channel_close(c);
    ssh_channel_free(c);
    if (!ok || status != 0) return io("cannot write " + remote + " on " + h_.address);
    return {};
  }
  Error fail(const std::string& what) const {
    return make_error(ErrorCode::kUnavailable, what + " on " + h_.address + ": " + ssh_get_error(s_));
  }
  ssh_session s_;
  HostRecord h_;
};


}  // namespace

std::string shell_quote(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@,+") ==
                        std::string::npos)
    return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::unique_ptr<Host> local_host(std::string address) { return std::make_unique<LocalHost>(std::move(address)); }

bool parse_ssh_target(const std::string& text, HostRecord& out) {
  auto at = text.find('@');
  if (at == std::string::npos || at == 0) return false;
  out.user = text.substr(0, at);
  std::string rest = text.substr(at + 1);
  auto colon = rest.rfind(':');
  out.port = 22;
  if (colon != std::string::npos) {
    std::string p = rest.substr(colon + 1);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
    out.port = std::stoi(p);
    if (out.port <= 0 || out.port > 65535) return false;
    rest = rest.substr(0, colon);
  }
  if (rest.empty() || rest.find_first_of(" /'\"") != std::string::npos) return false;
  out.address = rest;
  return true;
}

std::unique_ptr<HostStore> HostStore::open(const std::string& path, std::string* error) {
  const char* schema =
      "CREATE TABLE IF NOT EXISTS hosts (name TEXT PRIMARY KEY, user TEXT NOT NULL, address TEXT NOT NULL, "
      "port INTEGER NOT NULL, key_file TEXT NOT NULL, fingerprint TEXT NOT NULL, added_ms INTEGER NOT NULL);"
      "CREATE TABLE IF NOT EXISTS known_hosts (host TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, added_ms INTEGER "
      "NOT NULL);";
  sqlite3* db = open_database(path, schema, error);
  return db ? std::unique_ptr<HostStore>(new HostStore(db)) : nullptr;
}

HostStore::~HostStore() { sqlite3_close(db_); }

bool HostStore::save(const HostRecord& h) {
  Stmt st(db_,
          "INSERT OR REPLACE INTO hosts (name, user, address, port, key_file, fingerprint, added_ms) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.text(1, h.name);
  st.text(2, h.user);
  st.text(3, h.address);
  st.i64(4, h.port);
  st.text(5, h.key_file);
  st.text(6, h.fingerprint);
  st.i64(7, h.added_ms ? h.added_ms : wall_ms());
  return sqlite3_step(st.s) == SQLITE_DONE;
}

std::vector<HostRecord> HostStore::list() const {
  Stmt st(db_, "SELECT name, user, address, port, key_file, fingerprint, added_ms FROM hosts ORDER BY name");
  std::vector<HostRecord> out;
  while (sqlite3_step(st.s) == SQLITE_ROW)
    out.push_back({st.col_text(0), st.col_text(1), st.col_text(2), sqlite3_column_int(st.s, 3), st.col_text(4), st.col_text(5),
                   sqlite3_column_int64(st.s, 6)});
  return out;
}

std::optional<HostRecord> HostStore::find(const std::string& name) const {
  for (auto& h : list())
    if (h.name == name) return h;
  return std::nullopt;
}

std::optional<std::string> HostStore::known_key(const std::string& address, int port) const {
  Stmt st(db_, "SELECT fingerprint FROM known_hosts WHERE host = ?1");
  st.text(1, address + ":" + std::to_string(port));
  if (sqlite3_step(st.s) != SQLITE_ROW) return std::nullopt;
  return st.col_text(0);
}

void HostStore::remember_key(const std::string& address, int port, const std::string& fingerprint) {
  Stmt st(db_, "INSERT OR REPLACE INTO known_hosts (host, fingerprint, added_ms) VALUES (?1, ?2, ?3)");
  st.text(1, address + ":" + std::to_string(port));
  st.text(2, fingerprint);
  st.i64(3, wall_ms());
  sqlite3_step(st.s);
}

std::unique_ptr<Host> connect_ssh(const HostRecord& h, HostStore& known, const std::string& confirmed,
                                  HostError* error) {
  auto refuse = [&](const std::string& code, const std::string& detail) -> std::unique_ptr<Host> {
    if (error) *error = {code, detail};
    return nullptr;
  };
  ssh_session s = ssh_new();
  if (!s) return refuse("ssh_failed", "out of memory");
  std::unique_ptr<ssh_session_struct, void (*)(ssh_session)> guard(s, [](ssh_session x) {
    ssh_disconnect(x);
    ssh_free(x);
  });
  int port = h.port;
  long timeout = 10;
  int no = 0;
  ssh_options_set(s, SSH_OPTIONS_HOST, h.address.c_str());
  ssh_options_set(s, SSH_OPTIONS_PORT, &port);
  ssh_options_set(s, SSH_OPTIONS_USER, h.user.c_str());
  ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
  ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);  // not the user's ~/.ssh/config
  ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
  ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
  if (ssh_connect(s) != SSH_OK) return refuse("host_unreachable", h.address + ":" + std::to_string(port) + ": " + ssh_get_error(s));
  ssh_key server = nullptr;
  if (ssh_get_server_publickey(s, &server) != SSH_OK) return refuse("ssh_failed", ssh_get_error(s));
  unsigned char* hash = nullptr;
  size_t len = 0;
  int rc = ssh_get_publickey_hash(server, SSH_PUBLICKEY_HASH_SHA256, &hash, &len);
  ssh_key_free(server);
  if (rc != 0) return refuse("ssh_failed", "cannot hash the host key");
  char* fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
  ssh_clean_pubkey_hash(&hash);
  std::string fingerprint = fp ? fp : "";
  ssh_string_free_char(fp);
  auto was = known.known_key(h.address, h.port);
  if (was && *was != fingerprint) return refuse("host_key_changed", *was + " " + fingerprint);
  if (!confirmed.empty() && confirmed != fingerprint) return refuse("fingerprint_mismatch", confirmed + " " + fingerprint);
  if (!was && confirmed.empty()) return refuse("host_key_unknown", fingerprint);
  ssh_key key = nullptr;
  if (ssh_pki_import_privkey_file(h.key_file.c_str(), nullptr, nullptr, nullptr, &key) != SSH_OK)
    return refuse("ssh_key_unreadable", h.key_file);
  rc = ssh_userauth_publickey(s, nullptr, key);
  ssh_key_free(key);
  if (rc != SSH_AUTH_SUCCESS) return refuse("ssh_auth_failed", h.user + "@" + h.address + ": " + ssh_get_error(s));
  // Remembered only once the user is known to the host too.
  if (!was) known.remember_key(h.address, h.port, fingerprint);
  guard.release();
  return std::make_unique<SshHost>(s, h);
}

std::unique_ptr<Host> open_host(const std::string& name, HostStore& hosts, HostError* error) {
  if (name == "local") return local_host();
  auto h = hosts.find(name);
  if (!h) {
    if (error) *error = {"no_host", name};
    return nullptr;
  }
  return connect_ssh(*h, hosts, h->fingerprint, error);
}

}  // namespace consortia::console
