// Network → Add an existing network…: its agents' addresses and the client
// certificate files, checked and saved in the inventory.
#pragma once

#include <QString>

class QWidget;

namespace consortia::console {

// Shows the dialog; the name of the network added, or empty if none was.
QString add_network_dialog(QWidget* parent, const QString& inventory_path);

}  // namespace consortia::console
