// Start-up: what the console watches and how it reaches it, from a network
// directory (a sandbox, or one made with consortia-agent init) or from the
// inventory; and starting the embedded sandbox with progress the user can
// cancel.
#pragma once

#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/agent_links.h"
#include "model/inventory.h"
#include "sandbox_launcher.h"

class QWidget;

namespace consortia::console {

struct NetworkSource {
  std::string key;  // the network's name in history
  QString title;
  std::vector<Endpoint> endpoints;
  AgentLinks::Identity viewer;
  std::map<std::string, AgentLinks::Identity> operators;  // by organisation
  std::string genesis_path;
  std::string directory;  // the network directory, when opened from one (the lifecycle acts on it)
};

// The console reads as association staff would: a viewer certificate (and
// an operator certificate per organisation, for control calls).
std::optional<NetworkSource> open_directory(const std::string& dir, QString* error);
// An inventory network: the agents say who they are on first contact.
std::optional<NetworkSource> open_inventory(const InventoryNetwork& n, QString* error);

// Starts `consortia-agent sandbox` and waits, showing progress, until it
// runs. False when the user cancelled (`cancelled`) or it failed (`error`).
bool start_sandbox(agent::SandboxLauncher& launcher, const agent::SandboxLauncher::Options& o, bool* cancelled,
                   QString* error);

}  // namespace consortia::console
