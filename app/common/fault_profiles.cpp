#include "common/fault_profiles.h"

#include <QCoreApplication>

namespace consortia::console {

QString fault_profile_label(size_t i) {
  switch (i) {
    case 0: return QCoreApplication::translate("FaultProfiles", "Rate limit 2048 kbit/s");
    case 1: return QCoreApplication::translate("FaultProfiles", "Delay 1000 ms ± 300 ms (30% correlated)");
    case 2: return QCoreApplication::translate("FaultProfiles", "Loss 10%");
    case 3: return QCoreApplication::translate("FaultProfiles", "Duplicate 1%");
    case 4: return QCoreApplication::translate("FaultProfiles", "Corrupt 0.2%");
  }
  return QString::fromLatin1(i < kFaultProfiles.size() ? kFaultProfiles[i] : "");
}

}  // namespace consortia::console
