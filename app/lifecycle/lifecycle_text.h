// The lifecycle's words in the user's language (Qt Core translations),
// shared by the console's pages and consortia-ctl: step names, runbook
// kinds and states, progress notes and the codes of refusals.
#pragma once

#include <QString>

#include "model/runbook.h"

namespace consortia::console {

QString runbook_kind_title(const std::string& kind);
QString runbook_state_title(RunbookState s);
QString step_state_title(StepState s);
QString step_title(const std::string& name);
QString note_text(const Words& note);
// A refusal's code (lifecycle, host or chain) as a sentence; `detail` the
// refusing party's own words, appended.
QString refusal_text(const std::string& code, const std::string& detail);

}  // namespace consortia::console
