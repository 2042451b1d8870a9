// The agents' stable reason codes ("quorum_at_risk: ...") in the user's
// language; the English detail after the code is kept for support staff.
#pragma once

#include <QString>

namespace consortia::console {

QString reason_text(const QString& code);
// "code: detail" -> "<translated code> (detail)"; other text unchanged.
QString translate_agent_error(const QString& message);

}  // namespace consortia::console
