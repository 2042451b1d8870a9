#include "node_admin.h"

#include "supervisor.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "node_archive.h"
#include "crypto/key_file.h"
#include "network.h"
#include "pki.h"
#include "storage/sqlite_block_store.h"

namespace consortia::agent {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error bad(const std::string& what) { return make_error(ErrorCode::kInvalidArgument, what); }
Error io(const std::string& what) { return make_error(ErrorCode::kStorageIo, what); }

uint64_t now_ms() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

struct NodeFiles {
  AgentConfig config;
  Genesis genesis;
  const CryptoSuite* suite = nullptr;
  Hash32 chain_id;
  std::string data, store;
};

Result<NodeFiles> node_files(const std::string& config) {
  auto c = load_agent_config(config);
  if (!c) return c.error();
  NodeFiles f;
  f.config = *c;
  auto gtext = read_file(c->path(c->genesis));
  if (!gtext) return gtext.error();
  auto g = genesis_from_json(*gtext);
  if (!g) return g.error();
  f.genesis = *g;
  auto suite = suite_by_id(static_cast<uint8_t>(f.genesis.suite));
  if (!suite) return suite.error();
  f.suite = *suite;
  f.chain_id = f.genesis.block(*f.suite)->hash();
  f.data = c->path(c->data_dir);
  f.store = f.data + "/chain.db";
  return f;
}

// What a store holds, checked: the blocks link from the genesis to the tip
// and the state loads against the tip's state root.
struct StoreFacts {
  uint64_t height = 0, last_voted_view = 0;
  Hash32 block_hash, state_root;
};

Result<StoreFacts> check_store(const std::string& path, const NodeFiles& f) {
  auto store = SqliteBlockStore::open(path, *f.suite);
  if (!store) return store.error();
  StoreFacts out;
  out.height = (*store)->tip_height();
  Hash32 parent = f.chain_id;
  for (uint64_t h = 1; h <= out.height; ++h) {
    auto b = (*store)->block_at(h);
    if (!b) return make_error(ErrorCode::kStorageCorrupt, "block " + std::to_string(h) + ": " + b.error().detail);
    if ((*b)->parent_hash() != parent)
      return make_error(ErrorCode::kStorageCorrupt, "block " + std::to_string(h) + " does not link to block " +
                                                        std::to_string(h - 1) + " (another chain, or damaged)");
    parent = (*b)->hash();
    if (h == out.height) out.state_root = (*b)->header().state_root;
  }
  out.block_hash = parent;
  if (out.height > 0) {
    auto st = (*store)->load_state();  // checked against the tip's state root
    if (!st) return make_error(ErrorCode::kStorageCorrupt, "state: " + st.error().detail);
  }
  auto safety = (*store)->load_safety();
  if (!safety) return safety.error();
  if (*safety) out.last_voted_view = (*safety)->last_voted_view;
  return out;
}

// An online copy of a SQLite database through the backup API.
Status copy_database(const std::string& from, const std::string& to) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto close = [&] {
    if (src) sqlite3_close(src);
    if (dst) sqlite3_close(dst);
  };
  if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string why = src ? sqlite3_errmsg(src) : "out of memory";
    close();
    return io("cannot open " + from + ": " + why);
  }
  sqlite3_busy_timeout(src, 5000);
  fs::remove(to);
  if (sqlite3_open(to.c_str(), &dst) != SQLITE_OK) {
    close();
    return io("cannot create " + to);
  }
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) {
    std::string why = sqlite3_errmsg(dst);
    close();
    return io("cannot back up " + from + ": " + why);
  }
  int rc;
  for (int tries = 0;; ++tries) {
    rc = sqlite3_backup_step(b, -1);
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 100) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  std::string why = sqlite3_errmsg(dst);
  close();
  if (rc != SQLITE_DONE) return io("backing up " + from + " failed: " + why);
  return {};
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return s;
}

pid_t read_pid(const std::string& path) {
  std::string s = read_text(path);
  return static_cast<pid_t>(std::atoi(s.c_str()));
}

// Whether `pid` is a live consortia-agent running `config` (not a pid a
// crash left behind and another program reused).
bool agent_alive(pid_t pid, const std::string& config) {
  if (pid <= 0 || ::kill(pid, 0) != 0) return false;
  std::string cmd = read_text("/proc/" + std::to_string(pid) + "/cmdline");
  std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  if (auto p = stat.rfind(')'); p != std::string::npos && p + 2 < stat.size() && stat[p + 2] == 'Z') return false;
  std::vector<std::string> args;
  for (size_t at = 0; at < cmd.size();) {
    size_t end = cmd.find('\0', at);
    args.push_back(cmd.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  bool run = false, same = false;
  std::error_code ec;
  for (size_t i = 0; i < args.size(); ++i) {
    run |= args[i] == "run";
    if (args[i] == "--config" && i + 1 < args.size())
      same = fs::equivalent(args[i + 1], config, ec);
  }
  return run && same;
}

bool port_answers(const std::string& address) {
  auto colon = address.rfind(':');
  if (colon == std::string::npos) return false;
  std::string host = address.substr(0, colon);
  if (host == "0.0.0.0" || host.empty()) host = "127.0.0.1";
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(std::atoi(address.c_str() + colon + 1)));
  if (::inet_pton(AF_INET, host.c_str(), &a.sin_addr) != 1) {
    ::close(fd);
    return false;
  }
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

std::string last_lines(const std::string& path, size_t n) {
  std::string s = read_text(path);
  size_t pos = s.size();
  for (size_t k = 0; k <= n && pos > 0; ++k) {
    pos = s.rfind('\n', pos - 1);
    if (pos == std::string::npos) return s;
  }
  return s.substr(pos + 1);
}

bool systemd_usable() { return fs::exists("/run/systemd/system") && ::geteuid() == 0; }
std::string unit_name(const std::string& node) { return "consortia-agent-" + node + ".service"; }
std::string unit_path(const std::string& node) { return "/etc/systemd/system/" + unit_name(node); }

int system_quiet(const std::vector<std::string>& argv) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    ::execvp(a[0], a.data());
    _exit(127);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

}  // namespace

std::string systemd_unit(const std::string& name, const std::string& agent, const std::string& config) {
  return "[Unit]\n"
         "Description=Consortia agent " + name + "\n"
         "After=network-online.target\n"
         "Wants=network-online.target\n"
         "\n"
         "[Service]\n"
         "Type=simple\n"
         "# The supervisor runs the agent, restarts it after a crash and switches staged\n"
         "# binaries (consortia-agent stage / switch).\n"
         "ExecStart=" + agent + " supervise --config " + config + "\n"
         "Restart=on-failure\n"
         "RestartSec=2\n"
         "# A fenced node (its tombstone) or a bad configuration exits 1 or 2: not restarted.\n"
         "RestartPreventExitStatus=1 2\n"
         "# SIGTERM to the supervisor, which stops the agent; then whatever is left.\n"
         "KillMode=mixed\n"
         "TimeoutStopSec=40\n"
         "LimitNOFILE=65536\n"
         "NoNewPrivileges=yes\n"
         "PrivateTmp=yes\n"
         "ProtectSystem=full\n"
         "\n"
         "[Install]\n"
         "WantedBy=multi-user.target\n";
}

std::string tombstone_reason(const std::string& data_dir) {
  std::string path = data_dir + "/" + kTombstoneFile;
  if (!fs::exists(path)) return "";
  json t = json::parse(read_text(path), nullptr, false);
  if (t.is_discarded() || !t.is_object()) return "this node was moved away (its tombstone " + path + " is unreadable)";
  return t.value("node", std::string("this node")) + " moved to " + t.value("moved_to", std::string("another host")) +
         " at " + t.value("time", std::string("an unknown time"));
}

Result<json> keygen(const std::string& node_dir, const std::string& name, const std::string& organisation,
                    const std::string& suite_name, bool renew) {
  auto suite = suite_by_name(suite_name);
  if (!suite) return suite.error();
  if (name.empty() || organisation.empty()) return bad("keygen needs --name and --organisation");
  if (renew)
    for (const char* f : {"node.key", "tls.key"})
      if (!fs::exists(node_dir + "/" + f))
        return make_error(ErrorCode::kNotFound, node_dir + "/" + f +
                                                    " is missing: a certificate is renewed for the keys a node has, "
                                                    "and a node whose keys are lost joins again as a new node");
  std::error_code ec;
  fs::create_directories(node_dir + "/data", ec);
  if (ec) return io("cannot create " + node_dir + ": " + ec.message());
  if (auto why = tombstone_reason(node_dir + "/data"); !why.empty())
    return make_error(ErrorCode::kConflict, why + "; this directory is fenced");
  std::string key_path = node_dir + "/node.key";
  std::unique_ptr<Signer> signer;
  if (fs::exists(key_path)) {
    auto text = read_file(key_path);
    if (!text) return text.error();
    const char* pass = std::getenv("CONSORTIA_KEY_PASSPHRASE");
    auto k = decode_key_file(*text, pass ? pass : "");
    if (!k) return make_error(k.error().code, key_path + ": " + k.error().detail);
    if (k->suite != *suite) return bad(key_path + " is a key of another suite");
    signer = std::move(k->signer);
  } else {
    signer = (*suite)->generate();
    if (auto st = write_file(key_path, encode_key_file(**suite, *signer, ""), true); !st) return st.error();
  }
  NodeId id = (*suite)->node_id(signer->public_key());
  std::string tls_key_path = node_dir + "/tls.key";
  std::string tls_key;
  if (fs::exists(tls_key_path)) {
    auto t = read_file(tls_key_path);
    if (!t) return t.error();
    tls_key = *t;
    if (tls_key.find("ENCRYPTED") != std::string::npos) {
      // Encrypted with protect-key: opened with the node key's passphrase,
      // in memory only (the file stays as it is).
      const char* pass = std::getenv("CONSORTIA_KEY_PASSPHRASE");
      auto plain = read_private_key(tls_key, pass ? pass : "");
      if (!plain)
        return make_error(ErrorCode::kInvalidArgument,
                          tls_key_path + " is encrypted: give its passphrase in CONSORTIA_KEY_PASSPHRASE (" +
                              plain.error().detail + ")");
      tls_key = *plain;
    }
  }
  auto req = make_request({id.hex(), organisation, "node"}, tls_key);
  if (!req) return req.error();
  if (tls_key.empty())
    if (auto st = write_file(tls_key_path, req->key_pem, true); !st) return st.error();
  return json{{"name", name},
              {"organisation", organisation},
              {"node_id", id.hex()},
              {"public_key", to_hex(signer->public_key())},
              {"request", req->certificate_pem}};
}

Result<json> backup_node(const std::string& config, const std::string& out) {
  auto f = node_files(config);
  if (!f) return f.error();
  if (!fs::exists(f->store)) return make_error(ErrorCode::kNotFound, "no store at " + f->store);
  std::string copy = out + ".store";
  if (auto st = copy_database(f->store, copy); !st) return st.error();
  auto facts = check_store(copy, *f);
  if (!facts) {
    fs::remove(copy);
    return make_error(facts.error().code, "the copy does not check: " + facts.error().detail);
  }
  json manifest{{"format", "consortia-node-backup"},
                {"version", 1},
                {"node", f->config.name},
                {"organisation", f->config.organisation},
                {"chain_id", f->chain_id.hex()},
                {"height", facts->height},
                {"block_hash", facts->block_hash.hex()},
                {"state_root", facts->state_root.hex()},
                {"last_voted_view", facts->last_voted_view},
                {"created_ms", now_ms()}};
  if (auto key = load_key(f->config, f->config.signing_key); key)
    manifest["node_id"] = f->suite->node_id(key->signer->public_key()).hex();
  auto st = write_archive(out, manifest, {{"store.sqlite", copy}});
  fs::remove(copy);
  for (const char* sfx : {"-wal", "-shm"}) fs::remove(copy + sfx);
  if (!st) return st.error();
  manifest.erase("files");
  manifest["archive"] = fs::absolute(out).string();
  auto sum = sha256_file(out);
  if (sum) manifest["archive_sha256"] = *sum;
  return manifest;
}

Result<json> restore_node(const std::string& config, const std::string& archive, uint64_t min_view, bool replace) {
  auto f = node_files(config);
  if (!f) return f.error();
  if (auto why = tombstone_reason(f->data); !why.empty())
    return make_error(ErrorCode::kConflict, why + "; a fenced directory is not restored into");
  std::string work = f->data + "/restore.partial";
  std::error_code ec;
  fs::remove_all(work, ec);
  auto manifest = read_archive(archive, work);
  if (!manifest) {
    fs::remove_all(work, ec);
    return manifest.error();
  }
  auto fail = [&](ErrorCode code, const std::string& why) -> Result<json> {
    fs::remove_all(work, ec);
    return make_error(code, why);
  };
  const json& m = *manifest;
  if (m.value("format", "") != "consortia-node-backup") return fail(ErrorCode::kMalformed, archive + " is not a node backup");
  if (m.value("chain_id", "") != f->chain_id.hex())
    return fail(ErrorCode::kConflict, archive + " is a backup of another chain");
  if (m.value("node", "") != f->config.name)
    return fail(ErrorCode::kConflict, archive + " is a backup of " + m.value("node", std::string("another node")) +
                                          ", not " + f->config.name);
  auto facts = check_store(work + "/store.sqlite", *f);
  if (!facts) return fail(ErrorCode::kStorageCorrupt, "the backup's store does not check: " + facts.error().detail);
  if (facts->height != m.value("height", uint64_t{0}) || facts->block_hash.hex() != m.value("block_hash", "") ||
      facts->state_root.hex() != m.value("state_root", ""))
    return fail(ErrorCode::kStorageCorrupt, "the backup's store is not what its manifest says (height, block hash "
                                            "or state root)");
  uint64_t floor = std::max<uint64_t>(min_view, m.value("last_voted_view", uint64_t{0}));
  std::string kept;
  // What the store being replaced voted: the floor never goes below it.
  if (fs::exists(f->store))
    if (auto old = SqliteBlockStore::open(f->store, *f->suite))
      if (auto safety = (*old)->load_safety(); safety && *safety)
        floor = std::max(floor, (*safety)->last_voted_view);
  if (fs::exists(f->store)) {
    // Done before (an interrupted restore that got this far), or a store of its own.
    auto existing = check_store(f->store, *f);
    bool same = existing && existing->block_hash == facts->block_hash && existing->height == facts->height;
    if (!same && replace) {
      if (pid_t pid = read_pid(f->data + "/agent.pid"); agent_alive(pid, config))
        return fail(ErrorCode::kConflict, f->config.name + " is running (pid " + std::to_string(pid) +
                                              "); stop it before its store is replaced");
      kept = f->store + ".before-restore-" + std::to_string(now_ms());
      for (const char* sfx : {"", "-wal", "-shm"})
        if (fs::exists(f->store + sfx)) fs::rename(f->store + sfx, kept + sfx, ec);
      if (ec) return fail(ErrorCode::kStorageIo, "cannot move the old store aside: " + ec.message());
    }
  }
  if (fs::exists(f->store)) {
    auto existing = check_store(f->store, *f);
    if (!existing || existing->block_hash != facts->block_hash || existing->height != facts->height)
      return fail(ErrorCode::kConflict, "a store is in " + f->data + " already" +
                                            (existing ? " (height " + std::to_string(existing->height) + ")" : "") +
                                            "; move it away before restoring");
    fs::remove_all(work, ec);
  } else {
    fs::rename(work + "/store.sqlite", f->store, ec);
    if (ec) return fail(ErrorCode::kStorageIo, "cannot install the store: " + ec.message());
    fs::remove_all(work, ec);
  }
  // The double-sign guard: never vote at or below what the source voted.
  auto store = SqliteBlockStore::open(f->store, *f->suite);
  if (!store) return store.error();
  auto safety = (*store)->load_safety();
  if (!safety) return safety.error();
  SafetyState s = safety->value_or(SafetyState{});
  if (s.last_voted_view < floor) {
    s.last_voted_view = floor;
    s.current_view = std::max(s.current_view, floor);
    if (auto st = (*store)->save_safety(s); !st) return st.error();
  }
  json out{{"node", f->config.name},
           {"height", facts->height},
           {"block_hash", facts->block_hash.hex()},
           {"state_root", facts->state_root.hex()},
           {"last_voted_view", s.last_voted_view}};
  if (!kept.empty()) out["previous_store"] = kept;
  return out;
}

Result<json> archive_node(const std::string& config, const std::string& out) {
  auto f = node_files(config);
  if (!f) return f.error();
  if (pid_t pid = read_pid(f->data + "/agent.pid"); agent_alive(pid, config))
    return make_error(ErrorCode::kConflict, f->config.name + " is running (pid " + std::to_string(pid) +
                                                "); its data is archived once it stopped");
  std::vector<ArchiveMember> members;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(f->data, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->symlink_status().type() != fs::file_type::regular) continue;  // links are not followed
    std::string rel = fs::relative(it->path(), f->data).string();
    if (rel.find("restore.partial") == 0 || rel == "agent.pid") continue;
    members.push_back({"data/" + rel, it->path().string()});
  }
  if (ec) return io("cannot list " + f->data + ": " + ec.message());
  uint64_t height = 0;
  if (fs::exists(f->store))
    if (auto facts = check_store(f->store, *f)) height = facts->height;
  json manifest{{"format", "consortia-node-data"}, {"version", 1},         {"node", f->config.name},
                {"chain_id", f->chain_id.hex()},    {"height", height},    {"created_ms", now_ms()}};
  if (auto st = write_archive(out, manifest, members); !st) return st.error();
  manifest["archive"] = fs::absolute(out).string();
  manifest["files"] = members.size();
  return manifest;
}

Result<json> fence_node(const std::string& config, const std::string& moved_to) {
  auto c = load_agent_config(config);
  if (!c) return c.error();
  std::string data = c->path(c->data_dir);
  if (pid_t pid = read_pid(data + "/agent.pid"); agent_alive(pid, config))
    return make_error(ErrorCode::kConflict, c->name + " is still running here (pid " + std::to_string(pid) +
                                                "); stop it before fencing");
  std::string tomb = data + "/" + kTombstoneFile;
  if (!fs::exists(tomb)) {
    std::time_t t = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    json j{{"node", c->name}, {"moved_to", moved_to}, {"time", when}};
    if (auto st = write_file(tomb, j.dump() + "\n"); !st) return st.error();
  }
  std::error_code ec;
  if (systemd_usable() && fs::exists(unit_path(c->name)))
    system_quiet({"systemctl", "disable", unit_name(c->name)});  // the tombstone refuses it anyway
  bool had_key = fs::remove(c->path(c->signing_key), ec);
  fs::remove(c->path(c->tls_key), ec);  // nor its transport identity
  return json{{"node", c->name}, {"fenced", true}, {"key_removed", had_key}, {"reason", tombstone_reason(data)}};
}

Result<json> start_daemon(const std::string& config, double wait_s) {
  auto c = load_agent_config(config);
  if (!c) return c.error();
  std::string data = c->path(c->data_dir);
  if (auto why = tombstone_reason(data); !why.empty())
    return make_error(ErrorCode::kConflict, why + "; it does not start here (consortia-agent run --ignore-tombstone "
                                                  "overrides, at the risk of a double signature)");
  std::string pid_file = data + "/agent.pid";
  if (pid_t pid = read_pid(pid_file); agent_alive(pid, config))
    return json{{"node", c->name}, {"pid", pid}, {"already_running", true}};
  std::string self_path = fs::read_symlink("/proc/self/exe").string();
  if (systemd_usable()) {
    // Where the host runs systemd: a unit, enabled, so that the node comes back after a reboot.
    if (auto st = write_file(unit_path(c->name), systemd_unit(c->name, self_path, fs::absolute(config).string())); !st)
      return st.error();
    if (system_quiet({"systemctl", "daemon-reload"}) != 0 ||
        system_quiet({"systemctl", "enable", "--now", unit_name(c->name)}) != 0)
      return make_error(ErrorCode::kUnavailable, "systemctl could not start " + unit_name(c->name));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_s);
    while (std::chrono::steady_clock::now() < deadline) {
      if (port_answers(c->api_listen))
        return json{{"node", c->name}, {"pid", read_pid(pid_file)}, {"api", c->api_listen}, {"unit", unit_name(c->name)}};
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return make_error(ErrorCode::kUnavailable, c->name + " did not answer on " + c->api_listen +
                                                   " (journalctl -u " + unit_name(c->name) + ")");
  }
  fs::create_directories(data);
  std::error_code stale;
  fs::remove(pid_file, stale);  // not a live agent's (checked above): run writes its own
  std::string log = data + "/stderr.log";
  std::string abs_config = fs::absolute(config).string();
  std::string self = fs::read_symlink("/proc/self/exe").string();
  int tell[2];
  if (::pipe(tell) != 0) return io("pipe failed");
  pid_t first = ::fork();
  if (first < 0) return io("fork failed");
  if (first == 0) {
    ::setsid();
    pid_t second = ::fork();
    if (second != 0) {
      (void)!::write(tell[1], &second, sizeof second);
      _exit(second < 0 ? 1 : 0);
    }
    int in = ::open("/dev/null", O_RDONLY);
    int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (in >= 0) ::dup2(in, 0);
    if (err >= 0) {
      ::dup2(err, 1);
      ::dup2(err, 2);
    }
    for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    ::execl(self.c_str(), "consortia-agent", "supervise", "--config", abs_config.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(tell[1]);
  pid_t daemon = -1;
  if (::read(tell[0], &daemon, sizeof daemon) != static_cast<ssize_t>(sizeof daemon)) daemon = -1;
  ::close(tell[0]);
  int status = 0;
  ::waitpid(first, &status, 0);
  if (daemon <= 0) return io("cannot start the agent as a daemon");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_s);
  // `daemon` is the supervisor; the agent it runs writes agent.pid.
  while (std::chrono::steady_clock::now() < deadline) {
    pid_t agent = read_pid(pid_file);
    if (agent_alive(agent, config) && port_answers(c->api_listen))
      return json{{"node", c->name}, {"pid", agent}, {"supervisor_pid", daemon}, {"api", c->api_listen}};
    if (::kill(daemon, 0) != 0)
      return make_error(ErrorCode::kUnavailable, c->name + " exited at start: " + last_lines(log, 3));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return make_error(ErrorCode::kUnavailable, c->name + " did not answer on " + c->api_listen + " within " +
                                                 std::to_string(static_cast<int>(wait_s)) + " s: " + last_lines(log, 3));
}

Result<json> stop_daemon(const std::string& config, double grace_s) {
  auto c = load_agent_config(config);
  if (!c) return c.error();
  std::string pid_file = c->path(c->data_dir) + "/agent.pid";
  if (systemd_usable() && fs::exists(unit_path(c->name))) system_quiet({"systemctl", "stop", unit_name(c->name)});
  // A supervisor stops its agent itself (and would start a killed one again).
  pid_t supervisor = read_pid(c->path(c->data_dir) + "/supervisor/pid");
  bool was_supervised = supervised(c->path(c->data_dir));
  if (was_supervised) {
    ::kill(supervisor, SIGTERM);
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s + 5);
    while (::kill(supervisor, 0) == 0 && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pid_t pid = read_pid(pid_file);
  if (!agent_alive(pid, config)) {
    std::error_code ec;
    fs::remove(pid_file, ec);
    return json{{"node", c->name}, {"was_running", was_supervised}};
  }
  ::kill(pid, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
  bool killed = false;
  while (agent_alive(pid, config)) {
    if (std::chrono::steady_clock::now() > deadline && !killed) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::error_code ec;
  fs::remove(pid_file, ec);
  return json{{"node", c->name}, {"was_running", true}, {"killed", killed}};
}

Result<json> safety_of(const std::string& config) {
  auto f = node_files(config);
  if (!f) return f.error();
  if (pid_t pid = read_pid(f->data + "/agent.pid"); agent_alive(pid, config))
    return make_error(ErrorCode::kConflict, f->config.name + " is running; its last vote is read once it stopped");
  if (!fs::exists(f->store)) return json{{"node", f->config.name}, {"last_voted_view", 0}, {"height", 0}};
  auto store = SqliteBlockStore::open(f->store, *f->suite);
  if (!store) return store.error();
  auto safety = (*store)->load_safety();
  if (!safety) return safety.error();
  return json{{"node", f->config.name},
              {"last_voted_view", *safety ? (*safety)->last_voted_view : 0},
              {"height", (*store)->tip_height()}};
}

}  // namespace consortia::agent
