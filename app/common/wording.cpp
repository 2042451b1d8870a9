#include "common/wording.h"

#include <QCoreApplication>
#include <QStringList>

#include "common/reasons.h"

namespace consortia::console {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString failure_text(const ControlOutcome::Failure& f) {
  if (f.no_operator)
    return QCoreApplication::translate("Wording", "No operator certificate for %1: the console can only watch this node.").arg(q(f.organisation));
  return translate_agent_error(q(f.error));
}

}  // namespace

QString control_text(const ControlOutcome& o) {
  using A = ControlOutcome::Action;
  QString node = o.nodes.empty() ? QString() : q(o.nodes.front()), arg = q(o.argument), peer = q(o.peer);
  QString why = o.failures.empty() ? QString() : failure_text(o.failures.front());
  QStringList each;
  for (const auto& f : o.failures) each << q(f.node) + ": " + failure_text(f);
  QStringList group;
  for (const auto& n : o.nodes) group << q(n);
  switch (o.action) {
    case A::kApplyFault:
      return o.ok() ? QCoreApplication::translate("Wording", "Applied “%1” on %2").arg(arg, node) : QCoreApplication::translate("Wording", "Could not apply “%1” on %2: %3").arg(arg, node, why);
    case A::kApplyLinkFault:
      return o.ok() ? QCoreApplication::translate("Wording", "Applied “%1” on the link %2 → %3").arg(arg, node, peer)
                    : QCoreApplication::translate("Wording", "Could not apply “%1” on the link %2 → %3: %4").arg(arg, node, peer, why);
    case A::kClearFaults:
      return o.ok() ? QCoreApplication::translate("Wording", "Cleared the faults on %1").arg(node) : QCoreApplication::translate("Wording", "Could not clear the faults on %1: %2").arg(node, why);
    case A::kPartition:
      return o.ok() ? QCoreApplication::translate("Wording", "Partitioned %1 from the rest").arg(group.join(", "))
                    : QCoreApplication::translate("Wording", "The partition is incomplete: %1").arg(each.join("; "));
    case A::kClearAllFaults:
      return o.ok() ? QCoreApplication::translate("Wording", "Cleared all faults on every node") : QCoreApplication::translate("Wording", "Some faults remain: %1").arg(each.join("; "));
    case A::kSetLogLevel:
      return o.ok() ? QCoreApplication::translate("Wording", "%1 now logs from level %2").arg(node, arg)
                    : QCoreApplication::translate("Wording", "Could not set the log level of %1: %2").arg(node, why);
  }
  return QString();
}

QString inventory_error_text(const InventoryError& e) {
  using C = InventoryError::Code;
  using F = InventoryError::File;
  QString file;
  switch (e.file) {
    case F::kNone: break;
    case F::kCaBundle: file = QCoreApplication::translate("Wording", "CA bundle"); break;
    case F::kCertificate: file = QCoreApplication::translate("Wording", "client certificate"); break;
    case F::kKey: file = QCoreApplication::translate("Wording", "client key"); break;
    case F::kOperatorCertificate: file = QCoreApplication::translate("Wording", "operator certificate"); break;
    case F::kOperatorKey: file = QCoreApplication::translate("Wording", "operator key"); break;
    case F::kGenesis: file = QCoreApplication::translate("Wording", "genesis"); break;
  }
  QString subject = q(e.subject), detail = q(e.detail);
  switch (e.code) {
    case C::kCannotOpen: return QCoreApplication::translate("Wording", "cannot open %1 %2").arg(subject, detail).trimmed();
    case C::kNotAgent: return QCoreApplication::translate("Wording", "'%1' is not name=host:port").arg(subject);
    case C::kRepeatedAgent: return QCoreApplication::translate("Wording", "'%1' repeats a name or an address").arg(subject);
    case C::kNoAgents: return QCoreApplication::translate("Wording", "no agents given");
    case C::kNoName: return QCoreApplication::translate("Wording", "a network needs a name");
    case C::kCannotRead: return QCoreApplication::translate("Wording", "cannot read the %1 %2").arg(file, subject);
    case C::kNotPem:
      return e.file == F::kGenesis ? QCoreApplication::translate("Wording", "%1 is not a genesis file").arg(subject)
                                   : QCoreApplication::translate("Wording", "%1 is not a PEM %2").arg(subject, file);
    case C::kKeyMismatch:
      return QCoreApplication::translate("Wording", "%1 is not the private key of the %2's certificate")
          .arg(subject, e.file == F::kOperatorKey ? QCoreApplication::translate("Wording", "operator")
                                                  : QCoreApplication::translate("Wording", "client"));
    case C::kCannotSave: return QCoreApplication::translate("Wording", "cannot save the network: %1").arg(detail);
  }
  return QString();
}

}  // namespace consortia::console
