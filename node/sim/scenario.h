// What a simulation run is: nodes, network conditions, a fault timeline, the
// workload and the checks. Read from a scenario file (JSON, in
// resources/scenarios/) and/or the consortia-sim command line, which wins.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "consensus/hotstuff.h"
#include "core/result.h"

namespace consortia::sim {

enum class ByzantineKind { kNone, kTwins, kEquivocate, kDoubleVote, kSilent, kForge };
const char* byzantine_name(ByzantineKind k);
Result<ByzantineKind> parse_byzantine(std::string_view name);

struct ByzantineSpec {
  ByzantineKind kind = ByzantineKind::kNone;
  int count = 0;
  std::vector<int> validators;  // explicit choice; otherwise drawn from the seed
};

// One step of the fault timeline. Nodes are instance indices: validators are
// 0..n-1 in genesis order, observers n..n+o-1, and the twin of validator v
// (Twins) is n + o + its rank among the twinned validators.
struct TimelineEvent {
  enum class Type {
    kPartition,      // groups: links between different groups are cut
    kIsolate,        // nodes: cut from everyone
    kIsolateLeader,  // the leader of the current view, as most nodes see it
    kOneWay,         // from -> to cut, the other direction kept
    kHeal,           // all cuts removed
    kFlap,           // nodes isolated and reconnected every period until `until`
    kLinkRule,       // rule on the egress of `nodes` (all when empty)
    kClearLinks,     // all link rules removed
    kCrash,
    kRestart,
    kClockSkew,      // nodes' clocks moved by skew_ms
    kGovernance,     // a proposal by the first organisation, approved by as many
                     // others as the threshold needs once it is committed
    kUpgradeSoftware,  // nodes restart running software with the newest protocol
  };
  double at_s = 0;
  Type type = Type::kHeal;
  std::vector<std::vector<int>> groups;
  std::vector<int> nodes;
  std::vector<int> from, to;
  std::string rule;
  double period_s = 1, until_s = 0;
  int64_t skew_ms = 0;
  // kGovernance: action (add-observer, promote, demote, remove, upgrade,
  // cancel-upgrade, set-params) on nodes[0]; an upgrade plan named `plan`
  // for `version` activates `after_blocks` above the committed height.
  std::string action;
  std::string plan;
  uint32_t version = 2;
  uint64_t after_blocks = 100;
  uint32_t min_block_interval_ms = 0;  // set-params
};

struct Scenario {
  std::string name = "command-line";
  int nodes = 4;
  double seconds = 30;
  double tps = 100;
  uint64_t seed = 1;
  std::string suite = "ed25519-sha256";
  uint32_t protocol = kMaxProtocolVersion;  // genesis protocol version
  std::optional<bool> modelled_crypto;  // default: modelled above 10 nodes
  bool noop = false;                    // 8-byte no-op transactions
  bool custody = false;                 // fund custody transfers, with double-spend attempts
  size_t payload_bytes = 64;
  int entry_nodes = 0;                  // validators taking client traffic; 0 = automatic
  int observers = 0;                    // non-voting members in genesis (instances n..n+o-1)
  int organisations = 4;                // validator v belongs to organisation v mod this
  std::vector<int> start_down;          // instances not started until a restart event
  std::vector<int> old_software;        // instances that implement protocol version 1 only
                                        // (needs a genesis on protocol 1)
  // Expected outcomes: governance results in order ("enacted", "open",
  // "refused:<reason>") and instances halted for an upgrade at the end.
  std::vector<std::string> expect_governance;
  std::optional<std::vector<int>> expect_halted;
  std::vector<std::string> link_rules;  // on every link for the whole run
  double latency_min_ms = 2, latency_max_ms = 10;  // per-link base latency, uniform
  int64_t max_clock_skew_ms = 0;
  int crash = 0;                        // random crash-restarts of honest validators
  std::vector<ByzantineSpec> byzantine;
  std::vector<TimelineEvent> timeline;
  bool expect_liveness = true;
  bool expect_safety = true;            // false for runs meant to break it (>f faults)
  ConsensusConfig consensus;
  size_t max_block_txs = 2000;
  double resubmit_after_s = 5;
  bool keep_chains = false;             // the report lists every instance's block hashes

  int validator_count() const { return nodes; }
};

Result<Scenario> load_scenario_file(const std::string& path);
Result<Scenario> parse_scenario_json(const std::string& text, Scenario base = {});
// Parses the consortia-sim command line onto a scenario (which may come from
// --scenario). Errors are bad input (exit status 2).
struct CliOptions {
  Scenario scenario;
  bool json = false;
  bool quiet = false;
  std::string chains_file;  // --chains FILE: every node's chain as a console recording
  bool help = false;
};
Result<CliOptions> parse_command_line(int argc, const char* const* argv);
const char* usage();

}  // namespace consortia::sim
