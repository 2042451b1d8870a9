#include "model/quorum_preview.h"

#include <algorithm>

#include "ledger/quorum.h"

namespace consortia::console {

QuorumPreview preview_change(const NetworkState& s, const std::string& node, MembershipChange change,
                             int64_t now_ms) {
  uint64_t top = 0;
  uint32_t reported = 0;  // the validator count nodes report (the chain's, as of their height)
  for (const auto& n : s.nodes)
    if (n.reachable) {
      top = std::max(top, n.height);
      reported = std::max(reported, n.validators);
    }
  int seen = 0, live = 0;
  bool target_validator = false, target_live = false;
  for (const auto& n : s.nodes) {
    bool is_live = health_of(n, top, now_ms) == Health::kSynced;
    if (n.name == node) {
      target_validator = n.role == "validator";
      target_live = is_live;
    }
    if (n.role != "validator") continue;
    ++seen;
    if (is_live) ++live;
  }
  QuorumPreview p;
  p.validators_before = std::max<int>(seen, static_cast<int>(reported));
  p.live_before = live;
  p.validators_after = p.validators_before;
  p.live_after = live;
  if (change == MembershipChange::kPromote && !target_validator) {
    p.validators_after += 1;
    p.live_after += target_live ? 1 : 0;
  } else if (change != MembershipChange::kPromote && target_validator) {
    p.validators_after -= 1;
    p.live_after -= target_live ? 1 : 0;
  }
  p.faulty_before = static_cast<int>(max_faulty(static_cast<size_t>(p.validators_before)));
  p.quorum_before = static_cast<int>(quorum_size(static_cast<size_t>(p.validators_before)));
  p.faulty_after = static_cast<int>(max_faulty(static_cast<size_t>(std::max(p.validators_after, 0))));
  p.quorum_after = static_cast<int>(quorum_size(static_cast<size_t>(std::max(p.validators_after, 0))));
  if (p.validators_after < 4) p.refusal = "too_few_validators";
  else if (p.live_after < p.quorum_after) p.refusal = "quorum_at_risk";
  return p;
}

}  // namespace consortia::console
