// Hard-fork upgrades as a runbook (model/runbook.h): a release is staged on
// every node's host (the agents' StageBinary, checked against its SHA-256),
// then the `upgrade` runbook checks readiness, switches one canary node to
// it and then the others one at a time (each gated on health; validators
// last; never more than one validator down, never below a quorum of live
// validators), proposes the plan through governance at a height computed
// from the measured block rate, and watches the chain reach it. The new
// binary runs the old protocol until the height, so every node switches
// before the plan activates and none halts. `rollback` before activation
// cancels the plan and switches the nodes back; after it there is no
// rollback of a chain, and it says so.
#pragma once

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "lifecycle/flows.h"

namespace consortia::console {

// A plan at least this many blocks above the current height (the chain's
// own minimum is GovernanceLimits::kMinUpgradeLead).
inline constexpr uint64_t kUpgradeMarginBlocks = 30;

// Streams `binary` to every node (or those named) as `release`; one entry
// per node: {node, ok, sha256 | error {code, message}}. `progress` is told
// (node, bytes sent, total) as it goes.
nlohmann::json stage_release(NetworkAccess& net, const std::string& binary, const std::string& release,
                             const std::vector<std::string>& nodes,
                             const std::function<void(const std::string&, uint64_t, uint64_t)>& progress);

// Nodes × (role, running version and binary, protocols, staged, supervised,
// health), asked of the agents now.
nlohmann::json readiness_matrix(NetworkAccess& net);

struct UpgradeRequest {
  std::string plan;      // the plan's name, used once on a chain
  std::string release;   // the staged release to switch to (StageBinary's version)
  uint32_t protocol = 0; // 0: the one after the protocol in force
  uint64_t height = 0;   // 0: in_s from the measured block rate
  double in_s = 120;
  std::string canary;    // empty: an observer if there is one, else a validator
  uint64_t gate_blocks = 5;  // a switched node commits this many blocks before the next
  double timeout_s = 300;    // for each wait
};
// Checks what can be checked at once and creates the runbook (not run).
std::variant<int64_t, Refusal> create_upgrade(LifecycleEnv& env, const UpgradeRequest& r);
// The rollback of the upgrade runbook `upgrade_id` (before activation).
std::variant<int64_t, Refusal> create_upgrade_rollback(LifecycleEnv& env, int64_t upgrade_id);
// The newest upgrade runbook of that plan on this network, if any.
std::optional<RunbookRecord> find_upgrade(LifecycleEnv& env, const std::string& plan);

// Whether the validators live enough (reachable, not halted, not lagging)
// keep a quorum if `leaving` goes down now; `why` says the count.
bool quorum_without(const NetworkState& s, const std::string& leaving, std::string& why);
// Waits, up to timeout_s, until quorum_without(`leaving`) holds: fails
// quorum_at_risk (with the count) when it never does.
StepResult wait_for_quorum_without(StepContext& ctx, NetworkAccess& net, const std::string& leaving, double timeout_s);

// The steps of kinds "upgrade" and "rollback" (run_lifecycle runs them).
std::vector<StepDef> upgrade_steps(LifecycleEnv& env);
std::vector<StepDef> rollback_steps(LifecycleEnv& env);

}  // namespace consortia::console
