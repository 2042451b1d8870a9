// The supervisor: `consortia-agent supervise --config FILE` runs the node's
// agent as a child, restarts it after a crash with backoff, and switches it
// between staged binaries, switching back when a new binary does not become
// healthy in time. Everything lives under the node's data directory:
//
//   binaries/<version>/consortia-agent   staged binaries (stage_binary)
//   binaries/<version>/sha256            and their SHA-256, hex
//   current -> binaries/<version>        the binary the supervisor runs (none:
//                                        the supervisor's own binary)
//   health.json                          written by the agent every second
//   supervisor/pid                       the supervisor's process id
//   supervisor/switch                    a switch request: the version
//   supervisor/state.json                current, previous, restarts, history
//   supervisor/supervisor.log            what it did and why, one line each
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace consortia::agent {

struct SuperviseOptions {
  std::string config;                // the node's agent.json
  double healthy_within_s = 60;      // a switched binary must be healthy by then
  double backoff_initial_s = 1;      // after a crash; doubles up to the maximum
  double backoff_max_s = 60;
  double stable_after_s = 60;        // a run this long resets the backoff
  double stop_grace_s = 30;          // SIGTERM, then SIGKILL
};

// Runs until SIGTERM or SIGINT (the child is stopped first), or until the
// agent exits 0, 1 or 2 on its own: stopped on purpose, fenced, or a bad
// configuration, none of which a restart mends. Returns the exit status.
int supervise(const SuperviseOptions& o);

// What the agent reports for the supervisor's health check (health.json).
struct HealthReport {
  int64_t pid = 0;
  uint64_t unix_ms = 0;
  std::string api;            // the bound API address; empty until it serves
  uint64_t height = 0;
  uint64_t best_peer_height = 0;
  bool validator = false;
  uint64_t last_voted_view = 0;
  std::string halted;
  std::string version;        // the agent's version
  uint32_t max_protocol = 0;  // the newest protocol this binary implements
  nlohmann::json to_json() const;
  static HealthReport from_json(const nlohmann::json& j);
};
Status write_health(const std::string& data_dir, const HealthReport& h);

// Whether a binary that started at `since` (its first report `first`) is
// healthy now: it serves its API, is not halted, is within a few blocks of
// its best peer, and, as a validator, has voted since it started. Empty when
// healthy, else why not.
std::string unhealthy_because(const HealthReport& first, const HealthReport& now, int64_t child_pid);

// The host's side of staging: copies `binary` to binaries/<version>/, after
// checking its SHA-256 against `sha256_hex` (when given) and that it runs
// `--version` on this host. Refuses a version already staged with other
// contents.
Result<nlohmann::json> stage_binary(const std::string& config, const std::string& binary,
                                    const std::string& version, const std::string& sha256_hex);
// The staged binaries, which one is current, and the supervisor's state.
Result<nlohmann::json> staged_binaries(const std::string& config);
// Asks the running supervisor to switch to a staged version.
Result<nlohmann::json> request_switch(const std::string& config, const std::string& version);
// The same, given the node's data directory rather than its agent.json.
Result<nlohmann::json> stage_binary_in(const std::string& data_dir, const std::string& binary,
                                       const std::string& version, const std::string& sha256_hex);
Result<nlohmann::json> staged_binaries_in(const std::string& data_dir);
Result<nlohmann::json> request_switch_in(const std::string& data_dir, const std::string& version);
// The SHA-256 of the binary this process runs (hex), computed once.
const std::string& own_binary_sha256();
// Whether a live supervisor runs the node whose data directory this is.
bool supervised(const std::string& data_dir);
// Removes what an upload or a stage cut short left under DATA/binaries
// (called as the agent starts, before it serves).
void clean_staging(const std::string& data_dir);

}  // namespace consortia::agent
