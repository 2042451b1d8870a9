// What the runbooks' steps share: failing with a reason code, pausing
// without missing a cancel, waiting for a condition, and governance through
// the admins' certificates of the network directory (propose once, approve
// with every organisation, wait for the chain to enact it).
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "lifecycle/network_access.h"
#include "model/runbook.h"

namespace consortia::console::step {

StepResult fail(const std::string& code, const std::string& detail);
StepResult from(const Error& e);
inline const StepResult kCancelled = StepResult::fail("cancelled", "");

// Sleeps in short slices; false when the runbook was cancelled meanwhile.
bool pause(StepContext& ctx, double s);
std::string hex(const std::string& raw);
std::string raw(const std::string& h);
// A name that is also a file name: 1 to 64 letters, digits, '-', '_' or '.',
// not starting with '.' (nodes, plans, releases).
bool plain_name(const std::string& s);
// The reason code an agent's error message starts with ("quorum_at_risk: ..."),
// or "unavailable" when it names none.
std::string reason_of(const std::string& message);
// The highest committed height a reachable node reports.
uint64_t network_height(const NetworkState& s);

// Proposes `req` as `org` (once; the proposal id is kept in vars[key]),
// approves it with every organisation whose admin certificate the network
// directory holds once nodes of other organisations show it is what was
// asked, and waits until the chain enacts it. A refusal by the chain fails
// the step with the chain's reason code.
StepResult govern(StepContext& ctx, NetworkAccess& net, const std::string& key, const std::string& org,
                  const pb::ProposeRequest& req, double timeout_s);

// Waits until `pred` holds (polling every half second), reporting its note
// and fraction as progress.
StepResult wait_for(StepContext& ctx, double timeout_s, const std::string& what,
                    const std::function<bool(Words&, double&)>& pred);

}  // namespace consortia::console::step
