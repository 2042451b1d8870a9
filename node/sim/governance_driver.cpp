#include "sim/governance_driver.h"

#include "sim/event.h"

namespace consortia::sim {

std::vector<Organisation> GovernanceDriver::organisations() {
  std::vector<Organisation> out;
  for (int o = 0; o < sc_.organisations; ++o) {
    admins_.push_back(crypto_.signer_from_seed(key_seed(sc_.seed, "admin", o)));
    admin_nonce_.push_back(0);
    out.push_back(Organisation{"org-" + std::to_string(o), "Organisation " + std::to_string(o),
                               {admins_.back()->public_key()}, "", false});
  }
  return out;
}

TxPtr GovernanceDriver::admin_tx(int org, const GovOp& op) {
  TxChain chain = chain_();
  return Transaction::create(crypto_, *admins_[static_cast<size_t>(org)], chain,
                             TxKind::kGovernance, admin_nonce_[static_cast<size_t>(org)]++, op.encode());
}

void GovernanceDriver::propose(const TimelineEvent& ev, int64_t t, const std::vector<Instance>& inst,
                               uint64_t committed_height) {
  GovOp op;
  op.kind = GovOp::Kind::kPropose;
  GovAction& a = op.action;
  const Instance* target = ev.nodes.empty() ? nullptr : &inst[static_cast<size_t>(ev.nodes[0])];
  if (ev.action == "add-observer") {
    a.type = GovAction::Type::kAddObserver;
    a.member = Member{target->id, target->signer->public_key(), "node-" + std::to_string(target->index), "org-0",
                      MemberRole::kObserver};
  } else if (ev.action == "promote" || ev.action == "demote" || ev.action == "remove") {
    a.type = ev.action == "promote"  ? GovAction::Type::kPromote
             : ev.action == "demote" ? GovAction::Type::kDemote
                                     : GovAction::Type::kRemove;
    a.node = target->id;
  } else if (ev.action == "upgrade") {
    a.type = GovAction::Type::kUpgrade;
    a.plan = UpgradePlan{ev.plan, committed_height + ev.after_blocks, ev.version,
                         sha256(as_bytes("consortia-node " + ev.plan))};
  } else if (ev.action == "cancel-upgrade") {
    a.type = GovAction::Type::kCancelUpgrade;
    a.plan.name = ev.plan;
  } else if (ev.action == "set-params") {
    a.type = GovAction::Type::kSetParams;
    a.params = genesis_.params;
    if (ev.min_block_interval_ms) a.params.min_block_interval_ms = ev.min_block_interval_ms;
    if (a.params.idle_block_interval_ms < a.params.min_block_interval_ms)
      a.params.idle_block_interval_ms = a.params.min_block_interval_ms;
    a.effective_height = committed_height + ev.after_blocks;
  }
  TxPtr tx = admin_tx(0, op);
  Task task;
  task.action = ev.action + (target ? " node " + std::to_string(target->index) : " " + ev.plan);
  task.proposal = tx->id();
  task.txs.push_back(tx);
  task.outcome = report_.governance.size();
  report_.governance.push_back({at_seconds(t) + " " + task.action, "submitted"});
  task_of_tx_[tx->id()] = tasks_.size();
  tasks_.push_back(std::move(task));
  everywhere_(tx, t);
}

void GovernanceDriver::learn(const Transaction& tx, const StateSnapshot& state, uint64_t h, int64_t t) {
  auto it = task_of_tx_.find(tx.id());
  if (it == task_of_tx_.end()) return;
  Task& task = tasks_[it->second];
  auto& outcome = report_.governance[task.outcome];
  if (const Bytes* r = state.get(StateSnapshot::receipt_key(tx.id())); r && r->size() == 1) {
    outcome.second = std::string("refused:") + error_code_name(static_cast<ErrorCode>((*r)[0]));
    report_.log.push_back(at_seconds(t) + " " + task.action + " refused at height " + std::to_string(h) + ": " +
                          error_code_name(static_cast<ErrorCode>((*r)[0])));
    return;
  }
  const Bytes* pv = state.get(GovProposal::key_for(task.proposal));
  auto p = pv ? GovProposal::decode(*pv) : Result<GovProposal>(make_error(ErrorCode::kNotFound, ""));
  if (p && p->status == GovProposal::Status::kEnacted) {
    if (outcome.second == "enacted") return;
    outcome.second = "enacted";
    report_.log.push_back(at_seconds(t) + " " + task.action + " enacted at height " + std::to_string(h));
    return;
  }
  outcome.second = "open";
  if (task.approvals_sent) return;
  // As many other organisations approve as the threshold needs.
  task.approvals_sent = true;
  for (int org = 1; org < sc_.organisations && !genesis_.config(crypto_).passes(static_cast<size_t>(org)); ++org) {
    GovOp approve;
    approve.kind = GovOp::Kind::kApprove;
    approve.proposal = task.proposal;
    TxPtr a = admin_tx(org, approve);
    task_of_tx_[a->id()] = it->second;
    tasks_[it->second].txs.push_back(a);
    everywhere_(a, t);
  }
}

}  // namespace consortia::sim
