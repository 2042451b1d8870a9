// Governance in a scenario: one admin key per organisation, proposals from
// the timeline (add an observer, promote, demote, remove, schedule or cancel
// an upgrade, change parameters) submitted by the first organisation and
// approved by as many others as the threshold needs once committed; each
// outcome recorded in the report.
#pragma once

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "chain/genesis.h"
#include "sim/instance.h"
#include "sim/report.h"
#include "sim/sim_crypto.h"

namespace consortia::sim {

class GovernanceDriver {
 public:
  // Hands a governance transaction to every running honest instance.
  using Everywhere = std::function<void(const TxPtr& tx, int64_t t_us)>;

  GovernanceDriver(const Scenario& sc, const SimCrypto& crypto, const Genesis& genesis, Report& report,
                   Everywhere everywhere, ChainOf chain)
      : sc_(sc), crypto_(crypto), genesis_(genesis), report_(report), everywhere_(std::move(everywhere)),
        chain_(std::move(chain)) {}

  // The scenario's organisations, each with its admin key, for genesis.
  std::vector<Organisation> organisations();
  // A kGovernance timeline event at the committed height.
  void propose(const TimelineEvent& ev, int64_t t, const std::vector<Instance>& inst, uint64_t committed_height);
  // The outcome of a committed governance transaction (canonical chain).
  void learn(const Transaction& tx, const StateSnapshot& state, uint64_t height, int64_t t);

 private:
  struct Task {
    std::string action;
    Hash32 proposal;         // the proposing transaction
    std::vector<TxPtr> txs;  // proposal, then approvals once it is committed
    bool approvals_sent = false;
    size_t outcome = 0;      // index into report.governance
  };
  TxPtr admin_tx(int org, const GovOp& op);

  const Scenario& sc_;
  const SimCrypto& crypto_;
  const Genesis& genesis_;
  Report& report_;
  Everywhere everywhere_;
  ChainOf chain_;
  std::vector<std::unique_ptr<Signer>> admins_;
  std::vector<uint64_t> admin_nonce_;
  std::vector<Task> tasks_;
  std::unordered_map<Hash32, size_t> task_of_tx_;
};

}  // namespace consortia::sim
