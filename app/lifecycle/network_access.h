// A network the lifecycle runbooks act on, from its directory (a sandbox,
// or one made with `consortia-agent init`): its nodes, where each runs
// (host and directory, for nodes the runbooks placed), the agents' API with
// each organisation's certificates, and governance through the admins'
// certificates the directory holds.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "consortia/v1/agent.grpc.pb.h"
#include "governance_signer.h"
#include "model/network_state.h"
#include "network.h"

namespace consortia::console {

namespace pb = consortia::v1;

// Where a node runs: the sandbox's own nodes run on this machine from
// <network>/nodes/<name>; a node a runbook placed records its host and
// directory in network.json.
struct NodePlace {
  std::string host = "local";
  std::string dir;    // the node's directory on that host (agent.json, keys, data/)
  std::string agent;  // the consortia-agent binary there
  std::string config() const { return dir + "/agent.json"; }
};

class NetworkAccess {
 public:
  // `agent_binary`: the consortia-agent that runs the sandbox's own nodes
  // here (and is copied to the hosts new nodes join on).
  static Result<std::unique_ptr<NetworkAccess>> open(const std::string& dir, const std::string& agent_binary);
  const std::string& agent_binary() const { return agent_binary_; }

  const agent::NetworkInfo& info() const { return info_; }
  const std::string& dir() const { return info_.dir; }
  std::optional<agent::NetworkEndpoint> node(const std::string& name) const;
  NodePlace place(const std::string& name) const;
  std::vector<std::string> organisations() const;

  // A client of `node`'s API as `role` of `org` (its certificate in the
  // network directory); null when the directory holds none.
  std::unique_ptr<pb::AgentService::Stub> client(const agent::NetworkEndpoint& node, const std::string& org,
                                                 const std::string& role) const;
  // Every node's state (viewer certificates), asked in parallel with a deadline.
  NetworkState poll(double deadline_s = 3) const;
  Result<pb::NodeStatus> status(const std::string& name, double deadline_s = 3) const;

  // ---- equivocation evidence ----
  // What the agents hold, each piece once (by offender, view and kind),
  // checked here rather than believed: the offender's key must hash to the
  // id of a node of this network directory and both signatures verify for
  // this network's chain id (from its own genesis.json), so no agent can
  // frame a validator. Everything shown comes from the verified evidence
  // and the directory; the agent's word only for whether the offender is
  // still a validator. Asked of every node in parallel, as a viewer of its
  // organisation.
  struct ReportedEquivocation {
    std::string offender_hex, offender_name, organisation;  // name, organisation: the directory's
    std::string kind;                                       // proposal or vote
    uint64_t view = 0, first_height = 0, second_height = 0;
    std::string first_block_hex, second_block_hex;
    bool offender_is_validator = false;  // as the agents report it
    std::string encoded;                 // the evidence (of a copy that verified)
    std::vector<std::string> held_by;    // nodes whose copy verified (or, none verifying, that sent one)
    bool verified = false;
    std::string why_not;  // when no copy verified
  };
  struct Equivocations {
    std::vector<ReportedEquivocation> pieces;
    std::vector<std::string> not_answering;  // nodes that gave no list
  };
  Equivocations equivocations(double deadline_s = 3) const;

  // ---- governance ----
  // Signed here with the organisation's governance key from the network
  // directory (orgs/<org>/governance.key) and handed to one of its nodes:
  // agents hold no governance key. An encrypted key is opened with the
  // passphrase given here for it (or for every organisation, `org` empty),
  // else CONSORTIA_ADMIN_PASSPHRASE.
  void set_admin_passphrase(const std::string& p, const std::string& org = "");
  std::string governance_key_file(const std::string& org) const;
  // Proposes as `org`'s admin: the proposal id.
  Result<std::string> propose(const std::string& org, const pb::ProposeRequest& p) const;
  // Read from nodes of other organisations than `avoid` first (the
  // proposer's own nodes are not the ones to believe about its proposal).
  Result<pb::ProposalInfo> proposal(const std::string& id, const std::string& avoid = "") const;
  Result<std::vector<pb::ProposalInfo>> proposals(const std::string& avoid = "") const;
  // One node's list of proposals, as a viewer of its organisation.
  Result<pb::Proposals> proposals_on(const agent::NetworkEndpoint& n) const;
  // The proposal as `org`'s own nodes see it: what that organisation's admin
  // checks before approving (another organisation's node may lie about it).
  Result<pb::ProposalInfo> proposal_seen_by(const std::string& org, const std::string& id) const;
  // Withdraws `org`'s approval (or the proposal, for its proposer).
  Result<std::string> withdraw(const std::string& org, const std::string& id) const;
  // Approves as `org`'s admin: the approving transaction's id.
  Result<std::string> approve(const std::string& org, const std::string& id) const { return vote(org, id, false); }
  // The chain's verdict on a transaction: empty while pending, "ok" when
  // committed, or the reason code it was refused with.
  std::string verdict(const std::string& tx_id, const std::string& avoid = "") const;

  // ---- the record of nodes (network.json) ----
  Status record_node(const nlohmann::json& entry);  // adds or replaces by name
  Status forget_node(const std::string& name);

 private:
  NetworkAccess() = default;
  Status reload();
  // The nodes, those of `avoid` last.
  std::vector<agent::NetworkEndpoint> ordered(const std::string& avoid) const;
  Result<std::string> vote(const std::string& org, const std::string& id, bool withdraw) const;
  // Signs `op` as `org`'s admin and submits it through one of its nodes: the
  // transaction's id.
  Result<std::string> govern(const std::string& org, const GovOp& op) const;
  Result<std::shared_ptr<const agent::AdminKey>> admin_key(const std::string& org) const;
  agent::NetworkInfo info_;
  mutable std::mutex keys_mu_;
  std::map<std::string, std::string> admin_passphrases_;  // by organisation; "" for all
  mutable std::map<std::string, std::shared_ptr<const agent::AdminKey>> admin_keys_;
  std::string agent_binary_;
  nlohmann::json raw_;  // network.json
};

// The health words of `consortia-ctl status`: synced, lagging, syncing,
// halted, unreachable.
std::string health_word(const NodeState& n, uint64_t network_height, int64_t now_ms);

}  // namespace consortia::console
