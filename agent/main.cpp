// consortia-agent: one per node host. Subcommands:
//   init     create a network: organisations, CAs, keys, certificates, genesis
//   run      run one node from its agent.json
//   sandbox  a local network of N agents on loopback (the embedded default),
//            or with --simulated N a consortia-sim network serving N agents' API
//   load     submit signed transactions and report throughput and latency
//   keygen, backup, restore, archive, fence, start, stop, safety:
//            a node host's side of the console's runbooks (node_admin.h)
//   supervise, stage, staged, switch: the supervisor and its staged
//            binaries (supervisor.h)
#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "agent.h"
#include "load.h"
#include "node_admin.h"
#include "pki.h"
#include "sandbox.h"
#include "supervisor.h"

using namespace consortia;
using namespace consortia::agent;

namespace {

const char* kUsage = R"(usage:
  consortia-agent init --dir DIR [--nodes N] [--organisations K] [--suite ed25519-sha256|sm2-sm3]
                       [--chain NAME] [--host IP] [--base-port P] [--protocol V]
  consortia-agent init --dir DIR --add-node NAME --organisation ORG [--host IP]
  consortia-agent run --config DIR/nodes/NAME/agent.json [--ignore-tombstone]
  consortia-agent keygen --dir NODE_DIR --name NAME --organisation ORG [--suite SUITE] [--renew]
  consortia-agent backup --config FILE --out ARCHIVE
  consortia-agent restore --config FILE --from ARCHIVE [--min-view V] [--replace]
  consortia-agent archive --config FILE --out ARCHIVE
  consortia-agent fence --config FILE --moved-to HOST
  consortia-agent start --config FILE [--wait S]      (a daemon with DATA/agent.pid)
  consortia-agent stop --config FILE [--grace S]
  consortia-agent safety --config FILE
  consortia-agent unit --config FILE                  (the systemd unit that runs this node)
  consortia-agent supervise --config FILE [--healthy-within S] [--backoff-max S]
      (runs the agent as a child: restarts it after a crash, switches staged binaries and
       switches back when the new one is not healthy within S seconds, 60 by default)
  consortia-agent stage --config FILE --binary PATH --version V [--sha256 HEX]
  consortia-agent staged --config FILE
  consortia-agent switch --config FILE --version V   (asks the running supervisor)
  consortia-agent protect-key --key FILE [--passphrase-file F]
      (encrypts a key file in place, read from F or the environment variable
       CONSORTIA_KEY_PASSPHRASE: the chain's keys (node.key, governance.key) with SM4-CBC under
       PBKDF2-HMAC-SM3, PEM keys (tls.key, an organisation's ca.key) as PKCS#8 with AES-256-CBC;
       the agent reads its keys with the passphrase from the same variable or from
       key_passphrase_file in its configuration)
  consortia-agent --version
  consortia-agent sandbox [--nodes N | --simulated N [--tps R]] [--dir DIR] [--suite SUITE] [--protocol V]
  consortia-agent load [--sandbox DIR] [--agent ADDR|NAME]... [--noop] [--tps R] [--seconds S]
                       [--clients N] [--json]
      (--clients: signing accounts, 64; without --tps, as fast as the chain commits, each agent
       at most N x 512 / agents transactions ahead, within each account's nonce window)
)";

int usage_error(const std::string& why) {
  std::fprintf(stderr, "consortia-agent: %s\n%s", why.c_str(), kUsage);
  return 2;
}

// A host-side command's answer: its JSON on stdout, or one line a runbook can
// show (the error code and the reason) and the reason on stderr, exit 1.
int print_answer(const std::string& cmd, const Result<nlohmann::json>& r) {
  if (!r) {
    std::printf("%s\n", nlohmann::json{{"error", {{"code", error_code_name(r.error().code)},
                                                   {"message", r.error().detail}}}}
                            .dump()
                            .c_str());
    std::fprintf(stderr, "consortia-agent %s: %s\n", cmd.c_str(), r.error().to_string().c_str());
    return 1;
  }
  std::printf("%s\n", r->dump().c_str());
  return 0;
}

int run_agent(const std::string& config, bool ignore_tombstone) {
  auto c = load_agent_config(config);
  if (!c) {
    std::fprintf(stderr, "consortia-agent: %s\n", c.error().to_string().c_str());
    return 2;
  }
  if (auto why = tombstone_reason(c->path(c->data_dir)); !why.empty()) {
    if (!ignore_tombstone) {
      std::fprintf(stderr, "consortia-agent: %s; refusing to start (--ignore-tombstone overrides, at the risk of "
                           "the same node signing from two hosts)\n", why.c_str());
      return 1;
    }
    std::fprintf(stderr, "consortia-agent: warning: %s; starting anyway (--ignore-tombstone)\n", why.c_str());
  }
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // every thread; taken by sigwait below
  signal(SIGPIPE, SIG_IGN);
  auto a = Agent::open(*c);
  if (!a) {
    std::fprintf(stderr, "consortia-agent: %s\n", a.error().to_string().c_str());
    return 1;
  }
  if (auto st = (*a)->start(); !st) {
    std::fprintf(stderr, "consortia-agent: %s\n", st.error().to_string().c_str());
    return 1;
  }
  // So that `consortia-agent stop` (and the console's runbooks) find it.
  std::string pid_file = c->path(c->data_dir) + "/agent.pid";
  (void)write_file(pid_file, std::to_string(getpid()) + "\n");
  int sig = 0;
  sigwait(&set, &sig);
  (*a)->log().info(std::string("stopping on ") + (sig == SIGINT ? "SIGINT" : "SIGTERM"));
  (*a)->stop();
  std::remove(pid_file.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef CONSORTIA_AGENT_MAX_PROTOCOL
  set_software_max_protocol(CONSORTIA_AGENT_MAX_PROTOCOL);
#endif
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::printf("%s", kUsage);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("consortia-agent %s (protocols %u-%u)\n", CONSORTIA_VERSION, kMinProtocolVersion,
                software_max_protocol());
    return 0;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  // "consortia-agent COMMAND --help" asks for the usage, not a command.
  if (std::find(args.begin(), args.end(), "--help") != args.end() ||
      (!args.empty() && args[0] == "-h")) {
    std::printf("%s", kUsage);
    return 0;
  }
  auto value = [&](size_t& i) -> const std::string* {
    if (i + 1 >= args.size()) return nullptr;
    return &args[++i];
  };
  auto number = [](const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end && *end == '\0' && out >= 0;
  };
  if (cmd == "init") {
    InitOptions o;
    o.protocol_version = std::min(o.protocol_version, software_max_protocol());
    std::string add, org;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      double d = 0;
      if (a == "--dir" && (v = value(i))) o.dir = *v;
      else if (a == "--nodes" && (v = value(i)) && number(*v, d)) o.nodes = static_cast<int>(d);
      else if (a == "--organisations" && (v = value(i)) && number(*v, d)) o.organisations = static_cast<int>(d);
      else if (a == "--suite" && (v = value(i))) o.suite = *v;
      else if (a == "--chain" && (v = value(i))) o.chain_name = *v;
      else if (a == "--host" && (v = value(i))) o.host = *v;
      else if (a == "--base-port" && (v = value(i)) && number(*v, d)) o.base_port = static_cast<int>(d);
      else if (a == "--protocol" && (v = value(i)) && number(*v, d)) o.protocol_version = static_cast<uint32_t>(d);
      else if (a == "--add-node" && (v = value(i))) add = *v;
      else if (a == "--organisation" && (v = value(i))) org = *v;
      else return usage_error("init: bad option '" + a + "'");
    }
    if (o.dir.empty()) return usage_error("init needs --dir");
    if (!add.empty()) {
      if (org.empty()) return usage_error("--add-node needs --organisation");
      auto n = add_node(o.dir, add, org, o.host);
      if (!n) {
        std::fprintf(stderr, "consortia-agent init: %s\n", n.error().to_string().c_str());
        return 2;
      }
      std::printf("added %s (node id %s) to %s\npublic key %s\n"
                  "it becomes a member once governance adds it as an observer with this key\n",
                  n->name.c_str(), n->id.hex().c_str(), o.dir.c_str(), to_hex(n->public_key).c_str());
      return 0;
    }
    if (auto st = init_network(o); !st) {
      std::fprintf(stderr, "consortia-agent init: %s\n", st.error().to_string().c_str());
      return 2;
    }
    std::printf("created a %d-node network in %s\n", o.nodes, o.dir.c_str());
    return 0;
  }
  if (cmd == "protect-key") {
    std::string key_file, pass_file;
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i] == "--key" && i + 1 < args.size()) key_file = args[++i];
      else if (args[i] == "--passphrase-file" && i + 1 < args.size()) pass_file = args[++i];
      else return usage_error("protect-key: unknown option '" + args[i] + "'");
    }
    if (key_file.empty()) return usage_error("protect-key needs --key FILE");
    AgentConfig c;
    // Relative to where the command runs (a configuration's is to its directory).
    c.key_passphrase_file = pass_file.empty() ? "" : std::filesystem::absolute(pass_file).string();
    auto fail = [](const std::string& why) {
      std::fprintf(stderr, "consortia-agent protect-key: %s\n", why.c_str());
      return 2;
    };
    auto pass = key_passphrase(c);
    if (!pass) return fail("--passphrase-file: cannot read " + pass_file);
    if (pass->empty()) return fail("no passphrase: give --passphrase-file F or CONSORTIA_KEY_PASSPHRASE");
    // Through a symbolic link, the file it names is replaced (not the link,
    // which would leave the plain key where it points).
    std::error_code ec;
    std::string target = std::filesystem::canonical(key_file, ec).string();
    if (ec) return fail(key_file + ": " + ec.message());
    auto text = read_file(target);
    if (!text) return fail(text.error().detail);
    std::string sealed;
    if (text->find("-----BEGIN") != std::string::npos) {
      // A PEM key: a TLS key, or an organisation's CA key.
      if (text->find("ENCRYPTED") != std::string::npos) return fail(key_file + " is encrypted already");
      auto enc = encrypt_private_key(*text, *pass);
      if (!enc) return fail(key_file + ": " + enc.error().detail);
      sealed = *enc;
    } else {
      auto key = decode_key_file(*text, "");
      if (!key) {
        if (key.error().detail.find("encrypted") != std::string::npos) return fail(key_file + " is encrypted already");
        return fail(key_file + ": " + key.error().detail);
      }
      sealed = encode_key_file(*key->suite, *key->signer, *pass);
    }
    if (auto st = write_file(target, sealed, true); !st) {
      std::fprintf(stderr, "consortia-agent protect-key: %s\n", st.error().to_string().c_str());
      return 1;
    }
    std::printf("%s is encrypted\n", key_file.c_str());
    return 0;
  }
  if (cmd == "run") {
    bool ignore = args.size() == 3 && args[2] == "--ignore-tombstone";
    if ((args.size() != 2 && !ignore) || args[0] != "--config") return usage_error("run needs --config FILE");
    return run_agent(args[1], ignore);
  }
  if (cmd == "unit") {
    if (args.size() != 2 || args[0] != "--config") return usage_error("unit needs --config FILE");
    auto c = load_agent_config(args[1]);
    if (!c) return usage_error(c.error().to_string());
    std::error_code ec;
    std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    std::printf("%s", systemd_unit(c->name, self, std::filesystem::absolute(args[1]).string()).c_str());
    return 0;
  }
  if (cmd == "keygen" || cmd == "backup" || cmd == "restore" || cmd == "fence" || cmd == "start" || cmd == "stop" || cmd == "archive" ||
      cmd == "safety") {
    std::string config, dir, name, org, suite = "ed25519-sha256", out, from, moved_to;
    double wait = 30, grace = 10;
    uint64_t min_view = 0;
    bool replace = false, renew = false;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      if (a == "--config" && (v = value(i))) config = *v;
      else if (a == "--dir" && (v = value(i))) dir = *v;
      else if (a == "--name" && (v = value(i))) name = *v;
      else if (a == "--organisation" && (v = value(i))) org = *v;
      else if (a == "--suite" && (v = value(i))) suite = *v;
      else if (a == "--out" && (v = value(i))) out = *v;
      else if (a == "--from" && (v = value(i))) from = *v;
      else if (a == "--moved-to" && (v = value(i))) moved_to = *v;
      else if (a == "--replace") replace = true;
      else if (a == "--renew" && cmd == "keygen") renew = true;
      else if (a == "--wait" && (v = value(i)) && number(*v, wait)) {}
      else if (a == "--grace" && (v = value(i)) && number(*v, grace)) {}
      else if (a == "--min-view" && (v = value(i)) && !v->empty() && v->find_first_not_of("0123456789") == std::string::npos &&
               v->size() < 20)
        min_view = std::stoull(*v);
      else return usage_error(cmd + ": bad option '" + a + "'");
    }
    bool needs_config = cmd != "keygen";
    if (needs_config && config.empty()) return usage_error(cmd + " needs --config FILE");
    if (cmd == "keygen" && dir.empty()) return usage_error("keygen needs --dir");
    if ((cmd == "backup" || cmd == "archive") && out.empty()) return usage_error("backup needs --out ARCHIVE");
    if (cmd == "restore" && from.empty()) return usage_error("restore needs --from ARCHIVE");
    if (cmd == "fence" && moved_to.empty()) return usage_error("fence needs --moved-to HOST");
    Result<nlohmann::json> r = cmd == "keygen"    ? keygen(dir, name, org, suite, renew)
                               : cmd == "backup"  ? backup_node(config, out)
                               : cmd == "restore" ? restore_node(config, from, min_view, replace)
                               : cmd == "archive" ? archive_node(config, out)
                               : cmd == "fence"   ? fence_node(config, moved_to)
                               : cmd == "start"   ? start_daemon(config, wait)
                               : cmd == "stop"    ? stop_daemon(config, grace)
                                                  : safety_of(config);
    return print_answer(cmd, r);
  }
  if (cmd == "supervise") {
    SuperviseOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      if (a == "--config" && (v = value(i))) o.config = *v;
      else if (a == "--healthy-within" && (v = value(i)) && number(*v, o.healthy_within_s)) {}
      else if (a == "--backoff-max" && (v = value(i)) && number(*v, o.backoff_max_s)) {}
      else return usage_error("supervise: unknown or incomplete option " + a);
    }
    if (o.config.empty()) return usage_error("supervise needs --config FILE");
    return supervise(o);
  }
  if (cmd == "stage" || cmd == "staged" || cmd == "switch") {
    std::string config, binary, version, sum;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      if (a == "--config" && (v = value(i))) config = *v;
      else if (a == "--binary" && (v = value(i))) binary = *v;
      else if (a == "--version" && (v = value(i))) version = *v;
      else if (a == "--sha256" && (v = value(i))) sum = *v;
      else return usage_error(cmd + ": unknown or incomplete option " + a);
    }
    if (config.empty()) return usage_error(cmd + " needs --config FILE");
    if (cmd == "stage" && (binary.empty() || version.empty())) return usage_error("stage needs --binary and --version");
    if (cmd == "switch" && version.empty()) return usage_error("switch needs --version");
    Result<nlohmann::json> r = cmd == "stage"    ? stage_binary(config, binary, version, sum)
                               : cmd == "switch" ? request_switch(config, version)
                                                 : staged_binaries(config);
    return print_answer(cmd, r);
  }
  if (cmd == "sandbox") {
    SandboxOptions o;
    o.protocol_version = std::min(o.protocol_version, software_max_protocol());
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      double d = 0;
      if (a == "--nodes" && (v = value(i)) && number(*v, d) && d >= 1 && d <= 256) o.nodes = static_cast<int>(d);
      else if (a == "--simulated" && (v = value(i)) && number(*v, d) && d >= 4 && d <= 256) {
        o.simulated = true;
        o.nodes = static_cast<int>(d);
      } else if (a == "--tps" && (v = value(i)) && number(*v, d)) o.tps = d;
      else if (a == "--dir" && (v = value(i))) o.dir = *v;
      else if (a == "--suite" && (v = value(i))) o.suite = *v;
      else if (a == "--protocol" && (v = value(i)) && number(*v, d) && d >= kMinProtocolVersion &&
               d <= software_max_protocol())
        o.protocol_version = static_cast<uint32_t>(d);
      else return usage_error("sandbox: bad option '" + a + "'");
    }
    return run_sandbox(o);
  }
  if (cmd == "load") {
    LoadOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string* v = nullptr;
      double d = 0;
      if (a == "--sandbox" && (v = value(i))) o.network_dir = *v;
      else if (a == "--agent" && (v = value(i))) o.agents.push_back(*v);
      else if (a == "--noop") o.noop = true;
      else if (a == "--tps" && (v = value(i)) && number(*v, d) && d > 0) o.tps = d;
      else if (a == "--seconds" && (v = value(i)) && number(*v, d) && d > 0) o.seconds = d;
      else if (a == "--clients" && (v = value(i)) && number(*v, d) && d >= 1 && d <= 100000) o.clients = static_cast<int>(d);
      else if (a == "--json") o.json = true;
      else return usage_error("load: bad option '" + a + "'");
    }
    if (o.network_dir.empty()) o.network_dir = default_sandbox_dir();
    return run_load(o);
  }
  return usage_error("unknown command '" + cmd + "'");
}
