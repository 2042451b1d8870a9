// The machines nodes run on, as the lifecycle runbooks reach them: this
// machine directly, or a host over SSH (libssh) with key authentication.
// The console keeps its own known-hosts store (table known_hosts in its
// database): an unknown host key is refused with its SHA256 fingerprint
// unless the user confirmed that fingerprint; a changed key is refused and
// nothing is done. Hosts the user added are kept in table hosts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace consortia::console {

struct CommandResult {
  int exit_status = -1;
  std::string out, err;
};

class Host {
 public:
  virtual ~Host() = default;
  // The address peers and the console reach this host's node at.
  virtual std::string address() const = 0;
  // Runs a command (argv, quoted for the shell) or a shell script.
  virtual Result<CommandResult> run(const std::vector<std::string>& argv, double timeout_s) = 0;
  virtual Result<CommandResult> shell(const std::string& script, double timeout_s) = 0;
  // Files: a local file up (then checked by SHA-256 on the host), text up,
  // a file down.
  virtual Status put_file(const std::string& local, const std::string& remote, int mode) = 0;
  virtual Status put_text(const std::string& text, const std::string& remote, int mode) = 0;
  virtual Status get_file(const std::string& remote, const std::string& local) = 0;
  // A small file's contents (keys, configurations), at most `max` bytes.
  virtual Result<std::string> read_text(const std::string& remote, size_t max = 1 << 20) = 0;
};

// One argument quoted for a POSIX shell.
std::string shell_quote(const std::string& s);

// This machine, the console's own (the sandbox's host).
std::unique_ptr<Host> local_host(std::string address = "127.0.0.1");

struct HostRecord {
  std::string name;
  std::string user, address;
  int port = 22;
  std::string key_file;     // the SSH private key (never copied anywhere)
  std::string fingerprint;  // SHA256:... of the host key, once confirmed
  int64_t added_ms = 0;
  bool local() const { return user.empty(); }
};

// "USER@HOST[:PORT]"; false when malformed.
bool parse_ssh_target(const std::string& text, HostRecord& out);

// Why connecting was refused, as a code the UI words, with the detail.
//   host_unreachable, host_key_unknown (detail: the fingerprint),
//   fingerprint_mismatch (detail: the one given, then the one presented),
//   host_key_changed (detail: known, then presented), ssh_auth_failed,
//   ssh_key_unreadable, ssh_failed
struct HostError {
  std::string code, detail;
};

class HostStore {
 public:
  static std::unique_ptr<HostStore> open(const std::string& path, std::string* error);
  ~HostStore();
  bool save(const HostRecord& h);
  std::optional<HostRecord> find(const std::string& name) const;
  std::vector<HostRecord> list() const;
  // Known host keys by "address:port".
  std::optional<std::string> known_key(const std::string& address, int port) const;
  void remember_key(const std::string& address, int port, const std::string& fingerprint);

 private:
  explicit HostStore(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Connects and authenticates. The host key must be the known one; an
// unknown one is accepted (and remembered) only if it equals `confirmed`.
std::unique_ptr<Host> connect_ssh(const HostRecord& h, HostStore& known, const std::string& confirmed,
                                  HostError* error);
// The host named `name` ("local" is this machine), connected.
std::unique_ptr<Host> open_host(const std::string& name, HostStore& hosts, HostError* error);

}  // namespace consortia::console
