// The console's command line, read without a display: --help and --version
// answer on the terminal, --add-network adds to the inventory and quits,
// and everything else configures the window. Test automation switches
// (shell/automation.h) are accepted but not listed in --help.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "shell/automation.h"

namespace consortia::console {

struct ConsoleOptions {
  QString sandbox_dir;  // the network directory; empty: the user's sandbox
  int nodes = 4;        // agents of a new sandbox
  int simulated = 0;    // > 0: a simulated sandbox of that many nodes
  QString lang = "en";
  bool keep_sandbox = false;
  bool no_sandbox = false;
  QString network;  // an inventory network to open instead of a directory
  struct AddNetwork {
    QString name, agents, ca, certificate, key, operator_certificate, operator_key, genesis;
  };
  std::optional<AddNetwork> add_network;
  AutomationOptions automation;
};

// Parses `args` (argv, program name first). Returns an exit status when the
// console should stop now (after --help, --version or a usage error, all
// answered on the terminal), else fills `o`.
std::optional<int> parse_command_line(const QStringList& args, ConsoleOptions& o);

// --add-network: checks and saves the network in the inventory at `path`;
// the exit status (0 added, 2 refused with the reason on stderr).
int add_network_and_exit(const ConsoleOptions::AddNetwork& a, const QString& inventory_path);

}  // namespace consortia::console
