// A finding in words, in the user's language: its kind, severity, the
// evidence and a suggested action. The analysis rules (model/analysis.h)
// only hand over data.
#pragma once

#include <QString>

#include "model/analysis.h"

namespace consortia::console {

struct FindingText {
  QString severity, kind, nodes, evidence, action;
};
FindingText finding_text(const Finding& f);

}  // namespace consortia::console
