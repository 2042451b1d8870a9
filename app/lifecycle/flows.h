// The node lifecycle as runbooks: join, exit, backup, restore, migration
// and certificate renewal, each a list of idempotent steps (model/runbook.h) that act on
// hosts (hosts.h) and on the chain through its agents (network_access.h).
// The dangerous step is refused before it happens: a membership change
// that would leave the live validators short of a quorum, a host without
// the disk, ports or clock a node needs, a node identity that would run on
// two hosts.
#pragma once

#include <functional>
#include <variant>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lifecycle/hosts.h"
#include "lifecycle/network_access.h"
#include "model/runbook.h"

namespace consortia::console {

struct LifecycleEnv {
  RunbookStore& runbooks;
  HostStore& hosts;
  NetworkAccess& network;
  std::string archive_dir;  // where backups and retired nodes' archives go by default
  std::function<void(const RunbookRecord&)> changed;  // progress, after every record change
  std::optional<std::string> ca_passphrase;           // for an encrypted organisation CA key
};

struct JoinRequest {
  std::string name, organisation, host = "local", dir;  // dir: default /var/lib/consortia/NAME, or the sandbox's nodes/NAME
  bool validator = false;
  double timeout_s = 300;
  std::string ca_key;  // the organisation CA's key file; default: the network directory's
  std::vector<int> ports;  // P2P, API, metrics; default: three free ones from 27100 up
};
struct ExitRequest {
  std::string name, archive;  // archive: default in archive_dir
  double timeout_s = 300;
};
struct BackupRequest {
  std::string name, out;
};
struct RestoreRequest {
  std::string name, from, host, dir;  // host, dir: default where the node runs
  double timeout_s = 300;
};
struct MigrateRequest {
  std::string name, to, dir;
  double timeout_s = 300;
};
// A node's TLS certificate signed again for the keys it has, and taken into
// use by restarting its agent.
struct RenewRequest {
  std::string name;
  std::string ca_key;  // the organisation CA's key file; default: the network directory's
  double timeout_s = 300;
};

// Each checks what it can at once (the node exists, names are free) and
// creates the runbook: its id, or the refusal {code, detail}.
struct Refusal {
  std::string code, detail;
};
std::variant<int64_t, Refusal> create_join(LifecycleEnv& env, const JoinRequest& r);
std::variant<int64_t, Refusal> create_exit(LifecycleEnv& env, const ExitRequest& r);
std::variant<int64_t, Refusal> create_backup(LifecycleEnv& env, const BackupRequest& r);
std::variant<int64_t, Refusal> create_restore(LifecycleEnv& env, const RestoreRequest& r);
std::variant<int64_t, Refusal> create_migrate(LifecycleEnv& env, const MigrateRequest& r);
std::variant<int64_t, Refusal> create_renew(LifecycleEnv& env, const RenewRequest& r);

// Runs (or resumes) a runbook in this process.
RunbookState run_lifecycle(LifecycleEnv& env, int64_t id, std::string* why_not);

// ---- hosts ----

struct HostProbe {
  std::string os, kernel, hostname, agent_version;
  uint64_t free_bytes = 0;
  int64_t clock_offset_ms = 0, rtt_ms = 0;  // the host's clock minus ours, measured within ± rtt/2
  std::set<int> listening;                   // TCP ports something listens on
  bool systemd = false, dir_exists = false;
};
Result<HostProbe> probe_host(Host& host, const std::string& dir, const std::string& agent_path);

struct HostFinding {
  std::string code, detail;  // disk_low, port_taken, clock_off, clock_refused, agent_version
};
struct HostVerdict {
  std::vector<HostFinding> refusals, warnings;
  bool ok() const { return refusals.empty(); }
};
inline constexpr uint64_t kMinFreeBytes = uint64_t{256} << 20;
inline constexpr int64_t kClockWarnMs = 1000;
inline constexpr int64_t kClockRefuseMs = 300'000;  // a proposal's lifetime at the chain's block interval
HostVerdict judge_host(const HostProbe& p, const std::vector<int>& ports, uint64_t min_free_bytes,
                       const std::string& our_version);

}  // namespace consortia::console
