#include "lifecycle/lifecycle_text.h"

#include <QCoreApplication>

#include "common/reasons.h"

namespace consortia::console {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

QString runbook_kind_title(const std::string& kind) {
  if (kind == "join") return QCoreApplication::translate("Lifecycle", "Join");
  if (kind == "exit") return QCoreApplication::translate("Lifecycle", "Exit");
  if (kind == "backup") return QCoreApplication::translate("Lifecycle", "Backup");
  if (kind == "restore") return QCoreApplication::translate("Lifecycle", "Restore");
  if (kind == "migrate") return QCoreApplication::translate("Lifecycle", "Migration");
  if (kind == "renew") return QCoreApplication::translate("Lifecycle", "Certificate renewal");
  if (kind == "upgrade") return QCoreApplication::translate("Lifecycle", "Upgrade");
  if (kind == "rollback") return QCoreApplication::translate("Lifecycle", "Upgrade rollback");
  return q(kind);
}

QString runbook_state_title(RunbookState s) {
  switch (s) {
    case RunbookState::kRunning: return QCoreApplication::translate("Lifecycle", "running");
    case RunbookState::kInterrupted: return QCoreApplication::translate("Lifecycle", "interrupted");
    case RunbookState::kDone: return QCoreApplication::translate("Lifecycle", "done");
    case RunbookState::kFailed: return QCoreApplication::translate("Lifecycle", "failed");
    case RunbookState::kCancelled: return QCoreApplication::translate("Lifecycle", "cancelled");
  }
  return {};
}

QString step_state_title(StepState s) {
  switch (s) {
    case StepState::kPending: return QCoreApplication::translate("Lifecycle", "pending");
    case StepState::kRunning: return QCoreApplication::translate("Lifecycle", "running");
    case StepState::kDone: return QCoreApplication::translate("Lifecycle", "done");
    case StepState::kFailed: return QCoreApplication::translate("Lifecycle", "failed");
  }
  return {};
}

QString step_title(const std::string& name) {
  struct S {
    const char* name;
    const char* text;
  };
  static const S kSteps[] = {
      {"check-host", QT_TRANSLATE_NOOP("Lifecycle", "Check the host")},
      {"check-target", QT_TRANSLATE_NOOP("Lifecycle", "Check the target host")},
      {"check-archive", QT_TRANSLATE_NOOP("Lifecycle", "Check the backup")},
      {"provision", QT_TRANSLATE_NOOP("Lifecycle", "Copy the agent and the network's files")},
      {"provision-target", QT_TRANSLATE_NOOP("Lifecycle", "Copy the agent and the network's files to the target")},
      {"keygen", QT_TRANSLATE_NOOP("Lifecycle", "Make the node's keys on the host")},
      {"request", QT_TRANSLATE_NOOP("Lifecycle", "The host makes a certificate request for the node's keys")},
      {"certify", QT_TRANSLATE_NOOP("Lifecycle", "Sign its certificate with the organisation's CA")},
      {"restart", QT_TRANSLATE_NOOP("Lifecycle", "Install the certificate and restart the agent")},
      {"add-observer", QT_TRANSLATE_NOOP("Lifecycle", "Governance: add as an observer")},
      {"start", QT_TRANSLATE_NOOP("Lifecycle", "Start the agent")},
      {"sync", QT_TRANSLATE_NOOP("Lifecycle", "Catch up with the network")},
      {"promote", QT_TRANSLATE_NOOP("Lifecycle", "Governance: promote to validator")},
      {"preview", QT_TRANSLATE_NOOP("Lifecycle", "Quorum preview")},
      {"demote", QT_TRANSLATE_NOOP("Lifecycle", "Governance: demote to observer")},
      {"remove", QT_TRANSLATE_NOOP("Lifecycle", "Governance: remove from the network")},
      {"stop", QT_TRANSLATE_NOOP("Lifecycle", "Stop the agent")},
      {"archive", QT_TRANSLATE_NOOP("Lifecycle", "Archive its data here")},
      {"forget", QT_TRANSLATE_NOOP("Lifecycle", "Remove it from the network's records")},
      {"backup", QT_TRANSLATE_NOOP("Lifecycle", "Back up the store")},
      {"backup-source", QT_TRANSLATE_NOOP("Lifecycle", "Back up the source")},
      {"restore", QT_TRANSLATE_NOOP("Lifecycle", "Restore the store")},
      {"copy-identity", QT_TRANSLATE_NOOP("Lifecycle", "Move the node's identity")},
      {"restore-target", QT_TRANSLATE_NOOP("Lifecycle", "Restore the backup on the target")},
      {"fence-source", QT_TRANSLATE_NOOP("Lifecycle", "Fence the source")},
      {"start-target", QT_TRANSLATE_NOOP("Lifecycle", "Start on the target")},
      {"verify", QT_TRANSLATE_NOOP("Lifecycle", "Verify it is synced and the network commits")},
      {"readiness", QT_TRANSLATE_NOOP("Lifecycle", "Readiness: every node reachable, supervised, the release staged")},
      {"canary", QT_TRANSLATE_NOOP("Lifecycle", "Canary: switch one node and watch it")},
      {"rolling", QT_TRANSLATE_NOOP("Lifecycle", "Switch the other nodes one at a time, validators last")},
      {"plan", QT_TRANSLATE_NOOP("Lifecycle", "Governance: schedule the upgrade")},
      {"activate", QT_TRANSLATE_NOOP("Lifecycle", "Watch the activation")},
      {"stop-upgrade", QT_TRANSLATE_NOOP("Lifecycle", "Stop the upgrade runbook")},
      {"cancel-plan", QT_TRANSLATE_NOOP("Lifecycle", "Governance: cancel the plan")},
      {"switch-back", QT_TRANSLATE_NOOP("Lifecycle", "Switch the nodes back to their binaries")},
  };
  for (const auto& s : kSteps)
    if (name == s.name) return QCoreApplication::translate("Lifecycle", s.text);
  return q(name);
}

QString note_text(const Words& n) {
  auto arg = [&](size_t i) { return i < n.args.size() ? q(n.args[i]) : QString(); };
  if (n.code == "proposing") return QCoreApplication::translate("Lifecycle", "Proposing %1 as %2").arg(arg(0), arg(1));
  if (n.code == "proposed") return QCoreApplication::translate("Lifecycle", "Proposed %1 as %2").arg(arg(0), arg(1));
  if (n.code == "approvals")
    return QCoreApplication::translate("Lifecycle", "%1: approved by %2; pending: %3")
        .arg(arg(0), arg(1).isEmpty() ? QCoreApplication::translate("Lifecycle", "none") : arg(1), arg(2).isEmpty() ? QCoreApplication::translate("Lifecycle", "none") : arg(2));
  if (n.code == "copied") return QCoreApplication::translate("Lifecycle", "Copied %1").arg(arg(0));
  if (n.code == "copying") return QCoreApplication::translate("Lifecycle", "Copying to %1").arg(arg(0));
  if (n.code == "waiting_api") return QCoreApplication::translate("Lifecycle", "Waiting for %1's agent to answer").arg(arg(0));
  if (n.code == "syncing") return QCoreApplication::translate("Lifecycle", "%1 at height %2 of %3").arg(arg(0), arg(1), arg(2));
  if (n.code == "waiting_role") return QCoreApplication::translate("Lifecycle", "Waiting for %1 to become a %2").arg(arg(0), arg(1));
  if (n.code == "switching")
    return QCoreApplication::translate("Lifecycle", "%1: %2 of %3 blocks on the new binary").arg(arg(0), arg(1), arg(2));
  if (n.code == "quorum_wait")
    return QCoreApplication::translate("Lifecycle", "Waiting to take %1 down: %2").arg(arg(0), arg(1));
  if (n.code == "planned_height") return QCoreApplication::translate("Lifecycle", "Activation height %1").arg(arg(0));
  if (n.code == "countdown")
    return QCoreApplication::translate("Lifecycle", "%1 blocks (about %2 s) to height %3").arg(arg(0), arg(1), arg(2));
  if (n.code == "past_height")
    return QCoreApplication::translate("Lifecycle", "Waiting for the chain to pass height %1 (at %2)").arg(arg(0), arg(1));
  if (n.code == "stopping") return QCoreApplication::translate("Lifecycle", "Stopping runbook #%1").arg(arg(0));
  if (n.code == "verifying") return QCoreApplication::translate("Lifecycle", "Watching %1 commit with the network").arg(arg(0));
  return q(n.code);
}

QString refusal_text(const std::string& code, const std::string& detail) {
  struct R {
    const char* code;
    const char* text;
  };
  static const R kRefusals[] = {
      {"host_unreachable", QT_TRANSLATE_NOOP("Lifecycle", "The host cannot be reached")},
      {"host_key_unknown", QT_TRANSLATE_NOOP("Lifecycle", "The host's key is unknown; confirm its fingerprint")},
      {"host_key_changed",
       QT_TRANSLATE_NOOP("Lifecycle", "WARNING: the host's key has changed; nothing was done (known key, then the one presented)")},
      {"fingerprint_mismatch",
       QT_TRANSLATE_NOOP("Lifecycle", "The host presents another key than the fingerprint given; nothing was done (given, then presented)")},
      {"bad_host_answer", QT_TRANSLATE_NOOP("Lifecycle", "The host answered something that is not what was asked")},
      {"identity_taken", QT_TRANSLATE_NOOP("Lifecycle", "The host made the key of a node that exists already")},
      {"proposal_mismatch", QT_TRANSLATE_NOOP("Lifecycle", "The proposal on the chain is not the one that was asked; nothing was approved")},
      {"no_network", QT_TRANSLATE_NOOP("Lifecycle", "No such network in the inventory")},
      {"usage", QT_TRANSLATE_NOOP("Lifecycle", "Bad usage")},
      {"ssh_auth_failed", QT_TRANSLATE_NOOP("Lifecycle", "The host refused the SSH key")},
      {"ssh_key_unreadable", QT_TRANSLATE_NOOP("Lifecycle", "The SSH key file cannot be read")},
      {"ssh_failed", QT_TRANSLATE_NOOP("Lifecycle", "SSH failed")},
      {"no_host", QT_TRANSLATE_NOOP("Lifecycle", "No such host; add it first with host add")},
      {"no_node", QT_TRANSLATE_NOOP("Lifecycle", "No such node in the network")},
      {"no_organisation", QT_TRANSLATE_NOOP("Lifecycle", "No such organisation in the network")},
      {"name_taken", QT_TRANSLATE_NOOP("Lifecycle", "The network has a node of that name already")},
      {"bad_name", QT_TRANSLATE_NOOP("Lifecycle", "A node name has 1 to 64 letters, digits, '-', '_' or '.'")},
      {"bad_dir", QT_TRANSLATE_NOOP("Lifecycle", "The directory must be an absolute path")},
      {"bad_ports", QT_TRANSLATE_NOOP("Lifecycle", "Three port numbers are needed: P2P, API, metrics")},
      {"bad_path", QT_TRANSLATE_NOOP("Lifecycle", "A file path is needed")},
      {"no_file", QT_TRANSLATE_NOOP("Lifecycle", "No such file")},
      {"disk_low", QT_TRANSLATE_NOOP("Lifecycle", "Not enough free disk on the host")},
      {"port_taken", QT_TRANSLATE_NOOP("Lifecycle", "A port the node needs is in use on the host")},
      {"clock_refused", QT_TRANSLATE_NOOP("Lifecycle", "The host's clock is too far off")},
      {"clock_off", QT_TRANSLATE_NOOP("Lifecycle", "The host's clock is more than a second off")},
      {"agent_version", QT_TRANSLATE_NOOP("Lifecycle", "An agent of another version is on the host")},
      {"agent_does_not_run", QT_TRANSLATE_NOOP("Lifecycle", "The agent copied to the host does not run there")},
      {"host_command_failed", QT_TRANSLATE_NOOP("Lifecycle", "A command on the host failed")},
      {"no_ca_key", QT_TRANSLATE_NOOP("Lifecycle", "The organisation's CA key is not available")},
      {"ca_key_mismatch", QT_TRANSLATE_NOOP("Lifecycle", "The CA key is not the key of the organisation's CA certificate")},
      {"ca_key_locked", QT_TRANSLATE_NOOP("Lifecycle", "The CA key cannot be opened (passphrase)")},
      {"no_identity", QT_TRANSLATE_NOOP("Lifecycle", "The node's keys are not where they should be")},
      {"not_a_backup", QT_TRANSLATE_NOOP("Lifecycle", "The file is not a node backup")},
      {"backup_of_another_node", QT_TRANSLATE_NOOP("Lifecycle", "The backup is of another node")},
      {"same_place", QT_TRANSLATE_NOOP("Lifecycle", "The node runs there already")},
      {"timed_out", QT_TRANSLATE_NOOP("Lifecycle", "Timed out")},
      {"proposal_withdrawn", QT_TRANSLATE_NOOP("Lifecycle", "The proposal was withdrawn")},
      {"proposal_expired", QT_TRANSLATE_NOOP("Lifecycle", "The proposal expired before enough organisations approved")},
      {"key_locked", QT_TRANSLATE_NOOP("Lifecycle", "The governance key cannot be opened (its passphrase is missing or wrong)")},
      {"no_governance_key", QT_TRANSLATE_NOOP("Lifecycle", "This workstation holds no governance key of the organisation")},
      {"no_organisation", QT_TRANSLATE_NOOP("Lifecycle", "No such organisation in the network")},
      {"proposal_closed", QT_TRANSLATE_NOOP("Lifecycle", "The proposal is not open any more; nothing was signed")},
      {"already_approved", QT_TRANSLATE_NOOP("Lifecycle", "The organisation approved it already; nothing was signed")},
      {"not_proposer", QT_TRANSLATE_NOOP("Lifecycle", "Only the proposing organisation may withdraw a proposal; nothing was signed")},
      {"no_runbook", QT_TRANSLATE_NOOP("Lifecycle", "No such runbook")},
      {"runbook_done", QT_TRANSLATE_NOOP("Lifecycle", "The runbook is done")},
      {"runbook_cancelled", QT_TRANSLATE_NOOP("Lifecycle", "The runbook was cancelled")},
      {"runbook_running", QT_TRANSLATE_NOOP("Lifecycle", "Another process is running the runbook")},
      {"nodes_going_down", QT_TRANSLATE_NOOP("Lifecycle", "Another runbook that takes nodes down is running on this network")},
      {"certificate_revoked", QT_TRANSLATE_NOOP("Lifecycle", "The node's certificate was revoked by governance")},
      {"identity_changed", QT_TRANSLATE_NOOP("Lifecycle", "The keys on the host are not the node's")},
      {"not_renewed", QT_TRANSLATE_NOOP("Lifecycle", "The node does not use its new certificate")},
      {"unknown_step", QT_TRANSLATE_NOOP("Lifecycle", "The runbook has a step this version does not know")},
      {"internal", QT_TRANSLATE_NOOP("Lifecycle", "Internal error")},
      {"upgrade_exists", QT_TRANSLATE_NOOP("Lifecycle", "An upgrade of that plan exists; resume or roll it back")},
      {"not_staged", QT_TRANSLATE_NOOP("Lifecycle", "The release is not staged on every node (stage it first)")},
      {"staged_differs", QT_TRANSLATE_NOOP("Lifecycle", "The release staged on the nodes is not the same binary")},
      {"too_close", QT_TRANSLATE_NOOP("Lifecycle", "The activation height is too close to the chain's height")},
      {"not_supervised", QT_TRANSLATE_NOOP("Lifecycle", "No supervisor runs the node, so it cannot switch binaries")},
      {"unreachable", QT_TRANSLATE_NOOP("Lifecycle", "A node does not answer")},
      {"bad_protocol", QT_TRANSLATE_NOOP("Lifecycle", "That protocol version does not follow the one in force")},
      {"switch_failed",
       QT_TRANSLATE_NOOP("Lifecycle", "The new binary did not become healthy; its supervisor switched back")},
      {"halted", QT_TRANSLATE_NOOP("Lifecycle", "A node halted")},
      {"plan_name_used", QT_TRANSLATE_NOOP("Lifecycle", "The chain has used that plan name before (names are used once, even after a cancellation): choose another")},
      {"bad_plan_name", QT_TRANSLATE_NOOP("Lifecycle", "A plan name has 1 to 64 letters, digits, '-', '_' or '.'")},
      {"bad_release", QT_TRANSLATE_NOOP("Lifecycle", "A release label has 1 to 64 letters, digits, '-', '_' or '.'")},
      {"no_operator_certificate", QT_TRANSLATE_NOOP("Lifecycle", "The network directory holds no operator certificate of the node's organisation")},
      {"no_admin_certificate", QT_TRANSLATE_NOOP("Lifecycle", "The network directory holds no organisation admin certificate")},
      {"release_lacks_protocol", QT_TRANSLATE_NOOP("Lifecycle", "The release does not implement the plan's protocol: every node would halt at the height")},
      {"stage_failed", QT_TRANSLATE_NOOP("Lifecycle", "The release was not staged on every node")},
      {"not_ready", QT_TRANSLATE_NOOP("Lifecycle", "Nodes that cannot take part in an upgrade (unreachable, halted or without a supervisor)")},
      {"canary_chosen", QT_TRANSLATE_NOOP("Lifecycle", "The canary was chosen when the upgrade started")},
      {"not_committing", QT_TRANSLATE_NOOP("Lifecycle", "The chain is not committing")},
      {"after_activation",
       QT_TRANSLATE_NOOP("Lifecycle", "The chain is within 5 blocks of the activation height or past it: there is no "
                                      "rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)")},
  };
  QString text;
  for (const auto& r : kRefusals)
    if (code == r.code) text = QCoreApplication::translate("Lifecycle", r.text);
  if (text.isEmpty()) text = reason_text(q(code));
  if (!detail.empty()) text += QStringLiteral(" (") + q(detail) + ")";
  return text;
}

}  // namespace consortia::console
