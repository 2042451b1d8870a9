#include "analysis/finding_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "common/reasons.h"

namespace consortia::console {
FindingText finding_text(const Finding& f) {
  using C = Finding::Cause;
  FindingText t;
  t.severity = f.severity == Severity::kCritical ? QCoreApplication::translate("Findings", "critical")
               : f.severity == Severity::kWarning ? QCoreApplication::translate("Findings", "warning")
                                                   : QCoreApplication::translate("Findings", "info");
  QStringList nodes;
  for (const auto& n : f.nodes) nodes << QString::fromStdString(n);
  t.nodes = nodes.join(", ");
  QString detail = QString::fromStdString(f.detail);
  switch (f.kind) {
    case Finding::Kind::kFork:
      t.kind = QCoreApplication::translate("Findings", "Fork");
      t.evidence = QCoreApplication::translate("Findings", "block hashes differ from height %1; all agree at %2")
                       .arg(f.height)
                       .arg(f.figure);
      t.action = QCoreApplication::translate(
          "Findings",
          "Stop the odd node(s), keep their data for investigation and resync them from the majority; "
          "check for more than f Byzantine validators or a software difference.");
      break;
    case Finding::Kind::kLagging:
      t.kind = QCoreApplication::translate("Findings", "Lagging node");
      switch (f.cause) {
        case C::kDiskFull:
          t.evidence = QCoreApplication::translate("Findings", "behind by %1 blocks: its disk is nearly full").arg(f.height);
          t.action = QCoreApplication::translate(
              "Findings", "Free or grow the volume holding its data directory; it cannot store new blocks.");
          break;
        case C::kNoPeers:
          t.evidence =
              QCoreApplication::translate("Findings", "behind by %1 blocks: it has no connected peers").arg(f.height);
          t.action = QCoreApplication::translate(
              "Findings", "Check its network, firewall and certificates; its log says why peers refuse it.");
          break;
        case C::kPeersBehind:
          t.evidence = QCoreApplication::translate(
                           "Findings", "behind by %1 blocks: its peers are behind too (best peer height %2)")
                           .arg(f.height)
                           .arg(f.figure);
          t.action = QCoreApplication::translate(
              "Findings", "Its sync sources are slow or partitioned: check the links of its organisation.");
          break;
        default:
          t.evidence = QCoreApplication::translate("Findings", "behind by %1 blocks: syncing from peers at height %2")
                           .arg(f.height)
                           .arg(f.figure);
          t.action = QCoreApplication::translate("Findings", "Watch that the gap closes; if not, check its disk and CPU.");
      }
      break;
    case Finding::Kind::kViewChangeStorm: {
      t.kind = QCoreApplication::translate("Findings", "View-change storm");
      t.evidence = QCoreApplication::translate("Findings", "%1 view changes per minute").arg(f.figure, 0, 'f', 0);
      QStringList suspects;
      for (const auto& s : f.suspects) suspects << QString::fromStdString(s);
      if (!suspects.isEmpty())
        t.evidence += QCoreApplication::translate("Findings", "; suspected: %1").arg(suspects.join(", "));
      t.action = QCoreApplication::translate("Findings", "Look for a leader that is down or slow and for lossy links around it.");
      break;
    }
    case Finding::Kind::kUnreachableAgent:
      if (f.cause == C::kNodeDown) {
        t.kind = QCoreApplication::translate("Findings", "Node down");
        t.evidence = QCoreApplication::translate("Findings", "the agent answers but its node is not running: %1")
                         .arg(translate_agent_error(detail));
        t.action = QCoreApplication::translate("Findings", "Look at the node's log through its agent and restart the node.");
      } else {
        t.kind = QCoreApplication::translate("Findings", "Agent unreachable");
        t.evidence =
            QCoreApplication::translate("Findings", "the agent did not answer: %1").arg(translate_agent_error(detail));
        t.action = QCoreApplication::translate(
            "Findings", "Check the agent process and the network path to it; the node itself may still run.");
      }
      break;
    case Finding::Kind::kDuplicateIdentity: {
      t.kind = QCoreApplication::translate("Findings", "Duplicate identity");
      QStringList both = detail.split(' ');
      t.evidence = QCoreApplication::translate("Findings", "one node identity connects from %1 and from %2 at once")
                       .arg(both.value(0), both.value(1));
      t.action = QCoreApplication::translate(
          "Findings", "Stop the copy that should not run (a migrated node's old host, a copied key) before it signs "
                      "twice; its tombstone says where the node moved.");
      break;
    }
    case Finding::Kind::kHalted:
      t.kind = QCoreApplication::translate("Findings", "Node halted");
      t.evidence = detail;
      t.action = QCoreApplication::translate(
          "Findings", "Install the release that implements the upgrade and restart the node on its data.");
      break;
  }
  return t;
}

}  // namespace consortia::console
