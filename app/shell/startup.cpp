#include "shell/startup.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

#include "channel.h"
#include "network.h"
#include "pki.h"

namespace consortia::console {

std::optional<NetworkSource> open_directory(const std::string& dir, QString* error) {
  auto net = agent::load_network(dir);
  if (!net) {
    *error = QString::fromStdString(net.error().to_string());
    return std::nullopt;
  }
  auto id = agent::load_client_identity(*net, net->nodes.front().organisation, "viewer");
  if (!id) {
    *error = QString::fromStdString(id.error().to_string());
    return std::nullopt;
  }
  NetworkSource o;
  o.key = net->dir;
  o.title = QString::fromStdString(net->dir);
  o.viewer = std::make_shared<agent::ClientIdentity>(*id);
  for (const auto& n : net->nodes) {
    o.endpoints.push_back({n.name, n.organisation, n.api_address, n.metrics_address, n.id.hex()});
    if (!o.operators.count(n.organisation))
      if (auto op = agent::load_client_identity(*net, n.organisation, "operator"))
        o.operators[n.organisation] = std::make_shared<agent::ClientIdentity>(*op);
  }
  o.genesis_path = net->dir + "/genesis.json";
  o.directory = net->dir;
  return o;
}

std::optional<NetworkSource> open_inventory(const InventoryNetwork& n, QString* error) {
  auto ca = agent::read_file(n.ca_bundle), crt = agent::read_file(n.certificate), key = agent::read_file(n.key);
  for (const auto* f : {&ca, &crt, &key})
    if (!*f) {
      *error = QCoreApplication::translate("Startup", "Cannot read the certificate files of %1: %2")
                   .arg(QString::fromStdString(n.name), QString::fromStdString(f->error().detail));
      return std::nullopt;
    }
  NetworkSource o;
  o.key = "inventory:" + n.name;
  o.title = QString::fromStdString(n.name);
  o.viewer = std::make_shared<agent::ClientIdentity>(agent::ClientIdentity{*ca, *crt, *key});
  o.genesis_path = n.genesis;
  if (!n.operator_certificate.empty()) {
    auto oc = agent::read_file(n.operator_certificate), ok = agent::read_file(n.operator_key);
    if (oc && ok)
      if (auto subject = agent::certificate_subject(*oc))
        o.operators[subject->organisation] = std::make_shared<agent::ClientIdentity>(agent::ClientIdentity{*ca, *oc, *ok});
  }
  for (const auto& a : n.agents) o.endpoints.push_back({a.name, "", a.address, "", ""});
  return o;
}

bool start_sandbox(agent::SandboxLauncher& launcher, const agent::SandboxLauncher::Options& o, bool* cancelled,
                   QString* error) {
  *cancelled = false;
  if (auto st = launcher.start(o); !st) {
    *error = QCoreApplication::translate("Startup", "Cannot start the sandbox network: %1")
                 .arg(QString::fromStdString(st.error().detail));
    return false;
  }
  // Starting takes seconds (a new network issues its keys and certificates
  // first): progress in a dialog the user can cancel; the launcher is
  // looked at by a timer, the GUI stays alive in the event loop.
  QProgressDialog progress(
      QCoreApplication::translate("Startup", "Starting the sandbox network in %1…").arg(QString::fromStdString(o.dir)),
      QCoreApplication::translate("Startup", "Cancel"), 0, 0);
  progress.setWindowTitle(QCoreApplication::translate("Startup", "Consortia"));
  progress.setMinimumDuration(500);
  QEventLoop loop;
  QTimer timer;
  int waited_ms = 0;
  bool ok = false;
  QObject::connect(&progress, &QProgressDialog::canceled, &loop, [&] {
    *cancelled = true;
    loop.quit();
  });
  QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
    waited_ms += 50;
    switch (launcher.poll()) {
      case agent::SandboxLauncher::State::kRunning: ok = true; loop.quit(); return;
      case agent::SandboxLauncher::State::kExited:
        *error = QCoreApplication::translate("Startup", "The sandbox network did not start (exit status %1); its "
                                                        "messages are on the terminal.")
                     .arg(launcher.exit_status());
        loop.quit();
        return;
      default:
        if (waited_ms > 120'000) {
          *error = QCoreApplication::translate("Startup", "The sandbox network did not start within two minutes; its "
                                                          "messages are on the terminal.");
          loop.quit();
        }
    }
  });
  timer.start(50);
  loop.exec();
  timer.stop();
  progress.close();
  if (!ok) launcher.stop();
  return ok;
}

}  // namespace consortia::console
