// The outcome of a control call the console made on agents (faults, log
// level), as data: what was asked, of which nodes, and each refusal with
// the agent's reason. The UI words it in the user's language.
#pragma once

#include <string>
#include <vector>

namespace consortia::console {

struct ControlOutcome {
  enum class Action { kApplyFault, kApplyLinkFault, kClearFaults, kPartition, kClearAllFaults, kSetLogLevel };
  Action action = Action::kApplyFault;
  std::vector<std::string> nodes;  // the node asked, or the group partitioned
  std::string peer;                // kApplyLinkFault: the other end of the link
  std::string argument;            // the rule, or the log level
  struct Failure {
    std::string node, organisation;
    bool no_operator = false;  // the console holds no operator certificate for its organisation
    std::string error;         // the agent's error, reason code first
  };
  std::vector<Failure> failures;
  bool ok() const { return failures.empty(); }
};

}  // namespace consortia::console
