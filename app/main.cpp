// consortia: the desktop console. With no network given it opens the
// embedded default, a local sandbox network of agents, starting it when it
// is not running (and stopping it on exit unless asked to keep it).
//
//   consortia [--sandbox-dir DIR] [--nodes N | --simulated N] [--lang en|zh_CN] [--keep-sandbox] [--no-sandbox]
//   consortia --network NAME
//   consortia --add-network NAME --agents LIST --ca FILE --cert FILE --key FILE [...]
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>

#include "agents/metatypes.h"
#include "common/reasons.h"
#include "governance_signer.h"
#include "sandbox_launcher.h"
#include "shell/automation.h"
#include "shell/command_line.h"
#include "shell/main_window.h"
#include "shell/session.h"
#include "shell/startup.h"

using namespace consortia;
using namespace consortia::console;

int main(int argc, char** argv) {
  // Not handed to the agents the console starts; the console asks for
  // passphrases itself.
  consortia::agent::take_secret_from_environment("CONSORTIA_ADMIN_PASSPHRASE");
  consortia::agent::take_secret_from_environment("CONSORTIA_CA_PASSPHRASE");
  QElapsedTimer since_start;
  since_start.start();
  QCoreApplication::setApplicationName("consortia");
  QStringList args;
  for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
  // --help, --version and --add-network need no display.
  ConsoleOptions o;
  if (auto rc = parse_command_line(args, o)) return *rc;
  QString data_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(data_dir);
  QString history_path = data_dir + "/history.db";
  if (o.add_network) return add_network_and_exit(*o.add_network, history_path);

  QApplication app(argc, argv);
  register_metatypes();
  auto fail = [&o](const QString& text) {
    std::fprintf(stderr, "consortia: %s\n", qPrintable(text));
    if (!o.automation.unattended()) QMessageBox::critical(nullptr, QObject::tr("Consortia"), text);
    return 1;
  };
  std::string dir = o.sandbox_dir.toStdString();
  if (dir.empty())  // a simulated network has a directory of its own
    dir = agent::default_sandbox_dir() + (o.simulated ? "-simulated-" + std::to_string(o.simulated) : "");

  // The embedded default: start the sandbox when it is not running.
  agent::SandboxLauncher sandbox;
  std::optional<NetworkSource> source;
  QString error;
  if (!o.network.isEmpty()) {
    auto inv = Inventory::open(history_path.toStdString(), nullptr);
    auto found = inv ? inv->find(o.network.toStdString()) : std::nullopt;
    if (!found) return fail(QObject::tr("No network named %1 in the inventory.").arg(o.network));
    if (!(source = open_inventory(*found, &error))) return fail(error);
  } else {
    if (!o.no_sandbox && !agent::sandbox_running(dir)) {
      bool cancelled = false;
      agent::SandboxLauncher::Options so{agent::find_agent_binary(QCoreApplication::applicationDirPath().toStdString()),
                                         dir, o.nodes, o.simulated};
      if (!start_sandbox(sandbox, so, &cancelled, &error)) return cancelled ? 0 : fail(error);
    }
    if (!(source = open_directory(dir, &error))) {
      sandbox.stop();  // one the console started goes with it
      return fail(QObject::tr("Cannot read the network in %1: %2").arg(QString::fromStdString(dir),
                                                                        translate_agent_error(error)));
    }
  }

  // History: the last state shows at once, marked stale, until agents answer.
  std::string history_error;
  std::shared_ptr<History> history(History::open(history_path.toStdString(), &history_error));
  MainWindow w(source->title, history_path);
  w.set_language(o.lang);
  ConsoleSession session(*source, history);
  session.enable_lifecycle(history_path.toStdString(),
                           agent::find_agent_binary(QCoreApplication::applicationDirPath().toStdString()),
                           (data_dir + "/archives").toStdString());
  session.connect_window(w);
  Automation automation(o.automation, session, w, since_start);
  if (!history) w.show_message(QObject::tr("History is off: %1").arg(QString::fromStdString(history_error)));
  session.start(1000);
  w.show();
  int rc = app.exec();
  if (!o.keep_sandbox) sandbox.stop();  // SIGTERM: the sandbox stops its agents in order
  return rc;
}
