// The quorum preview a membership change shows before any proposal is
// sent: validators before and after, f, the quorum, how many validators are
// live now, and whether the live ones reach the new quorum. The chain makes
// the same check when it enacts the change (its refusal quorum_at_risk);
// the console refuses earlier, in the same words.
#pragma once

#include <cstdint>
#include <string>

#include "model/network_state.h"

namespace consortia::console {

enum class MembershipChange { kPromote, kDemote, kRemove };

struct QuorumPreview {
  int validators_before = 0, validators_after = 0;
  int faulty_before = 0, faulty_after = 0;  // f, the faults each set tolerates
  int quorum_before = 0, quorum_after = 0;
  int live_before = 0, live_after = 0;  // validators live now, before and after the change
  // Empty when the change may go ahead; otherwise the chain's reason code:
  // too_few_validators (fewer than 4 after) or quorum_at_risk.
  std::string refusal;
  bool ok() const { return refusal.empty(); }
};

// From what the console sees now: a validator is live when its agent
// answers and it is not halted or lagging. Validators the console cannot
// see count as validators, not live.
QuorumPreview preview_change(const NetworkState& s, const std::string& node, MembershipChange change, int64_t now_ms);

}  // namespace consortia::console
