// Governance proposals as the Proposals page shows them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace consortia::console {

struct ProposalView {
  std::string id_hex, action, proposer, status;  // status: open, enacted, withdrawn, expired
  // What it acts on: a node (its name once known, else its id), a joining
  // node ("name (organisation)"), or an upgrade plan.
  std::string target;
  std::vector<std::string> approvals;            // organisations, the proposer's first
  uint64_t created = 0, expires = 0;             // heights
};

}  // namespace consortia::console
