// Governance proposals as the Proposals page shows them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace consortia::console {

struct ProposalView {
  std::string id_hex, action, proposer, status;  // status: open, enacted, withdrawn, expired
  std::vector<std::string> approvals;            // organisations, the proposer's first
  uint64_t created = 0, expires = 0;             // heights
};

}  // namespace consortia::console
