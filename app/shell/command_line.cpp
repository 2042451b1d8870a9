#include "shell/command_line.h"

#include <QCommandLineParser>
#include <cstdio>

#include "common/wording.h"
#include "model/inventory.h"

namespace consortia::console {

namespace {

// Qt's own switches (-platform offscreen, -style, -reverse…) are QApplication's
// to take; the console's parser passes over them.
QStringList without_qt_switches(const QStringList& args) {
  static const QStringList kWithValue = {"platform", "platformpluginpath", "platformtheme", "plugin", "qmljsdebugger",
                                         "qwindowgeometry", "geometry", "qwindowtitle", "title", "qwindowicon", "icon",
                                         "session", "style", "stylesheet", "display", "name", "dialogs"};
  static const QStringList kFlags = {"reverse", "widgetcount", "nograb", "dograb", "sync"};
  QStringList out;
  for (int i = 0; i < args.size(); ++i) {
    QString a = args[i];
    if (i == 0 || !a.startsWith('-') || a.startsWith("--")) {
      out << a;
      continue;
    }
    QString name = a.mid(1).section('=', 0, 0);
    if (kFlags.contains(name)) continue;
    if (kWithValue.contains(name)) {
      if (!a.contains('=')) ++i;  // its value follows
      continue;
    }
    out << a;
  }
  return out;
}

}  // namespace

std::optional<int> parse_command_line(const QStringList& args, ConsoleOptions& o) {
  QCommandLineParser cli;
  cli.setApplicationDescription(
      "Consortia, the operations console for consortium blockchains. With no network given it opens the "
      "embedded default, a local sandbox network, starting it when it is not running.");
  QCommandLineOption help({"h", "help"}, "Show this help and exit.");
  QCommandLineOption version("version", "Show the version and exit.");
  QCommandLineOption dir("sandbox-dir", "Network directory (default: the user's sandbox).", "DIR");
  QCommandLineOption nodes("nodes", "Agents of a new sandbox network.", "N", "4");
  QCommandLineOption simulated("simulated",
                               "Start a simulated sandbox of N nodes (a consortia-sim network in real time, one "
                               "process) instead.",
                               "N");
  QCommandLineOption lang("lang", "Language: en or zh_CN.", "LANG", "en");
  QCommandLineOption keep("keep-sandbox", "Leave the sandbox running when the console closes.");
  QCommandLineOption no_sandbox("no-sandbox", "Connect to the network in the directory; never start a sandbox.");
  QCommandLineOption network("network", "Open a network from the inventory (added with --add-network or the Network "
                                        "menu) instead of a sandbox directory.", "NAME");
  QCommandLineOption add("add-network", "Add an existing network to the inventory and exit; with --agents, --ca, "
                                        "--cert, --key and optionally --operator-cert, --operator-key, --genesis.",
                         "NAME");
  QCommandLineOption agents("agents", "The network's agents: NAME=HOST:PORT, comma separated.", "LIST");
  QCommandLineOption ca("ca", "PEM file with the organisations' CA certificates.", "FILE");
  QCommandLineOption cert("cert", "PEM file with the console's client certificate (viewer or operator).", "FILE");
  QCommandLineOption key("key", "PEM file with its private key.", "FILE");
  QCommandLineOption op_cert("operator-cert", "Optional operator certificate for control calls.", "FILE");
  QCommandLineOption op_key("operator-key", "Its private key.", "FILE");
  QCommandLineOption genesis("genesis", "Optional genesis.json: the validators evidence proofs are checked against.",
                             "FILE");
  cli.addOptions({help, version, dir, nodes, simulated, lang, keep, no_sandbox, network, add, agents, ca, cert, key,
                  op_cert, op_key, genesis});
  Automation::add_options(cli);
  if (!cli.parse(without_qt_switches(args))) {
    std::fprintf(stderr, "consortia: %s (see consortia --help)\n", qPrintable(cli.errorText()));
    return 2;
  }
  if (cli.isSet(help)) {
    std::printf("%s", qPrintable(cli.helpText().replace("<executable_name>", "consortia")));
    return 0;
  }
  if (cli.isSet(version)) {
    std::printf("consortia %s\n", CONSORTIA_VERSION);
    return 0;
  }
  bool number = true;
  o.sandbox_dir = cli.value(dir);
  o.nodes = cli.value(nodes).toInt(&number);
  if (!number || o.nodes < 1) {
    std::fprintf(stderr, "consortia: --nodes takes a number of nodes, at least 1\n");
    return 2;
  }
  if (cli.isSet(simulated)) {
    o.simulated = cli.value(simulated).toInt(&number);
    if (!number || o.simulated < 1) {
      std::fprintf(stderr, "consortia: --simulated takes a number of nodes, at least 1\n");
      return 2;
    }
  }
  o.lang = cli.value(lang);
  if (o.lang != "en" && o.lang != "zh_CN") {
    std::fprintf(stderr, "consortia: --lang takes en or zh_CN\n");
    return 2;
  }
  o.keep_sandbox = cli.isSet(keep);
  o.no_sandbox = cli.isSet(no_sandbox);
  o.network = cli.value(network);
  if (cli.isSet(add))
    o.add_network = ConsoleOptions::AddNetwork{cli.value(add),     cli.value(agents),  cli.value(ca),
                                               cli.value(cert),    cli.value(key),     cli.value(op_cert),
                                               cli.value(op_key),  cli.value(genesis)};
  QString why;
  if (!Automation::read_options(cli, o.automation, &why)) {
    std::fprintf(stderr, "consortia: %s\n", qPrintable(why));
    return 2;
  }
  return std::nullopt;
}

int add_network_and_exit(const ConsoleOptions::AddNetwork& a, const QString& inventory_path) {
  InventoryError why;
  InventoryNetwork n;
  n.name = a.name.toStdString();
  auto agents = parse_agents(a.agents.toStdString(), &why);
  n.ca_bundle = a.ca.toStdString();
  n.certificate = a.certificate.toStdString();
  n.key = a.key.toStdString();
  n.operator_certificate = a.operator_certificate.toStdString();
  n.operator_key = a.operator_key.toStdString();
  n.genesis = a.genesis.toStdString();
  if (agents) n.agents = *agents;
  auto inv = agents ? Inventory::open(inventory_path.toStdString(), &why) : nullptr;
  bool replaced = false;
  if (!agents || !inv || !inv->add(n, &why, &replaced)) {
    std::fprintf(stderr, "consortia: cannot add the network: %s\n", qPrintable(inventory_error_text(why)));
    return 2;
  }
  std::printf("%s network %s with %zu agents; open it with: consortia --network %s\n", replaced ? "replaced" : "added",
              n.name.c_str(), n.agents.size(), n.name.c_str());
  return 0;
}

}  // namespace consortia::console
