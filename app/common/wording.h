// What the console says about outcomes the lower layers hand it as data:
// control calls on agents and the inventory's refusals, in the user's
// language.
#pragma once

#include <QString>

#include "model/control.h"
#include "model/inventory.h"

namespace consortia::console {

QString control_text(const ControlOutcome& o);
QString inventory_error_text(const InventoryError& e);

}  // namespace consortia::console
