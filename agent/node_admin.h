// What a node's host does for the console's runbooks (join, exit, backup,
// restore, migration), as `consortia-agent` subcommands the console runs on
// the host, locally or over SSH. Each prints one JSON object on success and
// is idempotent: running it again after an interruption finishes the job
// or says it is done.
//
//   keygen    the node's chain key and TLS key, made here and never sent
//             anywhere; prints the public key, node id and a certificate
//             request for the organisation's CA to sign
//   backup    an online, consistent copy of the store (SQLite's backup API,
//             safe while the agent runs) in an archive with a manifest:
//             chain id, height, block hash, state root, the last view the
//             node voted in, file sums
//   restore   checks an archive (sums, chain id, blocks linking from the
//             genesis, state root) and installs its store; the node never
//             votes at or below the backup's last voted view, nor below
//             --min-view (the source's final view when it was fenced)
//   archive   a stopped node's whole data directory, for the record when it
//             leaves the network
//   fence     stops a node from ever starting here again: a tombstone
//             saying where it moved, and its signing key removed
//   start     the agent as a detached daemon with a pid file; waits until
//             it listens (or failed, with its last words)
//   stop      SIGTERM to the daemon, SIGKILL after a grace period
//   unit      the systemd unit that runs the agent; where the host runs
//             systemd and this is root, start installs and enables it
//             (consortia-agent-NAME.service) and stop stops it
//   safety    the store's last voted view (read while stopped)
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace consortia::agent {

// The tombstone a fenced node leaves in its data directory.
inline constexpr const char* kTombstoneFile = "MOVED";

// The node's keys (made where missing) and a certificate request for its
// TLS key. `renew`: for a node that has them already: the keys there are
// used and none is made (a missing one is an error, not a new identity).
Result<nlohmann::json> keygen(const std::string& node_dir, const std::string& name, const std::string& organisation,
                              const std::string& suite, bool renew = false);
Result<nlohmann::json> backup_node(const std::string& config, const std::string& out);
// `replace`: a store of its own already there is moved aside (kept as
// chain.db.before-restore-<ms>) rather than refused.
Result<nlohmann::json> restore_node(const std::string& config, const std::string& archive, uint64_t min_view,
                                    bool replace = false);
// The whole data directory of a stopped node (what a retired node leaves).
Result<nlohmann::json> archive_node(const std::string& config, const std::string& out);
Result<nlohmann::json> fence_node(const std::string& config, const std::string& moved_to);
Result<nlohmann::json> start_daemon(const std::string& config, double wait_s);
Result<nlohmann::json> stop_daemon(const std::string& config, double grace_s);
Result<nlohmann::json> safety_of(const std::string& config);
// The unit's text for the node of `config`, run by `agent` (absolute paths).
std::string systemd_unit(const std::string& name, const std::string& agent, const std::string& config);

// Why this node must not start here (its tombstone), or empty.
std::string tombstone_reason(const std::string& data_dir);

}  // namespace consortia::agent
