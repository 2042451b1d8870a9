#include "common/health.h"

#include <QCoreApplication>

namespace consortia::console {

QString health_text(Health h) {
  switch (h) {
    case Health::kSynced: return QCoreApplication::translate("Health", "synced");
    case Health::kLagging: return QCoreApplication::translate("Health", "lagging");
    case Health::kHalted: return QCoreApplication::translate("Health", "halted");
    case Health::kUnreachable: return QCoreApplication::translate("Health", "unreachable");
  }
  return {};
}

QColor health_color(Health h) {
  switch (h) {
    case Health::kSynced: return QColor(0x2e, 0x9d, 0x5b);
    case Health::kLagging: return QColor(0xe0, 0x9a, 0x1a);
    case Health::kHalted: return QColor(0x8e, 0x44, 0xad);
    case Health::kUnreachable: return QColor(0xc0, 0x39, 0x2b);
  }
  return Qt::gray;
}

}  // namespace consortia::console
