// The one place where the agents' API messages (protobuf, proto/) become
// the console's model types. The model and the widgets never see protobuf.
#pragma once

#include <string>

#include "consortia/v1/agent.pb.h"
#include "model/explorer.h"
#include "model/network_state.h"
#include "model/node_detail.h"
#include "model/proposals.h"

namespace consortia::console {

// Raw bytes from the API (ids, hashes) as hex, and back (empty on bad hex).
std::string hex_of(const std::string& raw);
std::string raw_of(const std::string& hex);

// Fills `n` with what the agent said (its identity only where still unknown).
void apply_status(const v1::NodeStatus& st, NodeState& n);
BlockSummary block_summary(const v1::BlockInfo& b);
TxSummary tx_summary(const v1::TransactionInfo& t);
HostFacts host_facts(const v1::HostInfo& h);
ProposalView proposal_view(const v1::ProposalInfo& p);
// One line of the agent's audit log (JSON); fields it lacks stay empty.
AuditEntry audit_entry(const std::string& json_line);

}  // namespace consortia::console
