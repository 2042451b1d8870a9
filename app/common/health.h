// A node's health as every page shows it: its word and its colour.
#pragma once

#include <QColor>
#include <QString>

#include "model/network_state.h"

namespace consortia::console {

QString health_text(Health h);
QColor health_color(Health h);

}  // namespace consortia::console
