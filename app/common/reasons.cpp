#include "common/reasons.h"

#include <QCoreApplication>

namespace consortia::console {

QString reason_text(const QString& code) {
  struct R {
    const char* code;
    const char* text;
  };
  static const R kReasons[] = {
      {"invalid_argument", QT_TRANSLATE_NOOP("Reasons", "Invalid input")},
      {"malformed", QT_TRANSLATE_NOOP("Reasons", "Malformed data")},
      {"unsupported_version", QT_TRANSLATE_NOOP("Reasons", "Unsupported version or feature")},
      {"too_large", QT_TRANSLATE_NOOP("Reasons", "Too large")},
      {"bad_signature", QT_TRANSLATE_NOOP("Reasons", "Bad signature")},
      {"bad_certificate", QT_TRANSLATE_NOOP("Reasons", "Bad certificate")},
      {"invalid_block", QT_TRANSLATE_NOOP("Reasons", "Invalid block")},
      {"duplicate", QT_TRANSLATE_NOOP("Reasons", "Duplicate")},
      {"nonce_too_low", QT_TRANSLATE_NOOP("Reasons", "Nonce already used")},
      {"nonce_too_high", QT_TRANSLATE_NOOP("Reasons", "Nonce too far ahead")},
      {"mempool_full", QT_TRANSLATE_NOOP("Reasons", "Transaction pool full")},
      {"not_found", QT_TRANSLATE_NOOP("Reasons", "Not found")},
      {"storage_io", QT_TRANSLATE_NOOP("Reasons", "Storage or system error")},
      {"storage_corrupt", QT_TRANSLATE_NOOP("Reasons", "Stored data damaged")},
      {"unauthorised", QT_TRANSLATE_NOOP("Reasons", "Not authorised")},
      {"expired", QT_TRANSLATE_NOOP("Reasons", "Proposal expired")},
      {"quorum_at_risk", QT_TRANSLATE_NOOP("Reasons", "Would leave the live validators short of a quorum")},
      {"too_few_validators", QT_TRANSLATE_NOOP("Reasons", "Would leave fewer than 4 validators")},
      {"conflict", QT_TRANSLATE_NOOP("Reasons", "Conflicts with the chain's state")},
      {"too_late", QT_TRANSLATE_NOOP("Reasons", "Too late or too soon for this height")},
      {"unsupported_in_version", QT_TRANSLATE_NOOP("Reasons", "Not available in this protocol version")},
      {"unavailable", QT_TRANSLATE_NOOP("Reasons", "The node is down or cannot serve this now")},
  };
  for (const auto& r : kReasons)
    if (code == QLatin1String(r.code)) return QCoreApplication::translate("Reasons", r.text);
  return code;
}

QString translate_agent_error(const QString& message) {
  int colon = message.indexOf(':');
  if (colon <= 0) return message;
  QString code = message.left(colon);
  QString text = reason_text(code);
  if (text == code) return message;
  return text + " (" + message.mid(colon + 1).trimmed() + ")";
}

}  // namespace consortia::console
